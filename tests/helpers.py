from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(func) -> int:
    """How many SQL queries ``func()`` runs."""
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def assert_flat_queries(make_rows, fetch, *, small=1, large=100, at_most=6) -> int:
    """The same number of queries for ``small`` and ``large`` rows, and no more than
    ``at_most``. ``make_rows(n)`` adds n rows; ``fetch()`` makes the request and asserts
    it succeeded."""
    make_rows(small)
    first = query_count(fetch)
    make_rows(large - small)
    second = query_count(fetch)
    assert first == second, f"{first} queries at {small} rows, {second} at {large}"
    assert second <= at_most, f"{second} queries, expected at most {at_most}"
    return second
