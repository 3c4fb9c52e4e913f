"""The access log of personal data (docs/privacy.md, "Who saw personal data"): every list
or download of registrants, check-in lookup, call list and interpreter's job with names
writes one row (who, what, which event, how many, when, from which client; never the data
itself), anonymous public views write none; the event's organisers read it, the family
reads that (not who) it was looked at; old rows are pruned by the daily privacy run."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events_api.audit.models import AccessRecord
from events_api.events.models import Registration
from events_api.interpretation.models import DemandLine
from events_api.interpretation.services.demand import sync_demand
from events_api.people.roles import Role
from events_api.privacy.services import anonymise_expired
from tests.calls.helpers import caller
from tests.conftest import client_for
from tests.factories import (
    OrganizationMembershipFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)
from tests.interpretation.factories import InterpreterFactory
from tests.interpretation.factories import coordinator as make_coordinator

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Door tablet)"


@pytest.fixture
def event(organiser):
    return SessionFactory(summit__organizers=[organiser], event__capacity=50).event


def staff_client(user):
    client = client_for(user)
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


PHONES = {"Farida Rahman": "(718) 555-0101", "Olga Petrenko": "(718) 555-0177"}


def register(api, event, name="Farida Rahman", **body):
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": name, "phone": PHONES.get(name, "(718) 555-0199"), **body},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def log() -> list[tuple]:
    return list(
        AccessRecord.objects.order_by("id").values_list(
            "kind", "event_id", "registration_id", "count"
        )
    )


# --- written for each kind of look ---------------------------------------------------------


def test_an_organisers_list_and_download_are_logged_with_who_when_and_from_where(
    api, event, organiser
):
    register(api, event)
    register(api, event, "Olga Petrenko")
    client = staff_client(organiser)

    listed = client.get(f"/api/v1/events/{event.pk}/registrations/", {"status": "confirmed"})
    downloaded = client.get(f"/api/v1/events/{event.pk}/registrations/export/")

    assert (listed.status_code, downloaded.status_code) == (200, 200)
    assert log() == [
        ("registrant_list", event.pk, None, 2),
        ("registrant_export", event.pk, None, 2),
    ]
    first = AccessRecord.objects.order_by("id").first()
    assert (first.user, first.filters) == (organiser, {"status": "confirmed"})
    assert (first.client_address, first.user_agent) == ("127.0.0.1", BROWSER)
    assert abs(first.at - timezone.now()) < timedelta(minutes=1)
    # Counts and filters only: no name, phone or code of anyone in the row.
    stored = str(AccessRecord.objects.values().get(pk=first.pk))
    assert "Farida" not in stored and "555" not in stored


def test_anonymous_public_views_and_a_familys_own_pages_write_nothing(api, event):
    made = register(api, event)
    token = made["manage_token"]
    for url in (
        "/api/v1/events/",
        f"/api/v1/events/{event.pk}/",
        f"/api/v1/registrations/manage/{token}/",
        f"/api/v1/registrations/manage/{token}/data/",
        f"/api/v1/registrations/manage/{token}/looks/",
    ):
        assert api.get(url).status_code == 200, url
    parent = UserFactory()
    mine = client_for(parent)
    register(mine, event, "Parent With Account")
    assert mine.get("/api/v1/me/registrations/").status_code == 200
    assert mine.get("/api/v1/registrations/").json()["count"] == 1
    assert log() == []


def test_a_cbo_list_across_events_writes_one_row_per_event(event):
    staff = OrganizationMembershipFactory(user=UserFactory(roles=[Role.CBO_STAFF]))
    other = SessionFactory().event
    for target in (event, event, other):
        RegistrationFactory(event=target, organization=staff.organization)
    RegistrationFactory(event=event)  # not theirs: not shown, not counted

    response = staff_client(staff.user).get("/api/v1/registrations/")
    one = staff_client(staff.user).get(
        f"/api/v1/registrations/{Registration.objects.filter(event=other).first().pk}/"
    )

    assert response.json()["count"] == 3 and one.status_code == 200
    assert sorted(log()) == sorted(
        [
            ("registrant_list", event.pk, None, 2),
            ("registrant_list", other.pk, None, 1),
            ("registrant_list", other.pk, None, 1),
        ]
    )


def test_check_in_lookups_name_the_registration_and_misses_are_logged_too(api, event, organiser):
    made = register(api, event)
    door = staff_client(organiser)
    url = f"/api/v1/events/{event.pk}/check-in/"

    assert door.post(url, {"code": made["pass_code"]}).status_code == 200
    assert door.post(url, {"code": "ZZZZ9999"}).status_code == 404

    assert log() == [
        ("check_in_lookup", event.pk, made["id"], 1),
        ("check_in_lookup", event.pk, None, 0),
    ]


def test_an_interpreters_job_is_logged_only_when_it_shows_names(event):
    RegistrationFactory(event=event, name="Nasrin Akter", interpreter_language_id="bn")
    RegistrationFactory(event=event, name="Abdul Karim", interpreter_language_id="bn")
    sync_demand(event_id=event.pk)
    line = DemandLine.objects.get(event=event)
    interpreter = InterpreterFactory(user=UserFactory(), languages=["bn"], modes=["in_person"])
    coordinator = client_for(make_coordinator())
    job = coordinator.post(
        "/api/v1/assignments/", {"line": line.pk, "interpreter": interpreter.pk}
    ).json()
    me = staff_client(interpreter.user)

    assert me.get(f"/api/v1/assignments/{job['id']}/").json()["attendees"] is None
    assert log() == []
    line.share_names = True
    line.save(update_fields=["share_names"])
    assert len(me.get(f"/api/v1/assignments/{job['id']}/").json()["attendees"]) == 2
    assert len(me.get("/api/v1/assignments/").json()["results"]) == 1

    assert log() == [("interpreter_job", event.pk, None, 2)] * 2
    assert AccessRecord.objects.filter(user=interpreter.user).count() == 2


def test_call_lists_viewed_downloaded_and_printed_are_logged(event, organiser):
    caller(event=event)
    caller(event=event)
    client = staff_client(organiser)
    client.get(f"/api/v1/events/{event.pk}/call-list/")
    client.get(f"/api/v1/events/{event.pk}/call-list.csv")
    client.force_login(organiser)
    assert client.get(f"/print/events/{event.pk}/calls/").status_code == 200

    assert log() == [
        ("call_list", event.pk, None, 2),
        ("call_list_export", event.pk, None, 2),
        ("call_list_print", event.pk, None, 2),
    ]


def test_a_refused_look_is_not_logged(api, event):
    register(api, event)
    stranger = client_for(UserFactory())
    assert stranger.get(f"/api/v1/events/{event.pk}/registrations/export/").status_code == 403
    assert stranger.get(f"/api/v1/events/{event.pk}/call-list/").status_code == 403
    assert log() == []


# --- read by the event's organisers --------------------------------------------------------


def test_the_organisers_read_their_events_log_with_who_and_can_filter_it(api, event, organiser):
    register(api, event)
    client = staff_client(organiser)
    client.get(f"/api/v1/events/{event.pk}/registrations/")
    client.get(f"/api/v1/events/{event.pk}/registrations/export/")
    # another event's log is not mixed in
    AccessRecord.objects.create(kind="registrant_list", event_id=event.pk + 1000, count=1)

    body = client.get(f"/api/v1/events/{event.pk}/access-log/").json()

    assert body["count"] == 2
    newest = body["results"][0]
    assert newest["kind"] == "registrant_export"
    assert newest["label"] == "List of registrations downloaded"
    assert newest["who"] == {
        "id": organiser.pk,
        "name": organiser.display_name,
        "email": organiser.email,
    }
    assert (newest["count"], newest["client_address"], newest["user_agent"]) == (
        1,
        "127.0.0.1",
        BROWSER,
    )
    only = client.get(f"/api/v1/events/{event.pk}/access-log/", {"kind": "registrant_list"})
    assert [row["kind"] for row in only.json()["results"]] == ["registrant_list"]
    spanish = client.get(f"/api/v1/events/{event.pk}/access-log/", {"lang": "es"}).json()
    assert spanish["results"][0]["label"] != newest["label"]


def test_the_log_is_for_the_events_organisers_only(api, event):
    assert api.get(f"/api/v1/events/{event.pk}/access-log/").status_code in (401, 403)
    stranger = client_for(UserFactory()).get(f"/api/v1/events/{event.pk}/access-log/")
    assert (stranger.status_code, stranger.json()["code"]) == (403, "permission_denied")
    door = client_for(UserFactory(roles=[Role.DOOR_VOLUNTEER]))
    assert door.get(f"/api/v1/events/{event.pk}/access-log/").status_code == 403
    draft = SessionFactory(event__status="draft").event
    missing = client_for(UserFactory()).get(f"/api/v1/events/{draft.pk}/access-log/")
    assert (missing.status_code, missing.json()["code"]) == (404, "event_not_found")


def test_an_unknown_kind_is_a_400_not_an_empty_page(event, organiser):
    response = client_for(organiser).get(f"/api/v1/events/{event.pk}/access-log/", {"kind": "x"})
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["kind"]


# --- read by the family ----------------------------------------------------------------------


def test_a_family_sees_that_not_who_its_registration_was_looked_at(api, event, organiser):
    client = staff_client(organiser)
    client.get(f"/api/v1/events/{event.pk}/registrations/")  # before she registered
    made = register(api, event)
    url = f"/api/v1/registrations/manage/{made['manage_token']}/looks/"
    assert api.get(url).json() == {"count": 0, "looks": []}

    client.get(f"/api/v1/events/{event.pk}/registrations/export/")
    client.post(f"/api/v1/events/{event.pk}/check-in/", {"code": made["pass_code"]})
    other = register(api, event, "Olga Petrenko")
    client.post(f"/api/v1/events/{event.pk}/check-in/", {"code": other["pass_code"]})

    body = api.get(url).json()
    assert body["count"] == 2
    assert [look["kind"] for look in body["looks"]] == ["check_in_lookup", "registrant_export"]
    assert set(body["looks"][0]) == {"at", "kind", "label"}
    assert organiser.email not in str(body) and "127.0.0.1" not in str(body)
    assert api.get("/api/v1/registrations/manage/" + "x" * 40 + "/looks/").status_code == 404


# --- pruned ----------------------------------------------------------------------------------


def test_the_daily_run_prunes_the_log_at_its_exact_boundary(settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 365
    now = timezone.now()
    edge = now - timedelta(days=365)
    kept = AccessRecord.objects.create(kind="registrant_list", event_id=1, count=1, at=edge)
    AccessRecord.objects.create(
        kind="registrant_list", event_id=1, count=1, at=edge - timedelta(seconds=1)
    )
    newer = AccessRecord.objects.create(
        kind="registrant_list", event_id=1, count=1, at=edge + timedelta(seconds=1)
    )

    assert anonymise_expired(now=now)["access_log"] == 1
    assert set(AccessRecord.objects.values_list("pk", flat=True)) == {kept.pk, newer.pk}
    assert anonymise_expired(now=now)["access_log"] == 0
