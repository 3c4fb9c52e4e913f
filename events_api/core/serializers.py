"""Serializer building blocks shared by every app."""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events_api.core.i18n import FALLBACK_LANGUAGE, normalise_language, pick


class StrictFieldsMixin:
    """Reject fields the endpoint does not know, so a typo never passes silently."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            known = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(set(data) - known)
            if unknown:
                raise serializers.ValidationError({name: [_("Unknown field.")] for name in unknown})
        return super().to_internal_value(data)


@extend_schema_field(
    {"type": "object", "additionalProperties": {"type": "string"}, "example": {"en": "Welcome"}}
)
class TranslationsField(serializers.JSONField):
    """``{"en": "...", "es": "..."}``: keys must be catalogue language codes, English is
    required so every reader has a fallback."""

    default_error_messages = {
        "not_object": _("Expected an object of language code to text."),
        "english_required": _("An English text (key 'en') is required."),
        "unknown_language": _("Unknown language code: %(code)s."),
        "not_text": _("Each translation must be a string."),
        "too_long": _("Each translation must be at most %(max)s characters."),
    }

    def __init__(self, *, max_length: int = 10000, require_english: bool = True, **kwargs):
        self.max_length = max_length
        self.require_english = require_english
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        from events_api.people.queries import known_language_codes

        if not isinstance(data, dict):
            self.fail("not_object")
        cleaned = {}
        codes = known_language_codes()
        for raw_code, text in data.items():
            code = normalise_language(raw_code)
            if code not in codes:
                raise serializers.ValidationError(
                    self.error_messages["unknown_language"] % {"code": raw_code}
                )
            if not isinstance(text, str):
                self.fail("not_text")
            if len(text) > self.max_length:
                raise serializers.ValidationError(
                    self.error_messages["too_long"] % {"max": self.max_length}
                )
            if text.strip():
                cleaned[code] = text
        if self.require_english and not cleaned.get(FALLBACK_LANGUAGE):
            self.fail("english_required")
        return cleaned


@extend_schema_field(OpenApiTypes.STR)
class TranslatedTextField(serializers.Field):
    """Read-only: the text of a translations dict in the request's language."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return pick(value)


class LanguageCodeField(serializers.CharField):
    """A code from the language catalogue (``bn``, ``zh-hans``, ``ase``)."""

    default_error_messages = {"unknown_language": _("Unknown language code: %(code)s.")}

    def __init__(self, *, ui_only: bool = False, **kwargs):
        self.ui_only = ui_only
        kwargs.setdefault("max_length", 16)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        from events_api.people.queries import known_language_codes, ui_language_codes

        code = normalise_language(super().to_internal_value(data))
        codes = ui_language_codes() if self.ui_only else known_language_codes()
        if code not in codes:
            raise serializers.ValidationError(
                self.error_messages["unknown_language"] % {"code": data}
            )
        return code


class AwareDateTimeField(serializers.DateTimeField):
    """A datetime that must carry its UTC offset: ``2027-03-06T10:00:00-05:00``. A naive
    value is ambiguous (which zone? which side of a DST change?) and is refused."""

    default_error_messages = {
        "naive": _("Include a UTC offset or Z, e.g. 2027-03-06T10:00:00-05:00."),
    }

    def to_internal_value(self, value):
        if isinstance(value, str):
            try:
                parsed = parse_datetime(value.strip())
            except ValueError:  # well formed but impossible, e.g. 12:99
                self.fail("invalid", format="YYYY-MM-DDThh:mm:ss±hh:mm")
            if parsed is not None and timezone.is_naive(parsed):
                self.fail("naive")
        return super().to_internal_value(value)
