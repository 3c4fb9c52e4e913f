"""Production settings plus the floor benchmark's bare views (tests/bench/floor_urls.py).
Only the benchmark's gunicorn uses them."""

from events_api.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.floor_urls"
