"""The OpenAPI schema the frontend's types are generated from: the server's own, less the
"int64" formats. drf-spectacular marks an integer int64 when its range passes 32 bits, and
Django gives a positive integer field a 64-bit range on SQLite but a 32-bit one on
PostgreSQL; both are a `number` to TypeScript, so the types must not depend on the database.

`python -m tests.frontend.client_schema OUT.json` writes it (`make schema` does)."""

import json
import sys
from pathlib import Path


def _without_int64(node):
    if isinstance(node, dict):
        return {
            key: _without_int64(value)
            for key, value in node.items()
            if not (key == "format" and value == "int64")
        }
    if isinstance(node, list):
        return [_without_int64(value) for value in node]
    return node


def client_schema() -> dict:
    """In English whatever language an earlier request in this process left active (the
    schema's descriptions are translatable)."""
    from django.utils import translation
    from drf_spectacular.generators import SchemaGenerator

    with translation.override("en"):
        return _without_int64(SchemaGenerator().get_schema(request=None, public=True))


def write(path: Path) -> None:
    path.write_text(json.dumps(client_schema(), default=str, indent=2), encoding="utf-8")


if __name__ == "__main__":
    import django

    django.setup()
    write(Path(sys.argv[1]))
