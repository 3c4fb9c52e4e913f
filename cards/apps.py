from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CardsConfig(AppConfig):
    name = "cards"
    verbose_name = _("Parent cards")

    def ready(self) -> None:
        from cards import my_data
        from cards.privacy import PARENT_CARDS
        from events_api.privacy.hooks import register_step

        # An expired or revoked card's personal data goes after the retention period.
        register_step(PARENT_CARDS)
        # A parent's own cards are in her export and go with her account.
        my_data.register()
