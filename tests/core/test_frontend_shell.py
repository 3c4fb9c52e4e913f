"""Django serves the built frontend: its index.html for every page route (deep links and
reloads work), the service worker at the root, and never the shell for API paths."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/events/12", "/manage", "/committees/3", "/me/calendar"])
def test_every_page_route_gets_the_app_shell_with_a_csrf_cookie(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert b'<div id="app"></div>' in response.content
    assert "csrftoken" in response.cookies
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/api/v1/nowhere/", "/calendar/nowhere.ics", "/static/nothing.js", "/admin/x/"]
)
def test_server_paths_are_not_the_frontends(client, path):
    response = client.get(path)
    assert b'<div id="app"></div>' not in response.content


def test_a_post_to_a_page_route_is_refused(client):
    assert client.post("/events/12").status_code == 405


def test_the_service_worker_may_control_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    assert b"addEventListener" in response.content


def test_an_unbuilt_frontend_says_how_to_build_it(client, settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path
    response = client.get("/")
    assert response.status_code == 503
    assert "make run" in response.content.decode()
