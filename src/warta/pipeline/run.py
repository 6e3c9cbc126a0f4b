"""``warta run`` as a library call: inputs → per-record steps on an engine → store → corpus stage
→ optional JSONL/Parquet export.

Resuming: the store's input ledger says which inputs are done; of an unfinished input, the records
already stored are skipped by key. Results are written in input order, a batch per transaction,
so a run killed at any moment and started again ends with the same store as an uninterrupted one.
Inputs that changed on disk are read again from scratch, and rejects that say more about the run than the
record (time-outs, crashes, failing hooks) are retried: see :mod:`warta.pipeline.ledger`.

Every option and path is checked before the store is opened (:mod:`warta.pipeline.preflight`):
a mistake raises :class:`~warta.pipeline.preflight.UsageError` and nothing is created.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import msgspec

from warta.executors import make_executor
from warta.pipeline.base import Record, RunContext, Step
from warta.pipeline.corpus import CopyFinder, CorpusSummary, StoryGrouper, run_corpus_stage
from warta.pipeline.ledger import (
    Plan,
    plan_input,
    record_fingerprints,
    record_id_rejects,
    with_ledger_spelling,
)
from warta.pipeline.readers import InputSpec, ReaderConfig, expand_inputs, reader_for
from warta.pipeline.steps import default_steps
from warta.store.db import Store, open_store
from warta.store.rows import ArticleRow

BatchMeta = tuple[list[InputSpec], int, int]
"""What rides along a batch: inputs finished with it, input bytes it covers (progress), and how
many of its records were stored before (read again or retried)."""


class RunOptions(msgspec.Struct, kw_only=True):
    """How to run. The defaults are those of ``warta run``."""

    engine: str = "local"
    workers: int | None = None
    ray_address: str | None = None
    batch_size: int = 32
    context: RunContext = msgspec.field(default_factory=RunContext)
    reader: ReaderConfig = msgspec.field(default_factory=ReaderConfig)
    out: str | None = None
    format: str = "jsonl"
    progress: bool = True
    retry: bool = True
    """Process again the records rejected for a retryable reason (:data:`ledger.RETRYABLE`)."""


class RunSummary(msgspec.Struct, kw_only=True):
    """What a run did. ``articles_new + rejects_new == records_new + records_redone``: the rows
    written, as the store keeps them (a record whose id another record has is a reject)."""

    inputs: int = 0
    inputs_skipped: int = 0
    inputs_changed: int = 0
    records_new: int = 0
    records_redone: int = 0
    """Records processed again: every record of a changed input (read again from scratch) and
    every retried reject."""
    records_forgotten: int = 0
    """Stored records deleted because their input changed (its records are then read again)."""
    articles_new: int = 0
    rejects_new: int = 0
    records_skipped: int = 0
    seconds_records: float = 0.0
    seconds_corpus: float = 0.0
    corpus: CorpusSummary = msgspec.field(default_factory=CorpusSummary)
    exported: list[str] = msgspec.field(default_factory=list)


def check_options(inputs: Sequence[str], db: str, opts: RunOptions) -> None:
    """Raise :class:`~warta.pipeline.preflight.UsageError` for any run-wide mistake."""
    from warta.pipeline import preflight as pf

    pf.check_inputs(inputs)
    pf.check_engine(opts.engine, opts.workers)
    pf.check_number("--batch-size", opts.batch_size, minimum=1)
    pf.check_number(
        "--timeout", opts.context.timeout, minimum=0.001, maximum=pf.MAX_TIMEOUT, allow_none=True
    )
    for name, value in (("--max-mb", opts.context.max_bytes), ("--max-mb", opts.reader.max_bytes)):
        if value < pf.MIN_RECORD_BYTES:
            raise pf.UsageError(
                f"{name} must allow at least {pf.MIN_RECORD_BYTES:,} bytes, not {value:,}"
            )
        if value > pf.MAX_RECORD_MB * 1024 * 1024:
            raise pf.UsageError(
                f"{name} must be at most {pf.MAX_RECORD_MB:,} MB, not {value:,} bytes"
            )
    if opts.format not in ("jsonl", "parquet"):
        raise pf.UsageError(f"unknown format {opts.format!r}; choose jsonl or parquet")
    pf.check_enrichers(opts.context.enrichers)
    pf.check_out_dir(opts.out, db)
    pf.check_store_path(db)


def run(
    inputs: Sequence[str],
    db: str,
    options: RunOptions | None = None,
    *,
    steps: Sequence[Step] | None = None,
    copies: CopyFinder | None = None,
    stories: StoryGrouper | None = None,
    log: TextIO | None = None,
) -> RunSummary:
    """Run the pipeline over ``inputs`` into the store at ``db``; return the summary.

    Raises:
        UsageError: a missing input, a bad option, a store or export path that cannot be used
            (checked before anything is created).
    """
    opts = options or RunOptions()
    log = log if log is not None else sys.stderr
    check_options(inputs, db, opts)
    empty: list[str] = []
    specs = expand_inputs(inputs, empty=empty)
    for raw in empty:
        print(f"warta run: warning: no input files under {raw}", file=log)
    summary = RunSummary()
    with open_store(db) as store:
        specs = with_ledger_spelling(store, specs)
        _warn_vanished(store, log)
        summary.inputs = len(specs)
        run_id = store.begin_run(
            engine=opts.engine, workers=opts.workers or 0, inputs=[s.path for s in specs]
        )
        started = time.perf_counter()
        _record_stage(store, specs, opts, steps or default_steps(), summary, log)
        summary.seconds_records = round(time.perf_counter() - started, 3)
        started = time.perf_counter()
        if opts.progress:
            print("warta run: finding duplicates, copies and stories…", file=log, flush=True)
        summary.corpus = run_corpus_stage(store, copies=copies, stories=stories)
        summary.seconds_corpus = round(time.perf_counter() - started, 3)
        if opts.out:
            from warta.pipeline.writers import export

            summary.exported = export(store, opts.out, opts.format)
        store.finish_run(run_id, msgspec.to_builtins(summary))
    return summary


def _warn_vanished(store: Store, log: TextIO) -> None:
    """Say which inputs the store read before are gone from disk (deleted, moved, renamed):
    their records stay in the store, and a renamed input is read as a new one."""
    gone = [
        path
        for (path,) in store.conn.execute("SELECT path FROM inputs")
        if not os.path.exists(path)
    ]
    if gone:
        shown = ", ".join(gone[:3]) + (f" and {len(gone) - 3:,} more" if len(gone) > 3 else "")
        print(
            f"warta run: warning: {len(gone):,} input(s) read before no longer exist ({shown}); "
            "their stored records are kept",
            file=log,
        )


def _record_stage(
    store: Store,
    specs: list[InputSpec],
    opts: RunOptions,
    steps: Sequence[Step],
    summary: RunSummary,
    log: TextIO,
) -> None:
    todo: list[Plan] = []
    plans = [plan_input(store, spec, retry=opts.retry) for spec in specs]
    if any(p.action == "reread" for p in plans):
        # A changed input's rows are gone: ids that other inputs' records were refused for may
        # be free again, so plan those inputs once more (planning an unchanged input is pure).
        plans = [
            p if p.action == "reread" else plan_input(store, p.spec, retry=opts.retry)
            for p in plans
        ]
    for plan in plans:
        spec = plan.spec
        if plan.action == "skip":
            summary.inputs_skipped += 1
            continue
        if plan.action == "reread":
            summary.inputs_changed += 1
            summary.records_forgotten += plan.forgotten
            print(
                f"warta run: warning: {spec.path} changed since it was read (size or time); "
                f"its {plan.forgotten:,} stored records were removed and it is read again "
                "from the start",
                file=log,
            )
        elif plan.retry_keys:
            print(
                f"warta run: retrying {len(plan.retry_keys):,} records of {spec.path} rejected "
                "for a time-out, a crash, a failing hook or an id now free (--no-retry to keep "
                "them)",
                file=log,
            )
        todo.append(plan)
    if not todo:
        return
    bar = _progress(sum(p.spec.size or 0 for p in todo), opts.progress, log)
    started = time.perf_counter()
    batches = _batches(todo, opts, summary)
    with make_executor(
        opts.engine, steps, opts.context, workers=opts.workers, ray_address=opts.ray_address
    ) as executor:
        for (finished, nbytes, redone), rows in executor.map(batches):
            store.write(rows, finished_inputs=[s.path for s in finished])
            record_fingerprints(store, finished)
            article_keys = [r.key for r in rows if isinstance(r, ArticleRow)]
            articles = len(article_keys) - record_id_rejects(store, article_keys)
            summary.records_new += len(rows) - redone
            summary.records_redone += redone
            summary.articles_new += articles
            summary.rejects_new += len(rows) - articles
            if bar is not None:
                bar.update(nbytes)
                elapsed = max(time.perf_counter() - started, 1e-9)
                done = summary.records_new + summary.records_redone
                bar.set_postfix(
                    pages=done,
                    rejects=summary.rejects_new,
                    pages_s=f"{done / elapsed:.1f}",
                    refresh=False,
                )
    if bar is not None:
        bar.close()


def _batches(
    plans: list[Plan], opts: RunOptions, summary: RunSummary
) -> Iterator[tuple[BatchMeta, list[Record]]]:
    """Records of the inputs to read, minus those already stored, in batches."""
    batch: list[Record] = []
    finished: list[InputSpec] = []
    nbytes = redone = 0
    for plan in plans:
        spec = plan.spec
        done_bytes = 0
        for rec in reader_for(spec, opts.reader).read(spec):
            nbytes += max(0, rec.progress - done_bytes)
            done_bytes = max(done_bytes, rec.progress)
            if rec.key in plan.skip_keys:
                summary.records_skipped += 1
                continue
            redone += plan.action == "reread" or rec.key in plan.retry_keys
            batch.append(rec)
            if len(batch) >= opts.batch_size:
                yield (finished, nbytes, redone), batch
                batch, finished, nbytes, redone = [], [], 0, 0
        finished.append(spec)
        nbytes += max(0, (spec.size or 0) - done_bytes)
    yield (finished, nbytes, redone), batch


def _progress(total: int, enabled: bool, log: TextIO) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc="warta run",
        file=log,
        dynamic_ncols=True,
        smoothing=0.1,
    )
