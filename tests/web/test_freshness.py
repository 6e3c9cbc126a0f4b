"""Serving a store while `warta run` adds to it: totals and counts follow the store (the memo is
dropped when SQLite's data_version moves), and shares never exceed 1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.store_builder import FIXTURE, _row, build_store
from warta.store.db import open_store
from warta.web.app import create_app
from warta.web.database import Database


def _more_gempa(n: int, day: str) -> list[Any]:
    spec = next(s for s in json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"] if s["key"] == "gempa-tribun")
    rows = []
    for i in range(n):
        extra = dict(spec, key=f"gempa-more-{day}-{i}", url=f"https://more{i}.example/gempa/{day}",
                     outlet=f"more{i}.example", published=f"{day}T08:00:00+07:00")
        extra["paragraphs"] = [f"{p} Laporan {i}." for p in spec["paragraphs"]]
        rows.append(_row(extra))
    return rows


@pytest.fixture()
def live(tmp_path: Path) -> Iterator[tuple[Path, TestClient]]:
    path = tmp_path / "live.db"
    build_store(path)
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield path, c


def test_totals_and_counts_follow_a_store_being_written(live: tuple[Path, TestClient]) -> None:
    path, client = live
    assert client.get("/api/totals", params={"q": "gempa"}).json() == {"ok": True, "count": 2, "total": 9, "share": 2 / 9}
    before = {r["period"]: r for r in client.get("/api/counts", params={"q": "gempa"}).json()["items"]}
    assert "2024-06-20" not in before
    with open_store(path) as store:  # what a concurrent `warta run` does
        store.write(_more_gempa(3, "2024-06-20"))
    assert client.get("/api/totals").json()["total"] == 12
    assert client.get("/api/totals", params={"q": "gempa"}).json() == {"ok": True, "count": 5, "total": 12, "share": 5 / 12}
    after = {r["period"]: r for r in client.get("/api/counts", params={"q": "gempa"}).json()["items"]}
    assert after["2024-06-20"] == {"period": "2024-06-20", "count": 3, "total": 3, "share": 1.0}
    assert all(r["share"] <= 1.0 for r in after.values())
    assert "12 artikel" in client.get("/").text


def test_the_memo_is_dropped_when_another_connection_commits(tmp_path: Path) -> None:
    path = tmp_path / "memo.db"
    build_store(path)
    db = Database(path)
    db.conn()
    calls: list[int] = []

    def compute(n: int) -> int:
        calls.append(n)
        return n

    assert db.memo("k", lambda: compute(1)) == 1
    db.conn()  # nothing written: the memo stands
    assert db.memo("k", lambda: compute(2)) == 1
    with open_store(path) as store:
        store.write(_more_gempa(1, "2024-06-21"))
    db.conn()
    assert db.memo("k", lambda: compute(3)) == 3
    assert calls == [1, 3]


def test_a_result_computed_across_a_change_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    build_store(path)
    db = Database(path)
    db.conn()

    def stale() -> int:
        db.forget()  # another thread saw the store change while this was computed
        return 1

    assert db.memo("k", stale) == 1
    assert db.memo("k", lambda: 2) == 2
