"""The explorer's aggregate queries over what :class:`~warta.store.search.Filters` select: total
attention and its share, a random sample, the top outlets, entities and words, the latest
articles, and the corpus-wide lists (span, outlets, languages).

Every function takes an open :class:`sqlite3.Connection` (see
:func:`warta.store.readonly.connect_readonly`) and passes all values as SQL parameters.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, get_args

from warta.article import Attribution
from warta.page.phrases import phrase_set
from warta.store.aliases import names_of
from warta.store.errors import BadFilter, RecordNotFound
from warta.store.readonly import fetch_all, fetch_one, iter_rows
from warta.store.search import COUNTED, Filters, count, from_where, page_rows, share_of
from warta.store.tokens import words


def stopwords() -> frozenset[str]:
    """Indonesian and English stopwords: words that say nothing of what an article is about."""
    return phrase_set("stopwords_id.txt") | phrase_set("stopwords_en.txt")


def totals(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    """Total attention: matching articles, all articles in the same filters, and the share."""
    matched = count(conn, f)
    total = count(conn, f.without_match()) if f.match else matched
    return share_of(matched, total)


def sample(
    conn: sqlite3.Connection, f: Filters, *, n: int = 10, seed: int | None = None
) -> list[dict[str, Any]]:
    """A random sample of matching articles; the same ``seed`` gives the same sample."""
    src, params = from_where(f, conn)
    if seed is None:
        order = "random()"
    else:
        # A multiplicative hash of the id: a fixed pseudo-random order per seed.
        order = f"((a.id + {int(seed) % 1_000_003}) * 2654435761) % 4294967311, a.id"
    ids = f"SELECT a.id, {order.split(',')[0]} AS rn {src} ORDER BY {order} LIMIT ?"
    return list(page_rows(conn, ids, [*params, n]))


def top_outlets(
    conn: sqlite3.Connection, f: Filters, *, limit: int | None = 10, offset: int = 0
) -> list[dict[str, Any]]:
    """Outlets with the most matching articles (``limit`` of them from ``offset``; None: all),
    with each one's share of the matches and of its own output in the same filters."""
    src, params = from_where(f, conn)
    sql = (
        f"SELECT coalesce(o.domain, '?') AS outlet, count(*) AS count {src}"
        " GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    sql, args = _paged(sql, params, limit, offset)
    rows = fetch_all(conn, sql, args)
    whole = limit is None and not offset
    matched = sum(r["count"] for r in rows) if whole else count(conn, f)
    base_src, base_params = from_where(f.without_match(), conn)
    names = [r["outlet"] for r in rows]
    base: dict[str, int] = {}
    if f.match and names:
        for r in iter_rows(
            conn,
            f"SELECT o.domain AS outlet, count(*) AS n {base_src}"
            f" AND o.domain IN ({','.join('?' * len(names))}) GROUP BY 1",
            [*base_params, *names],
        ):
            base[r["outlet"]] = r["n"]
    matched = max(matched, sum(r["count"] for r in rows))  # statements apart: see share_of
    for r in rows:
        r["share"] = r["count"] / matched if matched else 0.0
        own = max(base.get(r["outlet"], r["count"]), r["count"])
        r["share_of_outlet"] = r["count"] / own if own else 0.0
    return rows


def count_outlets_of(conn: sqlite3.Connection, f: Filters) -> int:
    """How many outlets (``?`` for none counts as one) have matching articles: the length of
    the whole :func:`top_outlets` list."""
    src, params = from_where(f, conn)
    row = fetch_one(conn, f"SELECT count(DISTINCT coalesce(o.domain, '?')) AS n {src}", params)
    return int(row["n"]) if row else 0


def _paged(sql: str, params: list[Any], limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """``sql`` with ``LIMIT ? OFFSET ?`` for a page (``limit`` None: every row from ``offset``;
    SQLite reads ``LIMIT -1`` as no limit)."""
    if limit is None and not offset:
        return sql, list(params)
    return sql + " LIMIT ? OFFSET ?", [*params, -1 if limit is None else limit, offset]


def _entities_sql(f: Filters, conn: sqlite3.Connection, type: str | None) -> tuple[str, list[Any]]:
    src, params = from_where(f, conn)
    extra = " AND e.type = ?" if type else ""
    sql = (
        " FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        f" WHERE ae.article_id IN (SELECT a.id {src}){extra}"
    )
    return sql, [*params, *([type] if type else [])]


def top_entities(
    conn: sqlite3.Connection,
    f: Filters,
    *,
    limit: int | None = 10,
    type: str | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities in the most matching articles (and their mentions), optionally of one type;
    ``limit`` of them from ``offset`` (None: all)."""
    body, args = _entities_sql(f, conn, type)
    sql = (
        "SELECT e.id, e.name, e.type, count(*) AS articles, sum(ae.mentions) AS mentions"
        f"{body} GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name"
    )
    return fetch_all(conn, *_paged(sql, args, limit, offset))


def count_entities_of(conn: sqlite3.Connection, f: Filters, *, type: str | None = None) -> int:
    """How many entities (of ``type``) the matching articles name: the length of the whole
    :func:`top_entities` list."""
    body, args = _entities_sql(f, conn, type)
    row = fetch_one(conn, f"SELECT count(DISTINCT ae.entity_id) AS n{body}", args)
    return int(row["n"]) if row else 0


def top_words(
    conn: sqlite3.Connection, f: Filters, *, limit: int | None = 20, sample_size: int = 1000, offset: int = 0
) -> dict[str, Any]:
    """The most frequent words (not stopwords, not numbers) in the titles and leads of the newest
    ``sample_size`` matching articles, by how many of those articles use them: ``limit`` words
    (None: all) from ``offset``, and ``total``, how many different words there are."""
    src, params = from_where(f, conn)
    rows = iter_rows(
        conn,
        "SELECT coalesce(a.title, '') || ' ' || coalesce(a.lead, '') AS t"
        f" FROM (SELECT a.id {src} ORDER BY a.day DESC, a.id DESC LIMIT ?) AS page"
        " JOIN articles a ON a.id = page.id",
        [*params, sample_size],
    )
    stop = stopwords()
    df: Counter[str] = Counter()
    n = 0
    for r in rows:
        n += 1
        df.update({w for w in words(r["t"]) if len(w) > 2 and not w.isdigit() and w not in stop})
    ranked = df.most_common()
    page = ranked[offset:] if limit is None else ranked[offset : offset + limit]
    return {
        "sample": n,
        "total": len(ranked),
        "words": [{"word": w, "count": c, "share": c / n} for w, c in page],
    }


def latest(
    conn: sqlite3.Connection, f: Filters | None = None, *, limit: int | None = 20, offset: int = 0
) -> Iterator[dict[str, Any]]:
    """The newest articles (originals and singletons; copies and duplicates are folded):
    ``limit`` of them (None: all) from ``offset``."""
    src, params = from_where(f or Filters(), conn)
    order = "a.day DESC, a.id DESC"
    ids, args = _paged(f"SELECT a.id, a.day {src} AND a.status = 'article' ORDER BY {order}", params, limit, offset)
    yield from page_rows(conn, ids, args, order="page.day DESC, page.id DESC")


def count_latest(conn: sqlite3.Connection, f: Filters | None = None) -> int:
    """How many articles :func:`latest` lists in all."""
    src, params = from_where(f or Filters(), conn)
    row = fetch_one(conn, f"SELECT count(*) AS n {src} AND a.status = 'article'", params)
    return int(row["n"]) if row else 0


def corpus_span(conn: sqlite3.Connection) -> dict[str, Any]:
    """The first and last day with articles, and the number of counted articles."""
    row = fetch_one(conn, f"SELECT min(a.day) AS first, max(a.day) AS last, count(*) AS articles FROM articles a WHERE {COUNTED}")
    return row or {"first": None, "last": None, "articles": 0}


def outlets(conn: sqlite3.Connection, *, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
    """Every outlet with its article count, biggest first (``limit`` of them from ``offset``)."""
    sql = (
        "SELECT o.domain AS outlet, o.name, count(a.id) AS articles FROM outlets o"
        f" LEFT JOIN articles a ON a.outlet_id = o.id AND {COUNTED} GROUP BY o.id"
        " ORDER BY articles DESC, o.domain"
    )
    yield from iter_rows(conn, *_paged(sql, [], limit, offset))


def count_outlets(conn: sqlite3.Connection) -> int:
    """How many outlets the store knows: the length of :func:`outlets`."""
    row = fetch_one(conn, "SELECT count(*) AS n FROM outlets")
    return int(row["n"]) if row else 0


def languages(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Languages with their article counts."""
    return fetch_all(
        conn,
        f"SELECT coalesce(a.language, '?') AS language, count(*) AS count FROM articles a"
        f" WHERE {COUNTED} GROUP BY 1 ORDER BY 2 DESC",
    )


ATTRIBUTIONS: tuple[Attribution, ...] = get_args(Attribution)
"""How a quote's speaker was found, in the order of :data:`warta.article.Attribution`."""
ANY_ATTRIBUTION = "all"
"""The attribution filter's value for every quote (the same as no filter)."""


def has_attribution(conn: sqlite3.Connection) -> bool:
    """Whether the store keeps each quote's attribution (migration 7; the explorer opens older
    stores read-only, unmigrated)."""
    return any(row[1] == "attribution" for row in conn.execute("PRAGMA table_info(quotes)"))


def attribution_column(conn: sqlite3.Connection, alias: str = "q") -> str:
    """The select item for a quote's ``attribution``: the column when the store has it
    (migration 7), else NULL (the explorer opens older stores read-only, unmigrated)."""
    return f"{alias}.attribution" if has_attribution(conn) else "NULL AS attribution"


def attribution_list(values: Iterable[str] | None, name: str = "attribution") -> tuple[Attribution, ...]:
    """The attributions a quote filter asks for, from repeated and comma-separated values (any
    case), in :data:`ATTRIBUTIONS` order; ``()`` for every quote (nothing asked, or
    :data:`ANY_ATTRIBUTION`). Several values select quotes with any of them.

    Raises:
        BadFilter: a value that is not an attribution nor ``all`` (the message lists them).
    """
    asked = {x.strip().lower() for v in values or () for x in v.split(",") if x.strip()}
    unknown = sorted(asked - {*ATTRIBUTIONS, ANY_ATTRIBUTION})
    if unknown:
        allowed = ", ".join((*ATTRIBUTIONS, ANY_ATTRIBUTION))
        raise BadFilter(f"{name}: {unknown[0][:40]!r} is not one of {allowed}")
    if ANY_ATTRIBUTION in asked:
        return ()
    return tuple(a for a in ATTRIBUTIONS if a in asked)


def _only_entities(f: Filters) -> bool:
    """True when ``f`` selects by entity ids alone (or nothing): every counted article."""
    return dataclasses.replace(f, entity=None, entities=()) == Filters()


def attribution_where(
    conn: sqlite3.Connection, attributions: tuple[str, ...], alias: str = "q"
) -> tuple[str, list[Any]]:
    """`` AND …`` keeping the quotes ``alias`` with one of ``attributions`` (``("", [])`` for
    none asked: every quote).

    Raises:
        BadFilter: the store predates the attribution column (migration 7): it cannot tell
            (a filter it cannot apply is refused, never ignored).
    """
    if not attributions:
        return "", []
    if not has_attribution(conn):
        raise BadFilter(
            "attribution: this store was built before quotes kept how their speaker was found"
            " (store migration 7); rebuild it with `warta run` to filter on it"
        )
    return f" AND {alias}.attribution IN ({','.join('?' * len(attributions))})", list(attributions)


def _quotes_sql(
    conn: sqlite3.Connection, f: Filters, attributions: tuple[str, ...] = ()
) -> tuple[str, list[Any]]:
    """``FROM … WHERE …`` over the quotes ``q`` whose speaker has the name of one of the
    filters' entities, or one of the forms merged into it (:func:`warta.store.aliases.names_of`;
    any case), found as one of ``attributions`` say (none: any way), in the articles ``a`` the
    other filters select."""
    names = names_of(conn, f.entity_ids)
    how, how_params = attribution_where(conn, attributions)
    sql = (
        " FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"
        f" WHERE q.speaker COLLATE NOCASE IN ({','.join('?' * len(names)) or 'NULL'}){how}"
    )
    params: list[Any] = [*names, *how_params]
    if _only_entities(f):
        sql += f" AND {COUNTED}"
    else:
        src, more = from_where(dataclasses.replace(f, entity=None, entities=()), conn)
        sql += f" AND a.id IN (SELECT a.id {src})"
        params += more
    return sql, params


def entity_quotes(
    conn: sqlite3.Connection,
    f: Filters,
    *,
    limit: int | None = 50,
    offset: int = 0,
    attributions: tuple[str, ...] = (),
) -> Iterator[dict[str, Any]]:
    """What the filters' entities said: quotes whose speaker has one of their names (any case),
    found as one of ``attributions`` say (none: any way; see :func:`attribution_list`), in the
    articles the other filters (search, outlets, days, language, story) select; newest first,
    ``limit`` of them (None: all) from ``offset``."""
    body, params = _quotes_sql(conn, f, attributions)
    sql = (
        f"SELECT q.id, q.article_id, q.speaker, q.cue, q.text, q.kind, {attribution_column(conn)},"
        " a.title, o.domain AS outlet,"
        f" a.day, a.published, a.language{body} ORDER BY a.day DESC, q.article_id DESC, q.start, q.id"
    )
    yield from iter_rows(conn, *_paged(sql, params, limit, offset))


def count_entity_quotes(conn: sqlite3.Connection, f: Filters, *, attributions: tuple[str, ...] = ()) -> int:
    """How many quotes :func:`entity_quotes` lists in all."""
    body, params = _quotes_sql(conn, f, attributions)
    row = fetch_one(conn, f"SELECT count(*) AS n{body}", params)
    return int(row["n"]) if row else 0


def count_quotes_by_attribution(conn: sqlite3.Connection, f: Filters) -> dict[str, int]:
    """How many of the quotes :func:`entity_quotes` lists (unfiltered by attribution) were found
    each way: every one of :data:`ATTRIBUTIONS` (0 when none was), and ``none`` for quotes
    without one (a store from before migration 7)."""
    body, params = _quotes_sql(conn, f)
    counts = dict.fromkeys((*ATTRIBUTIONS, "none"), 0)
    for row in iter_rows(conn, f"SELECT {attribution_column(conn)}, count(*) AS n{body} GROUP BY 1", params):
        key = row["attribution"] if row["attribution"] in counts else "none"
        counts[key] += int(row["n"])
    return counts


_NAMED_WITH = (
    " FROM article_entities x JOIN article_entities ae ON ae.article_id = x.article_id"
    " AND ae.entity_id != x.entity_id JOIN entities e ON e.id = ae.entity_id WHERE x.entity_id = ?"
)


def named_with(
    conn: sqlite3.Connection, entity_id: int, *, limit: int | None = 15, offset: int = 0
) -> list[dict[str, Any]]:
    """The entities named in the same articles as ``entity_id``, most shared articles first:
    ``limit`` of them (None: all) from ``offset``."""
    sql = f"SELECT e.id, e.name, e.type, count(*) AS articles{_NAMED_WITH} GROUP BY e.id ORDER BY articles DESC, e.name"
    return fetch_all(conn, *_paged(sql, [int(entity_id)], limit, offset))


def count_named_with(conn: sqlite3.Connection, entity_id: int) -> int:
    """How many entities :func:`named_with` lists in all."""
    row = fetch_one(conn, f"SELECT count(DISTINCT ae.entity_id) AS n{_NAMED_WITH}", (int(entity_id),))
    return int(row["n"]) if row else 0


def cluster_scope(cluster: dict[str, Any]) -> str:
    """Where a copy cluster's members were published, from the store's fields
    (:func:`warta.store.records.cluster`: ``outlet_count``, each member's ``same_outlet`` and
    ``is_original``): ``same_outlet`` (one outlet ran every version: updates or rewrites, not
    copies elsewhere), ``mixed`` (some members at the head's outlet, some elsewhere) or
    ``other_outlets``. A member of unknown outlet shares it with none."""
    members = cluster["members"]
    if len(members) > 1 and cluster.get("outlet_count") == 1 and all(m.get("outlet") for m in members):
        return "same_outlet"
    again = any(m.get("same_outlet") and not m.get("is_original") for m in members[1:])
    return "mixed" if again else "other_outlets"


def entity_brief(conn: sqlite3.Connection, entity_id: int) -> dict[str, Any]:
    """An entity's id, name and type, without :func:`records.entity`'s lists.

    Raises:
        RecordNotFound: no entity has the id.
    """
    row = fetch_one(conn, "SELECT id, name, type FROM entities WHERE id = ?", (int(entity_id),))
    if row is None:
        raise RecordNotFound(f"no entity {entity_id}")
    return row
