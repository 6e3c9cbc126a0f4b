"""Quote lists filtered by how each speaker was found (``attribution``): the API's quote lists,
the entity page's switch (all / named by the cue only) and its links; a value that is not an
attribution is a 400, and so is a filter an older store cannot apply; and the API refuses a
parameter an endpoint does not take (a typo must not answer the unfiltered list)."""

from __future__ import annotations

import html
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.store_builder import _row
from warta.pipeline.corpus import run_corpus_stage
from warta.store.db import open_store
from warta.web.app import create_app

INPUT = "tests/quote_filter.jsonl"
ARTICLES = 22
"""Articles quoting Joko Widodo, three times each (named, pronoun, context), more than a page
of articles (20) on the entity page."""
EXPECTED = {"named": ARTICLES, "pronoun": ARTICLES, "context": ARTICLES, "role": 1, "continued": 1}
"""His quotes by attribution: article 0 adds a ``role`` quote, article 1 a ``continued`` one."""
ALL = sum(EXPECTED.values())  # 68: more than a page of quotes (50)


def spec(i: int) -> dict[str, Any]:
    """Article ``i`` at kompas.com (even) or tempo.co (odd), quoting Joko Widodo three ways."""
    outlet = ("kompas.com", "tempo.co")[i % 2]
    marks = ["named", "pronoun", "context"] + (["role"] if i == 0 else []) + (["continued"] if i == 1 else [])
    quotes = [{"speaker": "Joko Widodo", "cue": f"cue {how}", "text": f"Kalimat {i} {how} soal ibu kota baru",
               "attribution": how} for how in marks]
    return {
        "key": f"q{i:02d}",
        "outlet": outlet,
        "url": f"https://{outlet}/berita/{i}",
        "published": f"2019-09-{1 + i:02d}T08:00:00+07:00",
        "language": "id",
        "title": f"Presiden bicara soal ibu kota, bagian {i}",
        "paragraphs": [f'"{q["text"]}," {q["cue"]}.' for q in quotes],
        "quotes": quotes,
        "entities": [["Joko Widodo", "PERSON", 2]],
    }


def build_marked_store(path: Path) -> Path:
    """Write the store at ``path`` through the store's own writer; return the path."""
    with open_store(path) as store:
        store.input_state(INPUT, kind="jsonl", size=None)
        store.write([_row(spec(i)) for i in range(ARTICLES)], finished_inputs=[INPUT])
        run_corpus_stage(store, copies=lambda _rows: [], stories=lambda _rows: [])
    return path


def drop_attribution(path: Path) -> None:
    """Make the store one from before migration 7 (no quote attribution column)."""
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE quotes DROP COLUMN attribution")
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = build_marked_store(tmp_path_factory.mktemp("quote-filter") / "store.db")
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def widodo(client: TestClient) -> int:
    [found] = client.get("/api/entities", params={"name": "Joko Widodo"}).json()["items"]
    return int(found["id"])


def listed(client: TestClient, path: str, params: Any) -> dict[str, Any]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    assert r.headers["x-total-count"] == str(data["total"])
    return data


@pytest.mark.parametrize(
    ("asked", "marks"),
    [
        ("named", ["named"]),
        ("Named", ["named"]),  # any case
        ("named,role", ["named", "role"]),
        (["pronoun", "context"], ["pronoun", "context"]),  # repeated: any of them
        ("context, pronoun,", ["pronoun", "context"]),  # spaces, a trailing comma, surest first
        (["named", "continued,role"], ["named", "role", "continued"]),
        ("all", []),
        ("named,all", []),
        ("", []),
    ],
)
def test_entity_quotes_by_attribution(client: TestClient, widodo: int, asked: Any, marks: list[str]) -> None:
    data = listed(client, f"/api/entities/{widodo}/quotes", {"attribution": asked, "limit": 0})
    expected = {k: v for k, v in EXPECTED.items() if k in marks} if marks else EXPECTED
    assert Counter(q["attribution"] for q in data["items"]) == expected
    assert data["total"] == sum(expected.values()) and data["attribution"] == marks


def test_the_filter_pages_and_combines_with_the_others(client: TestClient, widodo: int) -> None:
    first = listed(client, f"/api/entities/{widodo}/quotes", {"attribution": "named,pronoun,context"})
    rest = listed(client, f"/api/entities/{widodo}/quotes", {"attribution": "named,pronoun,context", "offset": 50})
    assert (first["total"], first["count"], rest["count"]) == (66, 50, 16)
    assert len({q["id"] for q in first["items"] + rest["items"]}) == 66
    kompas = listed(client, f"/api/entities/{widodo}/quotes", {"attribution": "named", "outlet": "kompas.com"})
    assert kompas["total"] == ARTICLES // 2 and {q["outlet"] for q in kompas["items"]} == {"kompas.com"}
    days = listed(client, "/api/quotes", {"entity": widodo, "attribution": "named", "start": "2019-09-01",
                                          "end": "2019-09-05"})
    assert days["total"] == 5 and {q["attribution"] for q in days["items"]} == {"named"}
    csv = client.get(f"/api/entities/{widodo}/quotes", params={"attribution": "pronoun", "format": "csv"})
    assert csv.status_code == 200 and csv.headers["x-total-count"] == str(ARTICLES)
    assert csv.text.count("\n") == ARTICLES + 1


def test_the_entity_says_how_its_quotes_were_found(client: TestClient, widodo: int) -> None:
    data = client.get(f"/api/entities/{widodo}").json()
    assert data["quotes_by_attribution"] == {**EXPECTED, "none": 0}
    assert data["quotes_total"] == ALL and len(data["quotes"]) == 50
    named = client.get(f"/api/entities/{widodo}", params={"attribution": "named"}).json()
    assert named["quotes_total"] == ARTICLES and {q["attribution"] for q in named["quotes"]} == {"named"}
    assert named["quotes_by_attribution"] == data["quotes_by_attribution"]  # always of every quote


@pytest.mark.parametrize("path", ["/api/entities/{id}/quotes", "/api/quotes?entity={id}", "/api/entities/{id}",
                                  "/entity/{id}"])
@pytest.mark.parametrize("value", ["sure", "named,guessed", "none"])
def test_an_unknown_attribution_is_a_400_naming_the_allowed(client: TestClient, widodo: int, path: str,
                                                           value: str) -> None:
    r = client.get(path.format(id=widodo), params={"attribution": value})
    assert r.status_code == 400
    text = r.json()["error"] if path.startswith("/api") else html.unescape(r.text)
    assert "is not one of named, role, pronoun, continued, context, all" in text


def test_an_older_store_refuses_the_filter_and_lists_without_it(tmp_path: Path) -> None:
    path = build_marked_store(tmp_path / "old.db")
    drop_attribution(path)
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        [found] = c.get("/api/entities", params={"name": "Joko Widodo"}).json()["items"]
        every = c.get(f"/api/entities/{found['id']}/quotes", params={"limit": 0}).json()
        assert every["total"] == ALL and {q["attribution"] for q in every["items"]} == {None}
        assert c.get(f"/api/entities/{found['id']}").json()["quotes_by_attribution"]["none"] == ALL
        for path_ in (f"/api/entities/{found['id']}/quotes", f"/api/quotes?entity={found['id']}"):
            r = c.get(path_, params={"attribution": "named"})
            assert r.status_code == 400 and "migration 7" in r.json()["error"]
        page = c.get(f"/entity/{found['id']}")
        assert page.status_code == 200 and 'id="quote-views"' not in page.text  # no switch it cannot honour
        assert c.get(f"/entity/{found['id']}", params={"attribution": "named"}).status_code == 400


def links(text: str, pattern: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(pattern, text)]


def test_the_entity_page_switches_between_all_and_named(client: TestClient, widodo: int) -> None:
    page = client.get(f"/entity/{widodo}", params={"lang": "en"}).text
    switch = re.search(r'<p class="switches" id="quote-views">(.*?)</p>', page, re.S)
    assert switch is not None
    assert re.search(rf'class="on" id="quotes-all" href="/entity/{widodo}#said">all \({ALL}\)', switch.group(1))
    assert f'href="/entity/{widodo}?attribution=named#said">named by the cue only ({ARTICLES})' in switch.group(1)
    assert f"1–50 of {ALL}" in page and "how-pronoun" in page  # every quote, with its mark, by default

    named = client.get(f"/entity/{widodo}", params={"attribution": "named", "offset": 20, "lang": "en"}).text
    assert re.search(r'class="on" id="quotes-named"', named)
    assert f"1–{ARTICLES} of {ARTICLES}" in named
    assert "how-pronoun" not in named and "how-context" not in named and named.count("how-named") == ARTICLES
    # the switch back keeps the articles' place; the downloads and the article pager keep the filter
    assert f'href="/entity/{widodo}?offset=20#said"' in named
    assert f"/api/entities/{widodo}/quotes?attribution=named&format=csv" in links(named, r'href="([^"]*)"')
    prev = links(named, r'<p class="pager" id="articles-pager">.*?rel="prev" href="([^"]*)"')
    assert prev == [f"/entity/{widodo}?attribution=named#articles"]


def test_the_entity_page_pages_a_filtered_list_and_shows_another_filter(client: TestClient, widodo: int) -> None:
    asked = "pronoun,context,named"
    page = client.get(f"/entity/{widodo}", params={"attribution": asked, "lang": "en"}).text
    assert "1–50 of 66" in page and "how-role" not in page
    [after] = links(page, r'<p class="pager" id="quotes-pager">.*?rel="next" href="([^"]*)"')
    assert after == f"/entity/{widodo}?attribution=named%2Cpronoun%2Ccontext&quotes_offset=50#said"
    rest = client.get(after.split("#")[0]).text
    assert "51–66 of" in rest
    shown = re.search(r'<span class="on" id="quotes-asked">(.*?)</span>', page)
    assert shown is not None and "from a pronoun" in shown.group(1) and "(66)" in shown.group(1)
    assert 'class="on" id="quotes-all"' not in page and 'class="on" id="quotes-named"' not in page


# -- unknown parameters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "named", "near"),
    [
        ("/api/entities/{id}/quotes", {"attributon": "named"}, "attributon", "attribution"),
        ("/api/entities/{id}/quotes", {"limt": "5"}, "limt", "limit"),
        ("/api/search", {"q": "kota", "outlets": "kompas.com"}, "outlets", "outlet"),
        ("/api/search", {"q": "kota", "lang": "en"}, "lang", "language"),
        ("/api/stories", {"q": "kota"}, "q", None),  # stories take no search: not ignored either
        ("/api/articles/1", {"format": "csv"}, "format", None),
        ("/api/languages", {"x": "1"}, "x", None),
    ],
)
def test_an_unknown_parameter_is_a_400_that_names_it(client: TestClient, widodo: int, path: str,
                                                    params: dict[str, str], named: str, near: str | None) -> None:
    r = client.get(path.format(id=widodo), params=params)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == 400 and body["error"].startswith(f"{named}: unknown parameter")
    assert (f"did you mean {near!r}" in body["error"]) is (near is not None)
    assert client.head(path.format(id=widodo), params=params).status_code == 400


def test_the_known_parameters_are_listed_and_still_accepted(client: TestClient, widodo: int) -> None:
    error = client.get("/api/top/entities", params={"typ": "PERSON"}).json()["error"]
    assert "/api/top/entities takes end, entity, format, language, limit, offset, outlet, q, start, story, type" in error
    ok = client.get("/api/top/entities", params={"type": "PERSON", "q": "kota", "limit": 3, "offset": 0,
                                                 "format": "json", "outlet": "kompas.com", "start": "2019-09-01"})
    assert ok.status_code == 200


def test_pages_take_extra_parameters(client: TestClient, widodo: int) -> None:
    # pages are read by people: a language switch, a tracking tag or a cache buster is no error
    for path in ("/", f"/entity/{widodo}", "/search?q=kota", "/outlet/kompas.com"):
        assert client.get(path, params={"lang": "en", "utm_source": "x", "_": "1"}).status_code == 200, path


def test_every_api_link_a_page_makes_is_accepted(client: TestClient, widodo: int) -> None:
    article = client.get("/api/search", params={"q": "kota", "limit": 1}).json()["items"][0]["id"]
    pages = ["/", "/search?q=kota&q=ibu&start=2019-09-01&outlet=kompas.com", f"/entity/{widodo}",
             f"/entity/{widodo}?attribution=named", f"/article/{article}", "/outlet/kompas.com"]
    seen = set()
    for page in pages:
        text = client.get(page).text
        seen.update(links(text, r'(?:href|data-src)="(/api/[^"]*)"'))
    assert len(seen) >= 10
    for link in sorted(seen):
        r = client.get(link)
        assert r.status_code == 200, (link, r.text[:200])
