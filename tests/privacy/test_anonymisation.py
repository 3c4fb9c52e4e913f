"""What anonymisation removes and what it keeps, everywhere personal data lives; the
aggregates organisers plan with add up the same afterwards; a second run touches nothing;
a crash in the middle leaves whole batches done and the rest untouched."""

from datetime import timedelta

import pytest

from calls.models import CallAttempt
from events_api.events.models import Registration
from events_api.interpretation.models import InterpreterRequest
from events_api.interpretation.services.demand import DirectRequest, request_interpreter
from events_api.notifications.delivery import deliver_due
from events_api.notifications.models import Delivery, Message, Reminder
from events_api.people.models import Language
from events_api.privacy import hooks
from events_api.privacy.services import anonymise_expired
from tests.conftest import client_for
from tests.factories import EventFactory, RegistrationFactory, SessionFactory, UserFactory
from tests.interpretation.factories import coordinator
from tests.privacy.helpers import REMOVED, boundary, personal, register

pytestmark = pytest.mark.django_db
AFTER = timedelta(seconds=1)


@pytest.fixture
def session_with_people(api):
    """A summit session with a guest (Bangla interpreter, childcare, accessibility notes),
    a signed-in parent, a walk-in, a direct interpreter request with a note, a call-list
    note, and the messages sent to them."""
    organiser = UserFactory()
    session = SessionFactory(summit__organizers=[organiser], event__capacity=20)
    event = session.event
    guest = register(
        api,
        event,
        email="farida@example.org",
        adults=2,
        children=2,
        interpreter_language="bn",
        childcare_ages=[4],
        accessibility=["wheelchair"],
        accessibility_notes="Her son uses a wheelchair",
    )
    parent = UserFactory(email="ana@example.org")
    response = client_for(parent).post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"adults": 1, "interpreter_language": "es"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    RegistrationFactory(event=event, source="walk_in", name="Walk-in Li", status="checked_in")
    request_interpreter(
        event_id=event.pk,
        request=DirectRequest(
            language=Language.objects.get(pk="ar"), mode="in_person", people=2, note="Mr Haddad"
        ),
        by=coordinator(),
    )
    CallAttempt.objects.create(
        event=event, registration=guest, outcome="reached", note="Spoke with her husband"
    )
    deliver_due()
    return organiser, session


def counts(event) -> list[dict]:
    """What organisers plan with, registration by registration."""
    return list(
        Registration.objects.filter(event=event)
        .order_by("pk")
        .values("adults", "children", "interpreter_language", "childcare_ages", "accessibility",
                "status", "checked_in_at", "source", "preferred_language", "organization")
    )  # fmt: skip


def test_personal_data_is_removed_everywhere_and_counts_stay(session_with_people):
    _, session = session_with_people
    event = session.event
    before = counts(event)
    assert Message.objects.filter(event=event).exists()
    assert Delivery.objects.filter(message__event=event).exclude(detail="").exists()
    assert Reminder.objects.filter(event=event).exists()
    # Emails carry the same words as HTML, an invitation (.ics) with the parent's name, and
    # a provider's error may quote the address: all of it goes too.
    Message.objects.filter(event=event).update(
        html="<p>Dear Farida Rahman</p>",
        attachment="BEGIN:VCALENDAR\r\nATTENDEE;CN=Farida Rahman:mailto:farida@example.org",
        error="550 farida@example.org: mailbox full",
    )

    done = anonymise_expired(now=boundary(event) + AFTER)

    assert done == {
        "registrations": 3,
        "interpreter_requests": 3,
        "messages": Message.objects.filter(event=event).count(),
        "reminders": done["reminders"],
        "call_attempts": 1,
        "access_log": 0,
        "event_less_messages": 0,
        "committee_invitations": 0,
        "parent_cards": 0,
    }
    for registration in Registration.objects.filter(event=event):
        assert personal(registration) == REMOVED
    assert counts(event) == before
    requests = InterpreterRequest.objects.filter(event=event)
    assert set(requests.values_list("note", "requested_by")) == {("", None)}
    assert sorted(requests.values_list("language", "people")) == [("ar", 2), ("bn", 2), ("es", 1)]
    assert set(
        Message.objects.filter(event=event).values_list(
            "to", "body", "subject", "html", "attachment", "error"
        )
    ) == {("", "", "", "", "", "")}
    assert set(Delivery.objects.filter(message__event=event).values_list("detail", flat=True)) == {
        ""
    }
    assert CallAttempt.objects.get(event=event).note == ""
    assert CallAttempt.objects.get(event=event).outcome == "reached"
    assert not Reminder.objects.filter(event=event).exists()


def test_a_second_run_touches_no_row(session_with_people):
    _, session = session_with_people
    now = boundary(session.event) + AFTER
    assert sum(anonymise_expired(now=now).values()) > 0
    assert set(anonymise_expired(now=now).values()) == {0}
    assert set(anonymise_expired(now=now + timedelta(days=3)).values()) == {0}


def test_the_dashboard_and_the_coverage_report_add_up_the_same(session_with_people):
    organiser, session = session_with_people
    client = client_for(organiser)
    reports = (
        f"/api/v1/summits/{session.summit_id}/dashboard/",
        f"/api/v1/summits/{session.summit_id}/dashboard/interpretation/",
        f"/api/v1/interpretation/coverage/?summit={session.summit_id}",
        f"/api/v1/events/{session.event_id}/interpretation/",
    )
    before = [client.get(path).json() for path in reports]
    assert before[0][0]["interpreter_needs"] == {"bn": 2, "es": 1}
    assert before[2]["results"][0]["people"] == 5

    anonymise_expired(now=boundary(session.event) + AFTER)

    assert [client.get(path).json() for path in reports] == before


class CrashOnSecondBatch:
    def __init__(self):
        self.batches = 0

    def __call__(self, step: str, pks: list[int]) -> None:
        if step == "registrations":
            self.batches += 1
            if self.batches == 2:
                raise RuntimeError("the worker died")


def test_a_crash_in_the_second_batch_leaves_the_first_done_and_a_rerun_finishes():
    event = EventFactory()
    RegistrationFactory.create_batch(5, event=event)
    crash = CrashOnSecondBatch()
    hooks.register_batch_listener(crash)
    try:
        with pytest.raises(RuntimeError):
            anonymise_expired(now=boundary(event) + AFTER, batch_size=2)
    finally:
        hooks.unregister_batch_listener(crash)

    rows = Registration.objects.filter(event=event).order_by("pk")
    assert [r.anonymised_at is not None for r in rows] == [True, True, False, False, False]
    assert [r.name == "" for r in rows] == [True, True, False, False, False]

    assert anonymise_expired(now=boundary(event) + AFTER, batch_size=2)["registrations"] == 3
    assert not rows.filter(anonymised_at=None).exists()
    assert set(rows.values_list("name", "phone")) == {("", "")}
