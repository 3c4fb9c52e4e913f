"""What the permission rules cost: read once per request, and what the answer needs is
fetched with it (mutation testing found both could be dropped with every test passing)."""

import pytest

from cards.rules import staff_school_ids
from committees.models import MinutesAmendment
from committees.rules import minutes_of
from tests.committees.factories import MembershipFactory, MinutesFactory, chaired
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def test_a_users_schools_are_read_once_per_user_object(django_assert_num_queries):
    school = SchoolFactory()
    _committee, chair = chaired(school=school)
    with django_assert_num_queries(1):
        assert staff_school_ids(chair) == frozenset({school.pk})
        assert staff_school_ids(chair) == frozenset({school.pk})


def test_minutes_come_with_their_amendments(django_assert_num_queries):
    minutes = MinutesFactory(status="approved")
    for reason in ("Spelling of a name", "Date of the next meeting"):
        MinutesAmendment.objects.create(minutes=minutes, text={"en": "Fixed."}, reason=reason)
    member = MembershipFactory(committee=minutes.meeting.committee).user
    found = minutes_of(minutes.meeting, member)
    with django_assert_num_queries(0):
        assert [a.reason for a in found.amendments.all()] == [
            "Spelling of a name",
            "Date of the next meeting",
        ]
