"""Loaded into every pytest run that `make mutate` starts (``-p tests.mutation.plugin``).

mutmut forks one process per mutant from a process whose settings were read once, so every
mutant would share the same SQLite test file (its name carries the parent's pid) and two
mutants tested side by side would destroy each other's database. Each run gets a file of
its own, named after the process that runs it, and removes it when it ends.

Building the test database (every migration) costs seconds, more than most mutants' tests:
the first run (mutmut's whole-suite run, before any mutant) keeps a copy of its freshly
migrated database, before any test touched it, as a template, and every later run starts
from a copy of that (``--reuse-db`` then finds the migrations applied). The template is made
again whenever migrations change: its name carries a hash of the migration files."""

import hashlib
import json
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

_OWN_DB: list[Path] = []


def _template(var_dir: Path) -> Path:
    digest = hashlib.sha256()
    root = Path.cwd()
    for migration in sorted(root.glob("**/migrations/*.py")):
        digest.update(str(migration.relative_to(root)).encode())
        digest.update(migration.read_bytes())
    return var_dir / f"mutant-template-{digest.hexdigest()[:12]}.sqlite3"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        return
    var_dir = Path(settings.VAR_DIR)
    path = var_dir / f"mutant-{os.getpid()}.sqlite3"
    template = _template(var_dir)
    if template.exists():
        shutil.copyfile(template, path)
    database.setdefault("TEST", {})["NAME"] = str(path)
    config.option.reuse_db = True
    _OWN_DB.append((path, template))


@pytest.fixture(scope="session", autouse=True)
def _mutation_template(request):
    """Right after the test database is built, before the first test: the template."""
    if _OWN_DB and not _OWN_DB[0][1].exists():
        request.getfixturevalue("django_db_setup")
        path, template = _OWN_DB[0]
        # Written aside, then renamed: a run that starts meanwhile never copies half.
        partial = template.with_name(f"{template.name}.{os.getpid()}")
        with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        partial.rename(template)
    return


def pytest_unconfigure(config):
    while _OWN_DB:
        path, _template_path = _OWN_DB.pop()
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """A mutant's tests, quickest first (mutmut's own run of the suite timed each): the run
    stops at the first failure, so a mutant that a quick test kills costs only that test.
    Transactional tests still come last, as pytest-django orders them: they empty the
    tables when they end, and the rows the migrations wrote would be gone for the rest."""
    stats = Path("mutmut-stats.json")
    if not stats.exists():
        return
    durations = json.loads(stats.read_text())["duration_by_test"]
    items.sort(key=lambda item: (_transactional(item), durations.get(item.nodeid, float("inf"))))


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or fixtures & {"transactional_db", "live_server", "django_db_reset_sequences"}
    )
