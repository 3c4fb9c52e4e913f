"""The printable call list: a server-rendered page in the reader's language, each language
group on its own printed page with its script in that language (right to left for Arabic
and Urdu), a tick box per outcome, under the same rules as the API."""

import re

import pytest

from tests.calls.helpers import caller, phone_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_the_page_prints_each_language_group_on_its_own_page(event, organiser, client):
    caller(event=event, preferred_language_id="ar", name="Amina Haddad")
    caller(event=event, preferred_language_id="bn", name="Farida Rahman")
    caller(event=event, preferred_language_id="es", name="Carla Trujillo")
    caller(event=event, preferred_language_id="es", name="Ana Pérez")
    client.force_login(organiser)

    response, html = page(client, f"/print/events/{event.pk}/calls/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert "<script" not in html
    assert "@page" in html and "break-before: page" in html
    sections = re.findall(r'<section class="group" lang="([^"]+)" dir="([^"]+)">', html)
    assert sections == [("es", "ltr"), ("ar", "rtl"), ("bn", "ltr")]
    assert "اعرف حقوقك في المدرسة" in html  # the Arabic group's script has the Arabic title
    assert "Usted tiene un lugar en Conozca sus derechos en la escuela." in html
    for name in ("Amina Haddad", "Farida Rahman", "Carla Trujillo", "Ana Pérez"):
        assert name in html
    # Five outcome boxes per person.
    assert html.count('class="box"') == 5 * 4
    assert '<html lang="en" dir="ltr">' in html


def test_the_page_is_in_the_signed_in_readers_language(event, client):
    reader = UserFactory(preferred_language_id="ar")
    event.session.summit.organizers.add(reader)
    caller(event=event, preferred_language_id="es")
    client.force_login(reader)

    response, html = page(client, f"/print/events/{event.pk}/calls/")

    assert response["Content-Language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in html
    assert '<section class="group" lang="es" dir="ltr">' in html


def test_a_committees_page_and_an_urdu_group(committee_meeting, client):
    committee, chair, _meeting = committee_meeting
    phone_member(committee, language="ur", phone="+17185550195")
    client.force_login(chair)

    response, html = page(client, f"/print/committees/{committee.pk}/calls/")

    assert response.status_code == 200
    assert '<section class="group" lang="ur" dir="rtl">' in html


def test_the_page_follows_the_same_rules(event, client):
    caller(event=event)
    stranger = UserFactory()

    anonymous = client.get(f"/print/events/{event.pk}/calls/")
    client.force_login(stranger)
    refused = client.get(f"/print/events/{event.pk}/calls/")
    missing = client.get("/print/events/999999/calls/")

    assert anonymous.status_code == 403 and "/account/sign-in" in anonymous.content.decode()
    assert refused.status_code == 403
    assert event.registrations.get().phone not in refused.content.decode()
    assert missing.status_code == 404


def test_a_persian_group_reads_right_to_left_with_its_english_script(event, organiser, client):
    caller(event=event, preferred_language_id="fa", name="مریم احمدی")
    client.force_login(organiser)

    _response, html = page(client, f"/print/events/{event.pk}/calls/")

    assert '<section class="group" lang="fa" dir="rtl">' in html
    assert '<div class="script" lang="en" dir="ltr">' in html
    assert "مریم احمدی" in html


def test_the_interpreter_language_is_named_not_coded(event, organiser, client):
    caller(event=event, preferred_language_id="bn", interpreter_language_id="bn")
    client.force_login(organiser)
    _response, html = page(client, f"/print/events/{event.pk}/calls/")
    assert "interpreter: Bangla" in html
