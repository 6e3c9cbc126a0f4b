"""Read-only connections to a store, with a time limit per statement, and the row helpers every
read query uses (rows as dicts; an interrupted statement becomes :class:`QueryTimeout`)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from warta.store.errors import NotAStore, QueryTimeout

QUERY_SECONDS = 10.0
"""A statement running longer than this is stopped (:class:`QueryTimeout`)."""


class ExploreConnection(sqlite3.Connection):
    """A read-only store connection that knows whether the store has the explorer's covering
    index (migration 3); stores written before it are read the slow way."""

    covering: bool = False


def connect_readonly(
    path: str | Path, *, time_limit: float | None = QUERY_SECONDS
) -> sqlite3.Connection:
    """Open a store read-only (``mode=ro``; writes fail in SQLite itself) with a time limit per
    statement (``None``: none, for long streamed exports).

    Raises:
        NotAStore: the file is missing or has no warta tables.
    """
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


def has_covering_index(conn: sqlite3.Connection) -> bool:
    """Whether ``conn`` was opened by :func:`connect_readonly` on a store with the covering
    index (any other connection, e.g. the writer's, is read without it)."""
    return bool(getattr(conn, "covering", False))


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


def iter_rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` as dicts by column name, read lazily.

    Raises:
        QueryTimeout: the statement was interrupted by the connection's time limit.
    """
    try:
        cur = conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row, strict=True))
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(f"the query took longer than {QUERY_SECONDS:g} s") from exc
        raise


def fetch_all(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    """Every row of ``sql`` as a dict."""
    return list(iter_rows(conn, sql, params))


def fetch_one(conn: sqlite3.Connection, sql: str, params: Any = ()) -> dict[str, Any] | None:
    """The first row of ``sql`` (``LIMIT 1`` is appended), or None."""
    found = fetch_all(conn, sql + " LIMIT 1", params)
    return found[0] if found else None
