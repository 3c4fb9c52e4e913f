"""The cases behind ``python -m tests.core.schema_conformance`` (which see): the fuzz
test's schemathesis cases with every response check, counting failures instead of stopping
at the first."""

import os
from collections import Counter, defaultdict

import pytest
from hypothesis import HealthCheck, settings
from schemathesis.core.failures import FailureGroup, ServerError
from schemathesis.openapi.checks import (
    JsonSchemaError,
    MalformedMediaType,
    MissingContentType,
    UndefinedContentType,
    UndefinedStatusCode,
)

from tests.core import test_api_fuzz as fuzz

KINDS = {
    ServerError: "5xx",
    JsonSchemaError: "schema violations",
    UndefinedStatusCode: "undocumented statuses",
    UndefinedContentType: "content types",
    MissingContentType: "content types",
    MalformedMediaType: "content types",
}

organiser_token = fuzz.organiser_token
_keep_the_test_transaction_open = fuzz._keep_the_test_transaction_open

# (identity, kind) -> failing responses; (identity, kind, operation, detail) -> count
_responses: Counter = Counter()
_failures: Counter = Counter()
_distinct: defaultdict = defaultdict(int)


def _detail(failure) -> str:
    if isinstance(failure, JsonSchemaError):
        where = "/".join(map(str, failure.instance_path)) or "(body)"
        return f"{where}: {failure._raw_message[:120]}"
    if isinstance(failure, (ServerError, UndefinedStatusCode)):
        return str(failure.status_code)
    return failure.message.splitlines()[0][:120]


def _record(identity: str, case, headers=None) -> None:
    response = case.call(headers=headers)
    _responses[identity] += 1
    try:
        case.validate_response(response, checks=fuzz.CHECKS, headers=headers)
    except FailureGroup as group:
        for failure in group.exceptions:
            kind = KINDS.get(type(failure), type(failure).__name__)
            _failures[identity, kind] += 1
            _distinct[identity, kind, case.operation.label, _detail(failure)] += 1


FUZZ_SETTINGS = settings(
    max_examples=int(os.environ.get("MAX_EXAMPLES", "12")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


@pytest.mark.django_db
@fuzz.schema.parametrize()
@FUZZ_SETTINGS
def test_anonymous(case, _keep_the_test_transaction_open):
    _record("anonymous", case)


@pytest.mark.django_db
@fuzz.schema.parametrize()
@FUZZ_SETTINGS
def test_signed_in(case, organiser_token, _keep_the_test_transaction_open):
    _record("organiser", case, headers={"X-Session-Token": organiser_token})
