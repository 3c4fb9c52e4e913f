"""The summit feed, served at the site root under calendar/ beside the core's feeds."""

from django.urls import path

from summits.calendar import SummitCalendarView

urlpatterns = [
    path("summits/<int:pk>.ics", SummitCalendarView.as_view(), name="calendar-summit"),
]
