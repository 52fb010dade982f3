# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv themselves and reinstall when pyproject.toml changes. The demo needs only the
# default install (what a user gets from `pip install newsfuse`); the tests add the dev extra.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BASE := $(VENV)/.installed-base
DEV := $(VENV)/.installed-dev
PIP := $(BIN)/pip install --quiet --disable-pip-version-check

.PHONY: demo test bench serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(BASE): pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $(BASE)

$(DEV): pyproject.toml | $(BIN)/python
	$(PIP) -e '.[dev]'
	touch $(DEV) $(BASE)

demo: $(BASE)
	$(BIN)/newsfuse summarize examples/summit/ --max-words 120

test: $(DEV)
	sh scripts/ensure-browser
	$(BIN)/ruff check newsfuse tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(DEV)
	$(BIN)/python benchmarks/summarization.py
	$(BIN)/python benchmarks/clustering.py
	$(BIN)/python benchmarks/compare.py

serve: $(DEV)
	$(BIN)/newsfuse serve --db news.duckdb

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
