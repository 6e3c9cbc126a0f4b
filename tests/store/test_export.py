"""``warta export``'s reads (warta.store.export): the rows of each export, selected by the
explorer's filters and by status, from a current store and from one made before migrations 6
(entity aliases) and 7 (quote attribution)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.web.paging_store import INPUT
from tests.web.store_builder import _row, build_store
from warta.pipeline.corpus import run_corpus_stage
from warta.store.db import open_store
from warta.store.errors import BadFilter
from warta.store.explore import count_entity_quotes, top_entities
from warta.store.export import (
    COLUMNS,
    STATUSES,
    WHATS,
    Selection,
    article_rows,
    entity_rows,
    export_table,
    quote_rows,
    resolve_entities,
    story_rows,
)
from warta.store.queries import export_rows
from warta.store.readonly import connect_readonly
from warta.store.search import Filters, search
from warta.store.syntax import parse_query


def alias_article(i: int, speaker: str, entity: str, lead: str, outlet: str = "kompas.com") -> dict[str, Any]:
    """An article quoting ``speaker`` and naming ``entity`` (as tests/web/test_entity_aliases.py)."""
    quote = {"speaker": speaker, "cue": f"kata {speaker}", "text": f"Pembangunan jalan tol nomor {i} selesai"}
    return {
        "key": f"a{i}", "outlet": outlet, "url": f"https://{outlet}/berita/{i}",
        "published": f"2019-09-1{i}T08:00:00+07:00", "language": "id", "title": f"Berita {i}",
        "paragraphs": [lead, f'"{quote["text"]}," kata {speaker}.'],
        "quotes": [quote], "entities": [[entity, "PERSON", 2]],
    }  # fmt: skip


ALIAS_SPECS = [
    alias_article(0, "Joko Widodo", "Joko Widodo", "Presiden Joko Widodo (Jokowi) meresmikan jalan tol."),
    alias_article(1, "Jokowi", "Jokowi", "Jokowi meresmikan jalan tol di Jawa Tengah.", "detik.com"),
    alias_article(2, "Budi Karya", "Budi Karya", "Menteri Budi Karya meninjau jalan tol."),
]


def build_alias_store(path: Path, specs: list[dict[str, Any]] = ALIAS_SPECS) -> Path:
    """A store whose corpus stage merged "Jokowi" into "Joko Widodo"."""
    with open_store(path) as store:
        store.input_state(INPUT, kind="jsonl", size=None)
        store.write([_row(s) for s in specs], finished_inputs=[INPUT])
        run_corpus_stage(store, copies=lambda _rows: [], stories=lambda _rows: [])
    return path


def make_old(path: Path) -> None:
    """Turn a store into one written before migrations 6 and 7: no alias table, no quote
    attribution column, article records without the quotes' ``attribution`` field."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE entity_aliases")
    conn.execute("DROP TABLE entity_nicknames")
    conn.execute("ALTER TABLE quotes DROP COLUMN attribution")
    conn.execute("DELETE FROM schema_migrations WHERE version >= 6")
    for aid, blob in conn.execute("SELECT id, article FROM articles").fetchall():
        doc = msgspec.json.decode(blob)
        for q in doc.get("quotes", []):
            q.pop("attribution", None)
        conn.execute("UPDATE articles SET article = ? WHERE id = ?", (msgspec.json.encode(doc), aid))
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("export") / "store.db"
    build_store(path)
    c = connect_readonly(path, time_limit=None)
    yield c
    c.close()


@pytest.fixture(scope="module")
def alias_conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    c = connect_readonly(build_alias_store(tmp_path_factory.mktemp("aliases") / "store.db"), time_limit=None)
    yield c
    c.close()


def keys(rows: Iterator[dict[str, Any]]) -> list[str]:
    return [r["key"] for r in rows]


def test_articles_are_the_rows_warta_run_out_writes(conn: sqlite3.Connection) -> None:
    rows = list(article_rows(conn, Selection(status="all")))
    assert rows == list(export_rows(conn))
    assert len(rows) == conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
    assert all(tuple(r) == COLUMNS["articles"] for r in rows)


def test_the_article_columns_are_the_parquet_schema_s() -> None:
    pytest.importorskip("pyarrow")
    from warta.pipeline.writers import parquet

    schemas = {"articles": parquet.article_schema(), "quotes": parquet.quote_schema(),
               "entities": parquet.entity_schema(), "stories": parquet.story_schema(),
               "rejects": parquet.reject_schema()}  # fmt: skip
    assert set(schemas) == set(WHATS)
    for what, schema in schemas.items():
        assert tuple(schema.names) == COLUMNS[what], what


def test_status_selects_as_the_store_marks_articles(conn: sqlite3.Connection) -> None:
    by = {s: keys(article_rows(conn, Selection(status=s))) for s in STATUSES}
    stored = dict(conn.execute("SELECT key, status FROM articles").fetchall())
    kinds = dict(conn.execute("SELECT key, duplicate_kind FROM articles").fetchall())
    assert sorted(by["all"]) == sorted(stored)
    assert by["article"] == sorted(k for k, s in stored.items() if s == "article")
    assert by["duplicate"] == sorted(k for k, s in stored.items() if s == "duplicate")
    assert "beras-detik-again" in by["duplicate"] and "putin-pk" in by["duplicate"]
    # counted: what the explorer counts, i.e. without the exact duplicate but with the copy
    assert by["counted"] == sorted(k for k in stored if stored[k] == "article" or kinds[k] == "copy")
    assert "beras-detik-again" not in by["counted"] and "putin-pk" in by["counted"]


def test_the_query_means_what_the_search_box_means(conn: sqlite3.Connection) -> None:
    for text in ("gempa", "Putin -Pyongyang", '"harga beras" OR pemerintah*'):
        f = Filters(match=parse_query(text))
        shown = {r["record_id"] for r in search(conn, f, limit=None)}
        assert set(keys(article_rows(conn, Selection(filters=f)))) == shown and shown, text


def test_outlet_day_language_and_story_filters(conn: sqlite3.Connection) -> None:
    def sel(**kw: Any) -> list[str]:
        return keys(article_rows(conn, Selection(filters=Filters(**kw), status="all")))

    assert sel(language="en") == ["putin-jakpost"]
    assert sel(outlets=("kompas.com",)) == ["pangan-kompas", "putin-kompas"]
    assert sel(start="2024-06-18", end="2024-06-18") == ["putin-jp", "putin-pk"]
    assert sel(story="story-gempa") == ["gempa-suara", "gempa-tribun"]
    assert sel(outlets=("detik.com",)) == ["beras-detik", "beras-detik-again"]


def test_quotes_one_row_each_with_the_article_s_fields(conn: sqlite3.Connection) -> None:
    rows = list(quote_rows(conn, Selection(status="all")))
    assert len(rows) == conn.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0
    assert all(tuple(r) == COLUMNS["quotes"] for r in rows)
    yang = [r for r in rows if r["speaker"] == "Yang Moo Jin"]
    assert {r["article_id"] for r in yang} == {"putin-jp", "putin-pk"}
    r = yang[0]
    assert (r["outlet"], r["attribution"], r["day"]) == ("jawapos.com", "named", "2024-06-18")
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (r["store_id"],)).fetchone()[0]
    assert text[r["start"]:r["end"]] == r["text"]


def test_entity_quotes_are_the_explorer_s(alias_conn: sqlite3.Connection) -> None:
    [widodo] = resolve_entities(alias_conn, ["Joko Widodo"])
    assert resolve_entities(alias_conn, ["jokowi"]) == [widodo]  # an alias form, any case
    assert resolve_entities(alias_conn, [str(widodo["id"])]) == [widodo]
    f = Filters(entities=(widodo["id"],))
    rows = list(quote_rows(alias_conn, Selection(filters=f)))
    assert sorted(r["speaker"] for r in rows) == ["Joko Widodo", "Jokowi"]
    assert len(rows) == count_entity_quotes(alias_conn, f)
    # the other filters still select the articles; the entity is the speaker there
    only = Selection(filters=Filters(entities=(widodo["id"],), outlets=("detik.com",)))
    assert [r["speaker"] for r in quote_rows(alias_conn, only)] == ["Jokowi"]
    with pytest.raises(BadFilter, match="no entity"):
        resolve_entities(alias_conn, ["Nobody Here"])


def test_entities_with_counts_and_aliases(conn: sqlite3.Connection, alias_conn: sqlite3.Connection) -> None:
    rows = list(entity_rows(conn, Selection()))
    assert all(tuple(r) == COLUMNS["entities"] for r in rows)
    explorer = top_entities(conn, Filters(), limit=None)
    assert [(r["name"], r["articles"], r["mentions"]) for r in rows] == [
        (e["name"], e["articles"], e["mentions"]) for e in explorer
    ]
    merged = {r["name"]: r for r in entity_rows(alias_conn, Selection())}
    assert merged["Joko Widodo"]["aliases"] == ["Jokowi"] and merged["Joko Widodo"]["articles"] == 2
    assert "Jokowi" not in merged and merged["Budi Karya"]["aliases"] == []
    kompas = {r["name"] for r in entity_rows(conn, Selection(filters=Filters(outlets=("kompas.com",))))}
    assert kompas == {"Vladimir Putin", "Kim Jong Un", "Korea Utara", "Badan Pangan Nasional"}


def test_stories_whole_with_members_in_time_order(conn: sqlite3.Connection) -> None:
    rows = {r["story_id"]: r for r in story_rows(conn, Selection())}
    assert all(tuple(r) == COLUMNS["stories"] for r in rows.values())
    assert set(rows) == {r[0] for r in conn.execute("SELECT id FROM stories")}
    putin = rows["story-putin"]
    assert putin["members"] == ["putin-jp", "putin-pk", "putin-kompas", "putin-jakpost"]
    assert putin["member_outlets"] == ["jawapos.com", "prokalteng.co", "kompas.com", "thejakartapost.com"]
    assert isinstance(putin["keywords"], list)
    kompas = [r["story_id"] for r in story_rows(conn, Selection(filters=Filters(outlets=("kompas.com",))))]
    assert sorted(kompas) == ["story-pangan", "story-putin"]
    assert len(rows["story-putin"]["members"]) == 4  # a selected story keeps every member


def test_rejects_cannot_be_filtered(conn: sqlite3.Connection) -> None:
    assert list(export_table(conn, "rejects", Selection(status="all"))) == []
    with pytest.raises(BadFilter, match="rejects cannot be filtered"):
        export_table(conn, "rejects", Selection(filters=Filters(outlets=("kompas.com",)), status="all"))
    with pytest.raises(BadFilter):
        export_table(conn, "nonsense", Selection())  # type: ignore[arg-type]


def test_an_older_store_exports_with_nulls(tmp_path: Path) -> None:
    path = build_alias_store(tmp_path / "old.db")
    make_old(path)
    old = connect_readonly(path, time_limit=None)
    try:
        quotes = list(quote_rows(old, Selection()))
        assert len(quotes) == 3 and all(q["attribution"] is None for q in quotes)
        articles = list(article_rows(old, Selection(status="all")))
        assert all(q["attribution"] is None and q["kind"] == "direct" for a in articles for q in a["quotes"])
        assert [r["aliases"] for r in entity_rows(old, Selection())] == [[], []]
        # without the alias table a name finds the entities of that name only
        [widodo] = resolve_entities(old, ["Joko Widodo"])
        assert [q["speaker"] for q in quote_rows(old, Selection(filters=Filters(entities=(widodo["id"],))))] == [
            "Joko Widodo"
        ]
    finally:
        old.close()
