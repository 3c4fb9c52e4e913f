"""A committee's records in the chair's console: members and invitations (the accept link
shown once), a meeting's agenda (titles per language, reordered with buttons, published),
its minutes (a draft side by side, approved by the chair only, then amended); others read
that the pages are not theirs and see no data."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from committees.models import (
    AgendaItem,
    Committee,
    Invitation,
    Meeting,
    Membership,
    Minutes,
    MinutesAmendment,
)
from committees.services import meetings as meeting_services
from events_api.events.passes import hash_token
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.conftest import open_signed_in as signed_in
from tests.browser.test_account import h1

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHAIR = "parent@demo.opendoors.nyc"  # Farida chairs the I.S. 136 welcoming committee


def open_signed_in(open_page, path: str, email: str = CHAIR, **options) -> Page:
    return signed_in(open_page, path, email, **options)


SECRETARY = "parent2@demo.opendoors.nyc"  # Carla, its secretary
MEMBER = "parent3@demo.opendoors.nyc"  # Mei Lin, a parent member
OUTSIDER = "cpa@demo.opendoors.nyc"  # Wei, not on that committee
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}


def is136() -> Committee:
    return Committee.objects.get(school__dbn="15K136", kind="welcoming")


def new_meeting(*, days: float, languages=("en", "es"), title="Records test meeting") -> Meeting:
    """A meeting of I.S. 136's committee ``days`` from now (negative: already started)."""
    starts = timezone.now() + timedelta(days=days)
    return meeting_services.create_meeting(
        committee=is136(),
        title={"en": title, "es": "Reunión de prueba"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        languages=list(languages),
    )


def test_chair_invites_a_member_and_changes_members(open_page):
    committee = is136()
    path = f"/chair/committees/{committee.pk}/members"
    page = open_signed_in(open_page, path, viewport=PHONE)
    expect(h1(page)).to_have_text(f"Members of {committee.name['en']}")
    members = Membership.objects.filter(committee=committee).count()
    expect(page.get_by_text(f"{members} members", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Back to the committee")).to_have_attribute(
        "href", f"/chair/committees/{committee.pk}"
    )

    # Invite someone: the link is shown once, with a copy button and the warning.
    invite = page.get_by_role("region", name="Invite someone")
    invite.get_by_label("Email address").fill("new.parent@example.org")
    invite.get_by_label("Role").select_option(label="Parent member")
    invite.get_by_label("Language of the invitation").select_option("es")
    invite.get_by_label("Term ends (leave empty if open)").fill("2031-06-30")
    invite.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation sent to new.parent@example.org.")).to_be_visible()
    expect(page.get_by_text("will not be shown again", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Copy the link")).to_be_visible()
    link = page.locator("#invite-link").inner_text().strip()
    found = re.search(r"/invitations/accept#([A-Za-z0-9_-]+)$", link)
    assert found, link
    invitation = Invitation.objects.get(committee=committee, email="new.parent@example.org")
    assert invitation.token_hash == hash_token(found.group(1))
    assert invitation.role == "parent" and invitation.language_id == "es"
    assert invitation.accepted_at is None
    assert invitation.term_end == date(2031, 6, 30)
    pending = page.get_by_role("region", name="Invitations not yet accepted")
    expect(pending.locator("bdi", has_text="new.parent@example.org")).to_be_visible()
    screenshot(page, "records-members-invited-en-phone")
    assert_accessible(page)

    # A reload forgets the link; the invitation is still listed as waiting.
    page.reload()
    expect(h1(page)).to_have_text(f"Members of {committee.name['en']}")
    pending = page.get_by_role("region", name="Invitations not yet accepted")
    expect(pending.locator("bdi", has_text="new.parent@example.org")).to_be_visible()
    expect(page.locator("#invite-link")).to_have_count(0)
    expect(page.get_by_text(found.group(1))).to_have_count(0)

    # Change a member's role and voting; the public opt-in is read-only here.
    mei = Membership.objects.get(committee=committee, user__email=MEMBER)
    assert (mei.role, mei.voting) == ("parent", True)
    card = page.locator("li.member").filter(has=page.get_by_role("heading", name="Mei Lin"))
    expect(card.get_by_text("Each member chooses this for themselves.")).to_be_visible()
    expect(card.get_by_role("checkbox")).to_have_count(0)
    card.get_by_role("button", name="Edit Mei Lin").click()
    card.get_by_label("Role").select_option(label="School staff")
    card.get_by_label("Voting member (counts for the quorum)").uncheck()
    card.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status").filter(has_text="Changes to Mei Lin saved.")).to_be_visible()
    expect(card.get_by_text("Non-voting member")).to_be_visible()
    expect(card.get_by_role("button", name="Edit Mei Lin")).to_be_focused()
    expect(card.get_by_text("School staff")).to_be_visible()
    mei.refresh_from_db()
    assert (mei.role, mei.voting) == ("school_staff", False)

    # Remove a member, after saying yes.
    yusuf = Membership.objects.get(committee=committee, user__email="parent4@demo.opendoors.nyc")
    card = page.locator("li.member").filter(has=page.get_by_role("heading", name="Yusuf Haddad"))
    card.get_by_role("button", name="Remove Yusuf Haddad").click()
    expect(card.get_by_text("Remove Yusuf Haddad from the committee?")).to_be_visible()
    card.get_by_role("button", name="No, keep").click()
    assert Membership.objects.filter(pk=yusuf.pk).exists()
    card.get_by_role("button", name="Remove Yusuf Haddad").click()
    card.get_by_role("button", name="Yes, remove").click()
    expect(page.get_by_role("heading", name="Yusuf Haddad")).to_have_count(0)
    assert not Membership.objects.filter(pk=yusuf.pk).exists()

    # The invitation went to the wrong address: the chair withdraws it, and its link dies.
    pending = page.get_by_role("region", name="Invitations not yet accepted")
    pending.get_by_role("button", name="Withdraw new.parent@example.org").click()
    expect(
        pending.get_by_text("Withdraw the invitation to new.parent@example.org?")
    ).to_be_visible()
    pending.get_by_role("button", name="Yes, withdraw").click()
    expect(pending.locator("bdi", has_text="new.parent@example.org")).to_have_count(0)
    assert not Invitation.objects.filter(pk=invitation.pk).exists()


def test_agenda_items_added_translated_reordered_and_published(open_page):
    meeting = new_meeting(days=30)
    page = open_signed_in(open_page, f"/chair/meetings/{meeting.pk}/agenda", viewport=TABLET)
    expect(h1(page)).to_have_text("Agenda: Records test meeting")
    expect(page.get_by_text("The agenda has no items yet.")).to_be_visible()
    expect(page.get_by_role("link", name="Back to the meeting")).to_have_attribute(
        "href", f"/chair/meetings/{meeting.pk}"
    )

    add = page.get_by_role("form", name="Add the item")
    add.get_by_label("English (required)").fill("Budget for interpreters")
    add.get_by_label("Spanish").fill("Presupuesto para intérpretes")
    add.get_by_label("Presented by (optional)").fill("Farida")
    add.get_by_label("Minutes (optional)").fill("20")
    add.get_by_role("button", name="Add the item").click()
    expect(page.get_by_role("status").filter(has_text="added to the agenda")).to_be_visible()
    # The form is empty again; English is required (the API's message beside it).
    add.get_by_label("Spanish").fill("Visitas a la escuela")
    add.get_by_role("button", name="Add the item").click()
    expect(page.get_by_text("An English text (key 'en') is required.").first).to_be_visible()
    add.get_by_label("English (required)").fill("School tours")
    add.get_by_label("Spanish").fill("")
    add.get_by_role("button", name="Add the item").click()
    second = page.locator("li.agenda-item").nth(1)
    expect(second.get_by_role("heading")).to_contain_text("School tours")
    expect(second.get_by_text("Translation missing: Spanish")).to_be_visible()
    expect(page.locator("li.agenda-item").first.get_by_text("Translation missing")).to_have_count(0)
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "id"))
    assert [(i.title, i.presenter, i.minutes) for i in items] == [
        ({"en": "Budget for interpreters", "es": "Presupuesto para intérpretes"}, "Farida", 20),
        ({"en": "School tours"}, "", None),
    ]

    # Reorder with the keyboard: the moved item's button keeps the focus.
    up = page.get_by_role("button", name="Move up School tours")
    up.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="is now item 1 of 2")).to_be_visible()
    expect(page.get_by_role("button", name="Move down School tours")).to_be_focused()
    expect(page.locator("li.agenda-item").first.get_by_role("heading")).to_contain_text(
        "School tours"
    )
    ordered = AgendaItem.objects.filter(meeting=meeting).order_by("position", "id")
    assert [i.title["en"] for i in ordered] == ["School tours", "Budget for interpreters"]

    # Add the missing translation through "Edit": the marker goes.
    first = page.locator("li.agenda-item").first
    first.get_by_role("button", name="Edit School tours").click()
    first.get_by_label("Spanish").fill("Visitas a la escuela")
    first.get_by_role("button", name="Save the item").click()
    expect(first.get_by_text("Translation missing")).to_have_count(0)
    assert AgendaItem.objects.get(meeting=meeting, position=1).title["es"] == "Visitas a la escuela"

    # Publish.
    assert not meeting.agenda_published
    expect(page.get_by_text("Not published yet")).to_be_visible()
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("Published", exact=True)).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.agenda_published

    # Delete, after saying yes.
    last = page.locator("li.agenda-item").nth(1)
    last.get_by_role("button", name="Delete Budget for interpreters").click()
    last.get_by_role("button", name="Yes, delete").click()
    expect(page.locator("li.agenda-item")).to_have_count(1)
    assert [i.title["en"] for i in AgendaItem.objects.filter(meeting=meeting)] == ["School tours"]


def test_minutes_drafted_approved_by_the_chair_only_and_amended(open_page):
    meeting = new_meeting(days=-2)
    path = f"/chair/meetings/{meeting.pk}/minutes"

    # The secretary writes and saves the draft, and cannot approve it: the page says why.
    page = open_signed_in(open_page, path, SECRETARY, viewport=TABLET)
    expect(h1(page)).to_have_text("Minutes: Records test meeting")
    expect(page.get_by_text("No minutes yet")).to_be_visible()
    page.get_by_label("English (required)").fill("Ten parents met.\n\nThey agreed on tours.")
    page.get_by_label("Spanish").fill("Se reunieron diez padres.\n\nAcordaron visitas.")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("status").filter(has_text="Draft saved")).to_be_visible()
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == "draft"
    assert minutes.text == {
        "en": "Ten parents met.\n\nThey agreed on tours.",
        "es": "Se reunieron diez padres.\n\nAcordaron visitas.",
    }
    approve = page.get_by_role("button", name="Approve the minutes")
    expect(approve).to_be_disabled()
    expect(approve).to_have_accessible_description(
        "Only the committee's chair or co-chair can approve minutes. "
        "You can write and save the draft."
    )
    screenshot(page, "records-minutes-secretary-en-tablet")
    assert_accessible(page)

    # The chair approves: read-only from then on.
    chair = open_signed_in(open_page, path, CHAIR, viewport=PHONE)
    expect(chair.get_by_label("English (required)")).to_have_value(
        "Ten parents met.\n\nThey agreed on tours."
    )
    chair.get_by_role("button", name="Approve the minutes").click()
    chair.get_by_role("button", name="Yes, approve").click()
    expect(chair.get_by_text("Approved", exact=True)).to_be_visible()
    expect(chair.get_by_role("heading", name="Approved minutes")).to_be_visible()
    expect(chair.get_by_role("button", name="Save the draft")).to_have_count(0)
    expect(chair.get_by_text("Acordaron visitas.")).to_be_visible()
    minutes.refresh_from_db()
    assert minutes.status == "approved"
    assert minutes.approved_by.email == CHAIR

    # An amendment, with its reason, listed below.
    amend = chair.get_by_role("region", name="Add an amendment")
    amend.get_by_label("Reason for the amendment").fill("Twelve parents, not ten")
    amend.get_by_label("English (required)").fill("Twelve parents met.")
    amend.get_by_label("Spanish").fill("Se reunieron doce padres.")
    amend.get_by_role("button", name="Add the amendment").click()
    amendments = chair.get_by_role("region", name="Amendments")
    expect(amendments.get_by_text("1 amendment", exact=True)).to_be_visible()
    expect(amendments.get_by_text("Reason: Twelve parents, not ten")).to_be_visible()
    expect(amendments.get_by_text("Twelve parents met.")).to_be_visible()
    amendment = MinutesAmendment.objects.get(minutes=minutes)
    assert amendment.reason == "Twelve parents, not ten"
    assert amendment.text == {"en": "Twelve parents met.", "es": "Se reunieron doce padres."}
    minutes.refresh_from_db()
    assert minutes.text["en"] == "Ten parents met.\n\nThey agreed on tours."
    screenshot(chair, "records-minutes-approved-en-phone")
    assert_accessible(chair)

    # The secretary, reloading, sees the approved minutes read-only too.
    page.reload()
    expect(page.get_by_role("heading", name="Approved minutes")).to_be_visible()
    expect(page.get_by_role("button", name="Save the draft")).to_have_count(0)


def test_signed_out_and_wrong_role_visits_see_no_data(open_page):
    committee = is136()
    meeting = new_meeting(days=-1)
    meeting_services.save_minutes(meeting=meeting, text={"en": "Secret draft words."})
    meeting_services.add_agenda_item(meeting=meeting, title={"en": "Hidden draft item"})
    pages = {
        f"/chair/committees/{committee.pk}/members": "Committee members",
        f"/chair/meetings/{meeting.pk}/agenda": "Meeting agenda",
        f"/chair/meetings/{meeting.pk}/minutes": "Meeting minutes",
    }
    secrets = ["Mei Lin", "Hidden draft item", "Secret draft words."]

    signed_out = open_page("/")
    for path, heading in pages.items():
        signed_out.goto(path)
        expect(h1(signed_out)).to_have_text(heading)
        expect(signed_out.get_by_text("Please sign in to see this page.")).to_be_visible()
        link = signed_out.locator("main").get_by_role("link", name="Sign in")
        expect(link).to_have_attribute("href", re.compile(re.escape(path.replace("/", "%2F"))))
        for secret in secrets:
            expect(signed_out.get_by_text(secret)).to_have_count(0)

    # A plain member (sees the committee, does not manage it) and an outsider (404).
    for email in (MEMBER, OUTSIDER):
        page = open_signed_in(open_page, "/", email)
        for path, heading in pages.items():
            page.goto(path)
            expect(h1(page)).to_have_text(heading)
            expect(page.get_by_role("alert")).to_contain_text("You are not allowed to see it")
            for secret in secrets:
                expect(page.get_by_text(secret)).to_have_count(0)
        assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ar", "bn"])
def test_records_pages_in_each_language_and_size(open_page, language):
    committee = is136()
    meeting = new_meeting(days=-1, languages=("en", "es", "ar", "bn"))
    meeting_services.add_agenda_item(
        meeting=meeting,
        title={"en": "Welcome", "ar": "ترحيب", "bn": "স্বাগতম"},
        presenter="Farida",
        minutes=10,
    )
    meeting_services.add_agenda_item(meeting=meeting, title={"en": "Interpreters"}, minutes=20)
    meeting_services.save_minutes(
        meeting=meeting, text={"en": "Twelve parents met.", "ar": "اجتمع اثنا عشر والدًا."}
    )
    paths = {
        "members": f"/chair/committees/{committee.pk}/members",
        "agenda": f"/chair/meetings/{meeting.pk}/agenda",
        "minutes": f"/chair/meetings/{meeting.pk}/minutes",
    }
    for size, viewport in (("phone", PHONE), ("tablet", TABLET)):
        page = open_signed_in(open_page, "/", CHAIR, language=language, viewport=viewport)
        for name, path in paths.items():
            page.goto(path)
            expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{language}"))
            expect(page.locator("main form, main .notice.error").first).to_be_visible()
            expect(page.locator(".notice.error")).to_have_count(0)
            # Every string of the page comes from a catalogue: no key shows as such.
            expect(page.locator("main")).not_to_contain_text("records.")
            if language == "ar":
                expect(page.locator("html")).to_have_attribute("dir", "rtl")
            screenshot(page, f"records-{name}-{language}-{size}")
            assert_accessible(page)
