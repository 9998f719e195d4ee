# Placeholder: the site-infra helper owns and completes this file.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: venv
venv: $(BIN)/python
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[site,test]'
