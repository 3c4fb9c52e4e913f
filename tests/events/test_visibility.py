"""Who sees which registrations: the event's organisers, the CBO that made them, the
registrant. Nobody else; another organisation's registration answers 404."""

import pytest

from tests.conftest import client_for
from tests.factories import (
    OrganizationMembershipFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organiser = UserFactory()
    session = SessionFactory(summit__organizers=[organiser])
    event = session.event
    cbo_a = OrganizationMembershipFactory()
    cbo_b = OrganizationMembershipFactory()
    parent = UserFactory()
    rows = {
        "guest": RegistrationFactory(event=event, name="Guest"),
        "by_a": RegistrationFactory(
            event=event,
            name="Via A",
            phone="",
            organization=cbo_a.organization,
            registered_by=cbo_a.user,
        ),
        "by_b": RegistrationFactory(
            event=event,
            name="Via B",
            phone="",
            organization=cbo_b.organization,
            registered_by=cbo_b.user,
        ),
        "parent": RegistrationFactory(event=event, name="Parent", user=parent, phone=""),
    }
    return event, organiser, cbo_a, cbo_b, parent, rows


def names(response):
    assert response.status_code == 200, response.json()
    return sorted(r["name"] for r in response.json()["results"])


def test_organiser_sees_all_registrations_of_their_event(world):
    event, organiser, *_ = world
    client = client_for(organiser)
    assert names(client.get(f"/api/v1/events/{event.pk}/registrations/")) == [
        "Guest",
        "Parent",
        "Via A",
        "Via B",
    ]


def test_cbo_sees_only_its_own(world):
    event, _org, cbo_a, _b, _p, rows = world
    client = client_for(cbo_a.user)
    assert names(client.get(f"/api/v1/events/{event.pk}/registrations/")) == ["Via A"]
    assert names(client.get("/api/v1/registrations/")) == ["Via A"]
    assert client.get(f"/api/v1/registrations/{rows['by_a'].pk}/").status_code == 200
    other = client.get(f"/api/v1/registrations/{rows['by_b'].pk}/")
    assert other.status_code == 404
    assert client.delete(f"/api/v1/registrations/{rows['by_b'].pk}/").status_code == 404
    rows["by_b"].refresh_from_db()
    assert rows["by_b"].status == "confirmed"


def test_cbo_manages_the_registrations_it_made(world):
    _event, _org, cbo_a, _b, _p, rows = world
    client = client_for(cbo_a.user)
    changed = client.patch(f"/api/v1/registrations/{rows['by_a'].pk}/", {"adults": 2})
    assert changed.status_code == 200
    assert changed.json()["adults"] == 2
    cancelled = client.delete(f"/api/v1/registrations/{rows['by_a'].pk}/")
    assert cancelled.json()["status"] == "cancelled"


def test_registrant_sees_only_their_own(world):
    event, _org, _a, _b, parent, rows = world
    client = client_for(parent)
    assert names(client.get(f"/api/v1/events/{event.pk}/registrations/")) == ["Parent"]
    assert names(client.get("/api/v1/me/registrations/")) == ["Parent"]
    assert client.get(f"/api/v1/registrations/{rows['guest'].pk}/").status_code == 404


def test_strangers_see_nothing_and_anonymous_must_sign_in(world, api):
    event, *_ = world
    assert names(client_for(UserFactory()).get(f"/api/v1/events/{event.pk}/registrations/")) == []
    assert api.get(f"/api/v1/events/{event.pk}/registrations/").status_code in (401, 403)
    assert api.get("/api/v1/registrations/").status_code in (401, 403)


def test_organiser_of_another_summit_sees_nothing(world):
    event, *_ = world
    other_organiser = UserFactory()
    SessionFactory(summit__organizers=[other_organiser])
    client = client_for(other_organiser)
    assert names(client.get(f"/api/v1/events/{event.pk}/registrations/")) == []


def test_public_event_responses_carry_no_personal_data(world, api):
    event, *_ = world
    text = (
        api.get(f"/api/v1/events/{event.pk}/").content.decode()
        + api.get("/api/v1/events/").content.decode()
    )
    for secret in ("Guest", "Via A", "Parent", "+1718"):
        assert secret not in text


def test_drafts_are_hidden_from_the_public_but_shown_to_their_organisers(api):
    organiser = UserFactory()
    session = SessionFactory(summit__organizers=[organiser], event__status="draft")
    assert api.get(f"/api/v1/events/{session.event.pk}/").status_code == 404
    assert session.event.pk not in [e["id"] for e in api.get("/api/v1/events/").json()["results"]]
    assert client_for(organiser).get(f"/api/v1/events/{session.event.pk}/").status_code == 200


def test_export_is_for_organisers_and_is_logged(world):
    from events_api.audit.models import AccessRecord

    event, organiser, cbo_a, *_ = world
    response = client_for(organiser).get(
        f"/api/v1/events/{event.pk}/registrations/export/", {"status": "confirmed"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,status,waitlist_position,name")
    assert len(lines) == 5
    log = AccessRecord.objects.get()
    assert (log.kind, log.user, log.count, log.filters) == (
        "registrant_export",
        organiser,
        4,
        {"status": "confirmed"},
    )
    denied = client_for(cbo_a.user).get(f"/api/v1/events/{event.pk}/registrations/export/")
    assert denied.status_code == 403
    assert AccessRecord.objects.count() == 1


def test_registration_filters(world):
    event, organiser, *_, rows = world
    rows["guest"].interpreter_language_id = "bn"
    rows["guest"].save()
    rows["parent"].childcare_ages = [3]
    rows["parent"].save()
    client = client_for(organiser)
    base = f"/api/v1/events/{event.pk}/registrations/"
    assert names(client.get(base, {"needs": "interpreter"})) == ["Guest"]
    assert names(client.get(base, {"needs": "childcare"})) == ["Parent"]
    assert names(client.get(base, {"language": "bn"})) == ["Guest"]
    assert client.get(base, {"language": "xx"}).status_code == 400
    assert client.get(base, {"status": "nope"}).status_code == 400


def test_event_patch_is_for_organisers_only(world):
    from events_api.events.models import Event

    event, organiser, cbo_a, *_ = world
    before = Event.objects.values().get(pk=event.pk)
    assert (
        client_for(cbo_a.user).patch(f"/api/v1/events/{event.pk}/", {"capacity": 1}).status_code
        == 404
    )
    assert Event.objects.values().get(pk=event.pk) == before
    response = client_for(organiser).patch(f"/api/v1/events/{event.pk}/", {"room": "Library"})
    assert response.status_code == 200
    assert response.json()["room"] == "Library"


def test_event_patch_bumps_version_on_time_place_status_only(world):
    event, organiser, *_ = world
    client = client_for(organiser)
    url = f"/api/v1/events/{event.pk}/"
    v1 = client.get(url).json()["version"]
    assert client.patch(url, {"capacity": 50}).json()["version"] == v1
    assert client.patch(url, {"title_translations": {"en": "New"}}).json()["version"] == v1
    assert client.patch(url, {"room": "Gym"}).json()["version"] == v1 + 1
    # A session moves within its summit's days (moving it outside is refused).
    day = event.session.summit.starts_on.isoformat()
    moved = client.patch(
        url, {"starts_at": f"{day}T11:00:00-05:00", "ends_at": f"{day}T13:00:00-05:00"}
    )
    assert moved.json()["version"] == v1 + 2
    assert moved.json()["starts_at"] == f"{day}T11:00:00-05:00"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"starts_at": "2027-03-06T11:00:00"}, "starts_at"),
        ({"ends_at": "2020-01-01T00:00:00Z"}, "ends_at"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"capacity": -1}, "capacity"),
        ({"title_translations": {"es": "Sin inglés"}}, "title_translations"),
        ({"title_translations": {"xx": "?"}}, "title_translations"),
        ({"starts_at": "tomorrow"}, "starts_at"),
    ],
)
def test_event_patch_rejects_bad_input_and_changes_nothing(world, payload, field):
    from events_api.events.models import Event

    event, organiser, *_ = world
    before = Event.objects.values().get(pk=event.pk)
    response = client_for(organiser).patch(f"/api/v1/events/{event.pk}/", payload)
    assert response.status_code == 400, response.json()
    assert list(response.json()["fields"]) == [field], response.json()
    assert Event.objects.values().get(pk=event.pk) == before
