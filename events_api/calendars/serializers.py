from rest_framework import serializers

from events_api.core.serializers import StrictFieldsMixin


class FeedTokenStatusSerializer(serializers.Serializer):
    """Whether a personal feed exists. Its URL holds a secret stored only as a hash, so it
    is shown once, when made; to see it again, make a new one (which retires the old)."""

    active = serializers.BooleanField()
    created_at = serializers.DateTimeField(allow_null=True)


class FeedTokenIssuedSerializer(serializers.Serializer):
    """The new personal feed: shown this once."""

    ics_url = serializers.URLField()
    webcal_url = serializers.CharField()
    google_calendar_url = serializers.URLField()
    outlook_calendar_url = serializers.URLField()
    created_at = serializers.DateTimeField()


class FeedTokenRequestSerializer(StrictFieldsMixin, serializers.Serializer):
    """Nothing to send: the feed is the signed-in person's."""


class CalendarLinksSerializer(serializers.Serializer):
    """Where to get a calendar: the file, the subscription, and Google / Outlook."""

    ics_url = serializers.URLField()
    webcal_url = serializers.CharField()
    google_calendar_url = serializers.URLField()
    outlook_calendar_url = serializers.URLField()
