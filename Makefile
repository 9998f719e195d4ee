# Two entry points (README): `make serve` and `make test`. Everything else is what they need.
# Works as root or not, from a clean clone; no sudo in here (.ci/run installs system packages).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Material prints a multi-line banner about its end of life on every build; keep build logs to real warnings.
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv node wizard-assets prepare build serve test clean

venv: $(BIN)/.installed

# Re-install when the project metadata changes. Fall back to python3 when python3.11 is not on PATH.
$(BIN)/.installed: pyproject.toml
	@if [ ! -x $(BIN)/python ]; then \
	  py="$$(command -v $(PYTHON) || command -v python3)"; \
	  echo "creating $(VENV) with $$py"; \
	  "$$py" -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site,test]'
	@touch $@

# npm ci when package-lock.json is newer than node_modules (or node_modules is missing).
node: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund
	@mkdir -p node_modules && touch $@

wizard-assets: venv node
	PYTHONPATH=hooks $(BIN)/python -m sitebuild.assets

prepare: venv node wizard-assets

# The build's output is also kept in build/mkdocs-build.log: tests/site/test_site_build.py checks it holds no
# WARNING line (strict mode fails on logged warnings; this also catches printed ones) without building again.
build: prepare
	@mkdir -p build
	@echo "$(BIN)/mkdocs build --strict  (log: build/mkdocs-build.log)"
	@{ $(BIN)/mkdocs build --strict 2>&1; echo $$? > build/mkdocs-build.status; } | tee build/mkdocs-build.log
	@exit "$$(cat build/mkdocs-build.status)"

serve: prepare
	$(BIN)/mkdocs serve -a $(HOST):$(PORT)

test: build
	$(BIN)/ruff check wizard hooks staff scripts
	$(BIN)/mypy
	$(BIN)/python -m staff typography
	node --test tests/web/
	$(BIN)/python -m pytest

clean:
	rm -rf site build .pytest_cache .hypothesis .mypy_cache .ruff_cache
