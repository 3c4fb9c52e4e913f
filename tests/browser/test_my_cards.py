"""A parent's own parent cards on her "My registrations" page (/me/registrations): each
card with her name, the number as printed, the issuer, the last valid day and the status in
words; a valid card links to its own verification page, a withdrawn one says to ask the
issuer for a new one; a parent with no card sees no such section; Arabic reads right to
left."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from cards import services
from cards.models import Card
from events_api.people.models import Organization, User
from tests.browser.conftest import assert_accessible, h1, open_signed_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PARENT = "parent3@demo.opendoors.nyc"  # Mei Lin, a plain parent with an account
NO_CARDS = "parent2@demo.opendoors.nyc"  # Carla Trujillo, who holds no card
CBO = "cbo@demo.opendoors.nyc"
ISSUER = "La Union (Fifth Avenue Committee)"


def give_cards() -> tuple[Card, Card]:
    """La Union issues Mei two cards to her account's email and withdraws the first."""
    staff = User.objects.get(email=CBO)
    organization = Organization.objects.get(name=ISSUER)

    def issue() -> Card:
        holder = services.Holder(name="Mei Lin", preferred_language="zh-hans", email=PARENT)
        return services.issue(holder=holder, by=staff, organization=organization)

    withdrawn = services.revoke(card=issue(), by=staff)
    valid = issue()
    parent = User.objects.get(email=PARENT)
    assert (valid.user, withdrawn.user) == (parent, parent)
    assert (valid.status, withdrawn.status) == ("valid", "revoked")
    return valid, withdrawn


def printed(card: Card) -> str:
    return f"{card.number[:4]} {card.number[4:]}"


def until(card: Card, month: str = "%b") -> str:
    """The last valid day as the page writes it in English ("Nov 30, 2027"; with "%B", as
    the verification page does: "November 30, 2027")."""
    return f"{card.expires_on.strftime(month)} {card.expires_on.day}, {card.expires_on.year}"


def scan_path(card: Card) -> str:
    """The card's verification link (what its QR code holds), on this server."""
    url = urlsplit(services.signing.verification_url(card.number))
    return f"{url.path}?{url.query}"


def cards_page(open_page, email: str, language: str = "en") -> tuple[Page, int]:
    """My registrations, signed in as ``email``, once both of the page's lists have come
    and been drawn; with how many cards the API said she holds."""
    page = open_signed_in(open_page, "/", email, language=language)
    with (
        page.expect_response("**/api/v1/me/cards/**") as cards,
        page.expect_response("**/api/v1/me/registrations/**") as registrations,
    ):
        page.goto("/me/registrations")
    assert cards.value.status == 200
    assert registrations.value.status == 200
    page.wait_for_load_state("networkidle")
    # Both answers are in: let the page draw them (two frames), so absence means absent.
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    return page, cards.value.json()["count"]


def test_a_parent_sees_her_cards_and_shows_the_valid_one(open_page):
    valid, withdrawn = give_cards()
    page, count = cards_page(open_page, PARENT)
    assert count == 2
    expect(h1(page)).to_have_text("My registrations")
    section = page.get_by_role("region", name="My parent cards")
    expect(section.locator("li.my-card")).to_have_count(2)

    good = section.locator(f"#my-card-{valid.pk}")
    expect(good.get_by_role("heading", level=3)).to_have_text("Mei Lin")
    number = good.locator(".my-card-number bdi")
    expect(number).to_have_text(printed(valid))
    expect(number).to_have_attribute("dir", "ltr")
    expect(good).to_contain_text(f"Issued by{ISSUER}")
    expect(good.locator("time")).to_have_text(until(valid))
    expect(good.locator("time")).to_have_attribute("datetime", valid.expires_on.isoformat())
    expect(good.locator(".badge")).to_have_text("Valid")
    expect(good).not_to_contain_text("Ask")

    gone = section.locator(f"#my-card-{withdrawn.pk}")
    expect(gone.locator(".my-card-number bdi")).to_have_text(printed(withdrawn))
    expect(gone.locator(".badge")).to_have_text("Withdrawn")
    expect(gone).to_contain_text(f"This card can no longer be used. Ask {ISSUER} for a new one.")
    expect(gone.get_by_role("link")).to_have_count(0)

    # Below her registrations, above the account's own section.
    expect(page.get_by_role("region", name="Your information")).to_be_visible()
    order = page.evaluate(
        """() => {
            const cards = document.querySelector("section.my-cards");
            const data = document.getElementById("my-data-heading");
            return Boolean(cards.compareDocumentPosition(data) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert order
    screenshot(page, "my-cards-en")
    assert_accessible(page)

    link = good.get_by_role("link", name="Show that my card is valid")
    expect(link).to_have_attribute("href", scan_path(valid))
    assert scan_path(valid).startswith("/cards/verify?c=")
    with page.expect_response("**/api/v1/cards/verify/") as verification:
        link.click()
    assert verification.value.status == 200
    page.wait_for_url(re.compile(r"/cards/verify\?c="))
    result = page.locator("#verify-result")
    expect(result).to_contain_text("Valid card")
    expect(result).to_contain_text(ISSUER)
    expect(result).to_contain_text(until(valid, "%B"))


def test_a_parent_with_no_card_sees_no_cards_section(open_page):
    give_cards()  # Mei's cards are hers alone
    page, count = cards_page(open_page, NO_CARDS)
    assert count == 0
    expect(h1(page)).to_have_text("My registrations")
    expect(page.get_by_role("region", name="Your information")).to_be_visible()
    expect(page.get_by_role("heading", name="My parent cards")).to_have_count(0)
    expect(page.locator("li.my-card")).to_have_count(0)
    expect(page.locator(".my-cards")).to_have_count(0)


def test_my_cards_read_right_to_left_in_arabic(open_page):
    valid, withdrawn = give_cards()
    page, count = cards_page(open_page, PARENT, "ar")
    assert count == 2
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    section = page.get_by_role("region", name="بطاقات ولي الأمر الخاصة بي")
    expect(section.locator("li.my-card")).to_have_count(2)
    number = section.locator(f"#my-card-{valid.pk} .my-card-number bdi")
    expect(number).to_have_text(printed(valid))
    expect(number).to_have_attribute("dir", "ltr")
    expect(section.locator(f"#my-card-{valid.pk} .badge")).to_have_text("صالحة")
    expect(section.locator(f"#my-card-{withdrawn.pk} .badge")).to_have_text("مسحوبة")
    expect(section.get_by_role("link", name="إظهار أن بطاقتي صالحة")).to_have_count(1)
    # The card's start edge is on the right: the heading's text begins at the right side.
    box = section.locator(f"#my-card-{valid.pk}").bounding_box()
    heading = section.locator(f"#my-card-{valid.pk} h3 bdi").bounding_box()
    assert heading["x"] + heading["width"] > box["x"] + box["width"] / 2
    screenshot(page, "my-cards-ar")
    assert_accessible(page)


def test_the_registrations_do_not_wait_for_the_cards(open_page):
    """The cards come on their own: while their answer is held back, the registrations are
    shown (and no cards section yet); once it comes, the cards appear below them."""
    give_cards()
    page = open_signed_in(open_page, "/", PARENT)
    held = []
    page.route("**/api/v1/me/cards/**", lambda route: held.append(route))
    with page.expect_request("**/api/v1/me/cards/**"):
        page.goto("/me/registrations")
    expect(page.get_by_text("You have no registrations yet.")).to_be_visible()
    expect(page.get_by_role("region", name="Your information")).to_be_visible()
    assert len(held) == 1
    expect(page.get_by_role("region", name="My parent cards")).to_have_count(0)
    held[0].continue_()
    section = page.get_by_role("region", name="My parent cards")
    expect(section.locator("li.my-card")).to_have_count(2)
