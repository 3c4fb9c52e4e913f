"""Who may do what, route by route: every route under /api/v1/ and /calendar/ and each of its
methods, asked by every demo role, against the demo data. The table below says the status
each role gets; the meta-test fails when a route or method has no row, so a new endpoint
cannot ship without someone deciding who may use it. docs/permissions.md says how to add a
row.

Writes send an empty body: a role that may write gets 400 (its input is checked after its
right to write), a role that may not gets 401, 403 or 404 before its input is read. Where
the rule depends on the body (which event, which organisation), ``_bodies`` sends a valid
one. Every request runs in a savepoint that is rolled back, so one role's write never
changes what the next role sees. The demo data is loaded once, for the whole table."""

import io
import json
import time
from datetime import time as clock
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cards import services as card_services
from committees.models import Committee, Meeting, Membership, SeriesException, Visibility
from committees.services import committees as committee_services
from committees.services import meetings as meeting_services
from committees.services import series as series_services
from events_api.calendars.services import issue_feed_token
from events_api.events.consent import CONSENT_VERSION
from events_api.events.models import Registration
from events_api.events.services import registration as registration_services
from events_api.interpretation.models import Assignment, DemandLine, Interpreter, InterpreterRequest
from events_api.interpretation.services import assignments as assignment_services
from events_api.interpretation.services import demand as demand_services
from events_api.people.models import Language, User
from summits.models import Session, Summit

DOMAIN = "demo.opendoors.nyc"
# Role, and the demo account that plays it (see the README's demo accounts).
ROLES = {
    "anon": None,
    "parent": "parent",  # Farida: registered herself; a member of the members-only committee
    "parent2": "parent2",  # Carla: another parent
    "cbo_a": "cbo",  # La Union staff: made the proxy registrations and interpreter requests
    "cbo_b": "cpa",  # CPA staff: a member of the members-only committee for CPA
    "org": "organiser",  # organises the 2027 summit
    "org2": "organiser2",  # an organiser, not of this summit
    "chair": "parent5",  # chairs the members-only multicultural committee
    "member": "parent3",  # a plain member of it
    "nonmember": "parent4",  # a member of another committee (I.S. 136), not of this one
    "coord": "coordinator",  # interpreter coordinator
    "interp": "interpreter",  # an interpreter on the roster, with an assignment
    "door": "door",  # door volunteer
}
PREFIXES = ("api/v1/", "calendar/")
SAFE = {"GET"}
# Routes without an id in their path beyond the "-list" ones.
LIST_ROUTES = {
    "me",
    "me-data",
    "my-registration-list",
    "interpretation-coverage",
    "me-calendar-feed",
    "committee-invitation-accept",
    "card-sheet-pdf",
}

# (method, URL name): one status per role, in the order of ROLES.
# fmt: off
MATRIX: dict[tuple[str, str], str] = {
    # role:                                    ano par pa2 cbA cbB org or2 chr mbr nmb crd int dor
    ("POST", "assignment-confirm"):           "403 404 404 404 404 404 404 404 404 404 200 200 404",
    ("POST", "assignment-decline"):           "403 404 404 404 404 404 404 404 404 404 200 200 404",
    ("GET", "assignment-detail"):             "403 404 404 404 404 404 404 404 404 404 200 200 404",
    ("GET", "assignment-list"):               "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "assignment-list"):              "403 403 403 403 403 403 403 403 403 403 400 403 403",
    ("POST", "assignment-withdraw"):          "403 403 403 403 403 403 403 403 403 403 200 403 403",
    ("GET", "calendar-committee"):            "404 404 404 404 404 404 404 404 404 404 404 404 404",
    ("GET", "calendar-event"):                "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "calendar-personal"):             "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "calendar-summit"):               "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "card-list"):                     "403 200 403 200 200 200 200 200 403 403 403 403 403",
    ("GET", "card-pdf"):                      "403 404 403 200 404 404 404 404 403 403 403 403 403",
    ("GET", "card-sheet-pdf"):                "403 200 403 200 400 200 200 400 403 403 403 403 403",
    ("POST", "card-list"):                    "403 400 403 400 400 400 400 400 403 403 403 403 403",
    ("POST", "card-reissue"):                 "403 404 403 201 404 404 404 404 403 403 403 403 403",
    ("POST", "card-revoke"):                  "403 404 403 200 404 404 404 404 403 403 403 403 403",
    ("POST", "card-verify"):                  "400 400 400 400 400 400 400 400 400 400 400 400 400",
    ("POST", "committee-call-outcomes"):      "403 403 404 404 403 404 404 400 403 404 404 404 404",
    ("GET", "committee-calls"):               "403 403 404 404 403 404 404 200 403 404 404 404 404",
    ("GET", "committee-calls-csv"):           "403 403 404 404 403 404 404 200 403 404 404 404 404",
    ("GET", "committee-detail"):              "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("PATCH", "committee-detail"):            "404 403 404 404 403 404 404 200 403 404 404 404 404",
    ("DELETE", "committee-invitation"):       "404 403 404 404 403 404 404 204 403 404 404 404 404",
    ("POST", "committee-invitation-accept"):  "403 400 400 400 400 400 400 400 400 400 400 400 400",
    ("GET", "committee-invitations"):         "404 403 404 404 403 404 404 200 403 404 404 404 404",
    ("POST", "committee-invitations"):        "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("GET", "committee-late-notices"):        "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("GET", "committee-list"):                "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "committee-list"):               "403 403 403 403 403 400 400 403 403 403 403 403 403",
    ("GET", "committee-meetings"):            "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("POST", "committee-meetings"):           "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("DELETE", "committee-member"):           "404 403 404 404 403 404 404 204 204 404 404 404 404",
    ("PATCH", "committee-member"):            "404 403 404 404 403 404 404 200 200 404 404 404 404",
    ("GET", "committee-members"):             "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("POST", "committee-members"):            "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("GET", "committee-series"):              "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("POST", "committee-series"):             "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("GET", "committee-series-detail"):       "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("PATCH", "committee-series-detail"):     "404 403 404 404 403 404 404 200 403 404 404 404 404",
    ("DELETE", "committee-series-exception"): "404 403 404 404 403 404 404 204 403 404 404 404 404",
    ("GET", "committee-series-exceptions"):   "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("POST", "committee-series-exceptions"):  "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("POST", "committee-series-split"):       "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("GET", "demand-line-detail"):            "403 404 404 404 404 200 404 404 404 404 200 404 404",
    ("PATCH", "demand-line-detail"):          "403 403 403 403 403 403 403 403 403 403 200 403 403",
    ("PUT", "demand-line-detail"):            "403 405 405 405 405 405 405 405 405 405 405 405 405",
    ("GET", "demand-line-list"):              "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "demand-line-suggestions"):       "403 403 403 403 403 403 403 403 403 403 200 403 403",
    ("GET", "event-access-log"):              "403 403 403 403 403 200 403 403 403 403 403 403 403",
    ("POST", "event-call-outcomes"):          "403 403 403 400 400 400 403 403 403 403 403 403 403",
    ("GET", "event-calls"):                   "403 403 403 200 200 200 403 403 403 403 403 403 403",
    ("GET", "event-calls-csv"):               "403 403 403 200 200 200 403 403 403 403 403 403 403",
    ("POST", "event-card-check-in"):          "403 403 403 403 403 400 403 403 403 403 403 403 400",
    ("POST", "event-card-walk-in"):           "403 403 403 403 403 400 403 403 403 403 403 403 400",
    ("POST", "event-check-in"):               "403 403 403 403 403 400 403 403 403 403 403 403 400",
    ("GET", "event-flyer-pdf"):               "403 403 403 403 403 400 403 403 403 403 403 403 403",
    ("GET", "event-detail"):                  "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("PATCH", "event-detail"):                "403 404 404 404 404 200 404 404 404 404 404 404 404",
    ("GET", "event-export"):                  "403 403 403 403 403 200 403 403 403 403 403 403 403",
    ("GET", "event-interpretation"):          "403 404 404 404 404 200 404 404 404 404 200 404 404",
    ("GET", "event-list"):                    "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "event-messages"):                "404 404 404 404 404 200 404 404 404 404 404 404 404",
    ("GET", "event-registrations"):           "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "event-registrations"):          "403 403 403 201 403 403 403 403 403 403 403 403 403",
    ("GET", "event-reminders"):               "404 404 404 404 404 200 404 404 404 404 404 404 404",
    ("POST", "event-walk-ins"):               "403 403 403 403 403 400 403 403 403 403 403 403 400",
    ("GET", "interpretation-coverage"):       "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "interpreter-assignments"):       "403 404 404 404 404 404 404 404 404 404 200 200 404",
    ("GET", "interpreter-detail"):            "403 404 404 404 404 404 404 404 404 404 200 200 404",
    ("PATCH", "interpreter-detail"):          "403 404 404 404 404 404 404 404 404 404 200 200 404",
    ("PUT", "interpreter-detail"):            "403 405 405 405 405 405 405 405 405 405 405 405 405",
    ("GET", "interpreter-list"):              "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "interpreter-list"):             "403 403 403 403 403 403 403 403 403 403 400 403 403",
    ("DELETE", "interpreter-request-detail"): "403 404 404 200 404 200 404 404 404 404 200 404 404",
    ("GET", "interpreter-request-detail"):    "403 404 404 200 404 200 404 404 404 404 200 404 404",
    ("GET", "interpreter-request-list"):      "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "interpreter-request-list"):     "403 403 403 201 201 201 403 403 403 403 201 403 403",
    ("GET", "language-detail"):               "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "language-list"):                 "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "me"):                            "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("PATCH", "me"):                          "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("DELETE", "me-calendar-feed"):           "403 204 404 404 404 404 404 404 404 404 404 404 404",
    ("GET", "me-calendar-feed"):              "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "me-calendar-feed"):             "403 201 201 201 201 201 201 201 201 201 201 201 201",
    ("DELETE", "me-data"):                    "403 400 400 400 400 400 400 400 400 400 400 400 400",
    ("GET", "me-data"):                       "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("DELETE", "meeting-agenda-item"):        "404 403 404 404 403 404 404 204 403 404 404 404 404",
    ("PATCH", "meeting-agenda-item"):         "404 403 404 404 403 404 404 200 403 404 404 404 404",
    ("GET", "meeting-agenda-items"):          "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("POST", "meeting-agenda-items"):         "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("POST", "meeting-amend-minutes"):        "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("POST", "meeting-approve-minutes"):      "404 403 404 404 403 404 404 409 403 404 404 404 404",
    ("GET", "meeting-attendance"):            "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("POST", "meeting-attendance"):           "404 403 404 404 403 404 404 409 403 404 404 404 404",
    ("GET", "meeting-detail"):                "404 200 404 404 200 404 404 200 200 404 404 404 404",
    ("PATCH", "meeting-detail"):              "404 403 404 404 403 404 404 200 403 404 404 404 404",
    ("GET", "meeting-list"):                  "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "meeting-minutes"):               "404 404 404 404 404 404 404 404 404 404 404 404 404",
    ("PUT", "meeting-minutes"):               "404 403 404 404 403 404 404 400 403 404 404 404 404",
    ("GET", "meeting-rsvp"):                  "404 404 404 404 404 404 404 404 404 404 404 404 404",
    ("POST", "meeting-rsvp"):                 "404 400 404 404 400 404 404 400 400 404 404 404 404",
    ("GET", "meeting-rsvps"):                 "404 403 404 404 403 404 404 200 403 404 404 404 404",
    ("GET", "my-card-list"):                  "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "my-registration-list"):          "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "organization-detail"):           "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "organization-list"):             "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "registration-consent"):          "403 404 404 200 404 404 404 404 404 404 404 404 404",
    ("DELETE", "registration-data"):          "403 404 404 204 404 403 404 404 404 404 404 404 404",
    ("DELETE", "registration-detail"):        "403 200 404 404 404 200 404 404 404 404 404 404 404",
    ("GET", "registration-detail"):           "403 200 404 404 404 200 404 404 404 404 404 404 404",
    ("PATCH", "registration-detail"):         "403 200 404 404 404 200 404 404 404 404 404 404 404",
    ("GET", "registration-interpretation"):   "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "registration-list"):             "403 200 200 200 200 200 200 200 200 200 200 200 200",
    ("DELETE", "registration-manage"):        "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "registration-manage"):           "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("PATCH", "registration-manage"):         "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("DELETE", "registration-manage-data"):   "204 204 204 204 204 204 204 204 204 204 204 204 204",
    ("GET", "registration-manage-data"):      "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "registration-manage-looks"):     "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "registration-pass"):             "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "school-poster-pdf"):             "403 200 403 403 403 200 200 403 403 403 403 403 403",
    ("GET", "school-detail"):                 "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "school-list"):                   "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("GET", "session-detail"):                "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("PATCH", "session-detail"):              "404 404 404 404 404 200 404 404 404 404 404 404 404",
    ("POST", "sms-inbound"):                  "403 403 403 403 403 403 403 403 403 403 403 403 403",
    ("POST", "sms-status"):                   "403 403 403 403 403 403 403 403 403 403 403 403 403",
    ("GET", "summit-dashboard"):              "404 404 404 404 404 200 404 404 404 404 404 404 404",
    ("GET", "summit-dashboard-interpretation"): "404 404 404 404 404 200 404 404 404 404 404 404 404",  # noqa: E501
    ("GET", "summit-detail"):                 "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("PATCH", "summit-detail"):               "403 403 403 403 403 200 403 403 403 403 403 403 403",
    ("PUT", "summit-detail"):                 "403 405 405 405 405 405 405 405 405 405 405 405 405",
    ("GET", "summit-list"):                   "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "summit-list"):                  "403 403 403 403 403 400 400 403 403 403 403 403 403",
    ("GET", "summit-rooms"):                  "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "summit-rooms"):                 "403 404 404 404 404 400 404 404 404 404 404 404 404",
    ("GET", "summit-sessions"):               "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "summit-sessions"):              "403 404 404 404 404 400 404 404 404 404 404 404 404",
    ("GET", "summit-tracks"):                 "200 200 200 200 200 200 200 200 200 200 200 200 200",
    ("POST", "summit-tracks"):                "403 404 404 404 404 400 404 404 404 404 404 404 404",
}
# fmt: on


# --- the routes ----------------------------------------------------------------------------


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _methods(pattern: URLPattern) -> list[str]:
    callback = pattern.callback
    actions = getattr(callback, "actions", None)
    if actions:
        # HEAD is answered as GET (DRF adds it to the actions on the first request).
        return sorted(method.upper() for method in actions if method not in {"head", "options"})
    view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view is None:
        return ["GET"]
    return sorted(
        method.upper()
        for method in view.http_method_names
        if method not in {"head", "options"} and hasattr(view, method)
    )


def routes() -> list[tuple[str, str]]:
    """(method, URL name) for every route under /api/v1/ and /calendar/."""
    found = set()
    for route, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(PREFIXES):
            assert pattern.name, f"route {route} has no name, so it cannot have a row"
            found.update((method, pattern.name) for method in _methods(pattern))
    return sorted(found)


def test_every_route_and_method_has_a_row():
    existing = set(routes())
    missing = sorted(existing - MATRIX.keys())
    stale = sorted(MATRIX.keys() - existing)
    assert not missing, (
        f"routes with no row in MATRIX (add one, see docs/permissions.md): {missing}"
    )
    assert not stale, f"rows for routes that no longer exist: {stale}"
    for key, row in MATRIX.items():
        assert len(row.split()) == len(ROLES), f"{key}: one status per role, {len(ROLES)}"


# --- the demo objects the paths point at ---------------------------------------------------


def _account(prefix):
    return User.objects.get(email=f"{prefix}@{DOMAIN}")


def _assignment_for(interpreter: Interpreter, event) -> Assignment:
    """An open (requested) job for the interpreter account: a Spanish phone line on
    ``event``, asked for by the coordinator."""
    coordinator = _account("coordinator")
    request = demand_services.request_interpreter(
        event_id=event.pk,
        request=demand_services.DirectRequest(
            language=Language.objects.get(pk="es"), mode="phone", people=1
        ),
        by=coordinator,
    )
    return assignment_services.assign(
        line_id=request.line_id, interpreter_id=interpreter.pk, by=coordinator
    )


def _objects() -> SimpleNamespace:
    """Demo objects chosen so the roles differ, plus the few the demo does not have."""
    parent = _account("parent")
    summit = Summit.objects.get(year=2027)
    sessions = list(Session.objects.filter(summit=summit).order_by("event__starts_at", "pk"))
    la_union_request = (
        InterpreterRequest.objects.filter(
            organization__short_name="La Union", event__session__summit=summit
        )
        .order_by("pk")
        .first()
    )
    event = la_union_request.event
    registered = registration_services.register(
        event_id=event.pk,
        contact=registration_services.Contact(name=parent.display_name, user=parent),
        party=registration_services.Party(adults=1, children=0),
        needs=registration_services.Needs(preferred_language="bn"),
    )
    _feed, feed_token = issue_feed_token(user=parent)
    interpreter = Interpreter.objects.get(user=_account("interpreter"))
    assignment = _assignment_for(interpreter, event)
    committee = Committee.objects.get(visibility=Visibility.MEMBERS)
    meeting = Meeting.objects.filter(committee=committee).order_by("pk").first()
    item = meeting_services.add_agenda_item(meeting=meeting, title={"en": "Welcome"})
    series = series_services.create_series(
        committee=committee,
        title={"en": "Monthly planning"},
        rrule="FREQ=MONTHLY;COUNT=3",
        start_date=timezone.localdate() + timedelta(days=10),
        start_time=clock(18),
        duration_minutes=60,
        timezone="America/New_York",
        room="Library",
    )
    first = Meeting.objects.filter(series=series).order_by("original_start").first()
    exception = SeriesException.objects.create(
        series=series, original_start=first.original_start, kind="cancel"
    )
    invitation, _token = committee_services.invite(
        committee=committee, by=_account("parent5"), role="parent", phone="+17185550199"
    )
    card = card_services.issue(
        holder=card_services.Holder(name="Rosa M.", preferred_language="es"),
        by=_account("cbo"),
        organization=la_union_request.organization,
    )
    return SimpleNamespace(
        card=card,
        invitation=invitation,
        event=event,
        school=event.school,
        organization=la_union_request.organization,
        registration=registered.registration,
        # A family La Union registered on the organiser's summit (erased by La Union only).
        cbo_registration=Registration.objects.filter(
            organization=la_union_request.organization, event__session__summit=summit
        )
        .order_by("pk")
        .first(),
        manage_token=registered.manage_token,
        feed_token=feed_token,
        interpreter_request=la_union_request,
        line=DemandLine.objects.filter(event=event).order_by("pk").first(),
        interpreter=interpreter,
        assignment=assignment,
        summit=summit,
        session=sessions[0],
        committee=committee,
        membership=Membership.objects.get(committee=committee, user=_account("parent3")),
        series=series,
        exception=exception,
        meeting=meeting,
        item=item,
    )


def _path_kwargs(name: str, o: SimpleNamespace) -> dict:
    token = {"token": o.manage_token}
    committee = {"pk": o.committee.pk}
    series = {**committee, "series_id": o.series.pk}
    by_name = {
        "language-detail": {"pk": "es"},
        "school-detail": {"pk": o.school.pk},
        "organization-detail": {"pk": o.organization.pk},
        "registration-manage": token,
        "registration-manage-data": token,
        "registration-manage-looks": token,
        "registration-data": {"pk": o.cbo_registration.pk},
        "registration-pass": {**token, "fmt": "svg"},
        "registration-interpretation": token,
        "registration-detail": {"pk": o.registration.pk},
        "registration-consent": {"organization_id": o.organization.pk},
        "card-revoke": {"pk": o.card.pk},
        "card-reissue": {"pk": o.card.pk},
        "card-pdf": {"pk": o.card.pk},
        "school-poster-pdf": {"pk": o.school.pk},
        "event-interpretation": {"event_id": o.event.pk},
        "event-messages": {"event_id": o.event.pk},
        "event-reminders": {"event_id": o.event.pk},
        "interpreter-request-detail": {"pk": o.interpreter_request.pk},
        "demand-line-detail": {"pk": o.line.pk},
        "demand-line-suggestions": {"pk": o.line.pk},
        "interpreter-detail": {"pk": o.interpreter.pk},
        "interpreter-assignments": {"pk": o.interpreter.pk},
        "session-detail": {"pk": o.session.pk},
        "committee-member": {**committee, "member_id": o.membership.pk},
        "committee-invitation": {**committee, "invitation_id": o.invitation.pk},
        "committee-series-detail": series,
        "committee-series-exceptions": series,
        "committee-series-split": series,
        "committee-series-exception": {**series, "exception_id": o.exception.pk},
        "meeting-agenda-item": {"pk": o.meeting.pk, "item_id": o.item.pk},
        "calendar-personal": {"token": o.feed_token},
        "calendar-event": {"pk": o.event.pk},
        "calendar-summit": {"pk": o.summit.pk},
        "calendar-committee": committee,
    }
    if name in by_name:
        return by_name[name]
    by_prefix = {
        "event-": o.event,
        "assignment-": o.assignment,
        "summit-": o.summit,
        "committee-": o.committee,
        "meeting-": o.meeting,
    }
    for prefix, obj in by_prefix.items():
        if name.startswith(prefix):
            return {"pk": obj.pk}
    return {}


def _path(name: str, o: SimpleNamespace) -> str:
    if name.endswith("-list") or name in LIST_ROUTES:
        return reverse(name)
    return reverse(name, kwargs=_path_kwargs(name, o))


def _clients() -> dict[str, APIClient]:
    clients = {}
    for role, prefix in ROLES.items():
        client = APIClient()
        if prefix is not None:
            client.force_login(_account(prefix))
        clients[role] = client
    return clients


def _bodies(o: SimpleNamespace) -> dict[tuple[str, str], dict]:
    """Valid bodies for the writes whose rule depends on what the body asks for (which event,
    which organisation), so the row shows the rule rather than a 400 for everyone."""
    return {
        # An interpreter for the event: coordinators, CBO staff, the event's organisers.
        ("POST", "interpreter-request-list"): {
            "event": o.event.pk,
            "language": "ko",
            "mode": "video",
            "people": 1,
        },
        # A family registered by La Union: its own staff only.
        ("POST", "event-registrations"): {
            "name": "A La Union family",
            "phone": "+17185550100",
            "organization": o.organization.pk,
            "consent": True,
            "consent_version": CONSENT_VERSION,
            "consent_language": "en",
        },
    }


def _ask(client: APIClient, method: str, path: str, body: dict | None) -> int:
    """The status, with whatever the request changed undone."""
    cache.clear()
    with transaction.atomic():
        if method in SAFE:
            response = client.generic(method, path)
        else:
            data = json.dumps(body or {})
            response = client.generic(method, path, data, content_type="application/json")
        transaction.set_rollback(True)
    return response.status_code


@pytest.mark.django_db
def test_each_role_gets_the_status_the_table_says():
    call_command("seed_demo", stdout=io.StringIO())
    objects = _objects()
    clients = _clients()
    started = time.monotonic()
    bodies = _bodies(objects)
    observed = {}
    for method, name in routes():
        path, body = _path(name, objects), bodies.get((method, name))
        observed[method, name] = " ".join(
            str(_ask(clients[role], method, path, body)) for role in ROLES
        )
    cells = len(observed) * len(ROLES)
    print(
        f"authorization matrix: {len(observed)} route-methods x {len(ROLES)} roles = {cells} "
        f"cells in {time.monotonic() - started:.1f} s"
    )
    wrong = {
        key: f"expected {MATRIX.get(key)}, got {row}"
        for key, row in observed.items()
        if MATRIX.get(key) != row
    }
    if wrong:
        print("\n".join(f"    {key!r}: {row!r}," for key, row in sorted(observed.items())))
    assert not wrong, "\n".join(f"{key}: {why}" for key, why in sorted(wrong.items()))
