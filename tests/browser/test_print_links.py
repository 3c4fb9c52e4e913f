"""Links to the printed flyers and door posters on the staff pages: an organiser makes a
Bangla flyer for a session (checked first, then opened in a new tab), a flyer with no
number to call shows the API's message beside the phone field and opens nothing, a chair
makes a flyer for a meeting (the number typed once is kept for the tab), and a chair of a
school's committee opens its door poster, which a secretary is not offered."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from committees.models import Committee, Meeting
from printing.errors import HelpPhoneNeeded
from summits.models import Session
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.conftest import open_signed_in as signed_in
from tests.browser.test_account import PARENT, h1

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ORGANISER = "organiser@demo.opendoors.nyc"
SECRETARY = "parent2@demo.opendoors.nyc"
SESSION = "Getting into your child's school without formal ID"
IS136 = "I.S. 136 parent welcoming committee"
PHONE_TYPED = "(718) 555-0123"
TABLET = {"width": 820, "height": 1180}


def is_pdf(response) -> bool:
    return response.status == 200 and response.headers["content-type"] == "application/pdf"


def flyer_request(event_id: int):
    path = f"/api/v1/events/{event_id}/flyer.pdf"
    return lambda response: response.url.split("?")[0].endswith(path)


def make_flyer(page: Page, event_id: int):
    """Clicks "Make the flyer"; the flyer's answer and the tab it opened."""
    with page.context.expect_page() as opened, page.expect_response(flyer_request(event_id)) as r:
        page.get_by_role("button", name="Make the flyer").click()
    return r.value, opened.value


def organiser_session() -> Session:
    return Session.objects.select_related("event__school").get(event__title__en=SESSION)


def upcoming_meeting() -> Meeting:
    return (
        Meeting.objects.filter(
            committee__name__en=IS136,
            series__isnull=False,
            event__starts_at__gt=timezone.now(),
        )
        .select_related("event")
        .order_by("event__starts_at")
        .first()
    )


def test_organiser_makes_a_bangla_flyer_for_a_session(open_page):
    session = organiser_session()
    event = session.event
    page = signed_in(open_page, f"/organiser/sessions/{session.pk}/attendees", ORGANISER)
    expect(h1(page)).to_have_text(f"Attendees: {SESSION}")
    flyer = page.get_by_role("region", name="Print a flyer")
    language = flyer.get_by_label("Language of the flyer")
    # The 13 interface languages, each in its own name.
    expect(language.locator("option")).to_have_count(13)
    expect(language.locator("option[value=bn]")).to_have_text("বাংলা")
    expect(language.locator("option[value=ar]")).to_have_text("العربية")
    language.select_option("bn")
    flyer.get_by_label("Phone number for help").fill(PHONE_TYPED)

    response, tab = make_flyer(page, event.pk)
    assert is_pdf(response), response.headers
    query = response.url.split("?", 1)[1]
    assert "language=bn" in query
    assert "phone=%28718%29+555-0123" in query
    # The checked PDF itself opens (one request to the server), from a blob address.
    assert tab.url.startswith("blob:"), tab.url
    ready = flyer.locator("[aria-live]")
    expect(ready).to_contain_text("The flyer is ready.")
    link = ready.get_by_role("link", name="Open the flyer (বাংলা)")
    expect(link).to_have_attribute("href", tab.url)
    # What the tab shows is the PDF the check fetched.
    head = page.evaluate(
        """async (url) => {
            const bytes = await (await fetch(url)).arrayBuffer();
            return new TextDecoder().decode(bytes.slice(0, 5));
        }""",
        tab.url,
    )
    assert head == "%PDF-"

    # The session is at a school: its door poster is linked too.
    poster_section = page.get_by_role("region", name="Door poster")
    poster = poster_section.get_by_role("link", name="Open the poster (PDF)")
    expect(poster).to_have_attribute("href", f"/api/v1/schools/{event.school_id}/poster.pdf")
    expect(poster).to_have_attribute("target", "_blank")
    page.bring_to_front()
    screenshot(page, "print-organiser-flyer-en-phone")
    assert_accessible(page)


def test_a_missing_phone_shows_the_apis_message_and_opens_nothing(open_page, settings):
    settings.HELP_PHONE = ""
    session = organiser_session()
    page = signed_in(open_page, f"/organiser/sessions/{session.pk}/attendees", ORGANISER)
    expect(h1(page)).to_have_text(f"Attendees: {SESSION}")
    flyer = page.get_by_role("region", name="Print a flyer")
    phone = flyer.get_by_label("Phone number for help")
    expect(phone).to_have_value("")
    flyer.get_by_label("Language of the flyer").select_option("bn")
    with page.expect_response(flyer_request(session.event_id)) as answer:
        flyer.get_by_role("button", name="Make the flyer").click()
    response = answer.value
    assert response.status == 400
    assert response.json()["code"] == "help_phone_needed"

    message = str(HelpPhoneNeeded.message)
    # Beside the field (and read with it), and in the form's summary, which takes the focus.
    expect(flyer.locator("#field-flyer_phone-error")).to_have_text(message)
    expect(phone).to_have_attribute("aria-invalid", "true")
    summary = flyer.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(f"Phone number for help: {message}")
    expect(flyer.get_by_role("link", name=re.compile("^Open the flyer"))).to_have_count(0)
    assert page.context.pages == [page]
    screenshot(page, "print-flyer-no-phone-en-phone")
    assert_accessible(page)

    # A number that is not one is the API's to say, beside the field too.
    phone.fill("12")
    with page.expect_response(flyer_request(session.event_id)) as answer:
        flyer.get_by_role("button", name="Make the flyer").click()
    bad = answer.value.json()
    assert answer.value.status == 400 and "phone" in bad["fields"], bad
    expect(flyer.locator("#field-flyer_phone-error")).to_have_text(" ".join(bad["fields"]["phone"]))
    assert page.context.pages == [page]


def test_chair_makes_a_flyer_for_a_meeting_and_types_the_phone_once(open_page):
    meeting = upcoming_meeting()
    page = signed_in(open_page, f"/chair/meetings/{meeting.pk}", PARENT)
    expect(h1(page)).to_have_text(meeting.event.title["en"])
    flyer = page.get_by_role("region", name="Print a flyer")
    flyer.get_by_label("Language of the flyer").select_option("es")
    flyer.get_by_label("Phone number for help").fill(PHONE_TYPED)
    response, tab = make_flyer(page, meeting.event_id)
    assert is_pdf(response), response.headers
    assert "language=es" in response.url
    assert tab.url.startswith("blob:")
    expect(flyer.get_by_role("link", name="Open the flyer (Español)")).to_be_visible()
    tab.close()

    # The next language: the number is still there for this tab.
    page.reload()
    expect(h1(page)).to_have_text(meeting.event.title["en"])
    flyer = page.get_by_role("region", name="Print a flyer")
    expect(flyer.get_by_label("Phone number for help")).to_have_value(PHONE_TYPED)
    flyer.get_by_label("Language of the flyer").select_option("zh-hans")
    response, _tab = make_flyer(page, meeting.event_id)
    assert is_pdf(response)
    assert "language=zh-hans" in response.url and "phone=%28718%29" in response.url
    page.bring_to_front()
    screenshot(page, "print-chair-meeting-flyer-en-phone")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_chair_of_a_school_committee_opens_the_door_poster(open_page, language):
    committee = Committee.objects.select_related("school").get(name__en=IS136)
    page = signed_in(
        open_page, f"/chair/committees/{committee.pk}", PARENT, language=language, viewport=TABLET
    )
    expect(h1(page)).to_have_text(re.compile(r"\S"))
    href = f"/api/v1/schools/{committee.school_id}/poster.pdf"
    poster = page.locator(f'a[href="{href}"]')
    expect(poster).to_be_visible()
    expect(poster).to_have_attribute("target", "_blank")
    expect(page.locator(".poster-link")).to_contain_text(committee.school.name)
    with (
        page.context.expect_page() as opened,
        page.context.expect_event("response", lambda r: r.url.endswith(href)) as answer,
    ):
        poster.click()
    assert is_pdf(answer.value), answer.value.headers
    assert opened.value.url.endswith(href)
    page.bring_to_front()
    screenshot(page, f"print-chair-poster-{language}-tablet")
    assert_accessible(page)


def test_a_secretary_is_not_offered_the_poster(open_page):
    committee = Committee.objects.get(name__en=IS136)
    page = signed_in(open_page, f"/chair/committees/{committee.pk}", SECRETARY)
    expect(h1(page)).to_have_text(IS136)
    expect(page.get_by_role("link", name="New meeting")).to_be_visible()
    expect(page.locator('a[href$="/poster.pdf"]')).to_have_count(0)
    # The server refuses it too: a secretary is not one of the school's staff.
    assert page.request.get(f"/api/v1/schools/{committee.school_id}/poster.pdf").status == 403
