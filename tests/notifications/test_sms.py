# ruff: noqa: RUF001 -- replies in 13 scripts: Cyrillic and fullwidth letters are meant
import pytest

from events_api.notifications.sms import (
    START_WORDS,
    STOP_WORDS,
    encoding,
    is_start,
    is_stop,
    length,
    normalise_reply,
    segments,
)

# --- encoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Your seat at P.S. 99 is confirmed: Tue 6 pm. Reply STOP to stop texts.",
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà",
        "Extension: { } [ ] ~ | ^ \\ € \f",
        "Réunion à l'école, 18h.",  # é, à, ñ, ü... are in GSM 03.38
    ],
)
def test_gsm_texts_are_gsm_7(text):
    assert encoding(text) == "GSM-7"


@pytest.mark.parametrize(
    "text",
    [
        "Reunión de padres en la cafetería",  # ó, í and á are not in GSM 03.38 (ò, ì are)
        "Réunion à l'hôtel de ville",  # nor ô
        "আপনার আসন নিশ্চিত",  # Bangla
        "تم تأكيد مقعدك",  # Arabic
        "您的座位已确认",  # Chinese
        "Ваше место подтверждено",  # Russian
        "Seat confirmed 🎉",  # one emoji makes the whole text UCS-2
        "Straight quote is fine, curly ’ is not",
    ],
)
def test_anything_outside_gsm_is_ucs_2(text):
    assert encoding(text) == "UCS-2"


# --- segments: GSM-7 ----------------------------------------------------------------------


def test_exactly_160_gsm_characters_are_one_segment():
    assert segments("a" * 160) == 1


def test_161_gsm_characters_are_two_segments():
    assert segments("a" * 161) == 2


def test_long_gsm_texts_split_in_parts_of_153():
    assert segments("a" * 306) == 2
    assert segments("a" * 307) == 3
    assert segments("a" * 459) == 3


def test_a_euro_sign_counts_two_septets():
    assert length("€") == 2
    assert segments("€" + "a" * 158) == 1
    assert segments("€" + "a" * 159) == 2
    assert segments("{" * 80) == 1
    assert segments("{" * 81) == 2


def test_an_extension_character_is_not_split_across_parts():
    # 306 septets would fit two parts of 153, but the two-septet € comes at septet 153,
    # the first part's last: it moves to the second part, and the text needs a third.
    text = "a" * 152 + "€" + "a" * 152
    assert length(text) == 306
    assert segments(text) == 3
    assert segments("a" * 151 + "€" + "a" * 153) == 2


def test_an_empty_text_is_one_segment():
    assert segments("") == 1


# --- segments: UCS-2 ----------------------------------------------------------------------


@pytest.mark.parametrize("char", ["ব", "ع", "中", "д"])
def test_ucs_2_holds_70_units_in_one_segment_and_67_per_part(char):
    assert segments(char * 70) == 1
    assert segments(char * 71) == 2
    assert segments(char * 134) == 2
    assert segments(char * 135) == 3


def test_a_real_bangla_reminder_is_counted_in_utf16_units():
    text = "আগামীকাল সন্ধ্যা ৬টায় অভিভাবক সভা। আপনার আসন নিশ্চিত।"
    assert encoding(text) == "UCS-2"
    assert length(text) == len(text)
    assert segments(text) == 1


def test_an_emoji_counts_two_utf16_units():
    assert length("🎉") == 2
    assert segments("🎉" * 35) == 1
    assert segments("🎉" * 35 + "a") == 2
    assert segments("a" * 69 + "🎉") == 2


def test_an_emoji_is_not_split_across_parts():
    # 66 units, then an emoji that would straddle the first part's end.
    assert segments("a" * 66 + "🎉" + "a" * 66) == 3
    assert segments("a" * 65 + "🎉" + "a" * 67) == 2


def test_one_non_gsm_character_makes_a_long_text_take_more_segments():
    assert segments("a" * 160) == 1
    assert segments("a" * 159 + "ê") == 3  # 160 UCS-2 units: ceil(160 / 67)


# --- keyword replies ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "STOP",
        "stop",
        "  Stop. ",
        "STOPALL",
        "Unsubscribe",
        "cancel",
        "END",
        "quit",
        "STOP ALL",
        "ＳＴＯＰ",  # fullwidth, from a CJK keyboard
        "parar",
        "¡Alto!",
        "Baja",
        "ARRÊT",
        "arret",
        "Arrêt !",
        "kanpe",
        "SISPANN",
        "стоп",
        "СТОП",
        "退订",
        "停止。",
        "중지",
        "수신 거부",
        "توقف",
        "إيقاف",
        "ايقاف",
        "بند",
        "روکیں",
        "বন্ধ",
        "বন্ধ।",
        "ndalo",
        "TOʻXTAT",
        "To'xtat",
        "toxtat",
    ],
)
def test_stop_words_in_our_languages_are_stop(body):
    assert is_stop(body)
    assert not is_start(body)


@pytest.mark.parametrize(
    "body",
    [
        *["START", "start", "Unstop", "yes", "Iniciar", "Sí", "si", "démarrer", "DEMARRER"],
        *["старт", "开始", "시작", "FILLO", "ابدأ", "শুরু"],
    ],
)
def test_start_words_are_start(body):
    assert is_start(body)
    assert not is_stop(body)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   ",
        "Please stop texting me",
        "stop?? who is this",
        "STOPP",
        "Thank you, see you Tuesday!",
        "Can I bring my son?",
        "start time?",
        "ok",
    ],
)
def test_other_replies_are_neither(body):
    assert not is_stop(body)
    assert not is_start(body)


def test_no_word_is_both_stop_and_start():
    stops = {normalise_reply(word) for words in STOP_WORDS.values() for word in words}
    starts = {normalise_reply(word) for words in START_WORDS.values() for word in words}
    assert stops.isdisjoint(starts)


def test_every_language_has_stop_and_start_words():
    languages = {"en", "es", "fr", "ht", "ru", "uk", "zh-hans", "ko", "ar", "ur", "bn", "sq"}
    assert languages | {"uz"} == STOP_WORDS.keys() == START_WORDS.keys()


def test_normalise_reply_folds_case_accents_spacing_and_edge_punctuation():
    assert normalise_reply("  Arrêt! ") == "arret"
    assert normalise_reply("TOʻXTAT") == "toxtat"
    assert normalise_reply("ＳＴＯＰ") == "stop"
    assert normalise_reply("Stop All") == "stopall"
    # Bangla's vowel signs and virama spell the word: they are kept.
    assert normalise_reply("বন্ধ") == "বন্ধ"
