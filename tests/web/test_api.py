"""The explorer's HTTP API over the fixture store (tests/fixtures/web/corpus.json)."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient


def items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True
    return body["items"]


def keys(rows: list[dict[str, Any]], ids: dict[str, int]) -> set[str]:
    by_id = {v: k for k, v in ids.items()}
    return {by_id[r["id"]] for r in rows}


def test_search_stems_indonesian_and_keeps_other_words(client: TestClient, ids: dict[str, int]) -> None:
    # "pemerintah" finds "Pemerintahan" and "memerintahkan" through their stem.
    assert keys(items(client, "/api/search", q="pemerintah"), ids) == {"putin-jp", "putin-pk", "pangan-kompas"}
    # English words are matched as written.
    assert keys(items(client, "/api/search", q="visits"), ids) == {"putin-jakpost"}


def test_search_phrases_and_boolean_operators(client: TestClient, ids: dict[str, int]) -> None:
    assert keys(items(client, "/api/search", q='"jong un" pyongyang'), ids) == {
        "putin-jp", "putin-pk", "putin-kompas", "putin-jakpost"}
    assert items(client, "/api/search", q='"un jong"') == []
    # The exact URL duplicate of the rice story is not counted; copies are.
    assert keys(items(client, "/api/search", q="beras OR gempa"), ids) == {
        "beras-detik", "pangan-kompas", "gempa-tribun", "gempa-suara"}
    assert keys(items(client, "/api/search", q="putin NOT korea"), ids) == {"hostile"}
    assert keys(items(client, "/api/search", q="(beras OR gempa) AND garut"), ids) == {"gempa-tribun", "gempa-suara"}
    assert keys(items(client, "/api/search", q="putin -korea"), ids) == {"hostile"}
    assert keys(items(client, "/api/search", q="pyong*"), ids) == {
        "putin-jp", "putin-pk", "putin-kompas", "putin-jakpost"}


def test_search_filters(client: TestClient, ids: dict[str, int]) -> None:
    assert keys(items(client, "/api/search", q="putin", outlet="kompas.com"), ids) == {"putin-kompas"}
    assert keys(items(client, "/api/search", q="putin", language="en"), ids) == {"putin-jakpost"}
    assert keys(items(client, "/api/search", q="putin", start="2024-06-19", end="2024-06-19"), ids) == {
        "putin-kompas", "putin-jakpost", "hostile"}
    assert keys(items(client, "/api/search", story="story-gempa"), ids) == {"gempa-tribun", "gempa-suara"}
    arief = client.get("/api/entities", params={"name": "arief prasetyo adi"}).json()["items"][0]
    assert keys(items(client, "/api/search", entity=arief["id"]), ids) == {"beras-detik"}
    rows = items(client, "/api/search", q="putin", sort="relevance", limit=2, offset=1)
    assert len(rows) == 2


def test_counts_share_and_intervals(client: TestClient) -> None:
    days = {r["period"]: r for r in items(client, "/api/counts", q="putin")}
    assert days["2024-06-19"]["count"] == 3 and days["2024-06-19"]["total"] == 3
    assert days["2024-06-18"]["share"] == 1.0
    assert days["2024-06-17"] == {"period": "2024-06-17", "count": 0, "total": 1, "share": 0.0}
    weeks = items(client, "/api/counts", q="putin", interval="week")
    assert [w["period"] for w in weeks] == ["2024-06-10", "2024-06-17"]  # Mondays
    assert weeks[1]["count"] == 5 and weeks[1]["total"] == 6
    months = items(client, "/api/counts", q="putin", interval="month")
    assert months == [{"period": "2024-06-01", "count": 5, "total": 9, "share": 5 / 9}]


def test_totals_sample_and_top_lists(client: TestClient) -> None:
    assert client.get("/api/totals", params={"q": "gempa"}).json() == {
        "ok": True, "count": 2, "total": 9, "share": 2 / 9}
    first = items(client, "/api/sample", q="putin", n=3, seed=7)
    assert len(first) == 3 and first == items(client, "/api/sample", q="putin", n=3, seed=7)
    outlets = items(client, "/api/top/outlets", q="gempa")
    assert {o["outlet"] for o in outlets} == {"tribunnews.com", "suara.com"}
    assert all(o["share"] == 0.5 and o["share_of_outlet"] == 1.0 for o in outlets)
    entities = items(client, "/api/top/entities", q="putin", type="PERSON")
    assert entities[0]["name"] == "Vladimir Putin" and entities[0]["articles"] == 5
    words = client.get("/api/top/words", params={"q": "gempa"}).json()
    assert words["sample"] == 2
    top = {w["word"]: w["count"] for w in words["items"]}
    assert top["garut"] == 2 and "di" not in top and "5" not in top


def test_article_has_quotes_entities_copies_and_related(client: TestClient, ids: dict[str, int]) -> None:
    a = client.get(f"/api/articles/{ids['putin-pk']}").json()
    assert a["dateline"] == "PROKALTENG.CO" and a["credit"] == "jpc" and a["credit_outlet"] == "JawaPos.com"
    assert a["quotes"][0]["speaker"] == "Yang Moo Jin"
    assert {e["name"] for e in a["entities"]} >= {"Vladimir Putin", "Yang Moo Jin"}
    cluster = a["cluster"]
    assert cluster["kind"] == "copy" and cluster["evidence"] == "credit"
    original = [m for m in cluster["members"] if m["is_original"]]
    assert [m["outlet"] for m in original] == ["jawapos.com"]
    related = {r["id"] for r in a["related"]}
    assert ids["putin-kompas"] in related
    assert ids["putin-pk"] not in related and ids["putin-jp"] not in related  # itself, its copy
    assert len(a["paragraphs"]) == 3


def test_copies_whose_original_is_outside_the_corpus(client: TestClient, ids: dict[str, int]) -> None:
    r = client.get(f"/api/articles/{ids['gempa-suara']}/copies")
    body = r.json()
    assert body["cluster"]["original_in_corpus"] is False
    assert body["cluster"]["original_outlet"] == "antaranews.com"
    assert {m["outlet"] for m in body["items"]} == {"suara.com", "tribunnews.com"}


def test_stories_ranked_by_outlets_in_a_window(client: TestClient) -> None:
    stories = items(client, "/api/stories")
    assert [s["id"] for s in stories[:2]] == ["story-putin", "story-gempa"]
    assert stories[0]["outlets"] == 4
    window = items(client, "/api/stories", start="2024-06-11", end="2024-06-13")
    assert [s["id"] for s in window] == ["story-gempa"]
    story = client.get("/api/stories/story-putin").json()
    assert [m["outlet"] for m in story["members"]][0] == "jawapos.com"


def test_latest_folds_copies_and_duplicates(client: TestClient, ids: dict[str, int]) -> None:
    latest = keys(items(client, "/api/latest", limit=50), ids)
    assert "beras-detik-again" not in latest and "putin-pk" not in latest
    assert "putin-jp" in latest


def test_entity_and_outlet(client: TestClient, ids: dict[str, int]) -> None:
    yang = client.get("/api/entities", params={"name": "Yang Moo Jin"}).json()["items"][0]
    e = client.get(f"/api/entities/{yang['id']}").json()
    assert e["count_articles"] == 2
    assert {q["text"] for q in e["quotes"]} == {"Kunjungan ini menunjukkan hubungan kedua negara semakin erat,"}
    assert e["cooccurring"][0]["name"] in {"Vladimir Putin", "Kim Jong Un", "Korea Utara"}
    jp = client.get("/api/outlets/jawapos.com").json()
    assert jp["copied_by"] == [{"outlet": "prokalteng.co", "count": 1}]
    pk = client.get("/api/outlets/prokalteng.co").json()
    assert pk["copied_from"] == [{"outlet": "jawapos.com", "count": 1}] and pk["copies"] == 1
    outlets = items(client, "/api/outlets")
    assert {o["outlet"] for o in outlets} >= {"kompas.com", "detik.com"}


def test_not_found_is_404_json(client: TestClient) -> None:
    for path in ("/api/articles/99999", "/api/stories/nope", "/api/entities/99999", "/api/outlets/nope.example"):
        r = client.get(path)
        assert r.status_code == 404
        body = r.json()
        assert body["ok"] is False and body["status"] == 404 and body["code"] == "not-found"


def test_csv_export_of_every_row(client: TestClient) -> None:
    r = client.get("/api/search", params={"limit": 0, "format": "csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 9  # every counted article; the exact duplicate is left out
    hostile = next(row for row in rows if row["outlet"] == "evil.example")
    assert hostile["title"].startswith("Putin <script>")  # CSV carries the text as stored
    counts = list(csv.DictReader(io.StringIO(client.get("/api/counts", params={"q": "putin", "format": "csv"}).text)))
    assert counts[0].keys() == {"period", "count", "total", "share"}


def test_json_export_streams_all_rows(client: TestClient) -> None:
    body = client.get("/api/search", params={"limit": 0}).json()
    assert body["ok"] is True and len(body["items"]) == 9
    assert len(client.get("/api/latest", params={"limit": 0, "format": "csv"}).text.splitlines()) == 1 + 7


def test_openapi_documents_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/counts", "/api/totals", "/api/sample", "/api/top/outlets",
                 "/api/top/entities", "/api/top/words", "/api/articles/{article_id}", "/api/stories",
                 "/api/latest", "/api/entities/{entity_id}", "/api/outlets/{domain}"):
        assert path in schema["paths"], path
    page = client.get("/api")
    assert page.status_code == 200 and "/api/search" in page.text


def test_dense_search_plan_gives_the_same_pages(store: tuple[Any, dict[str, int]], monkeypatch: Any) -> None:
    # A common word's newest-first page is read by walking the day index (from DENSE_MATCHES
    # matches on); the fixture is small, so lower the threshold and compare with the plain plan.
    from warta.store import search
    from warta.store.readonly import connect_readonly
    from warta.store.syntax import parse_query

    conn = connect_readonly(store[0])
    f = search.Filters(match=parse_query("putin OR beras"), language="id")
    plain = [[r["id"] for r in search.search(conn, f, limit=3, offset=o)] for o in (0, 3)]
    monkeypatch.setattr(search, "DENSE_MATCHES", 1)
    assert search._matches_at_least(conn, f.match or "", 2)
    dense = [[r["id"] for r in search.search(conn, f, limit=3, offset=o)] for o in (0, 3)]
    assert dense == plain and len(plain[0]) == 3
