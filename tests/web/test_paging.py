"""Lists that are longer than a page: every one says its total, takes limit and offset, refuses
a bad limit with a 400, and exports every row; repeated filters are OR; copy clusters at one
outlet are not called copies at other outlets; times are shown with their offset."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.paging_store import ARTICLES, JOKOWI_QUOTES, QUOTES_EACH, build_paging_store
from warta.web.app import create_app

WIDODO_QUOTES = ARTICLES * QUOTES_EACH  # 60


@pytest.fixture(scope="module")
def ids(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("paging") / "store.db"
    found: dict[str, Any] = dict(build_paging_store(path))
    found["_path"] = path
    return found


@pytest.fixture(scope="module")
def client(ids: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(ids["_path"]), raise_server_exceptions=False) as c:
        yield c


def entity_id(client: TestClient, name: str) -> int:
    found = client.get("/api/entities", params={"name": name}).json()["items"]
    return int(next(e["id"] for e in found if e["name"] == name))


def body(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    assert data["ok"] is True
    if "total" in data:  # a list: its length in a header too
        assert r.headers["x-total-count"] == str(data["total"])
    return data


def test_quotes_say_their_total_and_page_through_all_of_them(client: TestClient) -> None:
    widodo = entity_id(client, "Joko Widodo")
    first = body(client, f"/api/entities/{widodo}/quotes")
    assert (first["total"], first["limit"], first["offset"], first["count"]) == (WIDODO_QUOTES, 50, 0, 50)
    rest = body(client, f"/api/entities/{widodo}/quotes", offset=50)
    assert (rest["count"], rest["offset"]) == (WIDODO_QUOTES - 50, 50)
    seen = [q["id"] for q in first["items"] + rest["items"]]
    assert len(set(seen)) == WIDODO_QUOTES  # no quote twice, none missing
    small = body(client, f"/api/entities/{widodo}/quotes", limit=7, offset=14)
    assert [q["id"] for q in small["items"]] == seen[14:21]
    every = body(client, f"/api/entities/{widodo}/quotes", limit=0)
    assert every["count"] == WIDODO_QUOTES and every["limit"] == 0 and len(every["items"]) == WIDODO_QUOTES
    # /api/entities/{id} carries the first quotes and says how many there are
    one = body(client, f"/api/entities/{widodo}")
    assert len(one["quotes"]) == 50 and one["quotes_total"] == WIDODO_QUOTES


def test_the_csv_export_has_every_row(client: TestClient) -> None:
    widodo = entity_id(client, "Joko Widodo")
    r = client.get(f"/api/entities/{widodo}/quotes", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["x-total-count"] == str(WIDODO_QUOTES)
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == WIDODO_QUOTES
    r = client.get("/api/search", params={"format": "csv"})
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == int(r.headers["x-total-count"]) == ARTICLES
    page = client.get("/api/search", params={"format": "csv", "limit": 3})  # an explicit limit is kept
    assert len(list(csv.DictReader(io.StringIO(page.text)))) == 3


@pytest.mark.parametrize("limit", ["501", "1000", "-1", "abc", "1.5", ""])
@pytest.mark.parametrize("path", ["/api/search", "/api/entities/1/quotes", "/api/latest", "/api/top/entities",
                                  "/api/top/words", "/api/outlets", "/api/stories", "/api/entities/1/named-with"])
def test_a_bad_limit_is_a_bad_request_with_the_reason(client: TestClient, path: str, limit: str) -> None:
    r = client.get(path, params={"limit": limit})
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "bad-request" and r.json()["error"].startswith("limit: ")


@pytest.mark.parametrize("offset", ["-1", "x"])
def test_a_bad_offset_is_a_bad_request(client: TestClient, offset: str) -> None:
    assert client.get("/api/search", params={"offset": offset}).status_code == 400
    assert client.get("/entity/1", params={"quotes_offset": offset}).status_code == 400


@pytest.mark.parametrize(("path", "total"), [
    ("/api/search", ARTICLES), ("/api/latest", 9), ("/api/top/outlets", 3), ("/api/top/entities", 2),
    ("/api/outlets", 3), ("/api/entities/1/named-with", 1),
])
def test_every_list_pages_with_its_total(client: TestClient, path: str, total: int) -> None:
    whole = body(client, path, limit=0)
    assert whole["total"] == total == len(whole["items"])
    page = body(client, path, limit=1, offset=total - 1)
    assert page["total"] == total and page["items"] == whole["items"][-1:]
    past = body(client, path, limit=5, offset=total + 3)
    assert past["items"] == [] and past["count"] == 0 and past["total"] == total


def test_repeated_entity_is_or(client: TestClient) -> None:
    widodo, jokowi = entity_id(client, "Joko Widodo"), entity_id(client, "Pak Widodo")
    one = body(client, "/api/search", entity=widodo, limit=0)["total"]
    other = body(client, "/api/search", entity=jokowi, limit=0)["total"]
    both = body(client, "/api/search", limit=0, entity=[widodo, jokowi])["total"]
    assert (one, other) == (8, 6) and both == ARTICLES  # 8 + 6 - 2 named by both
    assert body(client, "/api/search", limit=0, entity=[jokowi, widodo])["total"] == both  # order does not matter
    quotes = body(client, "/api/quotes", entity=[widodo, jokowi])
    assert quotes["total"] == WIDODO_QUOTES + JOKOWI_QUOTES and quotes["speakers"] == [widodo, jokowi]
    also = body(client, f"/api/entities/{widodo}/quotes", entity=jokowi)
    assert also["total"] == WIDODO_QUOTES + JOKOWI_QUOTES


def test_outlets_as_a_comma_list_or_repeated_are_or(client: TestClient) -> None:
    kompas = body(client, "/api/search", outlet="kompas.com")["total"]
    tempo = body(client, "/api/search", outlet="tempo.co")["total"]
    assert kompas and tempo
    assert body(client, "/api/search", outlet="kompas.com,tempo.co")["total"] == kompas + tempo
    assert body(client, "/api/search", outlet=["kompas.com", "tempo.co"])["total"] == kompas + tempo
    r = client.get("/api/search", params={"outlet": ",".join(f"o{i}.com" for i in range(51))})
    assert r.status_code == 400 and "at most 50" in r.json()["error"]


def test_quotes_filtered_by_outlet_and_day(client: TestClient) -> None:
    widodo = entity_id(client, "Joko Widodo")
    at = body(client, f"/api/entities/{widodo}/quotes", outlet="kompas.com", limit=0)
    assert at["total"] == 4 * QUOTES_EACH and {q["outlet"] for q in at["items"]} == {"kompas.com"}
    day = body(client, f"/api/entities/{widodo}/quotes", start="2019-09-11", limit=0)
    assert day["total"] == 6 * QUOTES_EACH
    r = client.get(f"/api/entities/{widodo}/quotes", params={"start": "2019-09-12", "end": "2019-09-01"})
    assert r.status_code == 400 and "after" in r.json()["error"]


def test_the_entity_page_shows_how_many_and_links_the_next_page(client: TestClient) -> None:
    widodo = entity_id(client, "Joko Widodo")
    page = client.get(f"/entity/{widodo}", params={"lang": "en"}).text
    assert f"1–50 of {WIDODO_QUOTES}" in page
    assert len(re.findall(r'<li id="quote-\d+">', page)) == 50
    assert f'href="/entity/{widodo}?quotes_offset=50#said"' in page
    second = client.get(f"/entity/{widodo}", params={"lang": "en", "quotes_offset": 50}).text
    assert f"51–{WIDODO_QUOTES} of {WIDODO_QUOTES}" in second and 'rel="next"' not in second.split('id="articles"')[0]
    assert len(re.findall(r'<li id="quote-\d+">', second)) == WIDODO_QUOTES - 50
    assert f'href="/entity/{widodo}#said"' in second  # back to the first page


def test_a_cluster_at_one_outlet_is_not_called_copies_at_other_outlets(client: TestClient, ids: dict[str, Any]) -> None:
    same = client.get(f"/article/{ids['p03']}", params={"lang": "en"}).text
    assert "Other versions at the same outlet" in same and "Copies at other outlets" not in same
    mixed = client.get(f"/article/{ids['p02']}", params={"lang": "en"}).text
    assert "Copies at this and other outlets" in mixed and mixed.count('class="badge same-outlet"') == 1  # p04, at the original's outlet
    copies = body(client, f"/api/articles/{ids['p00']}/copies")
    assert copies["cluster"]["scope"] == "same_outlet" and copies["total"] == 2


def test_pages_show_the_time_with_its_offset(client: TestClient, ids: dict[str, Any]) -> None:
    page = client.get(f"/article/{ids['p00']}", params={"lang": "en"}).text
    assert "10 Sep 2019 08:00 WITA" in page  # +08:00 on an Indonesian article
    assert "10 Sep 2019 11:00 WIB" in page  # its copy, +07:00, in the copies table


def test_search_page_lists_articles_with_a_pager_and_keeps_the_query_in_entity_links(client: TestClient) -> None:
    widodo = entity_id(client, "Joko Widodo")
    page = client.get("/search", params={"q": "istana", "lang": "en"}).text
    assert f"1–20 of {ARTICLES}" not in page and f"1–{ARTICLES} of {ARTICLES}" in page
    assert f'href="/search?q=istana&amp;entity={widodo}"' in page  # the topic stays in the link
    narrowed = client.get("/search", params={"q": "istana", "entity": widodo, "lang": "en"}).text
    assert 'id="entity-filter"' in narrowed and f'name="entity" value="{widodo}"' in narrowed
