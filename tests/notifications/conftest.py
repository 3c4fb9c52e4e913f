import pytest

from tests.notifications import fake_twilio


@pytest.fixture
def notifications(settings):
    """Set NOTIFICATIONS keys for one test: ``notifications(SMS_BACKEND=...)``."""

    def change(**keys):
        settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, **keys}
        return settings.NOTIFICATIONS

    return change


@pytest.fixture
def twilio(notifications):
    """The fake provider, and the settings that point TwilioBackend at it."""
    fake, server = fake_twilio.start()
    notifications(
        SMS_BACKEND="events_api.notifications.sms_backends.TwilioBackend",
        TWILIO_BASE_URL=fake.url,
        TWILIO_ACCOUNT_SID=fake_twilio.SID,
        TWILIO_AUTH_TOKEN=fake_twilio.TOKEN,
        SMS_FROM="+12125550100",
        SMS_TIMEOUT_SECONDS=2,
    )
    yield fake
    fake_twilio.stop(fake, server)
