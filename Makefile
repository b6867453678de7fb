# `make site` and `make test` set up everything they need on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test setup browser lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

setup: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

site: setup
	$(BIN)/python build.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: setup browser
	$(BIN)/python -m pytest -q
