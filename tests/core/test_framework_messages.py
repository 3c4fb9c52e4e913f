"""The frameworks' own messages (DRF, Django, allauth) reach families in their language: each
listed message comes out translated in every UI language, with its placeholders, and the
API's answers and the sign-in code email are in the reader's language."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation
from rest_framework.test import APIClient

from events_api.core import framework_messages
from events_api.people.language_names import NAMES
from events_api.people.roles import Role
from tests.conftest import client_for
from tests.factories import EventFactory, UserFactory

UI_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDERS = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w+(?::\w+)?\}")

# Language names that are the same word in English and in these languages.
SAME_NAME = {
    "es": {"Hindi", "Urdu", "Twi", "K'iche'", "Quechua"},
    "fr": {
        "Mandarin",
        "Tagalog",
        "Hindi",
        "Yiddish",
        "Wolof",
        "Twi",
        "Swahili",
        "Somali",
        "K'iche'",
        "Quechua",
        "Garifuna",
    },
    "ht": {"Bangla", "Soninke", "Twi", "Swahili", "Somali", "Tigrinya", "K'iche'", "Garifuna"},
    "sq": {"Urdu"},
}


def untranslated(code: str) -> list[str]:
    """The listed messages that come out in English (or with other placeholders) in
    ``code``."""
    wrong = []
    with translation.override(code):
        for msgid in framework_messages.MESSAGES:
            text = translation.gettext(msgid)
            if text == msgid or sorted(PLACEHOLDERS.findall(text)) != sorted(
                PLACEHOLDERS.findall(msgid)
            ):
                wrong.append(msgid)
        for message in framework_messages.DJANGO_PLURAL:
            singular, plural = framework_messages.plural_msgids(message)
            for number in (1, 2, 5, 21):
                text = translation.ngettext(singular, plural, number)
                source = singular if number == 1 else plural
                if text in (singular, plural) or sorted(PLACEHOLDERS.findall(text)) != sorted(
                    PLACEHOLDERS.findall(source)
                ):
                    wrong.append(f"{plural} (n={number})")
    return wrong


@pytest.mark.parametrize("code", UI_LANGUAGES)
def test_every_framework_message_is_translated_with_its_placeholders(code):
    assert untranslated(code) == [], code


@pytest.mark.parametrize("code", UI_LANGUAGES)
def test_every_catalogue_language_is_named_in_each_ui_language(code):
    with translation.override(code):
        english = [(name._args[0], str(name)) for name in NAMES.values()]
    assert {source for source, text in english if text == source} == SAME_NAME.get(code, set())


def test_the_walk_sees_an_untranslated_message():
    """Control: a language no catalogue has comes out in English, and the walk says so."""
    assert "Authentication credentials were not provided." in untranslated("xx")


# Through the API


@pytest.mark.django_db
def test_a_protected_endpoint_says_sign_in_in_bangla():
    response = APIClient().get("/api/v1/me/", {"lang": "bn"})

    assert response.status_code in (401, 403)
    assert response.json() == {
        "code": "not_authenticated",
        "message": "পরিচয় যাচাইয়ের তথ্য দেওয়া হয়নি।",
        "fields": {},
    }


@pytest.mark.django_db
def test_a_blank_field_is_refused_in_bangla_without_the_field_name():
    door = client_for(UserFactory(roles=[Role.DOOR_VOLUNTEER]))

    response = door.post(f"/api/v1/events/{EventFactory().pk}/check-in/?lang=bn", {"code": ""})

    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid",
        "message": "এই ঘরটি ফাঁকা রাখা যাবে না।",
        "fields": {"code": ["এই ঘরটি ফাঁকা রাখা যাবে না।"]},
    }


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("bn", "মানটি 100-এর সমান বা তার কম হতে হবে।"),
        ("ht", "Asire valè sa a pi piti pase 100 oswa egal a li."),
        ("uz", "Bu qiymat 100 dan kichik yoki unga teng boʻlishi kerak."),  # noqa: RUF001
        ("ur", "یہ قدر 100 کے برابر یا اس سے کم ہونی چاہیے۔"),  # noqa: RUF001
    ],
)
@pytest.mark.django_db
def test_a_number_over_the_limit_is_refused_with_the_limit_in_the_readers_language(code, message):
    event = EventFactory()

    response = APIClient().post(
        f"/api/v1/events/{event.pk}/registrations/",
        {"name": "Amina", "phone": "+17185550101", "adults": 101},
        format="json",
        HTTP_ACCEPT_LANGUAGE=code,
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid",
        "message": message,
        "fields": {"adults": [message]},
    }


@pytest.mark.django_db
def test_a_failed_csrf_check_says_what_to_do_in_the_readers_language():
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())

    response = browser.patch(
        "/api/v1/me/?lang=bn", {"display_name": "Amina"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "পৃষ্ঠার নিরাপত্তা যাচাই ব্যর্থ হয়েছে। পৃষ্ঠাটি আবার লোড করে আবার চেষ্টা করুন।",
        "fields": {},
    }


# The sign-in code email

CODE_REQUEST = "/_allauth/app/v1/auth/code/request"


@pytest.mark.django_db
def test_the_sign_in_code_email_is_in_the_accounts_language():
    UserFactory(email="parent@example.org", password=None, preferred_language_id="bn")

    response = APIClient().post(CODE_REQUEST, {"email": "parent@example.org"}, format="json")

    assert response.status_code == 401  # a pending flow: enter the code
    [email] = mail.outbox
    assert "সাইন ইন কোড" in email.subject
    assert "আপনার সাইন ইন কোড নিচে দেওয়া আছে।" in email.body
    assert re.search(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$", email.body, re.MULTILINE)
    assert "Sign-In Code" not in email.subject


@pytest.mark.django_db
def test_the_accounts_language_wins_over_the_requests():
    UserFactory(email="parent@example.org", password=None, preferred_language_id="es")

    APIClient().post(
        CODE_REQUEST, {"email": "parent@example.org"}, format="json", HTTP_ACCEPT_LANGUAGE="bn"
    )

    [email] = mail.outbox
    with translation.override("es"):
        assert translation.gettext("Sign-In Code") in email.subject
    assert "সাইন ইন কোড" not in email.subject
    assert "Sign-In Code" not in email.subject


@pytest.mark.django_db
def test_without_a_chosen_language_the_email_follows_the_request():
    UserFactory(email="parent@example.org", password=None)  # English, the default

    APIClient().post(f"{CODE_REQUEST}?lang=bn", {"email": "parent@example.org"}, format="json")

    [email] = mail.outbox
    assert "সাইন ইন কোড" in email.subject
    assert "%(site_name)s থেকে শুভেচ্ছা!" not in email.body
    assert "থেকে শুভেচ্ছা!" in email.body


@pytest.mark.django_db
def test_an_english_request_gets_the_english_email():
    UserFactory(email="parent@example.org", password=None)

    APIClient().post(CODE_REQUEST, {"email": "parent@example.org"}, format="json")

    [email] = mail.outbox
    assert "Sign-In Code" in email.subject
    assert "Your sign-in code is listed below." in email.body
