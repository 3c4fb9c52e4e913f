from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrintingConfig(AppConfig):
    name = "printing"
    verbose_name = _("Printed materials")

    def ready(self) -> None:
        from django.core import checks

        from printing.checks import help_phone_is_a_number

        checks.register(help_phone_is_a_number, checks.Tags.compatibility)
