"""Passes: a short code a door volunteer can read aloud, and its QR code. Pure functions."""

import hashlib
import io
import secrets

import segno

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: nothing a volunteer can mishear or misread.
PASS_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"  # noqa: S105 - not a secret
PASS_LENGTH = 7


def new_pass_code() -> str:
    return "".join(secrets.choice(PASS_ALPHABET) for _ in range(PASS_LENGTH))


def normalise_pass_code(raw: str) -> str:
    """Upper-case and drop spaces and dashes, so ``ab3-c4d`` matches ``AB3C4D``."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def new_manage_token() -> str:
    """128 random bits, URL-safe (22 characters: short enough for a text message's link,
    far beyond guessing, and guesses are throttled). Only its hash is stored."""
    return secrets.token_urlsafe(16)


def new_secret_token() -> str:
    """256 random bits, URL-safe, for secrets that never travel in a text message and may
    live long (calendar feed URLs, committee invitations). Only its hash is stored."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def qr_svg(code: str) -> bytes:
    out = io.BytesIO()
    segno.make_qr(code, error="m").save(out, kind="svg", scale=8, border=2, title="Open Doors pass")
    return out.getvalue()


def qr_png(code: str) -> bytes:
    out = io.BytesIO()
    segno.make_qr(code, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()
