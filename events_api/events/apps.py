from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events_api.events"
    label = "events"
    verbose_name = "Events and registration"
