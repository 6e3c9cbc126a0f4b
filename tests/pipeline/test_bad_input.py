"""Bad input and run-wide mistakes: a reject with its reason or a UsageError before anything is
created; never a dead run, never a silently lost or silently skipped input."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from warta.pipeline.base import Item, RunContext, Step
from warta.pipeline.preflight import UsageError
from warta.pipeline.readers import JsonlReader, WarcReader
from warta.pipeline.readers.base import InputKind, InputSpec
from warta.pipeline.readers.fields import clean_date, clean_outlet, clean_url
from warta.pipeline.run import RunOptions, run
from warta.pipeline.steps.keys import outlet_domain
from warta.store.db import open_store
from warta.store.queries import reconciliation

OPTS = RunOptions(workers=1, progress=False)
TEXT = " ".join(["Pemerintah kota mengumumkan rencana pembangunan jalan baru ke pelabuhan."] * 8)


def _spec(path: Path, kind: InputKind = "jsonl") -> InputSpec:
    return InputSpec(path=str(path), kind=kind, size=path.stat().st_size)


def _rejects(db: Path) -> dict[str, tuple[str, str]]:
    with open_store(db) as store:
        rows = store.conn.execute("SELECT key, reason, detail FROM rejects").fetchall()
    return {os.path.basename(k): (r, d) for k, r, d in rows}


def _balanced(db: Path) -> int:
    with open_store(db) as store:
        rec = reconciliation(store.conn)
    assert rec.balanced
    return rec.records


# -- item 1, 2: undecodable lines are rejects, the run goes on ------------------------------------
def test_invalid_utf8_and_deep_nesting_are_rejects_not_crashes(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"id":"u1","text":"teks \xff\xfe ' + TEXT.encode() + b'"}\n'
        + b"[" * 200_000 + b"]" * 200_000 + b"\n"
        + b'{"a":' * 5000 + b"1" + b"}" * 5000 + b"\n"
        + b'{"id":"ok","text":"' + TEXT.encode() + b'"}\n'
    )
    recs = list(JsonlReader().read(_spec(path)))
    assert [r.reject for r in recs] == ["invalid-jsonl", "invalid-jsonl", "invalid-jsonl", None]
    assert "utf-8" in (recs[0].detail or "") and "nested" in (recs[1].detail or "")
    db = tmp_path / "s.db"
    summary = run([str(path)], str(db), OPTS, log=io.StringIO())
    assert summary.records_new == 4 and summary.articles_new == 1 and _balanced(db) == 4


# -- JSONL fields: a wrong-typed optional field is dropped with a warning, the record kept --------
def test_jsonl_fields_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    lines = [
        {"id": "t", "title": [1, 2], "text": TEXT},
        {"id": {"x": 1}, "text": TEXT},
        {"id": "u", "url": 5, "text": TEXT},
        {"id": 7, "url": "javascript:alert(7)", "outlet": "kom\tpas", "published": "not a date", "text": TEXT},
        {"id": "e", "published": 1568073600, "url": "www.kompas.com/a", "text": TEXT},
        {"id": 1.0, "title": 2019, "outlet": ["a"], "text": TEXT},
        {"id": 2.5, "html": 5, "text": TEXT},
        {"id": "n", "html": {"x": 1}, "text": ["no"]},
        {"id": "m", "text": "  "},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    recs = list(JsonlReader().read(_spec(path)))
    assert [r.reject for r in recs] == [None] * 7 + ["invalid-jsonl", "empty-input"]
    assert recs[0].title is None and "title: dropped [1, 2], an array" in recs[0].warnings[0]
    assert recs[1].record_id == recs[1].key and "id: dropped {'x': 1}, an object" in recs[1].warnings[0]
    assert recs[2].url is None and "url: dropped 5, a number" in recs[2].warnings[0]
    odd = recs[3]
    assert odd.reject is None and odd.record_id == "7"
    assert (odd.url, odd.outlet, odd.published) == (None, None, None)
    assert len(odd.warnings) == 3 and any("javascript" in w for w in odd.warnings)
    epoch = recs[4]
    assert epoch.published == "2019-09-10T00:00:00+00:00" and epoch.url == "https://www.kompas.com/a"
    pandas = recs[5]  # pandas writes integer columns with gaps as floats
    assert (pandas.record_id, pandas.title, pandas.outlet) == ("1", "2019", None)
    assert pandas.warnings == ("outlet: dropped ['a'], an array, not a string", "title: the number 2019 read as text")
    assert recs[6].record_id == recs[6].key and recs[6].kind == "text" and len(recs[6].warnings) == 2
    assert "html: dropped {'x': 1}" in (recs[7].detail or "")
    assert "text: dropped ['no']" in (recs[7].detail or "")
    db = tmp_path / "s.db"
    summary = run([str(path)], str(db), OPTS, log=io.StringIO())
    assert (summary.articles_new, summary.rejects_new) == (7, 2)
    with open_store(db) as store:
        warnings, outlet = store.conn.execute(
            "SELECT a.warnings, o.domain FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
            " WHERE record_id = '7'"
        ).fetchone()
        title, kept = store.conn.execute("SELECT title, warnings FROM articles WHERE record_id = '1'").fetchone()
    assert "not a date" in warnings and outlet is None
    assert title == "2019" and "outlet: dropped" in kept


def test_field_cleaners() -> None:
    assert clean_date("9999-12-31", "d")[0] is None
    # A declared ISO 8601 date is kept from year 1000 on; reduced precision as given.
    assert clean_date("1987-06-01", "d") == ("1987-06-01", None)
    assert clean_date("1989-12-31T10:00:00Z", "d") == ("1989-12-31T10:00:00+00:00", None)
    assert clean_date("1000-01-01T00:00:00+07:00", "d")[0] == "1000-01-01T00:00:00+07:00"
    assert clean_date("2019-09", "d") == ("2019-09", None) and clean_date(" 2019 ", "d") == ("2019", None)
    for bad in ("0999-12-31", "0999", "2019-13", "2019-9", "19", 0):
        assert clean_date(bad, "d")[0] is None and "not a date" in (clean_date(bad, "d")[1] or "")
    now = datetime(2026, 11, 27, tzinfo=UTC)
    assert clean_date("2026-11", "d", now=now)[0] == "2026-11"
    assert "future" in (clean_date("2026-12", "d", now=now)[1] or "")
    assert "future" in (clean_date("2027", "d", now=now)[1] or "")
    assert clean_date("2100-01-01", "d")[1] is not None and "future" in (clean_date("2100-01-01", "d")[1] or "")
    assert clean_date("2019-09-10", "d") == ("2019-09-10", None)
    assert clean_date(True, "d")[0] is None
    assert clean_url("mailto:a@b.id", "u")[0] is None
    assert clean_url(" https://a.id/x ", "u") == ("https://a.id/x", None)
    assert clean_outlet(" tempo.co\r\n", "o") == ("tempo.co", None)
    assert clean_outlet("tem\rpo", "o")[0] is None
    assert outlet_domain("javascript:alert(7)") is None and outlet_domain("data:text/html,x") is None
    assert outlet_domain("kompas.com:8080/x") == "kompas.com"


# -- papercut: a WARC with nothing in it still accounts for the input ---------------------------
def test_warc_without_records_is_an_empty_input_reject(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    (rec,) = WarcReader().read(_spec(empty, "warc"))
    assert rec.reject == "empty-input" and rec.key.endswith("#empty")


# -- item 6: hooks that misbehave reject their record, naming the hook ---------------------------
@pytest.fixture
def hooks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    (tmp_path / "s8hooks.py").write_text(
        "calls = []\n"
        "def bad(a):\n    return 42\n"
        "def boom(a):\n    raise ValueError('nope')\n"
        "def ok(a):\n    a.extras = {**a.extras, 'hooked': True}\n    return a\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "s8hooks"
    sys.modules.pop("s8hooks", None)


def _opts(*hooks: str) -> RunOptions:
    return RunOptions(workers=1, progress=False, context=RunContext(enrichers=hooks))


def test_bad_hooks_reject_records_and_are_retried(tmp_path: Path, make_jsonl: Callable[..., Path],
                                                  rows: Callable[..., list[dict[str, Any]]], hooks: str) -> None:
    path = make_jsonl("a.jsonl", rows(3))
    db = tmp_path / "s.db"
    summary = run([str(path)], str(db), _opts(f"{hooks}:bad"), log=io.StringIO())
    assert summary.rejects_new == 3
    reason, detail = _rejects(db)["a.jsonl#1"]
    assert reason == "enrich-error" and detail == f"hook {hooks}:bad returned int 42, not an Article"
    log = io.StringIO()
    summary = run([str(path)], str(db), _opts(f"{hooks}:boom"), log=log)
    assert summary.records_redone == 3 and "retrying 3 records" in log.getvalue()
    assert _rejects(db)["a.jsonl#2"] == ("enrich-error", f"hook {hooks}:boom raised ValueError: nope")
    # --no-retry keeps them; the fixed hook then turns every reject into an article.
    kept = run([str(path)], str(db), RunOptions(workers=1, progress=False, retry=False), log=io.StringIO())
    assert kept.inputs_skipped == 1 and kept.records_redone == 0
    fixed = run([str(path)], str(db), _opts(f"{hooks}:ok"), log=io.StringIO())
    assert (fixed.records_new, fixed.records_redone, fixed.articles_new) == (0, 3, 3)
    assert _rejects(db) == {} and _balanced(db) == 3
    again = run([str(path)], str(db), _opts(f"{hooks}:ok"), log=io.StringIO())
    assert again.inputs_skipped == 1 and again.records_redone == 0


# -- item 7, 8, 10: run-wide mistakes are UsageErrors, before any store exists ----------------
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"workers": -1}, "--workers"),
        ({"workers": 0}, "--workers"),
        ({"batch_size": 0}, "--batch-size"),
        ({"context": RunContext(timeout=-1)}, "--timeout"),
        ({"context": RunContext(timeout=float("nan"))}, "--timeout"),
        ({"context": RunContext(max_bytes=0)}, "--max-mb"),
        ({"context": RunContext(enrichers=("nomod_s8:x",))}, "No module named"),
        ({"context": RunContext(enrichers=("notaspec",))}, "module:function"),
        ({"context": RunContext(enrichers=("os:sep",))}, "not a function"),
        ({"context": RunContext(enrichers=("os:getcwd",))}, "not one Article argument"),
        ({"context": RunContext(timeout=1e300)}, "--timeout must be at most 86400"),
        ({"context": RunContext(max_bytes=2**62)}, "--max-mb must be at most"),
        ({"format": "csv"}, "format"),
    ],
)
def test_bad_options_fail_before_the_store_exists(tmp_path: Path, make_jsonl: Callable[..., Path],
                                                  rows: Callable[..., list[dict[str, Any]]],
                                                  change: dict[str, Any], message: str) -> None:
    path = make_jsonl("a.jsonl", rows(1))
    db = tmp_path / "s.db"
    opts = RunOptions(**{"workers": 1, "progress": False, **change})
    with pytest.raises(UsageError, match=message):
        run([str(path)], str(db), opts, log=io.StringIO())
    assert not db.exists()


def test_missing_input_is_a_usage_error(tmp_path: Path, make_jsonl: Callable[..., Path],
                                        rows: Callable[..., list[dict[str, Any]]]) -> None:
    path = make_jsonl("a.jsonl", rows(1))
    db = tmp_path / "s.db"
    with pytest.raises(UsageError, match="does not exist"):
        run([str(path), str(tmp_path / "later.jsonl")], str(db), OPTS, log=io.StringIO())
    assert not db.exists()


def test_bad_store_and_export_paths(tmp_path: Path, make_jsonl: Callable[..., Path],
                                    rows: Callable[..., list[dict[str, Any]]]) -> None:
    path = str(make_jsonl("a.jsonl", rows(1)))
    garbage = tmp_path / "g.db"
    garbage.write_text("garbage\n")
    with pytest.raises(UsageError, match="not a SQLite database"):
        run([path], str(garbage), OPTS, log=io.StringIO())
    with pytest.raises(UsageError, match="is a directory"):
        run([path], str(tmp_path), OPTS, log=io.StringIO())
    afile = tmp_path / "afile"
    afile.write_text("x")
    db = tmp_path / "s.db"
    with pytest.raises(UsageError, match="not a directory"):
        run([path], str(db), RunOptions(workers=1, progress=False, out=str(afile)), log=io.StringIO())
    with pytest.raises(UsageError, match="the store's path"):
        run([path], str(db), RunOptions(workers=1, progress=False, out=str(db)), log=io.StringIO())
    assert not db.exists()
    with pytest.raises(UsageError, match="not a regular file"):
        run([path], os.devnull, OPTS, log=io.StringIO())


def test_ray_engine_without_ray(tmp_path: Path, make_jsonl: Callable[..., Path],
                                rows: Callable[..., list[dict[str, Any]]],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a))
    db = tmp_path / "s.db"
    with pytest.raises(UsageError, match="pip install"):
        run([str(make_jsonl("a.jsonl", rows(1)))], str(db), RunOptions(engine="ray"), log=io.StringIO())
    assert not db.exists()


# -- a done input that changed is read again from scratch -----------------------------------------
QUOTED = (
    "Kepala Dinas Pekerjaan Umum Kota Kendari, Budi Santoso, mengatakan anggaran sudah siap. "
    '"Pekerjaan dimulai bulan depan dan selesai akhir tahun," kata Budi Santoso kepada wartawan '
    "di Kendari, Senin (9/9/2019).\n\nPresiden Joko Widodo meninjau pelabuhan itu pekan lalu "
    "bersama Gubernur Ali Mazi. Warga Kendari menyambut baik rencana tersebut."
)


def _touch(path: Path) -> None:
    """A new modification time, as an editor gives (the file system's clock may be coarse)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def _ids(db: Path) -> dict[str, str]:
    """record_id → key of every stored article, and no row of any table hanging on a gone one."""
    with open_store(db) as store:
        conn = store.conn
        for table in ("quotes", "article_entities", "date_mentions", "cluster_members", "story_members"):
            sql = f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            assert conn.execute(sql).fetchone()[0] == 0, table
        assert conn.execute(
            "SELECT count(*) FROM entities WHERE id NOT IN (SELECT entity_id FROM article_entities)"
        ).fetchone()[0] == 0
        assert conn.execute(
            "SELECT count(*) FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles WHERE outlet_id IS NOT NULL)"
        ).fetchone()[0] == 0
        assert conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL AND duplicate_of NOT IN (SELECT id FROM articles)"
        ).fetchone()[0] == 0
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        (fts,) = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kendari'").fetchone()
        (quoted,) = conn.execute("SELECT count(*) FROM articles WHERE text LIKE '%Kendari%'").fetchone()
        assert fts == quoted
        return dict(conn.execute("SELECT record_id, key FROM articles").fetchall())


def test_changed_input_is_read_again_from_scratch(tmp_path: Path, make_jsonl: Callable[..., Path],
                                                  rows: Callable[..., list[dict[str, Any]]]) -> None:
    docs = rows(6)
    docs[2]["text"] = docs[3]["text"] = QUOTED  # quotes, entities, dates; doc-3 a text duplicate
    docs[3]["outlet"] = docs[2]["outlet"]
    other = make_jsonl("b.jsonl", [dict(rows(1, start=50)[0], text=QUOTED, outlet="antaranews.com")])
    path = make_jsonl("a.jsonl", docs)
    db = tmp_path / "s.db"
    first = run([str(path), str(other)], str(db), OPTS, log=io.StringIO())
    assert first.corpus.text_duplicates == 1 and first.corpus.copies >= 1
    with open_store(db) as store:
        assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0
    # A line deleted: keys shift. Every other record is kept, nothing is a stale duplicate.
    make_jsonl("a.jsonl", docs[:2] + docs[3:])
    _touch(path)
    log = io.StringIO()
    summary = run([str(path), str(other)], str(db), OPTS, log=log)
    assert "changed since it was read" in log.getvalue() and "6 stored records were removed" in log.getvalue()
    assert (summary.inputs_changed, summary.inputs_skipped, summary.records_forgotten) == (1, 1, 6)
    assert (summary.records_new, summary.records_redone, summary.articles_new, summary.rejects_new) == (0, 5, 5, 0)
    stored = _ids(db)
    assert sorted(stored) == ["doc-0", "doc-1", "doc-3", "doc-4", "doc-5", "doc-50"]
    assert stored["doc-3"].endswith("a.jsonl#3") and _balanced(db) == 6
    assert _rejects(db) == {}
    # Two lines swapped (same size, new time): both kept, under their new positions.
    make_jsonl("a.jsonl", [docs[1], docs[0], *docs[3:]])
    _touch(path)
    summary = run([str(path), str(other)], str(db), OPTS, log=io.StringIO())
    assert summary.inputs_changed == 1 and summary.records_redone == 5
    stored = _ids(db)
    assert stored["doc-1"].endswith("#1") and stored["doc-0"].endswith("#2") and _balanced(db) == 6
    with open_store(db) as store:  # the corpus stage found the duplicate and the copy again
        kinds = dict(store.conn.execute("SELECT record_id, duplicate_kind FROM articles").fetchall())
    assert kinds["doc-3"] is None and kinds["doc-50"] == "copy"
    assert run([str(path), str(other)], str(db), OPTS, log=io.StringIO()).inputs_skipped == 2


def test_record_id_freed_by_a_changed_input_is_retried(
    tmp_path: Path, make_jsonl: Callable[..., Path], rows: Callable[..., list[dict[str, Any]]]
) -> None:
    docs = rows(3)
    a = make_jsonl("a.jsonl", docs)
    b = make_jsonl("b.jsonl", [dict(rows(1, start=9)[0], id="doc-1")])  # b's record reuses an id
    db = tmp_path / "s.db"
    run([str(a), str(b)], str(db), OPTS, log=io.StringIO())
    assert _rejects(db)["b.jsonl#1"][0] == "duplicate-record-id"
    make_jsonl("a.jsonl", [docs[0], docs[2]])
    _touch(a)
    summary = run([str(a), str(b)], str(db), OPTS, log=io.StringIO())
    assert (summary.records_redone, summary.articles_new, summary.rejects_new) == (3, 3, 0)
    assert _rejects(db) == {} and _ids(db)["doc-1"].endswith("b.jsonl#1") and _balanced(db) == 3


class _Interrupt(Step):
    """Stops the run (as Ctrl-C does) on the record at one key suffix."""

    name = "interrupt"

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix

    def process(self, item: Item, ctx: RunContext) -> Item:
        if item.record.key.endswith(self.suffix):
            raise KeyboardInterrupt
        return item


def test_killed_re_read_resumes(tmp_path: Path, make_jsonl: Callable[..., Path],
                                rows: Callable[..., list[dict[str, Any]]]) -> None:
    from warta.pipeline.steps import default_steps

    docs = rows(5)
    path = make_jsonl("a.jsonl", docs)
    db = tmp_path / "s.db"
    run([str(path)], str(db), OPTS, log=io.StringIO())
    make_jsonl("a.jsonl", docs[1:])
    _touch(path)
    opts = RunOptions(workers=1, progress=False, batch_size=1)
    with pytest.raises(KeyboardInterrupt):
        run([str(path)], str(db), opts, steps=[*default_steps(), _Interrupt("#3")], log=io.StringIO())
    assert sorted(_ids(db)) == ["doc-1", "doc-2"] and _balanced(db) == 2
    summary = run([str(path)], str(db), opts, log=io.StringIO())
    assert (summary.inputs_changed, summary.records_skipped, summary.records_new) == (0, 2, 2)
    assert sorted(_ids(db)) == ["doc-1", "doc-2", "doc-3", "doc-4"] and _balanced(db) == 4
    # Changed again after the kill: read from scratch once more.
    make_jsonl("a.jsonl", docs[:2])
    _touch(path)
    with pytest.raises(KeyboardInterrupt):
        run([str(path)], str(db), opts, steps=[*default_steps(), _Interrupt("#2")], log=io.StringIO())
    make_jsonl("a.jsonl", docs[:3])
    _touch(path)
    summary = run([str(path)], str(db), opts, log=io.StringIO())
    assert summary.inputs_changed == 1 and sorted(_ids(db)) == ["doc-0", "doc-1", "doc-2"]
    assert _balanced(db) == 3


# -- item 11: one file under several spellings is one input --------------------------------------
def test_path_spellings_are_one_input(tmp_path: Path, make_jsonl: Callable[..., Path],
                                      rows: Callable[..., list[dict[str, Any]]],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    path = make_jsonl("in/a.jsonl", rows(3))
    (tmp_path / "link.jsonl").symlink_to(path)
    monkeypatch.chdir(tmp_path / "in")
    db = tmp_path / "s.db"
    spellings = ["a.jsonl", "./a.jsonl", "../in/a.jsonl", str(path), str(tmp_path / "link.jsonl")]
    summary = run(spellings, str(db), OPTS, log=io.StringIO())
    assert summary.inputs == 1 and summary.records_new == 3
    again = run(["../in/a.jsonl"], str(db), OPTS, log=io.StringIO())
    assert again.inputs_skipped == 1 and _balanced(db) == 3


def test_old_store_with_relative_paths_is_resumed_not_reread(
    tmp_path: Path, make_jsonl: Callable[..., Path], rows: Callable[..., list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stores written before kept paths as given; such an entry still names its file."""
    from warta.pipeline.base import run_steps
    from warta.pipeline.readers import reader_for
    from warta.pipeline.steps import default_steps

    make_jsonl("a.jsonl", rows(3))
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "s.db"
    old = InputSpec(path="a.jsonl", kind="jsonl", size=(tmp_path / "a.jsonl").stat().st_size)
    with open_store(db) as store:  # what an older run left: relative keys, done
        store.input_state(old.path, kind=old.kind, size=old.size)
        store.write(run_steps(list(reader_for(old).read(old)), default_steps(), RunContext()),
                    finished_inputs=[old.path])
    summary = run([str(tmp_path / "a.jsonl")], str(db), OPTS, log=io.StringIO())
    assert summary.inputs_skipped == 1 and summary.records_new == 0
    with open_store(db) as store:
        assert store.conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == 1
    assert _balanced(db) == 3


# -- papercuts: summary counts as the store keeps them; empty folders warned ---------------------
def test_summary_counts_record_id_rejects_as_rejects(tmp_path: Path, make_jsonl: Callable[..., Path],
                                                     rows: Callable[..., list[dict[str, Any]]]) -> None:
    docs = rows(3)
    path = make_jsonl("a.jsonl", [*docs, dict(docs[0], url="https://tempo.co/other")])
    db = tmp_path / "s.db"
    summary = run([str(path)], str(db), OPTS, log=io.StringIO())
    assert (summary.records_new, summary.articles_new, summary.rejects_new) == (4, 3, 1)
    assert _rejects(db)["a.jsonl#4"][0] == "duplicate-record-id"


def test_empty_folder_is_warned(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    log = io.StringIO()
    summary = run([str(tmp_path / "empty")], str(tmp_path / "s.db"), OPTS, log=log)
    assert summary.inputs == 0 and "no input files under" in log.getvalue()


def test_symlinked_input_is_read_by_its_own_name(tmp_path: Path, make_jsonl: Callable[..., Path],
                                                 rows: Callable[..., list[dict[str, Any]]]) -> None:
    """Content-addressed stores keep blobs under hash names; the kind comes from the link."""
    (tmp_path / "blobs").mkdir()
    blob = make_jsonl("blobs/abc123", rows(3))
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "news.jsonl").symlink_to(blob)
    (tmp_path / "alias").symlink_to(tmp_path / "linked")
    log = io.StringIO()
    db = tmp_path / "s.db"
    summary = run([str(tmp_path / "alias")], str(db), OPTS, log=log)
    assert "no input files" not in log.getvalue()
    assert (summary.inputs, summary.articles_new, summary.rejects_new) == (1, 3, 0)
    with open_store(db) as store:  # the ledger keys the file by its resolved path
        assert store.conn.execute("SELECT path, kind FROM inputs").fetchall() == [(os.path.realpath(blob), "jsonl")]
    again = run([str(tmp_path / "linked" / "news.jsonl")], str(db), OPTS, log=io.StringIO())
    assert again.inputs_skipped == 1 and _balanced(db) == 3


def test_store_from_before_mtimes_is_migrated_and_compared_by_size(
    tmp_path: Path, make_jsonl: Callable[..., Path], rows: Callable[..., list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import warta.store.migrations as migrations
    from warta.store.schema import MIGRATIONS

    path = make_jsonl("a.jsonl", rows(2))
    db = tmp_path / "s.db"
    from warta.pipeline.base import run_steps
    from warta.pipeline.readers import expand_inputs, reader_for
    from warta.pipeline.steps import default_steps

    (spec,) = expand_inputs([str(path)])
    with monkeypatch.context() as m:  # what an older warta left: no inputs.mtime_ns, input done
        # (the migrations after 5 are kept: today's writer fills their columns)
        m.setattr(migrations, "MIGRATIONS", tuple(x for x in MIGRATIONS if x[0] not in (4, 5)))
        with open_store(db) as store:
            columns = {r[1] for r in store.conn.execute("PRAGMA table_info(inputs)")}
            store.input_state(spec.path, kind=spec.kind, size=spec.size)
            records = list(reader_for(spec).read(spec))
            store.write(run_steps(records, default_steps(), RunContext()), finished_inputs=[spec.path])
        assert "mtime_ns" not in columns
    # This run migrates: same size → skipped, and the time is recorded from now on.
    assert run([str(path)], str(db), OPTS, log=io.StringIO()).inputs_skipped == 1
    with open_store(db) as store:
        (mtime,) = store.conn.execute("SELECT mtime_ns FROM inputs").fetchone()
    assert mtime == path.stat().st_mtime_ns
