"""Budgets on the production build: a family on a slow phone downloads at most 50 KB of
gzipped JavaScript and 15 KB of gzipped CSS to see the home page and register."""

from tests.frontend.bundle import measure

JS_BUDGET = 50 * 1024
CSS_BUDGET = 15 * 1024


def test_home_and_registration_fit_the_javascript_budget():
    bundle = measure()
    assert bundle.first_load_js <= JS_BUDGET, bundle


def test_home_and_registration_fit_the_css_budget():
    assert measure().css <= CSS_BUDGET


def test_signed_in_and_staff_pages_are_separate_chunks():
    lazy = measure().lazy_chunks
    for page in ("src/pages/account.tsx", "src/pages/cbo.tsx", "src/pages/committees.tsx"):
        assert page in lazy, sorted(lazy)
