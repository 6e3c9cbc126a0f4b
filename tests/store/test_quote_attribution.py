"""Each stored quote keeps how its speaker was found; the explorer shows it, and reads a store
from before the column (migration 7) as having none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.web.paging_store import INPUT
from tests.web.store_builder import _row
from warta.pipeline.corpus import run_corpus_stage
from warta.store import records
from warta.store.db import open_store
from warta.store.explore import attribution_column


def build(path: Path) -> int:
    spec = {
        "key": "a0", "outlet": "kompas.com", "url": "https://kompas.com/berita/0",
        "published": "2019-09-10T08:00:00+07:00", "language": "id", "title": "Berita",
        "paragraphs": ['"Jalan tol selesai," kata Joko Widodo.'],
        "quotes": [{"speaker": "Joko Widodo", "cue": "kata Joko Widodo", "text": "Jalan tol selesai"}],
        "entities": [["Joko Widodo", "PERSON", 1]],
    }  # fmt: skip
    with open_store(path) as store:
        store.input_state(INPUT, kind="jsonl", size=None)
        store.write([_row(spec)], finished_inputs=[INPUT])
        run_corpus_stage(store, copies=lambda _rows: [], stories=lambda _rows: [])
        return int(store.conn.execute("SELECT id FROM articles").fetchone()[0])


def test_attribution_is_stored_and_read(tmp_path: Path) -> None:
    article_id = build(tmp_path / "s.db")
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.row_factory = sqlite3.Row
    quotes = records.article(conn, article_id)["quotes"]
    assert [(q["speaker"], q["attribution"]) for q in quotes] == [("Joko Widodo", "named")]


def test_a_store_without_the_column_reads_none() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE quotes (id INTEGER PRIMARY KEY, speaker TEXT)")
    assert attribution_column(conn) == "NULL AS attribution"
    conn.execute("ALTER TABLE quotes ADD COLUMN attribution TEXT")
    assert attribution_column(conn) == "q.attribution"
