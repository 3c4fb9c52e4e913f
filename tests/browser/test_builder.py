"""The summit builder: an organiser creates the year's summit, its track, room and partners,
adds sessions in English and Spanish side by side, publishes, and families see them on the
home page in either language; missing translations are marked; cancelling a session warns
how many families are registered; others see no form."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from events_api.events.models import Event, Registration
from events_api.events.services import registration as registrations
from events_api.people.models import Organization, User
from summits import services as summit_services
from summits.models import Session, Summit
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_account import PARENT, h1
from tests.browser.test_organiser import PHONE, TABLET, open_signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ORGANISER = "organiser@demo.opendoors.nyc"
YEAR = 2031  # no demo summit uses it; March 8, 2031 is before daylight saving time
SESSIONS = [
    {
        "en": ("Know your rights at school", "Your rights as a parent, whatever your status."),
        "es": ("Conozca sus derechos en la escuela", "Sus derechos como padre o madre."),
        "times": ("10:00", "11:15"),
    },
    {
        "en": ("Applying to high school", "How the high school application works."),
        "es": ("Cómo solicitar la secundaria", "Cómo funciona la solicitud de secundaria."),
        "times": ("13:00", "14:00"),
    },
]


def translation_block(page: Page, field_id: str):
    """The fieldset of one language in the side-by-side editor."""
    return page.locator("fieldset.translation").filter(has=page.locator(f"#{field_id}"))


def add_session(page: Page, texts: dict) -> None:
    page.get_by_role("link", name="Add a session").click()
    expect(h1(page)).to_have_text("New session")
    title, description = texts["en"]
    page.locator("#field-title_translations").fill(title)
    page.locator("#field-description_translations").fill(description)
    spanish = translation_block(page, "title_translations-es")
    expect(spanish.locator(".marker")).to_have_text("Translation missing")
    page.locator("#title_translations-es").fill(texts["es"][0])
    page.locator("#description_translations-es").fill(texts["es"][1])
    expect(spanish.locator(".marker")).to_have_count(0)
    page.locator("#field-starts_at").fill(texts["times"][0])
    page.locator("#field-ends_at").fill(texts["times"][1])
    page.locator("#field-room").select_option(label="Library")
    page.locator("#field-track").select_option(label="Family rights")
    page.locator("#field-capacity").fill("30")
    page.locator("#languages-es").check()
    hosts = page.get_by_role("group", name="Hosted by (partner organisations)")
    hosts.get_by_label("Advocates for Children of New York").check()
    page.get_by_role("button", name="Add the session").click()
    expect(page.get_by_role("status").filter(has_text="The session was added")).to_be_visible()
    expect(page.locator(".session-card").filter(has_text=title)).to_contain_text(
        "Translations missing in 11 languages"
    )


def test_organiser_builds_and_publishes_a_summit_families_see_it(open_page):
    page = open_signed_in(open_page, "/organiser", viewport=TABLET)
    page.get_by_role("link", name="New summit").click()
    expect(h1(page)).to_have_text("New summit")
    page.locator("#field-year").fill(str(YEAR))
    page.locator("#field-title_translations").fill("Family Summit 2031")
    page.locator("#title_translations-es").fill("Cumbre de Familias 2031")
    # The summit must start in its year: the server's message is shown at the field.
    page.locator("#field-starts_on").fill("2030-03-08")
    page.locator("#field-ends_on").fill("2031-03-08")
    page.get_by_role("button", name="Create the summit").click()
    expect(page.locator("#form-errors")).to_be_focused()
    expect(page.locator(".field.invalid #field-starts_on")).to_be_visible()
    expect(page.locator("#field-starts_on-error")).to_have_text(
        "The summit must start in its year."
    )
    page.locator("#field-starts_on").fill("2031-03-08")
    page.get_by_role("button", name="Create the summit").click()
    expect(h1(page)).to_have_text("Family Summit 2031")
    summit = Summit.objects.get(year=YEAR)
    assert page.url.endswith(f"/organiser/summits/{summit.pk}/build")
    assert summit.status == "draft"
    assert summit.title == {"en": "Family Summit 2031", "es": "Cumbre de Familias 2031"}
    assert summit.organizers.filter(email=ORGANISER).exists()

    page.get_by_label("Track name (English)").fill("Family rights")
    page.get_by_role("button", name="Add the track").click()
    expect(page.locator("section[aria-labelledby=tracks-heading] .parts")).to_contain_text(
        "Family rights"
    )
    page.get_by_label("Room name").fill("Library")
    page.get_by_label("Seats in the room").fill("40")
    page.get_by_role("button", name="Add the room").click()
    expect(page.locator("section[aria-labelledby=rooms-heading] .parts")).to_contain_text(
        "Library · 40 seats"
    )
    partner = Organization.objects.get(name="Advocates for Children of New York")
    page.get_by_label(partner.name).check()
    page.get_by_role("button", name="Save the partners").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    assert list(summit.partners.all()) == [partner]

    for texts in SESSIONS:
        add_session(page, texts)
    expect(page.locator(".session-card")).to_have_count(2)
    expect(page.locator(".session-card .badge").filter(has_text="Draft")).to_have_count(2)

    page.get_by_role("button", name="Publish the summit and its sessions").click()
    published = page.get_by_role("status").filter(has_text="The summit and its sessions are")
    expect(published).to_have_text("The summit and its sessions are published.")
    expect(page.locator(".session-card .badge").filter(has_text="Published")).to_have_count(2)

    summit.refresh_from_db()
    assert summit.status == "published"
    sessions = list(Session.objects.filter(summit=summit).select_related("event", "room", "track"))
    assert len(sessions) == 2
    for session, texts in zip(sessions, SESSIONS, strict=True):
        event = session.event
        assert event.status == "published"
        assert event.title == {"en": texts["en"][0], "es": texts["es"][0]}
        assert event.description == {"en": texts["en"][1], "es": texts["es"][1]}
        assert (session.room.name, session.track.name["en"], event.capacity) == (
            "Library",
            "Family rights",
            30,
        )
        assert sorted(event.languages.values_list("code", flat=True)) == ["en", "es"]
        assert list(session.hosts.all()) == [partner]
        # Typed as New York wall-clock times, stored as the right instants.
        hour, minute = map(int, texts["times"][0].split(":"))
        assert event.starts_at == datetime(YEAR, 3, 8, hour + 5, minute, tzinfo=UTC)

    # Families see both sessions on the home page, in English and in Spanish.
    listing = f"/?from={YEAR}-03-01&filtered=1"
    family = open_page(listing)
    for texts in SESSIONS:
        expect(family.get_by_role("link", name=texts["en"][0])).to_be_visible()
    spanish = open_page(listing, language="es")
    for texts in SESSIONS:
        expect(spanish.get_by_role("link", name=texts["es"][0])).to_be_visible()


def test_missing_translation_marker_goes_once_filled(open_page):
    session = Session.objects.filter(summit__year=2027).select_related("event").first()
    assert "uz" not in session.event.title
    page = open_signed_in(open_page, f"/organiser/sessions/{session.pk}/edit", viewport=TABLET)
    expect(h1(page)).to_have_text(f"Session: {session.event.title['en']}")
    uzbek = translation_block(page, "title_translations-uz")
    expect(uzbek.locator("legend")).to_contain_text("Translation missing")
    page.locator("#title_translations-uz").fill("Ochilish yalpi majlisi")
    # The English description is written, so the Uzbek one is still missing.
    expect(uzbek.locator(".marker")).to_be_visible()
    page.locator("#description_translations-uz").fill("So'rov bo'yicha tarjima mavjud.")
    expect(uzbek.locator(".marker")).to_have_count(0)
    expect(translation_block(page, "title_translations-ko").locator(".marker")).to_be_visible()
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    session.event.refresh_from_db()
    assert session.event.title["uz"] == "Ochilish yalpi majlisi"
    assert session.event.description["uz"] == "So'rov bo'yicha tarjima mavjud."
    # After the reload the marker stays away for Uzbek.
    page.reload()
    expect(translation_block(page, "title_translations-uz").locator(".marker")).to_have_count(0)
    page.get_by_role("link", name=re.compile("^Back to Immigrant Planning Summit")).click()
    card = page.locator(".session-card").filter(has_text=session.event.title["en"])
    expect(card.locator(".missing-line")).to_be_visible()
    expect(card.locator(".missing-line")).not_to_contain_text("Uzbek")
    expect(card.locator(".missing-line")).to_contain_text("Korean")


def test_a_new_session_shows_field_errors_then_is_published_on_its_own(open_page):
    summit = Summit.objects.get(year=2027)
    page = open_signed_in(
        open_page, f"/organiser/summits/{summit.pk}/sessions/new", viewport=TABLET
    )
    expect(h1(page)).to_have_text("New session")
    expect(
        page.get_by_text("Times are in the summit's time zone (America/New_York).")
    ).to_be_visible()
    page.locator("#field-title_translations").fill("Evening clinic: school transfers")
    page.locator("#field-starts_at").fill("18:00")
    page.locator("#field-ends_at").fill("17:00")
    page.get_by_role("button", name="Add the session").click()
    expect(page.locator("#field-ends_at-error")).to_have_text("The end must be after the start.")
    expect(page.locator("#field-ends_at")).to_have_attribute("aria-invalid", "true")
    assert not Session.objects.filter(event__title__en__startswith="Evening clinic").exists()
    page.locator("#field-ends_at").fill("19:30")
    page.get_by_role("button", name="Add the session").click()
    expect(page.get_by_role("status").filter(has_text="The session was added")).to_be_visible()
    session = Session.objects.get(event__title__en="Evening clinic: school transfers")
    assert session.event.status == "draft"
    assert session.event.ends_at - session.event.starts_at == timedelta(minutes=90)
    page.locator(".session-card").filter(has_text="Evening clinic").get_by_role("link").click()
    expect(h1(page)).to_have_text("Session: Evening clinic: school transfers")
    page.get_by_role("button", name="Publish this session").click()
    expect(page.get_by_role("status").filter(has_text="The session is published.")).to_be_visible()
    expect(page.locator("main .badge").first).to_have_text("Published")
    session.event.refresh_from_db()
    assert session.event.status == "published"


def session_with_registrations() -> tuple[Session, int]:
    """A published session of the demo summit with two families seated and one waiting."""
    summit = Summit.objects.get(year=2027)
    starts = datetime.combine(summit.starts_on, datetime.min.time(), tzinfo=UTC) + timedelta(
        hours=20
    )
    session = summit_services.create_session(
        summit=summit,
        title={"en": "Budget night for parents"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        capacity=2,
        languages=["en"],
        status="published",
    )
    for number, name in enumerate(["Ana Lopez", "Bilal Khan", "Chen Wei"]):
        registrations.register(
            event_id=session.event_id,
            contact=registrations.Contact(name=name, phone=f"+1718555020{number}"),
            party=registrations.Party(adults=1),
            needs=registrations.Needs(),
        )
    statuses = sorted(
        Registration.objects.filter(event=session.event).values_list("status", flat=True)
    )
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    return session, 3


def test_cancelling_a_session_warns_how_many_families_are_registered(open_page):
    session, families = session_with_registrations()
    page = open_signed_in(open_page, f"/organiser/sessions/{session.pk}/edit", viewport=PHONE)
    expect(h1(page)).to_have_text("Session: Budget night for parents")
    page.get_by_role("button", name="Cancel this session…").click()
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text(
        f"{families} families are registered (with a seat or on the waitlist)."
    )
    expect(warning).to_contain_text("They will be told that the session is cancelled")
    screenshot(page, "builder-cancel-en-phone")
    assert_accessible(page)
    # Thinking better of it changes nothing.
    page.get_by_role("button", name="No, keep it").click()
    assert Event.objects.get(pk=session.event_id).status == "published"
    page.get_by_role("button", name="Cancel this session…").click()
    page.get_by_role("button", name="Yes, cancel the session").click()
    expect(page.get_by_role("status").filter(has_text="The session is cancelled.")).to_have_text(
        "The session is cancelled. Those registered are being told."
    )
    expect(page.locator("main .badge")).to_have_text("Cancelled")
    expect(page.locator("#field-title_translations")).to_have_count(0)
    assert Event.objects.get(pk=session.event_id).status == "cancelled"


def test_signed_out_and_wrong_role_see_no_form(open_page):
    page = open_page("/organiser/summits/new")
    expect(h1(page)).to_have_text("New summit")
    expect(page.get_by_role("main").get_by_role("link", name="Sign in")).to_have_attribute(
        "href", "/account/sign-in?next=%2Forganiser%2Fsummits%2Fnew"
    )
    expect(page.locator("form")).to_have_count(0)
    expect(page.locator("#field-year")).to_have_count(0)

    parent = open_signed_in(open_page, "/organiser/summits/new", email=PARENT)
    expect(h1(parent)).to_have_text("New summit")
    expect(parent.get_by_role("alert")).to_contain_text("This page is for staff")
    expect(parent.locator("#field-year")).to_have_count(0)
    summit = Summit.objects.get(year=2027)
    parent.goto(f"/organiser/summits/{summit.pk}/build")
    expect(parent.get_by_role("alert")).to_contain_text("This page is for staff")
    expect(parent.locator(".session-card")).to_have_count(0)
    assert User.objects.get(email=PARENT).organized_summits.count() == 0


@pytest.mark.parametrize("language", ["en", "ar", "bn"])
def test_builder_pages_are_accessible_and_laid_out(open_page, language):
    summit = Summit.objects.get(year=2027)
    session = Session.objects.filter(summit=summit).first()
    pages = {
        "build": f"/organiser/summits/{summit.pk}/build",
        "session": f"/organiser/sessions/{session.pk}/edit",
        "new-session": f"/organiser/summits/{summit.pk}/sessions/new",
        "new-summit": "/organiser/summits/new",
    }
    page = open_signed_in(open_page, pages["build"], language=language, viewport=PHONE)
    if language == "ar":
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
    for name, path in pages.items():
        page.set_viewport_size(PHONE)
        page.goto(path)
        expect(page.locator("main form").first).to_be_visible()
        expect(page.locator("main [role=status].muted")).to_have_count(0)  # loaded
        assert_accessible(page)
        screenshot(page, f"builder-{name}-{language}-phone")
        if name in ("build", "session"):
            page.set_viewport_size(TABLET)
            screenshot(page, f"builder-{name}-{language}-tablet")
    # Nothing wider than the phone's screen.
    page.set_viewport_size(PHONE)
    page.goto(pages["session"])
    expect(page.locator("#field-title_translations")).to_be_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
