"""Calendar factories: feed tokens (with their secret known to the test) and hand-made
CalendarItems."""

from datetime import UTC, datetime, timedelta

import factory

from events_api.calendars.items import CalendarItem
from events_api.events.passes import hash_token
from tests.factories import NEW_YORK, UserFactory


class FeedTokenFactory(factory.django.DjangoModelFactory):
    """``token`` is the secret in the URL; only its hash is stored, as in production."""

    class Meta:
        model = "calendars.FeedToken"

    user = factory.SubFactory(UserFactory)
    token = factory.Sequence(lambda n: f"feed-token-{n:04d}-abcdefghijklmnopqrstuvwxyz0123")
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))

    @classmethod
    def _create(cls, model_class, *args, token, **kwargs):
        row = super()._create(model_class, *args, **kwargs)
        row.token = token  # kept on the instance for the test, never in the database
        return row


class CalendarItemFactory(factory.Factory):
    """A one-hour item at 19:00 New York time on 5 January 2027."""

    class Meta:
        model = CalendarItem

    uid = factory.Sequence(lambda n: f"item-{n}@test.invalid")
    summary = factory.Sequence(lambda n: f"Item {n}")
    starts_at = datetime(2027, 1, 5, 19, tzinfo=NEW_YORK)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    tzid = "America/New_York"
    last_modified = datetime(2026, 12, 1, 12, tzinfo=UTC)
