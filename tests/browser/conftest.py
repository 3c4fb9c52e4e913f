"""Browser tests: Debian's Chromium driven by Playwright against a live server holding the
demo data, on whichever database the suite runs on. The frontend must be built first
(`make test` does it); no browser is ever downloaded."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import Browser, Page, expect, sync_playwright

from events_api.people.demo import DEMO_PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = settings.BASE_DIR / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = settings.BASE_DIR / "var" / "screenshots"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser() -> Browser:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package.")
    if not (settings.FRONTEND_DIST / "index.html").exists():
        pytest.fail("The frontend is not built: `make test` builds it (npm ci + vite build).")
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # Inside Playwright's event loop Django's context-local connection handler hands
        # out new connections; give them the data the test database setup serialized, so
        # serialized rollback restores the migrations' data (languages, boroughs, roles).
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module", autouse=True)
def sync_orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread while a module's browser
    runs; the ORM calls the tests and their database fixtures make are ordinary
    synchronous ones. Set for the browser test modules only (module scope: before the
    database fixtures and undone after them), so nothing else runs without the check."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def site(live_server) -> str:
    """The live server's address, with the demo data loaded. The tests' modules mark them
    transactional with serialized rollback: the migrations' data is restored before each."""
    call_command("seed_demo", verbosity=0)
    return live_server.url


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test item, so fixtures can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _keep_failure(request, pages: list[Page], journal: list[str]) -> None:
    """After a failed test: a picture of every page it opened and what the browser said
    (console errors, failed requests, responses of 400 and above), under var/screenshots."""
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    name = "FAILED-" + "".join(c if c.isalnum() else "-" for c in request.node.name)
    for number, page in enumerate(pages):
        if not page.is_closed():
            try:
                screenshot(page, f"{name}-{number}")
            except Exception as error:  # a crashed page still leaves the journal
                journal.append(f"no screenshot of page {number}: {error}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.log").write_text("\n".join(journal) + "\n", encoding="utf-8")
    print(f"browser journal of {request.node.name}:", *journal[-40:], sep="\n  ")


def _listen(page: Page, journal: list[str]) -> None:
    page.on("console", lambda m: journal.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: journal.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: journal.append(f"failed {r.method} {r.url}: {r.failure}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and journal.append(f"{r.status} {r.request.method} {r.url}"),
    )
    page.on("framenavigated", lambda f: f.parent_frame or journal.append(f"at {f.url}"))


def chosen_language(language: str) -> str:
    """A script that makes the language already chosen, run in every document of a context
    (the first one, about:blank, has no storage of its own)."""
    return f"if (location.origin !== 'null') localStorage.setItem('od.language', {language!r})"


@pytest.fixture
def open_page(request, browser, site):
    """Opens a page on a phone-sized screen with the language already chosen (as a parent
    who has been here before), unless ``language`` is None (a first visit). When the test
    fails, what the pages showed and said is kept (see _keep_failure)."""
    contexts = []
    pages: list[Page] = []
    journal: list[str] = []

    def open_(path: str = "/", language: str | None = "en", *, viewport=PHONE, **options) -> Page:
        context = browser.new_context(base_url=site, viewport=viewport, **options)
        contexts.append(context)
        if language:
            context.add_init_script(chosen_language(language))
        context.on("page", lambda page: (pages.append(page), _listen(page, journal)))
        page = context.new_page()
        page.goto(path)
        return page

    yield open_
    _keep_failure(request, pages, journal)
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


def csrf(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


def sign_in(page: Page, email: str) -> None:
    """Signs in through allauth's browser API (the page tests do it through the form)."""
    response = page.request.post(
        "/_allauth/browser/v1/auth/login",
        data={"email": email, "password": DEMO_PASSWORD},
        headers={"X-CSRFToken": csrf(page)},
    )
    assert response.status == 200, response.text()


def h1(page: Page):
    return page.locator("main h1")


def open_signed_in(open_page, path: str, email: str, **options) -> Page:
    """A page signed in as ``email`` (demo password), opened at ``path``."""
    page = open_page("/", **options)
    expect(h1(page)).to_be_visible()
    sign_in(page, email)
    page.goto(path)
    return page
