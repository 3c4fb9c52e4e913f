import django_filters
from django import forms
from rest_framework.exceptions import ValidationError


def apply_filterset(filterset_class, request, queryset):
    """Filter ``queryset`` with ``filterset_class`` for an action whose rows are not the
    view's own model (a summit's sessions, an event's registrations). Bad values → 400."""
    filterset = filterset_class(request.query_params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors)
    return filterset.qs


class IdField(forms.IntegerField):
    """A database id: a whole number that fits a 64-bit integer column."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(**kwargs)


class IdFilter(django_filters.NumberFilter):
    """Filter by the id of a related row. Unlike NumberFilter it refuses decimals and
    numbers no database column can hold (400, not a 500 from the driver)."""

    field_class = IdField
