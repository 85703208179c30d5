# eventwire: `make demo` and `make test` work on a fresh machine with Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= examples
DB ?= demo.db
SHARED ?= ../shared

.PHONY: setup demo test lint eval eval-clean bench-store clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/eventwire ingest $(CORPUS) --db $(DB)
	$(BIN)/eventwire stats --db $(DB)

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

test: setup lint
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/eventwire evaluate $(SHARED)/eval/seeds.gold.jsonl --docs $(SHARED)/corpus/seeds
	$(BIN)/eventwire evaluate $(SHARED)/eval/dev.gold.jsonl --docs $(SHARED)/corpus/dev

eval-bench-store: setup
	$(BIN)/python scripts/bench_store.py

clean: setup
	$(BIN)/python scripts/eval_clean.py $(SHARED)/corpus/dev

bench-store: setup
	$(BIN)/python scripts/bench_store.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
