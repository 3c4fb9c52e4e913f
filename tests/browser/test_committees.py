"""The public committees pages and RSVP from the meeting page, in a real browser against the
demo data: the list, a committee, a meeting (accessible in English, Bangla and Arabic, the
Arabic ones right to left), a signed-in member's RSVP stored as a registration with the
interpreter language, and the sign-in prompt for a visitor."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from committees.demo import MINUTES
from committees.models import (
    Committee,
    CommitteeKind,
    Meeting,
    MinutesStatus,
    Rsvp,
    Visibility,
)
from events_api.events.models import Registration, RegistrationStatus
from events_api.people.models import User
from tests.browser.conftest import assert_accessible, screenshot

# Transactional (a live server), restoring the migrations' data after each test like the
# other live-server tests, so tests that follow see the same database.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "open-doors-demo"
PARENT = "parent@demo.opendoors.nyc"
IS136 = "I.S. 136 parent welcoming committee"
LANGUAGES = ["en", "bn", "ar"]


def is136() -> Committee:
    return Committee.objects.get(kind=CommitteeKind.WELCOMING, name__en=IS136)


def next_meeting() -> Meeting:
    """I.S. 136's next monthly meeting: published, agenda published (demo data)."""
    return (
        Meeting.objects.filter(committee=is136(), event__starts_at__gt=timezone.now())
        .select_related("event")
        .order_by("event__starts_at")
        .first()
    )


def last_meeting_with_minutes() -> Meeting:
    return (
        Meeting.objects.filter(committee=is136(), minutes__status=MinutesStatus.APPROVED)
        .select_related("event")
        .order_by("-event__starts_at")
        .first()
    )


def sign_in(page: Page, email: str = PARENT) -> None:
    """Signs in through allauth's browser API with the page's CSRF cookie, then reloads."""
    status = page.evaluate(
        """async ([email, password]) => {
            const token = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
            const response = await fetch("/_allauth/browser/v1/auth/login", {
                method: "POST",
                credentials: "same-origin",
                headers: {
                    "Content-Type": "application/json",
                    "X-CSRFToken": token ? decodeURIComponent(token.split("=")[1]) : "",
                },
                body: JSON.stringify({ email, password }),
            });
            return response.status;
        }""",
        [email, PASSWORD],
    )
    assert status == 200
    page.reload()


def assert_direction(page: Page, language: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_committees_list(open_page, language):
    public = Committee.objects.filter(visibility=Visibility.PUBLIC).count()
    page = open_page("/committees", language)
    cards = page.locator("main ul.cards > li")
    expect(cards).to_have_count(public)
    assert page.locator("h1").count() == 1
    assert_direction(page, language)
    if language == "en":
        expect(page.locator("h1")).to_have_text("Parent committees")
        expect(page.get_by_role("status")).to_have_text(f"{public} committees")
        card = cards.filter(has_text=IS136)
        expect(card.locator("h3 a")).to_have_attribute("href", f"/committees/{is136().pk}")
        expect(card.locator(".kind")).to_have_text("School parent welcoming committee")
        expect(card).to_contain_text("I.S. 136")
    if language == "bn":
        # The API names it in Bangla; the others fall back to English, marked as such.
        expect(
            cards.filter(has_text="পি.এস. ১৯ অভিভাবক স্বাগত কমিটি").locator("[lang=en]")
        ).to_have_count(0)
        expect(cards.filter(has_text=IS136).locator("h3 [lang=en]")).to_have_text(IS136)
    # The members-only multicultural committee is not shown to the public.
    expect(cards.filter(has_text="P.S. 20 multicultural")).to_have_count(0)
    screenshot(page, f"committees-{language}")
    assert_accessible(page)


def test_committees_filter_by_kind(open_page):
    page = open_page("/committees", "en")
    expect(page.locator("main ul.cards > li").first).to_be_visible()
    page.get_by_label("Kind of committee").select_option("citywide_advisory")
    page.get_by_role("button", name="Show committees").click()
    cards = page.locator("main ul.cards > li")
    expect(cards).to_have_count(1)
    expect(cards.locator("h3")).to_have_text(
        "Citywide advisory committee on family-school-community partnerships"
    )
    assert page.evaluate("location.search") == "?kind=citywide_advisory"


def test_committees_filter_by_language_from_a_link(open_page):
    names = set(
        Committee.objects.filter(visibility=Visibility.PUBLIC, languages__code="bn").values_list(
            "name__en", flat=True
        )
    )
    assert len(names) == 2
    page = open_page("/committees?language=bn", "en")
    cards = page.locator("main ul.cards > li h3")
    expect(cards).to_have_count(len(names))
    assert set(cards.all_inner_texts()) == names
    expect(page.get_by_label("Language", exact=True)).to_have_value("bn")


@pytest.mark.parametrize("language", LANGUAGES)
def test_committee_page(open_page, language):
    committee = is136()
    upcoming = next_meeting()
    past = last_meeting_with_minutes()
    page = open_page(f"/committees/{committee.pk}", language)
    upcoming_cards = page.locator("section[aria-labelledby=upcoming-heading] ul > li")
    expect(upcoming_cards.first).to_be_visible()
    expect(upcoming_cards.first.locator("h3 a")).to_have_attribute(
        "href", f"/meetings/{upcoming.pk}"
    )
    expect(upcoming_cards.first.locator("ol.agenda > li")).to_have_count(4)
    # Subscribe links for the committee's calendar.
    feed = page.locator("ul.calendar-links a").first
    expect(feed).to_have_attribute("href", f"/calendar/committees/{committee.pk}.ics")
    expect(page.locator("ul.calendar-links a[href^='webcal:']")).to_have_count(1)
    # The latest approved minutes, fetched for the most recent meeting that has them.
    minutes = page.locator("section[aria-labelledby=latest-minutes-heading]")
    expect(minutes.locator(".minutes-text p").last).to_have_text(MINUTES["en"])
    expect(minutes.locator("a").first).to_have_attribute("href", f"/meetings/{past.pk}")
    assert page.locator("h1").count() == 1
    assert_direction(page, language)
    if language == "en":
        expect(page.locator("h1")).to_have_text(IS136)
        coming = Meeting.objects.filter(
            committee=committee, event__ends_at__gt=timezone.now()
        ).count()
        expect(page.locator("section[aria-labelledby=upcoming-heading] > p.muted")).to_have_text(
            f"{coming} meetings coming up"
        )
        expect(
            upcoming_cards.first.get_by_role("link", name="Meeting details and RSVP")
        ).to_have_attribute("href", f"/meetings/{upcoming.pk}")
        expect(upcoming_cards.first.locator("summary")).to_have_text("Agenda: 4 items")
        expect(upcoming_cards.first.locator("ol.agenda > li").first).to_contain_text(
            "Welcome and introductions"
        )
        expect(page.get_by_role("link", name="Subscribe (phone calendar)")).to_be_visible()
        expect(minutes.locator(".fallback")).to_have_count(0)
    else:
        # No Bangla or Arabic minutes: the English text, marked as English.
        expect(minutes.locator(".minutes-text .fallback")).to_be_visible()
        expect(minutes.locator(".minutes-text [lang=en]")).to_have_count(1)
    screenshot(page, f"committee-{language}")
    assert_accessible(page)


def test_committee_page_minutes_in_spanish(open_page):
    page = open_page(f"/committees/{is136().pk}", "es")
    minutes = page.locator("section[aria-labelledby=latest-minutes-heading] .minutes-text")
    expect(minutes.locator("p")).to_have_text([MINUTES["es"]])
    expect(minutes.locator("[lang=en]")).to_have_count(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_meeting_page_for_a_visitor(open_page, language):
    meeting = next_meeting()
    page = open_page(f"/meetings/{meeting.pk}", language)
    expect(page.locator("ol.agenda > li")).to_have_count(4)
    # Not signed in: a link to sign in that comes back here, and no form.
    prompt = page.locator(".sign-in-prompt a")
    expect(prompt).to_have_attribute("href", f"/account/sign-in?next=/meetings/{meeting.pk}")
    expect(page.locator("input[name=response]")).to_have_count(0)
    expect(page.locator(".facts .meeting-committee a")).to_have_attribute(
        "href", f"/committees/{meeting.committee_id}"
    )
    assert page.locator("h1").count() == 1
    assert_direction(page, language)
    if language == "en":
        expect(page.locator("h1")).to_have_text("Monthly committee meeting")
        expect(prompt).to_have_text("Sign in to RSVP")
        expect(page.locator("ol.agenda > li").nth(1)).to_have_text(
            "Interpreters at parent-teacher conferences "
            "Presented by Parent coordinator · 20 minutes"
        )
        starts = meeting.event.starts_at.astimezone(ZoneInfo(meeting.event.timezone))
        time = page.locator(".facts time")
        expect(time).to_have_attribute("datetime", starts.isoformat())
        expect(time).to_have_text(
            f"{starts:%A}, {starts:%B} {starts.day}, {starts.year}, 6:00 \u2013 7:30 PM"
        )
        expect(page.locator(".facts .place")).to_contain_text("I.S. 136 Charles O. Dewey, Library")
    screenshot(page, f"meeting-{language}")
    assert_accessible(page)


def test_past_meeting_shows_its_approved_minutes(open_page):
    meeting = last_meeting_with_minutes()
    page = open_page(f"/meetings/{meeting.pk}", "en")
    minutes = page.locator("#minutes")
    expect(minutes.locator("h2")).to_have_text("Minutes")
    expect(minutes.locator(".minutes-text p")).to_have_text([MINUTES["en"]])
    approved = meeting.minutes.approved_at.astimezone(ZoneInfo(meeting.event.timezone))
    expect(minutes.locator("p.muted").first).to_have_text(
        f"Approved on {approved:%b} {approved.day}, {approved.year}."
    )
    # The meeting is over: no RSVP form and no sign-in prompt.
    expect(page.locator(".notice").first).to_have_text("This meeting has taken place.")
    expect(page.locator("section.rsvp")).to_have_count(0)
    assert_accessible(page)


def test_member_rsvps_yes_with_an_interpreter(open_page):
    meeting = next_meeting()
    parent = User.objects.get(email=PARENT)
    page = open_page(f"/meetings/{meeting.pk}", "bn")
    sign_in(page)
    # Signed in, not answered yet: the interpreter is the page's language.
    interpreter = page.locator("#field-interpreter_language")
    expect(interpreter).to_have_value("bn")
    expect(page.locator(".current-answer")).to_have_count(0)
    page.locator("label[for=rsvp-yes]").click()
    page.locator("#field-adults").fill("2")
    page.locator("#field-children").fill("1")
    page.locator("section.rsvp button[type=submit]").click()
    expect(page.locator("section.rsvp [role=status].success")).to_be_visible()
    registration = Registration.objects.get(event=meeting.event, user=parent)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.interpreter_language_id == "bn"
    assert (registration.adults, registration.children) == (2, 1)
    assert registration.preferred_language_id == "bn"
    assert Rsvp.objects.get(registration=registration).response == "yes"
    screenshot(page, "meeting-rsvp-bn")
    assert_accessible(page)


def test_member_sees_and_changes_their_answer(open_page):
    meeting = next_meeting()
    parent = User.objects.get(email=PARENT)
    page = open_page(f"/meetings/{meeting.pk}", "en")
    sign_in(page)
    page.get_by_label("Yes, I am coming").check()
    page.get_by_label("Interpreter").select_option("es")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_role("status")).to_have_text("Thank you. Your answer is saved.")
    assert (
        Registration.objects.get(event=meeting.event, user=parent).interpreter_language_id == "es"
    )

    # Coming back: the answer is shown and the form holds it.
    page.reload()
    current = page.locator(".current-answer")
    expect(current.locator(".notice-title")).to_have_text("Your answer: Yes, I am coming")
    expect(current).to_contain_text("Adults: 1, children: 0")
    expect(current).to_contain_text("Interpreter: Spanish")
    expect(page.get_by_label("Yes, I am coming")).to_be_checked()
    expect(page.get_by_label("Interpreter")).to_have_value("es")

    page.get_by_label("Maybe").check()
    page.get_by_role("button", name="Change my answer").click()
    expect(current.locator(".notice-title")).to_have_text("Your answer: Maybe")
    registration = Registration.objects.get(event=meeting.event, user=parent)
    assert Rsvp.objects.get(registration=registration).response == "maybe"

    page.get_by_label("No, I cannot come").check()
    expect(page.get_by_label("Interpreter")).to_have_count(0)
    page.get_by_role("button", name="Change my answer").click()
    expect(current.locator(".notice-title")).to_have_text("Your answer: No, I cannot come")
    answers = Registration.objects.filter(event=meeting.event, user=parent)
    active = answers.exclude(status=RegistrationStatus.CANCELLED).get()
    assert active.status == RegistrationStatus.DECLINED
    assert Rsvp.objects.get(registration=active).response == "no"


def test_rsvp_without_an_answer_shows_the_api_error(open_page):
    meeting = next_meeting()
    page = open_page(f"/meetings/{meeting.pk}", "en")
    sign_in(page)
    page.get_by_role("button", name="Send my answer").click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_attribute("href", "#field-response")
    expect(page.locator("#field-response-error")).to_be_visible()
    assert not Registration.objects.filter(event=meeting.event, user__email=PARENT).exists()
    assert_accessible(page)


def test_rsvp_after_answers_close_says_so(open_page):
    meeting = next_meeting()
    event = meeting.event
    event.registration_closes_at = timezone.now() - timedelta(hours=1)
    event.save(update_fields=["registration_closes_at"])
    page = open_page(f"/meetings/{meeting.pk}", "en")
    sign_in(page)
    page.get_by_label("Yes, I am coming").check()
    page.get_by_role("button", name="Send my answer").click()
    alert = page.get_by_role("alert")
    expect(alert.locator(".notice-title")).to_have_text(
        "Answers are no longer taken for this meeting."
    )
    expect(alert).to_contain_text("Registration for this event has closed.")
    expect(page.locator("input[name=response]")).to_have_count(0)
    assert not Registration.objects.filter(event=event, user__email=PARENT).exists()
    assert_accessible(page)


def test_a_filter_chosen_before_the_lists_arrive_is_kept(open_page):
    """The language list of the filters may come after the person has chosen a kind: its
    arrival must not put the kind back to "any" before the form is sent."""
    page = open_page("/committees", "en")
    held = []
    page.route("**/api/v1/languages/**", lambda route: held.append(route))
    page.reload()
    cards = page.locator("main ul.cards > li")
    expect(cards.first).to_be_visible()
    page.get_by_label("Kind of committee").select_option("citywide_advisory")
    assert held, "the language list was asked for"
    for route in held:
        route.continue_()
    expect(page.get_by_label("Language").locator("option")).not_to_have_count(1)
    page.get_by_role("button", name="Show committees").click()
    expect(cards).to_have_count(1)
    assert page.evaluate("location.search") == "?kind=citywide_advisory"
