"""The explorer's record pages: one article (with its copies and related articles), one story
(and the stories of a window), one entity, one outlet. Each lookup raises
:class:`~warta.store.errors.RecordNotFound` for an unknown id.

Every function takes an open :class:`sqlite3.Connection` (see
:func:`warta.store.readonly.connect_readonly`) and passes all values as SQL parameters.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import msgspec

from warta.instants import published_key_sql
from warta.store.aliases import entity_aliases, entity_by_alias
from warta.store.errors import RecordNotFound
from warta.store.explore import attribution_column, stopwords
from warta.store.readonly import fetch_all, fetch_one, iter_rows
from warta.store.search import COUNTED, LIST_COLUMNS, match_count, page_rows
from warta.store.sources import cluster_source

RELATED_TERMS = 4
"""Title words a "Baca Juga" search uses: the title's rarest."""
RELATED_CAP = 1000
"""Matches counted, at most, to tell how rare a title word is."""
_PUBLISHED = published_key_sql("a.published")
# Time order is by UTC instant, a date alone after every time of its day (warta.instants), never
# by the published text. The rows ordered are one story's or cluster's, found by index first.
_BY_TIME = f"{_PUBLISHED} IS NULL, {_PUBLISHED}, a.id"
_FIRST_SEEN = published_key_sql("s.first_seen")


def stories(
    conn: sqlite3.Connection,
    *,
    start: str | None = None,
    end: str | None = None,
    min_outlets: int = 1,
    limit: int | None = 20,
) -> Iterator[dict[str, Any]]:
    """Stories first seen in a window (days, inclusive), ranked by how many outlets ran them."""
    where: list[str] = ["s.outlets >= ?"]
    params: list[Any] = [min_outlets]
    if start:
        where.append("s.first_seen >= ?")
        params.append(start)
    if end:
        where.append("substr(s.first_seen, 1, 10) <= ?")
        params.append(end)
    sql = (
        "SELECT s.id, s.title, s.outlets, s.articles, s.first_seen, s.last_seen FROM stories s"
        f" WHERE {' AND '.join(where)} ORDER BY s.outlets DESC, s.articles DESC, {_FIRST_SEEN} DESC, s.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    yield from iter_rows(conn, sql, params)


def popular_window(
    conn: sqlite3.Connection, *, days: int = 7, min_outlets: int = 2
) -> tuple[str, str] | None:
    """The ``days`` (inclusive) ending on the last day a story told by ``min_outlets`` or more
    outlets was first seen, as ``(start, end)`` days; None when there is no such story.

    Not the corpus's last day: one stray article (a far-future date, a lone recent page) would
    leave a window with no story in it. Ending on the latest multi-outlet story keeps the window
    on days the corpus covers widely."""
    row = fetch_one(
        conn, "SELECT max(substr(first_seen, 1, 10)) AS last FROM stories WHERE outlets >= ?", (min_outlets,)
    )
    last = row["last"] if row else None
    if not last:
        return None
    try:
        end = dt.date.fromisoformat(last)
    except ValueError:  # a malformed stored day: no window rather than an error page
        return None
    return (end - dt.timedelta(days=days - 1)).isoformat(), end.isoformat()


def story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """One story: its record, its articles in time order and its outlets."""
    row = fetch_one(conn, "SELECT id, title, outlets, articles, first_seen, last_seen, keywords FROM stories WHERE id = ?", (story_id,))
    if row is None:
        raise RecordNotFound(f"no story {story_id[:80]!r}")
    row["keywords"] = msgspec.json.decode(row["keywords"] or "[]")
    row["members"] = fetch_all(
        conn,
        f"SELECT {LIST_COLUMNS} FROM story_members m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.story_id = ?"
        f" ORDER BY {_BY_TIME}",
        (story_id,),
    )
    row["outlet_counts"] = [
        {"outlet": k, "count": v}
        for k, v in Counter(m["outlet"] or "?" for m in row["members"]).most_common()
    ]
    return row


def article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    """One article: metadata, paragraphs, quotes, entities (with ids) and its cluster."""
    row = fetch_one(
        conn,
        "SELECT a.id, a.record_id, a.url, a.canonical_url, o.domain AS outlet, o.name AS outlet_name,"
        " a.title, a.text, a.language, a.published, a.day, a.dateline, a.credit, a.credit_outlet,"
        " a.authors, a.word_count, a.status, a.duplicate_kind, a.duplicate_of, a.cluster_id,"
        " a.story_id, a.title_index, a.article FROM articles a LEFT JOIN outlets o"
        " ON o.id = a.outlet_id WHERE a.id = ?",
        (int(article_id),),
    )
    if row is None:
        raise RecordNotFound(f"no article {article_id}")
    doc = msgspec.json.decode(row.pop("article"))
    row["authors"] = msgspec.json.decode(row["authors"] or "[]")
    row["paragraphs"] = [p.get("text", "") for p in doc.get("paragraphs", [])]
    row["bylines"] = doc.get("bylines", [])
    row["related_links"] = doc.get("related_links", [])
    row["editor_initials"] = doc.get("editor_initials")
    row["site_name"] = doc.get("site_name")
    row["quotes"] = fetch_all(
        conn,
        f'SELECT speaker, cue, text, start, "end", kind, {attribution_column(conn, "quotes")}'
        " FROM quotes WHERE article_id = ? ORDER BY start, id",
        (row["id"],),
    )
    row["entities"] = fetch_all(
        conn,
        "SELECT e.id, e.name, e.type, ae.mentions FROM article_entities ae JOIN entities e"
        " ON e.id = ae.entity_id WHERE ae.article_id = ? ORDER BY ae.mentions DESC, e.name",
        (row["id"],),
    )
    row["story"] = fetch_one(conn, "SELECT id, title, outlets, articles FROM stories WHERE id = ?", (row["story_id"],)) if row["story_id"] else None
    return row


def cluster(conn: sqlite3.Connection, cluster_id: str) -> dict[str, Any] | None:
    """A copy or duplicate cluster: the likely original (in the corpus or not), the evidence,
    and every member with its outlet and containment, the original first, then in time order.

    To tell copies at other outlets from other versions at the same outlet (an outlet updating
    or re-running its own story), the cluster has ``outlet_count`` (distinct outlets among its
    members; a member without an outlet counts as none) and each member ``same_outlet``: True
    when its outlet is the outlet of the cluster's head, False when it is another outlet, None
    when either outlet is unknown. The head is the original when it is in the corpus, else the
    member the store kept (the one the others are duplicates of); the head itself is True, and
    its id is ``head_id``. A copy cluster also says what its members cite as their source:
    ``source``, ``source_label``, ``source_count`` (outlets citing it) of ``source_outlets``
    (the cluster's outlets), ``source_in_cluster``, ``source_cited_by`` and each member's
    ``cites`` (:func:`warta.store.sources.cluster_source`; a cluster at one outlet has no
    source)."""
    row = fetch_one(
        conn,
        "SELECT id, kind, size, original_id, original_outlet, evidence FROM clusters WHERE id = ?",
        (cluster_id,),
    )
    if row is None:
        return None
    row["members"] = fetch_all(
        conn,
        f"SELECT {LIST_COLUMNS}, m.similarity, (a.id = c.original_id) AS is_original"
        " FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id JOIN articles a"
        " ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.cluster_id = ?"
        f" ORDER BY is_original DESC, {_BY_TIME}",
        (cluster_id,),
    )
    head = row["original_id"]
    if head is None:
        kept = fetch_one(
            conn,
            "SELECT m.article_id AS id FROM cluster_members m JOIN articles a ON a.id = m.article_id"
            " WHERE m.cluster_id = ? AND a.status = 'article' ORDER BY m.article_id",
            (cluster_id,),
        )
        head = kept["id"] if kept else None
    head_outlet = next((m["outlet"] for m in row["members"] if m["id"] == head), None)
    for m in row["members"]:
        m["is_original"] = bool(m["is_original"])
        m["same_outlet"] = m["outlet"] == head_outlet if m["outlet"] and head_outlet else None
    row["outlet_count"] = len({m["outlet"] for m in row["members"] if m["outlet"]})
    row["original_in_corpus"] = row["original_id"] is not None
    row["head_id"] = head
    if row["kind"] == "copy":  # the source the members cite themselves (warta.store.sources)
        row.update(cluster_source(conn, row["members"]))
    return row


def related(conn: sqlite3.Connection, article_id: int, *, limit: int = 5) -> list[dict[str, Any]]:
    """"Baca Juga": articles whose titles share at least two of this one's rarest title words,
    best first by BM25 (title weighted), leaving out the article itself, its copies and its
    duplicates."""
    row = fetch_one(conn, "SELECT title_index, cluster_id FROM articles WHERE id = ?", (int(article_id),))
    if row is None:
        raise RecordNotFound(f"no article {article_id}")
    stop = stopwords()
    terms = list(dict.fromkeys(
        t for t in (row["title_index"] or "").split() if len(t) > 2 and not t.isdigit() and t not in stop
    ))[:10]
    if not terms:
        return []
    # BM25 over a common word's doclist costs as much as a search for it, and such a word says
    # little about relatedness: keep the title's rarest words (counts read only up to a cap).
    rarity = {t: match_count(conn, f'"{t}"', RELATED_CAP) for t in terms}  # \w runs: no quotes
    # a word only this article has (its own match) relates it to nothing
    terms = sorted((t for t in terms if rarity[t] > 1), key=lambda t: rarity[t])[:RELATED_TERMS]
    if len(terms) < 2:
        return []  # one word shared with the corpus relates nothing
    # Title against titles: what a "Baca Juga" box matches on. Two of the title's words at least:
    # one shared word ("Korea", "Putin") is no relation, and on a small or far-off corpus BM25
    # would still rank something first.
    pairs = [f'("{a}" AND "{b}")' for a, b in combinations(terms, 2)]
    match = "title_index : (" + " OR ".join(pairs) + ")"
    # The best few by BM25 from the full-text index alone, then the filters on those few.
    ids = (
        "SELECT hit.rowid AS id, hit.rank AS rn FROM (SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS rank"
        " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) AS hit"
        " JOIN articles a ON a.id = hit.rowid WHERE a.id != ? AND a.status = 'article'"
        " AND (a.cluster_id IS NULL OR a.cluster_id IS NOT ?) ORDER BY hit.rank LIMIT ?"
    )
    return list(page_rows(conn, ids, [match, limit * 4 + 10, int(article_id), row["cluster_id"], limit]))


def entity(conn: sqlite3.Connection, entity_id: int) -> dict[str, Any]:
    """One entity: its name and type, the other forms merged into it across the corpus
    (``aliases``, :func:`warta.store.aliases.entity_aliases`), how many articles name it, and
    the entities named with it most often. What it said, with paging and filters, is
    :func:`warta.store.explore.entity_quotes`."""
    row = fetch_one(conn, "SELECT id, name, type FROM entities WHERE id = ?", (int(entity_id),))
    if row is None:
        raise RecordNotFound(f"no entity {entity_id}")
    row.update(count_articles=fetch_one(
        conn,
        f"SELECT count(*) AS n FROM article_entities ae JOIN articles a ON a.id = ae.article_id"
        f" WHERE ae.entity_id = ? AND {COUNTED}",
        (row["id"],),
    )["n"])  # type: ignore[index]
    row["aliases"] = entity_aliases(conn, row["id"])
    row["cooccurring"] = fetch_all(
        conn,
        "SELECT e.id, e.name, e.type, count(*) AS articles FROM article_entities x"
        " JOIN article_entities ae ON ae.article_id = x.article_id AND ae.entity_id != x.entity_id"
        " JOIN entities e ON e.id = ae.entity_id WHERE x.entity_id = ?"
        " GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 15",
        (row["id"],),
    )
    return row


def _like_escape(text: str) -> str:
    """``text`` as a literal inside a ``LIKE … ESCAPE '\\'`` pattern (``%`` and ``_`` are not
    wildcards in a name)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_entity(conn: sqlite3.Connection, name: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Entities by name (any case): an entity this name was merged into across the corpus first
    ("Jokowi" finds "Joko Widodo", with ``alias`` the form), then exact matches, then names
    starting with ``name``, then names with a word starting with it (``Putin`` finds "Vladimir
    Putin"); most mentioned first within each. ``match`` says which: ``alias``, ``exact``,
    ``prefix`` or ``word``.

    A LIKE scan of the entity names (tens of thousands of short rows: milliseconds), not FTS:
    the names have no full-text index, and a migration for one lookup is not worth it."""
    name = " ".join(name.split())
    if not name:
        return []
    literal = _like_escape(name)
    prefix, word = literal + "%", "% " + literal + "%"
    found = fetch_all(
        conn,
        "SELECT e.id, e.name, e.type, count(ae.article_id) AS articles,"
        " CASE WHEN e.name = :name COLLATE NOCASE THEN 'exact'"
        " WHEN e.name LIKE :prefix ESCAPE '\\' THEN 'prefix' ELSE 'word' END AS \"match\""
        " FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id"
        " WHERE e.name LIKE :prefix ESCAPE '\\' OR e.name LIKE :word ESCAPE '\\'"
        " GROUP BY e.id ORDER BY \"match\" = 'exact' DESC, \"match\" = 'prefix' DESC, articles DESC, e.name"
        " LIMIT :limit",
        {"name": name, "prefix": prefix, "word": word, "limit": limit},
    )
    # A form merged into another entity ("Jokowi" into "Joko Widodo") finds that entity first.
    seen = {row["id"] for row in found}
    merged = []
    for hit in entity_by_alias(conn, name):  # "Jokowi" and "jokowi" may both name one entity
        if hit["id"] not in seen:
            seen.add(hit["id"])
            merged.append({**hit, "articles": _article_count(conn, hit["id"]), "match": "alias"})
    rows = merged + found
    return rows[:limit] if limit >= 0 else rows


def _article_count(conn: sqlite3.Connection, entity_id: int) -> int:
    row = fetch_one(conn, "SELECT count(*) AS n FROM article_entities WHERE entity_id = ?", (entity_id,))
    return int(row["n"]) if row else 0


def outlet(conn: sqlite3.Connection, domain: str) -> dict[str, Any]:
    """One outlet: its articles, days, languages, and who copied whom: the outlets it re-ran
    stories from (``copied_from``), and the outlets that re-ran its stories (``copied_by``),
    each with the number of its articles in such copy clusters.

    A copy cluster whose members share a source (a written statement, a press conference, a
    wire, another outlet outside the cluster: :func:`warta.store.sources.cluster_source`) is
    left out of both: the outlets rewrote one statement, nobody copied anybody, and the
    earliest is only the first to publish it. ``shared_sources`` counts those clusters the
    outlet is in. The sources are read at read time, over the copy clusters that touch the
    outlet (a few ms each)."""
    row = fetch_one(conn, "SELECT id, domain, name FROM outlets WHERE domain = ?", (domain,))
    if row is None:
        raise RecordNotFound(f"no outlet {domain[:80]!r}")
    oid = row["id"]
    stats = fetch_one(
        conn,
        "SELECT count(*) AS articles, min(day) AS first, max(day) AS last,"
        " count(CASE WHEN a.duplicate_kind = 'copy' THEN 1 END) AS copies FROM articles a"
        f" WHERE a.outlet_id = ? AND {COUNTED}",
        (oid,),
    ) or {}
    row.update(stats)
    row["languages"] = fetch_all(
        conn,
        "SELECT coalesce(a.language, '?') AS language, count(*) AS count FROM articles a"
        f" WHERE a.outlet_id = ? AND {COUNTED} GROUP BY 1 ORDER BY 2 DESC",
        (oid,),
    )
    # Every copy cluster the outlet is in or is the original outlet of, with its members.
    members: dict[str, list[dict[str, Any]]] = {}
    for m in iter_rows(
        conn,
        "SELECT c.id AS cluster_id, c.original_outlet, a.id, o.domain AS outlet FROM clusters c"
        " JOIN cluster_members m ON m.cluster_id = c.id JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN outlets o ON o.id = a.outlet_id WHERE c.kind = 'copy' AND (c.original_outlet = ?"
        " OR c.id IN (SELECT a2.cluster_id FROM articles a2 WHERE a2.outlet_id = ? AND a2.cluster_id IS NOT NULL))"
        " ORDER BY c.id, a.id",
        (row["domain"], oid),
    ):
        members.setdefault(m["cluster_id"], []).append(m)
    shared = {cid for cid, ms in members.items() if _shares_a_source(conn, ms)}
    copied_from: Counter[str] = Counter()
    copied_by: Counter[str] = Counter()
    for cid, ms in members.items():
        if cid in shared:
            continue
        source = ms[0]["original_outlet"]
        for m in ms:
            if m["outlet"] == row["domain"] and source and source != row["domain"]:
                copied_from[source] += 1
            elif source == row["domain"] and m["outlet"] and m["outlet"] != row["domain"]:
                copied_by[m["outlet"]] += 1
    row["copied_from"] = [{"outlet": k, "count": v} for k, v in sorted(copied_from.items(), key=lambda kv: (-kv[1], kv[0]))[:20]]
    row["copied_by"] = [{"outlet": k, "count": v} for k, v in sorted(copied_by.items(), key=lambda kv: (-kv[1], kv[0]))[:20]]
    row["shared_sources"] = sum(1 for cid in shared if any(m["outlet"] == row["domain"] for m in members[cid]))
    return row


def _shares_a_source(conn: sqlite3.Connection, members: list[dict[str, Any]]) -> bool:
    """Whether a copy cluster's members share a source outside the cluster (not the copies
    naming a member's outlet: that is copying)."""
    if len({m["outlet"] for m in members}) < 2:  # one outlet's versions share no source
        return False
    found = cluster_source(conn, [{"id": m["id"], "outlet": m["outlet"]} for m in members])
    return bool(found["source"]) and not found["source_in_cluster"]
