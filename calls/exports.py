"""A call list as CSV: a pure function from the list to bytes, in the same form as the
attendee export (UTF-8 with a byte-order mark, times in the event's zone with their
offset, cells that a spreadsheet would run as formulas made plain). People who asked us
to stop calling are not in it."""

import csv
import io

from calls.lists import CallList
from events_api.events.exports import _cell as cell  # the same guard against formulas
from events_api.events.exports import local_time

COLUMNS = [
    "list",
    "name",
    "phone",
    "language",
    "status",
    "waitlist_position",
    "pass_code",
    "adults",
    "children",
    "interpreter_language",
    "childcare_ages",
    "accessibility",
    "organization",
    "attempts",
    "latest_outcome",
    "latest_note",
    "latest_at",
    "registration",
    "member",
]


def call_list_csv(call_list: CallList) -> tuple[bytes, int]:
    """The CSV and its number of rows: the people to call, language by language, then
    those with no number."""
    zone = call_list.event.timezone if call_list.event is not None else "UTC"
    rows = [("call", p) for g in call_list.groups for p in g.people]
    rows += [("no_number", p) for p in call_list.no_number]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for section, p in rows:
        latest = p.latest
        writer.writerow(
            [
                cell(value)
                for value in [
                    section,
                    p.name,
                    p.phone,
                    p.language,
                    p.status,
                    p.waitlist_position,
                    p.pass_code,
                    p.adults,
                    p.children,
                    p.interpreter_language,
                    " ".join(str(age) for age in p.childcare_ages),
                    " ".join(p.accessibility),
                    p.organization_name,
                    p.attempts,
                    latest.outcome if latest else "",
                    latest.note if latest else "",
                    local_time(latest.recorded_at, zone) if latest else "",
                    p.registration,
                    p.member,
                ]
            ]
        )
    return "\ufeff".encode() + out.getvalue().encode(), len(rows)
