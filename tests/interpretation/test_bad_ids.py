"""Ids too large for the database are a 4xx, never a crash (SQLite refuses them)."""

import pytest

BIG = 1990076891294952578875392

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"/api/v1/interpreter-requests/?event={BIG}", 400),
        (f"/api/v1/interpreter-requests/?summit={BIG}", 400),
        (f"/api/v1/interpreter-requests/?committee={BIG}", 400),
        (f"/api/v1/interpretation/lines/?event={BIG}", 400),
        (f"/api/v1/assignments/?event={BIG}", 400),
        (f"/api/v1/interpretation/coverage/?summit={BIG}", 400),
        (f"/api/v1/events/{BIG}/interpretation/", 404),
        (f"/api/v1/interpretation/lines/{BIG}/suggestions/", 404),
        (f"/api/v1/assignments/{BIG}/", 404),
        (f"/api/v1/interpreters/{BIG}/assignments/", 404),
    ],
)
def test_reads(coordinator_api, url, status):
    assert coordinator_api.get(url).status_code == status


@pytest.mark.parametrize(
    ("url", "body"),
    [
        (
            "/api/v1/interpreter-requests/",
            {"event": BIG, "language": "es", "mode": "phone", "people": 1},
        ),
        (
            "/api/v1/interpreter-requests/",
            {"event": 1, "language": "es", "mode": "phone", "people": 1, "organization": BIG},
        ),
        ("/api/v1/assignments/", {"line": BIG, "interpreter": 1}),
        ("/api/v1/interpreters/", {"user": BIG, "languages": ["es"], "modes": ["phone"]}),
    ],
)
def test_writes(coordinator_api, url, body):
    from events_api.interpretation.models import Assignment, Interpreter, InterpreterRequest

    response = coordinator_api.post(url, body)
    assert (response.status_code, response.json()["code"]) == (400, "invalid")
    models = (InterpreterRequest, Assignment, Interpreter)
    assert [model.objects.count() for model in models] == [0, 0, 0]
