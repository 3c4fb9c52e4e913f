"""The page a parent card's QR code opens (/cards/verify?c=…): anyone sees whether the card
is good, who issued it and until when, never who holds it; a door volunteer also sees the
holder; withdrawn and forged cards say so; a number can be typed; Arabic reads right to
left. At the door, a volunteer checks a card's holder in, or registers her as a walk-in."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from cards import services
from cards.models import Card
from events_api.events.models import Event, Registration
from events_api.events.passes import qr_png
from events_api.events.services import registration
from events_api.people.models import Organization, School, User
from tests.browser.conftest import assert_accessible, csrf, h1, screenshot, sign_in
from tests.browser.test_account import TALK

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DOOR = "door@demo.opendoors.nyc"
CBO = "cbo@demo.opendoors.nyc"
ISSUER = "La Union (Fifth Avenue Committee)"
SCHOOL = "P.S. 172 Beacon School of Excellence"


def issue(name: str = "Marisol Quispe", **options) -> Card:
    """A card La Union (a demo CBO) issues to a parent with a phone and no account."""
    staff = User.objects.get(email=CBO)
    return services.issue(
        holder=services.Holder(
            name=name,
            preferred_language="es",
            schools=[School.objects.get(name=SCHOOL)],
            phone="+17185550142",
        ),
        by=staff,
        organization=Organization.objects.get(name=ISSUER),
        **options,
    )


def scan_path(card: Card) -> str:
    """What a phone opens from the card's QR code, on this server."""
    url = urlsplit(services.signing.verification_url(card.number))
    return f"{url.path}?{url.query}"


def result(page: Page):
    return page.locator("#verify-result")


def until(card: Card) -> str:
    return f"{card.expires_on:%B} {card.expires_on.day}, {card.expires_on.year}"


def test_anyone_scanning_a_valid_card_sees_issuer_and_date_not_the_holder(open_page):
    card = issue()
    with_answer = open_page("/", "en")
    expect(h1(with_answer)).to_be_visible()
    with with_answer.expect_response("**/api/v1/cards/verify/") as answer:
        with_answer.goto(scan_path(card))
    assert answer.value.status == 200
    page = with_answer
    expect(h1(page)).to_have_text("Check a parent card")
    expect(page.locator("main h1")).to_have_count(1)
    box = result(page)
    expect(box.locator(".verify-verdict")).to_have_text("Valid card")
    expect(box).to_contain_text("La Union")
    expect(box).to_contain_text(until(card))
    expect(box).not_to_contain_text("Marisol")
    expect(box).not_to_contain_text(card.number[:4])
    expect(box).to_contain_text("This page does not show who holds the card.")
    assert "Marisol" not in page.content()
    assert_accessible(page)
    screenshot(page, "card-verify-valid-anonymous-phone")

    # At 320 px nothing runs off the side.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot(page, "card-verify-valid-anonymous-320")


def test_a_door_volunteer_sees_who_holds_the_card(open_page):
    card = issue()
    page = open_page("/", "en")
    expect(h1(page)).to_be_visible()
    sign_in(page, DOOR)
    page.goto(scan_path(card))
    box = result(page)
    expect(box.locator(".verify-verdict")).to_have_text("Valid card")
    expect(box.locator(".verify-name")).to_have_text("Marisol Quispe")
    expect(box).to_contain_text("Spanish")
    expect(box).to_contain_text(SCHOOL)
    expect(box.locator("bdi[dir=ltr]")).to_have_text(f"{card.number[:4]} {card.number[4:]}")
    expect(box).to_contain_text("Each look is recorded.")
    assert_accessible(page)
    screenshot(page, "card-verify-valid-door-phone")


def test_a_withdrawn_card_and_a_forged_code_are_refused(open_page):
    card = issue()
    services.revoke(card=card, by=User.objects.get(email=CBO))
    page = open_page(scan_path(card), "en")
    box = result(page)
    expect(box.locator(".verify-verdict")).to_have_text("This card has been withdrawn")
    expect(box).to_contain_text("Do not accept it.")
    expect(box).not_to_contain_text("La Union")
    assert_accessible(page)
    screenshot(page, "card-verify-revoked-phone")

    good = issue("Amina Diallo")
    forged = scan_path(good)
    forged = forged[:-1] + ("A" if forged[-1] != "A" else "C")
    page.goto(forged)
    expect(box.locator(".verify-verdict")).to_have_text("Not a real card: do not accept it")
    expect(box).not_to_contain_text("La Union")
    assert_accessible(page)
    screenshot(page, "card-verify-forged-phone")

    old = issue("Chen Mei")
    Card.objects.filter(pk=old.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    page.goto(scan_path(old))
    expect(box.locator(".verify-verdict")).to_have_text("This card has expired")


def test_a_typed_number_is_checked_and_a_wrong_one_said_so(open_page):
    card = issue()
    page = open_page("/cards/verify", "en")
    expect(h1(page)).to_have_text("Check a parent card")
    expect(result(page)).to_contain_text("type the number printed on it")
    field = page.get_by_role("textbox", name="Card number")

    # Too short: said beside the field, nothing sent.
    field.fill("AB3")
    field.press("Enter")
    expect(page.locator("#field-number-error")).to_have_text(
        "A card number has 8 letters and digits. Please check it."
    )

    # Lower case, with a dash, as it may be read out.
    typed = f"{card.number[:4]}-{card.number[4:]}".lower()
    field.fill(typed)
    with page.expect_response("**/api/v1/cards/verify/") as answer:
        page.get_by_role("button", name="Check the card").click()
    assert answer.value.status == 200
    box = result(page)
    expect(box.locator(".verify-verdict")).to_have_text("Valid card")
    expect(box).to_contain_text("La Union")
    expect(page.locator("#field-number-error")).to_have_count(0)

    # A number no card has.
    unknown = "ACDEFGHJ" if card.number != "ACDEFGHJ" else "ACDEFGHK"
    field.fill(unknown)
    field.press("Enter")
    expect(box.locator(".verify-verdict")).to_have_text("No card has this number")
    assert_accessible(page)
    screenshot(page, "card-verify-typed-unknown-phone")


def test_the_page_in_arabic_reads_right_to_left(open_page):
    card = issue()
    page = open_page(scan_path(card), "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    box = result(page)
    expect(box.locator(".verify-verdict")).to_have_text("بطاقة صالحة")
    expect(box).to_contain_text("La Union")
    expect(box).not_to_contain_text("Marisol")
    assert_accessible(page)
    screenshot(page, "card-verify-valid-ar-phone")

    page.goto("/cards/verify")
    field = page.locator("#field-number")
    field.fill("AB")
    field.press("Enter")
    expect(page.locator("#field-number-error")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "card-verify-typed-error-ar-phone")


def test_a_door_volunteer_checks_a_card_holder_in_or_registers_her_as_a_walk_in(
    open_page, tmp_path
):
    event = Event.objects.get(title__en=TALK)
    card = issue()
    registered = registration.register(
        event_id=event.pk,
        contact=registration.Contact(name="Marisol Quispe", phone="+17185550142"),
        party=registration.Party(adults=1, children=2),
        needs=registration.Needs(),
    ).registration
    # No phone, no email: a phone is asked at the door.
    newcomer = services.issue(
        holder=services.Holder(name="Zainab Hamid", preferred_language="ar"),
        by=User.objects.get(email=CBO),
        organization=Organization.objects.get(name=ISSUER),
    )

    page = open_page("/", "en")
    expect(h1(page)).to_be_visible()
    sign_in(page, DOOR)
    page.goto(f"/door/{event.pk}")
    expect(page.locator("#door-code")).to_be_visible()
    section = page.get_by_role("region", name="Check in with a parent card")
    number = section.get_by_role("textbox", name="Card number")
    assert_accessible(page)

    # A number too short: said beside the field, nothing sent.
    number.fill("ACD")
    number.press("Enter")
    expect(section.locator("#field-card_number-error")).to_have_text(
        "A card number has 8 letters and digits. Please check it."
    )

    # Her card's number, typed: her registration is checked in, shown as a pass's would be.
    number.fill(card.number.lower())
    with page.expect_response("**/card-check-in/") as answer:
        section.get_by_role("button", name="Check in with the card").click()
    assert answer.value.status == 200
    result = page.locator("#door-result")
    expect(result.locator(".door-verdict")).to_have_text("Checked in")
    expect(result.locator(".door-name")).to_have_text("Marisol Quispe")
    expect(result).to_contain_text("Adults: 1, children: 2")
    expect(number).to_have_value("")
    registered.refresh_from_db()
    assert registered.status == "checked_in"
    assert registered.checked_in_by.email == DOOR
    screenshot(page, "door-card-checked-in-phone")

    # A card whose holder has no registration: "register as a walk-in", and since the card
    # has no phone or email, the API asks for one.
    number.fill(newcomer.number)
    number.press("Enter")
    answer_box = section.locator("#door-card-answer")
    expect(answer_box.locator(".door-verdict")).to_have_text("Not registered for this event")
    walk_in = section.get_by_role("form", name="Register as a walk-in")
    walk_in.get_by_role("spinbutton", name="Adults").fill("1")
    walk_in.get_by_role("spinbutton", name="Children").fill("1")
    walk_in.get_by_role("button", name="Register and check in").click()
    phone = walk_in.get_by_role("textbox", name="Phone")
    expect(phone).to_be_visible()
    expect(walk_in.locator("#field-card_phone-error")).not_to_be_empty()
    assert_accessible(page)
    screenshot(page, "door-card-walk-in-phone")
    phone.fill("718-555-0199")
    with page.expect_response("**/card-walk-in/") as answer:
        walk_in.get_by_role("button", name="Register and check in").click()
    assert answer.value.status == 201
    expect(result.locator(".door-name")).to_have_text("Zainab Hamid")
    expect(result).to_contain_text("Adults: 1, children: 1")
    expect(walk_in).to_have_count(0)
    joined = Registration.objects.get(event=event, name="Zainab Hamid")
    assert joined.status == "checked_in"
    assert joined.phone == "+17185550199"

    # Marisol's card again, its QR code read from a picture: already checked in.
    picture = tmp_path / "card.png"
    picture.write_bytes(qr_png(services.signing.verification_url(card.number)))
    with page.expect_response("**/card-check-in/") as answer:
        section.locator("#door-card-picture").set_input_files(str(picture))
    assert answer.value.status == 200
    expect(result.locator(".door-verdict")).to_have_text("Already checked in")
    expect(result.locator(".door-name")).to_have_text("Marisol Quispe")


def test_too_many_wrong_numbers_are_refused_for_a_while(open_page, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "token_guess": "3/min"}
    page = open_page("/cards/verify", "en")
    expect(h1(page)).to_have_text("Check a parent card")
    # Wrong numbers from this address count as guesses, as wrong pass codes do.
    answers = [
        page.request.post(
            "/api/v1/cards/verify/",
            data={"number": "ACDEFGHJ"},
            headers={"X-CSRFToken": csrf(page)},
        ).status
        for _ in range(4)
    ]
    assert answers == [404, 404, 404, 429]
    field = page.get_by_role("textbox", name="Card number")
    field.fill("ACDE FGHK")
    with page.expect_response("**/api/v1/cards/verify/") as answer:
        field.press("Enter")
    assert answer.value.status == 429
    box = result(page)
    expect(box.locator(".verify-verdict")).to_have_text("Too many tries")
    # The API says how long to wait.
    expect(box.locator(".verify-message")).to_contain_text("Please wait")
    assert_accessible(page)
    screenshot(page, "card-verify-throttled-phone")
