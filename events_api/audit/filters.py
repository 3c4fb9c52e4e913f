import django_filters

from events_api.audit.models import AccessKind, AccessRecord


class AccessRecordFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=AccessKind.choices)

    class Meta:
        model = AccessRecord
        fields = ["kind"]
