# Everything a fresh Debian/Ubuntu machine with Python 3.11 needs, from the package registries only.
SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PKGS := tesseract-ocr tesseract-ocr-eng libcairo2 libtesseract-dev libleptonica-dev pkg-config chromium chromium-driver

.PHONY: install sys-deps test test-system test-all export lint check-clean demo docs-check readme

install: sys-deps $(VENV)/.installed

sys-deps:  ## Debian packages: Tesseract OCR for text detection, cairo for rendering the SVG sample corpus, Chromium to test the web page
	@dpkg -s $(APT_PKGS) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(APT_PKGS); }

$(VENV)/.installed: settings.ini setup.py
	@[ -x $(BIN)/python ] || $(PY) -m venv $(VENV)
	@echo "installing the package and its dependencies into $(VENV) (log: $(VENV)/pip-install.log)"
	@$(BIN)/pip install -q --upgrade pip uv > $(VENV)/pip-install.log 2>&1 || { cat $(VENV)/pip-install.log; exit 1; }
	@# uv (from PyPI) installs the same pins as pip in a fraction of the time (torch's CUDA wheels are 6.6 GB to unpack); compiled to bytecode, as pip does: with PYTHONDONTWRITEBYTECODE set, as here, every import would compile again
	@$(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python -e ".[dev]" >> $(VENV)/pip-install.log 2>&1 || { tail -50 $(VENV)/pip-install.log; exit 1; }
	@touch $@

test: install  ## the test command: every notebook as nbdev_test runs it, each in a fresh process forked from one with the heavy libraries imported; last line `N passed, N failed`
	@$(BIN)/python tools/nbtest.py

test-system: install  ## the notebooks with cells tagged system (a Ray cluster, Chromium, killed and fresh processes): CI runs them after `make test`
	@$(BIN)/python tools/nbtest.py --flags system --flagged

test-all: install  ## every cell: also those tagged system and slow (full corpus, benchmarks)
	@$(BIN)/python tools/nbtest.py --flags "slow system"

export: install
	$(BIN)/nbdev_export

lint: install  ## pyflakes rules (ruff) on the exported modules: unused imports and variables, undefined names
	$(BIN)/ruff check --quiet logo_similarity

check-clean: lint  ## lint, nbdev_clean and nbdev_export must leave no diff, and no cell output may be over 100 KB
	$(BIN)/nbdev_clean && $(BIN)/nbdev_export && $(BIN)/python tools/outputs.py nbs && git diff --exit-code

readme: install  ## README.md from the executed nbs/index.ipynb (run the notebook first)
	$(BIN)/python tools/readme.py

docs-check: install  ## what can be checked here without Quarto: nbdev_proc_nbs runs every import and show_doc cell
	$(BIN)/nbdev_proc_nbs

demo: install  ## the main job: export the model to ONNX, index the bundled sample corpus for both stages, search Font Awesome drawings of five brands (re-ranked)
	@set -e; sample=$$($(BIN)/python -c "from logo_similarity.sample import build_sample_corpus as b; print(b())"); \
	$(BIN)/logo-sim-export --out runs/demo/model --precision fp32; \
	$(BIN)/logo-sim index "$$sample/simple-icons" --out runs/demo/index --model runs/demo/model/lite0.onnx; \
	$(BIN)/logo-sim search --index runs/demo/index --model runs/demo/model/lite0.onnx --k 5 --json runs/demo/results.json --grid runs/demo/results.png --why runs/demo/why.png \
	  $(foreach q,github docker spotify firefox airbnb,"$$sample/fontawesome/images/fa_$(q).jpg")
