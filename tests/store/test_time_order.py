"""The store orders by publication instant: a copy cluster's original and its members, a story's
members and first-seen time, an exact duplicate's kept record; and a cluster tells copies at
other outlets from other versions at the same outlet."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator

import pytest

from warta.pipeline.run import RunOptions, run
from warta.store.migrations import migrate
from warta.store.readonly import connect_readonly, fetch_all, fetch_one
from warta.store.records import cluster, story

WORDS = "pemerintah presiden menteri kota warga jalan banjir sekolah harga beras pasar polisi desa gubernur rapat anggaran proyek rumah sakit pasien dokter petani panen hujan".split()


def _body(seed: int, edit: int = 0) -> str:
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(240)]
    for i in range(edit):  # a lightly edited version: a few words changed
        words[10 + 40 * i] = "diperbarui"
    return "\n\n".join(" ".join(words[i : i + 30]).capitalize() + "." for i in range(0, 240, 30))


# record id → (url, published, body); "kp-a" (09:00 WITA = 01:00 UTC) is first although its
# text sorts after "kompas" (08:30 WIB = 01:30 UTC); "jubi" has a date alone: last.
RECORDS = {
    "kompas": ("https://kompas.com/read/banjir", "2019-09-10T08:30:00+07:00", _body(1, 1)),
    "kp-a": ("https://kaltimpost.co.id/banjir", "2019-09-10T09:00:00+08:00", _body(1)),
    "kp-b": ("https://kaltimpost.co.id/banjir-update", "2019-09-10T11:00:00+08:00", _body(1, 2)),
    "jubi": ("https://jubi.co.id/banjir", "2019-09-10", _body(1, 3)),
    # one URL read twice: the kept record is the earlier instant, not the smaller text
    "tempo-1": ("https://tempo.co/pasar", "2019-09-10T08:30:00+07:00", _body(2)),
    "tempo-2": ("https://tempo.co/pasar", "2019-09-10T09:00:00+08:00", _body(2, 1)),
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    tmp = tmp_path_factory.mktemp("order")
    path = tmp / "in.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": k, "url": u, "published": p, "title": "Banjir rendam pasar kota", "text": t}) + "\n"
            for k, (u, p, t) in RECORDS.items()
        ),
        encoding="utf-8",
    )
    db = str(tmp / "s.db")
    run([str(path)], db, RunOptions(workers=1, progress=False))
    c = connect_readonly(db)
    yield c
    c.close()


def _id(conn: sqlite3.Connection, record_id: str) -> int:
    row = fetch_one(conn, "SELECT id FROM articles WHERE record_id = ?", (record_id,))
    assert row is not None
    return int(row["id"])


def _copy_cluster(conn: sqlite3.Connection) -> dict:
    row = fetch_one(conn, "SELECT cluster_id FROM articles WHERE record_id = 'kompas'")
    assert row is not None and row["cluster_id"]
    found = cluster(conn, row["cluster_id"])
    assert found is not None
    return found


def test_the_original_is_the_earliest_instant_and_members_follow_in_time_order(conn: sqlite3.Connection) -> None:
    c = _copy_cluster(conn)
    assert c["evidence"] == "earliest"
    assert c["original_id"] == _id(conn, "kp-a")
    assert [m["record_id"] for m in c["members"]] == ["kp-a", "kompas", "kp-b", "jubi"]


def test_a_cluster_counts_outlets_and_flags_same_outlet_versions(conn: sqlite3.Connection) -> None:
    c = _copy_cluster(conn)
    assert c["outlet_count"] == 3
    same = {m["record_id"]: m["same_outlet"] for m in c["members"]}
    assert same == {"kp-a": True, "kp-b": True, "kompas": False, "jubi": False}


def test_a_story_is_first_seen_at_its_earliest_instant(conn: sqlite3.Connection) -> None:
    row = fetch_one(conn, "SELECT story_id FROM articles WHERE record_id = 'kompas'")
    assert row is not None
    s = story(conn, row["story_id"])
    assert s["first_seen"] == "2019-09-10T09:00:00+08:00"
    copies = [m["record_id"] for m in s["members"] if m["record_id"] in ("kp-a", "kompas", "kp-b", "jubi")]
    assert copies == ["kp-a", "kompas", "kp-b", "jubi"]


def test_an_exact_duplicate_keeps_the_earliest_instant(conn: sqlite3.Connection) -> None:
    rows = fetch_all(conn, "SELECT record_id, status, duplicate_kind FROM articles WHERE record_id LIKE 'tempo-%' ORDER BY record_id")
    assert [(r["record_id"], r["status"], r["duplicate_kind"]) for r in rows] == [
        ("tempo-1", "duplicate", "url"),
        ("tempo-2", "article", None),
    ]


def test_same_outlet_is_against_the_kept_member_when_the_original_is_elsewhere() -> None:
    """A cluster whose original is outside the corpus (a credit named it): members are compared
    with the member the store kept; a member without an outlet is neither same nor other."""
    conn = sqlite3.connect(":memory:")
    migrate(conn)
    conn.execute("INSERT INTO inputs(path, kind) VALUES ('in', 'jsonl')")
    conn.executemany("INSERT INTO outlets(id, domain) VALUES (?, ?)", [(1, "kompas.com"), (2, "tempo.co")])
    rows = [  # id, outlet, published, status
        (1, 2, "2019-09-10T10:00:00+07:00", "duplicate"),
        (2, 1, "2019-09-10T09:00:00+08:00", "article"),
        (3, 1, "2019-09-10", "duplicate"),
        (4, None, "2019-09-10T08:00:00+07:00", "duplicate"),
    ]
    conn.executemany(
        "INSERT INTO articles(id, key, record_id, input, outlet_id, published, status, text, input_kind,"
        " word_count, text_hash, article) VALUES (?, ?, ?, 'in', ?, ?, ?, 'teks', 'text', 1, 'h', x'7b7d')",
        [(i, f"in#{i}", f"r{i}", o, p, s) for i, o, p, s in rows],
    )
    conn.execute(
        "INSERT INTO clusters(id, kind, size, original_id, original_outlet, evidence)"
        " VALUES ('copy:x', 'copy', 4, NULL, 'ANTARA', 'credit')"
    )
    conn.executemany("INSERT INTO cluster_members VALUES ('copy:x', ?, 1.0)", [(i,) for i in range(1, 5)])
    c = cluster(conn, "copy:x")
    assert c is not None and not c["original_in_corpus"]
    assert c["outlet_count"] == 2
    # time order: 08:00 WIB (01:00 UTC) = 09:00 WITA, then id; 10:00 WIB; the date alone last
    assert [(m["id"], m["same_outlet"]) for m in c["members"]] == [(2, True), (4, None), (1, False), (3, True)]
