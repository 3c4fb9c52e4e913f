"""Interpreters hear of their jobs: offered (what, when, where, which language and mode,
and where to confirm), moved (asked to confirm again), and withdrawn or cancelled. In
their language; a vendor's contact by email, else by text message."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events_api.events.services.events import cancel_event, update_event
from events_api.interpretation.services import assignments
from events_api.notifications import services, sms_backends
from events_api.notifications.models import JOBS, Kind, Message, Status
from tests.factories import EventFactory, UserFactory
from tests.interpretation.factories import InterpreterFactory, coordinator, request_line

pytestmark = pytest.mark.django_db


def jobs(**filters):
    return Message.objects.filter(kind__in=JOBS, **filters).order_by("pk")


@pytest.fixture
def event():
    starts = timezone.now() + timedelta(days=30)
    return EventFactory(
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        title={"en": "Know your rights", "es": "Conozca sus derechos"},
    )


def test_an_interpreter_with_an_account_gets_the_job_in_her_language(event):
    user = UserFactory(preferred_language_id="es", preferred_channel="email")
    interpreter = InterpreterFactory(user=user, name="", languages=["bn"], modes=["in_person"])
    line = request_line(event, language="bn")
    assignments.assign(line_id=line.pk, interpreter_id=interpreter.pk, by=coordinator())
    [message] = jobs()
    assert (message.kind, message.channel, message.to, message.language) == (
        Kind.JOB_ASSIGNED,
        "email",
        user.email,
        "es",
    )
    assert services.deliver_due() == {"sent": 1}
    [email] = mail.outbox
    assert "Conozca sus derechos" in email.subject
    assert f"/events/{event.pk}" in email.body
    assert "ID or immigration" not in email.body


def test_a_vendor_without_email_gets_a_text(event):
    interpreter = InterpreterFactory(email="", phone="+17185550150", languages=["es"])
    line = request_line(event, language="es")
    assignments.assign(line_id=line.pk, interpreter_id=interpreter.pk, by=coordinator())
    services.deliver_due()
    [text] = sms_backends.outbox
    assert text["to"] == "+17185550150"
    assert "Spanish, in person" in text["body"]


def test_a_withdrawn_job_is_told_only_if_the_offer_was_heard(event):
    interpreter = InterpreterFactory(languages=["es"])
    line = request_line(event, language="es")
    first = assignments.assign(line_id=line.pk, interpreter_id=interpreter.pk, by=coordinator())
    assignments.withdraw(assignment_id=first.pk)
    assert list(jobs().values_list("kind", "status")) == [(Kind.JOB_ASSIGNED, Status.HELD)]
    second = assignments.assign(line_id=line.pk, interpreter_id=interpreter.pk, by=coordinator())
    services.deliver_due()
    assignments.withdraw(assignment_id=second.pk)
    assert list(jobs(assignment=second).values_list("kind", "status")) == [
        (Kind.JOB_ASSIGNED, Status.SENT),
        (Kind.JOB_WITHDRAWN, Status.QUEUED),
    ]


def test_a_moved_event_asks_its_interpreters_again_and_a_cancelled_one_lets_them_go(event):
    interpreter = InterpreterFactory(languages=["es"])
    line = request_line(event, language="es")
    assignment = assignments.assign(
        line_id=line.pk, interpreter_id=interpreter.pk, by=coordinator()
    )
    assignments.confirm(assignment_id=assignment.pk)
    services.deliver_due()
    update_event(event_id=event.pk, room="Library")
    [moved] = jobs(kind=Kind.JOB_CHANGED)
    assert "Library" in moved.body
    cancel_event(event_id=event.pk)
    # The news of the move, not sent yet, gives way to the cancellation.
    assert list(jobs(assignment=assignment).values_list("kind", "status")) == [
        (Kind.JOB_ASSIGNED, Status.SENT),
        (Kind.JOB_CHANGED, Status.HELD),
        (Kind.JOB_WITHDRAWN, Status.QUEUED),
    ]
    assert services.deliver_due() == {"sent": 1}
    assert "Know your rights" in mail.outbox[-1].subject
