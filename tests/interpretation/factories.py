"""Factories for the interpretation app. Demand lines are made through the real service
(``request_line``), so a line always has the requests that add up to it."""

import factory

from events_api.interpretation.models import AvailabilityWindow, Interpreter, InterpreterMode
from events_api.interpretation.services.demand import DirectRequest, request_interpreter
from events_api.people.models import Language
from events_api.people.roles import Role
from tests.factories import UserFactory


class InterpreterFactory(factory.django.DjangoModelFactory):
    """A vendor interpreter for Spanish, in person, with no availability windows unless
    given: ``InterpreterFactory(languages=["bn"], modes=["phone"], availability=[(a, b)])``."""

    class Meta:
        model = Interpreter
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Interpreter {n}")
    email = factory.Sequence(lambda n: f"interpreter{n}@agency.example.org")
    agency = "Language Line Demo"
    active = True

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            self.languages.set(extracted if extracted is not None else ["es"])

    @factory.post_generation
    def modes(self, create, extracted, **kwargs):
        if create:
            for mode in extracted if extracted is not None else ["in_person"]:
                InterpreterMode.objects.create(interpreter=self, mode=mode)

    @factory.post_generation
    def availability(self, create, extracted, **kwargs):
        if create and extracted:
            for starts_at, ends_at in extracted:
                AvailabilityWindow.objects.create(
                    interpreter=self, starts_at=starts_at, ends_at=ends_at
                )


def coordinator():
    return UserFactory(roles=[Role.INTERPRETER_COORDINATOR])


def request_line(event, language="es", mode="in_person", people=1, by=None):
    """A demand line on ``event`` made by a direct request from a coordinator."""
    made = request_interpreter(
        event_id=event.pk,
        request=DirectRequest(language=Language.objects.get(pk=language), mode=mode, people=people),
        by=by or coordinator(),
    )
    made.line.refresh_from_db()
    return made.line
