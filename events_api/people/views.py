from rest_framework import generics, permissions, viewsets

from events_api.people import queries
from events_api.people.filters import LanguageFilter, OrganizationFilter, SchoolFilter
from events_api.people.models import Language, User
from events_api.people.serializers import (
    LanguageSerializer,
    OrganizationSerializer,
    ProfileSerializer,
    SchoolSerializer,
)


class LanguageViewSet(viewsets.ReadOnlyModelViewSet):
    """The language catalogue: UI languages and every language we interpret."""

    queryset = Language.objects.all()
    serializer_class = LanguageSerializer
    filterset_class = LanguageFilter
    lookup_value_regex = "[a-z]{2,3}(-[a-z0-9]+)*"


class SchoolViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"\d+"
    serializer_class = SchoolSerializer
    filterset_class = SchoolFilter

    def get_queryset(self):
        return queries.schools()


class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"\d+"
    """Community-based organisations. Contact details here are the organisation's public
    ones, never its staff's."""

    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return queries.organizations()


class MeView(generics.RetrieveUpdateAPIView):
    """The signed-in user's own profile; nobody can read or change another's."""

    serializer_class = ProfileSerializer
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> User:
        return User.objects.prefetch_related(queries.memberships_prefetch(), "groups").get(
            pk=self.request.user.pk
        )
