# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv themselves and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsfuse summarize examples/summit/ --max-words 120

test: $(STAMP)
	sh scripts/ensure-browser
	$(BIN)/ruff check newsfuse tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/summarization.py
	$(BIN)/python benchmarks/clustering.py
	$(BIN)/python benchmarks/compare.py

serve: $(STAMP)
	$(BIN)/newsfuse serve --db news.duckdb

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
