from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "events_api.notifications"
    label = "notifications"
    verbose_name = "Notifications"
