# Two commands for a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
PORT ?= 8000

.PHONY: run test test-fast drills lint format typecheck lock messages install browser-deps clean

$(STAMP): requirements.lock
	bin/ensure-debs gettext
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

messages: install
	$(PY) manage.py compilemessages --ignore=.venv -v 0

run: install messages
	PORT=$(PORT) bin/run

browser-deps: install
	bin/ensure-debs chromium default-jre-headless epubcheck minisign
	cd tests/browser && npm ci --no-audit --no-fund --silent
	cd tests/federation && npm ci --no-audit --no-fund --silent  # a Fedify peer (federation tests)
	cd tests/xmlrpc_clients && npm ci --no-audit --no-fund --silent  # npm wordpress client (XML-RPC tests)

test: install messages browser-deps
	$(VENV)/bin/pytest -n 2 --dist loadfile

test-fast: install messages
	$(VENV)/bin/pytest -n 2 --dist loadfile -m "not browser and not drill"

drills: install messages  # the fault drills (tests/reliability, docs/operations.md)
	$(VENV)/bin/pytest -p no:xdist -q -m drill tests/reliability

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/vulture
	$(VENV)/bin/bandit -q -c pyproject.toml -r chaikhana
	$(PY) bin/lint_architecture.py

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

typecheck: install
	$(VENV)/bin/mypy chaikhana

# Re-pin every dependency after editing pyproject.toml.
lock:
	$(PY) -m pip install -q pip-tools
	$(VENV)/bin/pip-compile -q --extra dev --strip-extras --allow-unsafe -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) staticfiles var
