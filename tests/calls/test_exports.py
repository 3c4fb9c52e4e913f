"""The call list as CSV: the people to call, then those with no number; served as
text/csv with a filename; every export logged as the attendee export is (who, when, how
many rows, which list)."""

import csv
import io

import pytest

from events_api.audit.models import AccessRecord
from events_api.people.roles import Role
from tests.calls.helpers import caller, committee_url, event_url, phone_member
from tests.conftest import client_for
from tests.factories import OrganizationMembershipFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def rows(response) -> list[dict]:
    assert response.content.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_lists_who_to_call_and_is_logged(event, organiser, organiser_api):
    farida = caller(event=event, name="ফরিদা রহমান", preferred_language_id="bn")
    carla = caller(event=event, name="=HYPERLINK(evil)", preferred_language_id="es")
    nobody = RegistrationFactory(
        event=event, user=UserFactory(preferred_channel="phone_call"), phone="", name="Zed"
    )
    RegistrationFactory(event=event, channel="sms")
    organiser_api.post(
        event_url(event, "call-list/outcomes/"),
        {"registration": farida.pk, "outcome": "voicemail", "note": "call after 6"},
        format="json",
    )

    response = organiser_api.get(event_url(event, "call-list.csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="event-{event.pk}-call-list.csv"'
    )
    table = rows(response)
    assert [(r["list"], r["name"], r["language"]) for r in table] == [
        ("call", "ফরিদা রহমান", "bn"),
        ("call", "'=HYPERLINK(evil)", "es"),  # a formula made plain text
        ("no_number", "Zed", "en"),
    ]
    first = table[0]
    assert first["phone"] == farida.phone and first["pass_code"] == farida.pass_code
    assert (first["attempts"], first["latest_outcome"], first["latest_note"]) == (
        "1",
        "voicemail",
        "call after 6",
    )
    assert first["latest_at"].endswith(("-05:00", "-04:00"))  # in the event's zone
    assert table[1]["registration"] == str(carla.pk)
    assert table[2]["registration"] == str(nobody.pk)
    (log,) = AccessRecord.objects.all()
    assert (log.kind, log.event_id, log.user_id, log.count) == (
        "call_list_export",
        event.pk,
        organiser.pk,
        3,
    )
    assert log.filters == {"list": "calls"}


def test_a_cbo_export_is_logged_with_its_organisation(event):
    staff = OrganizationMembershipFactory(user=UserFactory(roles=[Role.CBO_STAFF]))
    caller(event=event, organization=staff.organization)
    caller(event=event)

    response = client_for(staff.user).get(event_url(event, "call-list.csv"))

    assert len(rows(response)) == 1
    (log,) = AccessRecord.objects.all()
    assert log.filters == {"list": "calls", "organizations": [staff.organization.pk]}
    assert log.count == 1


def test_a_committees_csv_is_its_members_and_is_logged(committee_meeting):
    committee, chair, meeting = committee_meeting
    member = phone_member(committee, language="es")

    response = client_for(chair).get(committee_url(committee, "call-list.csv"))

    assert response["Content-Disposition"] == (
        f'attachment; filename="committee-{committee.pk}-call-list.csv"'
    )
    (row,) = rows(response)
    assert (row["member"], row["status"], row["phone"]) == (str(member.pk), "member", member.phone)
    (log,) = AccessRecord.objects.all()
    assert (log.event_id, log.count) == (meeting.event_id, 1)
    assert log.filters == {"list": "calls", "committee": committee.pk}


def test_a_refused_export_is_not_logged(event):
    caller(event=event)

    response = client_for(UserFactory()).get(event_url(event, "call-list.csv"))

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert not AccessRecord.objects.exists()
