# ruff: noqa: RUF001 -- titles in Chinese and Russian, as families will see them
"""Every message in every language, rendered with realistic (long) values: nothing left
unfilled, the code and link where they belong, right-to-left kept for Arabic and Urdu,
and every text message in at most two segments."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings

from events_api.interpretation.models import Mode
from events_api.notifications.models import JOBS, MEMBER_NEWS, Kind
from events_api.notifications.sms import encoding, segments
from events_api.notifications.texts import Facts, render
from events_api.people.models import Language

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LINK = "https://opendoors.schools.nyc.gov/manage#" + "K" * 22
PAGE = "https://opendoors.schools.nyc.gov/events/123456"
LINKS = {
    Kind.REGISTRATION_CONFIRMED: LINK,
    Kind.REGISTRATION_WAITLISTED: LINK,
    Kind.PROMOTED: "",
    Kind.EVENT_CHANGED: PAGE,
    Kind.EVENT_CANCELLED: PAGE,
    Kind.REMINDER: PAGE,
    Kind.REMINDER_TODAY: PAGE,
    Kind.JOB_ASSIGNED: PAGE,
    Kind.JOB_CHANGED: PAGE,
    Kind.JOB_WITHDRAWN: PAGE,
    Kind.ALREADY_REGISTERED: PAGE,
    **dict.fromkeys(MEMBER_NEWS, PAGE),
}
# News about an event (an invitation and a series' news are about a group: their words
# are tested in tests/committees/test_invitation_messages.py and test_messages.py).
ABOUT_AN_EVENT = list(LINKS)
NO_CODE = {Kind.REGISTRATION_WAITLISTED, Kind.EVENT_CANCELLED, *JOBS, *MEMBER_NEWS}
CODE_IN_EMAIL = set(ABOUT_AN_EVENT) - NO_CODE
# Jobs and members' news are not about a registration: there is no code to give.
NO_CODE_AT_ALL = {*JOBS, *MEMBER_NEWS}
CODE_IN_SMS = {
    Kind.REGISTRATION_CONFIRMED,
    Kind.PROMOTED,
    Kind.REMINDER,
    Kind.REMINDER_TODAY,
    Kind.ALREADY_REGISTERED,
}
STARTS = datetime(2027, 3, 6, 15, 0, tzinfo=UTC)
MOVED = {Kind.EVENT_CHANGED, Kind.JOB_CHANGED, Kind.MEETING_MOVED}
GROUP = {
    "en": "Multicultural Advisory Committee of P.S. 20 Anna Silver",
    "bn": "পি.এস. ২০ আনা সিলভারের বহুসাংস্কৃতিক উপদেষ্টা কমিটি",
    "zh-hans": "P.S. 20 安娜·西尔弗学校多元文化咨询委员会",
}
TITLES = {
    "en": "Talking with teachers: parent-teacher conferences and what to ask",
    "bn": "শিক্ষকদের সাথে কথা: অভিভাবক-শিক্ষক সম্মেলন এবং কী জিজ্ঞাসা করবেন",
    "ar": "الحديث مع المعلمين: اجتماعات أولياء الأمور والمعلمين وما يجب أن تسأله",
    "zh-hans": "与老师交谈：家长会以及该问些什么问题",
    "ru": "Разговор с учителями: родительские собрания и о чём спросить",
}


def facts(kind: str, *, for_family: bool = False) -> Facts:
    return Facts(
        kind=kind,
        title=TITLES,
        starts_at=STARTS,
        timezone="America/New_York",
        place="Room 204, P.S. 189 The Bilingual Center, 2580 Amsterdam Avenue, Manhattan",
        name="Farida Rahman-Chowdhury",
        code="" if kind in NO_CODE_AT_ALL else "K7M4PXQ",
        position=12,
        link=LINKS[kind],
        for_family=for_family,
        was_starts_at=STARTS - timedelta(days=2) if kind in MOVED else None,
        was_place="Gym, P.S. 189" if kind in MOVED else "",
        job_language=Language(code="bn", name_en="Bangla") if kind in JOBS else None,
        job_mode=Mode.IN_PERSON if kind in JOBS else "",
        group=GROUP if kind in MEMBER_NEWS else None,
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ABOUT_AN_EVENT)
@pytest.mark.parametrize("for_family", [False, True], ids=["family", "cbo"])
def test_every_message_renders_whole_in_every_language(language, kind, for_family):
    text = render(facts(kind, for_family=for_family), language)
    for part in (text.subject, text.body, text.html, text.sms):
        assert part.strip()
        assert "%(" not in part and ")s" not in part, part
    assert "\n" not in text.subject
    assert ("K7M 4PXQ" in text.body) == (kind in CODE_IN_EMAIL)
    assert ("K7M 4PXQ" in text.sms) == (kind in CODE_IN_SMS)
    if kind == Kind.REGISTRATION_WAITLISTED:
        assert "12" in text.body and "12" in text.sms
    if LINKS[kind]:
        assert LINKS[kind] in text.body
        assert text.sms.endswith(LINKS[kind].split("://")[1])
    if kind in MOVED:
        assert "Gym, P.S. 189" in text.body  # where it was
    if kind in JOBS:
        assert "ID or immigration" not in text.body  # the families' line, not theirs
    if kind in MEMBER_NEWS:
        assert GROUP.get(language, GROUP["en"])[:10] in text.body
    assert "2580 Amsterdam Avenue" in text.body
    direction = "rtl" if language in ("ar", "ur") else "ltr"
    assert f'dir="{direction}"' in text.html and f'lang="{language}"' in text.html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_message_fits_in_two_segments_and_keeps_some_title(language):
    for kind in ABOUT_AN_EVENT:
        sms = render(facts(kind), language).sms
        assert segments(sms) <= 2, (kind, encoding(sms), len(sms), sms)
        # What the text is about: the event's title, or for members the committee's name.
        names = GROUP if kind in MEMBER_NEWS else TITLES
        assert names.get(language, names["en"])[:6] in sms, (kind, sms)


def test_a_short_title_is_never_cut():
    short = replace(facts(Kind.REGISTRATION_CONFIRMED), title={"en": "Family night"})
    assert "Family night," in render(short, "bn").sms


def test_every_kind_of_message_has_its_wording_tested():
    group_news = {Kind.COMMITTEE_INVITATION, Kind.SERIES_SCHEDULED}
    assert set(Kind.values) == set(ABOUT_AN_EVENT) | group_news
