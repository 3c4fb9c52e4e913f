"""/calendar/feeds/{token}.ics: the events a person registered for and those apps put in
their calendar, behind a secret token; nobody else's data; 404 for unknown or revoked."""

from datetime import timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from events_api.calendars.services import issue_feed_token, revoke_feed_token
from events_api.events import hooks
from events_api.events.models import Event, Registration
from events_api.events.services.counts import recount
from tests.calendars.factories import FeedTokenFactory
from tests.calendars.helpers import parse, vevents
from tests.factories import EventFactory, RegistrationFactory, UserFactory
from tests.helpers import query_count

pytestmark = pytest.mark.django_db


def url(token: str) -> str:
    return f"/calendar/feeds/{token}.ics"


def summaries(response) -> set[str]:
    return {str(event["SUMMARY"]) for event in vevents(response.content)}


@pytest.fixture
def feed():
    return FeedTokenFactory(token="parent-feed-token-0123456789abcdefghijklmnop")


@pytest.fixture
def personal_hooks(monkeypatch):
    """Hooks registered by a test stay with that test (apps register theirs at start-up)."""
    monkeypatch.setattr(hooks, "_personal", list(hooks._personal))
    monkeypatch.setattr(hooks, "_audiences", list(hooks._audiences))


def register(user, title, status="confirmed", **event):
    return RegistrationFactory(
        user=user, status=status, event=EventFactory(title={"en": title}, **event)
    )


def test_feed_has_the_persons_own_live_registrations(api, feed):
    me = feed.user
    register(me, "Confirmed")
    register(me, "Waitlisted", status="waitlisted")
    register(me, "Cancelled registration", status="cancelled")
    register(me, "Said no", status="declined")
    register(UserFactory(), "Someone else's")
    RegistrationFactory(user=me, event=EventFactory(title={"en": "Draft"}, status="draft"))
    EventFactory(title={"en": "Not registered"})

    response = api.get(url("parent-feed-token-0123456789abcdefghijklmnop"))

    assert response.status_code == 200
    assert summaries(response) == {"Confirmed", "Waitlisted"}
    assert str(parse(response.content)["X-WR-CALNAME"]) == "Open Doors: my calendar"
    assert response["Cache-Control"] == "private, no-cache"
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_waitlist_place_shows_as_tentative_not_as_a_seat(api, feed):
    register(feed.user, "Seat", capacity=1)
    register(feed.user, "Waiting", status="waitlisted")

    statuses = {
        str(event["SUMMARY"]): str(event["STATUS"])
        for event in vevents(api.get(url(feed.token)).content)
    }

    assert statuses == {"Seat": "CONFIRMED", "Waiting": "TENTATIVE"}


def test_a_cancelled_event_stays_in_the_persons_feed_marked_cancelled(api, feed):
    registration = register(feed.user, "Family night")
    Event.objects.filter(pk=registration.event_id).update(status="cancelled", version=2)

    (event,) = vevents(api.get(url(feed.token)).content)

    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 2


def test_events_apps_put_in_the_calendar_are_included(api, feed, personal_hooks):
    """A committee or the interpreter roster registers which events belong to a person
    (their meetings, their assignments), members-only ones included."""
    meeting = EventFactory(title={"en": "Members-only meeting"})
    hooks.register_audience(lambda: Q(pk=meeting.pk), lambda user: Q(pk__in=[]))
    me = feed.user
    hooks.register_personal_events(lambda user: Q(pk=meeting.pk) if user == me else Q(pk__in=[]))
    other = FeedTokenFactory()

    assert summaries(api.get(url(feed.token))) == {"Members-only meeting"}
    assert summaries(api.get(url(other.token))) == set()
    assert api.get(f"/calendar/events/{meeting.pk}.ics").status_code == 404


def test_a_registration_for_an_event_the_person_may_no_longer_see_is_left_out(
    api, feed, personal_hooks
):
    registration = register(feed.user, "Members-only")
    hooks.register_audience(lambda: Q(pk=registration.event_id), lambda user: Q(pk__in=[]))

    assert summaries(api.get(url(feed.token))) == set()


def test_default_language_is_the_persons_and_lang_overrides_it(api):
    feed = FeedTokenFactory(user__preferred_language_id="es")
    RegistrationFactory(
        user=feed.user, event=EventFactory(title={"en": "Family night", "es": "Noche familiar"})
    )

    assert summaries(api.get(url(feed.token))) == {"Noche familiar"}
    assert summaries(api.get(url(feed.token), {"lang": "en"})) == {"Family night"}


def test_unknown_revoked_and_rotated_tokens_are_not_found(api):
    user = UserFactory()
    _, first = issue_feed_token(user=user)
    assert api.get(url(first)).status_code == 200

    _, second = issue_feed_token(user=user)
    assert api.get(url(first)).status_code == 404
    assert api.get(url(second)).status_code == 200

    revoke_feed_token(user=user)
    response = api.get(url(second))
    assert response.status_code == 404
    assert response.json()["code"] == "feed_not_found"
    assert api.get(url("x" * 43)).status_code == 404
    assert api.get(url("short")).status_code == 404


def test_an_inactive_persons_feed_is_not_found(api, feed):
    feed.user.is_active = False
    feed.user.save()

    assert api.get(url(feed.token)).status_code == 404


def test_no_secrets_and_no_other_peoples_data_in_the_feed(api, feed):
    mine = register(feed.user, "Family night")
    other = RegistrationFactory(event=mine.event, name="Another Parent", email="other@example.org")

    text = api.get(url(feed.token)).content.decode()

    for secret in [
        feed.token,
        feed.token_hash,
        mine.pass_code,
        mine.manage_token_hash,
        other.name,
        other.phone,
        other.email,
        other.pass_code,
        feed.user.email,
    ]:
        assert secret not in text


def test_the_etag_changes_when_a_registration_changes(api, feed):
    registration = register(feed.user, "Family night")
    before = api.get(url(feed.token))

    registration.status = "waitlisted"
    registration.waitlist_position = 1
    registration.save()
    recount([registration.event_id])  # changed by hand, so recounted as the repair does
    after = api.get(url(feed.token), HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]


def test_a_thousand_events_in_at_most_six_queries_and_a_304_in_at_most_two(api, feed):
    start = timezone.now() + timedelta(days=2)
    events = Event.objects.bulk_create(
        Event(
            title={"en": f"Event {i}", "es": f"Evento {i}"},
            description={"en": "About it"},
            starts_at=start + timedelta(hours=i),
            ends_at=start + timedelta(hours=i + 1),
            address="4004 4th Avenue, Brooklyn",
            status="published",
        )
        for i in range(1000)
    )
    Registration.objects.bulk_create(
        RegistrationFactory.build(user=feed.user, event=event) for event in events
    )
    recount([event.pk for event in events])
    responses = []

    full = query_count(lambda: responses.append(api.get(url(feed.token))))
    etag = responses[0]["ETag"]
    cached = query_count(
        lambda: responses.append(api.get(url(feed.token), HTTP_IF_NONE_MATCH=etag))
    )

    assert responses[0].status_code == 200
    assert len(vevents(responses[0].content)) == 1000
    assert full <= 6
    assert responses[1].status_code == 304
    assert cached <= 2
