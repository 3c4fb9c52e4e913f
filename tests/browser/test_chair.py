"""The committee chair's desk: a monthly series made through the recurrence builder (its
preview, the RRULE it saves), one occurrence cancelled from its page and shown cancelled on
the calendar; attendance taken by tapping until the quorum is reached; others see no data;
every page passes axe in English and Arabic, with pictures at phone and tablet size."""

import math
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import MONTHLY, WE, rrule
from django.utils import timezone
from playwright.sync_api import Page, expect

from committees.models import (
    Attendance,
    Committee,
    Meeting,
    MeetingSeries,
    Membership,
    SeriesException,
)
from committees.services import meetings as meeting_services
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.conftest import open_signed_in as signed_in
from tests.browser.test_account import CBO, PARENT, h1

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def month_section(page: Page):
    """The calendar's month (its grid and its list), whenever it has loaded."""
    return page.locator('section[aria-labelledby="month-heading"]')


def open_signed_in(open_page, path: str, email: str = PARENT, **options) -> Page:
    return signed_in(open_page, path, email, **options)


IS136 = "I.S. 136 parent welcoming committee"
PS19 = "P.S. 19 parent welcoming committee"
NEW_YORK = ZoneInfo("America/New_York")
TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}


def committee(name: str) -> Committee:
    return Committee.objects.get(name__en=name)


def second_wednesday_two_months_ahead() -> date:
    """The second Wednesday of the month after next (New York time): never inside the
    committee's notice period, whatever today is."""
    today = timezone.now().astimezone(NEW_YORK).date()
    index = today.year * 12 + today.month - 1 + 2
    first = date(index // 12, index % 12 + 1, 1)
    return rrule(MONTHLY, byweekday=WE(2), dtstart=first, count=1)[0].date()


def long_date(day: date) -> str:
    """How the English pages write a day: "January 13, 2027"."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def started_meeting(title: str = "Welcome packet work session") -> Meeting:
    """A one-off meeting of I.S. 136 that started half an hour ago (attendance is taken
    once a meeting has started)."""
    starts = timezone.now().replace(microsecond=0) - timedelta(minutes=30)
    return meeting_services.create_meeting(
        committee=committee(IS136),
        title={"en": title, "es": "Sesión de trabajo"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )


def test_chair_builds_a_monthly_series_and_cancels_one_meeting(open_page):
    is136 = committee(IS136)
    first = second_wednesday_two_months_ahead()
    expected = [d.date() for d in rrule(MONTHLY, byweekday=WE(2), dtstart=first, count=4)]

    page = open_signed_in(open_page, "/chair", viewport=TABLET)
    expect(h1(page)).to_have_text("Committees you run")
    page.get_by_role("link", name=IS136).click()
    expect(h1(page)).to_have_text(IS136)
    page.get_by_role("link", name="New meeting").click()
    expect(h1(page)).to_have_text("New meeting")

    page.get_by_label("Title in English", exact=True).fill("Budget circle")
    page.get_by_label("Title in Spanish (optional)", exact=True).fill("Círculo de presupuesto")
    page.get_by_label("Date of the first meeting", exact=True).fill(first.isoformat())
    page.get_by_label("Start time", exact=True).fill("18:30")
    page.get_by_label("Length (minutes)", exact=True).fill("60")
    page.get_by_label("Room", exact=True).fill("Library")
    # The rule follows the first day: monthly on its weekday of the month.
    expect(page.get_by_label("Weeks or months", exact=True)).to_have_value("MONTHLY")
    expect(page.get_by_label("Which one", exact=True)).to_have_value("2")
    expect(page.get_by_label("Day of the week", exact=True)).to_have_value("2")
    page.get_by_label("Number of meetings", exact=True).fill("4")
    expect(page.locator(".chair-sentence")).to_have_text(
        "Every month on the second Wednesday, 4 meetings in all"
    )
    expect(page.locator(".chair-rule-words code")).to_have_text("FREQ=MONTHLY;COUNT=4;BYDAY=2WE")
    preview = page.locator(".chair-preview-list li")
    expect(preview).to_have_count(4)
    for item, day in zip(preview.all(), expected, strict=True):
        expect(item).to_contain_text(long_date(day))
        expect(item).to_contain_text("Wednesday")
        expect(item).to_contain_text("6:30")
    expect(page.get_by_text("Late notice", exact=True)).to_have_count(0)
    screenshot(page, "chair-form-series-en-tablet")
    assert_accessible(page)

    page.get_by_role("button", name="Save the series").click()
    page.wait_for_url(re.compile(rf"/chair/committees/{is136.pk}\?month={first:%Y-%m}$"))
    series = MeetingSeries.objects.get(committee=is136, title__en="Budget circle")
    assert series.rrule == "FREQ=MONTHLY;COUNT=4;BYDAY=2WE"
    assert series.start_date == first
    assert series.start_time == time(18, 30)
    assert series.duration_minutes == 60
    assert series.title["es"] == "Círculo de presupuesto"
    meetings = list(series.meetings.select_related("event").order_by("original_start"))
    assert [m.event.starts_at.astimezone(NEW_YORK).date() for m in meetings] == expected
    assert all(m.event.starts_at.astimezone(NEW_YORK).time() == time(18, 30) for m in meetings)

    # The second meeting, from the calendar of its month.
    second = meetings[1]
    page.goto(f"/chair/committees/{is136.pk}?month={expected[1]:%Y-%m}")
    # The month's own list (it loads apart from "Next meetings", which lists the series too).
    month_list = month_section(page).locator(".chair-list")
    month_list.get_by_role("link", name="Budget circle").click()
    page.wait_for_url(f"**/chair/meetings/{second.pk}")
    expect(h1(page)).to_have_text("Budget circle")
    expect(page.get_by_text("One meeting of a series")).to_be_visible()
    page.get_by_role("button", name="Cancel this meeting").click()
    expect(page.get_by_text("Only this meeting is cancelled")).to_be_visible()
    page.get_by_role("button", name="Yes, cancel this meeting").click()
    expect(
        page.get_by_role("status").filter(has_text="The meeting has been cancelled.")
    ).to_be_visible()
    exception = SeriesException.objects.get(series=series)
    assert exception.kind == "cancel"
    assert exception.original_start == second.original_start
    second.event.refresh_from_db()
    assert second.event.status == "cancelled"
    assert [
        m.event.status for m in series.meetings.exclude(pk=second.pk).select_related("event")
    ] == ["published"] * 3

    page.get_by_role("link", name=IS136).click()
    page.wait_for_url(re.compile(rf"\?month={expected[1]:%Y-%m}$"))
    item = month_section(page).locator(".chair-list li").filter(has_text="Budget circle")
    expect(item).to_contain_text("Cancelled")
    expect(page.locator(".chair-grid .chair-chip.cancelled")).to_contain_text("Budget circle")
    screenshot(page, "chair-calendar-cancelled-en-tablet")


def test_chair_takes_attendance_until_quorum(open_page):
    meeting = started_meeting()
    is136 = committee(IS136)
    today = timezone.now().astimezone(NEW_YORK).date()
    members = Membership.objects.filter(committee=is136).select_related("user")
    voting = [m for m in members if m.voting and m.term_start <= today]
    required = math.ceil(is136.quorum_fraction * len(voting))
    assert 1 < required <= len(voting)
    non_voting = next(m for m in members if not m.voting)

    page = open_signed_in(open_page, f"/chair/meetings/{meeting.pk}", viewport=PHONE)
    expect(h1(page)).to_have_text("Welcome packet work session")
    page.get_by_role("link", name="Attendance").click()
    expect(h1(page)).to_have_text("Attendance")
    quorum = page.locator("#quorum")
    expect(quorum).to_have_text(
        f"0 of {len(voting)} voting members present — quorum is {required}: not reached"
    )

    def tap(member: Membership, status: str) -> None:
        row = page.locator(".chair-tap").filter(
            has=page.get_by_text(member.user.display_name, exact=True)
        )
        button = row.get_by_role("button", name=status)
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")

    # A non-voting member present and a voting one absent do not count.
    tap(non_voting, "Present")
    tap(voting[-1], "Absent")
    expect(quorum).to_contain_text(f"0 of {len(voting)}")
    for count, member in enumerate(voting[: required - 1], start=1):
        tap(member, "Present")
        expect(quorum).to_have_text(
            f"{count} of {len(voting)} voting members present — quorum is {required}: not reached"
        )
    screenshot(page, "chair-attendance-not-reached-en-phone")
    tap(voting[required - 1], "Present")
    expect(quorum).to_have_text(
        f"{required} of {len(voting)} voting members present — quorum is {required}: reached"
    )

    rows = {a.membership_id: a.status for a in Attendance.objects.filter(meeting=meeting)}
    wanted = {m.pk: "present" for m in voting[:required]}
    wanted[non_voting.pk] = "present"
    wanted[voting[-1].pk] = "absent"
    assert rows == wanted
    meeting.refresh_from_db()
    assert (meeting.quorum_present, meeting.quorum_required, meeting.quorum_met) == (
        required,
        required,
        True,
    )
    # A reload shows what was recorded.
    page.reload()
    expect(quorum).to_contain_text(": reached")


def test_one_meeting_inside_the_notice_period_is_flagged(open_page):
    is136 = committee(IS136)
    day = timezone.now().astimezone(NEW_YORK).date() + timedelta(days=3)
    page = open_signed_in(open_page, f"/chair/committees/{is136.pk}/meetings/new")
    expect(h1(page)).to_have_text("New meeting")
    page.get_by_label("One meeting", exact=True).check()
    expect(page.get_by_role("group", name="Repeat")).to_have_count(0)
    page.get_by_label("Title in English", exact=True).fill("Emergency budget meeting")
    page.get_by_label("Date of the first meeting", exact=True).fill(day.isoformat())
    page.get_by_label("Start time", exact=True).fill("17:00")
    expect(page.locator(".chair-preview-list li")).to_have_count(1)
    expect(page.locator(".chair-preview-list li")).to_contain_text(long_date(day))
    warning = page.locator(".notice.warning").filter(has_text="Late notice")
    expect(warning).to_contain_text("less than 7 days")
    assert_accessible(page)
    page.get_by_role("button", name="Save the meeting").click()
    page.wait_for_url(re.compile(rf"/chair/committees/{is136.pk}\?month="))
    meeting = Meeting.objects.select_related("event").get(
        committee=is136, event__title__en="Emergency budget meeting"
    )
    assert meeting.series_id is None
    assert meeting.late_notice is True
    assert meeting.event.starts_at == datetime.combine(day, time(17, 0), tzinfo=NEW_YORK)
    assert meeting.event.ends_at - meeting.event.starts_at == timedelta(minutes=90)
    late = page.locator("section.notice.warning")
    expect(late).to_contain_text("Emergency budget meeting")
    expect(late).to_contain_text("less than 7 days before they start")


def test_chair_moves_one_meeting_and_changes_the_following(open_page):
    is136 = committee(IS136)
    series = MeetingSeries.objects.get(committee=is136, title__en="Monthly committee meeting")
    upcoming = list(
        series.meetings.select_related("event")
        .filter(event__starts_at__gt=timezone.now() + timedelta(days=10))
        .order_by("original_start")
    )
    moved, split_at = upcoming[0], upcoming[2]
    old_day = moved.event.starts_at.astimezone(NEW_YORK).date()
    new_day = old_day + timedelta(days=2)

    page = open_signed_in(open_page, f"/chair/meetings/{moved.pk}", viewport=TABLET)
    expect(h1(page)).to_have_text("Monthly committee meeting")
    page.get_by_role("button", name="Move this meeting").click()
    panel = page.locator(".chair-panel")
    panel.get_by_label("New date", exact=True).fill(new_day.isoformat())
    panel.get_by_label("Start time", exact=True).fill("17:30")
    screenshot(page, "chair-meeting-move-en-tablet")
    assert_accessible(page)
    panel.get_by_role("button", name="Move it").click()
    done = page.get_by_role("status").filter(has_text="The meeting has been moved.")
    expect(done).to_be_visible()
    expect(page.get_by_text("Moved from")).to_be_visible()
    exception = SeriesException.objects.get(series=series, original_start=moved.original_start)
    assert exception.kind == "move"
    assert exception.starts_at == datetime.combine(new_day, time(17, 30), tzinfo=NEW_YORK)
    moved.event.refresh_from_db()
    assert moved.event.starts_at == exception.starts_at
    assert moved.event.ends_at - moved.event.starts_at == timedelta(minutes=90)

    page.goto(f"/chair/meetings/{split_at.pk}")
    page.get_by_role("button", name="Change this and the following meetings").click()
    panel = page.locator(".chair-panel")
    expect(panel.get_by_label("New date", exact=True)).to_have_count(0)
    panel.get_by_label("Start time", exact=True).fill("19:00")
    panel.get_by_label("Length (minutes)", exact=True).fill("60")
    panel.get_by_role("button", name="Change from this meeting on").click()
    expect(page.get_by_role("status")).to_contain_text("the following ones have been changed")
    new = MeetingSeries.objects.get(split_from=series)
    assert (new.start_time, new.duration_minutes) == (time(19, 0), 60)
    assert new.start_date == split_at.event.starts_at.astimezone(NEW_YORK).date()
    split_at.refresh_from_db()
    assert split_at.series_id == new.pk
    assert split_at.event.starts_at.astimezone(NEW_YORK).time() == time(19, 0)
    # The meetings before it keep their time.
    upcoming[1].event.refresh_from_db()
    assert upcoming[1].event.starts_at.astimezone(NEW_YORK).time() == time(18, 0)
    expect(page.locator(".facts")).to_contain_text(re.compile(r"7:00\s*\u2013\s*8:00\sPM"))


def test_others_see_no_data(open_page):
    is136, ps19 = committee(IS136), committee(PS19)
    meeting = started_meeting()
    name = "Welcome packet work session"

    page = open_page(f"/chair/committees/{is136.pk}")
    expect(h1(page)).to_have_text("Committee calendar")
    expect(page.locator("main").get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.get_by_text(IS136)).to_have_count(0)
    page.goto(f"/chair/meetings/{meeting.pk}/attendance")
    expect(page.locator("main").get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.get_by_text(name)).to_have_count(0)

    # Rosa (cbo@) is a member of I.S. 136 but does not run it, and no member of P.S. 19.
    page = open_signed_in(open_page, "/chair", CBO)
    expect(h1(page)).to_have_text("Committees you run")
    expect(page.get_by_text("You do not run any committee.")).to_be_visible()
    for path in (
        f"/chair/committees/{is136.pk}",
        f"/chair/committees/{ps19.pk}",
        f"/chair/committees/{is136.pk}/meetings/new",
        f"/chair/meetings/{meeting.pk}",
        f"/chair/meetings/{meeting.pk}/attendance",
    ):
        page.goto(path)
        expect(page.get_by_role("alert")).to_contain_text("This page is for the committee's chair")
        expect(page.get_by_text(IS136)).to_have_count(0)
        expect(page.get_by_text(PS19)).to_have_count(0)
        expect(page.get_by_text(name)).to_have_count(0)
        expect(page.get_by_role("button", name="Present")).to_have_count(0)
    assert_accessible(page)


HEADINGS = {
    "en": ("Committees you run", "New meeting", "Attendance"),
    "ar": ("اللجان التي تديرها", "اجتماع جديد", "الحضور"),
    "bn": ("আপনি যে কমিটিগুলো পরিচালনা করেন", "নতুন সভা", "উপস্থিতি"),
}


@pytest.mark.parametrize("language", ["en", "ar", "bn"])
def test_pages_are_accessible_and_pictured(open_page, language):
    is136 = committee(IS136)
    meeting = started_meeting()
    series_meeting = (
        Meeting.objects.filter(
            committee=is136, series__isnull=False, event__starts_at__gt=timezone.now()
        )
        .order_by("event__starts_at")
        .first()
    )
    month = series_meeting.event.starts_at.astimezone(NEW_YORK).strftime("%Y-%m")
    committees_heading, form_heading, attendance_heading = HEADINGS[language]
    for size, viewport in (("phone", PHONE), ("tablet", TABLET)):
        page = open_signed_in(open_page, "/chair", language=language, viewport=viewport)
        expect(h1(page)).to_have_text(committees_heading)
        if size == "phone" and language != "bn":
            assert_accessible(page)
        expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")

        page.goto(f"/chair/committees/{is136.pk}?month={month}")
        expect(page.locator(".chair-list").last.locator("li").first).to_be_visible()
        expect(page.locator("main [role=status].muted")).to_have_count(0)  # nothing loading
        screenshot(page, f"chair-calendar-{language}-{size}")
        if language != "bn":
            assert_accessible(page)

        page.goto(f"/chair/committees/{is136.pk}/meetings/new")
        expect(h1(page)).to_have_text(form_heading)
        expect(page.locator(".chair-preview-list li")).to_have_count(6)
        screenshot(page, f"chair-form-{language}-{size}")
        if language != "bn":
            assert_accessible(page)

        page.goto(f"/chair/meetings/{series_meeting.pk}")
        expect(page.locator(".facts")).to_be_visible()
        page.locator("section[aria-labelledby=change-heading] button").first.click()
        expect(page.locator(".chair-panel")).to_be_visible()
        screenshot(page, f"chair-meeting-{language}-{size}")
        if language != "bn":
            assert_accessible(page)

        page.goto(f"/chair/meetings/{meeting.pk}/attendance")
        expect(h1(page)).to_have_text(attendance_heading)
        page.locator(".chair-mark.present").first.click()
        expect(page.locator(".chair-mark.present").first).to_have_attribute("aria-pressed", "true")
        screenshot(page, f"chair-attendance-{language}-{size}")
        if language != "bn":
            assert_accessible(page)
