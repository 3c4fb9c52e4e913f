# ruff: noqa: RUF001, RUF003 -- keywords in 13 scripts: Cyrillic, fullwidth letters meant
"""Text messages as the network sees them: which alphabet a text needs, how many segments
(billed messages) it takes, and what a reply such as "STOP" or "ARRÊT" asks for.

Pure functions of strings, no I/O.

Segments follow what carriers and Twilio do, which is a little stricter than the round
``ceil(n / 153)``: a long text travels in parts of 153 septets (GSM-7) or 67 UTF-16 code
units (UCS-2), and a part never ends in the middle of a character, so a two-septet
extension character (``€``, ``{``...) or a two-unit emoji that would straddle a boundary
starts the next part. For almost every text the two counts agree.
"""

import re
import unicodedata

GSM_7 = "GSM-7"
UCS_2 = "UCS-2"

# GSM 03.38: the default alphabet (one septet each) and its extension table (an escape
# septet plus one, so two each). ESC itself (0x1B) is not a character a text can contain.
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

SINGLE = {GSM_7: 160, UCS_2: 70}
PART = {GSM_7: 153, UCS_2: 67}


def encoding(text: str) -> str:
    """``"GSM-7"`` when every character is in the GSM 03.38 default alphabet or its
    extension table, else ``"UCS-2"`` (the whole text then goes as UTF-16)."""
    if all(char in GSM_BASIC or char in GSM_EXTENSION for char in text):
        return GSM_7
    return UCS_2


# Typographic characters outside GSM 03.38 with a plain twin inside it.
PLAIN = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʻ": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "…": "...",
        "\u00a0": " ",
    }
)


def fold_to_gsm(text: str) -> str:
    """A Latin-script text in the GSM alphabet, as providers' "smart encoding" does:
    accents the alphabet lacks are dropped (í → i, ê → e, ç → c, but é, è, à, ñ, ü stay),
    typographic quotes and dashes become plain ones. A text in another script (or with a
    character that has no GSM twin) comes back unchanged: it is sent as UCS-2 anyway.
    Halves the cost of a Spanish, French, Albanian, Haitian Creole or Uzbek text."""
    if encoding(text) == GSM_7:
        return text
    folded = []
    for char in text.translate(PLAIN):
        if char in GSM_BASIC or char in GSM_EXTENSION:
            folded.append(char)
            continue
        parts = unicodedata.normalize("NFD", char)
        folded.append("".join(c for c in parts if not unicodedata.combining(c)))
    result = "".join(folded)
    return result if encoding(result) == GSM_7 else text


def _units(text: str, alphabet: str) -> list[int]:
    """The size of each character in its alphabet's units: septets, or UTF-16 code units
    (two for a character beyond the Basic Multilingual Plane, such as most emoji)."""
    if alphabet == GSM_7:
        return [2 if char in GSM_EXTENSION else 1 for char in text]
    return [2 if ord(char) > 0xFFFF else 1 for char in text]


def length(text: str) -> int:
    """The text's length in its encoding's units (septets or UTF-16 code units)."""
    return sum(_units(text, encoding(text)))


def segments(text: str) -> int:
    """How many segments (billed messages) the text is sent as; an empty text is one.

    One segment holds 160 septets (GSM-7) or 70 UTF-16 code units (UCS-2); a longer text
    is split into parts of 153 or 67, as each part carries a header that says how to join
    them. A character is never split across two parts."""
    alphabet = encoding(text)
    units = _units(text, alphabet)
    if sum(units) <= SINGLE[alphabet]:
        return 1
    part, count, used = PART[alphabet], 1, 0
    for size in units:
        if used + size > part:
            count += 1
            used = 0
        used += size
    return count


# --- Keyword replies ------------------------------------------------------------------------
#
# A reply is a keyword only when the whole message is that word: "Stop", " stop. " and
# "ＳＴＯＰ" are; "please stop the texts" is not (as with Twilio's own opt-out handling, a
# sentence is read by a person, not by us). Words are compared after ``normalise_reply``.
# The English words are Twilio's defaults (plus OPTOUT and REVOKE, which US carriers added
# in 2025), so what we record matches what the provider itself blocks.

STOP_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"),
    "es": ("PARAR", "ALTO", "BAJA", "CANCELAR", "DETENER"),
    "fr": ("ARRÊT", "ARRET", "ARRÊTER", "DÉSABONNER", "STOP"),
    "ht": ("KANPE", "SISPANN", "ANILE"),
    "ru": ("СТОП", "ОТПИСАТЬСЯ"),
    "uk": ("СТОП", "ВІДПИСАТИСЯ"),
    "zh-hans": ("退订", "退訂", "停止", "TD"),
    "ko": ("중지", "수신거부", "그만"),
    "ar": ("توقف", "إيقاف", "الغاء"),
    "ur": ("بند", "روکیں", "روکو"),
    "bn": ("বন্ধ",),
    "sq": ("NDALO", "NDAL"),
    "uz": ("TOʻXTAT", "TOXTAT", "ТЎХТАТ", "STOP"),
}

# Bare "yes" words count, as Twilio's YES does: they only matter to a number that has
# opted out. Short words that are common in other languages' chatter ("ha") are left out.
START_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("START", "UNSTOP", "YES"),
    "es": ("INICIAR", "ALTA", "SÍ"),
    "fr": ("DÉMARRER", "DEMARRER", "OUI"),
    "ht": ("KÒMANSE", "WI"),
    "ru": ("СТАРТ", "ДА"),
    "uk": ("СТАРТ", "ТАК"),
    "zh-hans": ("开始", "開始", "订阅", "訂閱"),
    "ko": ("시작", "수신동의"),
    "ar": ("ابدأ", "نعم"),
    "ur": ("شروع", "ہاں"),
    "bn": ("শুরু", "হ্যাঁ"),
    "sq": ("FILLO",),
    "uz": ("BOSHLASH", "БОШЛАШ"),
}

# Marks folded away: Latin, Greek and Cyrillic accents (ARRÊT = ARRET, й = и, Ў = У) and
# Arabic-script vowel signs, hamza and shadda, often left out when typing (إيقاف = ايقاف).
# Marks that Bengali and other Indic scripts need to spell a word are kept.
_FOLDED_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670\u0640]")
# Apostrophe-like letters (Uzbek TOʻXTAT is typed with any of them, or none).
_APOSTROPHES = re.compile("['`\u2018\u2019\u02bb\u02bc\u02bf]")
# Punctuation around a keyword: "STOP.", "¡Alto!", "停止。", "توقف؟", "বন্ধ।", "بند۔".
_EDGE_PUNCTUATION = "\"'.,;:!?¡¿()[]«»“”„。、！？，؟،۔।"


def normalise_reply(body: str) -> str:
    """The comparison form of a reply: compatibility forms unified (fullwidth letters),
    case folded, the marks above folded away, apostrophes and whitespace removed and
    punctuation trimmed from both ends. ``normalise_reply(" Arrêt! ") == "arret"``."""
    text = unicodedata.normalize("NFKC", body).casefold()
    text = _FOLDED_MARKS.sub("", unicodedata.normalize("NFD", text))
    text = unicodedata.normalize("NFC", text)
    text = _APOSTROPHES.sub("", text)
    text = "".join(text.split())
    return text.strip(_EDGE_PUNCTUATION)


def _normalised(words: dict[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(normalise_reply(word) for group in words.values() for word in group)


_STOP = _normalised(STOP_WORDS)
_START = _normalised(START_WORDS)


def is_stop(body: str) -> bool:
    """Whether the reply asks for no more texts."""
    return normalise_reply(body) in _STOP


def is_start(body: str) -> bool:
    """Whether the reply asks for texts again after a STOP."""
    return normalise_reply(body) in _START
