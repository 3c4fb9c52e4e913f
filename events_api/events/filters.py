import django_filters
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from events_api.core.filtering import AwareDateTimeFilter
from events_api.events.hooks import event_filters, managed_events_q
from events_api.events.models import Event, EventKind, EventStatus, Registration
from events_api.events.models import RegistrationStatus as RS
from events_api.people.models import Borough, Language
from events_api.people.roles import Role, has_role


class BaseEventFilter(django_filters.FilterSet):
    language = django_filters.ModelChoiceFilter(
        field_name="languages",
        queryset=Language.objects.all(),
        distinct=True,
        label=_("Held in this language"),
    )
    starts_after = AwareDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = AwareDateTimeFilter(field_name="starts_at", lookup_expr="lt")
    borough = django_filters.ModelChoiceFilter(
        field_name="school__borough", queryset=Borough.objects.all()
    )
    has_seats = django_filters.BooleanFilter(
        method="filter_has_seats", label=_("Seats left (or unlimited)")
    )
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)
    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    check_in = django_filters.BooleanFilter(
        method="filter_check_in", label=_("Only the events I may check people in at")
    )

    class Meta:
        model = Event
        fields = [
            "language",
            "starts_after",
            "starts_before",
            "borough",
            "has_seats",
            "status",
            "kind",
            "school",
            "check_in",
        ]

    def filter_check_in(self, queryset, name, value):
        """Door volunteers check in at every event; others at the events they manage."""
        if has_role(self.request.user, Role.DOOR_VOLUNTEER):
            return queryset if value else queryset.none()
        mine = managed_events_q(self.request.user)
        return queryset.filter(mine) if value else queryset.exclude(mine)

    def filter_has_seats(self, queryset, name, value):
        open_q = Q(capacity__isnull=True) | Q(capacity__gt=F("seats_taken"))
        return queryset.filter(open_q) if value else queryset.exclude(open_q)


_built: type[django_filters.FilterSet] | None = None


def event_filterset() -> type[django_filters.FilterSet]:
    """The event filter with the filters that apps built on the core registered
    (summit, track, committee, ...)."""
    global _built
    extra = event_filters()
    if _built is None or set(extra) - set(_built.base_filters):
        _built = type("EventFilter", (BaseEventFilter,), {**extra})
    return _built


@extend_schema_field(OpenApiTypes.STR)
class LanguageCodeFilter(django_filters.ModelChoiceFilter):
    """A catalogue language code; an unknown code is a 400, not an empty list."""


class RegistrationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=RS.choices)
    needs = django_filters.MultipleChoiceFilter(
        method="filter_needs",
        choices=[
            ("interpreter", _("Interpreter")),
            ("childcare", _("Childcare")),
            ("accessibility", _("Accessibility")),
        ],
    )
    language = LanguageCodeFilter(
        method="filter_language",
        queryset=Language.objects.all(),
        label=_("Preferred or interpreter language"),
    )

    class Meta:
        model = Registration
        fields = ["status", "needs", "language", "event", "organization", "source"]

    def filter_needs(self, queryset, name, values):
        for need in values:
            if need == "interpreter":
                queryset = queryset.filter(interpreter_language__isnull=False)
            elif need == "childcare":
                queryset = queryset.exclude(childcare_ages=[])
            elif need == "accessibility":
                queryset = queryset.exclude(Q(accessibility=[]) & Q(accessibility_notes=""))
        return queryset

    def filter_language(self, queryset, name, value):
        return queryset.filter(Q(preferred_language=value) | Q(interpreter_language=value))
