"""Committee invitations are sent, not only shown: by email, else by text message, in the
invitation's language, with the accept link (/invitations/accept#<token>) and when it
expires; each invitation its own message. The accept answers say why a link no longer
works. Both texts fit in two segments in every language."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from committees.messages import how_often
from committees.models import Invitation, Membership
from events_api.events.passes import hash_token
from events_api.notifications import services
from events_api.notifications.group_texts import InvitationFacts, render_invitation
from events_api.notifications.models import Kind, Message, Status
from events_api.notifications.sms import segments
from tests.committees.factories import InvitationFactory, chaired
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LINK = re.compile(r"/invitations/accept#([A-Za-z0-9_-]+)")
GROUP = {
    "en": "Multicultural Advisory Committee of P.S. 20 Anna Silver",
    "bn": "পি.এস. ২০ আনা সিলভারের বহুসাংস্কৃতিক উপদেষ্টা কমিটি",
    "zh-hans": "P.S. 20 安娜·西尔弗学校多元文化咨询委员会",
}


def invite(committee, chair, body, **extra):
    response = client_for(chair).post(
        f"/api/v1/committees/{committee.pk}/invitations/", body, **extra
    )
    return response


def invitations():
    return Message.objects.filter(kind=Kind.COMMITTEE_INVITATION).order_by("pk")


def token_in(message: Message) -> str:
    """The token as the invitee reads it in the message (not from the API's answer)."""
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(1)


def test_an_email_invitation_is_sent_in_the_inviters_language_with_the_accept_link():
    committee, chair = chaired()
    chair.preferred_language_id = "es"
    chair.save()
    response = invite(committee, chair, {"email": "amina@example.org", "role": "parent"})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["language"] == "es"
    [message] = invitations()
    assert (message.channel, message.to, message.language) == (
        "email",
        "amina@example.org",
        "es",
    )
    assert message.status == Status.QUEUED
    assert message.event_id is None and message.attachment == ""  # no event: no .ics
    assert committee.name["es"] in message.subject  # the committee's name in Spanish
    assert token_in(message) == body["token"]
    assert f"/invitations/accept#{body['token']}" in message.html
    assert "2580" not in message.body  # nothing of anyone else's
    expires = Invitation.objects.get().expires_at.astimezone(timezone.get_default_timezone())
    assert f"{expires.year}" in message.body  # until when, in the email
    assert services.deliver_due() == {"sent": 1}


def test_the_invitation_is_written_in_the_language_the_chair_chose():
    committee, chair = chaired()
    body = {"email": "farida@example.org", "role": "parent", "language": "bn"}
    response = invite(committee, chair, body)
    assert response.status_code == 201, response.json()
    assert Invitation.objects.get().language_id == "bn"
    assert [m.language for m in invitations()] == ["bn"]


def test_an_unknown_language_is_refused_and_nothing_is_written():
    committee, chair = chaired()
    body = {"email": "farida@example.org", "role": "parent", "language": "xx"}
    response = invite(committee, chair, body)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert list(response.json()["fields"]) == ["language"]
    assert not Invitation.objects.exists()
    assert not invitations().exists()


def test_a_phone_invitation_is_a_short_text_that_keeps_quiet_hours_in_the_committees_zone(
    settings,
):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "QUIET_HOURS": (21, 8)}
    now = datetime.now(UTC)
    # A zone where it is now between 02:00 and 03:00 (Etc/GMT-N is N hours ahead of UTC).
    ahead = (2 - now.hour) % 24
    ahead = ahead - 24 if ahead > 14 else ahead
    zone = f"Etc/GMT{-ahead:+d}"
    committee, chair = chaired(timezone=zone)
    response = invite(committee, chair, {"phone": "(718) 555-0199", "role": "co_chair"})
    assert response.status_code == 201, response.json()
    [message] = invitations()
    assert (message.channel, message.to) == ("sms", "+17185550199")
    token = token_in(message)
    assert len(token) == 22 == len(response.json()["token"])  # 128 bits, as a manage link
    assert token == response.json()["token"]
    assert segments(message.body) <= 2
    assert not message.body.startswith("http") and "://" not in message.body
    # Night there: held until 08:00 there.
    morning = now.astimezone(ZoneInfo(zone)).replace(hour=8, minute=0, second=0, microsecond=0)
    assert message.not_before == morning


def test_each_invitation_to_the_same_address_is_its_own_message():
    committee, chair = chaired()
    for _ in range(2):
        response = invite(committee, chair, {"email": "a@example.org", "role": "parent"})
        assert response.status_code == 201
    first, second = invitations()
    assert first.to == second.to == "a@example.org"
    assert first.idempotency_key != second.idempotency_key
    assert token_in(first) != token_in(second)


def test_the_token_in_the_message_accepts_the_invitation():
    committee, chair = chaired()
    invite(committee, chair, {"email": "wei@example.org", "role": "secretary"})
    invitee = UserFactory(email="wei@example.org")
    answer = client_for(invitee).post(
        "/api/v1/committee-invitations/accept/", {"token": token_in(invitations().get())}
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["committee"] == committee.pk
    assert answer.json()["committee_name"] == committee.name["en"]
    assert answer.json()["role"] == "secretary"
    assert Membership.objects.filter(committee=committee, user=invitee).exists()


def test_inviting_writes_a_few_queries(django_assert_max_num_queries):
    committee, chair = chaired()
    client = client_for(chair)
    with django_assert_max_num_queries(16):
        response = client.post(
            f"/api/v1/committees/{committee.pk}/invitations/",
            {"email": "a@example.org", "role": "parent"},
        )
    assert response.status_code == 201


# --- why a link no longer works --------------------------------------------------------------


def accept(user, token):
    return client_for(user).post("/api/v1/committee-invitations/accept/", {"token": token})


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "expired"),
        ({"accepted_at": timezone.now() - timedelta(days=1)}, "used"),
    ],
)
def test_an_expired_or_used_invitation_says_which(state, reason):
    InvitationFactory(token_hash=hash_token("t" * 22), **state)
    response = accept(UserFactory(), "t" * 22)
    assert response.status_code == 404
    assert (response.json()["code"], response.json()["reason"]) == (
        "invitation_not_found",
        reason,
    )


def test_an_unknown_token_is_unknown():
    response = accept(UserFactory(), "u" * 22)
    assert response.status_code == 404
    assert (response.json()["code"], response.json()["reason"]) == (
        "invitation_not_found",
        "unknown",
    )


def test_accepting_twice_or_as_a_member_names_the_committee():
    committee, chair = chaired()
    invitee = UserFactory()
    InvitationFactory(committee=committee, token_hash=hash_token("a" * 22))
    assert accept(invitee, "a" * 22).status_code == 201
    again = accept(invitee, "a" * 22)
    assert again.status_code == 409
    assert (again.json()["code"], again.json()["committee"]) == ("already_member", committee.pk)
    InvitationFactory(committee=committee, token_hash=hash_token("b" * 22))
    member = accept(chair, "b" * 22)
    assert (member.status_code, member.json()["committee"]) == (409, committee.pk)
    assert Invitation.objects.get(token_hash=hash_token("b" * 22)).accepted_at is None


# --- the words, in every language ------------------------------------------------------------


def facts(role: str = "community organisation representative") -> InvitationFacts:
    return InvitationFacts(
        group=GROUP,
        role={"en": role},
        link="https://opendoors.schools.nyc.gov/invitations/accept#" + "K" * 22,
        expires_at=datetime(2027, 3, 20, 15, 0, tzinfo=UTC),
        timezone="America/New_York",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_invitation_renders_whole_and_its_text_fits_in_two_segments(language):
    text = render_invitation(facts(), language)
    for part in (text.subject, text.body, text.html, text.sms):
        assert part.strip()
        assert "%(" not in part and ")s" not in part, part
    assert GROUP.get(language, GROUP["en"]) in text.body
    assert "community organisation representative" in text.body
    assert "2027" in text.body  # until when
    assert "https://opendoors.schools.nyc.gov/invitations/accept#" + "K" * 22 in text.body
    assert segments(text.sms) <= 2, (len(text.sms), text.sms)
    assert text.sms.endswith("opendoors.schools.nyc.gov/invitations/accept#" + "K" * 22)
    assert GROUP.get(language, GROUP["en"])[:6] in text.sms
    direction = "rtl" if language in ("ar", "ur") else "ltr"
    assert f'dir="{direction}"' in text.html and f'lang="{language}"' in text.html


def test_a_short_invitation_text_keeps_the_name_and_the_role_whole():
    short = InvitationFacts(
        group={"en": "P.S. 20 welcoming committee"},
        role={"en": "parent member"},
        link="https://opendoors.schools.nyc.gov/invitations/accept#" + "K" * 22,
        expires_at=datetime(2027, 3, 20, 15, 0, tzinfo=UTC),
        timezone="America/New_York",
    )
    sms = render_invitation(short, "en").sms
    assert sms.startswith("Open Doors: join P.S. 20 welcoming committee as parent member (until")


# --- how often a series meets, in words ---------------------------------------------------------

START = datetime(2027, 1, 12, 18, 0, tzinfo=UTC)  # a Tuesday


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;COUNT=10", "every week on Tuesday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10", "every other week on Tuesday"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH;COUNT=10", "every 3 weeks on Monday, Thursday"),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=10", "on the second Tuesday of every month"),
        ("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1;COUNT=10", "on the last Tuesday of every month"),
        ("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=10", "on day 15 of every month"),
        ("FREQ=MONTHLY;COUNT=10", "on day 12 of every month"),
        ("FREQ=DAILY;INTERVAL=2;COUNT=10", "every 2 days"),
        ("FREQ=YEARLY;COUNT=3", "every year on January 12"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=10", "on 10 dates"),
        ("FREQ=YEARLY;BYWEEKNO=20;COUNT=10", "on 10 dates"),
    ],
)
def test_how_often_a_series_meets_in_words(rule, words):
    assert how_often(rule, START, count=10) == words


def test_weekdays_come_in_the_readers_language():
    from django.utils import translation

    with translation.override("es"):
        assert "martes" in how_often("FREQ=MONTHLY;BYDAY=2TU;COUNT=10", START, count=10)
