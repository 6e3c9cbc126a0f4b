"""Read-only queries for the corpus explorer (``warta serve``): search, attention over time, top
lists, and the article, story, entity and outlet records.

Every function takes an open :class:`sqlite3.Connection` (use :func:`connect_readonly`) and passes
all values as SQL parameters. User search text never reaches SQL as written: :func:`parse_query`
reads the small query language below into a tree and writes a fresh FTS5 expression in which every
word is a quoted string, or raises :class:`SearchSyntaxError`.

Query language: words, ``"quoted phrases"``, ``AND`` (also implied between terms), ``OR``, ``NOT``
(binary: ``a NOT b``) and parentheses. Words are stemmed for Indonesian the way the index was
(:mod:`warta.store.tokens`), and the unstemmed form is searched too, so words of other languages
still match exactly.

What is counted: articles and their copies at other outlets (each is a publication that gave the
story attention), not exact duplicates (the same URL, or the same text at the same outlet twice).
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import msgspec

from warta.errors import WartaError
from warta.page.phrases import phrase_set
from warta.store.tokens import stem_word, words

Interval = Literal["day", "week", "month"]

MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 40
MAX_DEPTH = 8
QUERY_SECONDS = 10.0
"""A query running longer than this is stopped (:class:`QueryTimeout`)."""

COUNTED = "(a.status = 'article' OR a.duplicate_kind = 'copy')"
"""Articles that count as coverage: originals, singletons and copies; not exact duplicates."""


# -- errors ---------------------------------------------------------------------------------------
class ExploreError(WartaError):
    """Base of the explorer's errors."""

    code = "explore-error"


class SearchSyntaxError(ExploreError):
    """The search text is not a valid query; ``position`` is the character offset, if known."""

    code = "bad-search"

    def __init__(self, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class BadFilter(ExploreError):
    """A filter value is malformed (a date that is not YYYY-MM-DD, …)."""

    code = "bad-filter"


class RecordNotFound(ExploreError):
    """No article, story, entity or outlet has the given id."""

    code = "not-found"


class NotAStore(ExploreError):
    """The file is missing or is not a warta store."""

    code = "not-a-store"


class QueryTimeout(ExploreError):
    """A query ran longer than :data:`QUERY_SECONDS` and was stopped."""

    code = "query-timeout"


# -- connecting -----------------------------------------------------------------------------------
class ExploreConnection(sqlite3.Connection):
    """A read-only store connection that knows whether the store has the explorer's covering
    index (migration 3); stores written before it are read the slow way."""

    covering: bool = False


def connect_readonly(
    path: str | Path, *, time_limit: float | None = QUERY_SECONDS
) -> sqlite3.Connection:
    """Open a store read-only (``mode=ro``; writes fail in SQLite itself) with a time limit per
    statement (``None``: none, for long streamed exports). Raises :class:`NotAStore` when the file is missing or has no warta tables."""
    p = Path(path)
    if not p.is_file():
        raise NotAStore(f"no store at {p}")
    uri = f"file:{quote(str(p.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, factory=ExploreConnection)
    conn.execute("PRAGMA query_only = ON")
    # Memory-mapped reads share the OS page cache across connections and threads.
    conn.execute("PRAGMA mmap_size = 1073741824")
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotAStore(f"{p} is not a SQLite database: {exc}") from exc
    if not {"articles", "articles_fts", "outlets", "stories"} <= tables:
        conn.close()
        raise NotAStore(f"{p} is not a warta store (run `warta run … --db {p}` first)")
    conn.covering = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_explore'"
    ).fetchone() is not None
    if time_limit:
        _set_time_limit(conn, time_limit)
    return conn


def _set_time_limit(conn: sqlite3.Connection, seconds: float) -> None:
    # The progress handler is called every N VM steps; returning true interrupts the statement
    # (datasette's sqlite_timelimit). The deadline is reset at the start of each statement.
    state = {"deadline": 0.0}

    def check() -> int:
        now = time.monotonic()
        if state["deadline"] == 0.0:
            state["deadline"] = now + seconds
        return 1 if now > state["deadline"] else 0

    conn.set_progress_handler(check, 20_000)
    conn.set_trace_callback(lambda _sql: state.update(deadline=0.0))


def _rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
    try:
        cur = conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row, strict=True))
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(f"the query took longer than {QUERY_SECONDS:g} s") from exc
        raise


def _all(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    return list(_rows(conn, sql, params))


def _one(conn: sqlite3.Connection, sql: str, params: Any = ()) -> dict[str, Any] | None:
    found = _all(conn, sql + " LIMIT 1", params)
    return found[0] if found else None


# -- the query language ---------------------------------------------------------------------------
_RESERVED = {"*": "prefix search (*)", "^": "start-of-column search (^)", ":": "column filters (:)",
             "{": "column sets ({ })", "}": "column sets ({ })", "+": "'+'", "[": "'['", "]": "']'",
             "~": "'~'", "\\": "'\\'", "|": "'|'", "&": "'&'"}
_OPERATORS = {"AND", "OR", "NOT"}
_UNSUPPORTED_WORDS = {"NEAR": "NEAR"}
HELP = 'use words, "quoted phrases", AND, OR, NOT (as in: a NOT b) and parentheses'


@dataclass(frozen=True)
class _Tok:
    kind: Literal["word", "phrase", "op", "(", ")"]
    text: str
    pos: int


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            toks.append(_Tok(ch, ch, i))  # type: ignore[arg-type]
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise SearchSyntaxError(
                    f"unbalanced quote: the phrase opened at character {i + 1} is never closed",
                    position=i,
                )
            toks.append(_Tok("phrase", text[i + 1 : end], i))
            i = end + 1
        elif ch in _RESERVED:
            raise SearchSyntaxError(
                f"{_RESERVED[ch]} at character {i + 1} is not supported: {HELP}", position=i
            )
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"' and text[j] not in _RESERVED:
                j += 1
            chunk = text[i:j]
            if not words(chunk):
                pass  # punctuation between words ("Jokowi - Prabowo") separates, as in the index
            elif chunk in _OPERATORS:
                toks.append(_Tok("op", chunk, i))
            elif chunk in _UNSUPPORTED_WORDS or chunk.startswith("NEAR("):
                raise SearchSyntaxError(f"NEAR at character {i + 1} is not supported: {HELP}", position=i)
            else:
                toks.append(_Tok("word", chunk, i))
            i = j
    return toks


class _Parser:
    """Recursive descent over the tokens; builds the FTS5 text directly.

    Grammar (FTS5's own precedence: NOT binds tightest, then AND, then OR)::

        or   := and ("OR" and)*
        and  := not (["AND"] not)*
        not  := atom ("NOT" atom)*
        atom := WORD | PHRASE | "(" or ")"
    """

    def __init__(self, toks: list[_Tok], language: str | None) -> None:
        self.toks = toks
        self.i = 0
        self.language = language
        self.terms = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> str:
        if not self.toks:
            raise SearchSyntaxError(f"the query is empty: {HELP}")
        expr = self.parse_or()
        tok = self.peek()
        if tok is not None and tok.kind == ")":
            raise SearchSyntaxError(
                f"unbalanced parenthesis: ')' at character {tok.pos + 1} closes nothing",
                position=tok.pos,
            )
        if tok is not None:
            raise SearchSyntaxError(
                f"unexpected {tok.text!r} at character {tok.pos + 1}: {HELP}", position=tok.pos
            )
        return expr

    def parse_or(self) -> str:
        parts = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "OR":
            self.i += 1
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def parse_and(self) -> str:
        parts = [self.parse_not()]
        while (tok := self.peek()) is not None and not (tok.kind == "op" and tok.text != "AND") and tok.kind != ")":
            if tok.kind == "op":  # AND
                self.i += 1
            parts.append(self.parse_not())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def parse_not(self) -> str:
        expr = self.parse_atom()
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "NOT":
            self.i += 1
            expr = f"({expr} NOT {self.parse_atom()})"
        return expr

    def parse_atom(self) -> str:
        tok = self.peek()
        if tok is None:
            raise SearchSyntaxError(f"the query ends where a word was expected: {HELP}")
        if tok.kind == "op":
            what = "NOT needs a word before it (write: a NOT b)" if tok.text == "NOT" else (
                f"{tok.text} needs a word on each side")
            raise SearchSyntaxError(f"{what}, at character {tok.pos + 1}", position=tok.pos)
        if tok.kind == ")":
            raise SearchSyntaxError(
                f"unbalanced parenthesis: ')' at character {tok.pos + 1} closes nothing",
                position=tok.pos,
            )
        self.i += 1
        if tok.kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise SearchSyntaxError(f"parentheses nest deeper than {MAX_DEPTH}", position=tok.pos)
            if (nxt := self.peek()) is not None and nxt.kind == ")":
                raise SearchSyntaxError(f"empty parentheses at character {tok.pos + 1}", position=tok.pos)
            inner = self.parse_or()
            close = self.peek()
            if close is None or close.kind != ")":
                raise SearchSyntaxError(
                    f"unbalanced parenthesis: '(' at character {tok.pos + 1} is never closed",
                    position=tok.pos,
                )
            self.i += 1
            self.depth -= 1
            return inner
        tokens = words(tok.text)
        if not tokens:
            raise SearchSyntaxError(
                f"the phrase at character {tok.pos + 1} has no letters or digits to search for",
                position=tok.pos,
            )
        self.terms += len(tokens)
        if self.terms > MAX_QUERY_TERMS:
            raise SearchSyntaxError(f"the query has more than {MAX_QUERY_TERMS} words")
        return _term(tokens)


def _term(tokens: list[str]) -> str:
    """One word or phrase as FTS5 text: the stemmed phrase OR the phrase as written."""
    # Words are \w+ runs joined by hyphens, so they hold no double quote; FTS5's unicode61
    # splits hyphenated words into adjacent tokens, which a quoted phrase matches.
    plain = " ".join(tokens)
    stemmed = " ".join(stem_word(t) for t in tokens)
    if stemmed == plain:
        return f'"{plain}"'
    return f'("{stemmed}" OR "{plain}")'


def parse_query(text: str, *, language: str | None = "id") -> str:
    """The FTS5 MATCH expression for a user's search text, or :class:`SearchSyntaxError`."""
    if len(text) > MAX_QUERY_CHARS:
        raise SearchSyntaxError(
            f"the query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}"
        )
    return _Parser(_lex(text), language).parse()


# -- filters --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    """What to count: a search (already parsed with :func:`parse_query`) and filters. Dates are
    ``YYYY-MM-DD`` days, inclusive."""

    match: str | None = None
    outlets: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    language: str | None = None
    entity: int | None = None
    story: str | None = None

    def without_match(self) -> Filters:
        """The same filters without the search: the base a share is taken of."""
        return Filters(None, self.outlets, self.start, self.end, self.language, self.entity, self.story)


def check_day(value: str | None, name: str) -> str | None:
    """``value`` when it is a ``YYYY-MM-DD`` day (or empty), else :class:`BadFilter`."""
    if not value:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise BadFilter(f"{name} must be a day as YYYY-MM-DD, not {value[:40]!r}") from exc


def _covering(conn: sqlite3.Connection) -> bool:
    return bool(getattr(conn, "covering", False))


def _from_where(f: Filters, covering: bool = False, *, by_day: bool = False) -> tuple[str, list[Any]]:
    """``FROM … WHERE …`` over counted articles ``a`` (joined to outlet ``o``) for filters.

    ``by_day`` walks the day index newest first and keeps the articles the search matches: far
    cheaper than sorting every match when a common word matches much of the corpus and only the
    newest few are wanted."""
    sql = "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
    where: list[str] = [COUNTED]
    params: list[Any] = []
    if f.match and by_day:
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
    if f.entity is not None:
        where.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)")
        params.append(f.entity)
    if f.story:
        where.append("a.story_id = ?")
        params.append(f.story)
    return f"{sql} WHERE {' AND '.join(where)}", params


LIST_COLUMNS = (
    "a.id, a.title, o.domain AS outlet, a.day, a.published, a.language, a.url, a.lead,"
    " a.status, a.duplicate_kind, a.cluster_id, a.story_id"
)


# -- search and counts ----------------------------------------------------------------------------
def _page(
    conn: sqlite3.Connection, ids_sql: str, params: list[Any], *, order: str = "page.rn"
) -> Iterator[dict[str, Any]]:
    """The list columns of the articles an id query selects, in ``order`` (over the id query's
    columns). The ids are chosen first (from the covering index), so only the rows shown are
    read from the wide table."""
    yield from _rows(
        conn,
        f"SELECT {LIST_COLUMNS} FROM ({ids_sql}) AS page JOIN articles a ON a.id = page.id"
        f" LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY {order}",
        params,
    )


DENSE_MATCHES = 2000
"""From this many full-text matches on, a newest-first page is read by walking the day index."""


def _matches_at_least(conn: sqlite3.Connection, match: str, n: int) -> bool:
    """Whether the full-text index alone has ``n`` matches (reads at most ``n`` of them)."""
    return _match_count(conn, match, n) >= n


def search(
    conn: sqlite3.Connection,
    f: Filters,
    *,
    sort: Literal["date", "relevance"] = "date",
    limit: int | None = 20,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Matching articles, newest first (or by BM25 relevance, title weighted); ``limit=None``
    for all of them."""
    by_day = (
        sort == "date" and limit is not None and f.match is not None and _covering(conn)
        and _matches_at_least(conn, f.match, DENSE_MATCHES + offset)
    )
    src, params = _from_where(f, _covering(conn), by_day=by_day)
    order = "a.day DESC, a.id DESC"
    if sort == "relevance" and f.match:
        order = "bm25(articles_fts, 4.0, 1.0), " + order
    rank = "bm25(articles_fts, 4.0, 1.0)" if sort == "relevance" and f.match else "0"
    ids = f"SELECT a.id, a.day, {rank} AS rank {src} ORDER BY {order}"
    if limit is not None:
        ids += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    yield from _page(conn, ids, params, order="page.rank, page.day DESC, page.id DESC")


def count(conn: sqlite3.Connection, f: Filters) -> int:
    """How many articles the filters select."""
    src, params = _from_where(f, _covering(conn))
    row = _one(conn, f"SELECT count(*) AS n {src}", params)
    return int(row["n"]) if row else 0


def totals(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    """Total attention: matching articles, all articles in the same filters, and the share."""
    matched = count(conn, f)
    total = count(conn, f.without_match()) if f.match else matched
    return {"count": matched, "total": total, "share": matched / total if total else 0.0}


_PERIOD = {
    "day": "a.day",
    "week": "date(a.day, '-6 days', 'weekday 1')",
    "month": "substr(a.day, 1, 7) || '-01'",
}


def period_counts(conn: sqlite3.Connection, f: Filters, interval: Interval = "day") -> dict[str, int]:
    """Articles the filters select per period (its first day: the day, the Monday, the 1st)."""
    if interval not in _PERIOD:
        raise BadFilter(f"interval must be day, week or month, not {str(interval)[:20]!r}")
    src, params = _from_where(f, _covering(conn))
    rows = _rows(
        conn,
        f"SELECT {_PERIOD[interval]} AS period, count(*) AS n {src} AND a.day IS NOT NULL GROUP BY 1",
        params,
    )
    return {r["period"]: r["n"] for r in rows}


def share_series(base: dict[str, int], hits: dict[str, int]) -> list[dict[str, Any]]:
    """Per period of ``base`` (all articles in the filters), the matches, the total and the share."""
    return [
        {"period": p, "count": hits.get(p, 0), "total": n, "share": hits.get(p, 0) / n if n else 0.0}
        for p, n in sorted(base.items())
    ]


def counts_over_time(
    conn: sqlite3.Connection, f: Filters, interval: Interval = "day"
) -> list[dict[str, Any]]:
    """Attention over time: per period, matching articles, all articles in the same filters, and
    the share. Periods with no article at all in the filters are left out."""
    base = period_counts(conn, f.without_match(), interval)
    return share_series(base, period_counts(conn, f, interval) if f.match else base)


def sample(
    conn: sqlite3.Connection, f: Filters, *, n: int = 10, seed: int | None = None
) -> list[dict[str, Any]]:
    """A random sample of matching articles; the same ``seed`` gives the same sample."""
    src, params = _from_where(f, _covering(conn))
    if seed is None:
        order = "random()"
    else:
        # A multiplicative hash of the id: a fixed pseudo-random order per seed.
        order = f"((a.id + {int(seed) % 1_000_003}) * 2654435761) % 4294967311, a.id"
    ids = f"SELECT a.id, {order.split(',')[0]} AS rn {src} ORDER BY {order} LIMIT ?"
    return list(_page(conn, ids, [*params, n]))


def top_outlets(conn: sqlite3.Connection, f: Filters, *, limit: int | None = 10) -> list[dict[str, Any]]:
    """Outlets with the most matching articles, with each one's share of the matches and of its
    own output in the same filters."""
    src, params = _from_where(f, _covering(conn))
    sql = (
        f"SELECT coalesce(o.domain, '?') AS outlet, count(*) AS count {src}"
        " GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    rows = _all(conn, sql + (" LIMIT ?" if limit else ""), [*params, limit] if limit else params)
    matched = sum(r["count"] for r in rows) if limit is None else count(conn, f)
    base_src, base_params = _from_where(f.without_match(), _covering(conn))
    outlets = [r["outlet"] for r in rows]
    base: dict[str, int] = {}
    if f.match and outlets:
        for r in _rows(
            conn,
            f"SELECT o.domain AS outlet, count(*) AS n {base_src}"
            f" AND o.domain IN ({','.join('?' * len(outlets))}) GROUP BY 1",
            [*base_params, *outlets],
        ):
            base[r["outlet"]] = r["n"]
    for r in rows:
        r["share"] = r["count"] / matched if matched else 0.0
        own = base.get(r["outlet"], r["count"])
        r["share_of_outlet"] = r["count"] / own if own else 0.0
    return rows


def top_entities(
    conn: sqlite3.Connection, f: Filters, *, limit: int | None = 10, type: str | None = None
) -> list[dict[str, Any]]:
    """Entities in the most matching articles (and their mentions), optionally of one type."""
    src, params = _from_where(f, _covering(conn))
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
    return _all(conn, sql, args)


def _stopwords() -> frozenset[str]:
    return phrase_set("stopwords_id.txt") | phrase_set("stopwords_en.txt")


def top_words(
    conn: sqlite3.Connection, f: Filters, *, limit: int = 20, sample_size: int = 1000
) -> dict[str, Any]:
    """The most frequent words (not stopwords, not numbers) in the titles and leads of the newest
    ``sample_size`` matching articles, by how many of those articles use them."""
    src, params = _from_where(f, _covering(conn))
    rows = _rows(
        conn,
        "SELECT coalesce(a.title, '') || ' ' || coalesce(a.lead, '') AS t"
        f" FROM (SELECT a.id {src} ORDER BY a.day DESC, a.id DESC LIMIT ?) AS page"
        " JOIN articles a ON a.id = page.id",
        [*params, sample_size],
    )
    stop = _stopwords()
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
    src, params = _from_where(f or Filters(), _covering(conn))
    order = "a.day DESC, a.id DESC"
    ids = f"SELECT a.id, a.day {src} AND a.status = 'article' ORDER BY {order}"
    if limit is not None:
        ids += " LIMIT ?"
        params.append(limit)
    yield from _page(conn, ids, params, order="page.day DESC, page.id DESC")


def corpus_span(conn: sqlite3.Connection) -> dict[str, Any]:
    """The first and last day with articles, and the number of counted articles."""
    row = _one(conn, f"SELECT min(a.day) AS first, max(a.day) AS last, count(*) AS articles FROM articles a WHERE {COUNTED}")
    return row or {"first": None, "last": None, "articles": 0}


# -- stories --------------------------------------------------------------------------------------
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
        f" WHERE {' AND '.join(where)} ORDER BY s.outlets DESC, s.articles DESC, s.first_seen DESC, s.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    yield from _rows(conn, sql, params)


def story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    """One story: its record, its articles in time order and its outlets."""
    row = _one(conn, "SELECT id, title, outlets, articles, first_seen, last_seen, keywords FROM stories WHERE id = ?", (story_id,))
    if row is None:
        raise RecordNotFound(f"no story {story_id[:80]!r}")
    row["keywords"] = msgspec.json.decode(row["keywords"] or "[]")
    row["members"] = _all(
        conn,
        f"SELECT {LIST_COLUMNS} FROM story_members m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.story_id = ?"
        " ORDER BY a.published IS NULL, a.published, a.id",
        (story_id,),
    )
    row["outlet_counts"] = [
        {"outlet": k, "count": v}
        for k, v in Counter(m["outlet"] or "?" for m in row["members"]).most_common()
    ]
    return row


# -- one article ----------------------------------------------------------------------------------
def article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    """One article: metadata, paragraphs, quotes, entities (with ids) and its cluster."""
    row = _one(
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
    row["quotes"] = _all(
        conn,
        'SELECT speaker, cue, text, start, "end", kind FROM quotes WHERE article_id = ? ORDER BY start, id',
        (row["id"],),
    )
    row["entities"] = _all(
        conn,
        "SELECT e.id, e.name, e.type, ae.mentions FROM article_entities ae JOIN entities e"
        " ON e.id = ae.entity_id WHERE ae.article_id = ? ORDER BY ae.mentions DESC, e.name",
        (row["id"],),
    )
    row["story"] = _one(conn, "SELECT id, title, outlets, articles FROM stories WHERE id = ?", (row["story_id"],)) if row["story_id"] else None
    return row


def cluster(conn: sqlite3.Connection, cluster_id: str) -> dict[str, Any] | None:
    """A copy or duplicate cluster: the likely original (in the corpus or not), the evidence,
    and every member with its outlet and containment."""
    row = _one(
        conn,
        "SELECT id, kind, size, original_id, original_outlet, evidence FROM clusters WHERE id = ?",
        (cluster_id,),
    )
    if row is None:
        return None
    row["members"] = _all(
        conn,
        f"SELECT {LIST_COLUMNS}, m.similarity, (a.id = c.original_id) AS is_original"
        " FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id JOIN articles a"
        " ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.cluster_id = ?"
        " ORDER BY is_original DESC, a.published IS NULL, a.published, a.id",
        (cluster_id,),
    )
    for m in row["members"]:
        m["is_original"] = bool(m["is_original"])
    row["original_in_corpus"] = row["original_id"] is not None
    return row


RELATED_TERMS = 4
RELATED_CAP = 1000


def _match_count(conn: sqlite3.Connection, match: str, cap: int) -> int:
    """Full-text matches of ``match``, counted up to ``cap``."""
    row = _one(
        conn,
        "SELECT count(*) AS n FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
        (match, cap),
    )
    return int(row["n"]) if row else 0


def related(conn: sqlite3.Connection, article_id: int, *, limit: int = 5) -> list[dict[str, Any]]:
    """"Baca Juga": articles whose words best match this one's title (BM25, title weighted),
    leaving out the article itself, its copies and its duplicates."""
    row = _one(conn, "SELECT title_index, cluster_id FROM articles WHERE id = ?", (int(article_id),))
    if row is None:
        raise RecordNotFound(f"no article {article_id}")
    stop = _stopwords()
    terms = list(dict.fromkeys(
        t for t in (row["title_index"] or "").split() if len(t) > 2 and not t.isdigit() and t not in stop
    ))[:10]
    if not terms:
        return []
    # BM25 over a common word's doclist costs as much as a search for it, and such a word says
    # little about relatedness: keep the title's rarest words (counts read only up to a cap).
    rarity = {t: _match_count(conn, f'"{t}"', RELATED_CAP) for t in terms}  # \w runs: no quotes
    terms = sorted(terms, key=lambda t: rarity[t])[:RELATED_TERMS]
    # Title against titles: what a "Baca Juga" box matches on.
    match = "title_index : (" + " OR ".join(f'"{t}"' for t in terms) + ")"
    # The best few by BM25 from the full-text index alone, then the filters on those few.
    ids = (
        "SELECT hit.rowid AS id, hit.rank AS rn FROM (SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS rank"
        " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) AS hit"
        " JOIN articles a ON a.id = hit.rowid WHERE a.id != ? AND a.status = 'article'"
        " AND (a.cluster_id IS NULL OR a.cluster_id IS NOT ?) ORDER BY hit.rank LIMIT ?"
    )
    return list(_page(conn, ids, [match, limit * 4 + 10, int(article_id), row["cluster_id"], limit]))


# -- entities and outlets -------------------------------------------------------------------------
def entity(conn: sqlite3.Connection, entity_id: int) -> dict[str, Any]:
    """One entity: its name and type, how many articles name it, what it said (quotes whose
    speaker is its name), and the entities named with it most often."""
    row = _one(conn, "SELECT id, name, type FROM entities WHERE id = ?", (int(entity_id),))
    if row is None:
        raise RecordNotFound(f"no entity {entity_id}")
    row.update(count_articles=_one(
        conn,
        f"SELECT count(*) AS n FROM article_entities ae JOIN articles a ON a.id = ae.article_id"
        f" WHERE ae.entity_id = ? AND {COUNTED}",
        (row["id"],),
    )["n"])  # type: ignore[index]
    row["quotes"] = _all(
        conn,
        "SELECT q.article_id, q.speaker, q.cue, q.text, q.kind, a.title, o.domain AS outlet, a.day"
        " FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o"
        f" ON o.id = a.outlet_id WHERE q.speaker = ? COLLATE NOCASE AND {COUNTED}"
        " ORDER BY a.day DESC, q.article_id DESC, q.start LIMIT 50",
        (row["name"],),
    )
    row["cooccurring"] = _all(
        conn,
        "SELECT e.id, e.name, e.type, count(*) AS articles FROM article_entities x"
        " JOIN article_entities ae ON ae.article_id = x.article_id AND ae.entity_id != x.entity_id"
        " JOIN entities e ON e.id = ae.entity_id WHERE x.entity_id = ?"
        " GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 15",
        (row["id"],),
    )
    return row


def find_entity(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Entities with exactly this name (any case), most mentioned first."""
    return _all(
        conn,
        "SELECT e.id, e.name, e.type, count(ae.article_id) AS articles FROM entities e"
        " LEFT JOIN article_entities ae ON ae.entity_id = e.id WHERE e.name = ? COLLATE NOCASE"
        " GROUP BY e.id ORDER BY articles DESC LIMIT 20",
        (name,),
    )


def outlet(conn: sqlite3.Connection, domain: str) -> dict[str, Any]:
    """One outlet: its articles, days, languages, and who copied whom: the outlets it re-ran
    stories from, and the outlets that re-ran its stories."""
    row = _one(conn, "SELECT id, domain, name FROM outlets WHERE domain = ?", (domain,))
    if row is None:
        raise RecordNotFound(f"no outlet {domain[:80]!r}")
    oid = row["id"]
    stats = _one(
        conn,
        "SELECT count(*) AS articles, min(day) AS first, max(day) AS last,"
        " count(CASE WHEN a.duplicate_kind = 'copy' THEN 1 END) AS copies FROM articles a"
        f" WHERE a.outlet_id = ? AND {COUNTED}",
        (oid,),
    ) or {}
    row.update(stats)
    row["languages"] = _all(
        conn,
        "SELECT coalesce(a.language, '?') AS language, count(*) AS count FROM articles a"
        f" WHERE a.outlet_id = ? AND {COUNTED} GROUP BY 1 ORDER BY 2 DESC",
        (oid,),
    )
    row["copied_from"] = _all(
        conn,
        "SELECT c.original_outlet AS outlet, count(*) AS count FROM articles a JOIN clusters c"
        " ON c.id = a.cluster_id WHERE a.outlet_id = ? AND c.kind = 'copy'"
        " AND c.original_outlet IS NOT NULL AND c.original_outlet != ?"
        " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20",
        (oid, row["domain"]),
    )
    row["copied_by"] = _all(
        conn,
        "SELECT o.domain AS outlet, count(*) AS count FROM clusters c JOIN cluster_members m"
        " ON m.cluster_id = c.id JOIN articles a ON a.id = m.article_id JOIN outlets o"
        " ON o.id = a.outlet_id WHERE c.kind = 'copy' AND c.original_outlet = ? AND o.domain != ?"
        " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20",
        (row["domain"], row["domain"]),
    )
    return row


def outlets(conn: sqlite3.Connection, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Every outlet with its article count, biggest first."""
    sql = (
        "SELECT o.domain AS outlet, o.name, count(a.id) AS articles FROM outlets o"
        f" LEFT JOIN articles a ON a.outlet_id = o.id AND {COUNTED} GROUP BY o.id"
        " ORDER BY articles DESC, o.domain"
    )
    yield from _rows(conn, sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())


def languages(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Languages with their article counts."""
    return _all(
        conn,
        f"SELECT coalesce(a.language, '?') AS language, count(*) AS count FROM articles a"
        f" WHERE {COUNTED} GROUP BY 1 ORDER BY 2 DESC",
    )
