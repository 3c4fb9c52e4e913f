import pytest

from events_api.people.models import User
from events_api.people.roles import Role
from tests.factories import OrganizationMembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_me_requires_sign_in(api):
    response = api.get("/api/v1/me/")
    assert response.status_code in (401, 403)
    assert response.json()["code"] == "not_authenticated"


def test_me_shows_own_profile_roles_and_organisations(db):
    from tests.conftest import client_for

    membership = OrganizationMembershipFactory(
        user=UserFactory(
            email="rosa@example.org",
            display_name="Rosa",
            preferred_language_id="es",
            roles=[Role.CBO_STAFF],
        ),
        organization__name="La Union",
    )
    body = client_for(membership.user).get("/api/v1/me/").json()
    assert body == {
        "id": membership.user.pk,
        "email": "rosa@example.org",
        "display_name": "Rosa",
        "preferred_language": "es",
        "phone": "",
        "preferred_channel": "email",
        "roles": ["cbo_staff"],
        "desks": ["card_issuer"],  # La Union's staff issue parent cards
        "organizations": [
            {
                "organization": membership.organization.pk,
                "organization_name": "La Union",
                "role": "staff",
            }
        ],
    }


def test_patch_me_normalises_phone_to_e164(user, user_api):
    response = user_api.patch(
        "/api/v1/me/",
        {"phone": "(718) 555-0134", "preferred_channel": "sms", "preferred_language": "bn"},
    )
    assert response.status_code == 200, response.json()
    user.refresh_from_db()
    assert user.phone == "+17185550134"
    assert user.preferred_channel == "sms"
    assert user.preferred_language_id == "bn"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"phone": "12"}, "phone"),
        ({"phone": "not a number"}, "phone"),
        ({"preferred_language": "xx"}, "preferred_language"),
        ({"preferred_channel": "pigeon"}, "preferred_channel"),
        ({"preferred_channel": "sms"}, "phone"),
        ({"display_name": ["not", "a", "string"]}, "display_name"),
        ({"immigration_status": "anything"}, "immigration_status"),
        # email is read-only here: accepted as a no-op would hide a mistake, so it is
        # refused like any unknown field
        ({"email": "new@example.org"}, "email"),
    ],
)
def test_patch_me_rejects_bad_input_and_changes_nothing(user, user_api, payload, field):
    before = User.objects.values().get(pk=user.pk)
    response = user_api.patch("/api/v1/me/", payload)
    after = User.objects.values().get(pk=user.pk)
    assert after == before
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["fields"]) == [field], body
    assert isinstance(body["message"], str) and body["message"]


def test_me_cannot_reach_another_users_profile(user_api):
    other = UserFactory(display_name="Someone else")
    # There is no route to another user's profile: /me/ is always the caller.
    assert user_api.get(f"/api/v1/me/{other.pk}/").status_code == 404
    response = user_api.patch("/api/v1/me/", {"id": other.pk, "display_name": "Hacked"})
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.display_name == "Someone else"


def test_put_is_not_allowed_on_me(user_api):
    response = user_api.put("/api/v1/me/", {"display_name": "x"})
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_me_lists_the_desks_of_a_committee_chair_and_an_interpreter(db):
    """The web app links a chair to their committees (and, at a school, its parent cards)
    and an interpreter to their jobs; the profile says which desks an account has, whatever
    its platform roles."""
    from tests.committees.factories import MembershipFactory
    from tests.conftest import client_for
    from tests.interpretation.factories import InterpreterFactory

    chair = MembershipFactory(role="chair").user
    interpreter = InterpreterFactory(user=UserFactory()).user
    both = MembershipFactory(role="secretary").user
    InterpreterFactory(user=both)
    member = MembershipFactory(role="parent").user

    def desks(user):
        return client_for(user).get("/api/v1/me/").json()["desks"]

    # A school committee's chair is one of the school's staff: she issues parent cards.
    assert desks(chair) == ["card_issuer", "committee_manager"]
    assert desks(interpreter) == ["interpreter"]
    assert desks(both) == ["committee_manager", "interpreter"]
    assert desks(member) == []
