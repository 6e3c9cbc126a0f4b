"""``warta stats``: where every input record went, with counts by language, outlet and reason."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO


def register(sub: Any) -> None:
    """Add the ``stats`` subcommand."""
    p = sub.add_parser(
        "stats",
        help="print a store's reconciliation and counts",
        description=(
            "Print how the records of a store's inputs were accounted for (articles + duplicates "
            "+ rejects = records), with counts by language, outlet, duplicate kind and reject "
            "reason, and the top stories. Example: warta stats --db corpus.db"
        ),
    )
    p.add_argument("--db", required=True, metavar="PATH", help="the SQLite store")
    p.add_argument("--top", type=int, default=15, help="rows per breakdown (%(default)s)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``warta stats``; exit 1 when records are unaccounted for."""
    return print_stats(args.db, sys.stdout, top=args.top, as_json=args.json)


def print_stats(db: str, out: TextIO, *, top: int = 15, as_json: bool = False) -> int:
    """Print a store's stats; return 0 when the reconciliation balances, else 1."""
    import sqlite3

    import msgspec

    from warta.pipeline.preflight import UsageError, check_store_path
    from warta.store.db import open_store
    from warta.store.queries import copy_clusters, reconciliation, top_stories

    try:
        check_store_path(db, create=False)
        with open_store(db) as store:
            rec = reconciliation(store.conn, top=top)
            stories = top_stories(store.conn, limit=min(top, 10))
            clusters = copy_clusters(store.conn, limit=min(top, 5))
    except UsageError as exc:
        print(f"warta stats: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # passed the check, yet broken inside
        print(f"warta stats: --db {db} cannot be read: {exc}", file=sys.stderr)
        return 2
    if as_json:
        data = {**msgspec.to_builtins(rec), "balanced": rec.balanced, "top_stories": stories,
                "top_copy_clusters": clusters}
        out.write(msgspec.json.format(msgspec.json.encode(data)).decode() + "\n")
        return 0 if rec.balanced else 1
    w = out.write
    w(f"store        {db}\n")
    w(f"inputs       {rec.inputs:,} ({rec.inputs_done:,} done)\n")
    w(f"records      {rec.records:,}\n")
    w(f"  articles   {rec.articles:,}\n")
    w(f"  duplicates {rec.duplicates:,}  {_pairs(rec.duplicates_by_kind)}\n")
    w(f"  rejects    {rec.rejects:,}\n")
    verdict = "every record accounted for" if rec.balanced else "MISMATCH: records unaccounted for"
    w(f"  {rec.articles:,} + {rec.duplicates:,} + {rec.rejects:,} = "
      f"{rec.articles + rec.duplicates + rec.rejects:,}  ({verdict})\n")
    _table(w, "rejects by reason", rec.rejects_by_reason)
    _table(w, "articles by language", rec.articles_by_language)
    _table(w, f"articles by outlet (top {top})", rec.articles_by_outlet)
    w(f"\ncopy clusters {rec.copy_clusters:,}; stories {rec.stories:,} "
      f"({rec.multi_outlet_stories:,} covered by 2+ outlets)\n")
    if clusters:
        w("largest copy clusters (original outlet, evidence):\n")
        for c in clusters:
            w(f"  {c['size']:>3}  {c['original_outlet'] or '?':<18} {c['evidence']:<9} "
              f"{', '.join(c['outlets'])}  {_short(c['title'])}\n")
    multi = [s for s in stories if s["outlets"] > 1]
    if multi:
        w("top stories by outlets:\n")
        for s in multi:
            w(f"  {s['outlets']:>3} outlets {s['articles']:>3} articles  {(s['first_seen'] or '')[:10]}  "
              f"{_short(s['title'])}\n")
    return 0 if rec.balanced else 1


def _pairs(counts: dict[str, int]) -> str:
    return "(" + ", ".join(f"{k} {v:,}" for k, v in counts.items()) + ")" if counts else ""


def _table(w: Any, title: str, counts: dict[str, int]) -> None:
    if not counts:
        return
    w(f"\n{title}:\n")
    for k, v in counts.items():
        w(f"  {v:>8,}  {k}\n")


def _short(text: str | None, n: int = 70) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"
