"""Parent cards under /api/v1/."""

from django.urls import include, path

from cards import views

api = [
    path("cards/", views.CardListView.as_view(), name="card-list"),
    path("cards/verify/", views.CardVerifyView.as_view(), name="card-verify"),
    path("cards/<int:pk>/revoke/", views.CardRevokeView.as_view(), name="card-revoke"),
    path("cards/<int:pk>/reissue/", views.CardReissueView.as_view(), name="card-reissue"),
    path("me/cards/", views.MyCardsView.as_view(), name="my-card-list"),
    path(
        "events/<int:pk>/card-check-in/",
        views.EventCardCheckInView.as_view(),
        name="event-card-check-in",
    ),
    path(
        "events/<int:pk>/card-walk-in/",
        views.EventCardWalkInView.as_view(),
        name="event-card-walk-in",
    ),
]

urlpatterns = [path("", include(api))]
