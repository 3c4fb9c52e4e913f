"""A CBO registering a family by proxy records what the family agreed to: the text as it
was shown (with the organisation's name), its language and its version, and when.
Guests' own registrations carry no consent; only the organisation's staff read the text."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events_api.events.consent import CONSENT_TEXT, CONSENT_VERSION
from events_api.events.models import Registration
from events_api.privacy import services as privacy_services
from tests.conftest import client_for
from tests.factories import (
    EventFactory,
    OrganizationMembershipFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ENGLISH = (
    "The family agreed that {organization} registers them for this event. Their name, "
    "contact details and needs are kept only for this event and removed after it."
)


def consent_url(organization_id: int, lang: str = "") -> str:
    query = f"?lang={lang}" if lang else ""
    return f"/api/v1/registrations/consent/{organization_id}/{query}"


def register_url(event) -> str:
    return f"/api/v1/events/{event.pk}/registrations/"


@pytest.fixture
def staff():
    membership = OrganizationMembershipFactory(organization__name="La Unión Brooklyn")
    return membership


def test_the_text_comes_in_the_asked_language_with_the_organisations_name(staff):
    client = client_for(staff.user)
    english = client.get(consent_url(staff.organization.pk, "en"))
    assert english.status_code == 200
    assert english.json() == {
        "version": CONSENT_VERSION,
        "language": "en",
        "text": ENGLISH.format(organization="La Unión Brooklyn"),
    }
    texts = {}
    for lang in ["es", "ar", "zh-hans", "uz"]:
        body = client.get(consent_url(staff.organization.pk, lang)).json()
        assert body["language"] == lang
        assert body["version"] == CONSENT_VERSION
        assert "La Unión Brooklyn" in body["text"]
        assert body["text"] != english.json()["text"]
        texts[lang] = body["text"]
    assert texts["es"].startswith("La familia aceptó que La Unión Brooklyn")
    assert len(set(texts.values())) == 4
    # Accept-Language serves too (the frontend's client sends it).
    by_header = client.get(consent_url(staff.organization.pk), HTTP_ACCEPT_LANGUAGE="es")
    assert by_header.json()["text"] == texts["es"]


def test_only_the_organisations_own_staff_read_its_consent_text(staff, api):
    other_staff = OrganizationMembershipFactory().user
    parent = UserFactory()
    assert api.get(consent_url(staff.organization.pk)).status_code in (401, 403)
    for outsider in [other_staff, parent]:
        response = client_for(outsider).get(consent_url(staff.organization.pk))
        assert response.status_code == 404
        assert "text" not in response.json()
    assert client_for(staff.user).get(consent_url(999999)).status_code == 404


def test_the_registration_stores_the_text_exactly_as_shown(staff):
    client = client_for(staff.user)
    shown = client.get(consent_url(staff.organization.pk, "es")).json()
    before = timezone.now()
    response = client.post(
        register_url(EventFactory()),
        {
            "name": "Familia Ramírez",
            "organization": staff.organization.pk,
            "consent": True,
            "consent_version": shown["version"],
            "consent_language": shown["language"],
        },
        QUERY_STRING="lang=en",  # the staff member's page language plays no part
    )
    assert response.status_code == 201, response.json()
    registration = Registration.objects.get()
    assert registration.consent_version == CONSENT_VERSION
    assert registration.consent_language == "es"
    assert registration.consent_text == shown["text"]
    assert registration.consent_at >= before
    consent = response.json()["consent"]
    assert consent["text"] == shown["text"]
    assert (consent["version"], consent["language"]) == (CONSENT_VERSION, "es")


@pytest.mark.parametrize(
    "consent",
    [
        {"consent_version": "2020-01-01", "consent_language": "en"},  # an old text
        {"consent_version": "", "consent_language": "en"},
        {"consent_language": "en"},  # an older client: consent without a version
    ],
)
def test_an_old_or_missing_version_is_refused_and_nothing_is_written(staff, consent):
    event = EventFactory()
    response = client_for(staff.user).post(
        register_url(event),
        {"name": "A family", "organization": staff.organization.pk, "consent": True, **consent},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "consent_version_unknown"
    assert body["message"]
    assert body["current_version"] == CONSENT_VERSION
    assert not Registration.objects.exists()


def test_the_language_shown_is_required_and_must_be_an_interface_language(staff):
    client = client_for(staff.user)
    base = {
        "name": "A family",
        "organization": staff.organization.pk,
        "consent": True,
        "consent_version": CONSENT_VERSION,
    }
    missing = client.post(register_url(EventFactory()), base)
    assert missing.status_code == 400
    assert missing.json()["code"] == "consent_language_required"
    unknown = client.post(register_url(EventFactory()), {**base, "consent_language": "xx"})
    assert unknown.status_code == 400
    assert list(unknown.json()["fields"]) == ["consent_language"]
    assert not Registration.objects.exists()


def test_consent_is_still_required(staff):
    response = client_for(staff.user).post(
        register_url(EventFactory()),
        {
            "name": "A family",
            "organization": staff.organization.pk,
            "consent_version": CONSENT_VERSION,
            "consent_language": "en",
        },
    )
    assert response.json()["code"] == "consent_required"
    assert not Registration.objects.exists()


def test_a_guest_registers_without_consent_and_none_is_recorded(api):
    response = api.post(
        register_url(EventFactory()),
        {
            "name": "Guest",
            "phone": "+17185550123",
            # Sent by mistake: without an organisation nothing of it is kept.
            "consent": True,
            "consent_version": CONSENT_VERSION,
            "consent_language": "es",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["consent"] is None
    registration = Registration.objects.get()
    assert registration.consent_at is None
    assert (registration.consent_version, registration.consent_language) == ("", "")
    assert registration.consent_text == ""
    own = api.get(f"/api/v1/registrations/manage/{response.json()['manage_token']}/")
    assert own.json()["consent"] is None


def test_the_cbo_and_the_organiser_see_the_consent_others_see_nothing(staff):
    organiser = UserFactory()
    event = SessionFactory(summit__organizers=[organiser], event__capacity=10).event
    made = client_for(staff.user).post(
        register_url(event),
        {
            "name": "Familia Ramírez",
            "organization": staff.organization.pk,
            "consent": True,
            "consent_version": CONSENT_VERSION,
            "consent_language": "ar",
        },
    )
    assert made.status_code == 201, made.json()
    pk = made.json()["id"]
    with_text = {
        "version": CONSENT_VERSION,
        "language": "ar",
        "text": Registration.objects.get(pk=pk).consent_text,
    }
    assert "La Unión Brooklyn" in with_text["text"]
    for viewer in [staff.user, organiser]:
        seen = client_for(viewer).get(f"/api/v1/registrations/{pk}/")
        assert seen.status_code == 200
        consent = seen.json()["consent"]
        assert {k: consent[k] for k in with_text} == with_text
        assert consent["at"]
        listed = client_for(viewer).get(f"/api/v1/events/{event.pk}/registrations/").json()
        assert [row["consent"]["text"] for row in listed["results"]] == [with_text["text"]]
    for outsider in [OrganizationMembershipFactory().user, UserFactory(), UserFactory()]:
        assert client_for(outsider).get(f"/api/v1/registrations/{pk}/").status_code == 404
        listed = client_for(outsider).get(f"/api/v1/events/{event.pk}/registrations/").json()
        assert listed["results"] == []


def test_the_text_is_a_translation_of_one_msgid():
    """The English catalogue text is the msgid itself: one source for every language."""
    assert str(CONSENT_TEXT) == ENGLISH


def test_anonymisation_keeps_the_consent_record(staff):
    """It names only the organisation: what was agreed stays once the family's name goes."""
    event = EventFactory()
    made = client_for(staff.user).post(
        register_url(event),
        {
            "name": "Familia Ramírez",
            "phone": "+17185550199",
            "organization": staff.organization.pk,
            "consent": True,
            "consent_version": CONSENT_VERSION,
            "consent_language": "es",
        },
    )
    assert made.status_code == 201, made.json()
    kept = Registration.objects.get()
    privacy_services.anonymise_expired(now=event.ends_at + timedelta(days=400))
    after = Registration.objects.get()
    assert after.anonymised_at is not None
    assert (after.name, after.phone) == ("", "")
    assert (after.consent_at, after.consent_version, after.consent_language) == (
        kept.consent_at,
        CONSENT_VERSION,
        "es",
    )
    assert after.consent_text == kept.consent_text != ""
