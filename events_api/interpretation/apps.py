from django.apps import AppConfig


class InterpretationConfig(AppConfig):
    name = "events_api.interpretation"
    label = "interpretation"
    verbose_name = "Interpretation"

    def ready(self) -> None:
        from events_api.events.hooks import register_personal_events
        from events_api.interpretation import rules
        from events_api.people.desks import register_desk

        # An interpreter's jobs belong in their own calendar.
        register_personal_events(rules.interpreting_jobs_q)
        # The web app links an interpreter to their jobs.
        register_desk("interpreter", rules.is_on_roster)
