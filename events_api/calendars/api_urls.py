from django.urls import path

from events_api.calendars import views

urlpatterns = [
    path("me/calendar-feed/", views.MyCalendarFeedView.as_view(), name="me-calendar-feed"),
]
