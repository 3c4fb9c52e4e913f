"""Content entered per language (titles, descriptions, minutes) with English as the fallback.

Translated text is stored as a JSON object ``{"en": "...", "es": "..."}`` on the row that
owns it, so a list of events needs no join to show titles in the reader's language.
"""

from django.conf import settings
from django.utils import translation

FALLBACK_LANGUAGE = "en"


def normalise_language(code: str | None) -> str:
    """``zh-Hans`` → ``zh-hans``, ``es_US`` → ``es-us``; empty for nothing."""
    return (code or "").strip().replace("_", "-").lower()


def request_language() -> str:
    """The language this request is answered in (``?lang=``, Accept-Language, else English):
    one of the interface languages."""
    code = normalise_language(translation.get_language())
    return code if code in dict(settings.LANGUAGES) else FALLBACK_LANGUAGE


def pick(translations: dict | None, language: str | None = None) -> str:
    """The text in ``language`` (default: the active one), its base language, or English."""
    if not translations:
        return ""
    language = normalise_language(language or translation.get_language() or FALLBACK_LANGUAGE)
    candidates = [language, language.split("-")[0], FALLBACK_LANGUAGE]
    for candidate in candidates:
        text = translations.get(candidate)
        if text:
            return text
    return next((text for text in translations.values() if text), "")
