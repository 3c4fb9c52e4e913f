"""Attendee lists as CSV: a pure function from registrations to bytes. UTF-8 with a
byte-order mark (Excel reads Bangla, Arabic, Chinese names right only with it), times in
the event's own zone with their UTC offset, as the rest of the API gives them."""

import csv
import io
import re
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from events_api.events.models import Registration

_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d .]*")

COLUMNS = [
    "id",
    "status",
    "waitlist_position",
    "name",
    "email",
    "phone",
    "adults",
    "children",
    "preferred_language",
    "interpreter_language",
    "childcare_ages",
    "accessibility",
    "accessibility_notes",
    "organization",
    "source",
    "pass_code",
    "created_at",
    "checked_in_at",
]


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # Spreadsheet apps run cells starting with these as formulas (CSV injection); a plain
    # number such as an E.164 phone is left alone.
    if text[:1] in {"=", "+", "-", "@", "\t", "\r"} and not _PLAIN_NUMBER.fullmatch(text):
        text = "'" + text
    return text


def local_time(moment: datetime | None, tzid: str) -> str:
    """``2027-03-06T10:00:00-05:00``: the wall-clock time in ``tzid`` with its offset."""
    if moment is None:
        return ""
    return moment.astimezone(ZoneInfo(tzid)).isoformat(timespec="seconds")


def registrations_csv(registrations: Iterable[Registration]) -> bytes:
    """One row per registration, with ``registration.event`` loaded (its zone)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in registrations:
        writer.writerow(
            [
                _cell(v)
                for v in [
                    r.pk,
                    r.status,
                    r.waitlist_position,
                    r.name,
                    r.email,
                    r.phone,
                    r.adults,
                    r.children,
                    r.preferred_language_id,
                    r.interpreter_language_id,
                    " ".join(str(age) for age in r.childcare_ages),
                    " ".join(r.accessibility),
                    r.accessibility_notes,
                    r.organization.name if r.organization else "",
                    r.source,
                    r.pass_code,
                    local_time(r.created_at, r.event.timezone),
                    local_time(r.checked_in_at, r.event.timezone),
                ]
            ]
        )
    # A byte-order mark so spreadsheet apps read Bangla, Arabic, Chinese correctly.
    return "\ufeff".encode() + out.getvalue().encode()
