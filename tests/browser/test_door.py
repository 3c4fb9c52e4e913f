"""The check-in screen at the door: a door volunteer checks families in by code (keypad or
typed, lower case and spaces welcome) and by the pass's QR code read from a picture, sees
"already checked in" for a second scan, registers a walk-in; with the network off,
check-ins wait on the device and are sent once, in order, when it returns."""

import pytest
from playwright.sync_api import Page, expect

from events_api.events.models import Event, Registration
from events_api.events.passes import qr_png
from events_api.events.services import registration as services
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_account import PARENT, TALK, h1, sign_in, spoken

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DOOR = "door@demo.opendoors.nyc"
TABLET = {"width": 820, "height": 1180}


def family(event: Event, name: str, **needs) -> Registration:
    registration = services.register(
        event_id=event.pk,
        contact=services.Contact(name=name, email=f"{name.split()[0].lower()}@example.org"),
        party=services.Party(adults=1, children=len(needs.get("childcare_ages", [])) or 1),
        needs=services.Needs(**needs),
    ).registration
    assert registration.status == "confirmed"
    return registration


def door_screen(open_page, event: Event, language: str = "en", **options) -> Page:
    page = open_page("/", language, **options)
    sign_in(page, DOOR)
    page.goto(f"/door/{event.pk}")
    expect(page.locator("#door-code")).to_be_visible()
    return page


def check_in_result(page: Page):
    return page.locator("#door-result")


def test_door_volunteer_checks_in_by_keypad_typed_code_and_qr_picture(open_page, tmp_path):
    event = Event.objects.get(title__en=TALK)
    farida = family(event, "Farida Rahman", interpreter_language="bn", childcare_ages=[4])
    chen = family(event, "Chen Mei")
    amina = family(event, "Amina Diallo")

    page = open_page("/")
    sign_in(page, DOOR)
    page.goto("/door")
    expect(h1(page)).to_have_text("Check-in at the door")
    expect(page.get_by_role("link", name="Check-in")).to_have_attribute("href", "/door")
    expect(page.locator(".door-events li").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "door-events-phone")

    page.goto(f"/door/{event.pk}")
    expect(h1(page)).to_have_text(f"Check-in: {TALK}")
    expect(page.locator("#door-waiting")).to_have_text("0 check-ins waiting to be sent")
    assert_accessible(page)
    screenshot(page, "door-screen-phone")

    # On the keypad.
    keypad = page.get_by_role("group", name="Keypad")
    for ch in farida.pass_code:
        keypad.get_by_role("button", name=ch, exact=True).click()
    expect(page.locator("#door-code")).to_have_value(farida.pass_code)
    page.get_by_role("button", name="Check in", exact=True).click()
    result = check_in_result(page)
    expect(result.locator(".door-verdict")).to_have_text("Checked in")
    expect(result.locator(".door-name")).to_have_text("Farida Rahman")
    expect(result).to_contain_text("Adults: 1, children: 1")
    expect(result).to_contain_text("Bangla")
    expect(result).to_contain_text("For one child, age 4")
    expect(page.locator("#door-code")).to_have_value("")
    screenshot(page, "door-checked-in-phone")

    # Typed as read aloud: lower case with a space.
    code = page.get_by_label("Code on the pass")
    code.fill(spoken(chen.pass_code).lower())
    code.press("Enter")
    expect(result.locator(".door-name")).to_have_text("Chen Mei")
    expect(result.locator(".door-verdict")).to_have_text("Checked in")

    # The same family again: already checked in, said so.
    code.fill(chen.pass_code)
    code.press("Enter")
    expect(result.locator(".door-verdict")).to_have_text("Already checked in")
    expect(result.locator(".door-name")).to_have_text("Chen Mei")
    screenshot(page, "door-already-phone")

    # Too short: said beside the field, nothing sent.
    code.fill("AB3")
    code.press("Enter")
    expect(page.locator("#door-code-error")).to_have_text(
        "A pass code has 7 letters and digits. Please check it."
    )

    # The pass's own QR image (as the pass page serves it) goes through the scanner's
    # decoder.
    picture = tmp_path / "pass.png"
    picture.write_bytes(qr_png(amina.pass_code))
    page.locator("#door-picture").set_input_files(str(picture))
    expect(result.locator(".door-name")).to_have_text("Amina Diallo")
    expect(result.locator(".door-verdict")).to_have_text("Checked in")

    # A code that is not a registration of this event: the API's word for it.
    code.fill("ACDEFGH")
    code.press("Enter")
    expect(result.locator(".door-verdict")).to_have_text("Not checked in")
    assert_accessible(page)

    rows = Registration.objects.filter(pk__in=[farida.pk, chen.pk, amina.pk]).order_by("pk")
    assert [(r.name, r.status) for r in rows] == [
        ("Farida Rahman", "checked_in"),
        ("Chen Mei", "checked_in"),
        ("Amina Diallo", "checked_in"),
    ]
    assert all(r.checked_in_by.email == DOOR for r in rows)


def test_offline_check_ins_wait_on_the_device_and_are_sent_once_in_order(open_page):
    event = Event.objects.get(title__en=TALK)
    people = [family(event, name) for name in ("Ana Lopez", "Bilal Khan", "Carmen Ruiz")]
    page = door_screen(open_page, event, viewport=TABLET)
    posts: list[str] = []
    page.on(
        "request",
        lambda r: r.method == "POST" and r.url.endswith("/check-in/") and posts.append(r.url),
    )

    page.context.set_offline(True)
    expect(page.locator("#door-network")).to_contain_text("No network")
    code = page.get_by_label("Code on the pass")
    for number, person in enumerate(people, start=1):
        code.fill(person.pass_code.lower())
        code.press("Enter")
        expect(check_in_result(page).locator(".door-verdict")).to_have_text("Saved on this device")
        waiting = "1 check-in" if number == 1 else f"{number} check-ins"
        expect(page.locator("#door-waiting")).to_have_text(f"{waiting} waiting to be sent")
    queue = page.evaluate("JSON.parse(localStorage.getItem('od.door.queue'))")
    assert [item["code"] for item in queue] == [p.pass_code for p in people]
    assert Registration.objects.filter(event=event, status="checked_in").count() == 0
    assert_accessible(page)
    screenshot(page, "door-offline-tablet")

    page.context.set_offline(False)
    expect(page.locator("#door-waiting")).to_have_text("0 check-ins waiting to be sent")
    sent = page.locator(".door-sent li")
    expect(sent).to_have_count(3)
    # Newest first on the screen; sent oldest first.
    expect(sent.nth(2)).to_contain_text("Ana Lopez: checked in.")
    expect(sent.nth(0)).to_contain_text("Carmen Ruiz: checked in.")
    screenshot(page, "door-sent-tablet")

    rows = Registration.objects.filter(pk__in=[p.pk for p in people]).order_by("checked_in_at")
    assert [r.name for r in rows] == ["Ana Lopez", "Bilal Khan", "Carmen Ruiz"]
    assert all(r.status == "checked_in" for r in rows)
    # Each sent once: three requests, however many retries the timer or "online" started.
    page.wait_for_timeout(0)
    assert len(posts) == 3, posts
    assert page.evaluate("localStorage.getItem('od.door.queue')") == "[]"


def test_waiting_check_ins_survive_a_reload(open_page):
    event = Event.objects.get(title__en=TALK)
    person = family(event, "Dina Haddad")
    page = door_screen(open_page, event)
    page.context.set_offline(True)
    page.get_by_label("Code on the pass").fill(person.pass_code)
    page.get_by_label("Code on the pass").press("Enter")
    expect(page.locator("#door-waiting")).to_have_text("1 check-in waiting to be sent")
    # The Wi-Fi is back but the server is still out of reach: the check-in keeps waiting,
    # across a reload.
    page.route("**/check-in/", lambda route: route.abort())
    page.context.set_offline(False)
    page.reload()
    expect(page.locator("#door-code")).to_be_visible()
    expect(page.locator("#door-waiting")).to_have_text("1 check-in waiting to be sent")
    assert Registration.objects.get(pk=person.pk).status == "confirmed"
    # Reachable again: opening the screen sends it. The screen is closed before the server
    # becomes reachable, so its retry timer cannot send it first (and the answer be lost with
    # the reload).
    door = page.url
    page.goto("about:blank")
    page.unroute("**/check-in/")
    page.goto(door)
    expect(page.locator("#door-waiting")).to_have_text("0 check-ins waiting to be sent")
    expect(page.locator(".door-sent li")).to_have_text(
        f"{person.pass_code[:3]} {person.pass_code[3:]} Dina Haddad: checked in."
    )
    assert Registration.objects.get(pk=person.pk).status == "checked_in"


def test_a_check_in_whose_answer_was_lost_is_not_reported_twice(open_page):
    """The check-in reached the server, but its answer never came back (the page was
    reloaded, the Wi-Fi dropped): sent again, it is reported "checked in", not "was already
    checked in" (which would send the volunteer looking for a copied pass)."""
    event = Event.objects.get(title__en=TALK)
    person = family(event, "Dina Haddad")
    page = door_screen(open_page, event)

    def answer_lost(route):
        route.fetch()  # the server checks the party in...
        route.abort()  # ...and the answer is lost on the way back

    page.route("**/check-in/", answer_lost)
    page.get_by_label("Code on the pass").fill(person.pass_code)
    page.get_by_label("Code on the pass").press("Enter")
    expect(page.locator("#door-waiting")).to_have_text("1 check-in waiting to be sent")
    assert Registration.objects.get(pk=person.pk).status == "checked_in"
    page.unroute("**/check-in/")
    page.reload()
    expect(page.locator("#door-waiting")).to_have_text("0 check-ins waiting to be sent")
    expect(page.locator(".door-sent li")).to_have_text(
        f"{person.pass_code[:3]} {person.pass_code[3:]} Dina Haddad: checked in."
    )


def test_walk_in_while_seats_remain(open_page):
    event = Event.objects.get(title__en=TALK)
    page = door_screen(open_page, event)
    page.get_by_role("button", name="Register a walk-in").click()
    expect(page.get_by_label("Name", exact=True)).to_be_focused()
    page.get_by_role("button", name="Register and check in").click()
    expect(page.locator("#form-errors")).to_be_focused()
    page.get_by_label("Name", exact=True).fill("Rosa Pérez")
    page.get_by_label("Phone number").fill("(718) 555-0142")
    page.get_by_label("Adults").fill("2")
    page.get_by_label("Interpreter").select_option("es")
    page.get_by_role("button", name="Register and check in").click()
    result = check_in_result(page)
    expect(result.locator(".door-verdict")).to_have_text("Registered and checked in")
    expect(result.locator(".door-name")).to_have_text("Rosa Pérez")
    expect(result).to_contain_text("Spanish")
    expect(page.get_by_role("button", name="Register a walk-in")).to_be_visible()
    # After the answer: a full-page screenshot taken before the click made it miss.
    screenshot(page, "door-walk-in-phone")
    walk_in = Registration.objects.get(event=event, name="Rosa Pérez")
    assert (walk_in.source, walk_in.status, walk_in.adults) == ("walk_in", "checked_in", 2)
    assert walk_in.interpreter_language_id == "es"


@pytest.mark.parametrize("viewport", [None, TABLET], ids=["phone", "tablet"])
def test_door_pages_in_arabic(open_page, viewport):
    event = Event.objects.get(title__en=TALK)
    options = {"viewport": viewport} if viewport else {}
    page = door_screen(open_page, event, "ar", **options)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    farida = family(event, "Farida Rahman", interpreter_language="bn", childcare_ages=[4, 7])
    page.locator("#door-code").fill(farida.pass_code)
    page.locator("#door-code").press("Enter")
    expect(check_in_result(page).locator(".door-name")).to_have_text("Farida Rahman")
    assert_accessible(page)
    size = "tablet" if viewport else "phone"
    screenshot(page, f"door-screen-ar-{size}")
    page.goto("/door")
    expect(page.locator(".door-events li").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"door-events-ar-{size}")


def test_door_pages_are_not_for_parents(open_page):
    event = Event.objects.get(title__en=TALK)
    page = open_page(f"/door/{event.pk}")
    expect(h1(page)).to_have_text("Check-in at the door")
    expect(page.locator("main").get_by_role("link", name="Sign in")).to_be_visible()
    page = open_page("/")
    sign_in(page, PARENT)
    page.goto(f"/door/{event.pk}")
    expect(page.get_by_role("alert")).to_contain_text("This page is for staff")
    expect(page.locator("#door-code")).to_have_count(0)
    expect(page.get_by_role("link", name="Check-in")).to_have_count(0)
