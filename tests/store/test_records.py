"""The explorer's record lookups: entities by name (exact, prefix, word), "Baca Juga", the
window of the home page's most-covered stories, and shares that cannot exceed 1."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from warta.pipeline.run import RunOptions, run
from warta.store.readonly import connect_readonly, fetch_all
from warta.store.records import find_entity, popular_window, related
from warta.store.search import share_of, share_series


@pytest.fixture()
def conn() -> Iterator[sqlite3.Connection]:
    c = sqlite3.connect(":memory:")
    c.executescript(
        "CREATE TABLE entities (id INTEGER PRIMARY KEY, name TEXT, type TEXT);"
        "CREATE TABLE article_entities (article_id INTEGER, entity_id INTEGER, mentions INTEGER);"
        "CREATE TABLE stories (id TEXT PRIMARY KEY, outlets INTEGER, first_seen TEXT);"
    )
    names = [
        "Putin",
        "Vladimir Putin",
        "Putina Sari",
        "Input Data",
        "BJ Habibie",
        "Habibie",
        "100% Persen",
        "100 Persen",
        "a_b",
        "axb",
    ]
    c.executemany(
        "INSERT INTO entities (id, name, type) VALUES (?, ?, 'PERSON')", enumerate(names, 1)
    )
    # Vladimir Putin is named in 3 articles, Putina Sari in 2, Putin in 1.
    c.executemany(
        "INSERT INTO article_entities VALUES (?, ?, 1)",
        [(1, 2), (2, 2), (3, 2), (1, 3), (2, 3), (1, 1)],
    )
    yield c
    c.close()


def _names(conn: sqlite3.Connection, name: str) -> list[tuple[str, str]]:
    return [(r["name"], r["match"]) for r in find_entity(conn, name)]


def test_exact_names_come_first_then_prefixes_then_words(conn: sqlite3.Connection) -> None:
    assert _names(conn, "putin") == [
        ("Putin", "exact"),
        ("Putina Sari", "prefix"),
        ("Vladimir Putin", "word"),
    ]
    assert _names(conn, "  Habibie ") == [("Habibie", "exact"), ("BJ Habibie", "word")]
    assert _names(conn, "vladimir putin") == [("Vladimir Putin", "exact")]
    assert _names(conn, "Puti") == [
        ("Putina Sari", "prefix"),
        ("Putin", "prefix"),
        ("Vladimir Putin", "word"),
    ]


def test_a_word_match_starts_a_word(conn: sqlite3.Connection) -> None:
    assert "Input Data" not in [n for n, _ in _names(conn, "put")]
    assert _names(conn, "data") == [("Input Data", "word")]


def test_like_wildcards_in_a_name_are_literal(conn: sqlite3.Connection) -> None:
    assert _names(conn, "100%") == [("100% Persen", "prefix")]
    assert _names(conn, "a_b") == [("a_b", "exact")]
    assert _names(conn, "%") == []
    assert find_entity(conn, "   ") == []


def test_popular_window_ends_on_the_last_story_of_enough_outlets(conn: sqlite3.Connection) -> None:
    assert popular_window(conn) is None
    conn.executemany(
        "INSERT INTO stories VALUES (?, ?, ?)",
        [
            ("a", 3, "2019-09-10T08:00:00+07:00"),
            ("b", 1, "9999-12-31"),
            ("c", 2, "2019-09-01T10:00:00+07:00"),
        ],
    )
    assert popular_window(conn) == ("2019-09-04", "2019-09-10")
    assert popular_window(conn, days=1, min_outlets=3) == ("2019-09-10", "2019-09-10")
    assert popular_window(conn, min_outlets=1) == ("9999-12-25", "9999-12-31")


def test_shares_never_exceed_one() -> None:
    assert share_of(5, 1) == {"count": 5, "total": 5, "share": 1.0}
    assert share_of(1, 4) == {"count": 1, "total": 4, "share": 0.25}
    assert share_of(0, 0) == {"count": 0, "total": 0, "share": 0.0}
    series = share_series({"2024-01-01": 2}, {"2024-01-01": 3, "2024-01-02": 1})
    assert series == [
        {"period": "2024-01-01", "count": 3, "total": 3, "share": 1.0},
        {"period": "2024-01-02", "count": 1, "total": 1, "share": 1.0},
    ]


def test_baca_juga_needs_two_shared_title_words(tmp_path: Path) -> None:
    """A "Baca Juga" article shares at least two of the title's rarest words: on a corpus with
    nothing else on the story, one shared word ("Pyongyang") is no relation."""
    bodies = {
        "seed": "Presiden Rusia dijadwalkan bertemu pemimpin negara tetangga membahas kerja sama.",
        "two": "Rombongan tiba di bandara disambut upacara militer dan ribuan warga di jalan.",
        "one": "Ribuan tentara berbaris di alun-alun kota disaksikan para pejabat tinggi.",
        "none": "Pedagang mengeluhkan pasokan yang berkurang menjelang musim panen berikutnya.",
    }
    titles = {
        "seed": "Putin Kunjungi Pyongyang",
        "two": "Putin Kunjungi Pyongyang untuk Kedua Kalinya",
        "one": "Parade Militer Besar di Pyongyang",
        "none": "Harga Beras Naik di Pasar Induk Cipinang",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": k,
                    "title": t,
                    "text": f"{t}.\n\n" + f"{bodies[k]} " * 4,
                    "url": f"https://x{n}.example/{k}",
                }
            )
            + "\n"
            for n, (k, t) in enumerate(titles.items())
        ),
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    run([str(path)], db, RunOptions(workers=1, progress=False))
    conn = connect_readonly(db)
    ids = {r["record_id"]: r["id"] for r in fetch_all(conn, "SELECT id, record_id FROM articles")}
    found = {r["id"] for r in related(conn, ids["seed"])}
    assert ids["two"] in found
    assert ids["one"] not in found and ids["none"] not in found
