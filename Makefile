# Two commands for a fresh clone: `make run` (try the portal) and `make test` (run the suite).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

# `make run` is one machine with nothing set up: SQLite under var/, tasks run in-process.
RUN_ENV := DEBUG=1 SHOW_DEMO_BANNER=1 DATABASE_URL=sqlite:///$(CURDIR)/var/db.sqlite3 REDIS_URL=

.PHONY: run test setup messages lint format ci-checks clean

run: setup
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_reference_data
	$(RUN_ENV) $(PY) manage.py load_demo_data
	@echo "Serving on http://$(HOST):$(PORT)/ (Arabic home: http://$(HOST):$(PORT)/ar/)"
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

setup: $(STAMP) messages

$(STAMP): requirements.txt
	bash .ci/system-packages
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

# Compiled catalogues are built here, never committed.
messages: $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
	find . -name '*.mo' -path './locale/*' -delete
