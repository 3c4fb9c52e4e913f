from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "events_api.people"
    label = "people"
    verbose_name = "People and places"
