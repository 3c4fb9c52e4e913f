from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CardsConfig(AppConfig):
    name = "cards"
    verbose_name = _("Parent cards")

    def ready(self) -> None:
        from cards import my_data, rules
        from cards.privacy import PARENT_CARDS
        from events_api.people.desks import register_desk
        from events_api.privacy.hooks import register_step

        # An expired or revoked card's personal data goes after the retention period.
        register_step(PARENT_CARDS)
        # A parent's own cards are in her export and go with her account.
        my_data.register()
        # The web app links those who issue cards (school staff, organisers, CBO staff) to
        # their cards.
        register_desk("card_issuer", rules.is_issuer)
