"""When two interpreting jobs collide: pure functions of times, modes and places.

Jobs overlap when one starts before the other ends; touching jobs (one ends at 11:00, the
next starts at 11:00) do not. Between two jobs that both need the interpreter on site
(in person or signing) at different places, the deployment's travel buffer applies; phone
and video jobs need none."""

from datetime import datetime, timedelta

from events_api.interpretation.models import TRAVELLING_MODES


def overlaps(
    a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime, gap=timedelta(0)
) -> bool:
    return a_start < b_end + gap and b_start < a_end + gap


def _place(event) -> tuple:
    if event.school_id:
        return ("school", event.school_id)
    address = " ".join((event.address or "").lower().split())
    return ("address", address) if address else ("event", event.pk)


def same_place(a, b) -> bool:
    return a.pk == b.pk or _place(a) == _place(b)


def travel_gap(a_event, a_mode: str, b_event, b_mode: str, buffer: timedelta) -> timedelta:
    if (
        a_mode in TRAVELLING_MODES
        and b_mode in TRAVELLING_MODES
        and not same_place(a_event, b_event)
    ):
        return buffer
    return timedelta(0)


def jobs_collide(a_event, a_mode: str, b_event, b_mode: str, buffer: timedelta) -> bool:
    gap = travel_gap(a_event, a_mode, b_event, b_mode, buffer)
    return overlaps(a_event.starts_at, a_event.ends_at, b_event.starts_at, b_event.ends_at, gap)
