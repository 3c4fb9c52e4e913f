"""One factory per model, with plain defaults."""

import factory
from django.contrib.auth.models import Group

from events_api.people.models import (
    Borough,
    Organization,
    OrganizationMembership,
    School,
    User,
)

PASSWORD = "a-long-test-password-42"


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
