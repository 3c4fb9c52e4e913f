"""An interpreter's own calendar feed holds her jobs, and nobody else's: the roster puts
them there (interpretation.rules.interpreting_jobs_q), not a hook made up by the test."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events_api.interpretation.services.assignments import assign
from tests.calendars.factories import FeedTokenFactory
from tests.calendars.helpers import vevents
from tests.factories import EventFactory, UserFactory
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db


def test_each_interpreter_sees_only_her_own_jobs(api):
    soon = timezone.now() + timedelta(days=10)
    mine = EventFactory(title={"en": "Open house at P.S. 1"}, starts_at=soon)
    theirs = EventFactory(title={"en": "Family night at I.S. 2"}, starts_at=soon)
    me, colleague = UserFactory(), UserFactory()
    assign(
        line_id=request_line(mine).pk,
        interpreter_id=InterpreterFactory(user=me).pk,
        by=None,
    )
    assign(
        line_id=request_line(theirs).pk,
        interpreter_id=InterpreterFactory(user=colleague).pk,
        by=None,
    )
    feed = FeedTokenFactory(user=me)

    response = api.get(f"/calendar/feeds/{feed.token}.ics")

    assert response.status_code == 200
    assert {str(event["SUMMARY"]) for event in vevents(response.content)} == {
        "Open house at P.S. 1"
    }
