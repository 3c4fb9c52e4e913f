from django.urls import re_path
from rest_framework.routers import SimpleRouter

from events_api.events import views

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("registrations", views.RegistrationViewSet, basename="registration")
router.register("me/registrations", views.MyRegistrationsView, basename="my-registration")

MANAGE_PATH = r"(?P<token>[A-Za-z0-9_-]{20,100})"

urlpatterns = [
    re_path(
        rf"^registrations/manage/{MANAGE_PATH}/$",
        views.ManageRegistrationView.as_view(),
        name="registration-manage",
    ),
    re_path(
        rf"^registrations/manage/{MANAGE_PATH}/pass\.(?P<fmt>svg|png)$",
        views.PassView.as_view(),
        name="registration-pass",
    ),
    *router.urls,
]
