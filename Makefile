# Coproduce. The two commands a newcomer needs:
#   make demo   – install, migrate an SQLite database, load demo data, serve on 127.0.0.1:8000
#   make test   – install what the tests need and run everything (lint, types, unit, view, browser)

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
PYTEST_ARGS ?=

.PHONY: demo serve test check pytest install install-dev translations frontend worker bench two-servers clean

# The settings fail closed: without COPRODUCE_MODE the service runs as in production (no
# DEBUG, no demo secret key, real email only). These targets are for trying and developing
# the service on this computer, so they ask for development mode unless the environment
# names another (the tests always run in test mode: coproduce/lib/testing_env.py).
export COPRODUCE_MODE ?= development

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade "pip>=24"
	$(VENV)/bin/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Compiled message catalogues are built, not committed.
translations: $(VENV)/.installed
	scripts/translations.sh compile >/dev/null

# The demo is for trying the service as its users would: the service's own error pages,
# not Django's debug pages (set DJANGO_DEBUG=true to see those while developing).
DEMO_DEBUG ?= false

demo: install translations
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py load_demo
	DJANGO_DEBUG=$(DEMO_DEBUG) $(PY) manage.py runserver 127.0.0.1:8000

serve: install translations
	$(PY) manage.py runserver 127.0.0.1:8000

worker: install
	$(PY) manage.py db_worker --no-reload

# axe-core for the accessibility tests comes from npm (Node is needed for tests only).
frontend/node_modules/axe-core/axe.min.js: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

check: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy coproduce benchmarks
	$(VENV)/bin/lint-imports --no-logo
	$(PY) manage.py makemigrations --check --dry-run
	scripts/translations.sh check

# The unit and view tests run on two workers (pytest-xdist, one test database each), then
# the browser tests on one (each drives its own Chromium and live server; measured faster
# serially on 2 cores: see README). PYTEST_ARGS runs one pytest call with those arguments.
# Exit code 5 means pytest collected no tests: that is a broken suite, so it fails too.
PYTEST_WORKERS ?= 2

pytest: install-dev translations frontend/node_modules/axe-core/axe.min.js
	scripts/install-system-packages.sh
ifneq ($(strip $(PYTEST_ARGS)),)
	$(PY) -m pytest $(PYTEST_ARGS)
else
	status=0; \
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not browser" || status=$$?; \
	$(PY) -m pytest -m browser || status=$$?; \
	exit $$status
endif

test: check pytest

# The load harness (PostgreSQL; see README "Benchmarks"). BENCH_SCALE=S to try it quickly.
bench: install-dev
	$(PY) benchmarks/harness.py

# Two app servers behind one address, two task workers, one PostgreSQL and one Redis: checks
# no task runs twice and no message is sent twice, and prints requests/s and /health/
# (README "Several app servers"). DATABASE_URL's database gets a _two_servers suffix.
two-servers: install-dev
	$(PY) benchmarks/two_servers.py

frontend:
	frontend/build.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles frontend/node_modules
