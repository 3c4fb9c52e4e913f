"""Writes: making, rotating and revoking a person's calendar feed token."""

from django.db import transaction

from events_api.calendars.models import FeedToken
from events_api.events.passes import hash_token, new_secret_token


def issue_feed_token(*, user) -> tuple[FeedToken, str]:
    """Make ``user``'s feed token, or replace it (rotate) if one exists, so the old URL
    stops working at once. Returns the row and the token itself, which is stored only as
    a SHA-256 hash and cannot be shown again. 256 random bits."""
    token = new_secret_token()
    with transaction.atomic():
        FeedToken.objects.filter(user=user).delete()
        row = FeedToken.objects.create(user=user, token_hash=hash_token(token))
    return row, token


def revoke_feed_token(*, user) -> bool:
    """Delete ``user``'s feed token; its URL answers 404 from now on. Returns whether
    there was one."""
    deleted, _ = FeedToken.objects.filter(user=user).delete()
    return deleted > 0
