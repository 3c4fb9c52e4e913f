"""Budgets on the production build: a family on a slow phone downloads at most 50 KB of
gzipped JavaScript and 15 KB of gzipped CSS to see the home page and register."""

import json
import re

from tests.frontend.bundle import I18N_INDEX, areas_loaded_with_the_language, measure

JS_BUDGET = 50 * 1024
CSS_BUDGET = 15 * 1024


def test_home_and_registration_fit_the_javascript_budget():
    bundle = measure()
    assert bundle.first_load_js <= JS_BUDGET, bundle


def test_home_and_registration_fit_the_css_budget():
    assert measure().css <= CSS_BUDGET


def test_signed_in_and_staff_pages_are_separate_chunks():
    lazy = measure().lazy_chunks
    pages = ["account", "cbo", "committees", "organiser", "door", "interpreting"]
    pages += ["builder", "chair", "records"]
    for page in pages:
        assert f"src/pages/{page}.tsx" in lazy, sorted(lazy)


def test_families_do_not_download_the_staff_consoles_strings():
    """The catalogues loaded with the language hold no staff console's strings: those come
    with the console (loadArea)."""
    staff = re.compile(r"^(organiser|door|interp|builder|chair|records)\.")
    for area in areas_loaded_with_the_language():
        catalogue = json.loads((I18N_INDEX.parent / area / "en.json").read_text())
        assert [key for key in catalogue if staff.match(key)] == [], area
