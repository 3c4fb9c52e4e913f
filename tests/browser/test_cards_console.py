"""The issuers' parent-card console (/cards): CBO staff issue a card, revoke one after a
confirmation and re-issue a lost one (a new number); the card and sheet PDF links answer
with PDFs through the page's own session; a school's chair sees her school's cards; a
plain parent has no link and is refused; the page reads right to left in Arabic."""

import re

import pytest
from playwright.sync_api import Page, expect

from cards.models import Card
from events_api.people.models import Organization, School, User
from tests.browser.conftest import assert_accessible, h1, open_signed_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CBO = "cbo@demo.opendoors.nyc"
CHAIR = "parent@demo.opendoors.nyc"  # Farida chairs the I.S. 136 welcoming committee
PLAIN_PARENT = "parent4@demo.opendoors.nyc"  # a plain member of a committee
LA_UNION = "La Union (Fifth Avenue Committee)"


def console(open_page, email: str, language: str = "en") -> Page:
    page = open_signed_in(open_page, "/cards", email, language=language)
    expect(page.locator("li.parent-card").first).to_be_visible()
    return page


def card_item(page: Page, name: str):
    return page.locator("li.parent-card", has=page.get_by_role("heading", name=name, exact=True))


def assert_pdf(page: Page, href: str) -> None:
    """The link's PDF, fetched with the page's own session cookie."""
    response = page.request.get(href)
    assert response.status == 200, response.text()
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_cbo_staff_issue_a_card_and_see_it_listed(open_page):
    la_union = Organization.objects.get(name=LA_UNION)
    page = console(open_page, CBO)
    expect(h1(page)).to_have_text("Parent cards")
    expect(page.locator("main h1")).to_have_count(1)
    expect(page.get_by_text("it is written to the access log")).to_be_visible()
    expect(page.locator("li.parent-card")).to_have_count(
        Card.objects.filter(organization=la_union).count()
    )
    maria = card_item(page, "María López")
    expect(maria.locator('bdi[dir="ltr"]').first).to_have_text("RQ7K4MXA")
    expect(maria.locator(".badge")).to_have_text("Valid")
    expect(maria).to_contain_text("Rosa (La Union)")
    expect(card_item(page, "Lucía Ramírez").locator(".badge")).to_have_text("Expired")
    expect(page.locator("li.parent-card .badge", has_text="Replaced")).to_have_count(1)
    # The nav link leads here.
    expect(
        page.get_by_role("navigation").get_by_role("link", name="Parent cards")
    ).to_have_attribute("href", "/cards")

    # Nothing filled in: the API's errors in a summary and beside each field.
    form = page.locator("form.cards-issue")
    expect(form.get_by_label("Issued by")).to_have_value(f"organization:{la_union.pk}")
    form.get_by_role("button", name="Issue the card").click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("The parent's name")
    expect(page.locator("#field-holder_name-error")).to_be_visible()
    expect(page.locator("#field-preferred_language-error")).to_be_visible()

    # Half filled: what was typed stays.
    form.get_by_label("The parent's name").fill("Amina Diallo")
    form.get_by_label("Phone (optional)").fill("(718) 555-0100")
    form.get_by_role("button", name="Issue the card").click()
    expect(page.locator("#field-preferred_language-error")).to_be_visible()
    expect(page.locator("#field-holder_name-error")).to_have_count(0)
    expect(form.get_by_label("The parent's name")).to_have_value("Amina Diallo")
    expect(form.get_by_label("Phone (optional)")).to_have_value("(718) 555-0100")

    form.get_by_label("Language").select_option("es")
    form.get_by_label("Her children's schools (optional)").select_option(
        label="P.S. 172 Beacon School of Excellence"
    )
    screenshot(page, "cards-issue-form")
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/cards/") and r.request.method == "POST"
    ) as answer:
        form.get_by_role("button", name="Issue the card").click()
    assert answer.value.status == 201
    card = Card.objects.get(holder_name="Amina Diallo")
    assert card.organization_id == la_union.pk
    assert card.issued_by == User.objects.get(email=CBO)
    assert card.phone == "+17185550100"
    assert card.preferred_language_id == "es"
    assert list(card.schools.values_list("dbn", flat=True)) == ["15K172"]

    new = page.locator("li.parent-card").first
    expect(new.get_by_role("heading", level=3)).to_have_text("Amina Diallo")
    expect(new.get_by_role("status")).to_contain_text(f"Card {card.number} is issued.")
    expect(new.get_by_role("status")).to_be_focused()
    expect(new.locator('bdi[dir="ltr"]').first).to_have_text(card.number)
    expect(new.locator(".badge")).to_have_text("Valid")
    link = new.get_by_role("link", name="Print this card")
    expect(link).to_have_attribute("href", f"/api/v1/cards/{card.pk}/card.pdf")
    expect(link).to_have_attribute("target", "_blank")
    # The form is empty again, ready for the next parent.
    expect(form.get_by_label("The parent's name")).to_have_value("")
    assert_pdf(page, link.get_attribute("href"))
    screenshot(page, "cards-issued")
    assert_accessible(page)


def test_cbo_staff_revoke_reissue_and_print_sheets(open_page):
    page = console(open_page, CBO)
    juana = card_item(page, "Juana Tzoc")
    number = "TC9HVE3N"

    # Revoke asks first; "no" keeps the card.
    juana.get_by_role("button", name="Revoke").click()
    question = juana.get_by_role("group")
    expect(question).to_contain_text(f"Revoke the card of Juana Tzoc ({number})?")
    expect(question.locator("p").first).to_be_focused()
    juana.get_by_role("button", name="No, go back").click()
    expect(juana.locator(".badge")).to_have_text("Valid")
    assert Card.objects.get(number=number).revoked_at is None
    juana.get_by_role("button", name="Revoke").click()
    juana.get_by_role("button", name="Yes, revoke it").click()
    expect(juana.get_by_role("status")).to_have_text(f"Card {number} is revoked.")
    expect(juana.locator(".badge")).to_have_text("Revoked")
    expect(juana.get_by_role("button", name="Revoke")).to_have_count(0)
    expect(juana.get_by_role("link", name="Print this card")).to_have_count(0)
    assert Card.objects.get(number=number).status == "revoked"

    # Re-issue a lost card: the old number stops, a new card is shown first.
    maria = page.locator(f"#card-{Card.objects.get(number='RQ7K4MXA').pk}")
    maria.get_by_role("button", name="Re-issue (lost card)").click()
    expect(maria.get_by_role("group")).to_contain_text("The old number RQ7K4MXA stops working")
    with page.expect_response(lambda r: "/reissue/" in r.url) as answer:
        maria.get_by_role("button", name="Yes, make a new card").click()
    assert answer.value.status == 201
    old = Card.objects.get(number="RQ7K4MXA")
    new = Card.objects.get(replaces=old)
    assert old.status == "revoked" and new.status == "valid" and new.number != old.number
    first = page.locator("li.parent-card").first
    expect(first.get_by_role("heading", level=3)).to_have_text("María López")
    expect(first.get_by_role("status")).to_contain_text(
        f"New card {new.number} is issued. The old number RQ7K4MXA no longer works."
    )
    expect(first.get_by_role("link", name="Print this card")).to_have_attribute(
        "href", f"/api/v1/cards/{new.pk}/card.pdf"
    )
    expect(maria.locator(".badge")).to_have_text("Replaced")
    expect(maria.get_by_role("button")).to_have_count(0)
    screenshot(page, "cards-after-revoke-reissue")

    # A sheet of the ticked cards, and one of every valid card.
    expect(page.get_by_text("No card ticked yet.")).to_be_visible()
    ana = Card.objects.get(number="MH3XKT7C")
    page.get_by_label("Put María López's card on the sheet").check()
    page.get_by_label("Put Ana Morales's card on the sheet").check()
    sheet = page.get_by_role("link", name="Print a sheet of the 2 selected cards")
    expect(sheet).to_have_attribute("href", f"/api/v1/cards/sheet.pdf?ids={new.pk},{ana.pk}")
    assert_pdf(page, sheet.get_attribute("href"))
    every = page.get_by_role("link", name="Print all valid cards")
    expect(every).to_have_attribute("href", "/api/v1/cards/sheet.pdf")
    assert_pdf(page, every.get_attribute("href"))
    assert_accessible(page)


def test_a_school_chair_sees_her_school_cards_only(open_page):
    is136 = School.objects.get(dbn="15K136")
    page = console(open_page, CHAIR)
    expect(page.locator("li.parent-card")).to_have_count(Card.objects.filter(school=is136).count())
    expect(card_item(page, "Amina Yusuf")).to_contain_text(is136.name)
    expect(card_item(page, "Juana Tzoc")).to_have_count(0)
    # A chair issues in her school's name: no organisation to choose.
    issuer = page.locator("form.cards-issue").get_by_label("Issued by")
    expect(issuer.locator("optgroup")).to_have_count(1)
    expect(issuer.locator(f'option[value="school:{is136.pk}"]')).to_have_count(1)


def test_a_plain_parent_has_no_link_and_is_refused(open_page):
    page = open_signed_in(open_page, "/", PLAIN_PARENT)
    expect(
        page.get_by_role("navigation").get_by_role("link", name="My registrations")
    ).to_be_visible()
    expect(page.get_by_role("navigation").get_by_role("link", name="Parent cards")).to_have_count(0)
    page.goto("/cards")
    expect(h1(page)).to_have_text("Parent cards")
    expect(page.get_by_role("alert")).to_have_text(
        "This page is for school staff and community organisation staff who issue parent cards."
    )
    expect(page.locator("li.parent-card")).to_have_count(0)
    expect(page.locator("form")).to_have_count(0)
    assert page.request.get("/api/v1/cards/").status == 403
    assert page.request.get("/api/v1/cards/sheet.pdf").status == 403


def test_signed_out_visitors_are_asked_to_sign_in(open_page):
    page = open_page("/cards")
    expect(h1(page)).to_have_text("Parent cards")
    expect(page.locator("main").get_by_role("link", name=re.compile("Sign in"))).to_have_attribute(
        "href", "/account/sign-in?next=%2Fcards"
    )


@pytest.mark.parametrize("language", ["en", "bn", "ar"])
def test_the_console_is_accessible(open_page, language):
    page = console(open_page, CBO, language)
    if language == "ar":
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(h1(page)).to_have_text("بطاقات أولياء الأمور")
        expect(card_item(page, "María López").locator(".badge")).to_have_text("صالحة")
        # The number keeps its order inside Arabic text.
        expect(card_item(page, "María López").locator('bdi[dir="ltr"]').first).to_have_text(
            "RQ7K4MXA"
        )
    # Keyboard: the first field takes the focus with Tab, and shows it.
    page.locator("form.cards-issue").get_by_role("textbox").first.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    screenshot(page, f"cards-console-{language}")
    assert_accessible(page)
    # 320 px wide: nothing sticks out sideways.
    page.set_viewport_size({"width": 320, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    if language == "en":
        page.set_viewport_size({"width": 820, "height": 1180})
        screenshot(page, "cards-console-tablet")
