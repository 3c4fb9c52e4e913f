"""Who is on a call list and who is not, how it is grouped by language, and what the
volunteer says in each language."""

import pytest
from django.utils import translation

from calls import lists
from calls.rules import EVERYTHING
from events_api.notifications.texts import when
from tests.calls.helpers import caller, committee_url, event_url, keys, people, phone_member
from tests.committees.factories import CommitteeFactory, MembershipFactory, chaired
from tests.conftest import client_for
from tests.factories import (
    OrganizationMembershipFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_only_people_whose_chosen_channel_is_a_call_and_who_are_still_coming(event, organiser_api):
    guest = caller(event=event)
    waiting = caller(event=event, status="waitlisted", waitlist_position=1)
    account = UserFactory(preferred_channel="phone_call", phone="+17185550150")
    by_account = RegistrationFactory(event=event, user=account, phone="", channel="email")
    cbo = OrganizationMembershipFactory()
    family = caller(event=event, organization=cbo.organization, registered_by=cbo.user)
    # Not on it: texts, email, the default channel, an account that chose email (even
    # with a registration that said phone_call), cancelled, declined, already checked in,
    # another event.
    RegistrationFactory(event=event, channel="sms")
    RegistrationFactory(event=event, channel="email", email="a@example.org")
    RegistrationFactory(event=event, channel="")
    RegistrationFactory(event=event, user=UserFactory(), channel="phone_call")
    caller(event=event, status="cancelled")
    caller(event=event, status="declined")
    caller(event=event, status="checked_in")
    caller()

    response = organiser_api.get(event_url(event))

    assert response.status_code == 200
    body = response.json()
    assert keys(body) == {f"registration:{r.pk}" for r in (guest, waiting, by_account, family)}
    listed = people(body)
    # An account is called on its own number.
    assert listed[f"registration:{by_account.pk}"]["phone"] == "+17185550150"
    assert listed[f"registration:{family.pk}"]["organization_name"] == cbo.organization.name
    assert listed[f"registration:{waiting.pk}"]["status"] == "waitlisted"
    assert listed[f"registration:{waiting.pk}"]["pass_code"] == ""  # no seat, no code yet
    assert listed[f"registration:{guest.pk}"]["pass_code"] == guest.pass_code
    assert body["no_number"] == [] and body["stopped"] == []
    assert body["progress"]["total"] == 4
    assert body["progress"]["not_called"] == 4


def test_a_meetings_list_adds_the_committees_members_who_chose_calls(committee_meeting):
    committee, chair, meeting = committee_meeting
    member = phone_member(committee, language="es")
    answered = phone_member(committee, phone="+17185550191")
    rsvp = RegistrationFactory(event=meeting.event, user=answered, name="Answered")
    declined = phone_member(committee, phone="+17185550192")
    RegistrationFactory(event=meeting.event, user=declined, status="declined")
    phone_member(committee, phone="+17185550193", term_end="2021-01-01")  # a former member
    MembershipFactory(committee=committee, user__preferred_channel="sms")
    phone_member(CommitteeFactory(), phone="+17185550194")  # another committee's

    body = client_for(chair).get(event_url(meeting.event)).json()

    # The member who answered is on it once, through the registration (with its code);
    # the one who said no is not called about it.
    assert keys(body) == {f"member:{member.pk}", f"registration:{rsvp.pk}"}
    listed = people(body)
    assert listed[f"member:{member.pk}"]["status"] == "member"
    assert listed[f"member:{member.pk}"]["member"] == member.pk
    assert body["committee"] == {"id": committee.pk, "name": committee.name["en"]}


def test_a_committees_list_is_its_members_about_its_next_meeting(committee_meeting):
    committee, chair, meeting = committee_meeting
    member = phone_member(committee, language="es")
    guest = caller(event=meeting.event)  # a guest who answered the meeting: not a member

    body = client_for(chair).get(committee_url(committee)).json()

    assert keys(body) == {f"member:{member.pk}"}
    assert body["event"]["id"] == meeting.event_id
    assert body["event"]["title"] == "Monthly meeting"
    (group,) = body["groups"]
    assert [s["situation"] for s in group["scripts"]] == ["member"]
    (line,) = [x for x in group["people"][0]["script"] if "Reunión mensual" in x]
    assert committee.name["es"] in line
    assert f"registration:{guest.pk}" in keys(
        client_for(chair).get(event_url(meeting.event)).json()
    )


def test_a_committee_with_no_meeting_coming_lists_its_members_without_a_script():
    committee, chair = chaired()
    member = phone_member(committee)

    body = client_for(chair).get(committee_url(committee)).json()

    assert body["event"] is None
    assert keys(body) == {f"member:{member.pk}"}
    assert body["groups"][0]["scripts"] == []
    assert body["groups"][0]["people"][0]["script"] == []


def test_people_with_no_number_are_listed_apart(event, organiser_api):
    account = UserFactory(preferred_channel="phone_call", phone="")
    no_number = RegistrationFactory(event=event, user=account, phone="")
    cbo = OrganizationMembershipFactory()
    through_cbo = caller(event=event, phone="", organization=cbo.organization)
    called = caller(event=event)

    body = organiser_api.get(event_url(event)).json()

    assert keys(body) == {f"registration:{called.pk}"}
    assert [p["key"] for p in body["no_number"]] == sorted(
        [f"registration:{no_number.pk}", f"registration:{through_cbo.pk}"],
        key=lambda key: people(body)[key]["name"].casefold(),
    )
    assert body["progress"]["no_number"] == 2
    assert body["progress"]["total"] == 3


def test_grouped_by_language_with_the_script_in_each_language(event, organiser_api):
    """Bangla, Spanish and Arabic: the event's title in that language, the time in the
    event's zone written that language's way, the place, and the person's own code."""
    bangla = caller(event=event, preferred_language_id="bn", name="Farida Rahman")
    spanish = caller(event=event, preferred_language_id="es", name="Carla Trujillo")
    spanish2 = caller(event=event, preferred_language_id="es", name="Ana Pérez")
    arabic = caller(event=event, preferred_language_id="ar", name="Amina Haddad")
    # An account's own language wins over the registration's.
    account = UserFactory(preferred_channel="phone_call", phone="+17185550151")
    account.preferred_language_id = "bn"
    account.save()
    RegistrationFactory(event=event, user=account, preferred_language_id="es")

    body = organiser_api.get(event_url(event)).json()

    groups = {g["language"]: g for g in body["groups"]}
    assert [g["language"] for g in body["groups"]] == ["bn", "es", "ar"]  # larger first
    assert {code: len(g["people"]) for code, g in groups.items()} == {"bn": 2, "es": 2, "ar": 1}
    assert groups["ar"]["direction"] == "rtl" and groups["es"]["direction"] == "ltr"
    assert groups["bn"]["native_name"] == "বাংলা"
    place = "Library, 4004 4th Avenue, Brooklyn, NY 11232"
    for code, registration, said in (
        ("bn", bangla, "আপনার একটি আসন আছে"),
        ("es", spanish, "Usted tiene un lugar en"),
        ("ar", arabic, "لديكم مقعد في"),
    ):
        group = groups[code]
        assert group["script_language"] == code
        person = next(p for p in group["people"] if p["registration"] == registration.pk)
        script = "\n".join(person["script"])
        with translation.override(code):
            moment = when(event.starts_at, event.timezone)
        assert moment in script, (code, script)
        assert event.title[code] in script
        assert said in script
        assert place in script
        code_spaced = f"{registration.pass_code[:3]} {registration.pass_code[3:]}"
        assert code_spaced in script
        # The group's outline leaves the code to read from the row.
        (seat,) = group["scripts"]
        assert seat["situation"] == "seat"
        assert registration.pass_code not in "\n".join(seat["lines"])
    assert "marzo" in "\n".join(groups["es"]["scripts"][0]["lines"])
    assert [p["name"] for p in groups["es"]["people"]] == ["Ana Pérez", "Carla Trujillo"]
    assert spanish2.pk in [p["registration"] for p in groups["es"]["people"]]


def test_the_waiting_list_and_a_cancelled_event_have_their_own_script(event, organiser):
    waiting = caller(event=event, status="waitlisted", waitlist_position=3)
    seated = caller(event=event)

    before = lists.build(event=event, scope=EVERYTHING)
    event.status = "cancelled"
    event.save()
    after = lists.build(event=event, scope=EVERYTHING)

    waiting_script = next(p for p in before.everyone if p.registration == waiting.pk).script
    assert any("number 3 on the waiting list" in line for line in waiting_script)
    assert [s.kind for s in before.groups[0].scripts] == ["seat", "waitlist"]
    for person in after.everyone:
        assert any("is cancelled" in line for line in person.script)
        assert not any(seated.pass_code[:3] in line for line in person.script)
    assert [s.kind for s in after.groups[0].scripts] == ["cancelled"]


def test_a_language_without_a_catalogue_gets_the_english_script(event, organiser_api):
    caller(event=event, preferred_language_id="ne")

    (group,) = organiser_api.get(event_url(event)).json()["groups"]

    assert (group["language"], group["script_language"]) == ("ne", "en")
    assert group["scripts"][0]["lines"][0] == "Hello [name],"
