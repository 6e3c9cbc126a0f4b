"""``warta run`` end to end: nothing lost, idempotent, corpus stage, exports, stats."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from warta.cli.main import main
from warta.pipeline.readers.warc import warc_response
from warta.pipeline.run import RunOptions, run
from warta.store.db import open_store
from warta.store.queries import reconciliation, snapshot

OPTS = RunOptions(workers=1, progress=False)


def same_title_copies(docs: Iterable[dict[str, Any]]) -> list[Any]:
    """Stand-in copy finder: documents with the same title are copies; earliest is original."""
    by_title: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        by_title.setdefault(d["title"] or "", []).append(d)
    out = []
    for title, group in sorted(by_title.items()):
        if len(group) > 1:
            first = min(group, key=lambda d: (d["published"] or "", d["id"]))
            out.append(SimpleNamespace(
                id=f"t-{title}", members=sorted(d["id"] for d in group), original_id=first["id"],
                original_outlet=first["outlet"], evidence="earliest",
                similarity={d["id"]: 1.0 for d in group},
            ))
    return out


def one_story_per_day(docs: Iterable[dict[str, Any]]) -> list[Any]:
    """Stand-in story grouper: one story per publication day."""
    days: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        days.setdefault((d["published"] or "?")[:10], []).append(d)
    return [
        SimpleNamespace(id=f"s-{day}", members=[d["id"] for d in ds], outlet_count=len({d["outlet"] for d in ds}),
                        first=day, last=day, label=ds[0]["title"])
        for day, ds in sorted(days.items())
    ]


@pytest.fixture
def corpus(tmp_path: Path, make_jsonl, rows, seed_text: str) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Inputs of every kind, good and bad; returns the paths and the number of input records."""
    good = rows(8)
    url_dup = dict(good[1], id="dup-url", url=good[1]["url"] + "?utm_source=x")
    text_dup = dict(good[2], id="dup-text", url=good[2]["url"] + "-2")
    copy = dict(good[3], id="copy", outlet="sindonews.com", url="https://sindonews.com/x/1",
                published="2019-09-11T23:00:00+07:00")
    id_dup = dict(good[4], url="https://tempo.co/other")
    jsonl = make_jsonl("news.jsonl", [*good, "{broken", url_dup, text_dup, copy, id_dup])
    html = (b"<html><head><title>Jembatan baru</title></head><body><article>"
            + b"".join(f"<p>{p}</p>".encode() for p in seed_text.split("\n\n")[4:12])
            + b"</article></body></html>")
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(
        warc_response("https://prokalteng.co/a", html, record_id="w1")
        + warc_response("https://prokalteng.co/f.pdf", b"%PDF-1.5 x", record_id="w2", content_type="application/pdf")
        + warc_response("https://prokalteng.co/b", html, record_id="w3")[:-80]
    )
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a warc file\n" * 20)
    # records: 13 JSONL lines, 3 WARC responses, 1 page, 1 unreadable input
    return [str(jsonl), str(warc), str(folder), str(junk)], 13 + 3 + 1 + 1


def test_every_record_is_accounted_for(tmp_path: Path, corpus: tuple[list[str], int]) -> None:
    inputs, n_records = corpus
    db = tmp_path / "s.db"
    summary = run(inputs, str(db), OPTS, copies=same_title_copies, stories=one_story_per_day)
    assert summary.records_new == n_records
    with open_store(db) as store:
        rec = reconciliation(store.conn)
        reasons = rec.rejects_by_reason
        by_key = dict(store.conn.execute("SELECT record_id, status || ':' || coalesce(duplicate_kind, '') FROM articles"))
    assert rec.balanced and rec.records == n_records
    for reason in ("invalid-jsonl", "duplicate-record-id", "non-html", "truncated", "unreadable"):
        assert reason in reasons, reasons
    assert by_key["dup-url"] == "duplicate:url"
    assert by_key["dup-text"] == "duplicate:text"
    assert by_key["copy"] == "duplicate:copy" and by_key["doc-3"] == "article:"
    assert summary.corpus.copy_clusters == 1
    assert summary.corpus.stories == 5  # 3 publication days, the WARC fetch day, no date


def test_second_run_changes_nothing(tmp_path: Path, corpus: tuple[list[str], int]) -> None:
    inputs, _ = corpus
    db = str(tmp_path / "s.db")
    run(inputs, db, OPTS, copies=same_title_copies, stories=one_story_per_day)
    with open_store(db) as store:
        before = snapshot(store.conn)
    again = run(inputs, db, OPTS, copies=same_title_copies, stories=one_story_per_day)
    assert again.records_new == 0 and again.inputs_skipped == again.inputs
    with open_store(db) as store:
        assert snapshot(store.conn) == before


def test_partial_input_resumes_by_key(tmp_path: Path, make_jsonl, rows) -> None:  # type: ignore[no-untyped-def]
    path = make_jsonl("a.jsonl", rows(6))
    db = str(tmp_path / "s.db")
    full = str(tmp_path / "full.db")
    run([str(path)], full, OPTS, copies=same_title_copies, stories=one_story_per_day)
    # A run that stopped after the first batch: the ledger is not done, 2 records stored.
    opts = RunOptions(workers=1, progress=False, batch_size=2)
    with open_store(db) as store:
        from warta.pipeline.base import RunContext, run_steps
        from warta.pipeline.readers import expand_inputs, reader_for
        from warta.pipeline.steps import default_steps

        spec = expand_inputs([str(path)])[0]
        store.input_state(spec.path, kind=spec.kind, size=spec.size)
        first = list(reader_for(spec).read(spec))[:2]
        store.write(run_steps(first, default_steps(), RunContext()))
    summary = run([str(path)], db, opts, copies=same_title_copies, stories=one_story_per_day)
    assert summary.records_skipped == 2 and summary.records_new == 4
    with open_store(db) as a, open_store(full) as b:
        assert snapshot(a.conn) == snapshot(b.conn)


def test_exports_load_as_they_are(tmp_path: Path, corpus: tuple[list[str], int]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    inputs, _ = corpus
    db = str(tmp_path / "s.db")
    for fmt in ("jsonl", "parquet"):
        opts = RunOptions(workers=1, progress=False, out=str(tmp_path / fmt), format=fmt)
        run(inputs, db, opts, copies=same_title_copies, stories=one_story_per_day)
    with open_store(db) as store:
        n_articles = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_rejects = store.conn.execute("SELECT count(*) FROM rejects").fetchone()[0]
    lines = (tmp_path / "jsonl" / "articles.jsonl").read_text().splitlines()
    assert len(lines) == n_articles and json.loads(lines[0])["text"]
    table = pq.read_table(tmp_path / "parquet" / "articles.parquet")
    assert table.num_rows == n_articles
    assert set(table.column("status").to_pylist()) == {"article", "duplicate"}
    assert table.schema.field("quality").type.num_fields > 20
    assert pq.read_table(tmp_path / "parquet" / "rejects.parquet").num_rows == n_rejects


def test_stats_command_prints_the_reconciliation(tmp_path: Path, corpus: tuple[list[str], int], capsys) -> None:  # type: ignore[no-untyped-def]
    inputs, n = corpus
    db = str(tmp_path / "s.db")
    run(inputs, db, OPTS, copies=same_title_copies, stories=one_story_per_day)
    assert main(["stats", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"records      {n}" in out and "every record accounted for" in out
    assert "invalid-jsonl" in out and "kompas.com" in out
    assert main(["stats", "--db", db, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["balanced"] and data["records"] == n


def test_default_corpus_stage_finds_a_cross_outlet_copy(tmp_path: Path, make_jsonl, rows) -> None:  # type: ignore[no-untyped-def]
    docs = rows(6)
    copy = dict(docs[0], id="copy", outlet="sindonews.com", url="https://sindonews.com/c",
                title="Judul lain", published="2019-09-10T12:00:00+07:00")
    path = make_jsonl("c.jsonl", [*docs, copy])
    db = str(tmp_path / "s.db")
    summary = run([str(path)], db, OPTS, log=io.StringIO())
    assert summary.corpus.copies == 1
    with open_store(db) as store:
        status, kind, original = store.conn.execute(
            "SELECT a.status, a.duplicate_kind, d.record_id FROM articles a"
            " JOIN articles d ON d.id = a.duplicate_of WHERE a.record_id = 'copy'"
        ).fetchone()
    assert (status, kind, original) == ("duplicate", "copy", "doc-0")


def test_run_command(tmp_path: Path, make_jsonl, rows, capsys) -> None:  # type: ignore[no-untyped-def]
    path = make_jsonl("c.jsonl", [*rows(3), "{broken"])
    db = str(tmp_path / "s.db")
    status = main(["run", str(path), "--db", db, "--quiet", "--workers", "1", "--out", str(tmp_path / "o")])
    assert status == 0
    err = capsys.readouterr().err
    assert "4 records = 3 articles + 0 duplicates + 1 rejects (every record accounted for)" in err
    assert (tmp_path / "o" / "articles.jsonl").exists() and (tmp_path / "o" / "rejects.jsonl").exists()


def test_copy_whose_original_is_outside_the_corpus(tmp_path: Path, make_jsonl, rows) -> None:  # type: ignore[no-untyped-def]
    docs = rows(3)
    late = dict(docs[0], id="late", outlet="sindonews.com", url="https://sindonews.com/l", published="2019-09-12T08:00:00+07:00")

    def credited_elsewhere(cands: Iterable[dict[str, Any]]) -> list[Any]:
        ids = sorted(d["id"] for d in cands if d["title"] == docs[0]["title"])
        return [SimpleNamespace(id="x", members=ids, original_id=None, original_outlet="antaranews.com",
                                evidence="credit", similarity={}) ]

    path = make_jsonl("c.jsonl", [late, *docs])
    db = str(tmp_path / "s.db")
    run([str(path)], db, OPTS, copies=credited_elsewhere, stories=one_story_per_day)
    with open_store(db) as store:
        cluster = store.conn.execute(
            "SELECT id, original_id, original_outlet, evidence, size FROM clusters").fetchone()
        kept = store.conn.execute("SELECT record_id FROM articles WHERE status = 'article' AND cluster_id = 'copy:x'").fetchall()
    assert cluster == ("copy:x", None, "antaranews.com", "credit", 2)
    assert kept == [("doc-0",)]  # the earliest member stays the article
