"""Committees, members, roles and invitations through the API."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from committees.models import Committee, Invitation, Membership
from events_api.events.passes import hash_token
from events_api.people.roles import Role
from tests.committees.factories import (
    CommitteeFactory,
    InvitationFactory,
    MembershipFactory,
    chaired,
)
from tests.conftest import client_for
from tests.factories import SchoolFactory, UserFactory
from tests.helpers import assert_flat_queries

pytestmark = pytest.mark.django_db


def test_organiser_creates_a_welcoming_committee_and_becomes_its_chair():
    organiser = UserFactory(roles=[Role.ORGANISER])
    school = SchoolFactory()
    response = client_for(organiser).post(
        "/api/v1/committees/",
        {
            "kind": "welcoming",
            "school": school.pk,
            "name_translations": {"en": "Parent welcoming committee", "es": "Comité de bienvenida"},
            "languages": ["en", "es"],
        },
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["name"] == "Comité de bienvenida"
    assert body["school"]["id"] == school.pk
    assert body["visibility"] == "public"
    assert body["notice_days"] == 7
    assert body["quorum_fraction"] == "0.500"
    assert body["voting_members"] == 1
    membership = Membership.objects.get(committee_id=body["id"])
    assert (membership.user, membership.role, membership.voting) == (organiser, "chair", True)


def test_only_organisers_create_committees():
    response = client_for(UserFactory()).post(
        "/api/v1/committees/",
        {"kind": "citywide_advisory", "name_translations": {"en": "Citywide"}},
    )
    assert response.status_code == 403
    assert not Committee.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "welcoming"}, "school"),
        ({"kind": "citywide_advisory", "school": "SCHOOL"}, "school"),
        ({"kind": "citywide_advisory", "quorum_count": 3}, None),
        ({"kind": "citywide_advisory", "quorum_count": 1, "quorum_fraction": "0.5"}, None),
        ({"kind": "citywide_advisory", "quorum_fraction": "1.5"}, "quorum_fraction"),
        ({"kind": "citywide_advisory", "timezone": "Mars/Olympus"}, "timezone"),
    ],
)
def test_bad_committees_are_refused(payload, field):
    organiser = UserFactory(roles=[Role.ORGANISER])
    if payload.get("school") == "SCHOOL":
        payload = {**payload, "school": SchoolFactory().pk}
    response = client_for(organiser).post(
        "/api/v1/committees/", {"name_translations": {"en": "Committee"}, **payload}
    )
    assert response.status_code == 400, response.json()
    if field:
        assert list(response.json()["fields"]) == [field], response.json()
    assert not Committee.objects.exists()
    assert not Membership.objects.exists()


def test_quorum_above_the_voting_members_is_refused_and_changes_nothing():
    committee, chair = chaired()
    for _ in range(3):
        MembershipFactory(committee=committee)
    MembershipFactory(committee=committee, voting=False)
    client = client_for(chair)
    too_high = client.patch(f"/api/v1/committees/{committee.pk}/", {"quorum_count": 5})
    assert too_high.status_code == 400
    assert too_high.json()["code"] == "quorum_above_voting_members"
    assert too_high.json()["voting_members"] == 4
    committee.refresh_from_db()
    assert (committee.quorum_count, str(committee.quorum_fraction)) == (None, "0.500")
    ok = client.patch(f"/api/v1/committees/{committee.pk}/", {"quorum_count": 4})
    assert ok.status_code == 200
    assert (ok.json()["quorum_count"], ok.json()["quorum_fraction"]) == (4, None)


def test_members_only_committee_is_hidden_from_everyone_else():
    private, chair = chaired(visibility="members")
    public = CommitteeFactory()
    outsider = client_for(UserFactory())
    assert outsider.get(f"/api/v1/committees/{private.pk}/").status_code == 404
    assert outsider.get(f"/api/v1/committees/{private.pk}/members/").status_code == 404
    listed = outsider.get("/api/v1/committees/").json()["results"]
    assert [c["id"] for c in listed] == [public.pk]
    mine = client_for(chair).get("/api/v1/committees/").json()["results"]
    assert sorted(c["id"] for c in mine) == sorted([private.pk, public.pk])


def test_the_public_sees_names_and_roles_of_members_who_opted_in_only(api):
    committee, chair = chaired()
    shown = MembershipFactory(committee=committee, show_publicly=True, role="secretary")
    MembershipFactory(committee=committee, show_publicly=False)
    # Shown once, but her term has ended (or not begun): the public no longer sees her.
    today = timezone.localdate()
    MembershipFactory(
        committee=committee,
        show_publicly=True,
        term_start=today - timedelta(days=400),
        term_end=today - timedelta(days=1),
    )
    MembershipFactory(committee=committee, show_publicly=True, term_start=today + timedelta(days=7))
    public = api.get(f"/api/v1/committees/{committee.pk}/members/")
    assert public.status_code == 200
    assert public.json()["results"] == [
        {"id": shown.pk, "name": shown.user.display_name, "role": "secretary"}
    ]
    members = client_for(chair).get(f"/api/v1/committees/{committee.pk}/members/").json()
    assert members["count"] == 5
    assert set(members["results"][0]) >= {"user", "voting", "term_start", "show_publicly"}


def test_a_member_opts_in_to_be_shown_but_cannot_change_their_role():
    committee, _chair = chaired()
    membership = MembershipFactory(committee=committee)
    client = client_for(membership.user)
    url = f"/api/v1/committees/{committee.pk}/members/{membership.pk}/"
    assert client.patch(url, {"show_publicly": True}).json()["show_publicly"] is True
    assert client.patch(url, {"role": "chair"}).status_code == 403
    membership.refresh_from_db()
    assert (membership.role, membership.show_publicly) == ("parent", True)


def test_an_organiser_chair_adds_changes_and_removes_members():
    committee, chair = chaired()
    chair.groups.add(Group.objects.get_or_create(name=Role.ORGANISER)[0])
    client = client_for(chair)
    person = UserFactory()
    added = client.post(
        f"/api/v1/committees/{committee.pk}/members/",
        {"user": person.pk, "role": "school_staff", "voting": False},
    )
    assert added.status_code == 201, added.json()
    member_id = added.json()["id"]
    again = client.post(
        f"/api/v1/committees/{committee.pk}/members/", {"user": person.pk, "role": "parent"}
    )
    assert again.status_code == 409
    assert again.json()["code"] == "already_member"
    changed = client.patch(
        f"/api/v1/committees/{committee.pk}/members/{member_id}/", {"role": "secretary"}
    )
    assert changed.json()["role"] == "secretary"
    assert (
        client.delete(f"/api/v1/committees/{committee.pk}/members/{member_id}/").status_code == 204
    )
    assert not Membership.objects.filter(pk=member_id).exists()


@pytest.mark.parametrize("role", ["chair", "secretary"])
def test_a_chair_or_secretary_adds_accounts_only_by_invitation_and_learns_nothing(role):
    committee, _chair = chaired()
    manager = MembershipFactory(committee=committee, role=role).user
    person = UserFactory(display_name="Private Person")
    client = client_for(manager)
    url = f"/api/v1/committees/{committee.pk}/members/"
    existing = client.post(url, {"user": person.pk, "role": "parent"})
    unknown = client.post(url, {"user": person.pk + 1000, "role": "parent"})
    for response in (existing, unknown):
        assert response.status_code == 403
        assert response.json() == {
            "code": "invitation_required",
            "message": "Invite people by email or phone through the committee's "
            "invitations; they join when they accept.",
            "fields": {},
        }
    assert not Membership.objects.filter(user=person).exists()


def test_an_organiser_adding_an_unknown_account_gets_a_plain_400():
    committee, chair = chaired()
    chair.groups.add(Group.objects.get_or_create(name=Role.ORGANISER)[0])
    inactive = UserFactory(is_active=False)
    client = client_for(chair)
    for user_id in (inactive.pk, inactive.pk + 1000):
        response = client.post(
            f"/api/v1/committees/{committee.pk}/members/", {"user": user_id, "role": "parent"}
        )
        assert response.status_code == 400
        assert response.json() == {
            "code": "unknown_account",
            "message": "No active account has this id.",
            "fields": {"user": ["No active account has this id."]},
        }
    assert Membership.objects.filter(committee=committee).count() == 1


def test_a_member_cannot_change_another_members_membership_whatever_the_input():
    committee, _chair = chaired()
    other = MembershipFactory(committee=committee)
    client = client_for(MembershipFactory(committee=committee).user)
    url = f"/api/v1/committees/{committee.pk}/members/{other.pk}/"
    # Refused before the input is read: an empty, a valid and an invalid body alike.
    for body in ({}, {"show_publicly": True}, {"role": "no such role"}):
        assert client.patch(url, body, format="json").status_code == 403
    other.refresh_from_db()
    assert other.show_publicly is False


def test_only_the_member_decides_whether_she_is_shown_publicly_not_her_chair():
    committee, chair = chaired()
    parent = MembershipFactory(committee=committee)
    url = f"/api/v1/committees/{committee.pk}/members/{parent.pk}/"
    client = client_for(chair)
    for body in ({"show_publicly": True}, {"show_publicly": True, "voting": False}):
        response = client.patch(url, body, format="json")
        assert response.status_code == 403, body
    parent.refresh_from_db()
    assert (parent.show_publicly, parent.voting) == (False, True)
    # The chair still changes the rest.
    assert client.patch(url, {"voting": False}, format="json").status_code == 200
    parent.refresh_from_db()
    assert (parent.show_publicly, parent.voting) == (False, False)


def test_a_term_ending_before_it_starts_is_refused_for_members_and_invitations():
    committee, chair = chaired()
    chair.groups.add(Group.objects.get_or_create(name=Role.ORGANISER)[0])
    client = client_for(chair)
    terms = {"term_start": "2027-06-01", "term_end": "2027-05-31"}
    added = client.post(
        f"/api/v1/committees/{committee.pk}/members/",
        {"user": UserFactory().pk, "role": "parent", **terms},
    )
    invited = client.post(
        f"/api/v1/committees/{committee.pk}/invitations/",
        {"email": "new@example.org", "role": "parent", **terms},
    )
    for response in (added, invited):
        assert response.status_code == 400
        assert response.json()["code"] == "invalid"
        assert response.json()["fields"] == {"term_end": ["A term cannot end before it starts."]}
    assert Membership.objects.filter(committee=committee).count() == 1
    assert not Invitation.objects.exists()


def test_a_member_who_is_not_a_chair_or_secretary_cannot_add_members():
    committee, _chair = chaired()
    member = MembershipFactory(committee=committee)
    response = client_for(member.user).post(
        f"/api/v1/committees/{committee.pk}/members/", {"user": UserFactory().pk, "role": "parent"}
    )
    assert response.status_code == 403
    assert Membership.objects.filter(committee=committee).count() == 2


def test_the_last_chair_cannot_be_removed_or_demoted():
    committee, chair = chaired()
    chair_membership = Membership.objects.get(committee=committee, user=chair)
    client = client_for(chair)
    url = f"/api/v1/committees/{committee.pk}/members/{chair_membership.pk}/"
    removed = client.delete(url)
    assert removed.status_code == 409
    assert removed.json()["code"] == "last_chair"
    demoted = client.patch(url, {"role": "parent"})
    assert demoted.status_code == 409
    ended = client.patch(url, {"term_end": (timezone.localdate() - timedelta(days=1)).isoformat()})
    assert ended.status_code == 409
    chair_membership.refresh_from_db()
    assert (chair_membership.role, chair_membership.term_end) == ("chair", None)
    # With a second chair, the first may step down.
    MembershipFactory(committee=committee, role="chair")
    assert client.patch(url, {"role": "parent"}).status_code == 200


def test_invitation_by_phone_becomes_a_membership_when_accepted():
    committee, chair = chaired()
    created = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/invitations/",
        {"phone": "(718) 555-0199", "role": "cbo_representative", "voting": False},
    )
    assert created.status_code == 201, created.json()
    token = created.json()["token"]
    invitation = Invitation.objects.get()
    assert invitation.phone == "+17185550199"
    assert invitation.token_hash == hash_token(token)
    assert token not in str(Invitation.objects.values_list())
    listed = client_for(chair).get(f"/api/v1/committees/{committee.pk}/invitations/").json()
    assert "token" not in listed["results"][0]
    invitee = UserFactory()
    accepted = client_for(invitee).post("/api/v1/committee-invitations/accept/", {"token": token})
    assert accepted.status_code == 201, accepted.json()
    membership = Membership.objects.get(committee=committee, user=invitee)
    assert (membership.role, membership.voting) == ("cbo_representative", False)
    reused = client_for(UserFactory()).post(
        "/api/v1/committee-invitations/accept/", {"token": token}
    )
    assert reused.status_code == 404
    assert reused.json()["code"] == "invitation_not_found"


def test_an_expired_or_unknown_invitation_changes_nothing(api):
    committee, _chair = chaired()
    InvitationFactory(
        committee=committee,
        token_hash=hash_token("expired-token-000000000000"),
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    client = client_for(UserFactory())
    for token in ("expired-token-000000000000", "unknown-token-1111111111111"):
        response = client.post("/api/v1/committee-invitations/accept/", {"token": token})
        assert response.status_code == 404
    assert Membership.objects.filter(committee=committee).count() == 1
    assert api.post("/api/v1/committee-invitations/accept/", {"token": "x"}).status_code in (
        401,
        403,
    )


def test_a_chair_withdraws_an_invitation_nobody_accepted_and_its_link_stops_working():
    committee, chair = chaired()
    chair_api = client_for(chair)
    sent = chair_api.post(
        f"/api/v1/committees/{committee.pk}/invitations/",
        {"role": "parent", "phone": "+17185550123"},
    ).json()
    member = MembershipFactory(committee=committee, role="parent").user
    path = f"/api/v1/committees/{committee.pk}/invitations/{sent['id']}/"
    refused = client_for(member).delete(path)
    assert refused.status_code == 403
    assert Invitation.objects.filter(pk=sent["id"]).exists()
    assert chair_api.delete(path).status_code == 204
    assert not Invitation.objects.filter(pk=sent["id"]).exists()
    accepted = client_for(UserFactory()).post(
        "/api/v1/committee-invitations/accept/", {"token": sent["token"]}
    )
    assert accepted.status_code == 404
    assert chair_api.delete(path).status_code == 404


def test_an_accepted_invitation_is_not_withdrawn_and_nothing_changes():
    committee, chair = chaired()
    chair_api = client_for(chair)
    sent = chair_api.post(
        f"/api/v1/committees/{committee.pk}/invitations/",
        {"role": "parent", "email": "new.member@example.org"},
    ).json()
    newcomer = UserFactory()
    client_for(newcomer).post("/api/v1/committee-invitations/accept/", {"token": sent["token"]})
    response = chair_api.delete(f"/api/v1/committees/{committee.pk}/invitations/{sent['id']}/")
    assert response.status_code == 409
    assert response.json()["code"] == "invitation_accepted"
    assert Invitation.objects.filter(pk=sent["id"]).exists()
    assert Membership.objects.filter(committee=committee, user=newcomer).exists()
    other, other_chair = chaired()
    wrong_committee = client_for(other_chair).delete(
        f"/api/v1/committees/{other.pk}/invitations/{sent['id']}/"
    )
    assert wrong_committee.status_code == 404


def test_an_invitation_needs_a_way_to_reach_the_person():
    committee, chair = chaired()
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/invitations/", {"role": "parent"}
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_committee_list_filters(api):
    school = SchoolFactory(dbn="02M999", borough_id="M", district=2)
    manhattan = CommitteeFactory(school=school, kind="multicultural_advisory", languages=["bn"])
    brooklyn = CommitteeFactory()
    citywide = CommitteeFactory(kind="citywide_advisory", school=None, languages=["en"])

    def ids(query):
        response = api.get(f"/api/v1/committees/?{query}")
        assert response.status_code == 200, response.json()
        return sorted(c["id"] for c in response.json()["results"])

    assert ids("kind=citywide_advisory") == [citywide.pk]
    assert ids("borough=M") == [manhattan.pk]
    assert ids(f"school={brooklyn.school_id}") == [brooklyn.pk]
    assert ids("language=bn") == [manhattan.pk]
    assert ids("language=es") == [brooklyn.pk]
    assert api.get("/api/v1/committees/?language=xx").status_code == 400


def test_committees_i_manage_and_what_i_may_do_there():
    """?managed=true lists the committees the user chairs, co-chairs or is the secretary
    of; each committee says whether the user may change it and approve its minutes."""
    chaired_one, chair = chaired()
    as_secretary = CommitteeFactory()
    MembershipFactory(committee=as_secretary, user=chair, role="secretary")
    as_member = CommitteeFactory()
    MembershipFactory(committee=as_member, user=chair, role="parent")
    ended = CommitteeFactory()
    MembershipFactory(
        committee=ended,
        user=chair,
        role="chair",
        term_end=timezone.localdate() - timedelta(days=1),
    )
    api = client_for(chair)

    def listed(query):
        response = api.get(f"/api/v1/committees/?{query}&page_size=50")
        assert response.status_code == 200, response.json()
        return {
            c["id"]: (c["can_manage"], c["can_approve_minutes"]) for c in response.json()["results"]
        }

    assert listed("managed=true") == {
        chaired_one.pk: (True, True),
        as_secretary.pk: (True, False),
    }
    others = listed("managed=false")
    assert others[as_member.pk] == (False, False)
    assert others[ended.pk] == (False, False)
    assert chaired_one.pk not in others


def test_managed_committees_are_none_for_the_public(api):
    CommitteeFactory()
    body = api.get("/api/v1/committees/?managed=true").json()
    assert body["count"] == 0
    everyone = api.get("/api/v1/committees/").json()["results"]
    assert everyone and all(not c["can_manage"] for c in everyone)


def test_committee_list_query_count_is_flat(api):
    def make(n):
        for _ in range(n):
            committee = CommitteeFactory()
            MembershipFactory(committee=committee)

    def fetch():
        response = api.get("/api/v1/committees/?page_size=200")
        assert response.status_code == 200

    assert_flat_queries(make, fetch)


def test_member_list_query_count_is_flat():
    committee, chair = chaired()
    client = client_for(chair)

    def make(n):
        for _ in range(n):
            MembershipFactory(committee=committee, show_publicly=True)

    def fetch():
        response = client.get(f"/api/v1/committees/{committee.pk}/members/?page_size=200")
        assert response.status_code == 200

    assert_flat_queries(make, fetch)


def test_invitation_list_query_count_is_flat():
    committee, chair = chaired()
    client = client_for(chair)

    def make(n):
        for _ in range(n):
            InvitationFactory(committee=committee, invited_by=chair)

    def fetch():
        response = client.get(f"/api/v1/committees/{committee.pk}/invitations/?page_size=200")
        assert response.status_code == 200

    assert_flat_queries(make, fetch)
