"""/calendar/events/{id}.ics: one event anyone may see, in the asked language, with its
SEQUENCE and status; conditional GET answers 304 without building."""

from datetime import datetime, timedelta

import pytest
from django.db.models import Q

from events_api.calendars.queries import Stamp
from events_api.events.hooks import register_audience
from events_api.events.models import Event
from events_api.events.services.events import cancel_event, update_event
from tests.calendars.helpers import vevents
from tests.factories import NEW_YORK, EventFactory, RegistrationFactory, SchoolFactory
from tests.helpers import query_count

pytestmark = pytest.mark.django_db


SATURDAY_10AM = datetime(2027, 3, 6, 10, tzinfo=NEW_YORK)


def url(event_id: int) -> str:
    return f"/calendar/events/{event_id}.ics"


def test_event_file_carries_the_event(api, settings):
    settings.PUBLIC_BASE_URL = "https://opendoors.example.org"
    school = SchoolFactory(name="P.S. 24")
    event = EventFactory(
        title={"en": "Family night", "es": "Noche familiar"},
        description={"en": "Food, games; friends"},
        room="Library",
        school=school,
        address="427 38th Street, Brooklyn",
        starts_at=SATURDAY_10AM,
    )

    response = api.get(url(event.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'inline; filename="event-{event.pk}.ics"'
    (vevent,) = vevents(response.content)
    assert str(vevent["UID"]) == f"event-{event.pk}@opendoors.example.org"
    assert str(vevent["SUMMARY"]) == "Family night"
    assert str(vevent["DESCRIPTION"]) == "Food, games; friends"
    assert str(vevent["LOCATION"]) == "Library, P.S. 24, 427 38th Street, Brooklyn"
    assert str(vevent["URL"]) == f"https://opendoors.example.org/events/{event.pk}"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["SEQUENCE"] == 1
    assert vevent["DTSTART"].params["TZID"] == "America/New_York"
    assert vevent["DTSTART"].dt == SATURDAY_10AM
    assert vevent["DTEND"].dt == SATURDAY_10AM + timedelta(hours=2)
    assert b"BEGIN:VTIMEZONE\r\nTZID:America/New_York" in response.content


def test_online_event_gives_its_link_as_the_place(api):
    event = EventFactory(address="", online_url="https://meet.example.org/family-night")

    (vevent,) = vevents(api.get(url(event.pk)).content)

    assert str(vevent["LOCATION"]) == "https://meet.example.org/family-night"


@pytest.mark.parametrize(
    ("lang", "summary"),
    [("es", "Noche familiar"), ("es-US", "Noche familiar"), ("fr", "Family night")],
)
def test_lang_chooses_the_text_with_english_fallback(api, lang, summary):
    event = EventFactory(title={"en": "Family night", "es": "Noche familiar"})

    (vevent,) = vevents(api.get(url(event.pk), {"lang": lang}).content)

    assert str(vevent["SUMMARY"]) == summary


@pytest.mark.parametrize("lang", ["", "<script>", "e" * 300, "es;DROP", "../../etc"])
def test_a_bad_lang_falls_back_to_english(api, lang):
    event = EventFactory(title={"en": "Family night", "es": "Noche familiar"})

    response = api.get(url(event.pk), {"lang": lang})

    assert response.status_code == 200
    assert str(vevents(response.content)[0]["SUMMARY"]) == "Family night"


def test_sequence_goes_up_after_a_time_change_and_the_etag_changes(api):
    event = EventFactory(starts_at=SATURDAY_10AM)
    before = api.get(url(event.pk))

    update_event(
        event_id=event.pk,
        starts_at=event.starts_at + timedelta(hours=1),
        ends_at=event.ends_at + timedelta(hours=1),
    )
    after = api.get(url(event.pk))

    assert vevents(before.content)[0]["SEQUENCE"] == 1
    (moved,) = vevents(after.content)
    assert moved["SEQUENCE"] == 2
    assert moved["DTSTART"].dt == SATURDAY_10AM + timedelta(hours=1)
    assert after["ETag"] != before["ETag"]
    assert api.get(url(event.pk), HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_a_cancelled_event_stays_in_the_file_as_cancelled(api):
    event = EventFactory()
    cancel_event(event_id=event.pk)

    (vevent,) = vevents(api.get(url(event.pk)).content)

    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent["SEQUENCE"] == 2


def test_drafts_unknown_and_huge_ids_are_not_found(api):
    draft = EventFactory(status="draft")

    for path in [url(draft.pk), url(draft.pk + 1000), "/calendar/events/99999999999999999999.ics"]:
        response = api.get(path)
        assert response.status_code == 404, path
        assert response.json() == {
            "code": "feed_not_found",
            "message": "There is no such calendar.",
            "fields": {},
        }


def test_members_only_events_are_not_in_public_files(api, monkeypatch):
    from events_api.events import hooks

    monkeypatch.setattr(hooks, "_audiences", list(hooks._audiences))
    private = EventFactory(title={"en": "Members only"})
    register_audience(lambda: Q(pk=private.pk), lambda user: Q(pk__in=[]))

    assert api.get(url(private.pk)).status_code == 404


def test_no_registrant_data_or_secrets_in_the_file(api):
    event = EventFactory()
    registration = RegistrationFactory(
        event=event, name="Amina Diallo", phone="+17185550199", email="amina@example.org"
    )

    text = api.get(url(event.pk)).content.decode()

    for secret in [
        registration.name,
        registration.phone,
        registration.email,
        registration.pass_code,
        registration.manage_token_hash,
    ]:
        assert secret not in text


def test_matching_etag_answers_304_in_one_query_without_a_body(api):
    event = EventFactory()
    first = api.get(url(event.pk))
    assert first["Last-Modified"]
    assert first["Cache-Control"] == "public, max-age=300, must-revalidate"

    responses = []
    count = query_count(
        lambda: responses.append(api.get(url(event.pk), HTTP_IF_NONE_MATCH=first["ETag"]))
    )

    assert responses[0].status_code == 304
    assert responses[0].content == b""
    assert responses[0]["ETag"] == first["ETag"]
    assert count <= 2
    since = api.get(url(event.pk), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_304_never_builds_the_calendar(api, monkeypatch):
    """The conditional path decides from the stamp alone: a stale ETag builds, a fresh one
    does not (the builder is swapped for one that records its calls)."""
    from events_api.calendars import views

    event = EventFactory()
    etag = api.get(url(event.pk))["ETag"]
    built = []
    real_build = views.EventFeedView.build
    monkeypatch.setattr(
        views.EventFeedView, "build", lambda *a, **k: built.append(1) or real_build(*a, **k)
    )

    assert api.get(url(event.pk), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert built == []
    assert api.get(url(event.pk), HTTP_IF_NONE_MATCH='"stale"').status_code == 200
    assert built == [1]


def test_a_title_edit_changes_the_etag_but_not_the_sequence(api):
    event = EventFactory()
    before = api.get(url(event.pk))

    update_event(event_id=event.pk, title={"en": "Family night (new title)"})
    after = api.get(url(event.pk))

    assert after["ETag"] != before["ETag"]
    assert vevents(after.content)[0]["SEQUENCE"] == 1
    assert Event.objects.get(pk=event.pk).version == 1


def test_stamp_counts_other_edits():
    from datetime import UTC, datetime

    early, late = datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 2, 1, tzinfo=UTC)

    assert Stamp(3, early).touched(late, None) == Stamp(3, late)
    assert Stamp(0, None).touched(None) == Stamp(0, None)


def test_calendar_apps_accept_header_and_head_requests_work(api):
    event = EventFactory()

    get = api.get(url(event.pk), HTTP_ACCEPT="text/calendar")
    head = api.head(url(event.pk), HTTP_ACCEPT="text/calendar")
    post = api.post(url(event.pk))

    assert get.status_code == 200
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert post.status_code == 405
    assert post.json()["code"] == "method_not_allowed"
