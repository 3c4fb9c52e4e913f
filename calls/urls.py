"""The call lists' routes: the API under /api/v1/ and the printable pages under /print/
(included before the frontend's catch-all, so /print/ is Django's, not the web app's)."""

from django.urls import include, path

from calls import pages, views

api = [
    path("events/<int:pk>/call-list/", views.EventCallListView.as_view(), name="event-calls"),
    path(
        "events/<int:pk>/call-list.csv",
        views.EventCallListCsvView.as_view(),
        name="event-calls-csv",
    ),
    path(
        "events/<int:pk>/call-list/outcomes/",
        views.EventCallRecordView.as_view(),
        name="event-call-outcomes",
    ),
    path(
        "committees/<int:pk>/call-list/",
        views.CommitteeCallListView.as_view(),
        name="committee-calls",
    ),
    path(
        "committees/<int:pk>/call-list.csv",
        views.CommitteeCallListCsvView.as_view(),
        name="committee-calls-csv",
    ),
    path(
        "committees/<int:pk>/call-list/outcomes/",
        views.CommitteeCallRecordView.as_view(),
        name="committee-call-outcomes",
    ),
]

printable = [
    path("events/<int:pk>/calls/", pages.event_calls_page, name="print-event-calls"),
    path("committees/<int:pk>/calls/", pages.committee_calls_page, name="print-committee-calls"),
]

urlpatterns = [
    path("api/v1/", include(api)),
    path("print/", include(printable)),
]
