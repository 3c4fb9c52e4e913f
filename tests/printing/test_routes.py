"""Who may print what, and what a wrong request gets: a clear 4xx with a code, no PDF and
no log entry."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from cards import services
from events_api.audit.models import AccessKind, AccessRecord
from events_api.people.roles import Role
from printing.serializers import MAX_SHEET_CARDS
from tests.cards.conftest import expire
from tests.conftest import client_for
from tests.factories import EventFactory, SchoolFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


def card_url(card) -> str:
    return f"/api/v1/cards/{card.pk}/card.pdf"


def test_printing_a_card_is_logged_as_a_look_at_its_holder(cbo, card_in):
    card = card_in("es")
    response = client_for(cbo.user).get(card_url(card))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'inline; filename="card-{card.number}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    record = AccessRecord.objects.get()
    assert (record.kind, record.count, record.filters) == (
        AccessKind.PARENT_CARD_LIST,
        1,
        {"pdf": "card"},
    )


def test_a_cbo_cannot_print_a_schools_card_nor_a_school_a_cbos(cbo, chair, school):
    school_card = services.issue(
        holder=services.Holder(name="Amina Diallo", preferred_language="fr"),
        by=chair,
        school=school,
    )
    cbo_card = services.issue(
        holder=services.Holder(name="Rosa Quispe", preferred_language="es"),
        by=cbo.user,
        organization=cbo.organization,
    )
    assert client_for(cbo.user).get(card_url(school_card)).status_code == 404
    assert client_for(chair).get(card_url(cbo_card)).status_code == 404
    assert client_for(chair).get(card_url(school_card)).status_code == 200
    sheet = client_for(chair).get(f"/api/v1/cards/sheet.pdf?ids={school_card.pk},{cbo_card.pk}")
    assert sheet.status_code == 400
    assert sheet.json()["code"] == "cards_not_printable"
    assert sheet.json()["fields"] == {"ids": [cbo_card.pk]}
    assert not AccessRecord.objects.filter(filters={"pdf": "sheet"}).exists()


def test_someone_who_issues_no_cards_is_refused(db):
    for user in (UserFactory(), UserFactory(roles=[Role.DOOR_VOLUNTEER])):
        response = client_for(user).get("/api/v1/cards/sheet.pdf")
        assert response.status_code == 403
        assert response.json()["code"] == "not_card_issuer"
    assert APIClient().get("/api/v1/cards/sheet.pdf").status_code == 403


def test_withdrawn_and_expired_cards_are_not_printed(cbo, card_in):
    withdrawn, expired, good = card_in("es"), card_in("bn"), card_in("ar")
    services.revoke(card=withdrawn, by=cbo.user)
    expire(expired)
    api = client_for(cbo.user)
    assert api.get(card_url(withdrawn)).json()["code"] == "card_revoked"
    assert api.get(card_url(expired)).status_code == 410
    # Without ids: every valid card, and only those.
    response = api.get("/api/v1/cards/sheet.pdf")
    assert response.status_code == 200
    assert AccessRecord.objects.get(filters={"pdf": "sheet"}).count == 1
    response = api.get(f"/api/v1/cards/sheet.pdf?ids={good.pk},{expired.pk}")
    assert response.status_code == 400
    assert response.json()["fields"] == {"ids": [expired.pk]}


def test_nothing_to_print_says_so(cbo):
    response = client_for(cbo.user).get("/api/v1/cards/sheet.pdf")
    assert response.status_code == 400
    assert response.json()["code"] == "cards_not_printable"


@pytest.mark.parametrize(
    "ids",
    [
        "1,x",
        "0",
        "-3",
        "99999999999999999999",
        "1.5",
        ",".join(str(n) for n in range(1, MAX_SHEET_CARDS + 2)),
    ],
)
def test_malformed_card_ids_are_a_validation_error(cbo, ids):
    response = client_for(cbo.user).get("/api/v1/cards/sheet.pdf", {"ids": ids})
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["ids"]


def test_more_cards_than_one_run_holds_are_refused_without_ids(cbo, card_in, monkeypatch):
    monkeypatch.setattr("printing.services.MAX_SHEET_CARDS", 2)
    for _ in range(3):
        card_in("es")
    response = client_for(cbo.user).get("/api/v1/cards/sheet.pdf")
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["ids"]


# --- flyers ------------------------------------------------------------------------------------


@pytest.fixture
def session(db):
    return SessionFactory(summit__organizers=[UserFactory()])


def flyer(user, event, **query):
    return client_for(user).get(f"/api/v1/events/{event.pk}/flyer.pdf", query)


def test_only_the_events_organisers_print_its_flyer(session):
    organiser = session.summit.organizers.get()
    assert flyer(organiser, session.event, phone="718 555 0142").status_code == 200
    other = UserFactory(roles=[Role.ORGANISER])
    assert flyer(other, session.event, phone="718 555 0142").status_code == 403
    draft = SessionFactory(summit=session.summit, event__status="draft").event
    assert flyer(other, draft).status_code == 404
    assert flyer(organiser, EventFactory()).status_code == 403


def test_a_flyer_needs_a_number_to_call(session):
    organiser = session.summit.organizers.get()
    response = flyer(organiser, session.event)
    assert response.status_code == 400
    assert response.json()["code"] == "help_phone_needed"
    with override_settings(HELP_PHONE="+12125550100"):
        response = flyer(organiser, session.event)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'filename="flyer-{session.event.pk}-en.pdf"')


@pytest.mark.parametrize(
    ("query", "field"),
    [({"language": "xx", "phone": "7185550142"}, "language"), ({"phone": "12"}, "phone")],
)
def test_a_wrong_language_or_phone_is_named(session, query, field):
    response = flyer(session.summit.organizers.get(), session.event, **query)
    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]


# --- door posters ----------------------------------------------------------------------------


def test_a_schools_staff_and_organisers_print_its_poster(chair, school, cbo):
    url = f"/api/v1/schools/{school.pk}/poster.pdf"
    assert client_for(chair).get(url).status_code == 200
    assert client_for(UserFactory(roles=[Role.ORGANISER])).get(url).status_code == 200
    assert client_for(cbo.user).get(url).status_code == 403
    other = SchoolFactory()
    assert client_for(chair).get(f"/api/v1/schools/{other.pk}/poster.pdf").status_code == 403
    assert client_for(chair).get("/api/v1/schools/999999/poster.pdf").status_code == 404


def test_a_help_number_that_is_not_one_fails_the_system_check(settings):
    from printing.checks import help_phone_is_a_number

    settings.HELP_PHONE = "call the office"
    assert [error.id for error in help_phone_is_a_number()] == ["printing.E001"]
    settings.HELP_PHONE = "(718) 555-0100"
    assert help_phone_is_a_number() == []


def test_expired_cards_do_not_count_against_a_run(cbo, card_in, monkeypatch):
    monkeypatch.setattr("printing.services.MAX_SHEET_CARDS", 2)
    for card in (card_in("es"), card_in("es")):
        expire(card)
    card_in("bn")
    response = client_for(cbo.user).get("/api/v1/cards/sheet.pdf")
    assert response.status_code == 200
    assert AccessRecord.objects.get(filters={"pdf": "sheet"}).count == 1
