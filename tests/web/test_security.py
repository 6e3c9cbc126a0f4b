"""The explorer's defences: malformed searches are 400s that never reach SQL unquoted, untrusted
text is escaped, links are only http(s), the store is opened read-only, and headers are set."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.store.errors import SearchSyntaxError
from warta.store.readonly import connect_readonly
from warta.store.syntax import parse_query
from warta.web.export import csv_cell
from warta.web.security import safe_href

MALFORMED = [
    '"unbalanced quote',
    'putin "korea',
    "NOT putin",
    "putin NOT",
    "putin AND",
    "OR",
    "(putin",
    "putin)",
    "()",
    "*putin",
    "put*in",
    "pu*",
    "-putin",
    "putin OR -korea",
    "^putin",
    "title_index:putin",
    "{title_index text_index}: putin",
    "NEAR(putin korea)",
    "putin + korea",
    "a" * 10_000,
    "putin " * 2_000,
    "x" * 30_000,
    ("(" * 20) + "a" + (")" * 20),
]


@pytest.mark.parametrize("query", MALFORMED, ids=lambda q: q[:24])
def test_malformed_search_is_a_clear_400(client: TestClient, query: str) -> None:
    r = client.get("/api/search", params={"q": query})
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == 400 and len(body["error"]) > 10
    for path in ("/api/counts", "/api/totals", "/api/top/words"):
        assert client.get(path, params={"q": query}).status_code == 400
    page = client.get("/search", params={"q": query})
    assert page.status_code == 400 and 'role="alert"' in page.text


@pytest.mark.parametrize("params", [
    {"start": "yesterday"}, {"end": "2024-13-40"}, {"entity": "abc"}, {"interval": "year"},
    {"format": "xml"}, {"limit": "-1"},
])
def test_bad_parameters_are_400(client: TestClient, params: dict[str, str]) -> None:
    path = "/api/counts" if "interval" in params else "/api/search"
    r = client.get(path, params=params)
    assert r.status_code == 400 and r.json()["ok"] is False


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "()*:^-+NOTAR{}.\\\'')), max_size=40)
       | st.text(max_size=60))
def test_any_text_parses_to_valid_fts5_or_a_syntax_error(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('a b putin korea')")
    try:
        match = parse_query(text)
    except SearchSyntaxError:
        return
    conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()


def test_words_reach_fts5_only_as_quoted_strings() -> None:
    assert parse_query("putin OR korea") == '("putin" OR "korea")'
    assert parse_query('"korea utara" NOT kim') == '("korea utara" NOT "kim")'
    # Lower-case operators are ordinary words; punctuation separates words as in the index.
    assert parse_query("and or not") == '("and" AND "or" AND "not")'
    assert parse_query("jokowi - prabowo") == '("jokowi" AND "prabowo")'
    # A prefix and a leading "-" (leave out) are part of the language, written as FTS5 quotes.
    assert parse_query("putin*") == '"putin"*'
    assert parse_query('putin -"korea utara"') == '("putin" NOT "korea utara")'
    assert parse_query("-korea putin") == '("putin" NOT "korea")'


def test_hostile_article_is_escaped_everywhere(client: TestClient, ids: dict[str, int]) -> None:
    hostile = ids["hostile"]
    evil_entity = client.get("/api/entities", params={"name": "<svg onload=window.__pwned='entity'>"}).json()["items"][0]["id"]
    pages = [f"/article/{hostile}", "/", "/search?q=putin", "/story/story-hostile", "/outlet/evil.example",
             f"/entity/{evil_entity}", "/search?q=%3Cscript%3E", "/search?q=%22%3Cscript%3Ewindow.x%3D1"]
    for path in pages:
        html = client.get(path).text
        assert "<script>window" not in html, path
        assert "<img src=x" not in html and "<svg onload" not in html and "<b onmouseover" not in html, path
        assert 'href="javascript:' not in html.lower(), path
    article = client.get(f"/article/{hostile}").text
    assert "&lt;script&gt;window.__pwned=" in article


def test_only_http_links_become_links() -> None:
    assert safe_href("https://kompas.com/a") == "https://kompas.com/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil", "vbscript:x", None, ""):
        assert safe_href(bad) is None


def test_csv_cells_cannot_become_formulas() -> None:
    assert csv_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert csv_cell("+1") == "'+1" and csv_cell("@x") == "'@x"
    assert csv_cell("Putin") == "Putin" and csv_cell(3) == 3 and csv_cell(["a", "b"]) == "a; b"


def test_security_headers_on_every_response(client: TestClient, ids: dict[str, int]) -> None:
    for path in ("/", f"/article/{ids['hostile']}", "/api/search?q=putin", "/api/search?q=%22",
                 "/static/style.css", "/nope", "/api/search?limit=0&format=csv"):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        assert h["x-frame-options"] == "DENY"


def test_pages_have_no_inline_scripts(client: TestClient, ids: dict[str, int]) -> None:
    import re

    for path in ("/", "/search?q=putin&q=beras", f"/article/{ids['putin-pk']}", "/outlet/kompas.com"):
        html = client.get(path).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="/static/' in tag, (path, tag)
        assert not re.search(r"<script[^>]*>[^<]", html), path
        assert not re.search(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", html), path  # no handler attributes


def test_store_is_opened_read_only(store: tuple[Path, dict[str, int]], client: TestClient) -> None:
    path = store[0]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for p in ("/", "/search?q=putin", "/api/search?limit=0&format=csv", "/article/1"):
        client.get(p)
    conn = connect_readonly(path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
    conn.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_serve_binds_to_localhost_by_default() -> None:
    from warta.cli.main import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert args.host == "127.0.0.1" and args.port == 8000


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from warta.cli.main import main

    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store" in capsys.readouterr().err
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    assert main(["serve", "--db", str(other)]) == 2
