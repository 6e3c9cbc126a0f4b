"""A small store written in code for the paging tests: one person quoted more often than a page
holds, under two name forms, at three outlets, with a copy cluster at one outlet and one across
outlets. Built through the store's own writer, as tests/web/store_builder.py builds its fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.web.store_builder import _row
from warta.pipeline.corpus import run_corpus_stage
from warta.pipeline.dedup import CopyCluster
from warta.store.db import open_store

INPUT = "tests/paging.jsonl"
OUTLETS = ("kompas.com", "tempo.co", "liputan6.com")
ARTICLES = 12
QUOTES_EACH = 5
"""Joko Widodo's quotes: 12 × 5 = 60, more than the entity page's 50."""
JOKOWI_QUOTES = 4
"""Articles 0-3 quote him once more as "Pak Widodo" (another name form, which no alias list or declaration merges)."""


def spec(i: int) -> dict[str, Any]:
    """Article ``i``: five quotes by Joko Widodo (and one by "Pak Widodo" in the first four)."""
    outlet = OUTLETS[i % len(OUTLETS)]
    quotes = [{"speaker": "Joko Widodo", "cue": "kata Joko Widodo", "text": f"Kalimat {i}-{j} tentang istana di Papua"}
              for j in range(QUOTES_EACH)]
    if i < JOKOWI_QUOTES:
        quotes.append({"speaker": "Pak Widodo", "cue": "kata Pak Widodo", "text": f"Ucapan pendek {i} soal ibu kota"})
    entities: list[list[Any]] = []
    if i < 8:
        entities.append(["Joko Widodo", "PERSON", 2])
    if i >= 6:
        entities.append(["Pak Widodo", "PERSON", 1])
    return {
        "key": f"p{i:02d}",
        "outlet": outlet,
        "url": f"https://{outlet}/berita/{i}",
        # +08:00 (WITA) on even articles, +07:00 (WIB) on odd ones
        "published": f"2019-09-{10 + i // 6:02d}T{8 + i:02d}:00:00+0{8 - i % 2}:00",
        "language": "id",
        "title": f"Presiden bicara soal istana, bagian {i}",
        "paragraphs": [f'"{q["text"]}," {q["cue"]}.' for q in quotes] + [f"Paragraf penutup nomor {i}."],
        "quotes": quotes,
        "entities": entities,
    }


def build_paging_store(path: Path) -> dict[str, int]:
    """Write the store at ``path``; return the article ids by key (``p00`` … ``p11``)."""
    specs = [spec(i) for i in range(ARTICLES)]
    clusters = [
        # p00 and p03 are both at kompas.com: other versions at one outlet, not copies elsewhere
        CopyCluster(id="copy:same", members=["p00", "p03"], original_id="p00", original_outlet="kompas.com",
                    evidence="earliest", similarity={"p00": 1.0, "p03": 0.9}),
        # p01 and p04 at tempo.co, p02 at liputan6.com
        CopyCluster(id="copy:mixed", members=["p01", "p02", "p04"], original_id="p01", original_outlet="tempo.co",
                    evidence="earliest", similarity={"p01": 1.0, "p02": 0.9, "p04": 0.8}),
    ]
    with open_store(path) as store:
        store.input_state(INPUT, kind="jsonl", size=None)
        store.write([_row(s) for s in specs], finished_inputs=[INPUT])
        run_corpus_stage(store, copies=lambda _rows: clusters, stories=lambda _rows: [])
        ids = dict(store.conn.execute("SELECT key, id FROM articles").fetchall())
    return ids
