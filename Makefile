# DailyBeat. The two commands: `make run` (the site, with demo content) and
# `make test` (the whole suite). Everything else here serves those two.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install chromium run test lint bench bench-import quality backup restore audit

help:
	@echo "make run     start DailyBeat at http://$(HOST):$(PORT)/ (installs, migrates, loads demo content)"
	@echo "make test    run the whole test suite"
	@echo "make lint    ruff, Django's checks and the migration check"
	@echo "make bench   the benchmark (STORIES=1000000 for a million stories)"
	@echo "make quality Lighthouse scores of the home and article pages (docs/quality.md)"
	@echo "make bench-import  memory and speed of the WordPress import (docs/wordpress-import.md)"
	@echo "make backup  back up the database and media (make restore BACKUP=… restores)"
	@echo "make audit   known vulnerabilities in the dependencies"

# The virtual environment, rebuilt when pyproject.toml changes.
$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "DailyBeat needs Python 3.11 or newer; '$(PYTHON)' is not. Run e.g. 'make run PYTHON=python3.12'."; \
		exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --editable '.[dev]'
	@touch $@

install: $(INSTALLED)

# Local settings for development, made once; edit freely (git ignores it).
.env:
	cp .env.example .env

run: $(INSTALLED) .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	@echo ""
	@echo "  DailyBeat:  http://$(HOST):$(PORT)/"
	@echo "  Newsroom:   http://$(HOST):$(PORT)/admin/"
	@echo "  Ctrl-C stops the site (and the embedded database)."
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(INSTALLED) chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Debian's chromium, for the browser tests (tests/browser/). Installed when missing
# and this shell may use apt-get (root, or sudo without a password), as in CI.
# Otherwise the browser tests are skipped with a loud message, or fail where
# DAILYBEAT_REQUIRE_BROWSER=1 (as in .ci/run). Playwright's browser download is
# never used.
APT := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || { sudo -n true 2>/dev/null && echo "sudo apt-get"; })
chromium:
	@if [ -z "$$CHROMIUM_PATH" ] && ! command -v chromium >/dev/null 2>&1; then \
		if [ -n "$(APT)" ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing chromium (Debian's package) for the browser tests…"; \
			$(APT) install -y -q chromium >/dev/null 2>&1 \
			|| { $(APT) update -q >/dev/null && $(APT) install -y -q chromium >/dev/null; } \
			|| echo "!!! Could not install chromium: the browser tests will be skipped."; \
		else \
			echo "!!! chromium is missing and cannot be installed from this shell:"; \
			echo "!!! the browser tests will be skipped. Install it: sudo apt-get install -y chromium"; \
		fi; \
	fi

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=true $(BIN)/python manage.py check
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# The benchmark (not part of the tests): make bench STORIES=1000000
# BENCH_ARGS=--queries-only adds a corpus size to the queries-per-page table only.
STORIES ?= 10000
BENCH_ARGS ?=
bench: $(INSTALLED)
	$(BIN)/python bench/run.py --stories $(STORIES) $(BENCH_ARGS)

# Memory and speed of the WordPress import on a generated export (POSTS=20000).
POSTS ?= 20000
bench-import: $(INSTALLED)
	$(BIN)/python bench/wordpress_import.py --posts $(POSTS)

# Page quality with Lighthouse (npm, against Debian's chromium); not part of the tests.
quality: $(INSTALLED) chromium
	$(BIN)/python bench/quality.py

# Back up the database and media into backups/<date>/; restore one into an empty
# database: make restore BACKUP=backups/20261124-101500 (docs/operations.md).
backup: $(INSTALLED)
	$(BIN)/python manage.py backup --to backups

restore: $(INSTALLED)
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/<folder>"; exit 1; }
	$(BIN)/python manage.py restore $(BACKUP)

# Known vulnerabilities in the dependencies (docs/security.md).
audit: $(INSTALLED)
	bash .ci/audit
