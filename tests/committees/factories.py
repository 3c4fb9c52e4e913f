"""Factories for committees and their meetings, with plain defaults."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from tests.factories import EventFactory, SchoolFactory, UserFactory


class CommitteeFactory(factory.django.DjangoModelFactory):
    """A public welcoming committee at a school, quorum half the voting members."""

    class Meta:
        model = "committees.Committee"
        skip_postgeneration_save = True

    kind = "welcoming"
    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: {"en": f"Welcoming committee {n}", "es": f"Comité {n}"})
    description = factory.LazyFunction(lambda: {"en": "Parents welcoming parents"})
    visibility = "public"
    quorum_count = None
    quorum_fraction = "0.5"
    notice_days = 7

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            self.languages.set(extracted if extracted is not None else ["en", "es"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "committees.Membership"

    committee = factory.SubFactory(CommitteeFactory)
    user = factory.SubFactory(UserFactory)
    role = "parent"
    voting = True
    term_start = factory.LazyFunction(lambda: date(2020, 1, 1))
    term_end = None
    show_publicly = False


class MeetingFactory(factory.django.DjangoModelFactory):
    """A published one-off meeting a month from now at the committee's school."""

    class Meta:
        model = "committees.Meeting"

    committee = factory.SubFactory(CommitteeFactory)
    event = factory.SubFactory(
        EventFactory,
        kind="meeting",
        capacity=None,
        starts_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=30)),
    )


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "committees.AgendaItem"

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: {"en": f"Item {n}", "es": f"Punto {n}"})
    presenter = "Chair"
    minutes = 10


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "committees.Minutes"

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.LazyFunction(lambda: {"en": "We met.", "es": "Nos reunimos."})
    status = "draft"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "committees.Attendance"

    meeting = factory.SubFactory(MeetingFactory)
    membership = factory.SubFactory(MembershipFactory)
    status = "present"


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "committees.Invitation"

    committee = factory.SubFactory(CommitteeFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = "parent"
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


def chaired(**kwargs):
    """A committee and its chair."""
    committee = CommitteeFactory(**kwargs)
    chair = MembershipFactory(committee=committee, role="chair").user
    return committee, chair
