# Two commands do all the set-up: `make demo` and `make test`. Each builds .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench bench-text train clean

$(BIN)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

$(BIN)/.bench-installed: $(BIN)/.installed
	$(BIN)/pip install -q -e '.[dev,bench,train]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/warta extract --format text samples/text/prokalteng-putin-korea-utara.txt
	$(BIN)/warta extract --format jsonl samples/pages/*.html.gz > samples/out.jsonl
	@echo "wrote samples/out.jsonl ($$(wc -l < samples/out.jsonl) articles)"

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(BIN)/.bench-installed
	$(BIN)/python -m benchmarks.extraction --out docs/benchmarks-extraction.md

train: $(BIN)/.bench-installed
	$(BIN)/python -m training.train_blocks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
