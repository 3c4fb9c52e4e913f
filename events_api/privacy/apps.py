from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "events_api.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from events_api.privacy.hooks import register_step
        from events_api.privacy.steps import CORE_STEPS

        for step in CORE_STEPS:
            register_step(step)
        # Erasure (docs/privacy.md, "A family's own data") anonymises these steps' rows.
        from events_api.privacy.my_data import register_core_rows

        register_core_rows()
