from django.urls import path

from events_api.notifications.views import EventMessagesView, EventRemindersView
from events_api.notifications.webhooks import SmsInboundView, SmsStatusView

urlpatterns = [
    path("sms/inbound/", SmsInboundView.as_view(), name="sms-inbound"),
    path("sms/status/", SmsStatusView.as_view(), name="sms-status"),
    path("events/<int:event_id>/messages/", EventMessagesView.as_view(), name="event-messages"),
    path("events/<int:event_id>/reminders/", EventRemindersView.as_view(), name="event-reminders"),
]
