"""An organised summit session, and a committee with a meeting coming up."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.calls.helpers import TITLE
from tests.committees.factories import MeetingFactory, chaired
from tests.factories import NEW_YORK, SessionFactory


@pytest.fixture
def event(organiser):
    """A published session of a summit the organiser runs: 6 March 2031, 10:00 in New
    York, in the library of 4004 4th Avenue."""
    starts = datetime(2031, 3, 6, 10, tzinfo=NEW_YORK)
    return SessionFactory(
        summit__organizers=[organiser],
        summit__year=2031,
        event__title=TITLE,
        event__capacity=100,
        event__starts_at=starts,
        event__ends_at=starts + timedelta(minutes=90),
        event__room="Library",
    ).event


@pytest.fixture
def committee_meeting(db):
    """A committee, its chair, and its next published meeting, in 20 days."""
    committee, chair = chaired()
    starts = timezone.now().replace(microsecond=0) + timedelta(days=20)
    meeting = MeetingFactory(
        committee=committee,
        event__title={"en": "Monthly meeting", "es": "Reunión mensual"},
        event__starts_at=starts,
        event__ends_at=starts + timedelta(hours=1),
        event__room="Room 101",
    )
    return committee, chair, meeting
