# Two commands do all the set-up: `make demo` and `make test`. Each builds .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench bench-text bench-metadata bench-enrich bench-dedup bench-stories bench-pipeline bench-serve fuzz train train-ner clean

$(BIN)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The test environment adds Ray, so the Ray engine's test runs a real local 2-CPU Ray.
$(BIN)/.test-installed: $(BIN)/.installed
	$(BIN)/pip install -q -e '.[dev,ray]'
	touch $@

$(BIN)/.bench-installed: $(BIN)/.installed
	$(BIN)/pip install -q -e '.[dev,bench,train]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/warta extract --format text samples/text/prokalteng-putin-korea-utara.txt
	rm -f samples/demo.db samples/demo.db-wal samples/demo.db-shm
	$(BIN)/warta run samples/text/prokalteng-putin-korea-utara.txt samples/pages samples/clickid --db samples/demo.db
	$(BIN)/warta stats --db samples/demo.db
	@echo "explorer: open http://127.0.0.1:8000/ in a browser (Ctrl-C to stop)"
	$(BIN)/warta serve --db samples/demo.db --port 8000

bench-serve: $(BIN)/.installed
	$(BIN)/python -m benchmarks.serve --workers 2 --out docs/benchmarks.md

bench-pipeline: $(BIN)/.bench-installed
	$(BIN)/python -m benchmarks.pipeline

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks training fuzz
	$(BIN)/mypy

test: $(BIN)/.test-installed lint
	$(BIN)/pytest

# Extraction accuracy and speed, warta and its peers side by side (about 25 minutes).
bench: $(BIN)/.bench-installed
	$(BIN)/python -m benchmarks.extraction --out docs/benchmarks.md
	$(BIN)/python -m benchmarks.textmode --out docs/benchmarks.md

bench-text: $(BIN)/.bench-installed
	$(BIN)/python -m benchmarks.textmode --out docs/benchmarks.md

bench-metadata: $(BIN)/.bench-installed
	$(BIN)/python -m benchmarks.metadata

bench-enrich: $(BIN)/.installed
	$(BIN)/python -m benchmarks.enrich

bench-dedup: $(BIN)/.bench-installed
	$(BIN)/python -m benchmarks.dedup

bench-stories: $(BIN)/.installed
	$(BIN)/python -m benchmarks.stories

# Five minutes of hypothesis fuzzing of warta.extract; failures are saved under fuzz-out/.
fuzz: $(BIN)/.installed
	$(BIN)/python -m fuzz.run --seconds 300

# The shipped block classifier (HTML) and line classifier (text mode), both from wcxb-dev,
# each printing its 5-fold cross-validation scores (about 25 and 12 minutes).
train: $(BIN)/.bench-installed
	$(BIN)/python -m training.train_blocks
	$(BIN)/python -m training.train_lines

# The NER model: word clusters from the news corpus, the CRF, the net beside it (torch, CPU,
# training only: the `net` extra) and their scores (about 40 minutes).
train-ner: $(BIN)/.bench-installed
	$(BIN)/pip install -q -e '.[net]'
	$(BIN)/python -m training.ner.clusters
	$(BIN)/python -m training.ner.train
	$(BIN)/python -m training.ner.neural ship
	$(BIN)/python -m training.ner.evaluate
	$(BIN)/python -m training.ner.evaluate --protocol --net 0.5

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
