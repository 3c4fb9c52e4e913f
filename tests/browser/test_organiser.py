"""A summit's organiser picks the summit, reads its dashboard (two SVG charts with the
same numbers in tables, refreshed in place by hand and every minute), and a session's
attendees (filters, a CSV export that is logged); others see no data."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from events_api.audit.models import AccessRecord
from events_api.events.models import Registration
from events_api.events.services import registration as services
from summits.models import Session, Summit
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.conftest import open_signed_in as signed_in
from tests.browser.test_account import PARENT, h1, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ORGANISER = "organiser@demo.opendoors.nyc"


def open_signed_in(open_page, path: str, email: str = ORGANISER, **options) -> Page:
    return signed_in(open_page, path, email, **options)


ORGANISER2 = "organiser2@demo.opendoors.nyc"
SUMMIT = "Immigrant Planning Summit 2027"
FULL_SESSION = "Getting into your child's school without formal ID"
TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}


def dashboard_response(response) -> bool:
    return bool(re.search(r"/api/v1/summits/\d+/dashboard/$", response.url.split("?")[0]))


def test_organiser_picks_the_summit_and_reads_its_dashboard(open_page):
    summit = Summit.objects.get(year=2027)
    page = open_signed_in(open_page, "/", viewport=PHONE)
    page.get_by_role("link", name="Summit dashboard").click()
    expect(h1(page)).to_have_text("Summits you organise")
    expect(page.get_by_text("1 summit", exact=True)).to_be_visible()
    screenshot(page, "organiser-summits-en-phone")
    assert_accessible(page)
    page.get_by_role("link", name=SUMMIT).click()
    page.wait_for_url(f"**/organiser/summits/{summit.pk}")
    expect(h1(page)).to_have_text(SUMMIT)

    sessions = page.get_by_role("table", name=re.compile("^Figures per session"))
    full = sessions.get_by_role("row", name=re.compile(re.escape(FULL_SESSION)))
    # The demo fills this session (6 seats) and puts a family on its waitlist.
    event = Session.objects.get(summit=summit, event__title__en=FULL_SESSION).event
    seated = Registration.objects.filter(event=event, status="confirmed")
    people = sum(r.party_size for r in seated)
    assert people == event.capacity == 6
    expect(full.get_by_role("cell").nth(0)).to_have_text(
        re.compile(rf"^{seated.count()} families\s*6 people$")
    )
    expect(full.get_by_role("cell").nth(3)).to_have_text("100%")
    languages = page.get_by_role("table", name=re.compile("^Figures per language"))
    expect(languages.get_by_role("rowheader").first).to_be_visible()
    language_count = languages.get_by_role("rowheader").count()
    # Two charts drawn as SVG, one bar group per session and per language.
    session_count = Session.objects.filter(summit=summit).count()
    expect(page.locator("#fill-chart-title + ul + .chart-box svg > g")).to_have_count(session_count)
    expect(page.locator("#coverage-chart-title + ul + .chart-box svg > g")).to_have_count(
        language_count
    )
    screenshot(page, "organiser-dashboard-en-phone")
    assert_accessible(page)

    # Refresh by hand: the figures come again, the button keeps the focus.
    refresh = page.get_by_role("button", name="Refresh the figures")
    refresh.focus()
    with page.expect_response(dashboard_response):
        refresh.click()
    # Not disabled while it works: a disabled button would drop the focus.
    expect(page.get_by_role("status").filter(has_text="Figures refreshed at")).to_have_count(1)
    expect(refresh).to_be_focused()
    expect(h1(page)).to_have_text(SUMMIT)

    page.set_viewport_size(TABLET)
    screenshot(page, "organiser-dashboard-en-tablet")

    # A session's attendees from its row.
    full.get_by_role("link", name=FULL_SESSION).click()
    expect(h1(page)).to_have_text(f"Attendees: {FULL_SESSION}")


def test_the_dashboard_refreshes_itself_every_minute_without_moving_focus(open_page):
    summit = Summit.objects.get(year=2027)
    page = open_page("/", viewport=TABLET)
    expect(h1(page)).to_be_visible()
    sign_in(page, ORGANISER)
    page.clock.install()
    page.goto(f"/organiser/summits/{summit.pk}")
    expect(h1(page)).to_have_text(SUMMIT)
    region = page.get_by_role("region", name=re.compile("^Figures per language"))
    region.focus()
    full = page.get_by_role("row", name=re.compile(re.escape(FULL_SESSION)))
    session = Session.objects.get(summit=summit, event__title__en=FULL_SESSION)
    waiting = list(Registration.objects.filter(event=session.event, status="waitlisted"))
    assert len(waiting) > 2
    expect(full.get_by_role("cell").nth(1)).to_have_text(f"{len(waiting)} families")
    services.cancel(registration_id=waiting[0].pk)
    with page.expect_response(dashboard_response):
        page.clock.fast_forward("01:01")
    expect(full.get_by_role("cell").nth(1)).to_have_text(f"{len(waiting) - 1} families")
    expect(region).to_be_focused()


def test_arabic_dashboard_mirrors_the_bars_and_passes_axe(open_page):
    summit = Summit.objects.get(year=2027)
    page = open_signed_in(
        open_page, f"/organiser/summits/{summit.pk}", language="ar", viewport=PHONE
    )
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".chart-box svg")).to_have_count(2)
    # Bars start on the right: each drawn bar ends at the SVG's right edge.
    ends = page.evaluate(
        """() => [...document.querySelectorAll('.chart-box svg')].map((svg) => {
            const width = Number(svg.getAttribute('width'));
            const at = (r, name) => Number(r.getAttribute(name));
            return [...svg.querySelectorAll('rect')].filter((r) => at(r, 'width') > 0)
                .map((r) => Math.abs(at(r, 'x') + at(r, 'width') - width) < 0.5);
        })"""
    )
    assert ends[0] and all(ends[0]), ends
    assert ends[1] and all(ends[1]), ends
    screenshot(page, "organiser-dashboard-ar-phone")
    assert_accessible(page)
    page.set_viewport_size(TABLET)
    screenshot(page, "organiser-dashboard-ar-tablet")
    page.goto("/organiser")
    expect(page.locator(".organiser-summits h2 a")).to_have_count(1)
    screenshot(page, "organiser-summits-ar-phone")
    assert_accessible(page)


def attendees_path() -> tuple[Session, str]:
    session = Session.objects.get(summit__year=2027, event__title__en=FULL_SESSION)
    return session, f"/organiser/sessions/{session.pk}/attendees"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_attendees_filter_and_export_is_logged(open_page, language):
    session, path = attendees_path()
    page = open_signed_in(open_page, path, language=language, viewport=PHONE)
    total = Registration.objects.filter(event=session.event).count()
    waiting = Registration.objects.filter(event=session.event, status="waitlisted").count()
    cards = page.locator("li.card.registration")
    expect(cards).to_have_count(total)
    if language == "en":
        expect(h1(page)).to_have_text(f"Attendees: {FULL_SESSION}")
        expect(page.get_by_role("status").filter(has_text="registrations")).to_have_text(
            f"{total} registrations"
        )
        expect(page.get_by_text("Every download is recorded")).to_be_visible()
    screenshot(page, f"organiser-attendees-{language}-phone")
    assert_accessible(page)

    with page.expect_response(lambda r: "status=waitlisted" in r.url):
        page.locator("#filter-status").select_option("waitlisted")
    expect(cards).to_have_count(waiting)
    export = page.locator("a[download]")
    expect(export).to_have_attribute(
        "href", f"/api/v1/events/{session.event_id}/registrations/export/?status=waitlisted"
    )
    with page.expect_download() as download:
        export.click()
    assert download.value.suggested_filename == f"event-{session.event_id}-attendees.csv"
    content = Path(download.value.path()).read_text(encoding="utf-8")
    assert len([line for line in content.splitlines() if line.strip()]) == 1 + waiting
    logged = AccessRecord.objects.get(event_id=session.event_id, kind="registrant_export")
    assert (logged.user.email, logged.count, logged.filters) == (
        ORGANISER,
        waiting,
        {"status": "waitlisted"},
    )

    with page.expect_response(lambda r: "needs=interpreter" in r.url):
        page.locator("#filter-status").select_option("")
        page.locator("#filter-needs").select_option("interpreter")
    with_interpreter = Registration.objects.filter(
        event=session.event, interpreter_language__isnull=False
    ).count()
    expect(cards).to_have_count(with_interpreter)
    page.set_viewport_size(TABLET)
    screenshot(page, f"organiser-attendees-{language}-tablet")


def test_signed_out_and_wrong_roles_see_no_data(open_page):
    summit = Summit.objects.get(year=2027)
    _, attendees = attendees_path()
    dashboard = f"/organiser/summits/{summit.pk}"
    page = open_page(dashboard)
    expect(h1(page)).to_have_text("Summit dashboard")
    expect(page.get_by_role("main").get_by_role("link", name="Sign in")).to_have_attribute(
        "href", f"/account/sign-in?next={dashboard.replace('/', '%2F')}"
    )
    expect(page.locator("table")).to_have_count(0)

    parent = open_signed_in(open_page, attendees, email=PARENT)
    expect(h1(parent)).to_have_text("Attendees")
    expect(parent.get_by_role("alert")).to_contain_text("This page is for staff")
    expect(parent.locator("li.card")).to_have_count(0)
    expect(parent.get_by_role("link", name="Summit dashboard")).to_have_count(0)
    parent.goto(dashboard)
    expect(parent.get_by_role("alert")).to_contain_text("This page is for staff")
    expect(parent.locator("table")).to_have_count(0)

    # An organiser of nothing: no summit listed, and this summit's dashboard is not found.
    other = open_signed_in(open_page, "/organiser", email=ORGANISER2)
    expect(other.get_by_text("You do not organise any summit yet.")).to_be_visible()
    other.goto(dashboard)
    expect(other.get_by_role("alert")).to_be_visible()
    expect(other.locator("table")).to_have_count(0)


def open_access_log(page: Page) -> None:
    """Opens the attendees page's "Who looked at this list" section (it loads then)."""
    with page.expect_response(lambda r: "/access-log/" in r.url):
        page.get_by_text("Show the record", exact=True).click()


def test_organiser_reads_who_looked_at_the_list_and_filters_it(open_page):
    from zoneinfo import ZoneInfo

    from django.contrib.auth import get_user_model

    session, path = attendees_path()
    event = session.event_id
    organiser = get_user_model().objects.get(email=ORGANISER)
    page = open_signed_in(open_page, path, viewport=TABLET, timezone_id="Asia/Tokyo")
    total = Registration.objects.filter(event=session.event).count()
    expect(page.locator("li.card.registration")).to_have_count(total)
    # Loading the list wrote its row; the download writes another.
    listed = AccessRecord.objects.get(event_id=event, kind="registrant_list")
    assert (listed.user, listed.count) == (organiser, total)
    with page.expect_download():
        page.locator("a[download]").click()
    exported = AccessRecord.objects.get(event_id=event, kind="registrant_export")
    assert exported.user == organiser
    expect(
        page.get_by_text("Families can see that their registration was looked at")
    ).to_be_visible()

    open_access_log(page)
    table = page.get_by_role("table", name="Who looked, newest first")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(AccessRecord.objects.filter(event_id=event).count())
    expect(rows).to_have_count(2)
    # Newest first: the download, then the list; each with who, how many and the device.
    expect(rows.nth(0).get_by_role("cell").nth(2)).to_have_text("List of registrations downloaded")
    expect(rows.nth(1).get_by_role("cell").nth(2)).to_have_text("List of registrations viewed")
    for row, record in zip((rows.nth(0), rows.nth(1)), (exported, listed), strict=True):
        who = row.get_by_role("cell").nth(1)
        expect(who).to_contain_text(organiser.display_name)
        expect(who).to_contain_text(ORGANISER)
        expect(row.get_by_role("cell").nth(3)).to_have_text(
            "1 person" if record.count == 1 else f"{record.count} people"
        )
        device = row.get_by_role("cell").nth(4)
        expect(device).to_contain_text(record.client_address)
        expect(device).to_contain_text("Chrome")
        # When, in the event's time zone (New York), whatever the browser's.
        local = record.at.astimezone(ZoneInfo(session.event.timezone))
        expect(row.locator("time")).to_have_text(
            re.compile(rf"{local.hour % 12 or 12}:{local.minute:02d}\s*{local:%p}$")
        )
    expect(page.get_by_text("2 entries", exact=True)).to_be_visible()

    # Only downloads: the API is asked for that kind, one row is left.
    with page.expect_response(lambda r: "kind=registrant_export" in r.url) as answer:
        page.get_by_label("What was seen").select_option("registrant_export")
    assert answer.value.status == 200
    assert [r["id"] for r in answer.value.json()["results"]] == [exported.pk]
    expect(rows).to_have_count(1)
    expect(rows.nth(0).get_by_role("cell").nth(2)).to_have_text("List of registrations downloaded")
    expect(page.get_by_label("What was seen")).to_have_value("registrant_export")
    screenshot(page, "organiser-access-log-en-tablet")
    assert_accessible(page)

    # Door lookups: none at this event yet, said in a sentence.
    with page.expect_response(lambda r: "kind=check_in_lookup" in r.url):
        page.get_by_label("What was seen").select_option("check_in_lookup")
    expect(table).to_have_count(0)
    expect(
        page.get_by_text("Nothing of this kind has been recorded for this event.")
    ).to_be_visible()

    # Closed and opened again, the log is read again and the chosen kind is kept.
    page.get_by_text("Show the record", exact=True).click()
    expect(page.get_by_label("What was seen")).to_have_count(0)
    open_access_log(page)
    expect(page.get_by_label("What was seen")).to_have_value("check_in_lookup")


def test_arabic_access_log_is_a_list_of_cards_on_a_phone(open_page):
    session, path = attendees_path()
    page = open_signed_in(open_page, path, language="ar", viewport=PHONE)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    total = Registration.objects.filter(event=session.event).count()
    expect(page.locator("li.card.registration")).to_have_count(total)
    with page.expect_download():
        page.locator("a[download]").click()
    with page.expect_response(lambda r: "/access-log/" in r.url):
        page.locator(".access-log-section summary").click()
    cards = page.locator("ul.access-log > li")
    expect(cards).to_have_count(2)
    expect(page.locator("table.access-log")).to_have_count(0)
    # The server's label in Arabic, the people counted in Arabic digits.
    expect(cards.nth(0).locator("h3")).to_have_text("تم تنزيل قائمة التسجيلات")
    expect(cards.nth(1).locator("h3")).to_have_text("تم الاطلاع على قائمة التسجيلات")
    expect(cards.nth(0)).to_contain_text(ORGANISER)
    # Nothing wider than the screen.
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, overflow
    screenshot(page, "organiser-access-log-ar-phone")
    assert_accessible(page)


def test_only_the_events_organisers_read_its_access_log(open_page):
    session, path = attendees_path()
    log = f"/api/v1/events/{session.event_id}/access-log/"
    AccessRecord.objects.create(
        kind="registrant_export", event_id=session.event_id, count=3, client_address="10.0.0.9"
    )

    # The door volunteer: the API refuses, the page is not for them and shows no log.
    door = open_signed_in(open_page, path, email="door@demo.opendoors.nyc")
    assert door.request.get(log).status == 403
    expect(h1(door)).to_have_text("Attendees")
    expect(door.get_by_role("alert")).to_contain_text("This page is for staff")
    expect(door.locator(".access-log-section")).to_have_count(0)
    expect(door.get_by_text("10.0.0.9")).to_have_count(0)

    # An organiser (the role) who does not organise this summit: the API's refusal.
    other = open_signed_in(open_page, path, email=ORGANISER2)
    answer = other.request.get(log)
    assert answer.status == 403
    with other.expect_response(lambda r: "/access-log/" in r.url and r.status == 403):
        other.get_by_text("Show the record", exact=True).click()
    section = other.locator(".access-log-section")
    expect(section.get_by_role("alert")).to_have_text(
        re.compile(re.escape(answer.json()["message"]))
    )
    expect(section.locator("table, li.card")).to_have_count(0)
    expect(other.get_by_text("10.0.0.9")).to_have_count(0)
