"""The explorer's aggregate queries over what :class:`~warta.store.search.Filters` select: total
attention and its share, a random sample, the top outlets, entities and words, the latest
articles, and the corpus-wide lists (span, outlets, languages).

Every function takes an open :class:`sqlite3.Connection` (see
:func:`warta.store.readonly.connect_readonly`) and passes all values as SQL parameters.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from typing import Any

from warta.page.phrases import phrase_set
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


def top_outlets(conn: sqlite3.Connection, f: Filters, *, limit: int | None = 10) -> list[dict[str, Any]]:
    """Outlets with the most matching articles, with each one's share of the matches and of its
    own output in the same filters."""
    src, params = from_where(f, conn)
    sql = (
        f"SELECT coalesce(o.domain, '?') AS outlet, count(*) AS count {src}"
        " GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    rows = fetch_all(conn, sql + (" LIMIT ?" if limit else ""), [*params, limit] if limit else params)
    matched = sum(r["count"] for r in rows) if limit is None else count(conn, f)
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


def top_entities(
    conn: sqlite3.Connection, f: Filters, *, limit: int | None = 10, type: str | None = None
) -> list[dict[str, Any]]:
    """Entities in the most matching articles (and their mentions), optionally of one type."""
    src, params = from_where(f, conn)
    extra = ""
    if type:
        extra = " AND e.type = ?"
    sql = (
        "SELECT e.id, e.name, e.type, count(*) AS articles, sum(ae.mentions) AS mentions"
        f" FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        f" WHERE ae.article_id IN (SELECT a.id {src}){extra}"
        " GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name"
    )
    args = [*params, *([type] if type else [])]
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    return fetch_all(conn, sql, args)


def top_words(
    conn: sqlite3.Connection, f: Filters, *, limit: int = 20, sample_size: int = 1000
) -> dict[str, Any]:
    """The most frequent words (not stopwords, not numbers) in the titles and leads of the newest
    ``sample_size`` matching articles, by how many of those articles use them."""
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
    return {
        "sample": n,
        "words": [{"word": w, "count": c, "share": c / n} for w, c in df.most_common(limit)],
    }


def latest(conn: sqlite3.Connection, f: Filters | None = None, *, limit: int | None = 20) -> Iterator[dict[str, Any]]:
    """The newest articles (originals and singletons; copies and duplicates are folded)."""
    src, params = from_where(f or Filters(), conn)
    order = "a.day DESC, a.id DESC"
    ids = f"SELECT a.id, a.day {src} AND a.status = 'article' ORDER BY {order}"
    if limit is not None:
        ids += " LIMIT ?"
        params.append(limit)
    yield from page_rows(conn, ids, params, order="page.day DESC, page.id DESC")


def corpus_span(conn: sqlite3.Connection) -> dict[str, Any]:
    """The first and last day with articles, and the number of counted articles."""
    row = fetch_one(conn, f"SELECT min(a.day) AS first, max(a.day) AS last, count(*) AS articles FROM articles a WHERE {COUNTED}")
    return row or {"first": None, "last": None, "articles": 0}


def outlets(conn: sqlite3.Connection, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Every outlet with its article count, biggest first."""
    sql = (
        "SELECT o.domain AS outlet, o.name, count(a.id) AS articles FROM outlets o"
        f" LEFT JOIN articles a ON a.outlet_id = o.id AND {COUNTED} GROUP BY o.id"
        " ORDER BY articles DESC, o.domain"
    )
    yield from iter_rows(conn, sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())


def languages(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Languages with their article counts."""
    return fetch_all(
        conn,
        f"SELECT coalesce(a.language, '?') AS language, count(*) AS count FROM articles a"
        f" WHERE {COUNTED} GROUP BY 1 ORDER BY 2 DESC",
    )
