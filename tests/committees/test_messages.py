"""A committee's members hear of its meetings: a new meeting, a move, a cancellation, the
agenda, the minutes; each in their language, by their channel; those who answered the
meeting hear of a move through their registration instead (once, not twice)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from committees.services import meetings as meeting_services
from committees.services import occurrences
from events_api.notifications import services
from events_api.notifications.models import MEMBER_NEWS, Kind, Message
from tests.committees.factories import MembershipFactory, chaired
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def news(**filters):
    return Message.objects.filter(kind__in=MEMBER_NEWS, **filters).order_by("pk")


@pytest.fixture
def committee_and_people():
    committee, chair = chaired()
    chair.preferred_language_id = "es"
    chair.save()
    texter = MembershipFactory(
        committee=committee, user__preferred_channel="sms", user__phone="+17185550180"
    ).user
    MembershipFactory(committee=committee, term_end=timezone.localdate() - timedelta(days=1))
    return committee, chair, texter


def new_meeting(committee):
    starts = timezone.now() + timedelta(days=20)
    return meeting_services.create_meeting(
        committee=committee,
        title={"en": "Monthly meeting"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
    )


def test_current_members_hear_of_a_new_meeting_in_their_language(committee_and_people):
    committee, chair, _texter = committee_and_people
    new_meeting(committee)
    scheduled = news(kind=Kind.MEETING_SCHEDULED)
    assert sorted((m.to, m.channel, m.language) for m in scheduled) == sorted(
        [(chair.email, "email", "es"), ("+17185550180", "sms", "en")]
    )  # the former member, whose term ended, hears nothing
    email = scheduled.get(channel="email")
    assert committee.name["es"] in email.subject  # the chair reads Spanish
    assert services.deliver_due() == {"sent": 2}


def test_a_move_reaches_members_once_and_those_who_answered_through_their_registration(
    committee_and_people,
):
    committee, chair, _texter = committee_and_people
    meeting = new_meeting(committee)
    answer = client_for(chair).post(f"/api/v1/meetings/{meeting.pk}/rsvp/", {"response": "yes"})
    assert answer.status_code == 201, answer.json()
    later = meeting.event.starts_at + timedelta(days=1)
    occurrences.update_meeting(meeting=meeting, starts_at=later, ends_at=later + timedelta(hours=1))
    assert [m.to for m in news(kind=Kind.MEETING_MOVED)] == ["+17185550180"]
    assert [m.to for m in Message.objects.filter(kind=Kind.EVENT_CHANGED)] == [chair.email]
    occurrences.update_meeting(meeting=meeting, status="cancelled")
    assert [m.to for m in news(kind=Kind.MEETING_CANCELLED)] == ["+17185550180"]


def test_the_agenda_and_the_minutes_are_news_once(committee_and_people):
    committee, chair, _texter = committee_and_people
    meeting = new_meeting(committee)
    occurrences.update_meeting(meeting=meeting, agenda_published=True)
    occurrences.update_meeting(meeting=meeting, agenda_published=True)
    assert news(kind=Kind.AGENDA_PUBLISHED).count() == 2  # one per member, once
    started = meeting.event.starts_at + timedelta(hours=2)
    meeting_services.save_minutes(meeting=meeting, text={"en": "We met."}, now=started)
    meeting_services.approve_minutes(meeting=meeting, by=chair, now=started)
    assert news(kind=Kind.MINUTES_APPROVED).count() == 2
    texts = services.deliver_due()
    assert texts == {"sent": 6}
