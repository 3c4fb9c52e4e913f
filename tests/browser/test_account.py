"""Sign-in (password and emailed code), sign-out, my registrations and my calendar feed,
in a real browser against the live server with the demo data."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from events_api.calendars.event_items import event_location
from events_api.calendars.models import FeedToken
from events_api.events.models import Event, Registration
from events_api.events.passes import hash_token
from events_api.events.services import registration as services
from events_api.people.demo import DEMO_PASSWORD
from events_api.people.models import User
from tests.browser.conftest import (
    PHONE,
    assert_accessible,
    chosen_language,
    csrf,
    h1,
    screenshot,
    sign_in,
)

# Transactional (a live server), restoring the migrations' data after each test like the
# other live-server tests, so tests that follow see the same database.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PARENT = "parent@demo.opendoors.nyc"
CBO = "cbo@demo.opendoors.nyc"
TALK = "Talking with teachers: parent-teacher conferences"
FEED_PATH = re.compile(r"^webcal://[^/]+(/calendar/feeds/[A-Za-z0-9_-]{20,100}\.ics)$")


def sign_out(page: Page) -> None:
    response = page.request.delete(
        "/_allauth/browser/v1/auth/session", headers={"X-CSRFToken": csrf(page)}
    )
    assert response.status == 401


def spoken(code: str) -> str:
    return f"{code[:3]} {code[3:]}"


def register_parent() -> tuple[Registration, Registration]:
    """The demo parent registered with her account: one seat, one waitlist place."""
    parent = User.objects.get(email=PARENT)
    contact = services.Contact(name="Farida Rahman", user=parent)
    seated = services.register(
        event_id=Event.objects.get(title__en=TALK).pk,
        contact=contact,
        party=services.Party(adults=1, children=2),
        needs=services.Needs(preferred_language="bn"),
    ).registration
    full = Event.objects.get(title__en__startswith="Getting into")
    waiting = services.register(
        event_id=full.pk,
        contact=contact,
        party=services.Party(adults=1, children=0),
        needs=services.Needs(preferred_language="bn"),
    ).registration
    assert (seated.status, waiting.status) == ("confirmed", "waitlisted")
    return seated, waiting


def test_sign_in_with_password_then_sign_out(open_page):
    page = open_page("/account/sign-in?next=/me/calendar")
    expect(h1(page)).to_have_text("Sign in")
    expect(page.locator(".safe-zone")).to_contain_text(
        "Parents and families do not need an account"
    )
    page.get_by_label("Email").fill(PARENT)
    page.get_by_label("Password").fill("not-the-password")
    page.locator("main").get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#form-errors")).to_be_focused()
    assert page.url.endswith("/account/sign-in?next=/me/calendar")

    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/me/calendar")
    expect(h1(page)).to_have_text("My calendar")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="My registrations")).to_be_visible()
    expect(nav.get_by_role("link", name="Families we registered")).to_have_count(0)
    # Farida chairs a welcoming committee: her desk is one tap away; she interprets nowhere.
    expect(nav.get_by_role("link", name="Committee desk")).to_have_attribute("href", "/chair")
    expect(nav.get_by_role("link", name="My interpreting jobs")).to_have_count(0)
    session = page.request.get("/_allauth/browser/v1/auth/session").json()
    assert session["data"]["user"]["email"] == PARENT

    nav.get_by_role("button", name="Sign out").click()
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page).to_have_url(re.compile(r"^http://[^/]+/$"))
    assert page.request.get("/_allauth/browser/v1/auth/session").status == 401


def test_an_interpreter_finds_their_jobs_in_the_menu(open_page):
    page = open_page("/")
    expect(h1(page)).to_be_visible()
    sign_in(page, "interpreter@demo.opendoors.nyc")
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="My interpreting jobs")).to_have_attribute(
        "href", "/me/jobs"
    )
    expect(nav.get_by_role("link", name="Committee desk")).to_have_count(0)
    nav.get_by_role("link", name="My interpreting jobs").click()
    # Her own availability is one link away from her jobs.
    page.get_by_role("link", name="My availability").click()
    expect(h1(page)).to_have_text("My availability")


def test_sign_in_with_a_code_sent_by_email(open_page):
    page = open_page("/account/sign-in")
    expect(h1(page)).to_have_text("Sign in")
    mail.outbox.clear()
    page.get_by_role("button", name="Send me a code instead").click()
    expect(page.get_by_role("heading", name="Sign in with a code")).to_be_visible()
    expect(page.get_by_label("Email")).to_be_focused()
    page.get_by_label("Email").fill(PARENT)
    page.get_by_role("button", name="Send the code").click()
    expect(page.get_by_role("status")).to_have_text(
        f"If {PARENT} has an account, we have sent a sign-in code to it."
    )
    expect(page.get_by_label("Code from the email")).to_be_focused()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [PARENT]
    # The demo parent reads Bangla: the email is in Bangla, the code on a line of its own.
    assert re.search("[\u0980-\u09ff]", mail.outbox[0].subject + mail.outbox[0].body)
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[0].body, re.M).group(1)

    page.get_by_label("Code from the email").fill("WRONG1")
    page.locator("main").get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("#form-errors")).to_be_visible()
    page.get_by_label("Code from the email").fill(code)
    page.locator("main").get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/me/registrations")
    expect(h1(page)).to_have_text("My registrations")
    session = page.request.get("/_allauth/browser/v1/auth/session").json()
    assert session["data"]["user"]["email"] == PARENT


def test_sign_up_signs_the_new_person_in(open_page):
    page = open_page("/account/signup")
    expect(h1(page)).to_have_text("Create an account")
    page.get_by_label("Email").fill("new.parent@example.org")
    page.get_by_label("Choose a password").fill("a quiet morning 42")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/me/registrations")
    expect(page.get_by_text("You have no registrations yet.")).to_be_visible()
    assert User.objects.filter(email="new.parent@example.org").count() == 1


def test_my_registrations_lists_status_waitlist_place_and_code(open_page):
    seated, waiting = register_parent()
    page = open_page("/me/registrations")
    expect(h1(page)).to_have_text("My registrations")
    expect(page.get_by_role("link", name="Sign in").last).to_be_visible()
    sign_in(page, PARENT)
    page.reload()
    expect(page.locator("li.registration")).to_have_count(2)
    first = page.locator(f"#registration-{seated.pk}")
    expect(first.get_by_role("link", name=TALK)).to_have_attribute(
        "href", f"/events/{seated.event_id}"
    )
    expect(first.locator(".badge")).to_have_text("Has a seat")
    expect(first.locator("bdi.code")).to_have_text(spoken(seated.pass_code))
    expect(first.locator("bdi.code")).to_have_attribute("dir", "ltr")
    expect(first).to_contain_text("Adults: 1, children: 2")
    # When and where, as the event page writes them.
    event = seated.event
    expect(first.locator("dd").first).to_contain_text(
        event.starts_at.astimezone(ZoneInfo(event.timezone)).strftime("%-I:%M")
    )
    expect(first).to_contain_text(event_location(event))
    second = page.locator(f"#registration-{waiting.pk}")
    expect(second.locator(".badge")).to_have_text("On the waitlist")
    expect(second).to_contain_text(f"Number {waiting.waitlist_position} on the waitlist.")
    expect(page.get_by_text("2 registrations")).to_be_visible()


def test_calendar_feed_is_shown_once_rotated_after_confirming_and_revoked(open_page):
    page = open_page("/")
    sign_in(page, PARENT)
    parent = User.objects.get(email=PARENT)
    page.goto("/me/calendar")
    expect(h1(page)).to_have_text("My calendar")
    page.get_by_role("button", name="Make my calendar link").click()
    link = page.locator("#feed-link bdi")
    expect(link).to_have_attribute("dir", "ltr")
    first_url = link.inner_text()
    first_path = FEED_PATH.match(first_url).group(1)
    first_token = first_path.rsplit("/", 1)[1].removesuffix(".ics")
    assert FeedToken.objects.get(user=parent).token_hash == hash_token(first_token)
    feed = page.request.get(first_path)
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    expect(page.get_by_role("link", name="Subscribe (phone calendar)")).to_have_attribute(
        "href", first_url
    )

    # Shown once: after a reload only the date it was made is shown.
    page.reload()
    expect(page.get_by_text("You made your calendar link on")).to_be_visible()
    expect(page.locator("#feed-link")).to_have_count(0)
    assert first_token not in page.content()

    # Rotating asks first; saying no changes nothing.
    page.get_by_role("button", name="Make a new link").click()
    expect(page.locator("#rotate-question")).to_have_text(
        "Make a new link? The old link stops working at once."
    )
    page.get_by_role("button", name="No, keep it").click()
    assert FeedToken.objects.get(user=parent).token_hash == hash_token(first_token)
    page.get_by_role("button", name="Make a new link").click()
    page.get_by_role("button", name="Yes, make a new link").click()
    expect(page.locator("#feed-link bdi")).not_to_have_text(first_url)
    second_path = FEED_PATH.match(page.locator("#feed-link bdi").inner_text()).group(1)
    second_token = second_path.rsplit("/", 1)[1].removesuffix(".ics")
    assert FeedToken.objects.get(user=parent).token_hash == hash_token(second_token)
    assert page.request.get(first_path).status == 404
    assert page.request.get(second_path).status == 200

    page.get_by_role("button", name="Turn off my calendar link").click()
    page.get_by_role("button", name="Yes, turn it off").click()
    expect(page.get_by_text("Your calendar link is turned off.")).to_be_visible()
    expect(page.get_by_role("button", name="Make my calendar link")).to_be_visible()
    assert not FeedToken.objects.filter(user=parent).exists()
    assert page.request.get(second_path).status == 404


@pytest.mark.parametrize("language", ["en", "bn", "ar"])
def test_account_pages_are_accessible(open_page, language):
    register_parent()
    page = open_page("/account/sign-in", language)
    expect(h1(page)).to_have_count(1)
    expect(page.locator("#field-email")).to_be_visible()
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    screenshot(page, f"signin-{language}")
    assert_accessible(page)

    sign_in(page, PARENT)
    page.goto("/me/registrations")
    expect(page.locator("li.registration")).to_have_count(2)
    expect(h1(page)).to_have_count(1)
    screenshot(page, f"my-registrations-{language}")
    assert_accessible(page)

    page.goto("/me/calendar")
    page.locator("section[aria-labelledby=feed-make-heading] button").click()
    expect(page.locator("#feed-link bdi")).to_contain_text("webcal://")
    expect(h1(page)).to_have_count(1)
    screenshot(page, f"my-calendar-{language}")
    assert_accessible(page)


def test_a_page_waiting_for_the_session_hears_the_answer_that_came_before_it_listened(
    browser, site
):
    """The answer to "who is signed in?" can arrive after a page first renders ("Loading…")
    but before its hooks subscribe (Preact runs effects after the next frame): on a busy
    machine the CBO pages stayed "Loading…" for good. Here the page's clock is stopped
    while the page's chunk arrives, so its effects wait, and the held answer is let through
    then; when time runs again the page must show the answer it missed."""
    context = browser.new_context(base_url=site, viewport=PHONE, service_workers="block")
    try:
        context.add_init_script(chosen_language("en"))
        page = context.new_page()
        session, chunk = [], []
        page.route("**/_allauth/browser/v1/auth/session", lambda route: session.append(route))
        page.route("**/static/app/cbo-*.js", lambda route: chunk.append(route))
        page.clock.install()
        page.goto("/cbo/registrations")
        for _ in range(250):
            if chunk and session:
                break
            page.wait_for_timeout(20)
        assert len(chunk) == 1 and len(session) == 1
        page.clock.pause_at(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1))
        chunk[0].continue_()
        expect(page.get_by_role("status")).to_have_text("Loading…")
        expect(h1(page)).to_have_text("Families we registered")
        with page.expect_response("**/auth/session") as answer:
            session[0].continue_()
        assert answer.value.status == 401
        # Let the answer be read and stored: macrotasks the stopped clock does not hold.
        page.evaluate(
            """async () => {
                for (let hop = 0; hop < 20; hop++) {
                    await new Promise((done) => {
                        const channel = new MessageChannel();
                        channel.port1.onmessage = done;
                        channel.port2.postMessage(null);
                    });
                }
            }"""
        )
        page.clock.resume()
        staff_only = page.get_by_text("This page is for staff of community organisations")
        expect(staff_only).to_be_visible()
    finally:
        context.close()


# --- your information: download everything held about the account, or erase it ---------------


def register_with_account(email: str, name: str) -> Registration:
    user = User.objects.get(email=email)
    return services.register(
        event_id=Event.objects.get(title__en=TALK).pk,
        contact=services.Contact(name=name, user=user),
        party=services.Party(adults=1, children=1),
        needs=services.Needs(preferred_language="ar"),
    ).registration


def test_a_parent_downloads_her_data_then_erases_her_account(open_page):
    """The JSON download holds the account's own email and registration; erasing asks
    first, then deletes the user, anonymises and cancels the registration, and signs out."""
    import json

    email = "parent4@demo.opendoors.nyc"
    registration = register_with_account(email, "Yusuf Haddad")
    page = open_page("/")
    expect(h1(page)).to_be_visible()
    sign_in(page, email)
    page.goto("/me/registrations")
    expect(page.locator(f"#registration-{registration.pk}")).to_be_visible()
    section = page.get_by_role("region", name="Your information")
    with page.expect_download() as download:
        section.get_by_role("link", name="Download my information").click()
    held = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert email in json.dumps(held)
    assert [r["name"] for r in held["registrations"]] == ["Yusuf Haddad"]

    section.get_by_role("button", name="Erase my account").click()
    expect(section.get_by_role("group")).to_contain_text("Erase your account now?")
    screenshot(page, "my-data-confirm-en")
    assert_accessible(page)
    # "No" keeps everything.
    section.get_by_role("button", name="No, keep my account").click()
    expect(section.get_by_role("group")).to_have_count(0)
    assert User.objects.filter(email=email).exists()

    section.get_by_role("button", name="Erase my account").click()
    section.get_by_role("button", name="Yes, erase my account").click()
    expect(h1(page)).to_have_text("Your account is erased")
    expect(page.get_by_role("status")).to_contain_text("signed you out")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    expect(nav.get_by_role("link", name="My registrations")).to_have_count(0)
    assert not User.objects.filter(email=email).exists()
    registration.refresh_from_db()
    assert (registration.name, registration.status, registration.user_id) == ("", "cancelled", None)
    assert registration.anonymised_at is not None
    assert page.request.get("/_allauth/browser/v1/auth/session").status == 401
    assert page.request.get("/api/v1/me/data/").status in (401, 403)
    assert_accessible(page)
    page.reload()
    expect(h1(page)).to_have_text("My registrations")
    expect(page.get_by_role("link", name="Sign in").last).to_be_visible()


def test_the_last_chair_of_a_committee_is_told_which_one_and_nothing_is_erased(open_page):
    from committees.models import Membership
    from events_api.core.i18n import pick

    email = "parent5@demo.opendoors.nyc"
    registration = register_with_account(email, "Nasrin Akter")
    chaired = Membership.objects.filter(user__email=email, role="chair").select_related("committee")
    names = [pick(m.committee.name, "en") for m in chaired]
    assert names
    page = open_page("/")
    expect(h1(page)).to_be_visible()
    sign_in(page, email)
    page.goto("/me/registrations")
    page.wait_for_load_state("networkidle")  # as in the Arabic test below
    section = page.get_by_role("region", name="Your information")
    section.get_by_role("button", name="Erase my account").click()
    with page.expect_response("**/api/v1/me/data/") as answer:
        section.get_by_role("button", name="Yes, erase my account").click()
    assert answer.value.status == 409
    body = answer.value.json()
    assert body["code"] == "last_chair"
    alert = section.get_by_role("alert")
    expect(alert).to_have_text(body["message"])
    assert any(name in body["message"] for name in names), (names, body["message"])
    expect(h1(page)).to_have_text("My registrations")
    expect(page.locator(f"#registration-{registration.pk}")).to_be_visible()
    assert User.objects.filter(email=email).exists()
    registration.refresh_from_db()
    assert (registration.name, registration.status) == ("Nasrin Akter", "confirmed")
    assert page.request.get("/api/v1/me/").status == 200
    screenshot(page, "my-data-last-chair-en")
    assert_accessible(page)


def test_your_information_in_arabic_is_right_to_left(open_page):
    register_with_account("parent4@demo.opendoors.nyc", "Yusuf Haddad")
    page = open_page("/", "ar")
    expect(h1(page)).to_be_visible()
    sign_in(page, "parent4@demo.opendoors.nyc")
    page.goto("/me/registrations")
    # The page's own session check and list load first: a late answer re-renders the
    # section and would close the question opened before it.
    page.wait_for_load_state("networkidle")
    section = page.locator("section[aria-labelledby=my-data-heading]")
    expect(section.locator("h2")).to_have_text("معلوماتك")
    section.locator("button.danger").click()
    expect(section.locator("[role=group]")).to_contain_text("هل تريد حذف حسابك الآن؟")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    screenshot(page, "my-data-ar-phone")
    assert_accessible(page)
    assert User.objects.filter(email="parent4@demo.opendoors.nyc").exists()
