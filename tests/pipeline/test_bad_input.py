"""Bad input and run-wide mistakes: a reject with its reason or a UsageError before anything is
created; never a dead run, never a silently lost or silently skipped input."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from warta.pipeline.base import RunContext
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


# -- JSONL fields: wrong types rejected, implausible values dropped with a warning --------------
def test_jsonl_fields_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    lines = [
        {"id": "t", "title": [1, 2], "text": TEXT},
        {"id": {"x": 1}, "text": TEXT},
        {"id": "u", "url": 5, "text": TEXT},
        {"id": 7, "url": "javascript:alert(7)", "outlet": "kom\tpas", "published": "not a date", "text": TEXT},
        {"id": "e", "published": 1568073600, "url": "www.kompas.com/a", "text": TEXT},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    recs = list(JsonlReader().read(_spec(path)))
    assert [r.reject for r in recs[:3]] == ["invalid-jsonl"] * 3
    assert "'title' is an array" in (recs[0].detail or "")
    assert "'id' is an object" in (recs[1].detail or "")
    assert "'url' is a number" in (recs[2].detail or "")
    odd = recs[3]
    assert odd.reject is None and odd.record_id == "7"
    assert (odd.url, odd.outlet, odd.published) == (None, None, None)
    assert len(odd.warnings) == 3 and any("javascript" in w for w in odd.warnings)
    epoch = recs[4]
    assert epoch.published == "2019-09-10T00:00:00+00:00" and epoch.url == "https://www.kompas.com/a"
    db = tmp_path / "s.db"
    run([str(path)], str(db), OPTS, log=io.StringIO())
    with open_store(db) as store:
        warnings, outlet = store.conn.execute(
            "SELECT a.warnings, o.domain FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
            " WHERE record_id = '7'"
        ).fetchone()
    assert "not a date" in warnings and outlet is None


def test_field_cleaners() -> None:
    assert clean_date("9999-12-31", "d")[0] is None
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
    assert not db.exists()


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


# -- item 9: a done input that changed is read again -------------------------------------------
def test_changed_input_is_read_again(tmp_path: Path, make_jsonl: Callable[..., Path],
                                     rows: Callable[..., list[dict[str, Any]]]) -> None:
    path = make_jsonl("a.jsonl", rows(3))
    db = tmp_path / "s.db"
    run([str(path)], str(db), OPTS, log=io.StringIO())
    make_jsonl("a.jsonl", rows(5))  # grew by two records
    log = io.StringIO()
    summary = run([str(path)], str(db), OPTS, log=log)
    assert "changed since it was read" in log.getvalue()
    assert (summary.inputs_changed, summary.records_new, summary.records_redone) == (1, 2, 3)
    assert _balanced(db) == 5
    # Same size, new content, new time: still read again (the record at line 1 is updated).
    text = path.read_text(encoding="utf-8").replace("Berita nomor 0", "Berita nomor X")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    summary = run([str(path)], str(db), OPTS, log=io.StringIO())
    assert summary.inputs_changed == 1 and summary.records_redone == 5
    with open_store(db) as store:
        titles = {t for (t,) in store.conn.execute("SELECT title FROM articles")}
    assert "Berita nomor X tentang kota" in titles and _balanced(db) == 5
    assert run([str(path)], str(db), OPTS, log=io.StringIO()).inputs_skipped == 1


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
        m.setattr(migrations, "MIGRATIONS", MIGRATIONS[:3])
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
