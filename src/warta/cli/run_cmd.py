"""``warta run``: many pages in (folders, WARC, JSONL, text), one store out."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    """Add the ``run`` subcommand."""
    p = sub.add_parser(
        "run",
        help="read many pages into a store (deduplicated, copies and stories found)",
        description=(
            "Read inputs (folders of .html/.txt files, .warc/.warc.gz, .jsonl/.jsonl.gz) into a "
            "SQLite store: every record ends as an article, a duplicate linked to its cluster, or "
            "a reject with a reason. Safe to kill: run the same command again to resume (inputs "
            "that changed are read again; time-outs and crashes are retried). "
            "Example: warta run samples/ --db corpus.db --out export/ --format parquet"
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    p.add_argument("--db", required=True, metavar="PATH", help="the SQLite store to create or update")
    p.add_argument("--out", metavar="DIR", help="also export articles and rejects into DIR")
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="export format (jsonl)")
    p.add_argument("--engine", choices=("local", "ray"), default="local", help="where steps run (local)")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes / Ray CPUs (all cores)")
    p.add_argument("--ray-address", default=None, metavar="ADDR", help="Ray cluster to join, e.g. ray://head:10001 or auto")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per record (%(default)s)")
    p.add_argument("--max-mb", type=float, default=20.0, help="largest record in MB (%(default)s)")
    p.add_argument("--batch-size", type=int, default=32, help="records per task (%(default)s)")
    p.add_argument("--enrich", action="append", default=[], metavar="MODULE:FUNC", help="an Article -> Article hook (repeatable)")
    for field, default in (("id", "id"), ("url", "url"), ("html", "html"), ("text", "text"), ("date", "published"), ("title", "title"), ("outlet", "outlet")):
        p.add_argument(f"--jsonl-{field}", default=default, metavar="FIELD", help=f"JSONL field for the {field} ({default})")
    p.add_argument("--no-retry", action="store_true", help="keep rejects for time-outs, crashes and failing hooks instead of retrying them")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``warta run``; exit 0 when every record is accounted for, 2 on a usage mistake
    (reported in one line before anything is created), 130 when interrupted."""
    # Imported here so that `warta extract` does not pay for the pipeline's imports.
    from warta.pipeline.base import RunContext
    from warta.pipeline.preflight import MAX_RECORD_MB, MAX_TIMEOUT, UsageError, check_number
    from warta.pipeline.readers import ReaderConfig
    from warta.pipeline.run import RunOptions, check_options
    from warta.pipeline.run import run as run_pipeline

    err = sys.stderr
    try:
        check_number("--max-mb", args.max_mb, minimum=0, maximum=MAX_RECORD_MB)
        check_number("--timeout", args.timeout, minimum=0.001, maximum=MAX_TIMEOUT)
        max_bytes = int(args.max_mb * 1024 * 1024)
        options = RunOptions(
            engine=args.engine,
            workers=args.workers,
            ray_address=args.ray_address,
            batch_size=args.batch_size,
            context=RunContext(timeout=args.timeout, max_bytes=max_bytes, enrichers=tuple(args.enrich)),
            reader=ReaderConfig(
                id_field=args.jsonl_id,
                url_field=args.jsonl_url,
                html_field=args.jsonl_html,
                text_field=args.jsonl_text,
                date_field=args.jsonl_date,
                title_field=args.jsonl_title,
                outlet_field=args.jsonl_outlet,
                max_bytes=max_bytes,
            ),
            out=args.out,
            format=args.format,
            progress=not args.quiet,
            retry=not args.no_retry,
        )
        check_options(args.inputs, args.db, options)
    except UsageError as exc:
        print(f"warta run: {exc}", file=err)
        return 2
    try:
        summary = run_pipeline(args.inputs, args.db, options)
    except UsageError as exc:  # checked above; a path may still change under our feet
        print(f"warta run: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        print(
            f"\nwarta run: interrupted; what was stored in {args.db} is kept: "
            "re-run the same command to resume",
            file=err,
        )
        return 130
    c = summary.corpus
    redone = f", {summary.records_redone:,} read again" if summary.records_redone else ""
    changed = f", {summary.inputs_changed} changed" if summary.inputs_changed else ""
    print(
        f"warta run: {summary.inputs} inputs ({summary.inputs_skipped} already done{changed}), "
        f"{summary.records_new:,} new records{redone} ({summary.articles_new:,} articles, "
        f"{summary.rejects_new:,} rejects; {summary.records_skipped:,} stored before) "
        f"in {summary.seconds_records:.1f} s; corpus stage {summary.seconds_corpus:.1f} s: "
        f"{c.url_duplicates + c.text_duplicates:,} exact duplicates, {c.copies:,} copies in "
        f"{c.copy_clusters:,} clusters, {c.stories:,} stories ({c.multi_outlet_stories:,} with "
        f"2+ outlets)",
        file=err,
    )
    for path in summary.exported:
        print(f"wrote {path}", file=err)
    from warta.store.db import open_store
    from warta.store.queries import reconciliation

    with open_store(args.db) as store:
        rec = reconciliation(store.conn)
    verdict = "every record accounted for" if rec.balanced else "MISMATCH: records unaccounted for"
    print(
        f"store {args.db}: {rec.records:,} records = {rec.articles:,} articles + "
        f"{rec.duplicates:,} duplicates + {rec.rejects:,} rejects ({verdict}); "
        f"details: warta stats --db {args.db}",
        file=err,
    )
    return 0 if rec.balanced else 1
