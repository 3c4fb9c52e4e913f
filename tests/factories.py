"""One factory per model, with plain defaults."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from events_api.events.services.counts import recount
from events_api.people.models import (
    Borough,
    Organization,
    OrganizationMembership,
    School,
    User,
)

PASSWORD = "a-long-test-password-42"
NEW_YORK = ZoneInfo("America/New_York")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Sequence(lambda n: f"User {n}")
    preferred_language_id = "en"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=[str(role) for role in extracted]))


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    dbn = factory.Sequence(lambda n: f"15K{n % 1000:03d}")
    name = factory.Sequence(lambda n: f"P.S. {n}")
    borough = factory.LazyFunction(lambda: Borough.objects.get(code="K"))
    district = 15
    address = "4004 4th Avenue, Brooklyn, NY 11232"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Community Organisation {n}")
    short_name = factory.Sequence(lambda n: f"CO{n}")


class OrganizationMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationMembership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Event"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: {"en": f"Event {n}", "es": f"Evento {n}"})
    description = factory.LazyFunction(lambda: {"en": "About the event"})
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    timezone = "America/New_York"
    address = "4004 4th Avenue, Brooklyn, NY 11232"
    capacity = 10
    status = "published"

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            self.languages.set(extracted if extracted is not None else ["en", "es"])


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Registration"
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Parent {n}")
    phone = factory.Sequence(lambda n: f"+1718555{n % 10000:04d}")
    adults = 1
    children = 0
    status = "confirmed"
    pass_code = factory.Sequence(lambda n: f"P{n:06d}"[-7:])
    manage_token_hash = factory.Sequence(lambda n: f"{n:064x}")

    @factory.post_generation
    def counts(self, create, extracted, **kwargs):
        # Rows made here skip the services, so recount their event as the repair does.
        if create:
            recount([self.event_id])


class SummitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "summits.Summit"
        skip_postgeneration_save = True

    year = factory.Sequence(lambda n: 2027 + n)
    title = factory.LazyAttribute(lambda o: {"en": f"Immigrant Planning Summit {o.year}"})
    starts_on = factory.LazyAttribute(lambda o: date(o.year, 3, 6))
    ends_on = factory.LazyAttribute(lambda o: date(o.year, 3, 7))
    venue_address = "Brooklyn Technical High School, 29 Fort Greene Place"
    status = "published"

    @factory.post_generation
    def organizers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organizers.set(extracted)


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "summits.Track"

    summit = factory.SubFactory(SummitFactory)
    name = factory.Sequence(lambda n: {"en": f"Track {n}"})


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "summits.Room"

    summit = factory.SubFactory(SummitFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 40


class SessionFactory(factory.django.DjangoModelFactory):
    """A session of a published summit, on its first day at 10:00 New York time."""

    class Meta:
        model = "summits.Session"

    summit = factory.SubFactory(SummitFactory)
    event = factory.SubFactory(
        EventFactory,
        kind="session",
        starts_at=factory.LazyAttribute(
            lambda o: datetime.combine(o.factory_parent.summit.starts_on, time(10), tzinfo=NEW_YORK)
        ),
    )
