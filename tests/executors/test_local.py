"""The local engine: a pool of workers gives the same rows, in the same order, as inline."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from warta.executors import LocalExecutor, make_executor
from warta.pipeline.base import Item, Record, RunContext, Step
from warta.pipeline.run import RunOptions, run
from warta.pipeline.steps import default_steps
from warta.store.db import open_store
from warta.store.queries import snapshot


def test_pool_keeps_input_order() -> None:
    recs = [Record(key=f"k{i}", record_id=f"k{i}", input="x", payload=f"Kalimat nomor {i} tentang kota. " * 6,
                   kind="text") for i in range(24)]
    batches = [((n,), recs[n : n + 5]) for n in range(0, 24, 5)] + [(("empty",), [])]
    inline = list(LocalExecutor(default_steps(), RunContext(), workers=1).map(batches))
    with make_executor("local", default_steps(), RunContext(), workers=2) as pool:
        pooled = list(pool.map(batches))
    assert [m for m, _ in pooled] == [m for m, _ in batches]
    assert [[r.key for r in rows] for _, rows in pooled] == [[r.key for r in rows] for _, rows in inline]
    assert [r.text_hash for _, rows in pooled for r in rows] == [r.text_hash for _, rows in inline for r in rows]  # type: ignore[union-attr]


def test_two_workers_build_the_same_store_as_one(tmp_path: Path, text_corpus: list[str]) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    run(text_corpus, str(one), RunOptions(workers=1, progress=False))
    run(text_corpus, str(two), RunOptions(workers=2, progress=False, batch_size=4))
    with open_store(one) as a, open_store(two) as b:
        assert snapshot(a.conn) == snapshot(b.conn)


class Hang(Step):
    """Hangs on one record the way a C extension does: SIGALRM cannot interrupt it."""

    name = "hang"

    def process(self, item: Item, ctx: RunContext) -> Item:
        if item.record.key == "k3":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return item.rejected("seen")


def test_a_stuck_worker_is_replaced_and_its_record_rejected() -> None:
    recs = [Record(key=f"k{i}", record_id=f"k{i}", input="x") for i in range(8)]
    batches = [(n, recs[n : n + 2]) for n in range(0, 8, 2)]
    ctx = RunContext(timeout=0.2)
    with LocalExecutor([Hang()], ctx, workers=2, hard_limit=1.5) as pool:
        started = time.monotonic()
        out = [(meta, [(r.key, r.reason) for r in rows]) for meta, rows in pool.map(batches)]  # type: ignore[union-attr]
    assert time.monotonic() - started < 20
    assert [m for m, _ in out] == [0, 2, 4, 6]
    reasons = dict(kv for _, rows in out for kv in rows)
    assert reasons == {**{f"k{i}": "seen" for i in range(8)}, "k3": "timeout"}
