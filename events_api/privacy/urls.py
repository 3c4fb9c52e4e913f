from django.urls import path, re_path

from events_api.events.urls import MANAGE_PATH
from events_api.privacy import views

urlpatterns = [
    re_path(
        rf"^registrations/manage/{MANAGE_PATH}/data/$",
        views.ManageDataView.as_view(),
        name="registration-manage-data",
    ),
    path(
        "registrations/<int:pk>/data/",
        views.RegistrationDataView.as_view(),
        name="registration-data",
    ),
    re_path(
        rf"^registrations/manage/{MANAGE_PATH}/looks/$",
        views.ManageLooksView.as_view(),
        name="registration-manage-looks",
    ),
    path("me/data/", views.MyDataView.as_view(), name="me-data"),
    path(
        "events/<int:pk>/access-log/",
        views.EventAccessLogView.as_view(),
        name="event-access-log",
    ),
]
