"""Corpus-stage reads and writes: exact duplicates, copy clusters and stories.

The corpus stage is recomputed from the articles on every run, inside one transaction
(:meth:`warta.store.db.Store.transaction`): a crash leaves the previous result, and a re-run gives
the same result, because every choice here is ordered by stable keys, never by arrival.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import msgspec

from warta.instants import published_key_sql


@dataclass(frozen=True)
class ClusterWrite:
    """A cluster to store: members by article key, the kept/original member, and why."""

    id: str
    kind: str
    members: Sequence[str]
    original: str | None
    original_outlet: str | None
    evidence: str
    similarity: dict[str, float]
    kept: str
    """The member that stays an article; the others become duplicates of it."""


@dataclass(frozen=True)
class StoryWrite:
    """A story to store (members by article key)."""

    id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    members: Sequence[str]
    outlets: int
    keywords: Sequence[str] = ()


def reset(conn: sqlite3.Connection) -> None:
    """Forget every corpus-stage result."""
    conn.execute(
        "UPDATE articles SET status = 'article', duplicate_of = NULL, duplicate_kind = NULL,"
        " cluster_id = NULL, story_id = NULL"
        " WHERE status != 'article' OR cluster_id IS NOT NULL OR story_id IS NOT NULL"
    )
    for table in ("cluster_members", "clusters", "story_members", "stories"):
        conn.execute(f"DELETE FROM {table}")


# Representative of an exact-duplicate group: earliest known publication (UTC instant), then input order: the
# input's place in the ledger (inputs are registered in the order a run is given them; a changed
# input read again keeps its place), then the record's position in its input (the number after
# the input's path in the key), then the id. Not the id first: an input read again gets new ids
# after every other input's, and its articles would lose their place as originals.
_ORDER = (
    f"{published_key_sql('published')} IS NULL, {published_key_sql('published')},"
    " (SELECT i.rowid FROM inputs i WHERE i.path = articles.input),"
    " CAST(substr(key, length(input) + 2) AS INTEGER), id"
)


def exact_duplicates(conn: sqlite3.Connection) -> dict[str, int]:
    """Group articles with the same normalised URL, then (within one outlet) the same normalised
    text. The first of each group by publication time (then input order) stays; the rest become
    duplicates. Returns duplicates marked, by kind.

    Identical texts at *different* outlets are syndicated copies: they are left to copy detection,
    which also says which outlet published the story first.
    """
    counts = {"url": 0, "text": 0}
    groupings = (
        ("url", "url_norm", "url_norm IS NOT NULL"),
        ("text", "coalesce(outlet_id, -1) || ':' || text_hash", "1"),
    )
    for kind, expr, where in groupings:
        groups = conn.execute(
            f"SELECT {expr} AS g FROM articles WHERE status = 'article' AND {where}"
            f" GROUP BY g HAVING count(*) > 1 ORDER BY g"
        ).fetchall()
        for (value,) in groups:
            members = conn.execute(
                f"SELECT id, key FROM articles WHERE status = 'article' AND {expr} = ?"
                f" ORDER BY {_ORDER}",
                (value,),
            ).fetchall()
            cid = f"{kind}:{hashlib.sha1(str(value).encode()).hexdigest()[:16]}"
            kept_id = members[0][0]
            conn.execute(
                "INSERT INTO clusters(id, kind, size, original_id, original_outlet, evidence)"
                " VALUES (?, ?, ?, ?, (SELECT o.domain FROM articles a JOIN outlets o"
                " ON o.id = a.outlet_id WHERE a.id = ?), 'first')",
                (cid, kind, len(members), kept_id, kept_id),
            )
            conn.executemany(
                "INSERT INTO cluster_members(cluster_id, article_id, similarity) VALUES (?, ?, 1.0)",
                [(cid, aid) for aid, _ in members],
            )
            conn.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (cid, kept_id))
            conn.executemany(
                "UPDATE articles SET status = 'duplicate', duplicate_kind = ?, duplicate_of = ?,"
                " cluster_id = ? WHERE id = ?",
                [(kind, kept_id, cid, aid) for aid, _ in members[1:]],
            )
            counts[kind] += len(members) - 1
    return counts


def copy_candidates(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The articles copy detection looks at (not exact duplicates), by key."""
    rows = conn.execute(
        "SELECT a.key, a.text, a.title, o.domain, a.url, a.published, a.credit, a.credit_outlet,"
        " a.dateline FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        " WHERE a.status = 'article' ORDER BY a.key"
    )
    names = ("id", "text", "title", "outlet", "url", "published", "credit", "credit_outlet", "dateline")
    for row in rows:
        yield dict(zip(names, row, strict=True))


def write_clusters(conn: sqlite3.Connection, clusters: Sequence[ClusterWrite]) -> int:
    """Store copy clusters; every member but ``kept`` becomes a duplicate. Returns duplicates."""
    marked = 0
    for c in clusters:
        ids = dict(
            conn.execute(
                f"SELECT key, id FROM articles WHERE key IN ({','.join('?' * len(c.members))})",
                list(c.members),
            ).fetchall()
        )
        kept_id = ids[c.kept]
        conn.execute(
            "INSERT INTO clusters(id, kind, size, original_id, original_outlet, evidence)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (c.id, c.kind, len(c.members), ids.get(c.original or ""), c.original_outlet, c.evidence),
        )
        conn.executemany(
            "INSERT INTO cluster_members(cluster_id, article_id, similarity) VALUES (?, ?, ?)",
            [(c.id, ids[k], c.similarity.get(k)) for k in c.members],
        )
        conn.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (c.id, kept_id))
        others = [(c.kind, kept_id, c.id, ids[k]) for k in c.members if k != c.kept]
        conn.executemany(
            "UPDATE articles SET status = 'duplicate', duplicate_kind = ?, duplicate_of = ?,"
            " cluster_id = ? WHERE id = ?",
            others,
        )
        marked += len(others)
    return marked


def story_candidates(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Articles and copies (not exact duplicates) for story grouping, with their entity names.
    An article without a publication date is placed at its fetch date."""
    rows = conn.execute(
        "SELECT a.id, a.key, o.domain, coalesce(a.published, a.fetched), coalesce(a.title, ''),"
        " coalesce(a.lead, ''),"
        " (SELECT json_group_array(e.name) FROM article_entities ae JOIN entities e"
        "  ON e.id = ae.entity_id WHERE ae.article_id = a.id)"
        " FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        " WHERE a.status = 'article' OR a.duplicate_kind = 'copy' ORDER BY a.key"
    )
    for _aid, key, outlet, published, title, lead, entities in rows:
        yield {
            "id": key,
            "outlet": outlet,
            "published": published,
            "title": title,
            "lead": lead,
            "entities": msgspec.json.decode(entities) if entities else [],
        }


def write_stories(conn: sqlite3.Connection, stories: Sequence[StoryWrite]) -> None:
    """Store stories and set each member's ``story_id``; exact duplicates follow their original."""
    for s in stories:
        conn.execute(
            "INSERT INTO stories(id, title, first_seen, last_seen, articles, outlets, keywords)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (s.id, s.title, s.first_seen, s.last_seen, len(s.members), s.outlets,
             msgspec.json.encode(list(s.keywords)).decode()),
        )
        conn.executemany(
            "INSERT INTO story_members(story_id, article_id) SELECT ?, id FROM articles WHERE key = ?",
            [(s.id, k) for k in s.members],
        )
        conn.executemany(
            "UPDATE articles SET story_id = ? WHERE key = ?", [(s.id, k) for k in s.members]
        )
    conn.execute(
        "UPDATE articles SET story_id = (SELECT o.story_id FROM articles o WHERE o.id ="
        " articles.duplicate_of) WHERE duplicate_kind IN ('url', 'text')"
    )
