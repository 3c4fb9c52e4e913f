"""An interpreter's reminder, in every language: the job (language and mode) in the email,
no pass code anywhere (an interpreter has none), and the text in at most two segments
with long values."""

from datetime import UTC, datetime

import pytest
from django.conf import settings

from events_api.interpretation.models import Mode
from events_api.notifications.models import Kind
from events_api.notifications.sms import segments
from events_api.notifications.texts import Facts, render
from events_api.people.models import Language

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def job_reminder(kind: str) -> Facts:
    return Facts(
        kind=kind,
        title={
            "en": "Talking with teachers: parent-teacher conferences and what to ask",
            "bn": "শিক্ষকদের সাথে কথা: অভিভাবক-শিক্ষক সম্মেলন এবং কী জিজ্ঞাসা করবেন",
        },
        starts_at=datetime(2027, 3, 6, 15, 0, tzinfo=UTC),
        timezone="America/New_York",
        place="Room 204, P.S. 189 The Bilingual Center, 2580 Amsterdam Avenue, Manhattan",
        name="Farida Rahman-Chowdhury",
        code="",
        position=None,
        link="https://opendoors.schools.nyc.gov/events/123456",
        job_language=Language(code="bn", name_en="Bangla"),
        job_mode=Mode.IN_PERSON,
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", [Kind.REMINDER, Kind.REMINDER_TODAY])
def test_an_interpreters_reminder_renders_whole_and_fits(language, kind):
    text = render(job_reminder(kind), language)
    for part in (text.subject, text.body, text.html, text.sms):
        assert "%(" not in part and "{" not in part
    assert "/events/123456" in text.body and text.sms.endswith("/events/123456")
    assert segments(text.sms) <= 2, text.sms


def test_the_english_wording_says_it_is_about_interpreting():
    text = render(job_reminder(Kind.REMINDER), "en")
    assert "you are interpreting at Talking with teachers" in text.body
    assert "(Bangla, in person)" in text.body
    assert "Code to show at the door" not in text.body
    assert text.sms.startswith("Open Doors reminder, you interpret: Talking with teachers")
    assert "ID or immigration" not in text.body
