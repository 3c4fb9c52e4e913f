from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from events_api.core.views import healthz

api_v1 = [
    path("", include("events_api.people.urls")),
    path("", include("events_api.events.urls")),
    path("", include("events_api.interpretation.urls")),
    path("", include("summits.urls")),
    path("", include("events_api.calendars.api_urls")),
    path("", include("committees.urls")),
    path("", include("events_api.notifications.urls")),
    path("", include("events_api.privacy.urls")),
    path("", include("cards.urls")),
    path("", include("printing.urls")),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include(api_v1)),
    path("calendar/", include("events_api.calendars.urls")),
    path("calendar/", include("summits.calendar_urls")),
    path("calendar/", include("committees.calendar_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("_allauth/", include("allauth.headless.urls")),
    path("admin/", admin.site.urls),
    # The phone-call lists: API routes under api/v1/ and printable pages under print/.
    path("", include("calls.urls")),
    path("", include("events_api.web.urls")),
]

# Errors raised outside DRF views: JSON under /api/ and /calendar/, Django's pages elsewhere.
handler400 = "events_api.core.views.bad_request"
handler403 = "events_api.core.views.permission_denied"
handler404 = "events_api.core.views.page_not_found"
handler500 = "events_api.core.views.server_error"
