"""A changed input read again keeps its articles' place as originals: the exact-duplicate
representative is chosen by input order (the ledger's) and position, not by article id, which a
re-read input gets anew after every other input's."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from pathlib import Path

from warta.pipeline.run import RunOptions, run
from warta.store.db import open_store

OPTS = RunOptions(workers=1, progress=False)
BODIES = [
    "Pemerintah kota meresmikan jembatan baru di atas sungai pada Senin pagi, disaksikan ratusan "
    "warga yang menunggu sejak subuh.",
    "Harga beras di pasar induk naik dua kali dalam sepekan karena pasokan dari sentra produksi "
    "di pantai utara berkurang.",
    "Tim nasional bulu tangkis berangkat ke Jepang untuk turnamen terbuka dengan sembilan pemain "
    "muda dan dua pelatih baru.",
    "Hujan deras sejak sore merendam ratusan rumah di tepi kali, dan warga mengungsi ke balai "
    "kelurahan yang dijaga petugas.",
]


def _write(path: Path, prefix: str, n: int) -> None:
    lines = [
        json.dumps(
            {
                "id": f"{prefix}{i}",
                "url": f"https://kota.example/berita/{i}",
                "text": BODIES[i],
            }
        )
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _statuses(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT record_id, status FROM articles").fetchall())
    finally:
        conn.close()


def test_a_reread_input_keeps_its_originals(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write(a, "a", 4)
    _write(b, "b", 4)  # the same URLs: URL duplicates of a's records
    db = tmp_path / "s.db"
    run([str(a), str(b)], str(db), OPTS)
    before = _statuses(db)
    assert [s for r, s in before if r.startswith("a")] == ["article"] * 4
    stat = a.stat()
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # "touched": read again
    run([str(a), str(b)], str(db), OPTS)
    assert _statuses(db) == before
    clean = tmp_path / "clean.db"
    run([str(a), str(b)], str(clean), OPTS)
    assert _statuses(clean) == before


def test_an_input_gone_from_disk_is_named_and_its_records_kept(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write(a, "a", 2)
    _write(b, "b", 1)
    db = tmp_path / "s.db"
    run([str(a), str(b)], str(db), OPTS)
    a.unlink()
    log = io.StringIO()
    run([str(b)], str(db), OPTS, log=log)
    assert "1 input(s) read before no longer exist" in log.getvalue() and str(a) in log.getvalue()
    assert [r for r, _ in _statuses(db)] == ["a0", "a1", "b0"]


def test_float_ids_beyond_exact_integers_are_dropped_not_merged(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    rows = [
        {"id": 9007199254740993.0, "text": BODIES[0]},
        {"id": 9007199254740992, "text": BODIES[1]},
        {"id": 7.0, "text": BODIES[2]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.db"
    summary = run([str(path)], str(db), OPTS)
    assert summary.rejects_new == 0
    ids = [r for r, _ in _statuses(db)]
    assert "9007199254740992" in ids and "7" in ids and len(ids) == 3


def test_a_file_given_under_a_name_of_another_kind_is_read_as_that_kind(tmp_path: Path) -> None:
    blob = tmp_path / "blobs" / "abc123"
    blob.parent.mkdir()
    _write(blob, "a", 3)
    db = tmp_path / "s.db"
    run([str(blob)], str(db), OPTS)  # no extension: one page (a JSON Lines file: refused)
    assert _statuses(db) == []
    link = tmp_path / "news.jsonl"
    link.symlink_to(blob)
    run([str(link)], str(db), OPTS)
    assert [r for r, _ in _statuses(db)] == ["a0", "a1", "a2"]


def test_a_touched_input_is_not_read_again_but_a_same_size_edit_is(tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    _write(a, "a", 3)
    db = tmp_path / "s.db"
    run([str(a)], str(db), OPTS)
    stat = a.stat()
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touch: same bytes
    summary = run([str(a)], str(db), OPTS)
    assert summary.inputs_changed == 0 and summary.records_new == 0
    edited = a.read_text(encoding="utf-8").replace("Harga beras", "Harga garam")
    assert len(edited) == stat.st_size
    a.write_text(edited, encoding="utf-8")
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2 * 10**9))
    summary = run([str(a)], str(db), OPTS)
    assert summary.inputs_changed == 1
    conn = sqlite3.connect(db)
    try:
        assert (
            conn.execute(
                "SELECT count(*) FROM articles WHERE text LIKE '%Harga garam%'"
            ).fetchone()[0]
            == 1
        )
    finally:
        conn.close()


def test_forgetting_an_input_keeps_the_corpus_results_of_the_others(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    rows_a = [{"id": "a0", "url": "https://kota.example/0", "text": BODIES[0]}]
    rows_b = [
        {"id": "b0", "url": "https://kota.example/0", "text": BODIES[0]},  # duplicate of a0
        {"id": "b1", "url": "https://kota.example/1", "text": BODIES[1]},
        {"id": "b2", "url": "https://kota.example/1", "text": BODIES[1]},  # duplicate of b1
    ]
    a.write_text("".join(json.dumps(r) + "\n" for r in rows_a), encoding="utf-8")
    b.write_text("".join(json.dumps(r) + "\n" for r in rows_b), encoding="utf-8")
    db = tmp_path / "s.db"
    run([str(a), str(b)], str(db), OPTS)
    assert dict(_statuses(db)) == {
        "a0": "article",
        "b0": "duplicate",
        "b1": "article",
        "b2": "duplicate",
    }
    with open_store(db) as store:
        store.forget_input(str(a.resolve()), size=None, mtime_ns=None)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        dangling = conn.execute(
            "SELECT count(*) FROM articles x WHERE (x.duplicate_of IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM articles y WHERE y.id = x.duplicate_of)) OR (x.cluster_id IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = x.cluster_id)) OR (x.story_id"
            " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = x.story_id))"
        ).fetchone()[0]
        assert dangling == 0
        assert (
            conn.execute(
                "SELECT count(*) FROM cluster_members m WHERE NOT EXISTS"
                " (SELECT 1 FROM articles x WHERE x.id = m.article_id)"
            ).fetchone()[0]
            == 0
        )
    finally:
        conn.close()
    # b0 lost its original: a plain article until the next corpus stage; b1/b2 are untouched
    assert dict(_statuses(db)) == {"b0": "article", "b1": "article", "b2": "duplicate"}
