"""The frontend's typed API client is generated from the server's OpenAPI schema: this
fails when the committed types and the schema the server serves today disagree (run
`make schema` and fix what TypeScript then reports)."""

import subprocess
from pathlib import Path

from django.conf import settings

from tests.frontend.client_schema import write

FRONTEND = settings.BASE_DIR / "frontend"
GENERATOR = FRONTEND / "node_modules" / ".bin" / "openapi-typescript"
COMMITTED = FRONTEND / "src" / "api" / "schema.d.ts"


def test_committed_client_types_match_the_servers_schema(tmp_path: Path):
    source = tmp_path / "openapi.json"
    write(source)
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
