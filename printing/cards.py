"""Parent cards on paper: one card at wallet size (front and back), and Letter sheets of
eight for batch printing. Each card speaks the parent's language and English (door staff
read English); a card in English is English only."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop

from cards.models import Card
from cards.signing import verification_url
from printing.materials import direction
from printing.render import pdf, qr_data_uri

ENGLISH = "en"
CARD_WIDTH_MM = 85.6
CARD_HEIGHT_MM = 54.0
LETTER_MM = (215.9, 279.4)
COLUMNS, ROWS = 2, 4
PER_SHEET = COLUMNS * ROWS
# Crop marks: 8 mm long, starting 2 mm away from the block of cards.
MARK_LENGTH_MM, MARK_GAP_MM = 8.0, 2.0


# The card's words, each shown in the parent's language and, below or beside it, in English.
WORDS = {
    "kind": gettext_noop("parent card"),
    "name": gettext_noop("Name"),
    "schools": gettext_noop("children's schools"),
    "language": gettext_noop("Language"),
    "number": gettext_noop("card number"),
    "until": gettext_noop("valid until"),
    "photo": gettext_noop("Photo"),
    "scan": gettext_noop("Scan to check this card"),
    "lost": gettext_noop("If this card is lost, ask %(issuer)s for a new one."),
}
SAFE_ZONE = gettext_noop(
    "You do not need ID or immigration papers to take part; we never ask for them."
)


@dataclass(frozen=True)
class Words:
    local: str
    english: str  # empty on an English card


@dataclass(frozen=True)
class Slot:
    left: float
    top: float
    card: dict | None


def _ui_language(code: str) -> str:
    """The card's language for its words: the parent's if we have a catalogue for it."""
    return code if code in dict(settings.LANGUAGES) else ENGLISH


def _date_in(day: date, language: str) -> str:
    with translation.override(language):
        return date_format(day, "DATE_FORMAT")


def _say(language: str, message: str, issuer: str) -> str:
    with translation.override(language):
        return capfirst(gettext(message) % ({"issuer": issuer} if "%(" in message else {}))


def card_words(language: str, issuer: str) -> dict[str, Words]:
    english = language != ENGLISH
    return {
        key: Words(
            _say(language, message, issuer), _say(ENGLISH, message, issuer) if english else ""
        )
        for key, message in WORDS.items()
    }


def card_face(card: Card) -> dict:
    """What a card shows (``card`` with its issuer, language and schools loaded)."""
    language = _ui_language(card.preferred_language_id)
    number = card.number
    return {
        "language": language,
        "direction": direction(language),
        "bilingual": language != ENGLISH,
        "words": card_words(language, card.issuer_name),
        "safe_zone": _say(language, SAFE_ZONE, ""),
        "issuer": card.issuer_name,
        "holder_name": card.holder_name,
        "schools": sorted(school.name for school in card.schools.all()),
        "language_name": card.preferred_language.native_name,
        "language_name_en": card.preferred_language.name_en,
        "number_display": f"{number[:4]} {number[4:]}",
        "expires_local": _date_in(card.expires_on, language),
        "expires_en": _date_in(card.expires_on, ENGLISH),
        "qr": qr_data_uri(verification_url(number)),
    }


def card_pdf(card: Card) -> bytes:
    """One card at wallet size: page 1 the front, page 2 the back."""
    face = card_face(card)
    return pdf("printing/card.html", {"card": face}, language=face["language"])


def _origin() -> tuple[float, float]:
    width, height = LETTER_MM
    return (
        round((width - COLUMNS * CARD_WIDTH_MM) / 2, 2),
        round((height - ROWS * CARD_HEIGHT_MM) / 2, 2),
    )


def _slots(faces: list[dict], *, mirrored: bool) -> list[Slot]:
    left0, top0 = _origin()
    slots = []
    for index, face in enumerate(faces):
        row, column = divmod(index, COLUMNS)
        if mirrored:
            column = COLUMNS - 1 - column
        slots.append(
            Slot(
                left=round(left0 + column * CARD_WIDTH_MM, 2),
                top=round(top0 + row * CARD_HEIGHT_MM, 2),
                card=face,
            )
        )
    return slots


def crop_marks() -> list[dict]:
    """Short lines outside the block of cards, in line with every cut."""
    left0, top0 = _origin()
    right = left0 + COLUMNS * CARD_WIDTH_MM
    bottom = top0 + ROWS * CARD_HEIGHT_MM
    marks = []
    for column in range(COLUMNS + 1):
        x = round(left0 + column * CARD_WIDTH_MM, 2)
        marks.append({"kind": "v", "left": x, "top": round(top0 - MARK_GAP_MM - MARK_LENGTH_MM, 2)})
        marks.append({"kind": "v", "left": x, "top": round(bottom + MARK_GAP_MM, 2)})
    for row in range(ROWS + 1):
        y = round(top0 + row * CARD_HEIGHT_MM, 2)
        marks.append(
            {"kind": "h", "left": round(left0 - MARK_GAP_MM - MARK_LENGTH_MM, 2), "top": y}
        )
        marks.append({"kind": "h", "left": round(right + MARK_GAP_MM, 2), "top": y})
    return marks


def sheet_pdf(cards: list[Card]) -> bytes:
    """Letter sheets of eight: for each sheet a page of fronts, then its page of backs."""
    faces = [card_face(card) for card in cards]
    pages = []
    for start in range(0, len(faces), PER_SHEET):
        chunk = faces[start : start + PER_SHEET]
        pages.append(
            {"fronts": _slots(chunk, mirrored=False), "backs": _slots(chunk, mirrored=True)}
        )
    return pdf("printing/sheet.html", {"pages": pages, "marks": crop_marks()}, language=ENGLISH)
