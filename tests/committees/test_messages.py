"""A committee's members hear of its meetings: a new meeting, a move, a cancellation, the
agenda, the minutes; each in their language, by their channel; those who answered the
meeting hear of a move through their registration instead (once, not twice)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from committees.messages import how_often, in_every_language
from committees.models import Meeting
from committees.services import meetings as meeting_services
from committees.services import occurrences
from events_api.notifications import services
from events_api.notifications.group_texts import SeriesFacts, render_series
from events_api.notifications.models import MEMBER_NEWS, Kind, Message
from events_api.notifications.sms import segments
from events_api.people.queries import forget_language_codes
from tests.committees.factories import MembershipFactory, chaired
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def news(**filters):
    return Message.objects.filter(kind__in=MEMBER_NEWS, **filters).order_by("pk")


@pytest.fixture
def committee_and_people():
    committee, chair = chaired()
    chair.preferred_language_id = "es"
    chair.save()
    texter = MembershipFactory(
        committee=committee, user__preferred_channel="sms", user__phone="+17185550180"
    ).user
    MembershipFactory(committee=committee, term_end=timezone.localdate() - timedelta(days=1))
    return committee, chair, texter


def new_meeting(committee):
    starts = timezone.now() + timedelta(days=20)
    return meeting_services.create_meeting(
        committee=committee,
        title={"en": "Monthly meeting"},
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
    )


def test_current_members_hear_of_a_new_meeting_in_their_language(committee_and_people):
    committee, chair, _texter = committee_and_people
    new_meeting(committee)
    scheduled = news(kind=Kind.MEETING_SCHEDULED)
    assert sorted((m.to, m.channel, m.language) for m in scheduled) == sorted(
        [(chair.email, "email", "es"), ("+17185550180", "sms", "en")]
    )  # the former member, whose term ended, hears nothing
    email = scheduled.get(channel="email")
    assert committee.name["es"] in email.subject  # the chair reads Spanish
    assert services.deliver_due() == {"sent": 2}


def test_a_move_reaches_members_once_and_those_who_answered_through_their_registration(
    committee_and_people,
):
    committee, chair, _texter = committee_and_people
    meeting = new_meeting(committee)
    answer = client_for(chair).post(f"/api/v1/meetings/{meeting.pk}/rsvp/", {"response": "yes"})
    assert answer.status_code == 201, answer.json()
    later = meeting.event.starts_at + timedelta(days=1)
    occurrences.update_meeting(meeting=meeting, starts_at=later, ends_at=later + timedelta(hours=1))
    assert [m.to for m in news(kind=Kind.MEETING_MOVED)] == ["+17185550180"]
    assert [m.to for m in Message.objects.filter(kind=Kind.EVENT_CHANGED)] == [chair.email]
    occurrences.update_meeting(meeting=meeting, status="cancelled")
    assert [m.to for m in news(kind=Kind.MEETING_CANCELLED)] == ["+17185550180"]


def test_the_agenda_and_the_minutes_are_news_once(committee_and_people):
    committee, chair, _texter = committee_and_people
    meeting = new_meeting(committee)
    occurrences.update_meeting(meeting=meeting, agenda_published=True)
    occurrences.update_meeting(meeting=meeting, agenda_published=True)
    assert news(kind=Kind.AGENDA_PUBLISHED).count() == 2  # one per member, once
    started = meeting.event.starts_at + timedelta(hours=2)
    meeting_services.save_minutes(meeting=meeting, text={"en": "We met."}, now=started)
    meeting_services.approve_minutes(meeting=meeting, by=chair, now=started)
    assert news(kind=Kind.MINUTES_APPROVED).count() == 2
    texts = services.deliver_due()
    assert texts == {"sent": 6}


# --- a series of meetings: one message for the series, not one per meeting -----------------


def series_news(**filters):
    return Message.objects.filter(kind=Kind.SERIES_SCHEDULED, **filters).order_by("pk")


def next_weekday(weekday: int):
    """A date two to eight days ahead on ``weekday`` (0: Monday)."""
    day = timezone.localdate() + timedelta(days=2)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def create_series(committee, chair, **fields):
    body = {
        "title_translations": {"en": "Monthly meeting", "es": "Reunión mensual"},
        "rrule": "FREQ=MONTHLY;BYDAY=2TU;COUNT=10",
        "start_date": next_weekday(1).isoformat(),
        "start_time": "18:00",
        "room": "Library",
        **fields,
    }
    response = client_for(chair).post(f"/api/v1/committees/{committee.pk}/series/", body)
    assert response.status_code == 201, response.json()
    return response.json()


def change_series(committee, chair, series_id, changes):
    path = f"/api/v1/committees/{committee.pk}/series/{series_id}/"
    response = client_for(chair).patch(path, changes)
    assert response.status_code == 200, response.json()
    return response.json()


def test_members_hear_once_of_a_new_series_not_of_each_meeting(committee_and_people):
    committee, chair, _texter = committee_and_people
    series = create_series(committee, chair)
    assert Meeting.objects.filter(series=series["id"]).count() == 10
    news_ = series_news()
    assert sorted((m.to, m.channel, m.language) for m in news_) == sorted(
        [(chair.email, "email", "es"), ("+17185550180", "sms", "en")]
    )  # one each; the former member hears nothing
    assert not Message.objects.filter(kind=Kind.MEETING_SCHEDULED).exists()
    email, text = news_.get(channel="email"), news_.get(channel="sms")
    assert committee.name["es"] in email.subject
    assert "Reunión mensual" in email.body  # the series' title in Spanish
    assert "martes" in email.body  # the weekday in Spanish (how often)
    assert "18:00" in email.body
    assert "Library" in email.body  # the place
    assert f"/committees/{committee.pk}" in email.body
    assert email.event_id is None and email.attachment == ""
    assert "on the second Tuesday of every month, 18:00" in text.body
    assert text.body.endswith(f"/committees/{committee.pk}")
    assert segments(text.body) <= 2
    assert services.deliver_due() == {"sent": 2}


def test_a_new_time_for_the_whole_series_is_news_once_and_replaces_news_not_yet_sent(
    committee_and_people,
):
    committee, chair, _texter = committee_and_people
    series = create_series(committee, chair)
    change_series(committee, chair, series["id"], {"start_time": "17:30"})
    first, second = list(series_news(channel="sms"))
    assert "now meets on the second Tuesday of every month, 17:30" in second.body
    assert (first.status, first.error) == ("held", "superseded by later news")
    assert second.status == "queued"
    assert "17:30" in series_news(channel="email").last().body
    assert series_news().count() == 4  # two members, two versions: not one per meeting
    change_series(committee, chair, series["id"], {"title_translations": {"en": "Monthly"}})
    assert series_news().count() == 4  # a new title alone is not news


def test_a_draft_series_is_news_only_when_published(committee_and_people):
    committee, chair, _texter = committee_and_people
    series = create_series(committee, chair, status="draft")
    assert not series_news().exists()
    change_series(committee, chair, series["id"], {"status": "published"})
    assert series_news().count() == 2
    assert series_news(channel="sms").get().body.startswith("Open Doors: ")
    assert "now meets" not in series_news(channel="sms").get().body  # new, not changed


def test_this_and_following_with_a_new_time_is_news_of_the_new_series(committee_and_people):
    committee, chair, _texter = committee_and_people
    series = create_series(committee, chair)
    third = Meeting.objects.filter(series=series["id"]).order_by("original_start")[2].original_start
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/series/{series['id']}/split/",
        {"at": third.isoformat(), "start_time": "19:00"},
    )
    assert response.status_code == 201, response.json()
    text = series_news(channel="sms").last()
    assert "now meets on the second Tuesday of every month, 19:00" in text.body
    assert series_news().count() == 4


def test_a_series_wholly_in_the_past_is_a_record_not_news(committee_and_people):
    committee, chair, _texter = committee_and_people
    start = timezone.localdate() - timedelta(days=70)
    create_series(committee, chair, rrule="FREQ=WEEKLY;COUNT=3", start_date=start.isoformat())
    assert not series_news().exists()


def test_the_series_news_costs_the_same_queries_for_two_members_or_twenty(committee_and_people):
    committee, chair, _texter = committee_and_people

    def queries() -> int:
        forget_language_codes()  # both runs read the language catalogue once
        with CaptureQueriesContext(connection) as captured:
            create_series(committee, chair)
        return len(captured)

    few = queries()
    MembershipFactory.create_batch(18, committee=committee)
    assert queries() == few
    assert series_news().count() == 2 + 20


GROUP = {
    "en": "Multicultural Advisory Committee of P.S. 20 Anna Silver",
    "bn": "পি.এস. ২০ আনা সিলভারের বহুসাংস্কৃতিক উপদেষ্টা কমিটি",
    "zh-hans": "P.S. 20 安娜·西尔弗学校多元文化咨询委员会",
}
PLACE = "Room 204, P.S. 189 The Bilingual Center, 2580 Amsterdam Avenue, Manhattan"
PAGE = "https://opendoors.schools.nyc.gov/committees/123456"


@pytest.mark.parametrize("changed", [False, True], ids=["new", "changed"])
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_series_news_renders_whole_and_its_text_fits_in_two_segments(language, changed):
    first = datetime(2027, 1, 12, 23, 0, tzinfo=UTC)
    rule = "FREQ=MONTHLY;BYDAY=2TU;COUNT=15"
    facts = SeriesFacts(
        group=GROUP,
        title={"en": "Monthly committee meeting with interpretation and childcare"},
        rule=in_every_language(lambda: how_often(rule, first, count=15)),
        time="18:00",
        first=first,
        last=datetime(2028, 3, 14, 22, 0, tzinfo=UTC),
        timezone="America/New_York",
        place=PLACE,
        link=PAGE,
        changed=changed,
        description={"en": "Open to all parents."},
    )
    text = render_series(facts, language, name="Farida Rahman-Chowdhury")
    for part in (text.subject, text.body, text.html, text.sms):
        assert part.strip()
        assert "%(" not in part and ")s" not in part, part
    group = GROUP.get(language, GROUP["en"])
    assert group in text.body and group in text.subject
    for value in ("Farida Rahman-Chowdhury", "18:00", "2028", PLACE, PAGE, "Open to all parents."):
        assert value in text.body
    assert segments(text.sms) <= 2, (len(text.sms), text.sms)
    assert text.sms.endswith(PAGE.split("://")[1])
    assert group[:6] in text.sms
    direction = "rtl" if language in ("ar", "ur") else "ltr"
    assert f'dir="{direction}"' in text.html and f'lang="{language}"' in text.html
