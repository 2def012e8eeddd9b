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

# `make stack` is the production shape on one machine: gunicorn, a Celery worker and beat, on
# PostgreSQL and Redis (the ones this machine runs, unless told otherwise).
# Links in e-mails and SMS point at the port the stack serves on.
STACK_ENV := DEBUG=0 HTTPS=0 SHOW_DEMO_BANNER=1 \
	WEB_PORT=$${WEB_PORT:-8000} SITE_URL=$${SITE_URL:-http://127.0.0.1:$${WEB_PORT:-8000}} \
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/taata} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	SECRET_KEY=$${SECRET_KEY:-stack-$$(hostname)-local-only} \
	EMAIL_URL=$${EMAIL_URL:-consolemail://}

.PHONY: run test setup messages catalogues lint format stack stack-reminders bench mutate mutate-survivors clean

run: setup
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_reference_data
	$(RUN_ENV) $(PY) manage.py load_demo_data
	@echo "Serving on http://$(HOST):$(PORT)/ (Arabic home: http://$(HOST):$(PORT)/ar/)"
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	bash .ci/browser-deps
	$(PY) -m pytest $(PYTEST_ARGS)

stack: setup
	$(STACK_ENV) bash .ci/ensure-database
	$(STACK_ENV) $(PY) manage.py migrate --noinput
	$(STACK_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(STACK_ENV) $(PY) manage.py load_reference_data
	$(STACK_ENV) $(PY) manage.py load_demo_data --allow-production
	$(STACK_ENV) PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VENV)/bin/honcho start

# While `make stack` runs: today's reminders now, through Redis to the worker, which prints the
# emails (EMAIL_URL=consolemail://) in the stack's output.
stack-reminders: setup
	$(STACK_ENV) $(PY) manage.py send_reminders

# Benchmarks (not part of `make test`): PostgreSQL and Redis on this machine, figures printed and
# written to bench/results/. See BENCHMARKS.md.
bench: setup
	EXTRA_DEBIAN_PACKAGES=wrk bash .ci/system-packages
	$(PY) -m bench.run_all

# Mutation audit of the rule modules (TESTING.md), not part of `make test` or CI: each mutant
# runs the tests that reach the function it changes, two at a time, each in its own in-memory
# database. A run stops after 30 minutes; the results are kept (mutants/ on this machine, and
# .ci/mutation-results/ in the repository, restored on a new machine), so the next run goes on
# from there and checks again only the functions changed since.
# mutmut copies the project into mutants/ once: files changed since are brought in first (a
# newer copy there is a mutated module, which mutmut itself keeps up to date).
# One module or function: `make mutate MUTANTS='uploads.checks*'`.
mutate: setup
	mkdir -p mutants
	tar --exclude=./mutants --exclude=./.venv --exclude=./.git --exclude=./var \
		--exclude='*.pyc' -cf - . | tar -C mutants --keep-newer-files -xf - 2>/dev/null || true
	$(PY) .ci/mutation_results.py restore
	TEST_DATABASE_IN_MEMORY=1 timeout 30m $(VENV)/bin/mutmut run --max-children 2 $(MUTANTS) \
		> mutants/run.log 2>&1 \
		|| echo "mutmut stopped (30-minute bound, or see mutants/run.log): run make mutate again to go on"
	$(PY) .ci/mutation_results.py save
	$(PY) .ci/mutation_scores.py

# After new tests: check again every mutant that survived or that no test reached, but those
# TESTING.md lists as equivalent (mutmut keeps a verdict until its function changes or a run
# names it).
mutate-survivors: setup
	$(MAKE) mutate MUTANTS="$$($(PY) .ci/mutation_scores.py survivors | tr '\n' ' ')"

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

# After changing user-facing strings: bring the catalogues up to date, then translate what is new
# (tests/shell/test_catalogues.py fails while a string is missing or untranslated).
MAKEMESSAGES := manage.py makemessages -l ar -l fr -l en -l zgh --no-obsolete \
	--ignore=.venv --ignore=var --ignore=bench --ignore=tests --ignore=mutants
catalogues: $(STAMP)
	$(PY) $(MAKEMESSAGES)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .import_linter_cache mutants
	find . -name '*.mo' -path './locale/*' -delete
