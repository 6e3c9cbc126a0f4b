"""Builds the explorer's test store from tests/fixtures/web/corpus.json through the store's own
writer (:meth:`warta.store.db.Store.write`) and corpus stage, with the copy clusters and stories
the fixture names (so the tests do not depend on the detectors' thresholds)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from warta.article import (
    Article,
    DateValue,
    Entity,
    Language,
    Paragraph,
    Quote,
    RelatedLink,
    join_paragraphs,
)
from warta.pipeline.corpus import run_corpus_stage
from warta.pipeline.dedup import CopyCluster, normalise_url, text_fingerprint
from warta.pipeline.stories import Story
from warta.store.db import open_store
from warta.store.rows import ArticleRow
from warta.store.tokens import index_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "corpus.json"
INPUT = "fixtures/web/corpus.json"


def _article(spec: dict[str, Any]) -> Article:
    paragraphs = [Paragraph(p) for p in spec["paragraphs"]]
    text = join_paragraphs(paragraphs)
    quotes = []
    for q in spec.get("quotes", []):
        start = text.index(q["text"])
        quotes.append(Quote(speaker=q["speaker"], cue=q["cue"], text=q["text"], start=start, end=start + len(q["text"]),
                            attribution=q.get("attribution", "named" if q["speaker"] else None)))
    return Article(
        title=spec["title"],
        paragraphs=paragraphs,
        text=text,
        url=spec["url"],
        site_name=spec.get("site_name"),
        published=DateValue(spec["published"], "meta"),
        language=Language(declared=spec["language"], detected=spec["language"], score=0.99),
        dateline=spec.get("dateline"),
        credit=spec.get("credit"),
        credit_outlet=spec.get("credit_outlet"),
        quotes=quotes,
        entities=[Entity(name=n, type=t, mentions=m) for n, t, m in spec.get("entities", [])],
        related_links=[RelatedLink(title=r["title"], url=r.get("url")) for r in spec.get("related_links", [])],
    )


def _row(spec: dict[str, Any]) -> ArticleRow:
    a = _article(spec)
    return ArticleRow(
        key=spec["key"],
        record_id=spec["key"],
        input=INPUT,
        article=a,
        url_norm=normalise_url(a.url),
        outlet=spec["outlet"],
        day=spec["published"][:10],
        lead=a.paragraphs[0].text[:400],
        word_count=len(a.text.split()),
        text_hash=text_fingerprint(a.text),
        title_index=index_text(a.title, spec["language"]),
        text_index=index_text(a.text, spec["language"]),
    )


def build_store(path: Path) -> dict[str, int]:
    """Write the fixture store at ``path``; return the article ids by fixture key."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    specs = {s["key"]: s for s in data["articles"]}
    clusters = [CopyCluster(**c) for c in data["copies"]]
    stories = []
    for s in data["stories"]:
        members = [specs[k] for k in s["members"]]
        outlets = sorted({m["outlet"] for m in members})
        times = sorted(m["published"] for m in members)
        stories.append(Story(id=s["id"], members=s["members"], outlets=outlets, outlet_count=len(outlets),
                             first=times[0], last=times[-1], label=s["label"]))
    with open_store(path) as store:
        store.input_state(INPUT, kind="jsonl", size=None)
        store.write([_row(s) for s in data["articles"]], finished_inputs=[INPUT])
        run_corpus_stage(store, copies=lambda _rows: clusters, stories=lambda _rows: stories)
        ids = dict(store.conn.execute("SELECT key, id FROM articles").fetchall())
    return ids
