import re

import pytest

from events_api.events.passes import (
    PASS_ALPHABET,
    new_manage_token,
    new_pass_code,
    new_secret_token,
    normalise_pass_code,
    qr_png,
    qr_svg,
)
from tests.factories import EventFactory


def test_pass_codes_use_only_unambiguous_characters():
    codes = {new_pass_code() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert len(code) == 7
        assert set(code) <= set(PASS_ALPHABET)
    assert not set("0O1IL2Z5S8B") & set(PASS_ALPHABET)


def test_normalise_pass_code_accepts_what_people_type():
    assert normalise_pass_code(" ac3-d4e f ") == "AC3D4EF"
    # Nothing typed is no code (never a code that could match one).
    assert normalise_pass_code(None) == normalise_pass_code("") == normalise_pass_code(" - ") == ""


def test_tokens_are_url_safe_and_long_enough():
    manage = {new_manage_token() for _ in range(200)}
    secret = {new_secret_token() for _ in range(200)}
    assert len(manage) == len(secret) == 200
    # 16 random bytes (short enough for a text message's link) and 32 (feeds, invitations).
    assert {len(token) for token in manage} == {22}
    assert {len(token) for token in secret} == {43}
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", token) for token in manage | secret)


def test_qr_images_are_real_svg_and_png():
    assert qr_svg("AC3D4EF").startswith(b"<?xml") and b"<svg" in qr_svg("AC3D4EF")
    # Screen readers announce the image by its title.
    assert b"<title>Open Doors pass</title>" in qr_svg("AC3D4EF")
    assert qr_png("AC3D4EF")[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.django_db
def test_pass_endpoints_serve_the_qr_and_refuse_cancelled(api):
    event = EventFactory()
    reg = api.post(
        f"/api/v1/events/{event.pk}/registrations/", {"name": "A", "phone": "+17185550101"}
    ).json()
    svg = api.get(reg["pass_qr_url"].split("8000", 1)[-1])
    assert svg.status_code == 200
    assert svg["Content-Type"] == "image/svg+xml"
    png = api.get(f"/api/v1/registrations/manage/{reg['manage_token']}/pass.png")
    assert png["Content-Type"] == "image/png"
    assert png.content[:4] == b"\x89PNG"
    api.delete(f"/api/v1/registrations/manage/{reg['manage_token']}/")
    gone = api.get(f"/api/v1/registrations/manage/{reg['manage_token']}/pass.svg")
    assert gone.status_code == 409


def test_the_pass_is_a_full_qr_code_that_phones_and_scanners_read():
    """Not a Micro QR (segno's own choice for seven characters, 15 modules a side): phones'
    camera apps and the door screen's decoder read only full QR codes (21 modules a side
    and more). At 8 pixels a module with a border of 2, the PNG says which it is."""
    png = qr_png("AC3D4EF")
    width = int.from_bytes(png[16:20], "big")
    assert width == (21 + 2 * 2) * 8
    assert b'width="200" height="200"' in qr_svg("AC3D4EF")
