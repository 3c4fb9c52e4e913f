"""A family's own data: the export (guest through the manage link, account at /me/data/)
holds everything about them and nothing about anyone else, in a fixed number of queries;
erasure (guest, account, the CBO that registered them) cancels, frees the seat, anonymises
with the retention steps, kills the manage link, refuses the last chair of a committee and
is logged for a CBO without the family's data."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.forms.models import model_to_dict
from django.utils import translation

from calls import my_data as calls_my_data
from calls.models import CallAttempt
from committees.models import Membership
from events_api.events.consent import CONSENT_VERSION
from events_api.events.models import Registration
from events_api.interpretation.models import DemandLine, Interpreter, InterpreterRequest
from events_api.notifications.models import Message
from events_api.people.models import User
from events_api.privacy import hooks, my_data
from events_api.privacy.models import ErasureRecord
from tests.committees.factories import MembershipFactory, chaired
from tests.conftest import client_for
from tests.factories import (
    EventFactory,
    OrganizationMembershipFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)
from tests.helpers import assert_flat_queries
from tests.interpretation.factories import InterpreterFactory
from tests.interpretation.factories import coordinator as make_coordinator

CONSENTED = {"consent": True, "consent_version": CONSENT_VERSION, "consent_language": "en"}

pytestmark = pytest.mark.django_db

FARIDA = {"name": "Farida Rahman", "phone": "(718) 555-0101", "interpreter_language": "bn"}
OTHER = {"name": "Olga Petrenko", "phone": "(718) 555-0177"}


def register(client, event, **body) -> tuple[Registration, str]:
    response = client.post(f"/api/v1/events/{event.pk}/registrations/", body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    return Registration.objects.get(pk=data["id"]), data["manage_token"]


def data_url(token: str) -> str:
    return f"/api/v1/registrations/manage/{token}/data/"


# --- export ----------------------------------------------------------------------------------


def test_a_guest_exports_everything_about_her_and_nothing_about_others(api):
    event = EventFactory(capacity=20)
    farida, token = register(api, event, **FARIDA, adults=2, children=1)
    other, _ = register(api, event, **OTHER)
    CallAttempt.objects.create(
        event=event, registration=farida, outcome="reached", note="Spoke with her husband"
    )
    CallAttempt.objects.create(event=event, registration=other, outcome="no_answer", note="Olga?")

    response = api.get(data_url(token))

    assert response.status_code == 200, response.json()
    assert response["Content-Disposition"] == 'attachment; filename="open-doors-my-data.json"'
    data = response.json()
    assert data["generated_at"]
    mine = data["registration"]
    assert (mine["id"], mine["name"], mine["phone"]) == (farida.pk, "Farida Rahman", farida.phone)
    assert (mine["adults"], mine["children"], mine["pass_code"]) == (2, 1, farida.pass_code)
    assert mine["event"]["title"] == event.title
    assert [r["language"] for r in mine["interpreter_requests"]] == ["bn"]
    assert mine["messages"] and mine["messages"][0]["kind"] == "registration_confirmed"
    assert mine["messages"][0]["body"]
    assert [c["note"] for c in mine["other"]["call_outcomes"]] == ["Spoke with her husband"]
    text = json.dumps(data)
    assert "Olga" not in text and other.phone not in text


def test_an_account_exports_its_profile_registrations_memberships_and_roster_entry(api):
    parent = UserFactory(email="ana@example.org", display_name="Ana Gómez")
    event = EventFactory(capacity=20)
    mine, _ = register(client_for(parent), event, adults=1, interpreter_language="es")
    register(api, event, **OTHER)
    membership = MembershipFactory(user=parent, role="secretary")
    InterpreterFactory(user=parent, languages=["es"])

    response = client_for(parent).get("/api/v1/me/data/")

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["profile"]["email"] == "ana@example.org"
    assert [r["id"] for r in data["registrations"]] == [mine.pk]
    assert [r["language"] for r in data["registrations"][0]["interpreter_requests"]] == ["es"]
    assert data["registrations"][0]["messages"]
    assert [m["committee"] for m in data["other"]["committee_memberships"]] == [
        membership.committee_id
    ]
    assert data["other"]["committee_memberships"][0]["role"] == "secretary"
    assert data["interpreter"]["languages"] == ["es"]
    assert "Olga" not in json.dumps(data)


def test_the_account_export_takes_the_same_queries_however_many_registrations():
    parent = UserFactory()
    client = client_for(parent)

    def make_rows(n):
        for _ in range(n):
            registration = RegistrationFactory(user=parent, event=EventFactory())
            InterpreterRequest.objects.create(
                event=registration.event,
                line=_line(registration.event),
                language_id="es",
                mode="in_person",
                people=1,
                source="registration",
                registration=registration,
                created_at=registration.created_at,
            )
            CallAttempt.objects.create(
                event=registration.event, registration=registration, outcome="reached"
            )

    def fetch():
        response = client.get("/api/v1/me/data/")
        assert response.status_code == 200, response.json()

    queries = assert_flat_queries(make_rows, fetch, small=1, large=20, at_most=12)
    print(f"account export: {queries} queries for 1 or 20 registrations")


def _line(event):
    return DemandLine.objects.create(event=event, language_id="es", mode="in_person")


def test_export_needs_a_valid_link_or_a_sign_in(api):
    assert api.get(data_url("x" * 40)).status_code == 404
    assert api.get("/api/v1/me/data/").status_code == 403


# --- a guest's erasure -----------------------------------------------------------------------


def test_a_guest_erases_her_registration_the_seat_goes_to_the_waitlist_and_the_link_dies(api):
    event = EventFactory(capacity=2)
    farida, token = register(api, event, **FARIDA, adults=2)
    waiting, _ = register(api, event, **OTHER)
    assert waiting.status == "waitlisted"
    CallAttempt.objects.create(event=event, registration=farida, outcome="reached", note="Note")

    response = api.delete(data_url(token))

    assert response.status_code == 204
    farida.refresh_from_db()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert farida.status == "cancelled" and farida.anonymised_at is not None
    assert (farida.name, farida.phone, farida.email) == ("", "", "")
    assert (farida.adults, farida.interpreter_language_id) == (2, "bn")  # counts stay
    messages = Message.objects.filter(registration=farida)
    assert messages and all(m.to == "" and m.body == "" and m.anonymised_at for m in messages)
    request = InterpreterRequest.objects.get(registration=farida)
    assert request.anonymised_at and request.cancelled_at
    assert CallAttempt.objects.get(registration=farida).note == ""
    assert api.get(f"/api/v1/registrations/manage/{token}/").status_code == 404
    assert api.get(data_url(token)).status_code == 404
    # The other family keeps her data.
    assert Registration.objects.get(pk=waiting.pk).name == "Olga Petrenko"


def test_an_erasure_that_fails_half_way_changes_nothing(api):
    event = EventFactory(capacity=2)
    farida, _ = register(api, event, **FARIDA, adults=2)
    waiting, _ = register(api, event, **OTHER)

    def broken(ids):
        raise RuntimeError("the disk is full")

    hooks.register_rows_of("call_attempts", broken)
    try:
        with pytest.raises(RuntimeError):
            my_data.erase_registration(registration=farida)
    finally:
        calls_my_data.register()

    farida.refresh_from_db()
    assert (farida.status, farida.name, farida.anonymised_at) == ("confirmed", FARIDA["name"], None)
    assert Registration.objects.get(pk=waiting.pk).status == "waitlisted"
    assert not Message.objects.filter(registration=farida, anonymised_at__isnull=False).exists()


# --- an account's erasure --------------------------------------------------------------------


def test_the_last_chair_cannot_erase_her_account_until_another_chair_is_named(api):
    committee, chair = chaired()
    EmailAddress.objects.create(user=chair, email=chair.email, verified=True, primary=True)
    event = EventFactory(capacity=2)
    mine, _ = register(client_for(chair), event, adults=2)
    waiting, _ = register(api, event, **OTHER)
    client = client_for(chair)

    refused = client.delete("/api/v1/me/data/", {"confirm": "erase"}, format="json")

    assert refused.status_code == 409
    assert refused.json()["code"] == "last_chair"
    assert committee.name["en"] in refused.json()["message"]
    assert refused.json()["committee"] == committee.pk
    mine.refresh_from_db()
    assert (mine.status, mine.user_id, mine.anonymised_at) == ("confirmed", chair.pk, None)
    assert User.objects.filter(pk=chair.pk).exists()

    MembershipFactory(committee=committee, role="chair")
    response = client.delete("/api/v1/me/data/", {"confirm": "erase"}, format="json")

    assert response.status_code == 204
    assert not User.objects.filter(pk=chair.pk).exists()
    assert not EmailAddress.objects.filter(email=chair.email).exists()
    assert not Membership.objects.filter(committee=committee, user_id=chair.pk).exists()
    mine.refresh_from_db()
    assert (mine.status, mine.user_id, mine.name) == ("cancelled", None, "")
    assert mine.anonymised_at is not None
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_an_interpreter_leaves_the_roster_entry_without_her(api):
    interpreter = InterpreterFactory(user=UserFactory(), languages=["es"], phone="+17185550123")

    response = client_for(interpreter.user).delete(
        "/api/v1/me/data/", {"confirm": "erase"}, format="json"
    )

    assert response.status_code == 204
    interpreter = Interpreter.objects.get(pk=interpreter.pk)
    assert (interpreter.user_id, interpreter.phone, interpreter.active) == (None, "", False)
    assert interpreter.name == ""
    with translation.override("es"):
        assert interpreter.display_name == f"Intérprete {interpreter.pk}"
    # Back on the roster only with a name: a 400, not a broken row.
    coordinator = client_for(make_coordinator())
    back = coordinator.patch(f"/api/v1/interpreters/{interpreter.pk}/", {"active": True})
    assert (back.status_code, list(back.json()["fields"])) == (400, ["name"])
    assert Interpreter.objects.get(pk=interpreter.pk).active is False


@pytest.mark.parametrize(
    "body", [None, {}, {"confirm": "yes"}, {"confirm": "erase", "also": 1}, ["erase"]]
)
def test_erasing_an_account_needs_the_confirmation(body):
    user = UserFactory()
    client = client_for(user)

    response = client.delete("/api/v1/me/data/", body, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "erasure_not_confirmed"
    assert list(response.json()["fields"]) == ["confirm"]
    assert User.objects.filter(pk=user.pk).exists()


# --- a CBO's erasure -------------------------------------------------------------------------


def test_a_cbo_erases_a_family_it_registered_and_the_erasure_is_logged(cbo_membership):
    organiser = UserFactory()
    event = SessionFactory(summit__organizers=[organiser], event__capacity=10).event
    staff = client_for(cbo_membership.user)
    family, _ = register(
        staff, event, **OTHER, organization=cbo_membership.organization_id, **CONSENTED
    )
    elsewhere = OrganizationMembershipFactory().user
    url = f"/api/v1/registrations/{family.pk}/data/"

    assert client_for(elsewhere).delete(url).status_code == 404
    seen_not_theirs = client_for(organiser).delete(url)
    assert seen_not_theirs.status_code == 403
    assert seen_not_theirs.json()["code"] == "may_not_erase"
    assert not ErasureRecord.objects.exists()
    assert Registration.objects.get(pk=family.pk).name == "Olga Petrenko"

    assert staff.delete(url).status_code == 204

    family.refresh_from_db()
    assert (family.status, family.name, family.phone) == ("cancelled", "", "")
    record = ErasureRecord.objects.get()
    assert (record.erased_by, record.organization_id) == (
        cbo_membership.user,
        cbo_membership.organization_id,
    )
    assert (record.registration_id, record.event_id) == (family.pk, event.pk)
    stored = json.dumps(model_to_dict(record), default=str)
    assert "Olga" not in stored and "555" not in stored


def test_nobody_erases_without_signing_in(api):
    family = RegistrationFactory()
    before = Registration.objects.values().get(pk=family.pk)
    assert api.delete(f"/api/v1/registrations/{family.pk}/data/").status_code == 403
    assert api.delete("/api/v1/me/data/", {"confirm": "erase"}, format="json").status_code == 403
    assert Registration.objects.values().get(pk=family.pk) == before
    assert not ErasureRecord.objects.exists()


def test_a_family_registered_by_a_cbo_finds_what_it_consented_to_in_its_export(api, cbo_membership):
    event = SessionFactory(event__capacity=10).event
    staff = client_for(cbo_membership.user)
    consent = {**CONSENTED, "consent_language": "es"}
    _, token = register(
        staff, event, **FARIDA, organization=cbo_membership.organization_id, **consent
    )

    exported = api.get(data_url(token)).json()["registration"]

    assert (exported["consent_version"], exported["consent_language"]) == (CONSENT_VERSION, "es")
    assert cbo_membership.organization.name in exported["consent_text"]
    assert exported["consent_text"] == Registration.objects.get().consent_text
    assert exported["consent_at"] is not None
