"""The query strings of the print routes."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from events_api.people.serializers import PhoneField

# 25 Letter sheets, 50 pages: a box of cards cut in one sitting. WeasyPrint holds a whole
# document's layout in memory (about 360 MiB more at the peak for 200 cards, make bench),
# so a larger run is asked for in parts.
MAX_SHEET_CARDS = 200
MAX_ID = 2**31 - 1


class FlyerQuerySerializer(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        default="en",
        help_text="The flyer's language: one of the thirteen interface languages.",
    )
    phone = PhoneField(
        required=False,
        default="",
        help_text="The number families call for help; default: the server's HELP_PHONE.",
    )


class SheetQuerySerializer(serializers.Serializer):
    ids = serializers.CharField(
        required=False,
        default="",
        help_text=(
            "Comma-separated card ids, printed in this order; default: every valid card "
            "you may manage, oldest first."
        ),
    )

    def validate_ids(self, value: str) -> list[int]:
        if not value.strip():
            return []
        try:
            ids = [int(part) for part in value.split(",") if part.strip()]
        except ValueError as exc:
            raise serializers.ValidationError(
                _("Give card ids as numbers separated by commas."), code="invalid"
            ) from exc
        # Ids are database keys: positive, and within a 32-bit column (an id past that
        # cannot exist, and SQLite would refuse to compare with it).
        if any(not 1 <= pk <= MAX_ID for pk in ids):
            raise serializers.ValidationError(
                _("Give card ids as numbers separated by commas."), code="invalid"
            )
        if len(ids) > MAX_SHEET_CARDS:
            raise too_many()
        return list(dict.fromkeys(ids))


def too_many() -> serializers.ValidationError:
    return serializers.ValidationError(
        _("At most %(limit)s cards fit in one print run.") % {"limit": MAX_SHEET_CARDS},
        code="max_length",
    )
