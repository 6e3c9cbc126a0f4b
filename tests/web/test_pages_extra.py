"""Pages and HTTP details a user-level review found: HEAD on every GET route, the search page's
query cap and entity filter, the home page's "Terpopuler" window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.store_builder import FIXTURE, _row, build_store
from warta.store.db import open_store
from warta.web.app import create_app


@pytest.mark.parametrize("path", ["/", "/search?q=putin", "/api/search?q=putin", "/api/totals",
                                  "/api/outlets?limit=0&format=csv", "/api", "/openapi.json",
                                  "/outlet/kompas.com", "/static/style.css"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert got.status_code == 200 and head.status_code == 200, head.text
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert "content-security-policy" in head.headers


def test_head_keeps_error_statuses(client: TestClient) -> None:
    assert client.head("/article/123456789").status_code == 404
    assert client.head("/api/search", params={"q": '"open'}).status_code == 400
    assert client.post("/api/search").status_code == 405


def test_search_page_names_the_queries_it_leaves_out(client: TestClient) -> None:
    words = ["putin", "gempa", "beras", "pangan", "korea", "garut", "jakarta", "pyongyang"]
    r = client.get("/search", params=[("q", w) for w in words])
    assert r.status_code == 200
    assert 'id="left-out"' in r.text and "<strong>jakarta</strong>" in r.text and "<strong>pyongyang</strong>" in r.text
    assert 'id="left-out"' not in client.get("/search", params=[("q", w) for w in words[:6]]).text
    english = client.get("/search", params=[("q", w) for w in words] + [("lang", "en")])
    assert "Only the first 6 queries are compared; 2 left out" in english.text


def test_search_page_filters_by_entity(client: TestClient) -> None:
    arief = client.get("/api/entities", params={"name": "arief prasetyo adi"}).json()["items"][0]
    r = client.get("/search", params={"q": "beras OR pangan", "entity": arief["id"]})
    assert r.status_code == 200
    assert f'name="entity" value="{arief["id"]}"' in r.text
    assert f"entity={arief['id']}" in r.text  # the charts and downloads keep the filter
    unfiltered = client.get("/search", params={"q": "beras OR pangan"}).text
    assert 'name="entity"' not in unfiltered
    bad = client.get("/search", params={"q": "beras", "entity": "abc"})
    assert bad.status_code == 400 and "entity" in bad.text


def _add_lone_article(path: Path, day: str) -> None:
    spec = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"][4]  # beras-detik
    spec = dict(spec, key="stray", url="https://stray.example/x", outlet="stray.example", published=f"{day}T08:00:00+07:00")
    with open_store(path) as store:
        store.write([_row(spec)])


def test_popular_panel_ends_on_the_last_day_with_a_story_of_two_outlets(tmp_path: Path) -> None:
    path = tmp_path / "stray.db"
    build_store(path)
    _add_lone_article(path, "2030-01-01")  # a stray date far past every story
    with TestClient(create_app(path), raise_server_exceptions=False) as client:
        home = client.get("/").text
    assert "2024-06-10 – 2030-01-01" in home  # the corpus span still says what is there
    popular = home[home.index('id="popular"'):]
    assert "2024-06-12 s.d. 2024-06-18" in popular  # the story of 4 outlets, first seen 06-18
    assert "/story/story-putin" in popular and "/story/story-gempa" in popular  # 06-12: the window's first day
    assert "Tidak ada hasil" not in popular.split("<h2>")[1]
