# Concord: `make run` sets everything up and serves the demo organization; `make test` checks it.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
VAR := var
RUN_ENV := CONCORD_SECRET_KEY_FILE=$(VAR)/secret-key CONCORD_HTTPS=0

.PHONY: install run serve demo test verify lint types pytest bench messages clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VAR)/secret-key:
	mkdir -p $(VAR)
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: install $(VAR)/secret-key
	$(RUN_ENV) $(BIN)/concord migrate --noinput
	$(RUN_ENV) $(BIN)/concord collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(BIN)/concord demo
	$(RUN_ENV) $(BIN)/concord serve --port $(PORT)

demo: install $(VAR)/secret-key
	$(RUN_ENV) $(BIN)/concord migrate --noinput
	$(RUN_ENV) $(BIN)/concord demo

test: install lint types pytest

verify: lint types pytest

# Ruff, then Django's own check that every model change has its migration.
lint: install
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=config.settings_test $(BIN)/python manage.py makemigrations --check --dry-run

types: install
	$(BIN)/mypy concord config

# The whole suite measures branch coverage and fails under the floor in pyproject.toml
# ([tool.coverage.report] fail_under); scripts/coverage-kernel then holds core's kernel modules
# at 100%. A run of some tests (PYTEST_ARGS) or COVERAGE=0 (CI's PostgreSQL run) measures nothing.
COVERAGE ?= $(if $(PYTEST_ARGS),0,1)
COVERAGE_JSON := $(VAR)/coverage.json

pytest: install
ifeq ($(COVERAGE),0)
	$(BIN)/pytest $(PYTEST_ARGS)
else
	mkdir -p $(VAR)
	$(BIN)/pytest --cov --cov-branch --cov-report=term:skip-covered \
	  --cov-report=json:$(COVERAGE_JSON) $(PYTEST_ARGS)
	$(BIN)/python scripts/coverage-kernel $(COVERAGE_JSON)
endif

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

# Refresh the Russian catalogue after changing user-facing strings, then translate and compile.
messages: install
	$(BIN)/django-admin makemessages --locale ru --no-obsolete --ignore '.venv/*' \
	  --ignore 'node_modules/*' --ignore 'tests/*' --ignore '*/tests/*' --ignore 'bench/*' \
	  --ignore 'var/*' --settings config.settings_test --pythonpath .
	$(BIN)/django-admin compilemessages --ignore '.venv/*' --ignore 'node_modules/*' \
	  --settings config.settings_test --pythonpath .

clean:
	rm -rf $(VENV) node_modules $(VAR)

# Refresh the committed API contract (docs/openapi.json) after changing the API on purpose.
.PHONY: openapi
openapi: install
	$(BIN)/python scripts/openapi-snapshot
