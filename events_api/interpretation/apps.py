from django.apps import AppConfig


class InterpretationConfig(AppConfig):
    name = "events_api.interpretation"
    label = "interpretation"
    verbose_name = "Interpretation"

    def ready(self) -> None:
        from django.db.models import Q

        from events_api.events.hooks import register_personal_events
        from events_api.interpretation.models import ACTIVE_ASSIGNMENT, Assignment

        def interpreting_jobs(user) -> Q:
            # A subquery, not a join, so an event with two jobs appears once.
            jobs = Assignment.objects.filter(interpreter__user=user, status__in=ACTIVE_ASSIGNMENT)
            return Q(pk__in=jobs.values("line__event_id"))

        register_personal_events(interpreting_jobs)
