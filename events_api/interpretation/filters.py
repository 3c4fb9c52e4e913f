import django_filters
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from events_api.events.filters import LanguageCodeFilter
from events_api.events.hooks import event_filters
from events_api.events.models import Event
from events_api.interpretation.models import (
    Assignment,
    AssignmentStatus,
    DemandLine,
    Interpreter,
    InterpreterRequest,
    LineStatus,
    Mode,
    RequestSource,
)
from events_api.people.models import Language

# The largest id the database stores; a larger number in a filter is a 400, not a crash.
MAX_ID = 2**63 - 1

# Filters that apps built on the core register for events (summit, committee). The core
# does not import those apps; it applies whatever they registered.
SCOPE_NAMES = ("summit", "committee")


def events_in_scope(params, names=SCOPE_NAMES):
    """The events selected by the registered event filters named in ``names`` that appear
    in ``params``, or None when none of them is given. Bad values → 400."""
    registered = event_filters()
    given = QueryDict(mutable=True)
    for name in names:
        if name in params and name in registered:
            given.setlist(name, params.getlist(name))
    if not given:
        return None
    filterset_class = type(
        "EventScopeFilter",
        (django_filters.FilterSet,),
        {
            **{name: registered[name] for name in given},
            "Meta": type("Meta", (), {"model": Event, "fields": []}),
        },
    )
    filterset = filterset_class(given, queryset=Event.objects.all())
    if not filterset.is_valid():
        raise ValidationError(filterset.errors)
    return filterset.qs.values("pk")


class EventScopeMixin(django_filters.FilterSet):
    summit = django_filters.NumberFilter(
        method="filter_scope", label=_("Summit id"), min_value=1, max_value=MAX_ID
    )
    committee = django_filters.NumberFilter(
        method="filter_scope", label=_("Committee id"), min_value=1, max_value=MAX_ID
    )

    event_field = "event_id"

    def filter_scope(self, queryset, name, value):
        if value is None:
            return queryset
        events = events_in_scope(self.data, names=(name,))
        if events is None:
            # Nothing registered that filter: no event belongs to such a summit/committee.
            return queryset.none()
        return queryset.filter(**{f"{self.event_field}__in": events})


class InterpreterRequestFilter(EventScopeMixin):
    language = LanguageCodeFilter(queryset=Language.objects.all())
    mode = django_filters.ChoiceFilter(choices=Mode.choices)
    status = django_filters.ChoiceFilter(choices=LineStatus.choices, method="filter_status")
    late = django_filters.BooleanFilter()
    source = django_filters.ChoiceFilter(choices=RequestSource.choices)

    class Meta:
        model = InterpreterRequest
        fields = ["event", "language", "mode", "status", "late", "source", "summit", "committee"]

    def filter_status(self, queryset, name, value):
        if value == LineStatus.CANCELLED:
            return queryset.filter(Q(cancelled_at__isnull=False) | Q(line__status=value))
        return queryset.filter(cancelled_at__isnull=True, line__status=value)


class DemandLineFilter(EventScopeMixin):
    language = LanguageCodeFilter(queryset=Language.objects.all())
    mode = django_filters.ChoiceFilter(choices=Mode.choices)
    status = django_filters.ChoiceFilter(choices=LineStatus.choices)

    class Meta:
        model = DemandLine
        fields = ["event", "language", "mode", "status", "late", "summit", "committee"]


class InterpreterFilter(django_filters.FilterSet):
    language = LanguageCodeFilter(field_name="languages", queryset=Language.objects.all())
    mode = django_filters.ChoiceFilter(choices=Mode.choices, field_name="modes__mode")

    class Meta:
        model = Interpreter
        fields = ["language", "mode", "active"]


class AssignmentFilter(EventScopeMixin):
    status = django_filters.ChoiceFilter(choices=AssignmentStatus.choices)
    event = django_filters.NumberFilter(field_name="line__event", min_value=1, max_value=MAX_ID)
    language = LanguageCodeFilter(field_name="line__language", queryset=Language.objects.all())

    event_field = "line__event_id"

    class Meta:
        model = Assignment
        fields = ["status", "event", "language", "reconfirm", "summit", "committee"]


class CoverageFilter(EventScopeMixin):
    from_ = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__gte", label=_("Starting on or after (date)")
    )
    to = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__lte", label=_("Starting on or before (date)")
    )

    event_field = "pk"

    class Meta:
        model = Event
        fields = ["summit", "committee", "to"]


# ``from`` is a Python keyword: declared as ``from_``, read from ``?from=``.
CoverageFilter.base_filters["from"] = CoverageFilter.base_filters.pop("from_")
