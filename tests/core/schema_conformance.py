"""How far the API's responses stray from its OpenAPI schema, in figures.

    .venv/bin/python -m tests.core.schema_conformance [pytest options]

Runs the fuzz test's schemathesis cases (tests/core/test_api_fuzz.py: same schema, same
formats, same 12 examples per operation, here derandomized so runs compare) for every
operation, anonymous and as a signed-in organiser, with schemathesis's response checks. No
case stops at its first failure: every failure is counted, by kind (5xx, schema violations,
undocumented statuses, content types), then each distinct failure is listed. Set DATABASE_URL
to measure on PostgreSQL.
"""

import sys
from collections import Counter

import pytest

CASES = "tests/core/conformance_cases.py"


class Summary:
    @staticmethod
    def pytest_terminal_summary(terminalreporter):
        from tests.core.conformance_cases import _distinct, _failures, _responses

        write = terminalreporter.write_line
        kinds = ["5xx", "schema violations", "undocumented statuses", "content types"]
        kinds += sorted({kind for _, kind in _failures} - set(kinds))
        write("")
        write(f"{'':12}{'responses':>10}" + "".join(f"{kind:>23}" for kind in kinds))
        for identity in ("anonymous", "organiser"):
            row = "".join(f"{_failures[identity, kind]:>23}" for kind in kinds)
            write(f"{identity:12}{_responses[identity]:>10}{row}")
        write("(failing responses; distinct failures, operation by operation:)")
        for identity in ("anonymous", "organiser"):
            counts = Counter(kind for (who, kind, _op, _d) in _distinct if who == identity)
            write(f"{identity:12}{'':10}" + "".join(f"{counts[kind]:>23}" for kind in kinds))
        for (identity, kind, operation, detail), count in sorted(_distinct.items()):
            write(f"{identity:10} {kind:22} {operation}  {detail}  (x{count})")


if __name__ == "__main__":
    sys.exit(pytest.main([CASES, "-q", "-p", "no:randomly", *sys.argv[1:]], plugins=[Summary()]))
