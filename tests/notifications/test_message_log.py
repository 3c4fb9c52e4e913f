"""An event's organisers see what became of its messages (never their text or address);
nobody else learns that the event has any."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events_api.notifications import reminders, services
from events_api.notifications.models import Reminder
from tests.conftest import client_for
from tests.factories import SessionFactory, UserFactory
from tests.helpers import assert_flat_queries

pytestmark = pytest.mark.django_db


def log_url(event):
    return f"/api/v1/events/{event.pk}/messages/"


def organised_by(organiser, **event):
    # 18:00 in New York in ten days: both reminders ahead, whenever the tests run.
    local = timezone.now().astimezone(ZoneInfo("America/New_York")) + timedelta(days=10)
    starts = local.replace(hour=18, minute=0, second=0, microsecond=0)
    event = {"starts_at": starts, "ends_at": starts + timedelta(hours=2), **event}
    fields = {f"event__{name}": value for name, value in event.items()}
    return SessionFactory(summit__organizers=[organiser], **fields).event


def register(api, event, phone):
    response = api.post(
        f"/api/v1/events/{event.pk}/registrations/", {"name": "A family", "phone": phone}
    )
    assert response.status_code == 201, response.json()


def test_the_organiser_sees_each_message_and_its_steps(api, organiser_api, organiser):
    event = organised_by(organiser)
    register(api, event, "(718) 555-0101")
    services.deliver_due()
    # Two days before: the reminder is written to the seated family.
    reminders.send_due(now=Reminder.objects.get(kind="reminder").send_at)
    body = organiser_api.get(log_url(event)).json()
    # The confirmation, sent, and the reminder waiting to be delivered.
    kinds = sorted((m["kind"], m["status"]) for m in body["results"])
    assert kinds == [("registration_confirmed", "sent"), ("reminder", "queued")]
    [message] = [m for m in body["results"] if m["kind"] == "registration_confirmed"]
    assert (message["channel"], message["language"], message["status"]) == ("sms", "en", "sent")
    assert [step["status"] for step in message["steps"]] == ["queued", "sending", "sent"]
    assert "+17185550101" not in str(body) and "to" not in message and "body" not in message


@pytest.mark.parametrize("who", ["anonymous", "someone", "other organiser"])
def test_nobody_else_sees_the_log(api, who, organiser):
    event = organised_by(organiser)
    register(api, event, "(718) 555-0101")
    client = {
        "anonymous": api,
        "someone": client_for(UserFactory()),
        "other organiser": client_for(UserFactory(roles=["organiser"])),
    }[who]
    response = client.get(log_url(event))
    assert response.status_code == 404
    assert response.json()["code"] == "event_not_found"


def test_the_log_costs_the_same_queries_for_one_message_or_many(api, organiser_api, organiser):
    event = organised_by(organiser, capacity=1000)
    counter = iter(range(1000))

    def make(n):
        for _ in range(n):
            register(api, event, f"(718) 555-{next(counter):04d}")

    assert_flat_queries(make, lambda: organiser_api.get(log_url(event)), small=1, large=20)


def test_the_organiser_sees_when_the_reminders_go_and_what_they_did(api, organiser_api, organiser):
    event = organised_by(organiser)
    register(api, event, "(718) 555-0101")
    register(api, event, "(718) 555-0102")
    first = Reminder.objects.get(kind="reminder")
    reminders.send_due(now=first.send_at)
    response = organiser_api.get(f"/api/v1/events/{event.pk}/reminders/")
    assert response.status_code == 200
    rows = [(r["kind"], r["outcome"], r["done_at"] is None) for r in response.json()["results"]]
    assert rows == [("reminder", "2 messages", False), ("reminder_today", "", True)]
    stranger = client_for(UserFactory(roles=["organiser"]))
    assert stranger.get(f"/api/v1/events/{event.pk}/reminders/").status_code == 404
