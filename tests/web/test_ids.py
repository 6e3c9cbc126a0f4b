"""Ids out of SQLite's INTEGER range: an unknown record (404) on paths, a bad filter (400) in
queries; never the OverflowError binding them would raise (500)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

BIG = str(2**63)  # one past SQLite's largest INTEGER
HUGE = "99999999999999999999999"
TINY = str(-(2**63) - 1)

PATHS = [
    "/api/articles/{}",
    "/api/articles/{}/related",
    "/api/articles/{}/copies",
    "/api/entities/{}",
    "/api/entities/{}/quotes",
    "/article/{}",
    "/entity/{}",
    "/api/stories/{}",
    "/story/{}",
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("value", [BIG, HUGE, TINY, "0"])
def test_an_id_no_record_can_have_is_not_found(client: TestClient, path: str, value: str) -> None:
    r = client.get(path.format(value))
    assert r.status_code == 404, r.text
    if path.startswith("/api/"):
        assert r.json()["code"] == "not-found"
    else:
        assert "text/html" in r.headers["content-type"]


def test_the_largest_sqlite_id_is_looked_up(client: TestClient) -> None:
    r = client.get(f"/api/articles/{2**63 - 1}")
    assert r.status_code == 404 and r.json()["error"] == f"no article {2**63 - 1}"


@pytest.mark.parametrize("path", ["/api/articles/abc", "/api/entities/1.5", "/article/abc", "/entity/x"])
def test_an_id_that_is_not_a_number_is_a_bad_request(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 400


@pytest.mark.parametrize("path", ["/api/search", "/api/counts", "/api/totals", "/api/sample",
                                  "/api/top/outlets", "/api/top/entities", "/api/top/words",
                                  "/api/latest", "/search"])
@pytest.mark.parametrize("value", [BIG, HUGE, TINY, "abc"])
def test_a_bad_entity_filter_is_a_bad_request(client: TestClient, path: str, value: str) -> None:
    r = client.get(path, params={"entity": value, "q": "putin"})
    assert r.status_code == 400, r.text
    if path.startswith("/api/"):
        assert r.json()["code"] == "bad-request" and "entity" in r.json()["error"]
    else:
        assert "entity" in r.text


def test_a_good_entity_filter_still_filters(client: TestClient, ids: dict[str, int]) -> None:
    putin = client.get("/api/entities", params={"name": "Vladimir Putin"}).json()["items"][0]
    found = client.get("/api/search", params={"entity": putin["id"]}).json()["items"]
    assert {r["id"] for r in found} == {ids[k] for k in ("putin-jp", "putin-pk", "putin-kompas", "putin-jakpost", "hostile")}
    assert client.get("/api/search", params={"entity": 2**63 - 1}).json()["items"] == []
