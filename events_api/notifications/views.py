from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from events_api.events.errors import EventNotFound
from events_api.events.models import Event
from events_api.events.rules import can_manage_event
from events_api.notifications.models import Delivery, Message
from events_api.notifications.serializers import MessageLogSerializer


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
        event = Event.objects.filter(pk=self.kwargs["event_id"]).first()
        if event is None or not can_manage_event(self.request.user, event):
            raise EventNotFound()
        return (
            Message.objects.filter(event=event)
            .order_by("-created_at", "-pk")
            .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("at")))
        )
