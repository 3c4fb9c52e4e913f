"""The interpreter roster and the suggestions for a demand line."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events_api.interpretation.models import AvailabilityWindow, Interpreter
from events_api.interpretation.services.assignments import assign
from tests.conftest import client_for
from tests.factories import EventFactory, UserFactory
from tests.helpers import assert_flat_queries
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db
URL = "/api/v1/interpreters/"
NY = ZoneInfo("America/New_York")


def day_at(hour, minute=0, days=40):
    day = (timezone.now() + timedelta(days=days)).astimezone(NY).date()
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=NY)


def test_coordinator_adds_a_vendor_interpreter(coordinator_api):
    response = coordinator_api.post(
        URL,
        {
            "name": "Tahmina Rahman",
            "email": "tahmina@agency.example.org",
            "phone": "+1 (718) 555-0123",
            "agency": "Borough Language Services",
            "languages": ["bn", "en"],
            "modes": ["in_person", "phone"],
            "availability": [
                {"starts_at": "2027-03-06T08:00:00-05:00", "ends_at": "2027-03-06T18:00:00-05:00"}
            ],
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["name"], data["phone"], sorted(data["languages"]), sorted(data["modes"])) == (
        "Tahmina Rahman",
        "+17185550123",
        ["bn", "en"],
        ["in_person", "phone"],
    )
    assert data["availability"] == [
        {"starts_at": "2027-03-06T08:00:00-05:00", "ends_at": "2027-03-06T18:00:00-05:00"}
    ]


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"languages": ["ase"], "modes": ["in_person"]}, "sign_language_mismatch"),
        ({"languages": ["es"], "modes": ["sign_language"]}, "sign_language_mismatch"),
        ({"languages": ["xx"], "modes": ["phone"]}, "invalid"),
        ({"languages": ["es"], "modes": ["carrier_pigeon"]}, "invalid"),
        ({"name": "", "languages": ["es"], "modes": ["phone"]}, "invalid"),
        (
            {
                "languages": ["es"],
                "modes": ["phone"],
                "availability": [
                    {"starts_at": "2027-03-06T18:00:00Z", "ends_at": "2027-03-06T08:00:00Z"}
                ],
            },
            "invalid",
        ),
        (
            {
                "languages": ["es"],
                "modes": ["phone"],
                "availability": [
                    {"starts_at": "2027-03-06T08:00:00", "ends_at": "2027-03-06T18:00:00"}
                ],
            },
            "invalid",
        ),
    ],
)
def test_bad_roster_entries_are_refused(coordinator_api, payload, code):
    response = coordinator_api.post(URL, {"name": "Someone"} | payload)
    assert (response.status_code, response.json()["code"]) == (400, code)
    assert Interpreter.objects.count() == 0


def test_a_user_is_on_the_roster_once(coordinator_api):
    user = UserFactory()
    first = {"user": user.pk, "languages": ["ase"], "modes": ["sign_language"]}
    assert coordinator_api.post(URL, first).status_code == 201
    response = coordinator_api.post(URL, first)
    assert (response.status_code, response.json()["code"]) == (409, "user_already_interpreter")
    assert list(Interpreter.objects.values_list("user", flat=True)) == [user.pk]


def test_only_coordinators_see_the_roster_and_interpreters_their_own_entry(
    coordinator_api, user_api
):
    own = InterpreterFactory(user=UserFactory())
    other = InterpreterFactory()
    assert sorted(r["id"] for r in coordinator_api.get(URL).json()["results"]) == sorted(
        [own.pk, other.pk]
    )
    me = client_for(own.user)
    assert [r["id"] for r in me.get(URL).json()["results"]] == [own.pk]
    assert me.get(f"{URL}{other.pk}/").status_code == 404
    assert user_api.get(URL).json()["results"] == []
    assert (
        user_api.post(URL, {"name": "X", "languages": ["es"], "modes": ["phone"]}).status_code
        == 403
    )
    assert sorted(Interpreter.objects.values_list("pk", flat=True)) == sorted([own.pk, other.pk])


def test_an_interpreter_keeps_their_own_availability_but_nothing_else(coordinator_api):
    own = InterpreterFactory(user=UserFactory())
    me = client_for(own.user)
    window = {"starts_at": "2027-04-01T09:00:00-04:00", "ends_at": "2027-04-01T17:00:00-04:00"}
    response = me.patch(f"{URL}{own.pk}/", {"availability": [window]})
    assert response.status_code == 200
    assert response.json()["availability"] == [window]
    assert me.patch(f"{URL}{own.pk}/", {"languages": ["es", "ko"]}).status_code == 403
    assert sorted(own.languages.values_list("code", flat=True)) == ["es"]
    assert coordinator_api.patch(f"{URL}{own.pk}/", {"active": False}).json()["active"] is False


def test_an_interpreter_is_refused_another_field_before_it_is_validated():
    own = InterpreterFactory(user=UserFactory())
    me = client_for(own.user)
    response = me.patch(f"{URL}{own.pk}/", {"languages": ["not a language"]}, format="json")
    assert response.status_code == 403


def test_roster_filters_and_flat_queries(coordinator_api):
    InterpreterFactory(languages=["ko"], modes=["video"])
    assert [
        r["languages"] for r in coordinator_api.get(URL, {"language": "ko"}).json()["results"]
    ] == [["ko"]]
    assert len(coordinator_api.get(URL, {"mode": "video"}).json()["results"]) == 1

    def make(n):
        for _ in range(n):
            InterpreterFactory(
                languages=["es", "bn"],
                modes=["phone", "video"],
                availability=[(day_at(8), day_at(18))],
            )

    def fetch():
        assert coordinator_api.get(URL, {"page_size": 200}).status_code == 200

    # The user, their roles, the page, and one query per prefetched relation.
    assert_flat_queries(make, fetch, at_most=7)


def test_suggestions_are_skilled_available_active_and_free(coordinator_api):
    event = EventFactory(starts_at=day_at(10), ends_at=day_at(12), address="1 Main St")
    line = request_line(event, language="bn")
    whole_day = [(day_at(8), day_at(18))]
    good = InterpreterFactory(name="A good match", languages=["bn"], availability=whole_day)
    InterpreterFactory(name="Wrong language", languages=["es"], availability=whole_day)
    InterpreterFactory(name="Phone only", languages=["bn"], modes=["phone"], availability=whole_day)
    InterpreterFactory(name="Inactive", languages=["bn"], availability=whole_day, active=False)
    InterpreterFactory(
        name="Mornings only", languages=["bn"], availability=[(day_at(8), day_at(11))]
    )
    InterpreterFactory(name="No windows", languages=["bn"])
    busy = InterpreterFactory(name="Busy", languages=["bn", "es"], availability=whole_day)
    elsewhere = EventFactory(starts_at=day_at(12, 15), ends_at=day_at(13), address="9 Far Rd")
    assign(line_id=request_line(elsewhere, language="es").pk, interpreter_id=busy.pk, by=None)
    response = coordinator_api.get(f"/api/v1/interpretation/lines/{line.pk}/suggestions/")
    assert response.status_code == 200
    assert [r["name"] for r in response.json()["results"]] == [good.name]
    assert AvailabilityWindow.objects.filter(interpreter=good).count() == 1


def test_suggestions_are_for_coordinators_only(user_api, organiser_api):
    line = request_line(EventFactory(), language="bn")
    assert user_api.get(f"/api/v1/interpretation/lines/{line.pk}/suggestions/").status_code == 403
    assert (
        organiser_api.get(f"/api/v1/interpretation/lines/{line.pk}/suggestions/").status_code == 403
    )


def test_suggestions_query_count_is_flat(coordinator_api):
    event = EventFactory(starts_at=day_at(10), ends_at=day_at(12))
    line = request_line(event, language="bn")

    def make(n):
        for _ in range(n):
            InterpreterFactory(languages=["bn"], availability=[(day_at(8), day_at(18))])

    def fetch():
        response = coordinator_api.get(
            f"/api/v1/interpretation/lines/{line.pk}/suggestions/", {"page_size": 200}
        )
        assert response.status_code == 200

    # The user, their roles, the page, and one query per prefetched relation.
    assert_flat_queries(make, fetch, at_most=7)
