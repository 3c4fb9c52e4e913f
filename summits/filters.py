import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from summits.models import Session, Summit


class SessionFilter(django_filters.FilterSet):
    class Meta:
        model = Session
        fields = ["track", "room"]


class SummitFilter(django_filters.FilterSet):
    managed = django_filters.BooleanFilter(
        method="filter_managed", label=_("Only the summits I organise (or the others)")
    )

    class Meta:
        model = Summit
        fields = ["year", "status", "managed"]

    def filter_managed(self, queryset, name, value):
        user = self.request.user
        if not user.is_authenticated:
            return queryset.none() if value else queryset
        if user.is_superuser:
            return queryset if value else queryset.none()
        mine = Q(pk__in=Summit.objects.filter(organizers=user.pk).values("pk"))
        return queryset.filter(mine) if value else queryset.exclude(mine)
