"""The printed pages read back the way a reviewer would check them: Poppler's pdfinfo for
sizes and page counts, pdftotext for the words in each script, pdffonts for the font that
shaped them, pdftoppm for pictures (kept under var/test-printing/ to be looked at) and for
the crop marks.

Bangla in a PDF made by WeasyPrint cannot be copied back out letter for letter: the PDF
maps each glyph to one piece of text, and Bangla vowel signs drawn before their consonant
scramble that map (the printed page is right; the PNGs show it). For Bangla the tests
check that the page holds the expected letters (consonants and independent vowels, as a
multiset) and that Noto Sans Bengali shaped them. Arabic and Urdu are checked word for
word (pdftotext puts the words of a wrapped right-to-left line in its own order), every
other script as whole sentences."""

import re
import unicodedata
from collections import Counter

import pytest
from django.conf import settings
from django.utils import translation
from PIL import Image
from rest_framework.test import APIClient

from cards.signing import verification_url
from events_api.people.models import Language
from printing.materials import registration_url
from tests.conftest import client_for
from tests.factories import SessionFactory, UserFactory
from tests.printing.conftest import page_mm, pdf_fonts, pdf_info, pdf_text, qr_codes, to_png

pytestmark = pytest.mark.django_db

HELP = "+17185550142"
LETTER = (215.9, 279.4)
# Bidi marks, Arabic vowel marks (pdftotext puts them before the letter they sit on) and
# hyphens (pdftotext joins a word broken at its hyphen without it: "будь-" "яка").
IGNORED = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u065f\u0670-]")
TITLES = {
    "en": "Welcome night for new families",
    "sq": "Mbrëmje mirëseardhjeje për familjet e reja",
    "ar": "أمسية ترحيب بالعائلات الجديدة",
    "bn": "নতুন পরিবারের জন্য স্বাগত সন্ধ্যা",
    "zh-hans": "新家庭欢迎之夜",
    "fr": "Soirée d'accueil des nouvelles familles",
    "ht": "Sware akèy pou nouvo fanmi yo",
    "ko": "새 가족 환영의 밤",
    "ru": "Вечер знакомства для новых семей",
    "es": "Noche de bienvenida para familias nuevas",
    "uk": "Вечір знайомства для нових родин",
    "ur": "نئے خاندانوں کے لیے خوش آمدید کی شام",
    "uz": "Yangi oilalar uchun tanishuv oqshomi",
}
# The font that must have shaped each script (pdffonts lists what is embedded).
SCRIPT_FONTS = {
    "bn": "Noto-Sans-Bengali",
    "ar": "Noto-Naskh-Arabic",
    "ur": "Noto-Naskh-Arabic",
    "zh-hans": "Noto-Sans-CJK-SC",
    "ko": "Noto-Sans-CJK-KR",
}
SAFE_ZONE = "You do not need ID or immigration papers to take part; we never ask for them."


def path_of(url: str) -> str:
    """Path and query: the host is the request's (testserver) or the configured one."""
    return url.split("/", 3)[3]


def squeeze(text: str) -> str:
    """Without white space (lines break differently in every script) and marks."""
    return re.sub(r"\s+", "", IGNORED.sub("", unicodedata.normalize("NFC", text)))


def bangla_letters(text: str) -> Counter:
    return Counter(ch for ch in text if "\u0985" <= ch <= "\u09b9")


def assert_says(text: str, expected: str, language: str) -> None:
    if language == "bn":
        want, have = bangla_letters(expected), bangla_letters(text)
        assert sum(want.values()) > 0
        found = sum(min(count, have[letter]) for letter, count in want.items())
        assert found / sum(want.values()) >= 0.95, (expected, text)
    elif language in settings.LANGUAGES_BIDI:
        # pdftotext orders the words of a wrapped right-to-left line its own way.
        words = [squeeze(word.strip(".,;:!?\u060c\u061b\u061f\u06d4")) for word in expected.split()]
        missing = [word for word in words if word and word not in squeeze(text)]
        assert not missing, (missing, text)
    else:
        assert squeeze(expected) in squeeze(text), (expected, text)


def in_language(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


# --- parent cards ---------------------------------------------------------------------------


def test_a_card_is_wallet_size_front_and_back_in_her_language_and_english(cbo, card_in, tmp_path):
    card = card_in("es", name="Rosa Quispe")
    response = client_for(cbo.user).get(f"/api/v1/cards/{card.pk}/card.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    _front, back_png = to_png(data, "card-es", dpi=200, last=2)
    info = pdf_info(data, tmp_path)
    assert info["Pages"] == "2"
    assert page_mm(info) == (85.6, 54.0)
    text = pdf_text(data, tmp_path)
    front, back = text.split("\f")[:2]
    for words in (
        "Rosa Quispe",
        "La Union",
        f"{card.number[:4]} {card.number[4:]}",
        "Tarjeta para padres",
        "Parent card",
        "Válida hasta",
        "Valid until",
        "Español",
        "Spanish",
        "P.S. 169 Sunset Park",
    ):
        assert words in front, words
    assert "Escanee para verificar esta tarjeta" in back
    assert "Scan to check this card" in back
    assert squeeze(in_language("es", SAFE_ZONE)) in squeeze(back)
    # The QR code, read off the printed back, verifies the card.
    (scanned,) = qr_codes(back_png)
    assert path_of(scanned) == path_of(verification_url(card.number))
    verified = APIClient().post("/api/v1/cards/verify/", {"signed": scanned}, format="json")
    assert verified.status_code == 200 and verified.json()["valid"] is True
    # Nothing a card must never hold.
    assert "birth" not in text.lower() and "immigration status" not in text.lower()


@pytest.mark.parametrize("language", ["bn", "ar", "ur", "zh-hans", "ko"])
def test_a_card_in_each_script_is_shaped_by_its_noto_font(cbo, card_in, tmp_path, language):
    card = card_in(language)
    data = client_for(cbo.user).get(f"/api/v1/cards/{card.pk}/card.pdf").content
    to_png(data, f"card-{language}", dpi=200, last=2)
    text = pdf_text(data, tmp_path)
    for label in ("card number", "valid until"):
        expected = in_language(language, label)
        assert expected != label  # translated
        assert_says(text, expected, language)
    assert_says(text, in_language(language, "Scan to check this card"), language)
    assert_says(text, Language.objects.get(pk=language).native_name, language)
    assert SCRIPT_FONTS[language] in pdf_fonts(data, tmp_path)
    assert "Rahima Begum" in text and "Parent card" in text


def test_a_sheet_holds_eight_cards_a_page_with_crop_marks_and_mirrored_backs(
    cbo, card_in, tmp_path
):
    cards = [card_in("bn" if n % 2 else "es", name=f"Parent {n:02d}") for n in range(9)]
    ids = ",".join(str(card.pk) for card in cards)
    response = client_for(cbo.user).get(f"/api/v1/cards/sheet.pdf?ids={ids}")
    assert response.status_code == 200
    data = response.content
    info = pdf_info(data, tmp_path)
    assert info["Pages"] == "4"  # 2 sheets: fronts, backs, fronts, backs
    assert page_mm(info) == LETTER
    pages = pdf_text(data, tmp_path, layout=True).split("\f")
    assert [f"Parent {n:02d}" in pages[0] for n in range(9)] == [True] * 8 + [False]
    assert "Parent 08" in pages[2]
    assert "Parent" not in pages[1]  # backs carry no names
    # Mirrored for long-edge duplex: card 0 is top left on the fronts; its back (Spanish)
    # is top right on the backs page, card 1's (Bangla, no Latin line) top left.
    first_back_row = next(line for line in pages[1].splitlines() if "Escanee" in line)
    assert first_back_row.index("Escanee") > len(first_back_row) // 2
    front, _back = to_png(data, "sheet", dpi=150, last=2)
    assert_crop_marks(front, dpi=150)


def assert_crop_marks(png, *, dpi: int) -> None:
    """Ink on every cut line just outside the block of cards, and none further out."""
    image = Image.open(png).convert("L")

    def darkest(x_mm: float, y_mm: float, box: int = 3) -> int:
        x, y = round(x_mm / 25.4 * dpi), round(y_mm / 25.4 * dpi)
        return min(
            image.getpixel((i, j))
            for i in range(x - box, x + box + 1)
            for j in range(y - box, y + box + 1)
        )

    left, top = (215.9 - 2 * 85.6) / 2, (279.4 - 4 * 54) / 2
    for column in range(3):
        x = left + column * 85.6
        assert darkest(x, top - 6) < 128, ("top mark", column)
        assert darkest(x, top + 4 * 54 + 6) < 128, ("bottom mark", column)
    for row in range(5):
        y = top + row * 54
        assert darkest(left - 6, y) < 128, ("left mark", row)
        assert darkest(left + 2 * 85.6 + 6, y) < 128, ("right mark", row)
    assert darkest(left - 6, top + 27) > 200  # between marks: blank paper
    assert darkest(8, 8) > 200


# --- flyers and the door poster -----------------------------------------------------------


@pytest.fixture
def organiser_and_event(db):
    organiser = UserFactory()
    session = SessionFactory(summit__organizers=[organiser], event__title=TITLES)
    session.event.languages.set(["en", "bn", "ar", "zh-hans"])
    return organiser, session.event


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_a_flyer_in_each_language(organiser_and_event, tmp_path, language):
    organiser, event = organiser_and_event
    response = client_for(organiser).get(
        f"/api/v1/events/{event.pk}/flyer.pdf", {"language": language, "phone": HELP}
    )
    assert response.status_code == 200, response.content
    data = response.content
    (page,) = to_png(data, f"flyer-{language}", dpi=60)
    assert [path_of(url) for url in qr_codes(page)] == [path_of(registration_url(event, language))]
    info = pdf_info(data, tmp_path)
    assert info["Pages"] == "1" and page_mm(info) == LETTER
    text = pdf_text(data, tmp_path)
    assert_says(text, TITLES[language], language)
    for message in (
        "You are welcome here",
        "Interpreter: ask for one in any language when you register.",
        "Childcare: tell us your children's ages when you register.",
        "Scan to register",
    ):
        translated = in_language(language, message)
        assert language == "en" or translated != message, message
        assert_says(text, translated, language)
    assert_says(
        text,
        in_language(language, "Need help? Call %(phone)s") % {"phone": "(718) 555-0142"},
        language,
    )
    assert "(718) 555-0142" in text
    assert squeeze(f"/events/{event.pk}/register?lang={language}") in squeeze(text)
    assert "4004 4th Avenue" in text
    if language in SCRIPT_FONTS:
        assert SCRIPT_FONTS[language] in pdf_fonts(data, tmp_path)


def test_the_door_poster_speaks_all_thirteen_languages_on_one_page(chair, school, tmp_path):
    response = client_for(chair).get(f"/api/v1/schools/{school.pk}/poster.pdf")
    assert response.status_code == 200
    data = response.content
    to_png(data, "poster", dpi=100)
    info = pdf_info(data, tmp_path)
    assert info["Pages"] == "1"
    text = pdf_text(data, tmp_path)
    assert school.name in text
    for code, _name in settings.LANGUAGES:
        assert_says(text, in_language(code, SAFE_ZONE), code)
        ask = in_language(code, "Ask for an interpreter. It is free.")
        assert code == "en" or ask != "Ask for an interpreter. It is free."
        assert_says(text, ask, code)
    fonts = pdf_fonts(data, tmp_path)
    for font in SCRIPT_FONTS.values():
        assert font in fonts
