"""The committee feed, served at the site root under calendar/ beside the core's feeds."""

from django.urls import path

from committees.calendar import CommitteeCalendarView

urlpatterns = [
    path("committees/<int:pk>.ics", CommitteeCalendarView.as_view(), name="calendar-committee"),
]
