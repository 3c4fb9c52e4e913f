import os

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings
from rest_framework.test import APIClient

from events_api.people.queries import forget_language_codes
from events_api.people.roles import Role
from tests.factories import OrganizationMembershipFactory, UserFactory

# Hypothesis profiles. "ci": the same examples on every run (derandomize), so a CI failure
# is reproducible and a pass is not luck; no example database; a failure prints the
# @reproduce_failure blob. "dev": random examples, failures kept in .hypothesis/ and
# replayed first next time, and the blob printed too. Tests' own max_examples and
# deadlines win over both. CI=true (or any value but 0/false) picks "ci";
# --hypothesis-profile picks any.
_HYPOTHESIS_DEFAULTS = hypothesis_settings.get_profile("default")
hypothesis_settings.register_profile(
    "ci", parent=_HYPOTHESIS_DEFAULTS, derandomize=True, print_blob=True, database=None
)
hypothesis_settings.register_profile("dev", parent=_HYPOTHESIS_DEFAULTS, print_blob=True)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config):
    if not config.getoption("--hypothesis-profile", default=None):
        hypothesis_settings.load_profile("ci" if _in_ci() else "dev")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle and rate-limit counters live in the cache; every test starts clean (and
    reads the language catalogue from its own database)."""
    forget_language_codes()
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    """Text messages sent in a test (the memory backend), like Django's mail.outbox."""
    from events_api.notifications import sms_backends

    sms_backends.outbox.clear()
    sms_backends.failures.clear()
    yield
    sms_backends.outbox.clear()
    sms_backends.failures.clear()


DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.fixture(autouse=True)
def _seat_counts_match_registrations(request):
    """The services write an event's seats_taken and waitlist_length under its row lock;
    after every test that used the database they must equal what the registrations say.
    (Rows made by hand are recounted, as the factories do.) The database is set up here,
    before the test, so its teardown comes after this check."""
    uses_db = request.node.get_closest_marker("django_db") or DB_FIXTURES & set(
        request.fixturenames
    )
    if not uses_db or request.node.get_closest_marker("counts_may_drift"):
        yield
        return
    request.getfixturevalue("_django_db_helper")
    yield
    from events_api.events.services.counts import drifted

    assert drifted() == [], "events whose stored seat counts differ from their registrations"


@pytest.fixture
def api():
    return APIClient()


class _FreshUserClient(APIClient):
    """Authenticates as ``user`` loaded afresh for every request, as a real session does,
    so nothing cached on one request's user object leaks into the next."""

    def __init__(self, user):
        super().__init__()
        self._user_pk = user.pk
        self._user_model = type(user)

    def request(self, **kwargs):
        self.force_authenticate(self._user_model.objects.get(pk=self._user_pk))
        return super().request(**kwargs)


def client_for(user) -> APIClient:
    return _FreshUserClient(user)


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def user_api(user):
    return client_for(user)


@pytest.fixture
def organiser(db):
    return UserFactory(roles=[Role.ORGANISER])


@pytest.fixture
def organiser_api(organiser):
    return client_for(organiser)


@pytest.fixture
def cbo_membership(db):
    membership = OrganizationMembershipFactory(user=UserFactory(roles=[Role.CBO_STAFF]))
    return membership


@pytest.fixture
def cbo_api(cbo_membership):
    return client_for(cbo_membership.user)
