"""The store: migrations, idempotent upserts, duplicate ids, enrichment tables, search."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from warta.article import Article, DateValue, Entity, Language, Paragraph, Quote
from warta.store.db import open_store
from warta.store.errors import SearchSyntaxError
from warta.store.migrations import pending
from warta.store.queries import reconciliation, snapshot
from warta.store.records import find_entity
from warta.store.rows import ArticleRow, RejectRow
from warta.store.search import Filters, count, counts_by, search
from warta.store.syntax import parse_query
from warta.store.tokens import index_text


def row(key: str, text: str, *, title: str = "Judul", outlet: str = "kompas.com",
        day: str = "2019-09-10", record_id: str | None = None, lang: str = "id") -> ArticleRow:
    article = Article(
        title=title, paragraphs=[Paragraph(text)], text=text, url=f"https://{outlet}/{key}",
        language=Language(detected=lang, score=1.0),
        published=DateValue(value=f"{day}T08:00:00+07:00", origin="given"),
        quotes=[Quote(speaker="Jokowi", cue="kata", text="Kita bangun", start=0, end=11)],
        entities=[Entity(name="Joko Widodo", type="PERSON", mentions=2)],
    )
    return ArticleRow(
        key=key, record_id=record_id or key, input="in.jsonl", article=article, outlet=outlet,
        day=day, text_hash=key, word_count=len(text.split()),
        title_index=index_text(title, lang), text_index=index_text(text, lang),
    )


def found(conn, query: str | None, **filters) -> set[str]:  # type: ignore[no-untyped-def]
    """The record ids of the articles a search (and filters) selects."""
    f = Filters(match=parse_query(query) if query else None, **filters)
    return {r["record_id"] for r in search(conn, f, limit=None)}


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "s.db") as s:
        s.input_state("in.jsonl", kind="jsonl", size=1)
        s.write([
            row("a", "Pemerintahan kota membangun jembatan baru di Palangkaraya."),
            row("b", "Presiden memerintahkan menteri memeriksa banjir di Jakarta.", outlet="tempo.co", day="2019-09-11"),
            row("c", "The government opened a new bridge in Jakarta.", lang="en", outlet="thejakartapost.com"),
        ])
        yield s


def test_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    open_store(path).close()
    with open_store(path) as s:
        assert pending(s.conn) == []
        mode = s.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_writes_are_idempotent_and_ids_unique(store) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(store.conn)
    store.write([row("a", "Pemerintahan kota membangun jembatan baru di Palangkaraya.")])
    assert snapshot(store.conn) == before
    store.write([row("d", "Teks lain sama sekali.", record_id="a"),
                 RejectRow(key="e", record_id="e", input="in.jsonl", reason="no-content")],
                finished_inputs=["in.jsonl"])
    rejects = dict(store.conn.execute("SELECT key, reason FROM rejects"))
    assert rejects == {"d": "duplicate-record-id", "e": "no-content"}
    rec = reconciliation(store.conn)
    assert rec.balanced and (rec.records, rec.articles, rec.rejects) == (5, 3, 2)


def test_a_row_changing_from_article_to_reject_moves(store) -> None:  # type: ignore[no-untyped-def]
    store.write([RejectRow(key="a", record_id="a", input="in.jsonl", reason="timeout")])
    assert store.conn.execute("SELECT count(*) FROM articles WHERE key = 'a'").fetchone()[0] == 0
    assert count(store.conn, Filters(match=parse_query("jembatan"))) == 0  # the index followed


def test_enrichment_tables_are_filled(store) -> None:  # type: ignore[no-untyped-def]
    quotes = store.conn.execute("SELECT count(*), min(speaker) FROM quotes").fetchone()
    assert quotes == (3, "Jokowi")
    ent = store.conn.execute(
        "SELECT e.name, count(*), sum(ae.mentions) FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
    ).fetchone()
    assert ent == ("Joko Widodo", 3, 6)
    [joko] = find_entity(store.conn, "joko widodo")
    assert count(store.conn, Filters(entity=joko["id"])) == 3


def test_search_stems_indonesian_and_matches_exact_words(store) -> None:  # type: ignore[no-untyped-def]
    assert found(store.conn, "perintah") == {"a", "b"}
    assert found(store.conn, "pemerintah") == {"a", "b"}
    assert found(store.conn, "government") == {"c"}
    assert found(store.conn, "jakarta -banjir") == {"c"}
    assert found(store.conn, '"jembatan baru" OR banjir') == {"a", "b"}
    assert found(store.conn, "jakarta", outlets=("tempo.co",)) == {"b"}
    assert found(store.conn, "jakarta", language="en") == {"c"}
    assert [r["record_id"] for r in search(store.conn, Filters(start="2019-09-11"))] == ["b"]
    assert [r["record_id"] for r in search(store.conn, Filters(), sort="oldest")][-1] == "b"
    assert counts_by(store.conn, Filters(match=parse_query("jakarta"))) == [
        ("2019-09-10", "thejakartapost.com", 1), ("2019-09-11", "tempo.co", 1)
    ]


def test_prefix_and_minus_search(store) -> None:  # type: ignore[no-untyped-def]
    # A prefix matches the indexed words: Indonesian ones are indexed by their stem.
    assert found(store.conn, "jemba*") == {"a"}
    assert found(store.conn, "perintah*") == {"a", "b"}
    assert found(store.conn, "jakar*") == {"b", "c"}
    assert found(store.conn, 'jakarta -"presiden memerintahkan"') == {"c"}
    assert found(store.conn, "-banjir jakarta") == {"c"}
    assert found(store.conn, "jakarta -(banjir OR bridge)") == set()


def test_queries_are_quoted_never_pasted(store) -> None:  # type: ignore[no-untyped-def]
    hostile = ['x" OR 1=1 --', "'); DROP TABLE articles; --", "NEAR(a b)", "title_index:jembatan", "a*b"]
    for q in hostile:
        with contextlib.suppress(SearchSyntaxError):  # a result or a syntax error, never SQL's
            found(store.conn, q)
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    # FTS5's own syntax is refused, not read as words (the explorer's security tests ask so).
    for bad in ("-banjir", "(banjir", "banjir)", "NOT", "NEAR(jakarta banjir)"):
        with pytest.raises(SearchSyntaxError):
            parse_query(bad)


def test_the_article_round_trips(store) -> None:  # type: ignore[no-untyped-def]
    from warta.store.rows import article_from_row

    blob, text = store.conn.execute("SELECT article, text FROM articles WHERE key = 'a'").fetchone()
    assert article_from_row(blob, text) == row("a", text).article


def test_an_outlet_is_named_by_a_site_name_not_a_host_name(tmp_path: Path) -> None:
    with contextlib.closing(open_store(tmp_path / "s.db")) as store:
        first = store.outlet_id("okezone.com", "lifestyle.okezone.com")  # metadata's host fallback
        assert store.conn.execute("SELECT name FROM outlets").fetchone() == (None,)
        assert store.outlet_id("okezone.com", "Okezone") == first  # the first real name fills it
        assert store.outlet_id("okezone.com", "Okezone News") == first  # and stays
        assert store.conn.execute("SELECT name FROM outlets").fetchone() == ("Okezone",)
        store.outlet_id("kompas.com", "KOMPAS.com")  # a name that spells the domain is a name
        assert store.conn.execute(
            "SELECT name FROM outlets WHERE domain = 'kompas.com'"
        ).fetchone() == ("KOMPAS.com",)
