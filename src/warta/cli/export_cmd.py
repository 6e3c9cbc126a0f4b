"""``warta export``: a store's articles, quotes, entities, stories or rejects out to JSON Lines,
Parquet or CSV, without its inputs, selected by the explorer's filters."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

FORMATS = ("jsonl", "parquet", "csv")
# warta.store.export's WHATS and STATUSES (tests/cli/test_export.py checks), spelled out so that
# building the parser imports no store code.
WHATS = ("articles", "quotes", "entities", "stories", "rejects")
STATUSES = ("counted", "article", "duplicate", "all")
ATTRIBUTIONS = ("named", "role", "pronoun", "continued", "context")  # warta.store.explore.ATTRIBUTIONS
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}


def register(sub: Any) -> None:
    """Add the ``export`` subcommand."""
    p = sub.add_parser(
        "export",
        help="write a store's articles, quotes, entities or stories to JSONL, Parquet or CSV",
        description=(
            "Write what a store holds to a file, without its inputs: articles (the records "
            "`warta run --out` writes), quotes (one row a quote), entities (one row an entity, "
            "with its article count and other name forms), stories (one row a story, with its "
            "members) or rejects. The filters are the explorer's: --query is searched as the "
            "search box searches. The store is only read. "
            "Example: warta export --db corpus.db --what quotes --entity 'Joko Widodo' "
            "--out jokowi.csv"
        ),
    )
    p.add_argument("--db", required=True, metavar="PATH", help="the SQLite store to read")
    p.add_argument(
        "--out", required=True, metavar="FILE",
        help="the file to write ('-': standard output, jsonl or csv; a folder: WHAT.FORMAT in it)",
    )
    p.add_argument(
        "--format", choices=FORMATS, default=None,
        help="jsonl, parquet or csv (default: from --out's extension, else jsonl)",
    )
    p.add_argument("--what", choices=WHATS, default="articles", help="what to write (articles)")
    p.add_argument(
        "--status", choices=STATUSES, default=None,
        help="which articles: counted (originals and copies at other outlets, as the explorer "
        "counts), article, duplicate or all (default: all for articles, counted otherwise)",
    )
    p.add_argument("--query", metavar="SEARCH", help='a search, as in the explorer: words, "phrases", AND, OR, NOT, -word, word*')
    p.add_argument("--outlet", action="append", default=[], metavar="DOMAIN", help="an outlet domain (repeatable, or comma-separated)")
    p.add_argument("--since", "--start", dest="since", metavar="YYYY-MM-DD", help="first day, inclusive")
    p.add_argument("--until", "--end", dest="until", metavar="YYYY-MM-DD", help="last day, inclusive")
    p.add_argument("--language", metavar="CODE", help="a language code, e.g. id")
    p.add_argument(
        "--entity", action="append", default=[], metavar="NAME|ID",
        help="articles naming an entity (repeatable: any of them); with --what quotes, quotes "
        "whose speaker it is, under any of its name forms",
    )
    p.add_argument("--story", metavar="ID", help="articles of one story")
    p.add_argument(
        "--attribution", action="append", default=[], metavar="HOW",
        help="with --what quotes: only quotes whose speaker was found this way: "
        f"{', '.join(ATTRIBUTIONS)} (repeatable, or comma-separated: any of them; "
        "'named' is the surest, 'pronoun' and 'context' the least sure) or all (default)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``warta export``; exit 0 when written, 2 on a usage mistake (one line, no file)."""
    import sqlite3

    from warta.pipeline.preflight import UsageError
    from warta.store.errors import ExploreError
    from warta.store.readonly import connect_readonly

    started = time.monotonic()
    try:
        fmt, path = output_target(args.out, args.format, args.what, args.db)
        conn = connect_readonly(args.db, time_limit=None)  # an export may read for long
    except (UsageError, ExploreError) as exc:
        return _fail(exc)
    try:
        sel, described = selection(conn, args)
        n = write(conn, args.what, sel, fmt, path)
    except (UsageError, ExploreError) as exc:
        return _fail(exc)
    except ImportError as exc:  # Parquet without pyarrow
        return _fail(exc)
    except sqlite3.DatabaseError as exc:
        return _fail(f"--db {args.db} cannot be read: {exc}")
    except BrokenPipeError:  # `| head`: the reader has had enough (warta.cli.main exits 0)
        raise
    except OSError as exc:
        return _fail(f"cannot write {path}: {exc.strerror or exc}")
    finally:
        conn.close()
    where = "standard output" if path == "-" else path
    print(
        f"warta export: {n:,} {args.what} ({described}) written to {where} ({fmt}) "
        f"in {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


def _fail(exc: object) -> int:
    print(f"warta export: {exc}", file=sys.stderr)
    return 2


def output_target(out: str, fmt: str | None, what: str, db: str) -> tuple[str, str]:
    """The format and file an export writes: ``--format``, else ``--out``'s extension, else
    jsonl; a folder gets ``WHAT.FORMAT`` in it; ``-`` is standard output (not for Parquet).

    Raises:
        UsageError: Parquet to standard output, an extension that contradicts ``--format``, a
            missing folder, or ``--out`` being the store itself.
    """
    from warta.pipeline.preflight import UsageError

    ext = _EXTENSIONS.get(os.path.splitext(out)[1].lower())
    if fmt and ext and fmt != ext:
        raise UsageError(f"--out {out} ends in {os.path.splitext(out)[1]} but --format is {fmt}")
    fmt = fmt or ext or "jsonl"
    if out == "-":
        if fmt == "parquet":
            raise UsageError("Parquet cannot go to standard output: give --out a file")
        return fmt, out
    if os.path.isdir(out):
        out = os.path.join(out, f"{what}.{fmt}")
    parent = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(parent):
        raise UsageError(f"--out {out}: the folder {parent} does not exist")
    if os.path.exists(db) and os.path.exists(out) and os.path.samefile(db, out):
        raise UsageError(f"--out {out} is the store itself")
    return fmt, out


def selection(conn: Any, args: argparse.Namespace) -> tuple[Any, str]:
    """The :class:`~warta.store.export.Selection` the options ask for, and a short description
    of it for the summary line.

    Raises:
        SearchSyntaxError: ``--query`` is not a valid search.
        BadFilter: a day is not YYYY-MM-DD, the days are reversed, an entity is unknown, or
            an attribution is not one of :data:`ATTRIBUTIONS` (nor ``all``).
    """
    from warta.store.errors import BadFilter
    from warta.store.explore import attribution_list
    from warta.store.export import DEFAULT_STATUS, Selection, resolve_entities
    from warta.store.search import Filters, check_day
    from warta.store.syntax import parse_query

    start, end = check_day(args.since, "--since"), check_day(args.until, "--until")
    if start and end and start > end:
        raise BadFilter(f"--since ({start}) is after --until ({end})")
    match = parse_query(args.query) if args.query and args.query.strip() else None
    attributions = attribution_list(args.attribution, "--attribution")
    entities = resolve_entities(conn, args.entity) if args.entity else []
    outlets = tuple(dict.fromkeys(x.strip().lower() for v in args.outlet for x in v.split(",") if x.strip()))
    status = args.status or DEFAULT_STATUS[args.what]
    filters = Filters(
        match=match,
        outlets=outlets,
        start=start,
        end=end,
        language=args.language or None,
        entities=tuple(e["id"] for e in entities),
        story=args.story or None,
    )
    described = [f"status {status}"]
    if entities:
        role = "speaker" if args.what == "quotes" else "entity"
        described.append(f"{role} " + ", ".join(f"{e['name']} [{e['type']} {e['id']}]" for e in entities))
    if attributions:
        described.append("attribution " + ", ".join(attributions))
    return Selection(filters=filters, status=status, attributions=attributions), "; ".join(described)


def write(conn: Any, what: Any, sel: Any, fmt: str, path: str) -> int:
    """Write one export (:func:`warta.store.export.export_table`) to ``path`` (``-``: standard
    output) in ``fmt`` with the pipeline's writers; return the rows written."""
    from warta.pipeline.writers import csvfile, jsonl, parquet
    from warta.store.export import COLUMNS, export_table

    rows = export_table(conn, what, sel)
    if fmt == "parquet":
        schemas = {
            "articles": parquet.article_schema, "quotes": parquet.quote_schema,
            "entities": parquet.entity_schema, "stories": parquet.story_schema,
            "rejects": parquet.reject_schema,
        }
        return parquet.write_parquet(rows, path, schemas[what]())
    if fmt == "csv":
        if path == "-":
            return csvfile.dump_csv(rows, sys.stdout, COLUMNS[what])
        return csvfile.write_csv(rows, path, COLUMNS[what])
    if path == "-":
        n = jsonl.dump_jsonl(rows, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return n
    return jsonl.write_jsonl(rows, path)
