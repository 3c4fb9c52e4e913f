"""The public event list's page query, as PostgreSQL plans it: page 1 walks the partial
index over public events in the list's order and stops after the page (no scan and sort of
every event), and counts nothing per row. PostgreSQL only: these are its plans."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone

from events_api.events import queries, rules
from events_api.events.models import Event
from tests.events.test_concurrency import IS_POSTGRES

EVENTS = 5000


def plan_nodes(plan: dict) -> list[dict]:
    nodes = [plan]
    for child in plan.get("Plans", []):
        nodes += plan_nodes(child)
    return nodes


@pytest.mark.skipif(
    not IS_POSTGRES,
    reason="reads PostgreSQL's own query plan (EXPLAIN FORMAT JSON, the partial index "
    "event_public_by_start): SQLite plans differently and has no such output; runs on "
    "PostgreSQL in .ci/run",
)
@pytest.mark.django_db
def test_page_one_reads_the_public_index_not_the_table():
    start = timezone.now() + timedelta(days=1)
    Event.objects.bulk_create(
        Event(
            title={"en": f"Open house {i}"},
            starts_at=start + timedelta(minutes=7 * i),
            ends_at=start + timedelta(minutes=7 * i + 60),
            status="published" if i % 10 else "draft",
        )
        for i in range(EVENTS)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
    page = queries.event_list_values(rules.visible_events(AnonymousUser()))[:50]
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        raw = cursor.fetchone()[0]
    plan = json.loads(raw) if isinstance(raw, str) else raw

    nodes = plan_nodes(plan[0]["Plan"])
    kinds = [node["Node Type"] for node in nodes]
    scans = {node.get("Relation Name"): node for node in nodes if "Relation Name" in node}
    assert kinds[0] == "Limit", kinds
    assert scans["events_event"]["Node Type"] == "Index Scan", kinds
    assert scans["events_event"]["Index Name"] == "event_public_by_start"
    assert "Sort" not in kinds, kinds
    assert "events_registration" not in scans  # seats and waitlist are columns
    assert len(list(page)) == 50
