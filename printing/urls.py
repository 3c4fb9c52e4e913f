"""Printed materials under /api/v1/."""

from django.urls import include, path

from printing import views

api = [
    path("cards/sheet.pdf", views.CardSheetView.as_view(), name="card-sheet-pdf"),
    path("cards/<int:pk>/card.pdf", views.CardPdfView.as_view(), name="card-pdf"),
    path("events/<int:pk>/flyer.pdf", views.EventFlyerView.as_view(), name="event-flyer-pdf"),
    path("schools/<int:pk>/poster.pdf", views.SchoolPosterView.as_view(), name="school-poster-pdf"),
]

urlpatterns = [path("", include(api))]
