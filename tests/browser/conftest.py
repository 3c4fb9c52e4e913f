"""Browser tests: Debian's Chromium driven by Playwright against a live server holding the
demo data, on whichever database the suite runs on. The frontend must be built first
(`make test` does it); no browser is ever downloaded."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = settings.BASE_DIR / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = settings.BASE_DIR / "var" / "screenshots"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package.")
    if not (settings.FRONTEND_DIST / "index.html").exists():
        pytest.fail("The frontend is not built: `make test` builds it (npm ci + vite build).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db, django_db_serialized_rollback) -> str:
    """The live server's address, with the demo data loaded."""
    call_command("seed_demo", verbosity=0)
    return live_server.url


@pytest.fixture
def django_db_serialized_rollback() -> bool:
    # The language catalogue comes from a data migration: keep it across flushes.
    return True


@pytest.fixture
def open_page(browser, site):
    """Opens a page on a phone-sized screen with the language already chosen (as a parent
    who has been here before), unless ``language`` is None (a first visit)."""
    contexts = []

    def open_(path: str = "/", language: str | None = "en", *, viewport=PHONE, **options) -> Page:
        context = browser.new_context(base_url=site, viewport=viewport, **options)
        contexts.append(context)
        if language:
            context.add_init_script(f"localStorage.setItem('od.language', {language!r})")
        page = context.new_page()
        page.goto(path)
        return page

    yield open_
    for context in contexts:
        context.close()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
            }));
        }"""
    )


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], violations


def screenshot(page: Page, name: str) -> Path:
    """Keeps a full-page picture of the page from this run, to look at before stopping."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
