"""Language names in the reader's language, for the languages of the catalogue
(migration 0002). The names are the English names stored on each row, so Django's own
catalogues translate many of them and ours the rest; a language added later by hand is
named in English until it is added here."""

from django.utils.translation import gettext_lazy as _

NAMES = {
    "en": _("English"),
    "sq": _("Albanian"),
    "ar": _("Arabic"),
    "bn": _("Bangla"),
    "zh-hans": _("Chinese (Simplified)"),
    "fr": _("French"),
    "ht": _("Haitian Creole"),
    "ko": _("Korean"),
    "ru": _("Russian"),
    "es": _("Spanish"),
    "uk": _("Ukrainian"),
    "ur": _("Urdu"),
    "uz": _("Uzbek"),
    "pl": _("Polish"),
    "ase": _("American Sign Language"),
    "yue": _("Cantonese"),
    "cmn": _("Mandarin"),
    "zh-hant": _("Chinese (Traditional)"),
    "tl": _("Tagalog"),
    "hi": _("Hindi"),
    "pa": _("Punjabi"),
    "ne": _("Nepali"),
    "bo": _("Tibetan"),
    "vi": _("Vietnamese"),
    "ja": _("Japanese"),
    "pt": _("Portuguese"),
    "el": _("Greek"),
    "it": _("Italian"),
    "he": _("Hebrew"),
    "yi": _("Yiddish"),
    "fa": _("Persian (Farsi)"),
    "ps": _("Pashto"),
    "tr": _("Turkish"),
    "ka": _("Georgian"),
    "wo": _("Wolof"),
    "ff": _("Fulani (Pular)"),
    "mnk": _("Mandinka"),
    "snk": _("Soninke"),
    "tw": _("Twi"),
    "sw": _("Swahili"),
    "so": _("Somali"),
    "am": _("Amharic"),
    "ti": _("Tigrinya"),
    "my": _("Burmese"),
    "quc": _("K'iche'"),
    "mix": _("Mixtec"),
    "qu": _("Quechua"),
    "cab": _("Garifuna"),
}


def language_name(language) -> str:
    """``language`` (a Language row) named in the active language."""
    name = NAMES.get(language.code)
    return str(name) if name is not None else language.name_en
