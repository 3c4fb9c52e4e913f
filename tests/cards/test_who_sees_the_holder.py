"""Who learns whose card it is when a card is scanned or typed (cards.rules.sees_holder):
door volunteers, organisers, the staff of any school, and the issuer's own staff. Each is
tested alone, on a card none of their other roles would open, so every reason counts."""

import pytest

from cards import services
from events_api.audit.models import AccessRecord
from events_api.people.roles import Role, has_role
from tests.committees.factories import chaired
from tests.conftest import client_for
from tests.factories import OrganizationMembershipFactory, SchoolFactory, UserFactory

pytestmark = pytest.mark.django_db
VERIFY = "/api/v1/cards/verify/"


def _organiser():
    return UserFactory(roles=[Role.ORGANISER])


def _door_volunteer():
    return UserFactory(roles=[Role.DOOR_VOLUNTEER])


def _chair_of_another_school():
    return chaired(school=SchoolFactory(name="I.S. 61"))[1]


def _staff_of_another_cbo():
    return OrganizationMembershipFactory(user=UserFactory(roles=[Role.CBO_STAFF])).user


def _chair_of_a_committee_without_a_school():
    return chaired(kind="citywide_advisory", school=None)[1]


def _parent():
    return UserFactory()


def look(user, card):
    response = client_for(user).post(VERIFY, {"number": card.number}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    "who",
    [_organiser, _door_volunteer, _chair_of_another_school],
    ids=["organiser", "door volunteer", "staff of another school"],
)
def test_these_see_the_holder_of_a_cbos_card_and_the_look_is_logged(cbo_card, who):
    user = who()
    body = look(user, cbo_card)
    assert body["holder"]["name"] == "Rosa Quispe"
    assert body["number"] == cbo_card.number
    assert AccessRecord.objects.filter(user=user, filters={"card": cbo_card.pk}).count() == 1


def test_the_issuing_cbos_own_staff_see_the_holder(cbo_card, cbo):
    # No role nor school makes them staff: only being the issuer does.
    assert not has_role(cbo.user, Role.ORGANISER)
    assert not has_role(cbo.user, Role.DOOR_VOLUNTEER)
    assert look(cbo.user, cbo_card)["holder"]["name"] == "Rosa Quispe"


@pytest.mark.parametrize(
    "who",
    [_staff_of_another_cbo, _chair_of_a_committee_without_a_school, _parent],
    ids=["staff of another CBO", "chair of a committee of no school", "parent"],
)
def test_these_learn_only_that_the_card_is_valid(cbo_card, who):
    user = who()
    body = look(user, cbo_card)
    assert body["valid"] is True
    assert (body["holder"], body["number"]) == (None, None)
    assert not AccessRecord.objects.exists()


def test_a_schools_card_opens_to_that_schools_staff(school_card, chair):
    assert look(chair, school_card)["holder"]["name"] == "Amina Diallo"


def test_an_organisers_card_issued_for_a_school_is_hidden_from_another_cbo(school):
    card = services.issue(
        holder=services.Holder(name="Li Wei", preferred_language="zh-hans"),
        by=_organiser(),
        school=school,
    )
    assert look(_staff_of_another_cbo(), card)["holder"] is None
