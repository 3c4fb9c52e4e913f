"""The party rules live in the registration service, once: at least one adult, at most the
party limit, childcare ages only for children in the party (one each at most, 0 to 17).
Every way in (register, change through the manage link, RSVP to a meeting) answers the
same 400 with the field it concerns."""

import pytest

from events_api.events.models import Registration
from tests.committees.factories import MeetingFactory, chaired
from tests.conftest import client_for
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

NEEDS_ONE_ADULT = {
    "code": "invalid_party",
    "message": "A party needs at least one adult.",
    "fields": {"adults": ["A party needs at least one adult."]},
    "max_party_size": 10,
}
CHILDCARE = {
    "code": "invalid_party",
    "message": "Give at most one age for each child, each from 0 to 17.",
    "fields": {"childcare_ages": ["Give at most one age for each child, each from 0 to 17."]},
    "max_party_size": 10,
}
GUEST = {"name": "Amina", "phone": "+17185550101"}


def register(api, event, **party):
    return api.post(f"/api/v1/events/{event.pk}/registrations/", {**GUEST, **party})


@pytest.mark.parametrize(("adults", "children"), [(0, 2), (0, 0)])
def test_a_party_without_an_adult_is_refused_with_the_adults_field(api, adults, children):
    response = register(api, EventFactory(), adults=adults, children=children)
    assert response.status_code == 400
    assert response.json() == NEEDS_ONE_ADULT
    assert not Registration.objects.exists()


def test_a_party_over_the_limit_says_the_limit(api):
    response = register(api, EventFactory(max_party_size=4), adults=2, children=3)
    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid_party",
        "message": "A party may have at most 4 people.",
        "fields": {},
        "max_party_size": 4,
    }


@pytest.mark.parametrize(
    ("children", "ages"),
    [(1, [3, 5]), (0, [4]), (2, [30]), (2, [-1])],
)
def test_childcare_ages_only_for_children_in_the_party(api, children, ages):
    response = register(api, EventFactory(), adults=1, children=children, childcare_ages=ages)
    assert response.status_code == 400
    assert response.json() == CHILDCARE
    assert not Registration.objects.exists()


def test_childcare_ages_within_the_children_are_kept(api):
    response = register(api, EventFactory(), adults=1, children=2, childcare_ages=[0, 17])
    assert response.status_code == 201, response.json()
    assert Registration.objects.get().childcare_ages == [0, 17]


def test_a_change_keeps_an_adult_and_no_more_childcare_ages_than_children(api):
    created = register(api, EventFactory(), adults=1, children=2, childcare_ages=[3, 6]).json()
    url = f"/api/v1/registrations/manage/{created['manage_token']}/"
    no_adult = api.patch(url, {"adults": 0})
    assert no_adult.status_code == 400
    assert no_adult.json() == NEEDS_ONE_ADULT
    # Fewer children than childcare ages already given: refused until the ages change too.
    fewer = api.patch(url, {"children": 1})
    assert fewer.status_code == 400
    assert fewer.json() == CHILDCARE
    more_ages = api.patch(url, {"childcare_ages": [1, 2, 3]})
    assert more_ages.json() == CHILDCARE
    registration = Registration.objects.get()
    assert (registration.adults, registration.children, registration.childcare_ages) == (
        1,
        2,
        [3, 6],
    )
    both = api.patch(url, {"children": 1, "childcare_ages": [6]})
    assert both.status_code == 200, both.json()
    assert (both.json()["children"], both.json()["childcare_ages"]) == (1, [6])


def test_an_rsvp_follows_the_same_party_rules():
    committee, chair = chaired()
    meeting = MeetingFactory(committee=committee)
    client = client_for(chair)
    url = f"/api/v1/meetings/{meeting.pk}/rsvp/"
    no_adult = client.post(url, {"response": "yes", "adults": 0, "children": 1})
    assert no_adult.status_code == 400
    assert no_adult.json() == NEEDS_ONE_ADULT
    ages = client.post(url, {"response": "yes", "children": 1, "childcare_ages": [2, 4]})
    assert ages.status_code == 400
    assert ages.json() == CHILDCARE
    assert not Registration.objects.exists()
