import django_filters

from summits.models import Session


class SessionFilter(django_filters.FilterSet):
    class Meta:
        model = Session
        fields = ["track", "room"]
