"""Who may see a call list and record calls: the event's organisers (all of it), CBO staff
(the families their organisation registered), a committee's chair, co-chairs and
secretary, superusers. Nobody else: signed out 403; someone who sees the event or the
committee but does not organise it 403; someone who cannot see it at all 404."""

import pytest

from calls.models import CallAttempt
from events_api.people.roles import Role
from tests.calls.helpers import caller, committee_url, event_url, keys, phone_member
from tests.committees.factories import MeetingFactory, MembershipFactory, chaired
from tests.conftest import client_for
from tests.factories import (
    OrganizationMembershipFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EVENT_ROUTES = [
    ("get", "call-list/"),
    ("get", "call-list.csv"),
    ("post", "call-list/outcomes/"),
]


def ask(client, method, url):
    if method == "post":
        return client.post(url, {"registration": 1, "outcome": "reached"}, format="json")
    return client.get(url)


@pytest.mark.parametrize(("method", "tail"), EVENT_ROUTES)
def test_only_the_events_organisers_get_its_list(event, api, method, tail):
    caller(event=event)
    other_organiser = UserFactory(roles=[Role.ORGANISER])
    SessionFactory(summit__organizers=[other_organiser])
    parent = UserFactory()
    caller(event=event, user=parent)  # even her own registration gives her no list
    door = UserFactory(roles=[Role.DOOR_VOLUNTEER])
    url = event_url(event, tail)

    answers = {
        who: ask(client, method, url)
        for who, client in {
            "anonymous": api,
            "other organiser": client_for(other_organiser),
            "parent": client_for(parent),
            "door volunteer": client_for(door),
        }.items()
    }

    assert {who: r.status_code for who, r in answers.items()} == dict.fromkeys(answers, 403)
    assert {r.json()["code"] for r in answers.values()} <= {
        "permission_denied",
        "not_authenticated",
    }
    assert CallAttempt.objects.count() == 0


@pytest.mark.parametrize(("method", "tail"), EVENT_ROUTES)
def test_a_draft_event_someone_cannot_see_answers_404(organiser, method, tail):
    draft = SessionFactory(summit__organizers=[organiser], event__status="draft").event
    stranger = UserFactory(roles=[Role.ORGANISER])

    response = ask(client_for(stranger), method, event_url(draft, tail))
    own = client_for(organiser).get(event_url(draft))

    assert (response.status_code, response.json()["code"]) == (404, "event_not_found")
    assert own.status_code == 200


def test_a_superuser_sees_every_list(event):
    registration = caller(event=event)
    admin = UserFactory(is_superuser=True, is_staff=True)

    body = client_for(admin).get(event_url(event)).json()

    assert keys(body) == {f"registration:{registration.pk}"}


def test_cbo_staff_see_and_call_only_the_families_their_organisation_registered(event):
    staff = OrganizationMembershipFactory(user=UserFactory(roles=[Role.CBO_STAFF]))
    ours = caller(event=event, organization=staff.organization, registered_by=staff.user)
    theirs = caller(event=event, organization=OrganizationMembershipFactory().organization)
    guest = caller(event=event)
    api = client_for(staff.user)
    url = event_url(event, "call-list/outcomes/")

    body = api.get(event_url(event)).json()
    mine = api.post(url, {"registration": ours.pk, "outcome": "reached"}, format="json")
    other = api.post(url, {"registration": guest.pk, "outcome": "reached"}, format="json")

    assert keys(body) == {f"registration:{ours.pk}"}
    assert body["progress"]["total"] == 1
    assert mine.status_code == 201
    assert (other.status_code, other.json()["code"]) == (400, "not_on_call_list")
    assert list(CallAttempt.objects.values_list("registration", flat=True)) == [ours.pk]
    assert theirs.pk not in [p["registration"] for g in body["groups"] for p in g["people"]]


def test_cbo_staff_get_no_committee_members_on_a_meetings_list():
    committee, _chair = chaired()
    meeting = MeetingFactory(committee=committee)
    phone_member(committee)
    staff = OrganizationMembershipFactory(user=UserFactory(roles=[Role.CBO_STAFF]))

    body = client_for(staff.user).get(event_url(meeting.event)).json()

    assert keys(body) == set()


@pytest.mark.parametrize(("method", "tail"), EVENT_ROUTES)
def test_a_committees_list_is_for_its_chair_and_secretary(committee_meeting, api, method, tail):
    committee, chair, _meeting = committee_meeting
    secretary = MembershipFactory(committee=committee, role="secretary").user
    member = MembershipFactory(committee=committee, role="parent").user
    organiser = UserFactory(roles=[Role.ORGANISER])
    url = committee_url(committee, tail)

    statuses = {
        who: ask(client, method, url).status_code
        for who, client in {
            "chair": client_for(chair),
            "secretary": client_for(secretary),
            "member": client_for(member),
            "organiser": client_for(organiser),
            "anonymous": api,
        }.items()
    }

    allowed = {"get": 200, "post": 400}[method]  # registration 1 is not on the list
    assert statuses == {
        "chair": allowed,
        "secretary": allowed,
        "member": 403,
        "organiser": 403,
        "anonymous": 403,
    }


def test_a_members_only_committees_list_is_not_found_for_outsiders():
    committee, _chair = chaired(visibility="members")
    outsider = UserFactory()

    response = client_for(outsider).get(committee_url(committee))

    assert (response.status_code, response.json()["code"]) == (404, "committee_not_found")
