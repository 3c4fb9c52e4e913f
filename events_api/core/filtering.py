from datetime import UTC, datetime

import django_filters
from django import forms
from django_filters.fields import IsoDateTimeField
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


def as_utc(moment: datetime) -> datetime | None:
    """An aware datetime as the same instant in UTC, or None when UTC cannot hold it (a
    year-1 or year-9999 edge). Every datetime a client sends goes to the database in UTC:
    ISO 8601 allows offsets up to ±23:59, PostgreSQL refuses any beyond ±15:59."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return None


class AwareDateTimeField(IsoDateTimeField):
    """An ISO 8601 datetime (a naive one is in the server's zone) as a UTC instant."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        utc = as_utc(moment)
        if utc is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return utc


class AwareDateTimeFilter(django_filters.IsoDateTimeFilter):
    """Filter by an ISO 8601 datetime with any offset ISO allows (400, never a 500 from the
    database for an offset it cannot store)."""

    field_class = AwareDateTimeField
