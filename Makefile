# Two commands, no set-up: `make run` and `make test` create .venv and install on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= amity.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench system-deps clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Ingest the examples, print what the corpus holds, then serve the web app on it.
run: $(STAMP)
	$(BIN)/amity ingest examples/ --db $(DB)
	$(BIN)/amity stats --db $(DB)
	$(BIN)/amity serve --db $(DB) --host $(HOST) --port $(PORT)

system-deps:
	@scripts/system-deps

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache test-artifacts
