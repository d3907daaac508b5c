# Everything a fresh Debian/Ubuntu machine with Python 3.11 needs, from the package registries only.
SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PKGS := tesseract-ocr tesseract-ocr-eng libcairo2 libtesseract-dev libleptonica-dev pkg-config

.PHONY: install sys-deps test test-all export clean-nbs check-clean demo docs-check

install: sys-deps $(VENV)/.installed

sys-deps:  ## Debian packages: Tesseract OCR for text detection, cairo for rendering the SVG sample corpus
	@dpkg -s $(APT_PKGS) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(APT_PKGS); }

$(VENV)/.installed: settings.ini setup.py
	@[ -x $(BIN)/python ] || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@

test: install  ## the test command: every notebook through nbdev_test; last line `N passed, N failed`
	@$(BIN)/python tools/nbtest.py

test-all: install  ## also run the cells tagged slow (full corpus, benchmarks)
	@$(BIN)/python tools/nbtest.py --flags slow

export: install
	$(BIN)/nbdev_export

check-clean: install  ## nbdev_clean and nbdev_export must leave no diff
	$(BIN)/nbdev_clean && $(BIN)/nbdev_export && git diff --exit-code

docs-check: install  ## what can be checked here without Quarto
	$(BIN)/nbdev_proc_nbs

demo: install  ## the main job: comes with the search issue (02_embedding + 03_indexing)
	@echo "make demo arrives with the search (embedding + indexing) notebooks" && exit 1
