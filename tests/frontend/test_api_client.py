"""The frontend's typed API client is generated from the server's OpenAPI schema: this
fails when the committed types and the schema the server serves today disagree (run
`make schema` and fix what TypeScript then reports)."""

import json
import subprocess
from pathlib import Path

from django.conf import settings
from drf_spectacular.generators import SchemaGenerator

FRONTEND = settings.BASE_DIR / "frontend"
GENERATOR = FRONTEND / "node_modules" / ".bin" / "openapi-typescript"
COMMITTED = FRONTEND / "src" / "api" / "schema.d.ts"


def test_committed_client_types_match_the_servers_schema(tmp_path: Path):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    source = tmp_path / "openapi.json"
    source.write_text(json.dumps(schema, default=str), encoding="utf-8")
    generated = tmp_path / "schema.d.ts"
    subprocess.run(
        [str(GENERATOR), str(source), "-o", str(generated)],
        check=True,
        capture_output=True,
        cwd=FRONTEND,
    )
    assert generated.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8"), (
        "frontend/src/api/schema.d.ts is out of date: run `make schema`"
    )
