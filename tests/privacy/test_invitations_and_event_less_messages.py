"""Personal data outside any event's registrations: a committee invitation's email and
phone go PERSONAL_DATA_RETENTION_DAYS after it was accepted or expired unused; a message
about no event (invitations, news of a meeting series) goes that long after it was
written. Both to the second, both by the daily run, both idempotent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from committees.models import Invitation
from events_api.events.passes import hash_token
from events_api.notifications.models import Message
from events_api.privacy.services import anonymise_expired
from tests.committees.factories import InvitationFactory, chaired
from tests.conftest import client_for
from tests.factories import SessionFactory, UserFactory

pytestmark = pytest.mark.django_db

PERIOD = timedelta(days=60)
SECOND = timedelta(seconds=1)


@pytest.fixture(autouse=True)
def _period(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 60


def test_a_settled_invitations_contact_goes_at_the_exact_boundary():
    now = timezone.now()
    committee, _ = chaired()
    accepted_gone = InvitationFactory(
        committee=committee, phone="+17185550101", accepted_at=now - PERIOD - SECOND
    )
    accepted_kept = InvitationFactory(committee=committee, accepted_at=now - PERIOD + SECOND)
    expired_gone = InvitationFactory(committee=committee, expires_at=now - PERIOD - SECOND)
    expired_kept = InvitationFactory(committee=committee, expires_at=now - PERIOD + SECOND)
    pending = InvitationFactory(committee=committee, expires_at=now + timedelta(days=3))

    done = anonymise_expired(now=now)

    assert done["committee_invitations"] == 2
    for gone in (accepted_gone, expired_gone):
        gone.refresh_from_db()
        assert (gone.email, gone.phone, gone.anonymised_at) == ("", "", now)
        assert (gone.role, gone.committee_id) == ("parent", committee.pk)  # the rest stays
    for kept in (accepted_kept, expired_kept, pending):
        kept.refresh_from_db()
        assert kept.email and kept.anonymised_at is None
    assert anonymise_expired(now=now)["committee_invitations"] == 0


def test_an_anonymised_invitations_old_link_still_answers_not_found():
    now = timezone.now()
    committee, _ = chaired()
    InvitationFactory(
        committee=committee,
        token_hash=hash_token("old-link-token-0000000000"),
        expires_at=now - PERIOD - SECOND,
    )
    anonymise_expired(now=now)
    response = client_for(UserFactory()).post(
        "/api/v1/committee-invitations/accept/", {"token": "old-link-token-0000000000"}
    )
    assert (response.status_code, response.json()["code"]) == (404, "invitation_not_found")
    assert Invitation.objects.get().anonymised_at == now


def message(*, created, event=None, status="sent", to="+17185550101"):
    row = Message.objects.create(
        kind="committee_invitation",
        channel="sms",
        to=to,
        language="es",
        idempotency_key=f"key-{Message.objects.count()}-{to}",
        body="Únase al comité: https://example.org/invitations/accept#secret",
        status=status,
        not_before=created,
        event=event,
    )
    Message.objects.filter(pk=row.pk).update(created_at=created)  # auto_now_add
    return row


def test_a_message_about_no_event_goes_at_the_exact_boundary():
    now = timezone.now()
    gone = message(created=now - PERIOD - SECOND)
    waiting = message(created=now - PERIOD - SECOND, status="queued", to="+17185550102")
    kept = message(created=now - PERIOD + SECOND, to="+17185550103")
    upcoming = SessionFactory().event
    about_an_event = message(created=now - PERIOD - SECOND, event=upcoming, to="+17185550104")

    done = anonymise_expired(now=now)

    assert done["event_less_messages"] == 2
    gone.refresh_from_db()
    assert (gone.to, gone.body, gone.status, gone.anonymised_at) == ("", "", "sent", now)
    waiting.refresh_from_db()
    assert (waiting.to, waiting.status) == ("", "held")  # never sent after all
    for row in (kept, about_an_event):  # an event's messages follow the event's period
        row.refresh_from_db()
        assert row.to and row.body and row.anonymised_at is None
    assert anonymise_expired(now=now)["event_less_messages"] == 0
