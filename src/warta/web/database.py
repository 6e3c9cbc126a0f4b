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
    """A store opened read-only.

    Args:
        path: the SQLite store; checked at once (:class:`warta.store.errors.NotAStore`).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        connect_readonly(self.path).close()
        self._local = threading.local()
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._memo_lock = threading.Lock()

    MEMO_SIZE = 512
    """Results kept by :meth:`memo`."""

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` (least recently used dropped first). Safe
        because the store is read-only while served: a result cannot go stale."""
        with self._memo_lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                found: T = self._memo[key]
                return found
        value = compute()
        with self._memo_lock:
            self._memo[key] = value
            while len(self._memo) > self.MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_readonly(self.path)
            self._local.conn = conn
        return conn

    def stream(self, produce: Callable[[sqlite3.Connection], Iterator[T]]) -> Iterator[T]:
        """Rows from ``produce`` on a connection of their own, closed when the stream ends."""
        conn = connect_readonly(self.path, time_limit=None)
        try:
            yield from produce(conn)
        finally:
            conn.close()
