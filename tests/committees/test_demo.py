import io
from datetime import time
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from committees.models import Attendance, Committee, Meeting, MeetingSeries, Minutes

pytestmark = pytest.mark.django_db


def test_demo_committees_series_agendas_attendance_and_minutes():
    call_command("seed_demo", stdout=io.StringIO())
    kinds = sorted(Committee.objects.values_list("kind", flat=True))
    assert kinds == [
        "citywide_advisory",
        "multicultural_advisory",
        "welcoming",
        "welcoming",
        "welcoming",
    ]
    series = MeetingSeries.objects.get()
    assert series.rrule == "FREQ=MONTHLY;COUNT=15;BYDAY=2TU"
    zone = ZoneInfo("America/New_York")
    starts = [
        m.event.starts_at.astimezone(zone)
        for m in Meeting.objects.filter(series=series).select_related("event")
    ]
    assert {s.time() for s in starts} == {time(18)}
    assert {s.weekday() for s in starts} == {1}
    assert {(s.day - 1) // 7 for s in starts} == {1}
    minutes = Minutes.objects.get()
    assert minutes.status == "approved"
    assert set(minutes.text) == {"en", "es"}
    meeting = minutes.meeting
    assert Attendance.objects.filter(meeting=meeting, status="present").count() == 5
    assert (meeting.quorum_met, meeting.guests) == (True, 7)
    assert meeting.agenda_items.count() == 4
