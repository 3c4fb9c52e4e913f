"""CBO staff register families on their behalf (with recorded consent), one after another,
then see, change and cancel them; others get a kind word and a way to sign in."""

import pytest
from playwright.sync_api import Page, expect

from events_api.events.consent import CONSENT_VERSION, consent_text
from events_api.events.models import Event, Registration
from events_api.people.models import Organization, User
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_account import CBO, PARENT, TALK, h1, sign_in, spoken

# Transactional (a live server), restoring the migrations' data after each test like the
# other live-server tests, so tests that follow see the same database.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LA_UNION = "La Union (Fifth Avenue Committee)"


def register_family(page: Page, name: str, *, phone: str = "", adults: int, children: int) -> str:
    """Fills the three screens for one family and returns the code shown at the end."""
    expect(h1(page)).to_have_text("Which family are you registering?")
    expect(page.get_by_label("The family member's name")).to_have_value("")
    page.get_by_label("The family member's name").fill(name)
    if phone:
        page.get_by_label("The family's phone number").fill(phone)
    page.get_by_label(f"The family agreed that {LA_UNION} registers them").check()
    page.get_by_role("button", name="Next").click()
    expect(h1(page)).to_have_text("Your family and your needs")
    page.get_by_label("Adults").fill(str(adults))
    page.get_by_label("Children", exact=True).fill(str(children))
    page.get_by_role("button", name="Next").click()
    expect(h1(page)).to_have_text("Check and register")
    page.get_by_role("button", name="Register", exact=True).click()
    expect(h1(page)).to_have_text(f"{name} is registered")
    expect(page.get_by_text("The family has a seat.")).to_be_visible()
    return page.locator("#pass-code bdi").inner_text()


def test_cbo_staff_register_two_families_then_change_and_cancel(open_page):
    event = Event.objects.get(title__en=TALK)
    la_union = Organization.objects.get(name=LA_UNION)
    staff = User.objects.get(email=CBO)
    page = open_page("/")
    sign_in(page, CBO)
    page.goto("/cbo/registrations")
    expect(h1(page)).to_have_text("Families we registered")
    page.get_by_role("link", name="Register a family").click()
    expect(h1(page)).to_have_text("Register a family")
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#field-event-error")).to_have_text("Please choose an event.")
    page.get_by_label("Event").select_option(str(event.pk))
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(f"**/cbo/register?event={event.pk}")
    # The organisation's whole name, not its short one (to_have_text with a string matches
    # the whole text).
    registering_for = page.locator(".for-organization > span:first-child")
    expect(registering_for).to_have_text(f"Registering for {LA_UNION}")
    screenshot(page, "cbo-register-form")
    assert_accessible(page)

    first_code = register_family(page, "Amina Diallo", phone="(718) 555-0199", adults=2, children=1)
    page.get_by_role("button", name="Register another family").click()
    second_code = register_family(page, "Chen Mei", adults=1, children=0)
    assert first_code != second_code
    screenshot(page, "cbo-register-done")

    rows = Registration.objects.filter(event=event, organization=la_union).order_by("id")
    assert [(r.name, r.adults, r.children, r.source) for r in rows] == [
        ("Amina Diallo", 2, 1, "cbo"),
        ("Chen Mei", 1, 0, "cbo"),
    ]
    assert all(r.consent_at is not None for r in rows)
    assert all(r.registered_by_id == staff.pk and r.user_id is None for r in rows)
    assert [spoken(r.pass_code) for r in rows] == [first_code, second_code]
    assert rows[0].phone == "+17185550199"
    assert [r.status for r in rows] == ["confirmed", "confirmed"]

    expect(page.get_by_role("link", name="See the families we registered")).to_have_attribute(
        "href", "/cbo/registrations"
    )
    # Opened afresh: router.lazy() renders nothing when a lazy page is opened a second time
    # without a reload (useState(loaded) calls the page as an initialiser); reported.
    page.goto("/cbo/registrations")
    expect(h1(page)).to_have_text("Families we registered")
    amina = page.locator(f"#registration-{rows[0].pk}")
    chen = page.locator(f"#registration-{rows[1].pk}")
    expect(amina.get_by_role("heading", level=2)).to_have_text("Amina Diallo")
    expect(amina.locator("bdi.code")).to_have_text(first_code)
    expect(amina.get_by_role("link", name=TALK)).to_have_attribute("href", f"/events/{event.pk}")
    expect(amina.locator(".badge")).to_have_text("Has a seat")
    expect(amina).to_contain_text("Adults: 2, children: 1")
    expect(chen.locator("bdi.code")).to_have_text(second_code)
    expect(page.locator("li.registration")).to_have_count(
        Registration.objects.filter(organization=la_union).count()
    )

    # Change who is coming.
    chen.get_by_role("button", name="Change who is coming").click()
    expect(chen.get_by_label("Adults")).to_be_focused()
    chen.get_by_label("Adults").fill("2")
    chen.get_by_role("button", name="Save").click()
    expect(chen.get_by_role("status")).to_have_text("Saved.")
    expect(chen).to_contain_text("Adults: 2, children: 0")
    assert Registration.objects.get(pk=rows[1].pk).adults == 2

    # Cancel, after saying yes; "no" keeps it.
    amina.get_by_role("button", name="Cancel registration").click()
    expect(amina.get_by_role("group")).to_contain_text(
        f"Cancel the registration of Amina Diallo for {TALK}? Their seat goes to the next family."
    )
    amina.get_by_role("button", name="No, keep it").click()
    assert Registration.objects.get(pk=rows[0].pk).status == "confirmed"
    amina.get_by_role("button", name="Cancel registration").click()
    amina.get_by_role("button", name="Yes, cancel it").click()
    expect(amina.get_by_role("status")).to_have_text(
        "The registration of Amina Diallo is cancelled."
    )
    expect(amina.locator(".badge")).to_have_text("Cancelled")
    expect(amina.get_by_role("button", name="Cancel registration")).to_have_count(0)
    assert Registration.objects.get(pk=rows[0].pk).status == "cancelled"
    assert Registration.objects.get(pk=rows[1].pk).status == "confirmed"
    screenshot(page, "cbo-registrations-after")


def test_cbo_pages_are_kind_to_everyone_else(open_page):
    page = open_page("/cbo/registrations")
    expect(h1(page)).to_have_text("Families we registered")
    expect(page.get_by_text("This page is for staff of community organisations")).to_be_visible()
    expect(page.locator("main").get_by_role("link", name="Sign in")).to_have_attribute(
        "href", "/account/sign-in?next=%2Fcbo%2Fregistrations"
    )
    # A fresh page (see the note on router.lazy() above).
    page = open_page("/account/sign-in?next=%2Fcbo%2Fregistrations")
    page.get_by_label("Email").fill(PARENT)
    page.get_by_label("Password").fill("open-doors-demo")
    page.locator("main").get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/cbo/registrations")
    expect(page.get_by_text("your account is not linked to one")).to_be_visible()
    la_union = Organization.objects.get(name=LA_UNION)
    answer = page.request.get(f"/api/v1/registrations/?organization={la_union.pk}").json()
    assert answer["count"] == 0


@pytest.mark.parametrize("language", ["en", "bn", "ar"])
def test_cbo_pages_are_accessible(open_page, language):
    page = open_page("/", language)
    sign_in(page, CBO)
    page.goto("/cbo/register")
    expect(page.locator("#field-event option")).not_to_have_count(0)
    expect(h1(page)).to_have_count(1)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    screenshot(page, f"cbo-register-{language}")
    assert_accessible(page)

    page.goto("/cbo/registrations")
    la_union = Registration.objects.filter(organization__name=LA_UNION)
    expect(page.locator("li.registration")).to_have_count(la_union.count())
    expect(h1(page)).to_have_count(1)
    screenshot(page, f"cbo-registrations-{language}")
    assert_accessible(page)


def test_the_consent_text_shown_in_spanish_is_the_one_recorded(open_page):
    """The staff member's page is in Spanish: the checkbox reads the server's consent text
    in Spanish, and the registration keeps that text, its language and its version."""
    event = Event.objects.get(title__en=TALK)
    shown = consent_text(LA_UNION, "es")
    page = open_page("/", "es")
    sign_in(page, CBO)
    page.goto(f"/cbo/register?event={event.pk}")
    consent = page.locator("label[for=field-consent]")
    expect(consent).to_have_text(shown)
    expect(consent).to_have_attribute("lang", "es")
    screenshot(page, "cbo-consent-es")
    assert_accessible(page)
    page.locator("#field-name").fill("Familia Ramírez")
    page.locator("#field-consent").check()
    page.get_by_role("button", name="Siguiente").click()
    expect(h1(page)).to_have_text("Su familia y lo que necesitan")
    page.get_by_role("button", name="Siguiente").click()
    expect(h1(page)).to_have_text("Revisar e inscribirse")
    page.get_by_role("button", name="Inscribirse", exact=True).click()
    expect(page.locator("#pass-code")).to_be_visible()
    row = Registration.objects.get(event=event, name="Familia Ramírez")
    assert (row.consent_language, row.consent_version) == ("es", CONSENT_VERSION)
    assert row.consent_text == shown
    assert shown.startswith(f"La familia aceptó que {LA_UNION}")
    assert row.consent_at is not None
    # The CBO's list shows what the family agreed to, in the language it was read in.
    page.goto("/cbo/registrations")
    card = page.locator(f"#registration-{row.pk}")
    expect(card.locator(".consent-text")).to_have_text(shown)
    expect(card.locator(".consent-text")).to_have_attribute("lang", "es")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_consent_text_reads_in_the_pages_language(open_page, language):
    event = Event.objects.get(title__en=TALK)
    page = open_page("/", language)
    sign_in(page, CBO)
    page.goto(f"/cbo/register?event={event.pk}")
    expect(page.locator("label[for=field-consent]")).to_have_text(consent_text(LA_UNION, language))
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    screenshot(page, f"cbo-consent-{language}")
    assert_accessible(page)
