"""Language codes are checked on every request that carries one; each process reads the
catalogue once a minute, not once per field."""

import pytest

from events_api.people import queries
from events_api.people.models import Language

pytestmark = pytest.mark.django_db


def test_codes_are_read_once_then_kept(django_assert_num_queries):
    with django_assert_num_queries(1):
        codes = queries.known_language_codes()
    assert {"en", "es", "bn", "ar", "zh-hans"} <= codes
    with django_assert_num_queries(0):
        assert queries.known_language_codes() == codes


def test_a_language_added_is_known_once_the_minute_is_up(monkeypatch):
    assert "nv" not in queries.known_language_codes()
    Language.objects.create(code="nv", name_en="Navajo", native_name="Diné bizaad")
    assert "nv" not in queries.known_language_codes()  # still within the minute
    monkeypatch.setattr(queries, "LANGUAGE_CODES_SECONDS", -1)
    assert "nv" in queries.known_language_codes()
