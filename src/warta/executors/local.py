"""The local engine: a multiprocessing pool on all cores (or inline, with one worker).

Each worker receives the steps and the context once (pool initializer) and then only batches of
records. Batches are submitted with ``apply_async`` through a window of ``2 × workers`` batches:
``Pool.imap`` would read the whole input ahead into memory.

The core bounds each record with ``SIGALRM``, which cannot interrupt a C extension stuck in a
loop. So the pool also keeps a hard deadline per batch: when a batch overruns it, the pool is
restarted, the batch is re-run one record at a time, the record that hangs again becomes a
``timeout`` reject, and the batches in flight are resubmitted (datatrove sandboxes extraction in
a child process for the same reason).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from warta.executors.base import Executor, Meta
from warta.pipeline.base import Item, Record, RunContext, Step, run_steps
from warta.store.rows import Row

_worker_steps: list[Step] = []
_worker_ctx: RunContext | None = None


def _init_worker(steps: list[Step], ctx: RunContext) -> None:
    global _worker_ctx
    _worker_steps[:] = steps
    _worker_ctx = ctx


def _run_batch(records: list[Record]) -> list[Row]:
    assert _worker_ctx is not None
    return run_steps(records, _worker_steps, _worker_ctx)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class LocalExecutor(Executor[Meta]):
    """Multiprocessing on ``workers`` processes (default: all cores); inline when ``workers == 1``.

    ``hard_limit`` is the wall-clock seconds one record may take before its worker is presumed
    stuck (default: three times the context's timeout plus 5 s; None when the timeout is None).
    """

    name = "local"

    def __init__(
        self,
        steps: Sequence[Step],
        ctx: RunContext,
        workers: int | None = None,
        hard_limit: float | None = None,
    ) -> None:
        super().__init__(steps, ctx)
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        self.workers = workers or default_workers()
        self.hard_limit = hard_limit or (3 * ctx.timeout + 5 if ctx.timeout else None)
        self._pool: Pool | None = None

    def _get_pool(self) -> Pool:
        if self._pool is None:
            # fork starts workers fastest and shares the already-imported core; elsewhere spawn.
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self._pool = mp.get_context(method).Pool(
                self.workers, initializer=_init_worker, initargs=(self.steps, self.ctx)
            )
        return self._pool

    def map(
        self, batches: Iterable[tuple[Meta, list[Record]]]
    ) -> Iterator[tuple[Meta, list[Row]]]:
        if self.workers == 1:
            for meta, records in batches:
                yield meta, run_steps(records, self.steps, self.ctx) if records else []
            return
        window: deque[list[Any]] = deque()  # [meta, records, AsyncResult | None]
        limit = 2 * self.workers
        for meta, records in batches:
            window.append([meta, records, self._submit(records)])
            while len(window) > limit:
                yield self._collect(window)
        while window:
            yield self._collect(window)

    def _submit(self, records: list[Record]) -> AsyncResult[Any] | None:
        return self._get_pool().apply_async(_run_batch, (records,)) if records else None

    def _collect(self, window: deque[list[Any]]) -> tuple[Any, list[Row]]:
        meta, records, pending = window[0]
        rows: list[Row] = []
        if pending is not None:
            deadline = self.hard_limit * len(records) if self.hard_limit else None
            try:
                rows = pending.get(timeout=deadline)
            except mp.TimeoutError:
                rows = self._isolate(records)
                for entry in list(window)[1:]:  # the restart lost every batch in flight
                    entry[2] = self._submit(entry[1])
        window.popleft()
        return meta, rows

    def _isolate(self, records: list[Record]) -> list[Row]:
        """Re-run a batch that overran, record by record, on a fresh pool."""
        self.close()
        rows: list[Row] = []
        for rec in records:
            try:
                rows.extend(self._get_pool().apply_async(_run_batch, ([rec],)).get(self.hard_limit))
            except mp.TimeoutError:
                self.close()
                limit = f"{self.hard_limit:g}"
                rows.append(Item(record=rec).rejected("timeout", f"worker stuck over {limit} s").result())
        return rows

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
