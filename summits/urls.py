from rest_framework.routers import SimpleRouter

from summits import views

router = SimpleRouter()
router.register("summits", views.SummitViewSet, basename="summit")
router.register("sessions", views.SessionViewSet, basename="session")

urlpatterns = router.urls
