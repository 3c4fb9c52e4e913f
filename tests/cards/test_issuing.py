"""Who issues, lists, withdraws and re-issues parent cards, over HTTP."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cards import services, signing
from cards.models import Card
from cards.rules import issued_q
from events_api.audit.models import AccessKind, AccessRecord
from events_api.people.roles import Role
from tests.committees.factories import chaired
from tests.conftest import client_for
from tests.factories import OrganizationMembershipFactory, SchoolFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/cards/"


def test_cbo_staff_issue_a_card_in_their_organisations_name(cbo, school):
    response = client_for(cbo.user).post(
        URL,
        {
            "holder_name": "Rosa Quispe",
            "preferred_language": "es",
            "schools": [school.pk],
            "organization": cbo.organization.pk,
            "phone": "(718) 555-0142",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    card = Card.objects.get(pk=body["id"])
    assert body["holder_name"] == "Rosa Quispe"
    assert body["issuer"] == {"kind": "organization", "id": cbo.organization.pk, "name": "La Union"}
    assert body["schools"] == [school.pk]
    assert body["phone"] == "+17185550142"
    assert body["status"] == "valid"
    assert body["expires_on"] == (timezone.localdate() + timedelta(days=365)).isoformat()
    assert len(card.number) == 8 and set(card.number) <= set(signing.PASS_ALPHABET)
    assert signing.unsign(body["verification_url"]) == card.number
    assert card.issued_by == cbo.user


def test_a_school_committee_chair_issues_in_the_schools_name_and_an_email_links_the_account(
    chair, school
):
    parent = UserFactory(email="farida@example.org")
    response = client_for(chair).post(
        URL,
        {
            "holder_name": "Farida",
            "preferred_language": "bn",
            "school": school.pk,
            "email": "Farida@example.org",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["issuer"]["name"] == "P.S. 169 Sunset Park"
    assert Card.objects.get().user == parent


def test_an_organiser_issues_for_any_school(school):
    organiser = UserFactory(roles=[Role.ORGANISER])
    response = client_for(organiser).post(
        URL,
        {"holder_name": "Li Wei", "preferred_language": "ko", "school": school.pk},
        format="json",
    )
    assert response.status_code == 201


def test_staff_of_one_issuer_cannot_issue_in_anothers_name(cbo, chair, school):
    other_school = type(school).objects.create(
        dbn="15K999", name="Another school", borough=school.borough, district=15
    )
    as_cbo = client_for(cbo.user).post(
        URL, {"holder_name": "X", "preferred_language": "es", "school": school.pk}, format="json"
    )
    as_chair = client_for(chair).post(
        URL,
        {"holder_name": "X", "preferred_language": "es", "school": other_school.pk},
        format="json",
    )
    parent = client_for(UserFactory()).post(
        URL, {"holder_name": "X", "preferred_language": "es", "school": school.pk}, format="json"
    )
    assert (as_cbo.status_code, as_cbo.json()["code"]) == (403, "not_card_issuer")
    assert (as_chair.status_code, as_chair.json()["code"]) == (403, "not_card_issuer")
    assert parent.status_code == 403
    assert not Card.objects.exists()


def test_an_issuer_names_exactly_one_issuer_and_a_sane_expiry(cbo, school):
    both = client_for(cbo.user).post(
        URL,
        {
            "holder_name": "X",
            "preferred_language": "es",
            "school": school.pk,
            "organization": cbo.organization.pk,
        },
        format="json",
    )
    too_long = client_for(cbo.user).post(
        URL,
        {
            "holder_name": "X",
            "preferred_language": "es",
            "organization": cbo.organization.pk,
            "expires_on": (timezone.localdate() + timedelta(days=4 * 365)).isoformat(),
        },
        format="json",
    )
    assert both.json()["code"] == "card_issuer_required"
    assert (too_long.status_code, too_long.json()["code"]) == (400, "card_expiry_out_of_range")


def test_issuers_list_only_their_own_cards_and_the_look_is_logged(
    cbo, chair, cbo_card, school_card
):
    cbo_list = client_for(cbo.user).get(URL).json()["results"]
    school_list = client_for(chair).get(URL).json()["results"]
    assert [row["number"] for row in cbo_list] == [cbo_card.number]
    assert [row["number"] for row in school_list] == [school_card.number]
    logged = AccessRecord.objects.filter(kind=AccessKind.PARENT_CARD_LIST)
    assert sorted(logged.values_list("user_id", "count")) == sorted(
        [(cbo.user.pk, 1), (chair.pk, 1)]
    )


def test_the_issuers_list_takes_the_same_queries_for_one_card_and_for_thirty(cbo, school):
    def issue(n):
        for i in range(n):
            services.issue(
                holder=services.Holder(name=f"P {i}", preferred_language="es", schools=[school]),
                by=cbo.user,
                organization=cbo.organization,
            )

    api = client_for(cbo.user)
    issue(1)
    with CaptureQueriesContext(connection) as one:
        assert len(api.get(URL).json()["results"]) == 1
    issue(29)
    with CaptureQueriesContext(connection) as thirty:
        assert len(api.get(URL).json()["results"]) == 30
    assert len(thirty) == len(one)


def test_a_cbo_cannot_revoke_a_schools_card_nor_a_school_a_cbos(cbo, chair, cbo_card, school_card):
    by_cbo = client_for(cbo.user).post(f"{URL}{school_card.pk}/revoke/")
    by_school = client_for(chair).post(f"{URL}{cbo_card.pk}/revoke/")
    assert by_cbo.status_code == 404
    assert by_school.status_code == 404
    assert Card.objects.filter(revoked_at__isnull=False).count() == 0


def test_the_issuer_revokes_and_the_card_stops_verifying_at_once(cbo, cbo_card, api):
    response = client_for(cbo.user).post(f"{URL}{cbo_card.pk}/revoke/")
    assert response.status_code == 200
    assert response.json()["status"] == "revoked"
    verify = api.post(URL + "verify/", {"number": cbo_card.number}, format="json")
    assert (verify.status_code, verify.json()["code"]) == (410, "card_revoked")


def test_reissue_gives_a_new_number_for_the_same_holder_and_the_old_stops(
    cbo, cbo_card, api, school
):
    response = client_for(cbo.user).post(f"{URL}{cbo_card.pk}/reissue/")
    assert response.status_code == 201, response.content
    new = response.json()
    assert new["number"] != cbo_card.number
    assert (new["holder_name"], new["phone"], new["schools"]) == (
        "Rosa Quispe",
        "+17185550142",
        [school.pk],
    )
    assert new["replaces"] == cbo_card.pk
    old = api.post(URL + "verify/", {"signed": signing.sign(cbo_card.number)}, format="json")
    fresh = api.post(URL + "verify/", {"number": new["number"]}, format="json")
    assert old.json()["code"] == "card_revoked"
    assert fresh.status_code == 200
    again = client_for(cbo.user).post(f"{URL}{cbo_card.pk}/reissue/")
    assert (again.status_code, again.json()["code"]) == (409, "card_already_replaced")


def test_a_parent_sees_her_own_cards_and_nobody_elses(cbo, cbo_card, school_card):
    parent = UserFactory()
    Card.objects.filter(pk=school_card.pk).update(user=parent)
    mine = client_for(parent).get("/api/v1/me/cards/").json()["results"]
    assert [(row["number"], row["holder_name"]) for row in mine] == [
        (school_card.number, "Amina Diallo")
    ]
    assert "phone" not in mine[0]
    assert client_for(UserFactory()).get("/api/v1/me/cards/").json()["results"] == []


def test_a_schools_staff_and_organisers_revoke_and_reissue_its_cards(chair, school_card):
    revoked = client_for(chair).post(f"{URL}{school_card.pk}/revoke/")
    assert (revoked.status_code, revoked.json()["status"]) == (200, "revoked")
    school_card.refresh_from_db()
    assert school_card.revoked_by == chair
    organiser = UserFactory(roles=[Role.ORGANISER])
    reissued = client_for(organiser).post(f"{URL}{school_card.pk}/reissue/")
    assert reissued.status_code == 201, reissued.content
    assert reissued.json()["replaces"] == school_card.pk


def test_another_schools_staff_cannot_revoke_a_schools_card(school_card):
    _committee, other_chair = chaired(school=SchoolFactory(name="I.S. 61"))
    response = client_for(other_chair).post(f"{URL}{school_card.pk}/revoke/")
    assert response.status_code == 404
    school_card.refresh_from_db()
    assert school_card.revoked_at is None


def test_a_superuser_lists_every_issuers_cards_and_an_anonymous_caller_none(cbo_card, school_card):
    admin = UserFactory(is_superuser=True, is_staff=True)
    listed = client_for(admin).get(URL).json()["results"]
    assert sorted(card["id"] for card in listed) == sorted([cbo_card.pk, school_card.pk])
    assert not Card.objects.filter(issued_q(AnonymousUser())).exists()


def test_the_qr_link_keeps_the_signatures_colon_as_it_is():
    # "%3A" would lengthen every code and make the printed QR denser.
    url = signing.verification_url("ACD47FGH")
    assert url.endswith(f"/cards/verify?c={signing.sign('ACD47FGH')}")
    assert "%3A" not in url


def test_belonging_to_a_cbo_without_the_staff_role_opens_none_of_its_cards(cbo, cbo_card):
    volunteer = OrganizationMembershipFactory(organization=cbo.organization).user
    client = client_for(volunteer)
    assert client.get(URL).status_code == 403
    assert client.post(f"{URL}{cbo_card.pk}/revoke/").status_code == 403
    verify = client.post(f"{URL}verify/", {"number": cbo_card.number}, format="json")
    assert verify.json()["holder"] is None
    cbo_card.refresh_from_db()
    assert cbo_card.revoked_at is None
