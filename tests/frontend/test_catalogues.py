"""The frontend's translation catalogues: every language has every key, nothing is left in
English, placeholders survive translation, plural forms cover the language's categories,
and every key the code uses exists. Run alone to list what is missing:
`python -m tests.frontend.test_catalogues`."""

import json
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "frontend" / "src"
I18N = SRC / "i18n"
# Every folder of catalogues: those loaded with the language and the staff consoles' own.
AREAS = sorted(path.name for path in I18N.iterdir() if path.is_dir())
LANGUAGES = ["sq", "ar", "bn", "zh-hans", "fr", "ht", "ko", "ru", "es", "uk", "ur", "uz"]
# Plural categories each language must give (CLDR cardinals, as Intl.PluralRules uses
# them); a missing "many" in French or Spanish falls back to "other", which is right there.
PLURALS = {
    "en": {"one", "other"},
    "sq": {"one", "other"},
    "ar": {"zero", "one", "two", "few", "many", "other"},
    "bn": {"one", "other"},
    "zh-hans": {"other"},
    "fr": {"one", "other"},
    "ht": {"other"},
    "ko": {"other"},
    "ru": {"one", "few", "many", "other"},
    "es": {"one", "other"},
    "uk": {"one", "few", "many", "other"},
    "ur": {"one", "other"},
    "uz": {"one", "other"},
}
# Proper names that may stay as they are in Latin-script languages.
SAME_ALLOWED = re.compile(r"^(site\.name|borough\.\w+|calendar\.(google|outlook))$")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def catalogue(area: str, language: str) -> dict:
    return json.loads((I18N / area / f"{language}.json").read_text(encoding="utf-8"))


def forms(entry) -> dict[str, str]:
    return entry if isinstance(entry, dict) else {"": entry}


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(area: str, language: str) -> list[str]:
    english = catalogue(area, "en")
    try:
        translated = catalogue(area, language)
    except FileNotFoundError:
        return [f"{area}/{language}.json is missing"]
    found = []
    for key in english.keys() - translated.keys():
        found.append(f"missing: {key}")
    for key in translated.keys() - english.keys():
        found.append(f"not in English (stale): {key}")
    for key in english.keys() & translated.keys():
        source, target = english[key], translated[key]
        wanted = set().union(*(placeholders(text) for text in forms(source).values()))
        if isinstance(source, dict):
            if not isinstance(target, dict):
                found.append(f"{key}: needs plural forms {sorted(PLURALS[language])}")
                continue
            lacking = PLURALS[language] - target.keys()
            if lacking:
                found.append(f"{key}: plural forms missing {sorted(lacking)}")
            wanted -= {"count"}  # "one" may say the number in words
        for form, text in forms(target).items():
            if not isinstance(text, str) or not text.strip():
                found.append(f"{key}{'.' + form if form else ''}: empty")
                continue
            extra = placeholders(text) - set().union(
                *(placeholders(s) for s in forms(source).values())
            )
            if extra:
                found.append(f"{key}: unknown placeholders {sorted(extra)}")
        given = set().union(*(placeholders(text) for text in forms(target).values()))
        if wanted - given:
            found.append(f"{key}: placeholders lost {sorted(wanted - given)}")
        if forms(target) == forms(source) and not SAME_ALLOWED.match(key):
            found.append(f"{key}: still in English")
    return sorted(found)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("area", AREAS)
def test_catalogue_is_complete(area, language):
    assert problems(area, language) == []


@pytest.mark.parametrize("area", AREAS)
def test_english_plurals_have_one_and_other(area):
    for key, entry in catalogue(area, "en").items():
        if isinstance(entry, dict):
            assert entry.keys() == {"one", "other"}, key


def test_every_key_the_code_uses_exists():
    known = set().union(*(catalogue(area, "en").keys() for area in AREAS))
    used, prefixes = set(), set()
    for path in SRC.rglob("*.ts*"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt[nx]?\(\s*\"([\w.]+)\"", text))
        used |= set(re.findall(r"\"([a-z_]+\.[a-z_0-9]+)\"", text)) & known
        prefixes |= set(re.findall(r"\bt[nx]?\(\s*`([\w.]+)\.\$\{", text))
    assert used - known == set()
    for prefix in prefixes:
        assert any(key.startswith(prefix + ".") for key in known), prefix


if __name__ == "__main__":
    for area in AREAS:
        for language in LANGUAGES:
            for problem in problems(area, language):
                print(f"{area}/{language}: {problem}")
