from django.apps import AppConfig


class InterpretationConfig(AppConfig):
    name = "events_api.interpretation"
    label = "interpretation"
    verbose_name = "Interpretation"

    def ready(self) -> None:
        from events_api.events.hooks import register_personal_events
        from events_api.interpretation import rules

        # An interpreter's jobs belong in their own calendar.
        register_personal_events(rules.interpreting_jobs_q)
