"""Search and counts over the store: :class:`Filters` (a parsed search and the filters that narrow
it) and the queries every reader of the store shares — the matching articles, how many there are,
and how many per day, week or month (raw, as a share, or per outlet or language).

Searches are parsed with :func:`warta.store.syntax.parse_query` (every word quoted); every filter
value is an SQL parameter. Each function takes an open :class:`sqlite3.Connection`: a read-only one
from :func:`warta.store.readonly.connect_readonly` (which uses the covering index and a time
limit) or the writer's own.

What is counted: articles and their copies at other outlets (each is a publication that gave the
story attention), not exact duplicates (the same URL, or the same text at the same outlet twice)
unless :attr:`Filters.include_duplicates` is set.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from warta.store.errors import BadFilter
from warta.store.readonly import fetch_one, has_covering_index, iter_rows

Interval = Literal["day", "week", "month"]
Sort = Literal["date", "oldest", "relevance"]

COUNTED = "(a.status = 'article' OR a.duplicate_kind = 'copy')"
"""Articles that count as coverage: originals, singletons and copies; not exact duplicates."""

LIST_COLUMNS = (
    "a.id, a.record_id, a.title, o.domain AS outlet, a.day, a.published, a.language, a.url,"
    " a.lead, a.status, a.duplicate_kind, a.cluster_id, a.story_id"
)
"""The columns of an article in a list (search results, latest, members of a story…)."""

DENSE_MATCHES = 2000
"""From this many full-text matches on, a newest-first page is read by walking the day index."""


@dataclass(frozen=True)
class Filters:
    """What to count: a search (already parsed with :func:`~warta.store.syntax.parse_query`) and
    filters. Dates are ``YYYY-MM-DD`` days, inclusive. Hashable: a cache key."""

    match: str | None = None
    outlets: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    language: str | None = None
    entity: int | None = None
    """An entity id: articles that name it."""
    entities: tuple[int, ...] = ()
    """More entity ids: articles that name any of them, or :attr:`entity` (OR)."""
    story: str | None = None
    include_duplicates: bool = False
    """Count exact duplicates too (copies at other outlets always count)."""

    @property
    def entity_ids(self) -> tuple[int, ...]:
        """Every entity id the filters name (:attr:`entity` and :attr:`entities`), each once."""
        first = () if self.entity is None else (self.entity,)
        return tuple(dict.fromkeys(first + self.entities))

    def without_match(self) -> Filters:
        """The same filters without the search: the base a share is taken of."""
        return dataclasses.replace(self, match=None)


def check_day(value: str | None, name: str) -> str | None:
    """``value`` when it is a ``YYYY-MM-DD`` day (or empty), else :class:`BadFilter`."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise BadFilter(f"{name} must be a day as YYYY-MM-DD, not {value[:40]!r}") from exc


def from_where(f: Filters, conn: sqlite3.Connection, *, by_day: bool = False) -> tuple[str, list[Any]]:
    """``FROM … WHERE …`` over the articles ``a`` (joined to outlet ``o``) the filters select,
    and its parameters. The WHERE clause is never empty, so callers may append ``AND …``.

    ``by_day`` walks the day index newest first and keeps the articles the search matches: far
    cheaper than sorting every match when a common word matches much of the corpus and only the
    newest few are wanted (needs the covering indexes)."""
    covering = has_covering_index(conn)
    sql = "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
    where: list[str] = [] if f.include_duplicates else [COUNTED]
    params: list[Any] = []
    if f.match and by_day and covering:
        sql = "FROM articles a INDEXED BY articles_explore_day LEFT JOIN outlets o ON o.id = a.outlet_id"
        where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(f.match)
    elif f.match:
        # SQLite's planner would look each match up in the wide table; the covering index
        # holds every column the filters need, so counting reads no article row.
        indexed = " INDEXED BY articles_explore" if covering else ""
        sql = (
            f"FROM articles_fts JOIN articles a{indexed} ON a.id = articles_fts.rowid"
            " LEFT JOIN outlets o ON o.id = a.outlet_id"
        )
        where.insert(0, "articles_fts MATCH ?")
        params.append(f.match)
    if f.outlets:
        where.append(f"o.domain IN ({','.join('?' * len(f.outlets))})")
        params.extend(f.outlets)
    if f.start:
        where.append("a.day >= ?")
        params.append(f.start)
    if f.end:
        where.append("a.day <= ?")
        params.append(f.end)
    if f.language:
        where.append("a.language = ?")
        params.append(f.language)
    if ents := f.entity_ids:
        where.append(
            f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({','.join('?' * len(ents))}))"
        )
        params.extend(ents)
    if f.story:
        where.append("a.story_id = ?")
        params.append(f.story)
    return f"{sql} WHERE {' AND '.join(where) or '1'}", params


def page_rows(
    conn: sqlite3.Connection, ids_sql: str, params: list[Any], *, order: str = "page.rn"
) -> Iterator[dict[str, Any]]:
    """The :data:`LIST_COLUMNS` of the articles an id query selects, in ``order`` (over the id
    query's columns, as ``page.…``). The ids are chosen first (from the covering index), so only
    the rows shown are read from the wide table."""
    yield from iter_rows(
        conn,
        f"SELECT {LIST_COLUMNS} FROM ({ids_sql}) AS page JOIN articles a ON a.id = page.id"
        f" LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY {order}",
        params,
    )


def match_count(conn: sqlite3.Connection, match: str, cap: int) -> int:
    """Full-text matches of ``match`` (an FTS5 expression), counted up to ``cap``."""
    row = fetch_one(
        conn,
        "SELECT count(*) AS n FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
        (match, cap),
    )
    return int(row["n"]) if row else 0


def _matches_at_least(conn: sqlite3.Connection, match: str, n: int) -> bool:
    """Whether the full-text index alone has ``n`` matches (reads at most ``n`` of them)."""
    return match_count(conn, match, n) >= n


_ORDER = {
    "date": ("a.day DESC, a.id DESC", "page.rank, page.day DESC, page.id DESC"),
    "oldest": ("a.day IS NULL, a.day, a.id", "page.rank, page.day IS NULL, page.day, page.id"),
}


def search(
    conn: sqlite3.Connection,
    f: Filters,
    *,
    sort: Sort = "date",
    limit: int | None = 20,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """The articles the filters select (:data:`LIST_COLUMNS`): newest first (``date``), oldest
    first, or by BM25 ``relevance`` (title weighted ×4; newest first without a search).
    ``limit`` rows from ``offset``; ``limit=None`` for all of them."""
    if sort not in ("date", "oldest", "relevance"):
        raise BadFilter(f"sort must be date, oldest or relevance, not {str(sort)[:20]!r}")
    by_day = (
        sort == "date" and limit is not None and f.match is not None and has_covering_index(conn)
        and _matches_at_least(conn, f.match, DENSE_MATCHES + offset)
    )
    src, params = from_where(f, conn, by_day=by_day)
    order, page_order = _ORDER["oldest" if sort == "oldest" else "date"]
    rank = "0"
    if sort == "relevance" and f.match:
        rank = "bm25(articles_fts, 4.0, 1.0)"
        order = f"{rank}, {order}"
    ids = f"SELECT a.id, a.day, {rank} AS rank {src} ORDER BY {order}"
    if limit is not None or offset:
        ids += " LIMIT ? OFFSET ?"  # LIMIT -1: no limit (every row from the offset)
        params += [-1 if limit is None else limit, offset]
    yield from page_rows(conn, ids, params, order=page_order)


def count(conn: sqlite3.Connection, f: Filters) -> int:
    """How many articles the filters select."""
    src, params = from_where(f, conn)
    row = fetch_one(conn, f"SELECT count(*) AS n {src}", params)
    return int(row["n"]) if row else 0


_PERIOD = {
    "day": "a.day",
    "week": "date(a.day, '-6 days', 'weekday 1')",
    "month": "substr(a.day, 1, 7) || '-01'",
}
_GROUP = {"outlet": "o.domain", "language": "a.language"}


def _period(interval: str) -> str:
    if interval not in _PERIOD:
        raise BadFilter(f"interval must be day, week or month, not {str(interval)[:20]!r}")
    return _PERIOD[interval]


def period_counts(conn: sqlite3.Connection, f: Filters, interval: Interval = "day") -> dict[str, int]:
    """Articles the filters select per period (its first day: the day, the Monday, the 1st)."""
    src, params = from_where(f, conn)
    rows = iter_rows(
        conn,
        f"SELECT {_period(interval)} AS period, count(*) AS n {src} AND a.day IS NOT NULL GROUP BY 1",
        params,
    )
    return {r["period"]: r["n"] for r in rows}


def share_of(count: int, total: int) -> dict[str, Any]:
    """``count``, ``total`` and ``share`` of matches among all articles in the same filters.

    The two are read by separate statements (the total often remembered from an earlier
    request); if a writer commits between them the matches can outnumber the total read. The
    matches are a subset of the total, so the total is at least the matches: the share never
    exceeds 1."""
    total = max(total, count)
    return {"count": count, "total": total, "share": count / total if total else 0.0}


def share_series(base: dict[str, int], hits: dict[str, int]) -> list[dict[str, Any]]:
    """Per period of ``base`` (all articles in the filters), the matches, the total and the share
    (see :func:`share_of`; a period only ``hits`` has, written since ``base`` was read, is kept)."""
    return [
        {"period": p, **share_of(hits.get(p, 0), base.get(p, 0))}
        for p in sorted(base.keys() | hits.keys())
    ]


def counts_over_time(
    conn: sqlite3.Connection, f: Filters, interval: Interval = "day"
) -> list[dict[str, Any]]:
    """Attention over time: per period, matching articles, all articles in the same filters, and
    the share. Periods with no article at all in the filters are left out."""
    base = period_counts(conn, f.without_match(), interval)
    return share_series(base, period_counts(conn, f, interval) if f.match else base)


def counts_by(
    conn: sqlite3.Connection,
    f: Filters,
    *,
    by: Literal["outlet", "language"] = "outlet",
    interval: Interval = "day",
) -> list[tuple[str, str, int]]:
    """Articles the filters select per period and per outlet (or language), as
    ``(period, outlet or language, count)`` in that order; ``?`` when unknown."""
    if by not in _GROUP:
        raise BadFilter(f"by must be outlet or language, not {str(by)[:20]!r}")
    src, params = from_where(f, conn)
    sql = (
        f"SELECT {_period(interval)} AS period, coalesce({_GROUP[by]}, '?') AS grp, count(*) AS n"
        f" {src} AND a.day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return [(r["period"], r["grp"], r["n"]) for r in iter_rows(conn, sql, params)]
