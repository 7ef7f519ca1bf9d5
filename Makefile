# carenos: `make demo` and `make test` set everything up from a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test test-slow test-browser lint typecheck pytest bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

SUITE_INDEX = ../shared/suite/scdhsc-index.csv
DEMO_DIR    = build/demo

demo: $(STAMP)
	@echo "== 1. import the extracted NOS text (data/sources) into YAML"
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@if [ -f $(SUITE_INDEX) ]; then \
	  $(BIN)/carenos import data/sources/*.txt --out $(DEMO_DIR) --index $(SUITE_INDEX); \
	  cmp -s $(DEMO_DIR)/SCDHSC0393.yaml data/standards/SCDHSC0393.yaml \
	    && cmp -s $(DEMO_DIR)/SCDHSC0429.yaml data/standards/SCDHSC0429.yaml \
	    && echo "   the import matches the committed data/standards" \
	    || echo "   NOTE: the import differs from the committed data/standards"; \
	else \
	  echo "   ($(SUITE_INDEX) is absent: titles and metadata come from it, so the import is skipped)"; \
	fi
	@echo; echo "== 2. validate data/standards"
	@$(BIN)/carenos validate data/standards
	@echo; echo "== 3. summary"
	@$(BIN)/carenos load data/standards
	@echo; echo "== 4. shared knowledge statements, by standard and category"
	@$(BIN)/carenos map data/standards --format matrix

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict src tests benchmarks

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

# Slow tests (pre-commit building the shipped hooks' environment): their own target.
test-slow: $(STAMP)
	@command -v sqlite3 >/dev/null || (apt-get update -qq && apt-get install -y -qq sqlite3) \
	  || echo "sqlite3 could not be installed: the wheel test skips its sqlite3 query"
	$(BIN)/python -m pytest -q -m slow

# Tests of the views in the programs people read them with (tests/browser): the site in
# Debian's chromium (driven by Playwright from PyPI, checked by axe-core from the npm
# registry at the version tests/browser/package-lock.json pins), the Word document in
# Debian's LibreOffice.
BROWSER_DIR = build/browser
test-browser: $(STAMP)
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	@command -v soffice >/dev/null || (apt-get update -qq \
	  && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui)
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	@mkdir -p $(BROWSER_DIR)
	cp tests/browser/package.json tests/browser/package-lock.json $(BROWSER_DIR)/
	cd $(BROWSER_DIR) && npm ci --silent --no-audit --no-fund
	$(BIN)/python -m pytest -q -m browser tests/browser
	@echo "screenshots: build/screenshots/"

# BENCH_ARGS="--n 21000 --repeats 1": the scale of the UK database (docs/performance.md)
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

docs: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) build dist site .mypy_cache .ruff_cache .pytest_cache .hypothesis
