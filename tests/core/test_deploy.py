"""Start-up and deployment checks, run in a fresh process with production settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "events_api.settings",
    "SECRET_KEY": "x" * 20 + "production-like-secret-KEY-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "opendoors.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://opendoors.example.org",
    "DATABASE_URL": f"sqlite:///{ROOT / 'var' / 'deploy-check.sqlite3'}",
}


# Variables the test settings set for this process; a production process has none of them.
TEST_ONLY = {
    "DEBUG",
    "SECRET_KEY",
    "DJANGO_SETTINGS_MODULE",
    "ALLOWED_HOSTS",
    "CACHE_URL",
    "SECURE_SSL_REDIRECT",
    "DATABASE_URL",
}


def run_python(args, env):
    clean = {k: v for k, v in os.environ.items() if k not in TEST_ONLY}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_manage(*args, env):
    return run_python(["manage.py", *args], env)


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_stops_start_up_with_a_clear_message():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_healthz_is_503_when_the_database_does_not_answer():
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='opendoors.example.org', secure=True);"
        "print(json.dumps([r.status_code, r.json()]))"
    )
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
        "CACHE_URL": "locmem://",
    }
    result = run_python(["-c", script], env)
    assert result.returncode == 0, result.stderr
    status, body = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503
    assert body == {"status": "unavailable", "database": "down"}


@pytest.mark.django_db
def test_healthz_is_200_when_the_database_answers(api):
    response = api.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


@pytest.mark.django_db
def test_openapi_schema_generates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(out))
    text = out.read_text()
    assert "/api/v1/schools/" in text
    assert "/api/v1/me/" in text


@pytest.mark.django_db
def test_docs_page_is_served(api):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()


@pytest.mark.django_db
def test_the_models_and_the_migrations_agree():
    """A model change without its migration would fail on the first deploy."""
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)
