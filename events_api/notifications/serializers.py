from rest_framework import serializers

from events_api.notifications.models import Delivery, Message, Reminder


class DeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = Delivery
        fields = ["status", "detail", "at"]


class MessageLogSerializer(serializers.ModelSerializer):
    """A message as the delivery log shows it to an event's organisers: what, how, in which
    language, and what became of it. No address and no text (the registration id leads to
    the person for those who may see them)."""

    steps = DeliverySerializer(source="deliveries", many=True, read_only=True)

    class Meta:
        model = Message
        fields = [
            "id",
            "kind",
            "channel",
            "language",
            "registration",
            "status",
            "attempts",
            "error",
            "created_at",
            "sent_at",
            "steps",
        ]
        read_only_fields = fields


class ReminderSerializer(serializers.ModelSerializer):
    """One of an event's reminder times: ``done_at`` empty until it is written; ``outcome``
    how many messages it wrote, or why none."""

    class Meta:
        model = Reminder
        fields = ["id", "kind", "send_at", "done_at", "outcome"]
        read_only_fields = fields
