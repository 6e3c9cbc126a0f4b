"""Read-only queries over a store: the reconciliation ``warta stats`` prints, counts for the
explorer (by outlet, language, day; top stories) and the rows the exporters write."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import msgspec

from warta.instants import published_key_sql


class Reconciliation(msgspec.Struct, kw_only=True):
    """Where every input record went. ``records == articles + duplicates + rejects`` always."""

    inputs: int
    inputs_done: int
    records: int
    """Records the input ledger counts."""
    articles: int
    duplicates: int
    rejects: int
    duplicates_by_kind: dict[str, int]
    rejects_by_reason: dict[str, int]
    articles_by_language: dict[str, int]
    articles_by_outlet: dict[str, int]
    copy_clusters: int
    stories: int
    multi_outlet_stories: int

    @property
    def balanced(self) -> bool:
        """True when every record is accounted for exactly once."""
        return self.records == self.articles + self.duplicates + self.rejects


def reconciliation(conn: sqlite3.Connection, *, top: int = 20) -> Reconciliation:
    """The store's reconciliation and its breakdowns (``top`` outlets)."""
    one = lambda sql: conn.execute(sql).fetchone()[0] or 0  # noqa: E731
    pairs = lambda sql: {str(k): v for k, v in conn.execute(sql)}  # noqa: E731
    return Reconciliation(
        inputs=one("SELECT count(*) FROM inputs"),
        inputs_done=one("SELECT count(*) FROM inputs WHERE done"),
        records=one("SELECT sum(records) FROM inputs"),
        articles=one("SELECT count(*) FROM articles WHERE status = 'article'"),
        duplicates=one("SELECT count(*) FROM articles WHERE status = 'duplicate'"),
        rejects=one("SELECT count(*) FROM rejects"),
        duplicates_by_kind=pairs(
            "SELECT duplicate_kind, count(*) FROM articles WHERE status = 'duplicate'"
            " GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        rejects_by_reason=pairs("SELECT reason, count(*) FROM rejects GROUP BY 1 ORDER BY 2 DESC, 1"),
        articles_by_language=pairs(
            "SELECT coalesce(language, '?'), count(*) FROM articles WHERE status = 'article'"
            " GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        articles_by_outlet=pairs(
            "SELECT coalesce(o.domain, '?'), count(*) FROM articles a LEFT JOIN outlets o"
            " ON o.id = a.outlet_id WHERE a.status = 'article' GROUP BY 1 ORDER BY 2 DESC, 1"
            f" LIMIT {int(top)}"
        ),
        copy_clusters=one("SELECT count(*) FROM clusters WHERE kind = 'copy'"),
        stories=one("SELECT count(*) FROM stories"),
        multi_outlet_stories=one("SELECT count(*) FROM stories WHERE outlets > 1"),
    )


def top_stories(conn: sqlite3.Connection, *, limit: int = 10) -> list[dict[str, Any]]:
    """Stories covered by the most outlets."""
    rows = conn.execute(
        "SELECT id, title, outlets, articles, first_seen FROM stories"
        f" ORDER BY outlets DESC, articles DESC, {published_key_sql('first_seen')}, id LIMIT ?",
        (limit,),
    )
    return [
        {"id": r[0], "title": r[1], "outlets": r[2], "articles": r[3], "first_seen": r[4]}
        for r in rows
    ]


def copy_clusters(conn: sqlite3.Connection, *, limit: int = 10) -> list[dict[str, Any]]:
    """The largest copy clusters with their original outlet and evidence."""
    rows = conn.execute(
        "SELECT c.id, c.size, c.original_outlet, c.evidence,"
        " (SELECT title FROM articles WHERE id = c.original_id),"
        " (SELECT group_concat(DISTINCT o.domain) FROM cluster_members m JOIN articles a"
        "  ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"
        "  WHERE m.cluster_id = c.id)"
        " FROM clusters c WHERE c.kind = 'copy' ORDER BY c.size DESC, c.id LIMIT ?",
        (limit,),
    )
    return [
        {"id": r[0], "size": r[1], "original_outlet": r[2], "evidence": r[3], "title": r[4],
         "outlets": (r[5] or "").split(",")}
        for r in rows
    ]


def counts_by_day(
    conn: sqlite3.Connection, *, outlet: str | None = None, language: str | None = None
) -> list[tuple[str, int]]:
    """Articles (not duplicates) per day, optionally for one outlet or language."""
    where, params = ["a.status = 'article'", "a.day IS NOT NULL"], []
    if outlet:
        where.append("o.domain = ?")
        params.append(outlet)
    if language:
        where.append("a.language = ?")
        params.append(language)
    rows = conn.execute(
        "SELECT a.day, count(*) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        f" WHERE {' AND '.join(where)} GROUP BY a.day ORDER BY a.day",
        params,
    )
    return [(r[0], r[1]) for r in rows]


EXPORT_SQL = """
SELECT a.id, a.record_id, a.key, a.input, a.url, o.domain, a.title, a.text, a.article,
       a.language, a.language_score, a.published, a.published_origin, a.fetched, a.day,
       a.dateline, a.credit, a.credit_outlet, a.word_count, a.text_hash, a.quality,
       a.quality_flags, a.status, a.duplicate_kind,
       (SELECT d.record_id FROM articles d WHERE d.id = a.duplicate_of), a.cluster_id, a.story_id
FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
ORDER BY a.key
"""


def export_rows(
    conn: sqlite3.Connection, where: str = "1", params: Sequence[Any] = ()
) -> Iterator[dict[str, Any]]:
    """Every article (duplicates included, marked) as a flat record, ordered by key; ``where``
    (an SQL condition over ``a``, with ``params``) keeps some (``warta export``'s filters)."""
    sql = EXPORT_SQL.replace("ORDER BY a.key", f"WHERE {where}\nORDER BY a.key")
    for r in conn.execute(sql, params):
        article = msgspec.json.decode(r[8])
        yield {
            "id": r[1],
            "key": r[2],
            "input": r[3],
            "url": r[4],
            "outlet": r[5],
            "title": r[6],
            "text": r[7],
            "paragraphs": [p["text"] for p in article.get("paragraphs", [])],
            "language": r[9],
            "language_score": r[10],
            "published": r[11],
            "published_origin": r[12],
            "fetched": r[13],
            "day": r[14],
            "dateline": r[15],
            "credit": r[16],
            "credit_outlet": r[17],
            "authors": article.get("authors", []),
            "site_name": article.get("site_name"),
            "word_count": r[18],
            "text_hash": r[19],
            "quality": msgspec.json.decode(r[20]),
            "quality_flags": msgspec.json.decode(r[21]),
            "status": r[22],
            "duplicate_kind": r[23],
            "duplicate_of": r[24],
            "cluster_id": r[25],
            "story_id": r[26],
            "quotes": article.get("quotes", []),
            "entities": article.get("entities", []),
            "warnings": article.get("warnings", []),
        }


def export_rejects(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every reject, ordered by key."""
    rows = conn.execute(
        "SELECT key, record_id, input, url, reason, detail, size FROM rejects ORDER BY key"
    )
    names = ("key", "id", "input", "url", "reason", "detail", "size")
    for r in rows:
        yield dict(zip(names, r, strict=True))


SNAPSHOT_SQL: dict[str, str] = {
    "inputs": "SELECT path, kind, records, done FROM inputs",
    "outlets": "SELECT domain FROM outlets",
    "articles": (
        "SELECT a.key, a.record_id, a.input, a.url, a.url_norm, o.domain, a.title, a.text,"
        " a.language, a.published, a.day, a.text_hash, a.quality, a.quality_flags, a.text_index,"
        " a.status, a.duplicate_kind, d.key, a.cluster_id, a.story_id"
        " FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        " LEFT JOIN articles d ON d.id = a.duplicate_of"
    ),
    "rejects": "SELECT key, record_id, input, reason FROM rejects",
    "clusters": (
        "SELECT c.id, c.kind, c.size, a.key, c.original_outlet, c.evidence FROM clusters c"
        " LEFT JOIN articles a ON a.id = c.original_id"
    ),
    "cluster_members": (
        "SELECT m.cluster_id, a.key, m.similarity FROM cluster_members m"
        " JOIN articles a ON a.id = m.article_id"
    ),
    "stories": "SELECT id, title, first_seen, last_seen, articles, outlets FROM stories",
    "story_members": (
        "SELECT m.story_id, a.key FROM story_members m JOIN articles a ON a.id = m.article_id"
    ),
    "fts": "SELECT count(*) FROM articles_fts",
}


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """The store's content without row ids, run history or timestamps, rows sorted: two stores
    built from the same inputs compare equal however the runs went (engine, kills, resumes)."""
    return {
        name: sorted(
            (tuple(row) for row in conn.execute(sql)), key=lambda r: tuple(map(str, r))
        )
        for name, sql in SNAPSHOT_SQL.items()
    }
