from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "calls"
    verbose_name = _("Phone-call lists")

    def ready(self) -> None:
        from calls import my_data
        from calls.privacy import CALL_ATTEMPTS
        from events_api.privacy.hooks import register_step

        # Call notes of an expired event are removed with its registrants' data.
        register_step(CALL_ATTEMPTS)
        # Call outcomes are in a family's export and erased with it.
        my_data.register()
