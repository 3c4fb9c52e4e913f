"""Feeds, served at the site root under calendar/ (calendar apps fetch them directly)."""

from django.urls import path, re_path

from events_api.calendars import views

# 256-bit URL-safe tokens are 43 characters; allow some room, refuse anything else early.
FEED_PATH = r"(?P<token>[A-Za-z0-9_-]{20,100})"

urlpatterns = [
    path("events/<int:pk>.ics", views.EventCalendarView.as_view(), name="calendar-event"),
    re_path(
        rf"^feeds/{FEED_PATH}\.ics$",
        views.PersonalCalendarView.as_view(),
        name="calendar-personal",
    ),
]
