"""``warta run`` as a library call: inputs → per-record steps on an engine → store → corpus stage
→ optional JSONL/Parquet export.

Resuming: the store's input ledger says which inputs are done; of an unfinished input, the records
already stored are skipped by key. Results are written in input order, a batch per transaction,
so a run killed at any moment and started again ends with the same store as an uninterrupted one.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import msgspec

from warta.executors import make_executor
from warta.pipeline.base import Record, RunContext, Step
from warta.pipeline.corpus import CopyFinder, CorpusSummary, StoryGrouper, run_corpus_stage
from warta.pipeline.readers import InputSpec, ReaderConfig, expand_inputs, reader_for
from warta.pipeline.steps import default_steps
from warta.store.db import Store, open_store
from warta.store.rows import ArticleRow

BatchMeta = tuple[list[str], int]
"""What rides along a batch: inputs finished with it, and input bytes it covers (progress)."""


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


class RunSummary(msgspec.Struct, kw_only=True):
    """What a run did."""

    inputs: int = 0
    inputs_skipped: int = 0
    records_new: int = 0
    articles_new: int = 0
    rejects_new: int = 0
    records_skipped: int = 0
    seconds_records: float = 0.0
    seconds_corpus: float = 0.0
    corpus: CorpusSummary = msgspec.field(default_factory=CorpusSummary)
    exported: list[str] = msgspec.field(default_factory=list)


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
    """Run the pipeline over ``inputs`` into the store at ``db``; return the summary."""
    opts = options or RunOptions()
    log = log if log is not None else sys.stderr
    summary = RunSummary()
    with open_store(db) as store:
        specs = expand_inputs(inputs)
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


def _record_stage(
    store: Store,
    specs: list[InputSpec],
    opts: RunOptions,
    steps: Sequence[Step],
    summary: RunSummary,
    log: TextIO,
) -> None:
    todo: list[InputSpec] = []
    for spec in specs:
        state = store.input_state(spec.path, kind=spec.kind, size=spec.size)
        if state.done:
            summary.inputs_skipped += 1
        else:
            todo.append(spec)
    if not todo:
        return
    bar = _progress(sum(s.size or 0 for s in todo), opts.progress, log)
    started = time.perf_counter()
    batches = _batches(store, todo, opts, summary)
    with make_executor(
        opts.engine, steps, opts.context, workers=opts.workers, ray_address=opts.ray_address
    ) as executor:
        for (finished, nbytes), rows in executor.map(batches):
            store.write(rows, finished_inputs=finished)
            articles = sum(isinstance(r, ArticleRow) for r in rows)
            summary.records_new += len(rows)
            summary.articles_new += articles
            summary.rejects_new += len(rows) - articles
            if bar is not None:
                bar.update(nbytes)
                elapsed = max(time.perf_counter() - started, 1e-9)
                bar.set_postfix(
                    pages=summary.records_new,
                    rejects=summary.rejects_new,
                    pages_s=f"{summary.records_new / elapsed:.1f}",
                    refresh=False,
                )
    if bar is not None:
        bar.close()


def _batches(
    store: Store, specs: list[InputSpec], opts: RunOptions, summary: RunSummary
) -> Iterator[tuple[BatchMeta, list[Record]]]:
    """Records of the unfinished inputs, minus those already stored, in batches."""
    batch: list[Record] = []
    finished: list[str] = []
    nbytes = 0
    for spec in specs:
        known = store.known_keys(spec.path)
        done_bytes = 0
        for rec in reader_for(spec, opts.reader).read(spec):
            nbytes += max(0, rec.progress - done_bytes)
            done_bytes = max(done_bytes, rec.progress)
            if rec.key in known:
                summary.records_skipped += 1
                continue
            batch.append(rec)
            if len(batch) >= opts.batch_size:
                yield (finished, nbytes), batch
                batch, finished, nbytes = [], [], 0
        finished.append(spec.path)
        nbytes += max(0, (spec.size or 0) - done_bytes)
    yield (finished, nbytes), batch


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
