"""Recording what came of a call: several calls per person are kept, the latest counts for
progress (per outcome and "not called yet", per language and overall); "asked to stop"
keeps the person off the list from then on; bad input is refused with a code and writes
nothing."""

import pytest

from calls.models import CallAttempt
from tests.calls.helpers import caller, committee_url, event_url, keys, people, phone_member
from tests.committees.factories import MeetingFactory, chaired
from tests.conftest import client_for
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def record(client, url, **body):
    return client.post(url, body, format="json")


def test_calls_are_kept_and_the_latest_counts_for_progress(event, organiser, organiser_api):
    farida = caller(event=event, preferred_language_id="bn")
    nasrin = caller(event=event, preferred_language_id="bn")
    carla = caller(event=event, preferred_language_id="es")
    caller(event=event, preferred_language_id="es")  # not called yet
    url = event_url(event, "call-list/outcomes/")

    first = record(organiser_api, url, registration=farida.pk, outcome="no_answer")
    second = record(
        organiser_api, url, registration=farida.pk, outcome="reached", note="Will come with son"
    )
    record(organiser_api, url, registration=nasrin.pk, outcome="voicemail")
    record(organiser_api, url, registration=carla.pk, outcome="wrong_number")

    assert first.status_code == 201, first.json()
    assert first.json()["latest"]["outcome"] == "no_answer"
    answer = second.json()
    assert (answer["attempts"], answer["latest"]["outcome"]) == (2, "reached")
    assert answer["latest"]["note"] == "Will come with son"
    assert answer["latest"]["recorded_by"] == organiser.display_name
    assert CallAttempt.objects.filter(registration=farida).count() == 2
    body = organiser_api.get(event_url(event)).json()
    assert body["progress"] == {
        "total": 4,
        "not_called": 1,
        "reached": 1,
        "voicemail": 1,
        "no_answer": 0,
        "wrong_number": 1,
        "asked_to_stop": 0,
        "no_number": 0,
    }
    by_language = {row.pop("language"): row for row in body["progress_by_language"]}
    assert by_language["bn"]["reached"] == 1 and by_language["bn"]["voicemail"] == 1
    assert by_language["bn"]["not_called"] == 0
    assert by_language["es"]["wrong_number"] == 1 and by_language["es"]["not_called"] == 1
    groups = {g["language"]: g for g in body["groups"]}
    assert groups["es"]["progress"]["not_called"] == 1
    assert people(body)[f"registration:{farida.pk}"]["latest"]["outcome"] == "reached"


def test_asked_to_stop_keeps_the_person_off_the_list(event, organiser_api):
    stop = caller(event=event, preferred_language_id="es")
    stay = caller(event=event)
    url = event_url(event, "call-list/outcomes/")

    answer = record(organiser_api, url, registration=stop.pk, outcome="asked_to_stop")
    again = record(organiser_api, url, registration=stop.pk, outcome="reached")

    assert answer.status_code == 201
    assert answer.json()["phone"] == "" and answer.json()["script"] == []
    assert again.status_code == 400 and again.json()["code"] == "asked_to_stop"
    assert CallAttempt.objects.count() == 1
    body = organiser_api.get(event_url(event)).json()
    assert keys(body) == {f"registration:{stay.pk}"}
    (stopped,) = body["stopped"]
    assert stopped["key"] == f"registration:{stop.pk}"
    assert "phone" not in stopped  # their number is not shown any more
    assert stopped["latest"]["outcome"] == "asked_to_stop"
    assert body["progress"]["asked_to_stop"] == 1 and body["progress"]["total"] == 2
    csv = organiser_api.get(event_url(event, "call-list.csv")).content.decode("utf-8-sig")
    assert stop.phone not in csv and stay.phone in csv


def test_a_member_who_asked_to_stop_is_off_every_list_of_the_committee(committee_meeting):
    committee, chair, meeting = committee_meeting
    member = phone_member(committee)
    other = phone_member(committee, phone="+17185550199")
    later = MeetingFactory(committee=committee)
    chair_api = client_for(chair)

    answer = record(
        chair_api,
        committee_url(committee, "call-list/outcomes/"),
        member=member.pk,
        outcome="asked_to_stop",
    )

    assert answer.status_code == 201, answer.json()
    attempt = CallAttempt.objects.get()
    assert (attempt.event_id, attempt.committee_id, attempt.user_id) == (
        meeting.event_id,
        committee.pk,
        member.pk,
    )
    for url in (committee_url(committee), event_url(meeting.event), event_url(later.event)):
        body = chair_api.get(url).json()
        assert keys(body) == {f"member:{other.pk}"}, url
        assert [p["key"] for p in body["stopped"]] == [f"member:{member.pk}"]


def test_a_call_recorded_on_the_meetings_list_counts_on_the_committees(committee_meeting):
    committee, chair, meeting = committee_meeting
    member = phone_member(committee)
    chair_api = client_for(chair)

    record(
        chair_api,
        event_url(meeting.event, "call-list/outcomes/"),
        member=member.pk,
        outcome="voicemail",
    )

    body = chair_api.get(committee_url(committee)).json()
    assert body["groups"][0]["people"][0]["latest"]["outcome"] == "voicemail"
    assert body["progress"]["voicemail"] == 1


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"outcome": "reached"}, "person_required"),
        ({"registration": "{r}", "member": "{u}", "outcome": "reached"}, "person_required"),
        ({"registration": "{r}", "outcome": "called"}, "unknown_outcome"),
        ({"registration": "{r}", "outcome": 3}, "unknown_outcome"),
        ({"registration": "{r}"}, "invalid"),
        ({"registration": 99999999, "outcome": "reached"}, "unknown_person"),
        ({"member": 99999999, "outcome": "reached"}, "unknown_person"),
        ({"registration": "{email}", "outcome": "reached"}, "not_on_call_list"),
        ({"registration": "{elsewhere}", "outcome": "reached"}, "not_on_call_list"),
        ({"member": "{u}", "outcome": "reached"}, "not_on_call_list"),
        ({"registration": "{no_number}", "outcome": "reached"}, "no_phone_number"),
        ({"registration": "{r}", "outcome": "reached", "note": "x" * 201}, "invalid"),
        ({"registration": "{r}", "outcome": "reached", "phone": "+1"}, "invalid"),
        ({"registration": "nope", "outcome": "reached"}, "invalid"),
    ],
)
def test_bad_input_is_refused_with_a_code_and_changes_nothing(event, organiser_api, body, code):
    on_list = caller(event=event)
    ids = {
        "r": on_list.pk,
        "u": UserFactory().pk,
        "email": RegistrationFactory(event=event, channel="email", email="x@example.org").pk,
        "elsewhere": caller().pk,
        "no_number": RegistrationFactory(
            event=event, user=UserFactory(preferred_channel="phone_call"), phone=""
        ).pk,
    }
    sent = {
        key: ids[value[1:-1]] if isinstance(value, str) and value[1:-1] in ids else value
        for key, value in body.items()
    }

    response = record(organiser_api, event_url(event, "call-list/outcomes/"), **sent)

    assert response.status_code == 400, response.json()
    assert response.json()["code"] == code
    assert set(response.json()) == {"code", "message", "fields"}
    assert CallAttempt.objects.count() == 0


def test_a_committee_with_no_meeting_coming_has_nothing_to_record_or_export():
    committee, chair = chaired()
    member = phone_member(committee)
    chair_api = client_for(chair)

    answer = record(
        chair_api,
        committee_url(committee, "call-list/outcomes/"),
        member=member.pk,
        outcome="reached",
    )
    export = chair_api.get(committee_url(committee, "call-list.csv"))

    assert (answer.status_code, answer.json()["code"]) == (409, "no_upcoming_meeting")
    assert (export.status_code, export.json()["code"]) == (409, "no_upcoming_meeting")
    assert CallAttempt.objects.count() == 0
