# ruff: noqa: RUF001 -- the words are in 13 languages: Cyrillic and Uzbek apostrophes are meant
"""No form, label, message or template asks a family for immigration status, a Social
Security number, formal ID or birthplace, in any of the 13 languages (docs/privacy.md).

The model test (test_privacy.py) keeps such fields out of the database; this one keeps the
questions out of the words: the API schema's fields and their descriptions, every string
of the frontend's catalogues (all areas, all languages), every server-side translation
(.po) and every template. The only texts allowed to name these things are the few that
tell families we never ask for them (the safe-zone statement), listed below by key."""

import gettext
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from drf_spectacular.generators import SchemaGenerator

ROOT = Path(settings.BASE_DIR)
CATALOGUES = ROOT / "frontend" / "src" / "i18n"

# What a form must never ask, word by word in each language: immigration status or papers,
# Social Security number, passport or identity card ("formal ID"), birthplace or country of
# birth, citizenship, visa, alien/A-number.
TERMS = {
    "en": r"immigration|social security|\bssn\b|passport|\bid card|photo id|formal id|"
    r"birth ?place|place of birth|country of birth|citizenship|\bvisa\b|green card|"
    r"a-number|alien",
    "es": r"inmigraci[óo]n|migratori|seguro social|pasaporte|c[ée]dula|documento de identidad|"
    r"lugar de nacimiento|pa[ií]s de nacimiento|ciudadan[ií]a|\bvisa\b",
    "fr": r"immigration|s[ée]curit[ée] sociale|passeport|carte d'identit[ée]|"
    r"pi[èe]ce d'identit[ée]|lieu de naissance|pays de naissance|citoyennet[ée]|\bvisa\b|"
    r"titre de s[ée]jour",
    "ht": r"imigrasyon|sekirite sosyal|pasp[oò]|kat idantite|kote ou f[eè]t|peyi ou f[eè]t|"
    r"sitwayen|\bviza\b",
    "ar": r"هجرة|الضمان الاجتماعي|جواز (ال)?سفر|بطاقة (ال)?هوية|وثائق (ال)?هوية|"
    r"مكان (ال)?ميلاد|بلد (ال)?ميلاد|الجنسية|تأشيرة",
    "bn": r"অভিবাসন|সামাজিক নিরাপত্তা|পাসপোর্ট|পরিচয়পত্র|জন্মস্থান|নাগরিকত্ব|ভিসা",
    "zh_Hans": r"移民身份|移民文件|移民证件|移民纸|社会安全|社会保障号|护照|身份证|出生地|"
    r"国籍|签证|公民身份",
    "ko": r"이민 ?신분|이민 ?서류|체류 ?신분|사회보장|여권|신분증|출생지|시민권|국적|비자",
    "ru": r"иммиграци|социального страхования|паспорт|удостоверени[ея] личности|"
    r"место рождения|страна рождения|гражданств|\bвиз[аыу]\b",
    "uk": r"імміграц|соціального страхування|паспорт|посвідчення особи|місце народження|"
    r"країна народження|громадянств|\bвіз[аиу]\b",
    "ur": r"امیگریشن|ہجرت|سوشل سیکیورٹی|پاسپورٹ|شناختی کارڈ|جائے پیدائش|پیدائش کی جگہ|"
    r"شہریت|ویزا",
    "sq": r"imigracion|sigurim(it|eve)? shoq[ëe]ror|pasaport|let[ëe]rnjoftim|vendlindj|"
    r"shtet[ëe]si|\bviz[ëa]\b",
    "uz": r"immigratsi|ijtimoiy sug['ʻ`’]?urta|pasport|shaxsni tasdiqlovchi|"
    r"tug['ʻ`’]?ilgan joy|fuqarolik|\bviza\b",
}
FRONTEND_LANG = {"zh-hans": "zh_Hans"}
PATTERNS = {lang: re.compile(terms, re.IGNORECASE) for lang, terms in TERMS.items()}

# Texts that tell families we never ask for these (and so must name them).
NEVER_ASK_KEYS = {"safe_zone.text", "safe_zone.short", "register.no_id"}
# The parent card's texts, which say it stands in for ID and holds no papers ("do not ask
# for ID"); some languages name ID there, some do not need to.
CARD_KEYS = {"cards.intro", "cards.issue_intro", "verify.intro"}
NEVER_ASK_MSGID = re.compile(r"never ask|do not need", re.IGNORECASE)


def catalogue_files() -> list[Path]:
    return sorted(CATALOGUES.glob("*/*.json"))


def test_every_language_has_its_words():
    languages = {FRONTEND_LANG.get(p.stem, p.stem) for p in catalogue_files()}
    assert languages == set(TERMS)


@pytest.mark.parametrize("path", catalogue_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_frontend_string_asks_for_them(path):
    pattern = PATTERNS[FRONTEND_LANG.get(path.stem, path.stem)]
    strings = json.loads(path.read_text(encoding="utf-8"))
    asking = {
        key: text
        for key, text in strings.items()
        if key not in NEVER_ASK_KEYS | CARD_KEYS
        and pattern.search(json.dumps(text, ensure_ascii=False))
    }
    assert asking == {}


def test_the_never_ask_statements_do_name_them_in_every_language():
    """The allow-list is not a blind spot: each allowed text really is about these things
    (a translation that drifted into something else would show here)."""
    for path in sorted(CATALOGUES.glob("core/*.json")):
        pattern = PATTERNS[FRONTEND_LANG.get(path.stem, path.stem)]
        strings = json.loads(path.read_text(encoding="utf-8"))
        for key in NEVER_ASK_KEYS:
            assert pattern.search(strings[key]), (path.name, key, strings[key])


def mo_files() -> list[Path]:
    return sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.mo"))


@pytest.mark.parametrize("path", mo_files(), ids=lambda p: p.parts[-3])
def test_no_server_text_asks_for_them(path):
    """The compiled catalogues (what the server really says), plural forms included."""
    pattern = PATTERNS[path.parts[-3]]
    with path.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    assert len(catalogue) > 300
    asking = []
    for key, text in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or NEVER_ASK_MSGID.search(msgid):
            continue
        if PATTERNS["en"].search(msgid) or pattern.search(text):
            asking.append((msgid, text))
    assert asking == []


def test_no_template_asks_for_them():
    templates = [
        path
        for path in ROOT.rglob("templates/**/*")
        if path.is_file() and ".venv" not in path.parts and "node_modules" not in path.parts
    ]
    assert templates, "no templates found: the test would prove nothing"
    asking = [
        str(path.relative_to(ROOT))
        for path in templates
        if PATTERNS["en"].search(
            "\n".join(
                line
                for line in path.read_text(encoding="utf-8").splitlines()
                if not NEVER_ASK_MSGID.search(line)
            )
        )
    ]
    assert asking == []


def _schema_words(node, path=""):
    """(where, word) for every property name, title and description in the schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                for name in value:
                    yield f"{path}/properties/{name}", name
            if key in {"title", "description", "summary"} and isinstance(value, str):
                yield f"{path}/{key}", value
            yield from _schema_words(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _schema_words(value, f"{path}/{index}")


def test_no_api_field_or_description_asks_for_them():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    words = list(_schema_words(schema))
    assert len(words) > 500  # the walk reached the fields
    asking = [
        (where, word)
        for where, word in words
        if PATTERNS["en"].search(word.replace("_", " ")) and not NEVER_ASK_MSGID.search(word)
    ]
    assert asking == []
