import django_filters

from events_api.people.models import Borough, Language, Organization, School
from events_api.people.queries import search_schools


class LanguageFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Name or code contains")

    class Meta:
        model = Language
        fields = ["is_ui_language", "is_signed", "direction"]

    def filter_text(self, queryset, name, value):
        return (
            queryset.filter(name_en__icontains=value)
            | queryset.filter(native_name__icontains=value)
            | queryset.filter(code__iexact=value)
        )


class SchoolFilter(django_filters.FilterSet):
    borough = django_filters.ModelChoiceFilter(queryset=Borough.objects.all())
    district = django_filters.NumberFilter(min_value=1, max_value=99)
    q = django_filters.CharFilter(method="filter_text", label="Name, DBN or address")

    class Meta:
        model = School
        fields = ["borough", "district"]

    def filter_text(self, queryset, name, value):
        return search_schools(queryset, value)


class OrganizationFilter(django_filters.FilterSet):
    borough = django_filters.ModelChoiceFilter(
        field_name="boroughs", queryset=Borough.objects.all(), distinct=True
    )
    language = django_filters.ModelChoiceFilter(
        field_name="languages", queryset=Language.objects.all(), distinct=True
    )
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Organization
        fields = ["borough", "language"]
