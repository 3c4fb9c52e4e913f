from tests.browser.conftest import assert_accessible, screenshot


def test_home_shows_the_safe_zone_statement(open_page):
    page = open_page("/", "en")
    page.get_by_role("heading", name="Events for families").wait_for()
    page.get_by_text("we never ask for them").first.wait_for()
    screenshot(page, "home-en")
    assert_accessible(page)
