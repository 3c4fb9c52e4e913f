from django.urls import path, re_path

from events_api.web import views

# Paths the frontend owns: everything that is not the API, feeds, static files, sign-in,
# admin or the health check. Included last, so every other route wins.
NOT_FRONTEND = r"(?!api/|calendar/|static/|_allauth/|admin/|healthz)"

urlpatterns = [
    path("sw.js", views.service_worker, name="service-worker"),
    re_path(rf"^{NOT_FRONTEND}(?P<path>.*)$", views.index, name="frontend"),
]
