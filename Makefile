# Open Doors: `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PY := $(UV) run --frozen python
# A local key and debug mode for `make run` only; production reads both from its environment.
RUN_ENV := DEBUG=true SECRET_KEY=local-make-run-key-not-for-production
PYTEST_ARGS ?=

.PHONY: help install run test lint fmt bench migrate demo messages clean frontend browser schema \
	print-libs mutate

# The web frontend is rebuilt only when its sources change; npm ci only when the lock does.
FRONTEND_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/package.json
# What the printed PDFs need from Debian: Noto fonts for Bangla, Arabic, Urdu, Chinese and
# Korean, Pango and HarfBuzz's subsetter (WeasyPrint), and Poppler and ZBar to read them (and
# their QR codes) back in tests.
PRINT_PACKAGES := fonts-noto-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 \
	libharfbuzz-subset0 poppler-utils zbar-tools
# What the browser tests need besides: Chromium (the same fonts make screenshots show real
# letters).
BROWSER_PACKAGES := chromium $(PRINT_PACKAGES)

help:
	@echo "make run    install, migrate, load demo data, serve on http://127.0.0.1:8000"
	@echo "make test   run the whole test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make lint   ruff check and format check"
	@echo "make fmt    ruff fix and format"
	@echo "make bench  benchmarks (prints figures)"
	@echo "make mutate mutation testing of the rules that protect families (FRESH=1: all again)"

install:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen
	@mkdir -p var

migrate: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py createcachetable

demo: migrate
	$(RUN_ENV) $(PY) manage.py seed_demo

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd frontend && npm run build

frontend: frontend/dist/index.html

# Installs Debian's fonts and PDF libraries (print-libs), and Chromium (browser), when missing;
# never a downloaded browser.
print-libs: PACKAGES := $(PRINT_PACKAGES)
browser: PACKAGES := $(BROWSER_PACKAGES)
print-libs browser:
	@missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing >/dev/null; fi; \
	fi

# Regenerates the frontend's API types from the server's OpenAPI schema.
schema: install frontend/node_modules/.package-lock.json
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=events_api.test_settings $(PY) -m tests.frontend.client_schema \
		var/openapi.json
	cd frontend && npm run schema

# The worker that sends messages runs beside gunicorn (texts and emails print on the
# console) and stops with it.
run: demo frontend print-libs
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(RUN_ENV) $(PY) manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(UV) run --frozen gunicorn -c gunicorn.conf.py events_api.wsgi

test: install frontend browser
	$(UV) run --frozen pytest $(PYTEST_ARGS)

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

fmt: install
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

bench: install frontend print-libs
	$(UV) run --frozen python -m tests.bench

# Mutation testing (docs/mutation.md): mutants of changed code only, unless FRESH=1; the report
# goes to docs/mutation-report.md. Too slow for every CI run, so it is run by hand.
mutate: install frontend
	$(PY) -m tests.mutation.run $(if $(FRESH),--fresh) $(MUTANTS)

# Refresh the .po catalogues from the code, then compile them (.mo files are committed so a
# fresh machine needs no gettext tools).
messages: install
	DJANGO_SETTINGS_MODULE=events_api.test_settings $(PY) manage.py makemessages --all \
		--ignore=.venv --ignore=tests --ignore=frontend --no-obsolete
	DJANGO_SETTINGS_MODULE=events_api.test_settings $(PY) manage.py compilemessages \
		--ignore=.venv

clean:
	rm -rf var/*.sqlite3* var/static mutants
