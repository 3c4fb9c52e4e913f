from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from events_api.events.errors import EventNotFound
from events_api.events.models import Event
from events_api.events.rules import can_manage_event
from events_api.notifications.models import Delivery, Message, Reminder
from events_api.notifications.serializers import MessageLogSerializer, ReminderSerializer


@extend_schema(
    tags=["messages"],
    parameters=[OpenApiParameter("event_id", int, OpenApiParameter.PATH)],
)
class EventMessagesView(generics.ListAPIView):
    """The delivery log of an event's messages, newest first, for those who organise it
    (anyone else: 404, as for the event's registrations)."""

    serializer_class = MessageLogSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator asking
            return Message.objects.none()
        return (
            Message.objects.filter(event=_managed_event(self.request, self.kwargs["event_id"]))
            .order_by("-created_at", "-pk")
            .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("at")))
        )


@extend_schema(
    tags=["messages"],
    parameters=[OpenApiParameter("event_id", int, OpenApiParameter.PATH)],
)
class EventRemindersView(generics.ListAPIView):
    """An event's reminder times, for those who organise it: when each goes out, and once
    it has, when and to how many (or why to none). Anyone else: 404."""

    serializer_class = ReminderSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Reminder.objects.none()
        event = _managed_event(self.request, self.kwargs["event_id"])
        return Reminder.objects.filter(event=event).order_by("send_at", "pk")


def _managed_event(request, event_id: int) -> Event:
    event = Event.objects.filter(pk=event_id).first()
    if event is None or not can_manage_event(request.user, event):
        raise EventNotFound()
    return event
