"""Accepting a committee invitation in a real browser against the demo data: a chair
invites an email address through the API; the invitee opens the link from the message
waiting in the outbox (not the token of the API's answer), signs in on the way, accepts,
and is a member (the members-only committee's page opens for them). A link that expired,
or that someone else already used, says so."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from committees.models import Committee, Invitation, Membership, Visibility
from events_api.events.passes import hash_token
from events_api.notifications.models import Kind, Message
from events_api.people.models import User
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "open-doors-demo"
CHAIR = "parent5@demo.opendoors.nyc"  # chairs the members-only P.S. 20 committee
INVITEE = "parent4@demo.opendoors.nyc"  # a member of I.S. 136's only
OTHER = "parent3@demo.opendoors.nyc"
LINK = re.compile(r"https?://\S+/invitations/accept#[A-Za-z0-9_-]+")


def ps20() -> Committee:
    return Committee.objects.get(visibility=Visibility.MEMBERS, name__en__startswith="P.S. 20")


def api_as(page: Page, email: str, method: str, path: str, body: dict | None = None) -> dict:
    """Signs in through allauth's browser API and calls ours, with the page's CSRF cookie."""
    # The page's own first requests (its session check) set the CSRF cookie too: one that
    # lands after the sign-in would swap the cookie under the next request's header.
    page.wait_for_load_state("networkidle")
    return page.evaluate(
        """async ([email, password, method, path, body]) => {
            const csrf = () => {
                const c = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
                return c ? decodeURIComponent(c.split("=")[1]) : "";
            };
            const headers = () => ({ "Content-Type": "application/json", "X-CSRFToken": csrf() });
            const login = await fetch("/_allauth/browser/v1/auth/login", {
                method: "POST", credentials: "same-origin", headers: headers(),
                body: JSON.stringify({ email, password }),
            });
            if (login.status !== 200) return { status: login.status };
            const response = await fetch(path, {
                method, credentials: "same-origin", headers: headers(),
                body: body ? JSON.stringify(body) : undefined,
            });
            return { status: response.status, body: await response.json() };
        }""",
        [email, PASSWORD, method, path, body],
    )


def sign_in_on_the_page(page: Page, email: str) -> None:
    page.get_by_role("link", name="Sign in to accept").click()
    expect(page.locator("h1")).to_have_text("Sign in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in", exact=True).click()


def test_an_invitee_opens_the_emailed_link_signs_in_and_becomes_a_member(open_page):
    committee = ps20()
    chair_page = open_page("/committees", "en")
    made = api_as(
        chair_page,
        CHAIR,
        "POST",
        f"/api/v1/committees/{committee.pk}/invitations/",
        {"email": INVITEE, "role": "parent", "language": "en"},
    )
    assert made["status"] == 201, made
    message = Message.objects.get(kind=Kind.COMMITTEE_INVITATION, to=INVITEE)
    assert message.channel == "email" and message.status == "queued"
    link = LINK.search(message.body).group(0)
    assert link.split("#", 1)[1] == made["body"]["token"]

    page = open_page(link, "en")
    expect(page.locator("h1")).to_have_text("Join a committee")
    expect(page.get_by_role("link", name="Sign in to accept")).to_be_visible()
    screenshot(page, "invitation-sign-in-en")
    assert_accessible(page)
    sign_in_on_the_page(page, INVITEE)

    # Back on the invitation, signed in; the token was never in the sign-in page's address.
    expect(page).to_have_url(re.compile(r"/invitations/accept#"))
    expect(page.get_by_text(f"You are signed in as {INVITEE}.")).to_be_visible()
    accept = page.get_by_role("button", name="Accept the invitation")
    expect(accept).to_be_visible()
    screenshot(page, "invitation-accept-en")
    assert_accessible(page)
    accept.click()

    result = page.get_by_role("status").filter(has_text="Welcome!")
    expect(result).to_contain_text("You are now a member of P.S. 20 multicultural")
    expect(result).to_contain_text("Your role: Parent member")
    expect(result).to_be_focused()
    expect(page).not_to_have_url(re.compile("#"))  # the used token left the address bar
    screenshot(page, "invitation-accepted-en")
    assert_accessible(page)
    invitee = User.objects.get(email=INVITEE)
    assert Membership.objects.filter(committee=committee, user=invitee, role="parent").exists()

    page.get_by_role("link", name="Go to the committee's page").click()
    expect(page.locator("h1")).to_have_text(committee.name["en"])  # members only: they see it
    expect(page.get_by_text("Members only")).to_be_visible()

    # The same link again: a member already, with the way to the committee.
    page.goto(link)
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_role("alert")).to_contain_text("You are already a member of this committee.")
    screenshot(page, "invitation-already-member-en")
    page.get_by_role("link", name="Go to the committee's page").click()
    expect(page.locator("h1")).to_have_text(committee.name["en"])


def test_an_expired_or_already_used_link_says_so(open_page):
    committee = ps20()
    Invitation.objects.create(
        committee=committee,
        email="late@example.org",
        role="parent",
        token_hash=hash_token("expired-invitation-token"),
        expires_at=timezone.now() - timedelta(hours=1),
    )
    Invitation.objects.create(
        committee=committee,
        email="twice@example.org",
        role="parent",
        token_hash=hash_token("used-invitation-token"),
        expires_at=timezone.now() + timedelta(days=3),
        accepted_at=timezone.now() - timedelta(days=1),
        accepted_by=User.objects.get(email=OTHER),
    )
    page = open_page("/invitations/accept#expired-invitation-token", "en")
    sign_in_on_the_page(page, INVITEE)
    page.get_by_role("button", name="Accept the invitation").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("This invitation has expired")
    expect(alert).to_contain_text("Ask the committee's chair to invite you again.")
    expect(alert).to_be_focused()
    expect(page.get_by_role("button", name="Accept the invitation")).to_have_count(0)
    screenshot(page, "invitation-expired-en")
    assert_accessible(page)

    page.goto("/invitations/accept#used-invitation-token")
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_role("alert")).to_contain_text("This invitation has already been accepted")
    screenshot(page, "invitation-used-en")
    assert not Membership.objects.filter(committee=committee, user__email=INVITEE).exists()


def test_the_invitation_page_is_right_to_left_in_arabic(open_page):
    page = open_page("/invitations/accept#some-invitation-token", "ar")
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator("main h1")).to_have_count(1)
    expect(page.locator("main a.button")).to_be_visible()  # sign in first
    screenshot(page, "invitation-sign-in-ar")
    assert_accessible(page)
