"""When personal data expires: the event's end plus the retention period, to the second;
the period from the settings, a summit's own period, committee members' records kept
while their membership lasts."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from events_api.privacy.errors import PersonalDataRemoved
from events_api.privacy.retention import ensure_personal_data_kept, expires_at
from events_api.privacy.services import anonymise_expired
from tests.committees.factories import MeetingFactory, MembershipFactory
from tests.conftest import client_for
from tests.factories import EventFactory, SessionFactory
from tests.privacy.helpers import REMOVED, boundary, personal, register

pytestmark = pytest.mark.django_db
SECOND = timedelta(seconds=1)


def test_personal_data_is_kept_until_the_second_the_period_ends(api):
    event = EventFactory()
    registration = register(
        api, event, email="farida@example.org", accessibility_notes="Step-free entrance please"
    )
    kept = personal(registration)

    assert anonymise_expired(now=boundary(event) - SECOND)["registrations"] == 0
    assert personal(registration) == kept
    assert kept["name"] == "Farida Rahman"

    assert anonymise_expired(now=boundary(event) + SECOND)["registrations"] == 1
    assert personal(registration) == REMOVED
    assert registration.anonymised_at == boundary(event) + SECOND


@override_settings(PERSONAL_DATA_RETENTION_DAYS=10)
def test_the_default_period_comes_from_the_settings(api):
    event = EventFactory()
    registration = register(api, event)
    assert expires_at(event) == event.ends_at + timedelta(days=10)
    anonymise_expired(now=event.ends_at + timedelta(days=10) + SECOND)
    assert personal(registration) == REMOVED


def test_a_summits_own_period_wins_over_the_default(api):
    start = timezone.now() + timedelta(days=20)
    short = SessionFactory(summit__personal_data_retention_days=7, event__starts_at=start)
    long = SessionFactory(summit__personal_data_retention_days=365, event__starts_at=start)
    default = SessionFactory(event__starts_at=start)
    early, late, usual = (register(api, s.event) for s in (short, long, default))
    assert expires_at(short.event) == short.event.ends_at + timedelta(days=7)

    anonymise_expired(now=boundary(short.event, days=7) - SECOND)
    assert personal(early)["name"] == "Farida Rahman"
    anonymise_expired(now=boundary(short.event, days=7) + SECOND)
    assert personal(early) == REMOVED
    assert personal(usual)["name"] == "Farida Rahman"

    anonymise_expired(now=boundary(default.event) + SECOND)
    assert personal(usual) == REMOVED
    assert personal(late)["name"] == "Farida Rahman"
    anonymise_expired(now=boundary(long.event, days=365) + SECOND)
    assert personal(late) == REMOVED


@override_settings(COMMITTEE_MEMBER_RETENTION_DAYS=30)
def test_members_rsvps_are_kept_while_membership_lasts_plus_the_period():
    meeting = MeetingFactory()
    member = MembershipFactory(committee=meeting.committee)
    response = client_for(member.user).post(
        f"/api/v1/meetings/{meeting.pk}/rsvp/", {"response": "yes"}, format="json"
    )
    assert response.status_code in (200, 201), response.json()
    rsvp = meeting.event.registrations.get()
    later = boundary(meeting.event) + timedelta(days=400)

    anonymise_expired(now=later)
    assert personal(rsvp)["user"] == member.user.pk

    member.term_end = timezone.localdate(later) - timedelta(days=30)
    member.save()
    anonymise_expired(now=later)
    assert personal(rsvp)["user"] == member.user.pk
    member.term_end = timezone.localdate(later) - timedelta(days=31)
    member.save()
    anonymise_expired(now=later)
    assert personal(rsvp) == REMOVED


def test_nothing_personal_is_handed_out_from_the_second_the_period_ends():
    event = EventFactory()
    ends = expires_at(event)
    ensure_personal_data_kept(event, now=ends - SECOND)
    for now in (ends, ends + SECOND):
        with pytest.raises(PersonalDataRemoved):
            ensure_personal_data_kept(event, now=now)
