"""The interpreter coordinator's console (demand board, roster, coverage) and an
interpreter's own jobs: a coordinator assigns an interpreter and sees a refused
double-booking explained in words; an interpreter confirms and declines; signed-out and
wrong-role visitors land on sign-in or "not allowed", never on data."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events_api.interpretation.models import Assignment, Interpreter
from events_api.interpretation.services import assignments
from events_api.people.models import User
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_account import PARENT, h1, sign_in
from tests.factories import EventFactory, SchoolFactory
from tests.interpretation.factories import InterpreterFactory, request_line

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COORDINATOR = "coordinator@demo.opendoors.nyc"
INTERPRETER = "interpreter@demo.opendoors.nyc"
NY = ZoneInfo("America/New_York")
TABLET = {"width": 820, "height": 1180}
DASH = r"\s*\u2013\s*"  # the en dash between two times


def evening(days: int, hour: int = 17, hours: int = 2) -> tuple[datetime, datetime]:
    day = (timezone.now() + timedelta(days=days)).astimezone(NY).date()
    starts = datetime(day.year, day.month, day.day, hour, tzinfo=NY)
    return starts, starts + timedelta(hours=hours)


@pytest.fixture
def clash():
    """Dora already interprets Spanish at P.S. 20's budget night, 5 to 7 pm; a Spanish line
    at another school overlaps it. Ana is free and available then."""
    starts, ends = evening(45)
    held = EventFactory(
        title={"en": "Budget night"},
        starts_at=starts,
        ends_at=ends,
        school=SchoolFactory(name="P.S. 20", dbn="99X920"),
    )
    other = EventFactory(
        title={"en": "Reading workshop"},
        starts_at=starts + timedelta(hours=1),
        ends_at=ends + timedelta(hours=1),
        school=SchoolFactory(name="P.S. 31", dbn="99X931"),
    )
    dora = InterpreterFactory(name="Dora Busy", languages=["es"], modes=["in_person"])
    ana = InterpreterFactory(
        name="Ana Free",
        languages=["es"],
        modes=["in_person"],
        availability=[(starts - timedelta(hours=3), ends + timedelta(hours=3))],
    )
    coordinator = User.objects.get(email=COORDINATOR)
    held_line = request_line(held, language="es", by=coordinator)
    assignments.assign(line_id=held_line.pk, interpreter_id=dora.pk, by=coordinator)
    line = request_line(other, language="es", people=3, by=coordinator)
    return line, dora, ana


def test_coordinator_assigns_and_sees_a_refused_double_booking_explained(open_page, clash):
    line, dora, ana = clash
    page = open_page("/")
    sign_in(page, COORDINATOR)
    page.goto("/interpreting")
    expect(h1(page)).to_have_text("Interpreter demand")
    page.get_by_label("Event").select_option(label="Reading workshop")
    card = page.locator(f"#line-{line.pk}")
    expect(card.get_by_role("heading", level=2)).to_have_text("Spanish, in person")
    expect(card).to_contain_text("Needs an interpreter")
    expect(page.locator("main .interp-line")).to_have_count(1)
    card.get_by_role("button", name="Find an interpreter").click()
    expect(card.get_by_role("button", name="Assign Ana Free")).to_be_visible()
    # Dora collides, so the API does not suggest her; asked for anyway, it refuses and says why.
    expect(card.get_by_role("button", name="Assign Dora Busy")).to_have_count(0)
    card.get_by_label("Someone else with this language").select_option(label="Dora Busy")
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/assignments/") and r.request.method == "POST"
    ) as refused:
        card.get_by_role("button", name="Assign", exact=True).click()
    assert refused.value.status == 409
    explained = card.get_by_role("alert")
    expect(explained).to_have_text(
        re.compile(
            r"^Not assigned: Dora Busy is already at P\.S\. 20 \(Budget night\), "
            rf".*5:00{DASH}7:00\s*PM\.$"
        )
    )
    expect(explained).to_be_focused()
    assert not Assignment.objects.filter(line=line).exists()
    screenshot(page, "interpreting-board-conflict")
    assert_accessible(page)

    card.get_by_role("button", name="Assign Ana Free").click()
    notice = card.get_by_role("status")
    expect(notice).to_have_text("Ana Free is assigned. They will be asked to confirm.")
    expect(notice).to_be_focused()
    expect(card).to_contain_text("Ana Free (waiting for an answer)")
    assert Assignment.objects.get(line=line).interpreter_id == ana.pk
    assert Assignment.objects.filter(interpreter=dora).count() == 1

    card.get_by_role("button", name="Take Ana Free off this line").click()
    expect(card.get_by_role("status")).to_have_text("Ana Free is no longer on this line.")
    assert Assignment.objects.get(line=line).status == "cancelled"


def test_board_puts_uncovered_lines_first(open_page):
    page = open_page("/")
    sign_in(page, COORDINATOR)
    page.goto("/interpreting")
    cards = page.locator("main .interp-line")
    expect(cards.first).to_be_visible()
    statuses = [
        text.strip()
        for text in page.locator(
            "main .interp-line .interp-badges .badge:first-child"
        ).all_inner_texts()
    ]
    uncovered = {"Needs an interpreter", "Could not be covered"}
    first_covered = next((i for i, s in enumerate(statuses) if s not in uncovered), len(statuses))
    assert all(s not in uncovered for s in statuses[first_covered:]), statuses
    assert first_covered > 0, statuses


@pytest.mark.parametrize("language", ["en", "ar"])
def test_console_pages_on_phone_and_tablet(open_page, language):
    for size, viewport in (("phone", None), ("tablet", TABLET)):
        options = {"viewport": viewport} if viewport else {}
        page = open_page("/", language, **options)
        sign_in(page, COORDINATOR)
        for path, name in (
            ("/interpreting", "board"),
            ("/interpreting/roster", "roster"),
            ("/interpreting/coverage", "coverage"),
        ):
            page.goto(path)
            expect(page.locator("main .card").first).to_be_visible()
            if language == "ar":
                expect(page.locator("html")).to_have_attribute("dir", "rtl")
            screenshot(page, f"interpreting-{name}-{language}-{size}")
            assert_accessible(page)


def test_roster_and_coverage_with_csv(open_page):
    page = open_page("/")
    sign_in(page, COORDINATOR)
    page.goto("/interpreting/roster")
    expect(h1(page)).to_have_text("Interpreter roster")
    person = page.locator("main .interp-person").filter(has_text="Lucía Gómez")
    expect(person).to_contain_text("Spanish")
    expect(person).to_contain_text("in person, by phone, by video")
    expect(person).to_contain_text("Lingua NYC")
    expect(page.locator("main .interp-person")).to_have_count(Interpreter.objects.count())

    page.get_by_role("link", name="Coverage").click()
    expect(h1(page)).to_have_text("Interpretation coverage")
    expect(page.locator("main .interp-coverage").first).to_be_visible()
    link = page.get_by_role("link", name="Download as a spreadsheet (CSV)")
    with page.expect_download() as download:
        link.click()
    body = download.value.path().read_text(encoding="utf-8-sig")
    assert body.splitlines()[0].startswith("event,title,starts_at,event_status,line,language")


def test_interpreter_confirms_one_job_and_declines_another(open_page):
    coordinator = User.objects.get(email=COORDINATOR)
    marisol = Interpreter.objects.get(user__email=INTERPRETER)
    jobs = []
    for days, title in ((50, "Family math night"), (51, "Kindergarten tour")):
        starts, ends = evening(days, hour=9)
        event = EventFactory(title={"en": title}, starts_at=starts, ends_at=ends, room="Gym")
        line = request_line(event, language="es", by=coordinator)
        jobs.append(assignments.assign(line_id=line.pk, interpreter_id=marisol.pk, by=coordinator))
    page = open_page("/")
    sign_in(page, INTERPRETER)
    page.goto("/me/jobs")
    expect(h1(page)).to_have_text("My interpreting jobs")
    expect(page.get_by_role("link", name="Subscribe to my calendar")).to_have_attribute(
        "href", "/me/calendar"
    )
    first, second = (page.locator(f"#job-{job.pk}") for job in jobs)
    expect(first).to_contain_text("Family math night")
    expect(first).to_contain_text("4004 4th Avenue, Brooklyn, NY 11232, Gym")
    expect(first).to_contain_text("waiting for an answer")
    screenshot(page, "interpreting-jobs-en-phone")
    assert_accessible(page)

    first.get_by_role("button", name="Confirm").click()
    expect(first.get_by_role("status")).to_have_text("Confirmed. Thank you!")
    expect(first.locator(".badge").first).to_have_text("confirmed")

    second.get_by_role("button", name="Decline").click()
    reason = second.get_by_label("Why you cannot come (optional)")
    expect(reason).to_be_focused()
    reason.fill("Another job that morning")
    second.get_by_role("button", name="Decline this job").click()
    expect(second.get_by_role("status")).to_have_text(
        "Declined. The coordinator will find someone else."
    )
    assert [Assignment.objects.get(pk=job.pk).status for job in jobs] == ["confirmed", "declined"]
    assert Assignment.objects.get(pk=jobs[1].pk).decline_reason == "Another job that morning"


def test_jobs_page_in_arabic_on_a_tablet(open_page):
    coordinator = User.objects.get(email=COORDINATOR)
    starts, ends = evening(52, hour=18)
    line = request_line(EventFactory(starts_at=starts, ends_at=ends), by=coordinator)
    marisol = Interpreter.objects.get(user__email=INTERPRETER)
    job = assignments.assign(line_id=line.pk, interpreter_id=marisol.pk, by=coordinator)
    page = open_page("/", "ar", viewport=TABLET)
    sign_in(page, INTERPRETER)
    page.goto("/me/jobs")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main .interp-calendar")).to_be_visible()
    expect(page.locator(f"#job-{job.pk} button")).to_have_count(2)
    screenshot(page, "interpreting-jobs-ar-tablet")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["/interpreting", "/interpreting/roster", "/interpreting/coverage", "/me/jobs"]
)
def test_signed_out_visitors_are_sent_to_sign_in(open_page, path):
    page = open_page(path)
    link = page.locator("main").get_by_role("link", name="Sign in", exact=True)
    expect(link).to_have_attribute("href", f"/account/sign-in?next={path.replace('/', '%2F')}")
    expect(page.locator("main .card")).to_have_count(0)


@pytest.mark.parametrize(
    "path", ["/interpreting", "/interpreting/roster", "/interpreting/coverage"]
)
def test_wrong_roles_read_not_allowed_and_see_no_data(open_page, path):
    page = open_page("/")
    sign_in(page, PARENT)
    page.goto(path)
    expect(page.locator("main [role=alert]")).to_have_text(re.compile("This page is for staff"))
    expect(page.locator("main .card")).to_have_count(0)


def test_an_account_not_on_the_roster_has_no_jobs_page(open_page):
    page = open_page("/")
    sign_in(page, PARENT)
    page.goto("/me/jobs")
    expect(page.locator("main")).to_contain_text("This account is not on the interpreters' roster.")
    expect(page.locator("main .card")).to_have_count(0)


# --- the roster, editable (issue 12) --------------------------------------------------------


def wall(moment: datetime) -> str:
    """A datetime-local input's value for ``moment`` in New York."""
    return moment.astimezone(NY).strftime("%Y-%m-%dT%H:%M")


def open_roster(open_page, email=COORDINATOR, language="en", **options):
    page = open_page("/", language, **options)
    sign_in(page, email)
    page.goto("/interpreting/roster")
    expect(page.locator("main .interp-person").first).to_be_visible()
    return page


def add_language(form, code: str) -> None:
    form.locator("#field-languages").select_option(code)
    form.locator(".roster-add-language button").click()


def test_coordinator_adds_an_interpreter_with_two_languages(open_page):
    page = open_roster(open_page)
    page.get_by_role("button", name="Add an interpreter").click()
    form = page.locator("main .roster-new")
    expect(form.get_by_role("heading", name="New interpreter")).to_be_visible()

    # Nothing chosen: the API's messages are at the fields, the summary takes the focus.
    form.get_by_role("button", name="Add to the roster").click()
    summary = form.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Please check what you entered.")
    expect(form.locator("fieldset.roster-languages .field-error")).to_be_visible()
    expect(form.locator("#field-modes .field-error")).to_be_visible()
    assert not Interpreter.objects.filter(name="Nadia Haddad").exists()

    form.get_by_label("Name", exact=True).fill("Nadia Haddad")
    form.get_by_label("Email", exact=True).fill("nadia@lingua.example.org")
    form.get_by_label("Phone", exact=True).fill("+17185550199")
    form.get_by_label("Agency", exact=True).fill("Lingua NYC")
    add_language(form, "ar")
    add_language(form, "fr")
    expect(form.locator(".roster-chosen li")).to_have_count(2)
    form.get_by_label("in person").check()
    form.get_by_label("by phone").check()
    form.get_by_role("button", name="Add a time").click()
    # An end before the start: the API says so at that window.
    form.get_by_label("Time 1: from").fill("2031-05-06T17:00")
    form.get_by_label("Time 1: until").fill("2031-05-06T09:00")
    form.get_by_role("button", name="Add to the roster").click()
    expect(form.locator(".roster-window .field-error")).to_have_text(
        "The end must be after the start."
    )
    expect(summary.get_by_role("link", name=re.compile("^Time 1:"))).to_be_visible()
    screenshot(page, "interpreting-roster-add-errors-en-phone")
    assert_accessible(page)
    assert not Interpreter.objects.filter(name="Nadia Haddad").exists()

    form.get_by_label("Time 1: from").fill("2031-05-06T09:00")
    form.get_by_label("Time 1: until").fill("2031-05-06T17:00")
    form.get_by_label("Notes").fill("Prefers mornings")
    form.get_by_role("button", name="Add to the roster").click()
    notice = page.locator("main > .notice.success")
    expect(notice).to_have_text("Nadia Haddad is on the roster.")
    expect(notice).to_be_focused()

    nadia = Interpreter.objects.get(name="Nadia Haddad")
    assert set(nadia.languages.values_list("code", flat=True)) == {"ar", "fr"}
    assert set(nadia.modes.values_list("mode", flat=True)) == {"in_person", "phone"}
    assert (nadia.email, nadia.phone, nadia.agency, nadia.notes, nadia.active) == (
        "nadia@lingua.example.org",
        "+17185550199",
        "Lingua NYC",
        "Prefers mornings",
        True,
    )
    [window] = nadia.availability.all()
    assert window.starts_at == datetime(2031, 5, 6, 9, tzinfo=NY)
    assert window.ends_at == datetime(2031, 5, 6, 17, tzinfo=NY)
    card = page.locator(f"#person-{nadia.pk}")
    expect(card).to_contain_text("Arabic, French")
    expect(card).to_contain_text("in person, by phone")
    expect(card).to_contain_text("May 6, 2031")
    expect(page.locator("main .interp-person")).to_have_count(Interpreter.objects.count())


def test_coordinator_edits_availability_and_mode_then_deactivates(open_page):
    coordinator = User.objects.get(email=COORDINATOR)
    starts, ends = evening(45)
    event = EventFactory(title={"en": "Science fair"}, starts_at=starts, ends_at=ends)
    line = request_line(event, language="es", mode="phone", by=coordinator)
    ana = InterpreterFactory(name="Ana Nueva", languages=["es"], modes=["in_person"])

    page = open_roster(open_page)
    card = page.locator(f"#person-{ana.pk}")
    expect(card).to_contain_text("No availability given")
    card.get_by_role("button", name="Edit Ana Nueva").click()
    card.get_by_label("by phone").check()
    card.get_by_role("button", name="Add a time").click()
    card.get_by_label("Time 1: from").fill(wall(starts - timedelta(hours=2)))
    card.get_by_label("Time 1: until").fill(wall(ends + timedelta(hours=1)))
    card.get_by_role("button", name="Save changes").click()
    expect(card.get_by_role("status")).to_have_text("The changes to Ana Nueva are saved.")
    expect(card).to_contain_text("in person, by phone")
    ana.refresh_from_db()
    assert set(ana.modes.values_list("mode", flat=True)) == {"in_person", "phone"}
    [window] = ana.availability.all()
    assert (window.starts_at, window.ends_at) == (
        starts - timedelta(hours=2),
        ends + timedelta(hours=1),
    )

    # Now free, available and working by phone, she is suggested for the phone line.
    page.goto("/interpreting")
    page.get_by_label("Event").select_option(label="Science fair")
    line_card = page.locator(f"#line-{line.pk}")
    line_card.get_by_role("button", name="Find an interpreter").click()
    expect(line_card.get_by_role("button", name="Assign Ana Nueva")).to_be_visible()

    page.goto("/interpreting/roster")
    card = page.locator(f"#person-{ana.pk}")
    card.get_by_role("button", name="Deactivate Ana Nueva").click()
    expect(card.get_by_role("status")).to_contain_text("Ana Nueva is no longer active")
    expect(card).to_contain_text("Not active")
    assert Interpreter.objects.get(pk=ana.pk).active is False

    # Filters: Spanish, not active → only her.
    page.get_by_label("Language").select_option("es")
    page.get_by_label("Status").select_option("false")
    expect(page.locator("main .interp-person")).to_have_count(1)
    expect(page.locator("main .interp-person h2")).to_have_text("Ana Nueva")
    page.get_by_label("Status").select_option("true")
    expect(page.locator(f"#person-{ana.pk}")).to_have_count(0)
    expect(page.locator("main .interp-person")).to_have_count(
        Interpreter.objects.filter(languages="es", active=True).count()
    )

    # Not active: the board no longer offers her, neither as a suggestion nor in the list.
    page.goto("/interpreting")
    page.get_by_label("Event").select_option(label="Science fair")
    line_card = page.locator(f"#line-{line.pk}")
    line_card.get_by_role("button", name="Find an interpreter").click()
    expect(line_card.locator(".interp-candidates h3")).to_be_visible()
    expect(line_card.get_by_text("Nobody on the roster with this language")).to_be_visible()
    expect(line_card.get_by_role("button", name="Assign Ana Nueva")).to_have_count(0)
    expect(line_card.locator("option", has_text="Ana Nueva")).to_have_count(0)

    page.goto("/interpreting/roster")
    page.locator(f"#person-{ana.pk}").get_by_role("button", name="Reactivate Ana Nueva").click()
    expect(page.locator(f"#person-{ana.pk}").get_by_role("status")).to_have_text(
        "Ana Nueva is active again and can be assigned."
    )
    assert Interpreter.objects.get(pk=ana.pk).active is True


def test_sign_language_mismatch_is_shown_at_the_modes(open_page):
    ana = InterpreterFactory(name="Ana Signs", languages=["es"], modes=["in_person"])
    page = open_roster(open_page)
    card = page.locator(f"#person-{ana.pk}")
    card.get_by_role("button", name="Edit Ana Signs").click()
    card.get_by_label("sign language").check()
    card.get_by_role("button", name="Save changes").click()
    expect(card.locator("#field-modes .field-error")).to_have_text(
        "Sign-language mode needs a sign language, and a sign language needs sign-language mode."
    )
    assert set(ana.modes.values_list("mode", flat=True)) == {"in_person"}


def test_editing_an_account_linked_entry_sends_only_what_changed(open_page):
    marisol = Interpreter.objects.get(user__email=INTERPRETER)
    assert marisol.name == ""  # shown with her account's name
    page = open_roster(open_page)
    card = page.locator(f"#person-{marisol.pk}")
    card.get_by_role("button", name="Edit Marisol Interpreter").click()
    expect(card.get_by_label("Name", exact=True)).to_have_value("Marisol Interpreter")
    card.get_by_label("Notes").fill("Also Portuguese, not yet certified")
    with page.expect_request(lambda r: r.method == "PATCH") as sent:
        card.get_by_role("button", name="Save changes").click()
    assert sent.value.post_data_json == {"notes": "Also Portuguese, not yet certified"}
    expect(card.get_by_role("status")).to_have_text("The changes to Marisol Interpreter are saved.")
    expect(card).to_contain_text("Also Portuguese, not yet certified")
    marisol.refresh_from_db()
    assert (marisol.name, marisol.notes) == ("", "Also Portuguese, not yet certified")


def test_an_interpreter_changes_only_their_own_availability(open_page):
    marisol = Interpreter.objects.get(user__email=INTERPRETER)
    before = set(marisol.modes.values_list("mode", flat=True))
    page = open_page("/")
    sign_in(page, INTERPRETER)
    page.goto("/interpreting/roster")
    expect(h1(page)).to_have_text("My availability")
    expect(page.locator("main .interp-person")).to_have_count(1)
    coordinator_only = re.compile("^(Edit|Deactivate|Add an)")
    expect(page.get_by_role("button", name=coordinator_only)).to_have_count(0)
    expect(page.locator("main #field-name")).to_have_count(0)
    count = marisol.availability.count()
    page.get_by_role("button", name="Add a time").click()
    page.get_by_label(f"Time {count + 1}: from").fill("2031-06-02T08:00")
    page.get_by_label(f"Time {count + 1}: until").fill("2031-06-02T12:30")
    page.get_by_role("button", name="Save my availability").click()
    expect(page.locator("main .notice.success")).to_have_text("Your availability is saved.")
    windows = list(marisol.availability.order_by("starts_at"))
    assert len(windows) == count + 1
    assert (windows[-1].starts_at, windows[-1].ends_at) == (
        datetime(2031, 6, 2, 8, tzinfo=NY),
        datetime(2031, 6, 2, 12, 30, tzinfo=NY),
    )
    assert set(marisol.modes.values_list("mode", flat=True)) == before
    screenshot(page, "interpreting-roster-own-en-phone")
    assert_accessible(page)


def test_parent_reads_not_allowed_and_cannot_add(open_page):
    page = open_page("/")
    sign_in(page, PARENT)
    page.goto("/interpreting/roster")
    expect(page.locator("main [role=alert]")).to_have_text(re.compile("This page is for staff"))
    expect(page.get_by_role("button", name="Add an interpreter")).to_have_count(0)
    expect(page.locator("main form")).to_have_count(0)


@pytest.mark.parametrize("language", ["en", "ar", "bn"])
def test_roster_forms_on_phone_and_tablet(open_page, language):
    for size, viewport in (("phone", None), ("tablet", TABLET)):
        options = {"viewport": viewport} if viewport else {}
        page = open_roster(open_page, language=language, **options)
        if language == "ar":
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
        page.locator("main > p > button").click()
        form = page.locator("main .roster-new")
        add_language(form, "es")
        form.locator("#mode-in_person").check()
        form.locator(".roster-windows > button").click()
        form.locator("#field-availability_0_starts_at").fill("2031-05-06T09:00")
        form.locator('.roster-form button[type="submit"]').click()
        # A time without its end: the message at that input.
        expect(form.locator("#form-errors")).to_be_focused()
        expect(form.locator("#field-availability_0_ends_at-error")).to_be_visible()
        screenshot(page, f"interpreting-roster-form-{language}-{size}")
        assert_accessible(page)
        page.locator("main .roster-form button.secondary", has_text=re.compile(".")).last.click()
        card = page.locator("main .interp-person").first
        card.locator(".actions button").first.click()
        expect(card.locator(".roster-form")).to_be_visible()
        screenshot(page, f"interpreting-roster-edit-{language}-{size}")
        assert_accessible(page)
