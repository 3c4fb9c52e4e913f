from django.urls import path
from rest_framework.routers import SimpleRouter

from committees.views.committees import CommitteeViewSet, InvitationAcceptView
from committees.views.meetings import MeetingViewSet

router = SimpleRouter()
router.register("committees", CommitteeViewSet, basename="committee")
router.register("meetings", MeetingViewSet, basename="meeting")

urlpatterns = [
    path(
        "committee-invitations/accept/",
        InvitationAcceptView.as_view(),
        name="committee-invitation-accept",
    ),
    *router.urls,
]
