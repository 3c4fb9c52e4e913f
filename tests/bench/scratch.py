"""A throwaway SQLite database for a benchmark run in this process: migrated, measured in,
deleted. Benchmarks print how they were run with ``describe``."""

import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def in_scratch_database(name: str, measure: Callable[[], list[str]]) -> list[str]:
    """Run ``measure`` against a fresh, migrated SQLite database under var/, then delete
    it. When Django is already set up (another benchmark ran first in this process), its
    database is the one used, and deleted after."""
    database = ROOT / "var" / f"bench-{name}-{os.getpid()}.sqlite3"
    database.parent.mkdir(exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "events_api.test_settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    used = Path(settings.DATABASES["default"]["NAME"])
    try:
        call_command("migrate", verbosity=0)
        return measure()
    finally:
        from django.db import connections

        connections.close_all()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{used}{suffix}").unlink(missing_ok=True)


def describe() -> str:
    command = shlex.join([Path(sys.executable).name, *sys.argv]) if sys.argv[0] else "python"
    python = sys.version.split()[0]
    return f"command: make bench  ({command}; SQLite, {sys.platform}, Python {python})"
