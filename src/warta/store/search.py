"""Full-text search over the store: a small query language, parsed and quoted, never pasted.

Syntax: words (``banjir``), phrases (``"joko widodo"``), ``AND`` (also implied between terms),
``OR``, ``NOT`` or a leading ``-``, parentheses, and ``word*`` for a prefix. Each word is matched
by its Sastrawi stem *or* as written (see :mod:`warta.store.tokens`), so ``pemerintah`` finds
``pemerintahan`` in Indonesian text and English words still match exactly. Every term reaches
FTS5 as a quoted string, so no user input can change the shape of the SQL or of the FTS query.

Filters (outlet, language, date range, entity, story) are SQL parameters.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

import msgspec

from warta.errors import WartaError
from warta.store.tokens import query_terms, words

_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')


class QueryError(WartaError):
    """A search query that cannot be parsed (unbalanced parentheses, only negations…)."""

    code = "bad-query"


class Filters(msgspec.Struct, kw_only=True, frozen=True):
    """What narrows a search, besides the words."""

    outlet: str | None = None
    language: str | None = None
    date_from: str | None = None
    """Inclusive ``YYYY-MM-DD``."""
    date_to: str | None = None
    """Inclusive ``YYYY-MM-DD``."""
    entity: str | None = None
    story: str | None = None
    include_duplicates: bool = False


class Hit(msgspec.Struct, kw_only=True):
    """One search result."""

    id: int
    record_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    lead: str | None
    story_id: str | None
    status: str
    rank: float


def compile_query(query: str) -> str:
    """The FTS5 ``MATCH`` expression of a user query (every term quoted).

    Raises:
        QueryError: the query is empty, unbalanced, or only negative.
    """
    tokens = _TOKEN.findall(query)
    parser = _Parser(tokens)
    expr = parser.parse_or()
    if parser.pos != len(tokens):
        raise QueryError(f"unexpected {tokens[parser.pos]!r} in the query")
    if not expr:
        raise QueryError("the query has no words to search for")
    return expr


class _Parser:
    """Recursive descent over tokens: or := and (OR and)*; and := unary (AND? unary)*."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self.tokens = tokens
        self.pos = 0

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse_or(self) -> str:
        parts = [self.parse_and()]
        while self._peek() == "OR":
            self.pos += 1
            parts.append(self.parse_and())
        parts = [p for p in parts if p]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")" if parts else ""

    def parse_and(self) -> str:
        positive: list[str] = []
        negative: list[str] = []
        while (tok := self._peek()) is not None and tok not in ("OR", ")"):
            if tok == "AND":
                self.pos += 1
                continue
            negate = False
            if tok == "NOT":
                negate = True
                self.pos += 1
            elif tok.startswith("-") and len(tok) > 1:
                negate = True
                self.tokens = [*self.tokens[: self.pos], tok[1:], *self.tokens[self.pos + 1 :]]
            expr = self.parse_primary()
            if expr:
                (negative if negate else positive).append(expr)
        if negative and not positive:
            raise QueryError("a query needs at least one word that is not negated")
        out = positive[0] if len(positive) == 1 else "(" + " AND ".join(positive) + ")" if positive else ""
        for neg in negative:
            out = f"({out} NOT {neg})"
        return out

    def parse_primary(self) -> str:
        tok = self._peek()
        if tok is None:
            raise QueryError("the query ends where a word was expected")
        self.pos += 1
        if tok == "(":
            inner = self.parse_or()
            if self._peek() != ")":
                raise QueryError("a parenthesis is not closed")
            self.pos += 1
            return inner
        if tok == ")":
            raise QueryError("a parenthesis closes that was not opened")
        if tok.startswith('"'):
            return _phrase(tok.strip('"'))
        if tok.endswith("*") and len(tok) > 1:
            raw = words(tok[:-1])
            return f'"{" ".join(raw)}" *' if raw else ""
        return _phrase(tok)


def _phrase(text: str) -> str:
    raw = words(text)
    if not raw:
        return ""
    stemmed = query_terms(text)
    exact = _quote(" ".join(raw))
    if stemmed == raw:
        return exact
    return f"({_quote(' '.join(stemmed))} OR {exact})"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _where(match: str | None, filters: Filters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if match is not None:
        where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(match)
    if not filters.include_duplicates:
        where.append("a.status = 'article'")
    if filters.outlet:
        where.append("o.domain = ?")
        params.append(filters.outlet)
    if filters.language:
        where.append("a.language = ?")
        params.append(filters.language)
    if filters.date_from:
        where.append("a.day >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("a.day <= ?")
        params.append(filters.date_to)
    if filters.story:
        where.append("a.story_id = ?")
        params.append(filters.story)
    if filters.entity:
        where.append(
            "a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e"
            " ON e.id = ae.entity_id WHERE e.name = ?)"
        )
        params.append(filters.entity)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def search(
    conn: sqlite3.Connection,
    query: str | None,
    filters: Filters | None = None,
    *,
    order: str = "rank",
    limit: int = 20,
    offset: int = 0,
) -> list[Hit]:
    """Articles matching a query (or all, when ``query`` is None/blank) and the filters.

    ``order`` is ``rank`` (BM25, title weighted ×3), ``newest`` or ``oldest``.
    """
    filters = filters or Filters()
    match = compile_query(query) if query and query.strip() else None
    where, params = _where(match, filters)
    if match is not None and order == "rank":
        rank_sql = "(SELECT bm25(articles_fts, 3.0, 1.0) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.id)"
        params = [match, *params]
        order_sql = "rank, a.id"
    else:
        rank_sql = "0.0"
        order_sql = {"oldest": "a.published IS NULL, a.published, a.id"}.get(
            order, "a.published IS NULL, a.published DESC, a.id"
        )
    sql = (
        f"SELECT a.id, a.record_id, a.title, o.domain, a.url, a.published, a.language, a.lead,"
        f" a.story_id, a.status, {rank_sql} AS rank"
        f" FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id{where}"
        f" ORDER BY {order_sql} LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, [*params, int(limit), int(offset)])
    names = ("id", "record_id", "title", "outlet", "url", "published", "language", "lead",
             "story_id", "status", "rank")
    return [Hit(**dict(zip(names, r, strict=True))) for r in rows]


def count(conn: sqlite3.Connection, query: str | None, filters: Filters | None = None) -> int:
    """How many articles match."""
    match = compile_query(query) if query and query.strip() else None
    where, params = _where(match, filters or Filters())
    sql = f"SELECT count(*) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id{where}"
    return int(conn.execute(sql, params).fetchone()[0])


def counts_over_time(
    conn: sqlite3.Connection, query: str | None, filters: Filters | None = None, *, by: str = "outlet"
) -> list[tuple[str, str, int]]:
    """Matches per day and per outlet (``by="outlet"``) or language (``by="language"``)."""
    match = compile_query(query) if query and query.strip() else None
    where, params = _where(match, filters or Filters())
    group = "o.domain" if by == "outlet" else "a.language"
    sql = (
        f"SELECT a.day, coalesce({group}, '?'), count(*) FROM articles a"
        f" LEFT JOIN outlets o ON o.id = a.outlet_id{where}"
        f"{' AND' if where else ' WHERE'} a.day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return [(r[0], r[1], r[2]) for r in conn.execute(sql, params)]
