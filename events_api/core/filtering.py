from rest_framework.exceptions import ValidationError


def apply_filterset(filterset_class, request, queryset):
    """Filter ``queryset`` with ``filterset_class`` for an action whose rows are not the
    view's own model (a summit's sessions, an event's registrations). Bad values → 400."""
    filterset = filterset_class(request.query_params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors)
    return filterset.qs
