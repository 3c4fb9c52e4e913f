"""The API's JSON parser (settings: REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]).

DRF's parser lets two kinds of hostile body through as server errors: JSON nested deeper
than Python's recursion limit (the decoder raises RecursionError), and NUL characters in
strings, which no text column takes (PostgreSQL refuses them in text and in jsonb). Both
are refused here, once for every field of every endpoint, as a 400 in the error format.
"""

from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError

# Django's own message, already translated in its catalogues.
NUL_MESSAGE = ProhibitNullCharactersValidator.message


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError() from None
        path = _nul_path(data)
        if path is not None:
            raise ValidationError(_error_at(path))
        return data


def _nul_path(value, path: tuple = ()) -> tuple | None:
    """Where the first string with a NUL in it is (a key counts as its value's place), or
    None. Iterative: a body may be nested as deep as the decoder allows."""
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return where
        elif isinstance(item, dict):
            for key, inner in item.items():
                if "\x00" in key:
                    return (*where, key.replace("\x00", ""))
                stack.append((inner, (*where, key)))
        elif isinstance(item, list):
            stack.extend((inner, (*where, index)) for index, inner in enumerate(item))
    return None


def _error_at(path: tuple) -> dict | list:
    """``("languages", 0)`` → ``{"languages": {0: [message]}}``, the shape DRF gives a
    list item's error; a NUL in a top-level string or list gives just ``[message]``."""
    error: dict | list = [NUL_MESSAGE]
    for key in reversed(path):
        error = {key: error}
    return error
