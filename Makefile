# eventwire: `make demo` and `make test` work on a fresh machine with Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= examples
DB ?= demo.db
SHARED ?= ../shared

.PHONY: setup demo test lint browser eval eval-clean phrasings bench bench-quick bench-store train-en clean

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
	@echo "Open the dashboard: $(BIN)/eventwire serve --db $(DB)   then http://127.0.0.1:8000/"

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

# Debian's chromium for the browser test (never a downloaded browser); a machine
# without root skips that test, CI (CI=true) fails it instead.
browser:
	-sh scripts/install_browser.sh

test: setup lint browser
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/eventwire evaluate $(SHARED)/eval/seeds.gold.jsonl --docs $(SHARED)/corpus/seeds
	$(BIN)/eventwire evaluate $(SHARED)/eval/dev.gold.jsonl --docs $(SHARED)/corpus/dev --lang fr
	$(BIN)/eventwire evaluate $(SHARED)/eval/dev.gold.jsonl --docs $(SHARED)/corpus/dev --lang en

eval-clean: setup
	$(BIN)/python scripts/eval_clean.py $(SHARED)/corpus/dev

# Common news phrasings in our own sentences (tests/data/phrasings.tsv): which are coded right.
phrasings: setup
	$(BIN)/python scripts/phrasings.py

# Throughput: bare nlp.pipe against eventwire ingest (1 and 2 workers), 1x/2x/4x corpus.
bench: setup
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

bench-quick: setup
	$(BIN)/python scripts/bench.py --quick

bench-store: setup
	$(BIN)/python scripts/bench_store.py

# Rebuild the shipped English pipeline (src/eventwire/models/en_eventwire) from
# $(SHARED)/data (UD English-EWT, UNER English-EWT); under an hour on 2 cores.
train-en: setup
	SHARED=$(SHARED) PY=$(BIN)/python sh training/en/train.sh

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
