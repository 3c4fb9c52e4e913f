"""A school with a committee chair, a CBO with its staff, and a card each has issued."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cards import services
from events_api.people.roles import Role
from tests.committees.factories import chaired
from tests.factories import OrganizationMembershipFactory, SchoolFactory, UserFactory

PHONE = "+17185550142"


@pytest.fixture
def school(db):
    return SchoolFactory(name="P.S. 169 Sunset Park")


@pytest.fixture
def chair(school):
    """Chairs the school's welcoming committee: one of the school's staff for cards."""
    _committee, user = chaired(school=school)
    return user


@pytest.fixture
def cbo(db):
    membership = OrganizationMembershipFactory(
        user=UserFactory(roles=[Role.CBO_STAFF]), organization__name="La Union"
    )
    return membership


@pytest.fixture
def door(db):
    return UserFactory(roles=[Role.DOOR_VOLUNTEER])


@pytest.fixture
def cbo_card(cbo, school):
    """Issued by La Union to Rosa, who has a phone but no account and no email."""
    return services.issue(
        holder=services.Holder(
            name="Rosa Quispe", preferred_language="es", schools=[school], phone=PHONE
        ),
        by=cbo.user,
        organization=cbo.organization,
    )


@pytest.fixture
def school_card(chair, school):
    return services.issue(
        holder=services.Holder(name="Amina Diallo", preferred_language="fr"),
        by=chair,
        school=school,
    )


def expire(card) -> None:
    card.expires_on = timezone.localdate() - timedelta(days=1)
    card.save(update_fields=["expires_on"])
