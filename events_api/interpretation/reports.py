"""Coverage reports: pure functions from events with their prefetched lines to rows and
to CSV bytes."""

import csv
import io
from collections.abc import Iterable

from events_api.events.exports import _cell, local_time
from events_api.interpretation.models import LineStatus
from events_api.people.language_names import language_name

GAP_STATUSES = (LineStatus.REQUESTED, LineStatus.UNFULFILLED)


def line_row(line) -> dict:
    assignment = line.active_assignments[0] if line.active_assignments else None
    return {
        "id": line.pk,
        "language": line.language_id,
        "language_name": language_name(line.language),
        "mode": line.mode,
        "people": line.people,
        "status": line.status,
        "late": line.late,
        "interpreter": assignment.interpreter.pk if assignment else None,
        "interpreter_name": assignment.interpreter.display_name if assignment else None,
        "reconfirm": assignment.reconfirm if assignment else False,
    }


def coverage_row(event) -> dict:
    """One event: its lines, people needing interpretation, lines assigned (or
    confirmed), confirmed, gaps (requested or unfulfilled), late requests. Cancelled
    lines are listed but not counted."""
    lines = [line_row(line) for line in event.lines]
    live = [line for line in lines if line["status"] != LineStatus.CANCELLED]
    return {
        "event": event.pk,
        "title": event.title,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "timezone": event.timezone,
        "event_status": event.status,
        "languages": len({line["language"] for line in live}),
        "people": sum(line["people"] for line in live),
        "assigned": sum(
            line["status"] in (LineStatus.ASSIGNED, LineStatus.CONFIRMED) for line in live
        ),
        "confirmed": sum(line["status"] == LineStatus.CONFIRMED for line in live),
        "gaps": sum(line["status"] in GAP_STATUSES for line in live),
        "late_requests": event.late_requests,
        "lines": lines,
    }


CSV_COLUMNS = [
    "event",
    "title",
    "starts_at",
    "event_status",
    "line",
    "language",
    "mode",
    "people",
    "status",
    "late",
    "interpreter",
    "reconfirm",
]


def coverage_csv(rows: Iterable[dict]) -> bytes:
    """One CSV row per demand line, English titles, the start in the event's own zone with
    its offset (as the API gives it), UTF-8 with a byte-order mark so spreadsheet apps
    read non-Latin names right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        for line in row["lines"]:
            writer.writerow(
                [
                    _cell(value)
                    for value in (
                        row["event"],
                        (row["title"] or {}).get("en", ""),
                        local_time(row["starts_at"], row["timezone"]),
                        row["event_status"],
                        line["id"],
                        line["language"],
                        line["mode"],
                        line["people"],
                        line["status"],
                        "yes" if line["late"] else "no",
                        line["interpreter_name"] or "",
                        "yes" if line["reconfirm"] else "no",
                    )
                ]
            )
    return ("\ufeff" + out.getvalue()).encode()
