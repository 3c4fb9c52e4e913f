"""The translation catalogues: one per UI language, compiled, with placeholders intact, and
used by the API."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import to_locale

LOCALE = Path(settings.BASE_DIR) / "locale"
UI_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def catalog(code: str) -> dict:
    mo = LOCALE / to_locale(code) / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


@pytest.mark.parametrize("code", UI_LANGUAGES)
def test_every_ui_language_has_a_compiled_catalogue_with_intact_placeholders(code):
    messages = catalog(code)
    translated = {k: v for k, v in messages.items() if k and v}
    assert len(translated) > 100
    for msgid, msgstr in translated.items():
        source = msgid[0] if isinstance(msgid, tuple) else msgid  # (singular, form)
        source = source.split("\x04")[-1]  # drop a msgctxt prefix
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(msgstr)), (
            code,
            source,
            msgstr,
        )


@pytest.mark.parametrize("code", UI_LANGUAGES)
def test_api_errors_come_back_in_the_readers_language(code, api, db):
    with translation.override("en"):
        english = str(translation.gettext("The request body is not valid JSON."))
    response = api.get("/api/v1/events/999999/", HTTP_ACCEPT_LANGUAGE=code)
    assert response.status_code == 404
    assert response["Content-Language"] == code
    assert response.json()["message"] not in ("", "Not found.")
    with translation.override(code):
        assert str(translation.gettext("The request body is not valid JSON.")) != english
