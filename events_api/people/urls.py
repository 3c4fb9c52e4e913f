from django.urls import path
from rest_framework.routers import SimpleRouter

from events_api.people import views

router = SimpleRouter()
router.register("languages", views.LanguageViewSet, basename="language")
router.register("schools", views.SchoolViewSet, basename="school")
router.register("organizations", views.OrganizationViewSet, basename="organization")

urlpatterns = [
    path("me/", views.MeView.as_view(), name="me"),
    *router.urls,
]
