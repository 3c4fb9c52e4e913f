from django.urls import re_path
from rest_framework.routers import SimpleRouter

from events_api.events.views.events import EventViewSet
from events_api.events.views.registrations import (
    ManageRegistrationView,
    MyRegistrationsView,
    PassView,
    RegistrationViewSet,
)

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("registrations", RegistrationViewSet, basename="registration")
router.register("me/registrations", MyRegistrationsView, basename="my-registration")

MANAGE_PATH = r"(?P<token>[A-Za-z0-9_-]{20,100})"

urlpatterns = [
    re_path(
        rf"^registrations/manage/{MANAGE_PATH}/$",
        ManageRegistrationView.as_view(),
        name="registration-manage",
    ),
    re_path(
        rf"^registrations/manage/{MANAGE_PATH}/pass\.(?P<fmt>svg|png)$",
        PassView.as_view(),
        name="registration-pass",
    ),
    *router.urls,
]
