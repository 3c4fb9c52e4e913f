import pytest

from events_api.events.models import Event
from events_api.people.roles import Role
from summits.models import Session, Summit
from tests.conftest import client_for
from tests.factories import (
    OrganizationFactory,
    RegistrationFactory,
    RoomFactory,
    SchoolFactory,
    SessionFactory,
    SummitFactory,
    TrackFactory,
    UserFactory,
)
from tests.helpers import assert_flat_queries

pytestmark = pytest.mark.django_db

SUMMIT = {
    "year": 2027,
    "title_translations": {
        "en": "Immigrant Planning Summit 2027",
        "es": "Cumbre de Planificación para Inmigrantes 2027",
    },
    "starts_on": "2027-03-06",
    "ends_on": "2027-03-07",
    "timezone": "America/New_York",
    "venue_address": "29 Fort Greene Place, Brooklyn",
    "registration_opens_at": "2027-01-15T09:00:00-05:00",
    "registration_closes_at": "2027-03-05T17:00:00-05:00",
}


def session_payload(**extra):
    return {
        "title_translations": {"en": "Know your rights at school", "bn": "স্কুলে আপনার অধিকার"},
        "starts_at": "2027-03-06T10:00:00-05:00",
        "ends_at": "2027-03-06T11:30:00-05:00",
        "capacity": 30,
        "languages": ["en", "bn"],
        **extra,
    }


def test_organiser_creates_a_draft_summit_and_becomes_its_organiser():
    organiser = UserFactory(roles=[Role.ORGANISER])
    partner = OrganizationFactory()
    response = client_for(organiser).post("/api/v1/summits/", {**SUMMIT, "partners": [partner.pk]})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    assert body["title"] == "Immigrant Planning Summit 2027"
    assert body["partners"] == [partner.pk]
    summit = Summit.objects.get()
    assert list(summit.organizers.all()) == [organiser]


def test_a_summit_sets_how_long_families_personal_data_is_kept():
    """Empty means the deployment's default; the organiser may set the summit's own, and
    everyone can read it (families may ask how long their details are kept)."""
    organiser = UserFactory(roles=[Role.ORGANISER])
    api = client_for(organiser)
    created = api.post("/api/v1/summits/", SUMMIT).json()
    assert created["personal_data_retention_days"] is None
    changed = api.patch(f"/api/v1/summits/{created['id']}/", {"personal_data_retention_days": 30})
    assert changed.status_code == 200, changed.json()
    assert changed.json()["personal_data_retention_days"] == 30
    assert Summit.objects.get().personal_data_retention_days == 30
    refused = api.patch(f"/api/v1/summits/{created['id']}/", {"personal_data_retention_days": -1})
    assert refused.status_code == 400
    assert list(refused.json()["fields"]) == ["personal_data_retention_days"]
    assert Summit.objects.get().personal_data_retention_days == 30


def test_summit_title_follows_the_request_language(api):
    SummitFactory(title={"en": "Summit", "es": "Cumbre"})
    assert api.get("/api/v1/summits/?lang=es").json()["results"][0]["title"] == "Cumbre"
    assert (
        api.get("/api/v1/summits/", HTTP_ACCEPT_LANGUAGE="es").json()["results"][0]["title"]
        == "Cumbre"
    )
    # no Bangla text: English fallback
    assert api.get("/api/v1/summits/?lang=bn").json()["results"][0]["title"] == "Summit"


def test_only_organisers_create_summits(user_api, api):
    assert user_api.post("/api/v1/summits/", SUMMIT).status_code == 403
    assert api.post("/api/v1/summits/", SUMMIT).status_code in (401, 403)
    assert Summit.objects.count() == 0


def test_one_summit_per_year():
    organiser = UserFactory(roles=[Role.ORGANISER])
    SummitFactory(year=2027)
    response = client_for(organiser).post("/api/v1/summits/", SUMMIT)
    assert response.status_code == 409
    assert response.json()["code"] == "summit_year_taken"
    assert Summit.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": "2027-03-01"}, "ends_on"),
        ({"starts_on": "not a date"}, "starts_on"),
        ({"timezone": "Nowhere/Land"}, "timezone"),
        ({"registration_closes_at": "2027-01-01T00:00:00Z"}, "registration_closes_at"),
        ({"registration_opens_at": "2027-01-15T09:00:00"}, "registration_opens_at"),
        ({"title_translations": {"fr": "Sommet"}}, "title_translations"),
        ({"year": 1999}, "year"),
    ],
)
def test_bad_summit_input_is_400(changes, field):
    organiser = UserFactory(roles=[Role.ORGANISER])
    response = client_for(organiser).post("/api/v1/summits/", {**SUMMIT, **changes})
    assert response.status_code == 400, response.json()
    assert list(response.json()["fields"]) == [field], response.json()
    assert Summit.objects.count() == 0


def test_public_sees_published_summits_only(api):
    SummitFactory(year=2027, status="published")
    SummitFactory(year=2028, status="draft")
    assert [s["year"] for s in api.get("/api/v1/summits/").json()["results"]] == [2027]


def test_other_organisers_cannot_change_a_summit():
    summit = SummitFactory(organizers=[UserFactory()])
    outsider = client_for(UserFactory(roles=[Role.ORGANISER]))
    response = outsider.patch(f"/api/v1/summits/{summit.pk}/", {"venue_address": "x"})
    assert response.status_code == 403
    summit.refresh_from_db()
    assert summit.venue_address != "x"


def test_sessions_are_created_with_their_event_and_stay_draft_until_the_summit_publishes(api):
    organiser = UserFactory(roles=[Role.ORGANISER])
    client = client_for(organiser)
    summit_id = client.post("/api/v1/summits/", SUMMIT).json()["id"]
    track = client.post(
        f"/api/v1/summits/{summit_id}/tracks/", {"name_translations": {"en": "Family rights"}}
    ).json()
    room = client.post(
        f"/api/v1/summits/{summit_id}/rooms/", {"name": "Auditorium", "capacity": 200}
    ).json()
    refused = client.post(
        f"/api/v1/summits/{summit_id}/sessions/", session_payload(status="published")
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "summit_not_published"
    created = client.post(
        f"/api/v1/summits/{summit_id}/sessions/",
        session_payload(track=track["id"], room=room["id"], presenters=["Ms. Cheung"]),
    )
    assert created.status_code == 201, created.json()
    session = created.json()
    assert session["event"]["status"] == "draft"
    assert session["event"]["room"] == "Auditorium"
    assert session["event"]["languages"] == ["bn", "en"] or sorted(
        session["event"]["languages"]
    ) == ["bn", "en"]
    assert session["event"]["registration_closes_at"] == "2027-03-05T17:00:00-05:00"
    event_id = session["event"]["id"]
    assert api.get(f"/api/v1/events/{event_id}/").status_code == 404

    published = client.patch(f"/api/v1/summits/{summit_id}/", {"status": "published"})
    assert published.status_code == 200
    assert api.get(f"/api/v1/events/{event_id}/").json()["status"] == "published"
    listed = api.get("/api/v1/events/", {"summit": summit_id, "track": track["id"]}).json()
    assert [e["id"] for e in listed["results"]] == [event_id]

    cancelled = client.patch(f"/api/v1/summits/{summit_id}/", {"status": "cancelled"})
    assert cancelled.status_code == 200
    event = Event.objects.get(pk=event_id)
    assert event.status == "cancelled"
    assert event.version == 3  # draft → published → cancelled


def test_publishing_a_session_of_a_draft_summit_is_refused():
    organiser = UserFactory()
    session = SessionFactory(
        summit__status="draft", summit__organizers=[organiser], event__status="draft"
    )
    response = client_for(organiser).patch(
        f"/api/v1/events/{session.event.pk}/", {"status": "published"}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "summit_not_published"
    session.event.refresh_from_db()
    assert session.event.status == "draft"


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (
            session_payload(
                starts_at="2027-03-09T10:00:00-05:00", ends_at="2027-03-09T11:00:00-05:00"
            ),
            "session_outside_summit",
        ),
        (session_payload(capacity=500), "room_too_small"),
        (session_payload(ends_at="2027-03-06T09:00:00-05:00"), "invalid"),
        (session_payload(languages=[]), "invalid"),
        (session_payload(languages=["xx"]), "invalid"),
    ],
)
def test_bad_sessions_are_refused(payload, code):
    organiser = UserFactory()
    summit = SummitFactory(year=2027, organizers=[organiser])
    room = RoomFactory(summit=summit, capacity=40)
    if code == "room_too_small":
        payload = {**payload, "room": room.pk}
    response = client_for(organiser).post(f"/api/v1/summits/{summit.pk}/sessions/", payload)
    assert response.status_code == 400, response.json()
    assert response.json()["code"] == code
    assert Session.objects.count() == Event.objects.count() == 0


def test_a_track_of_another_summit_is_refused():
    organiser = UserFactory()
    summit = SummitFactory(year=2027, organizers=[organiser])
    foreign = TrackFactory()
    response = client_for(organiser).post(
        f"/api/v1/summits/{summit.pk}/sessions/", session_payload(track=foreign.pk)
    )
    assert response.json()["code"] == "wrong_summit"


def test_room_names_are_unique_per_summit():
    organiser = UserFactory()
    summit = SummitFactory(organizers=[organiser])
    client = client_for(organiser)
    assert client.post(f"/api/v1/summits/{summit.pk}/rooms/", {"name": "Gym"}).status_code == 201
    again = client.post(f"/api/v1/summits/{summit.pk}/rooms/", {"name": "Gym"})
    assert again.status_code == 409
    assert again.json()["code"] == "room_name_taken"


def test_dashboard_counts_per_session():
    organiser = UserFactory()
    summit = SummitFactory(organizers=[organiser])
    first = SessionFactory(summit=summit, event__capacity=10)
    second = SessionFactory(summit=summit, event__capacity=None)
    RegistrationFactory(
        event=first.event, adults=2, children=1, interpreter_language_id="bn", childcare_ages=[4]
    )
    RegistrationFactory(event=first.event, adults=1, interpreter_language_id="bn")
    RegistrationFactory(
        event=first.event,
        adults=1,
        interpreter_language_id="es",
        status="waitlisted",
        waitlist_position=1,
    )
    RegistrationFactory(event=first.event, adults=1, status="cancelled")
    RegistrationFactory(event=second.event, adults=1, interpreter_language_id="ht")
    response = client_for(organiser).get(f"/api/v1/summits/{summit.pk}/dashboard/")
    assert response.status_code == 200
    rows = {row["session"]: row for row in response.json()}
    assert rows[first.pk] | {"title": None, "starts_at": None} == {
        "session": first.pk,
        "event": first.event.pk,
        "title": None,
        "starts_at": None,
        "status": "published",
        "capacity": 10,
        "confirmed_parties": 2,
        "confirmed_people": 4,
        "waitlisted_parties": 1,
        "seats_left": 6,
        "interpreter_needs": {"bn": 3},
        "childcare_children": 1,
    }
    assert rows[second.pk]["seats_left"] is None
    assert rows[second.pk]["interpreter_needs"] == {"ht": 1}
    assert (
        client_for(UserFactory()).get(f"/api/v1/summits/{summit.pk}/dashboard/").status_code == 404
    )


def test_session_update_changes_track_hosts_presenters():
    organiser = UserFactory()
    session = SessionFactory(summit__organizers=[organiser])
    track = TrackFactory(summit=session.summit)
    host = OrganizationFactory()
    response = client_for(organiser).patch(
        f"/api/v1/sessions/{session.pk}/",
        {"track": track.pk, "hosts": [host.pk], "presenters": ["A", "B"]},
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["track"], response.json()["hosts"], response.json()["presenters"]) == (
        track.pk,
        [host.pk],
        ["A", "B"],
    )
    stranger = client_for(UserFactory()).patch(
        f"/api/v1/sessions/{session.pk}/", {"presenters": []}
    )
    assert stranger.status_code == 404


def test_list_endpoints_keep_flat_query_counts(api):
    """Every list, the filtered one too, answers all its rows at both sizes (100 at the
    large one), so a query per row would show as a count that grows."""
    organiser = UserFactory()
    summit = SummitFactory(organizers=[organiser])
    parent = UserFactory()
    # In Brooklyn, held in Spanish, with seats left: every session matches the filters.
    school = SchoolFactory()
    assert school.borough_id == "K"

    def make_sessions(n):
        for session in SessionFactory.create_batch(
            n, summit=summit, event__school=school, event__capacity=10
        ):
            session.hosts.set([OrganizationFactory()])
            RegistrationFactory(event=session.event, user=parent, phone="")
            RegistrationFactory(event=session.event)

    def fetch(client, path, params, rows):
        def run():
            response = client.get(path, {"page_size": 200, **(params or {})})
            assert response.status_code == 200, response.content
            if rows is not None:
                body = response.json()
                assert (body["count"], len(body["results"])) == (rows, rows), (path, params)

        return run

    filtered = {"summit": summit.pk, "has_seats": "true", "language": "es", "borough": "K"}

    def checks(n):
        """(client, path, params, rows expected) with n sessions."""
        return [
            (api, "/api/v1/events/", None, n),
            (api, "/api/v1/events/", filtered, n),
            (api, f"/api/v1/summits/{summit.pk}/sessions/", None, n),
            (organiser_client, "/api/v1/registrations/", None, 2 * n),
            (organiser_client, f"/api/v1/summits/{summit.pk}/dashboard/", None, None),
            (parent_client, "/api/v1/me/registrations/", None, n),
        ]

    make_sessions(1)
    organiser_client = client_for(organiser)
    parent_client = client_for(parent)
    from tests.helpers import query_count

    before = [query_count(fetch(*check)) for check in checks(1)]
    make_sessions(99)
    after = [query_count(fetch(*check)) for check in checks(100)]
    assert before == after
    assert max(after) <= 6, after
    assert_flat_queries(
        lambda n: SummitFactory.create_batch(n), fetch(api, "/api/v1/summits/", None, None)
    )


def test_the_end_before_the_start_is_refused_by_the_event_and_the_window_by_the_summit():
    organiser = UserFactory()
    summit = SummitFactory(
        year=2027, organizers=[organiser], registration_opens_at=None, registration_closes_at=None
    )
    client = client_for(organiser)
    session = client.post(
        f"/api/v1/summits/{summit.pk}/sessions/",
        session_payload(ends_at="2027-03-06T09:00:00-05:00"),
    )
    assert session.status_code == 400
    assert session.json() == {
        "code": "invalid",
        "message": "The end must be after the start.",
        "fields": {"ends_at": ["The end must be after the start."]},
    }
    client.patch(f"/api/v1/summits/{summit.pk}/", {"registration_opens_at": "2027-02-01T09:00Z"})
    window = client.patch(
        f"/api/v1/summits/{summit.pk}/", {"registration_closes_at": "2027-01-01T09:00Z"}
    )
    assert window.status_code == 400
    assert window.json() == {
        "code": "invalid",
        "message": "Registration must close after it opens.",
        "fields": {"registration_closes_at": ["Registration must close after it opens."]},
    }
    summit.refresh_from_db()
    assert summit.registration_closes_at is None
