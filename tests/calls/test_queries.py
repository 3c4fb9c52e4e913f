"""A call list costs the same few queries for 1 person as for 50, as JSON, CSV and the
printed page, with calls recorded for each."""

import itertools

import pytest

from calls.models import CallAttempt
from tests.calls.helpers import caller, committee_url, event_url, phone_member
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.helpers import assert_flat_queries

pytestmark = pytest.mark.django_db

LANGUAGES = itertools.cycle(["bn", "es", "ar", "zh-hans", "ur", "en"])


def callers(event, organiser):
    """``add(n)`` adds n people (in six languages, some accounts, some on the waiting
    list), each called once."""

    def add(n):
        for _ in range(n):
            language = next(LANGUAGES)
            if language == "en":
                user = UserFactory(preferred_channel="phone_call", phone="+17185550160")
                registration = caller(event=event, user=user, phone="")
            elif language == "ur":
                registration = caller(event=event, status="waitlisted", waitlist_position=1)
            else:
                registration = caller(event=event, preferred_language_id=language)
            CallAttempt.objects.create(
                event=event, registration=registration, outcome="voicemail", recorded_by=organiser
            )

    return add


# Each count includes the one INSERT into the access log of personal data.
@pytest.mark.parametrize(("tail", "queries"), [("call-list/", 7), ("call-list.csv", 7)])
def test_an_events_list_costs_the_same_for_1_and_50_people(event, organiser, tail, queries):
    """The user, the event, who manages it, the registrations, the calls, the languages
    (and the export's log row)."""
    api = client_for(organiser)

    def fetch():
        assert api.get(event_url(event, tail)).status_code == 200

    assert_flat_queries(callers(event, organiser), fetch, small=1, large=50, at_most=queries)


def test_the_printed_page_costs_the_same_for_1_and_50_people(event, organiser, client):
    client.force_login(organiser)

    def fetch():
        assert client.get(f"/print/events/{event.pk}/calls/").status_code == 200

    assert_flat_queries(callers(event, organiser), fetch, small=1, large=50, at_most=8)


def test_a_committees_list_costs_the_same_for_1_and_50_members(committee_meeting):
    committee, chair, _meeting = committee_meeting
    api = client_for(chair)

    def add(n):
        for _ in range(n):
            phone_member(committee, language=next(LANGUAGES))

    def fetch():
        assert api.get(committee_url(committee)).status_code == 200

    assert_flat_queries(add, fetch, small=1, large=50, at_most=11)


def test_recording_a_call_costs_the_same_on_a_long_list(event, organiser):
    api = client_for(organiser)
    add = callers(event, organiser)
    target = caller(event=event)

    def fetch():
        response = api.post(
            event_url(event, "call-list/outcomes/"),
            {"registration": target.pk, "outcome": "reached"},
            format="json",
        )
        assert response.status_code == 201

    # The check before (the person's rows) and the list after, around the insert.
    assert_flat_queries(add, fetch, small=1, large=50, at_most=13)
