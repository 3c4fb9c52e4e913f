"""The OpenAPI schema as the responses really are, for every operation in one place.

Every 4xx and 5xx the API sends has one body, ``{code, message, fields}``
(events_api.core.errors). ``AutoSchema`` gives each operation that body for the errors its
views declare, and adds the errors any operation of its kind can answer, so a client
generated from the schema knows every status it may get back. It also documents what a
read-only field copied from a model can hold (null, an empty string) and local times,
which drf-spectacular would otherwise describe too narrowly.
"""

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular import openapi
from drf_spectacular.plumbing import append_meta
from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers


class ErrorSerializer(serializers.Serializer):
    """Every error: a stable code for programs, a message for people (in the request's
    language) and, for invalid input, the messages field by field."""

    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Field name to its messages (a list of strings, or nested objects for "
        "nested fields); empty when the error is not about one field.",
    )


INVALID = "Invalid input, query or body."
FORBIDDEN = "Signed out, or not allowed to do this."
NOT_FOUND = "No such object (or not one you may see), or no such page of the list."
TOO_LARGE = "The request body is over the upload limit."
UNSUPPORTED = "The request body is not JSON."
THROTTLED = "Too many requests; Retry-After says when to try again."
UNAVAILABLE = "The database is busy or out of reach; Retry-After says when to retry."
WRITES = {"POST", "PUT", "PATCH"}
# What serializers.TimeField reads and writes: a wall-clock time without an offset, which
# the `time` format (RFC 3339 full-time) would refuse.
LOCAL_TIME = {
    "type": "string",
    "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$",
    "example": "18:00",
}
# Keys that stay outside a oneOf (as drf-spectacular's own blank handling does).
OUTER_KEYS = {"readOnly", "writeOnly", "nullable", "deprecated", "description", "title"}


def _model_fields(field: serializers.Field) -> list | None:
    """The model fields a serializer field's source goes through (``event.capacity``:
    Meeting.event, then Event.capacity), or None when it is not plainly a model's."""
    parent = getattr(field, "parent", None)  # None: a field not bound to a serializer
    model = getattr(getattr(parent, "Meta", None), "model", None)
    if model is None or field.source == "*" or not getattr(field, "source_attrs", None):
        return None
    path = []
    for name in field.source_attrs:
        if model is None:
            return None
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        path.append(model_field)
        model = model_field.related_model
    return path


def _is_many(field: serializers.Field) -> bool:
    """A list (of related objects, say) is empty, never null."""
    return isinstance(
        field, (serializers.ListSerializer, serializers.ManyRelatedField, serializers.ListField)
    )


def _may_be_missing(model_field) -> bool:
    """A null column, or the far side of a one-to-one that may not exist (DRF answers null
    for both)."""
    return model_field.null if model_field.concrete else model_field.one_to_one


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for status, description in self._error_statuses():
            responses.setdefault(str(status), {"description": description})
        for status, response in responses.items():
            if status >= "400" and "content" not in response:
                body = OpenApiResponse(ErrorSerializer, description=response["description"])
                response.update(
                    self._get_response_for_code(body, status, ["application/json"], direction)
                )
        return dict(sorted(responses.items()))

    def _get_parameters(self):
        parameters = super()._get_parameters()
        # get_operation asks for these before the responses, which need the names.
        self._query_parameters = {p["name"] for p in parameters if p["in"] == "query"}
        return parameters

    def _error_statuses(self):
        """The errors any operation like this one can answer, whatever its view does."""
        has_body = self.method in WRITES
        query = self._query_parameters
        if has_body or query:
            yield 400, INVALID
        if not all(isinstance(p, permissions.AllowAny) for p in self.view.get_permissions()):
            yield 403, FORBIDDEN
        # An id in the path, a page past the last, or a ?format= no renderer offers.
        if "{" in self.path or "page" in query or "format" in query:
            yield 404, NOT_FOUND
        if has_body:
            yield 413, TOO_LARGE
            yield 415, UNSUPPORTED
        if self.view.get_throttles():
            yield 429, THROTTLED
        yield 503, UNAVAILABLE

    def _is_list_view(self, serializer=None):
        """drf-spectacular picks a view's main response as the smallest status as text, so
        ``{200: X(many=True), (200, "text/csv"): ...}`` looked like a CSV file, not a
        paginated list: the JSON one it is."""
        if serializer is None:
            serializer = self.get_response_serializers()
        if isinstance(serializer, dict):
            json_ones = [(code, s) for code, s in serializer.items() if isinstance(code, int)]
            if json_ones:
                serializer = min(json_ones, key=lambda item: item[0])[1]
        return super()._is_list_view(serializer)

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        if isinstance(field, serializers.TimeField) and not bypass_extensions:
            return append_meta(dict(LOCAL_TIME), self._get_serializer_field_meta(field, direction))
        return super()._map_serializer_field(field, direction, bypass_extensions)

    def _get_serializer_field_meta(self, field, direction):
        """A read-only field declared on a model serializer (``school = ...(read_only=True)``,
        ``IntegerField(source="event.capacity", read_only=True)``) is null when the model
        field, or a relation on the way to it, is."""
        meta = super()._get_serializer_field_meta(field, direction)
        if getattr(field, "read_only", False) and not meta.get("nullable"):
            path = _model_fields(field)
            if path and not _is_many(field) and any(map(_may_be_missing, path)):
                meta["nullable"] = True
        return meta

    def _insert_field_validators(self, field, schema):
        """A read-only copy of a model's blank email or URL field may be an empty string,
        which its format would refuse (DRF drops ``allow_blank`` from read-only fields)."""
        super()._insert_field_validators(field, schema)
        if not field.read_only or "oneOf" in schema or "format" not in schema:
            return
        path = _model_fields(field)
        if path and path[-1].blank and schema.get("type") == "string":
            inner = {key: schema.pop(key) for key in list(schema) if key not in OUTER_KEYS}
            schema["oneOf"] = [inner, {"type": "string", "maxLength": 0}]
