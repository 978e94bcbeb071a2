# Huzheng: `make run` serves the platform with demo data; `make test` runs every test.
# Both create .venv and install the locked dependencies on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
DEMO   := HUZHENG_DEMO=1
# `make run` serves with DEBUG off, so a wrong address shows the site's own 404 page; plain
# HTTP on this machine keeps the demo sign-ins working. The data key is the development one
# the demo data was written with.
RUN_ENV := DEBUG=0 HUZHENG_PLAIN_HTTP=1 SECRET_KEY=demo-run-$(shell printf '%064d' 0)-not-secret \
	HUZHENG_DATA_KEY=local-development-data-key
# pytest-xdist workers for `make test`: one per core by default; TEST_WORKERS=0 runs the
# suite in this process (for a debugger, say).
TEST_WORKERS ?= auto

# make check runs Django's deployment checks under these production-like settings.
PROD_ENV := DEBUG=0 SECRET_KEY=check-deploy-$(shell printf '%064d' 0)-not-a-real-key \
	HUZHENG_DATA_KEY=check-deploy-data-key ALLOWED_HOSTS=huxi.huzheng.example.gov.tw

.PHONY: run test check audit bench deps system-deps system-deps-test messages clean help

help:
	@echo "make run    serve the platform with demo data on http://$(HOST):$(PORT)"
	@echo "make test   run the whole test suite, browser tests included"
	@echo "make check  lint, format, migrations and deployment checks"
	@echo "make audit  known vulnerabilities in the locked packages (needs the network)"
	@echo "make bench  run the benchmarks in bench/"

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $@

deps: $(STAMP)

system-deps:
	@scripts/system-deps run

system-deps-test:
	@scripts/system-deps test

messages: $(STAMP)
	@$(PY) manage.py compilemessages --ignore=$(VENV) --ignore=var -v0
	@scripts/taiwan-admin-terms $(PY) var/locale_overrides

run: $(STAMP) system-deps messages
	@mkdir -p var
	@$(DEMO) $(PY) manage.py migrate --noinput -v0
	@$(DEMO) $(PY) manage.py createcachetable -v0
	@$(DEMO) $(PY) manage.py seed_demo -v0
	@$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	@$(DEMO) $(RUN_ENV) exec $(PY) manage.py serve --host $(HOST) --port $(PORT)

test: $(STAMP) system-deps-test messages
	@mkdir -p var
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

check: $(STAMP) system-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run -v1
	$(PROD_ENV) $(PY) manage.py check --deploy --fail-level WARNING

# Not part of `make check`: it asks the vulnerability database over the network.
audit: $(STAMP)
	$(VENV)/bin/pip-audit --progress-spinner off --disable-pip --no-deps -r requirements.lock

bench: $(STAMP) messages
	@scripts/system-deps bench
	@mkdir -p var
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) var
