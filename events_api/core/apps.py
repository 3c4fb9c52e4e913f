from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "events_api.core"
    label = "core"
    verbose_name = "Open Doors core"
