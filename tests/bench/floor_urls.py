"""The real URLs, plus two bare views under /floor/ that do the least Django can do for the
same answer: the floor the real endpoints are measured against (tests/bench/floor_bench.py).
Served only by the benchmark's gunicorn on 127.0.0.1."""

import hashlib
import json
import secrets

from django.db import connection, transaction
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from events_api.events.models import Event
from events_api.events.passes import new_pass_code
from events_api.events.rules import PUBLIC_STATUSES
from events_api.urls import (  # noqa: F401 - the error handlers are looked up here
    handler400,
    handler403,
    handler404,
    handler500,
)
from events_api.urls import urlpatterns as real_urlpatterns


def bare_events(request):
    """The first 50 public events in the list's order: one query, no DRF, no count."""
    rows = list(
        Event.objects.filter(status__in=PUBLIC_STATUSES).order_by("starts_at", "id")[:50].values()
    )
    return JsonResponse({"results": rows})


INSERT = """INSERT INTO events_registration (event_id, name, email, phone, consent_version,
    consent_language, consent_text, source, adults, children, preferred_language_id, channel,
    childcare_ages, accessibility, accessibility_notes, status, pass_code, manage_token_hash,
    idempotency_key_hash, check_in_key, created_at, updated_at)
    VALUES (%s, %s, %s, '', '', '', '', 'self', %s, 0, 'en', '', '[]', '[]', '', 'confirmed',
    %s, %s, '', '', now(), now()) RETURNING id"""


@csrf_exempt
def bare_register(request, event_id: int):
    """Lock the event row, count its seats taken, insert a confirmed registration, answer
    201: the work a registration cannot do without."""
    data = json.loads(request.body)
    token = secrets.token_urlsafe(16)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT capacity FROM events_event WHERE id = %s FOR UPDATE", [event_id])
        (capacity,) = cursor.fetchone()
        cursor.execute(
            "SELECT COALESCE(SUM(adults + children), 0) FROM events_registration "
            "WHERE event_id = %s AND status IN ('confirmed', 'checked_in')",
            [event_id],
        )
        (taken,) = cursor.fetchone()
        adults = int(data.get("adults", 1))
        if capacity is not None and taken + adults > capacity:
            return JsonResponse({"code": "event_full"}, status=409)
        code = new_pass_code()
        digest = hashlib.sha256(token.encode()).hexdigest()
        cursor.execute(INSERT, [event_id, data["name"], data["email"], adults, code, digest])
        (pk,) = cursor.fetchone()
    body = {"id": pk, "status": "confirmed", "pass_code": code, "manage_token": token}
    return JsonResponse(body, status=201)


urlpatterns = [
    path("floor/events/", bare_events),
    path("floor/register/<int:event_id>/", bare_register),
    *real_urlpatterns,
]
