from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from events_api.events.urls import MANAGE_PATH
from events_api.interpretation import views

router = SimpleRouter()
router.register(
    "interpreter-requests", views.InterpreterRequestViewSet, basename="interpreter-request"
)
router.register("interpretation/lines", views.DemandLineViewSet, basename="demand-line")
router.register("interpreters", views.InterpreterViewSet, basename="interpreter")
router.register("assignments", views.AssignmentViewSet, basename="assignment")

urlpatterns = [
    path(
        "events/<int:event_id>/interpretation/",
        views.EventInterpretationView.as_view(),
        name="event-interpretation",
    ),
    path(
        "interpretation/coverage/",
        views.CoverageView.as_view(),
        name="interpretation-coverage",
    ),
    re_path(
        rf"^registrations/manage/{MANAGE_PATH}/interpretation/$",
        views.RegistrationInterpretationView.as_view(),
        name="registration-interpretation",
    ),
    *router.urls,
]
