"""Read-only connections for the web layer: one per worker thread for ordinary requests, and a
dedicated one for each streamed export (a stream is iterated across threads, and may run long)."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from warta.store.readonly import connect_readonly

T = TypeVar("T")


class Database:
    """A store opened read-only, with a memo of results that is dropped whenever the store changes.

    ``warta run`` may add to a store while it is served. Each connection asks SQLite's
    ``PRAGMA data_version`` (a per-connection counter that moves when another connection
    commits; no disk read, microseconds) when a request takes it with :meth:`conn`; a change
    empties the memo, so totals and counts are never older than the request's own reads.

    Args:
        path: the SQLite store; checked at once (:class:`warta.store.errors.NotAStore`).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        connect_readonly(self.path).close()
        self._local = threading.local()
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._memo_lock = threading.Lock()
        self._generation = 0
        """Bumped each time a connection sees the store change; a result computed across a
        bump may predate the change and is not kept."""

    MEMO_SIZE = 512
    """Results kept by :meth:`memo`."""

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` (least recently used dropped first) until the
        store changes. Call :meth:`conn` first in the request, which notices changes."""
        with self._memo_lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                found: T = self._memo[key]
                return found
            generation = self._generation
        value = compute()
        with self._memo_lock:
            if generation == self._generation:
                self._memo[key] = value
                while len(self._memo) > self.MEMO_SIZE:
                    self._memo.popitem(last=False)
        return value

    def forget(self) -> None:
        """Drop every remembered result (the store changed)."""
        with self._memo_lock:
            self._generation += 1
            self._memo.clear()

    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use); drops the memo if the store changed
        since this connection last looked."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_readonly(self.path)
            self._local.conn = conn
            self._local.version = _data_version(conn)
            # A new connection has no earlier reading to compare with: the memo may hold
            # results of an older store than the one it sees now.
            self.forget()
            return conn
        version = _data_version(conn)
        if version != self._local.version:
            self._local.version = version
            self.forget()
        return conn

    def stream(self, produce: Callable[[sqlite3.Connection], Iterator[T]]) -> Iterator[T]:
        """Rows from ``produce`` on a connection of their own, closed when the stream ends."""
        conn = connect_readonly(self.path, time_limit=None)
        try:
            yield from produce(conn)
        finally:
            conn.close()


def _data_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA data_version").fetchone()
    return int(row[0])
