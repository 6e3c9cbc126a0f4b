"""``warta extract``: read pages (HTML or already-extracted text) and print one article each."""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import zlib
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import msgspec

from warta.article import Article
from warta.errors import WartaError
from warta.extract import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, InputKind, extract

FORMATS = ("jsonl", "json", "text", "markdown")

EPILOG = """\
output (jsonl): one object per input, in input order, with at least: source (the PATH as
given), error (null, or "code: message"), error_code, title, text (paragraphs joined by a
blank line), paragraphs, language, published, authors, site_name, url, dateline, credit,
related_links, warnings.

bad inputs: a missing or unreadable path, a directory, a corrupt .gz, an empty or binary
file, a page with no article text, or one over its time bound gives an object with `error`
set (codes: io-error, bad-gzip, empty-input, binary-input, container-input,
input-too-large, no-content, timeout, too-deep, out-of-memory, internal-error); the run
always goes on to the next input. HTML over --max-bytes is cut to it and read, with the warning "input-truncated";
text over it is an input-too-large error.

output (text, markdown): the title and the body of each input; between two inputs a line
of "=" after a form feed (text) or a "---" rule (markdown).

a WARC or JSON Lines file holds many pages: extract refuses it (container-input) and
`warta run` reads it, record by record.

exit status: 0 when every input gave an article; 1 when at least one input gave an error
(its object is still printed); 2 on a usage error (bad option, no PATH, --url with more
than one PATH).
"""

_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

_encoder = msgspec.json.Encoder()


def register(sub: Any) -> None:
    """Add the ``extract`` subcommand."""
    p = sub.add_parser(
        "extract",
        help="read pages into articles",
        description=(
            "Read HTML pages (.html, .html.gz) or already-extracted text and print one article "
            "per input, in input order. A bad input prints an object with `error` set and the run "
            "goes on. Example: warta extract --format jsonl pages/*.html.gz"
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a .gz file, or - for stdin")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (jsonl)")
    p.add_argument(
        "--input",
        choices=("auto", "html", "text"),
        default="auto",
        help="what the inputs are; auto sniffs each one (auto)",
    )
    p.add_argument("--url", default=None, help="the page URL, when one input is given")
    p.add_argument(
        "--published",
        type=_iso_date,
        default=None,
        metavar="DATE",
        help="the publication date of the inputs (ISO 8601), used when a page declares none "
        "and always for text; relative dates in the text are resolved against it",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        help="seconds per page; 0 for no bound (%(default)s)",
    )
    p.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        help="size limit per page, after gunzip; larger HTML is cut, larger text refused "
        "(%(default)s)",
    )
    p.add_argument(
        "--no-enrich",
        dest="enrich",
        action="store_false",
        help="skip dates, quotes and entities (several times faster)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``warta extract``; exit 0 when every input gave an article, 1 when some failed."""
    if args.url is not None and len(args.paths) > 1:
        print(
            f"warta extract: error: --url names one page, and {len(args.paths)} inputs were given",
            file=sys.stderr,
        )
        return 2
    out = sys.stdout
    records = (
        record_for(
            path,
            input=args.input,
            url=args.url,
            timeout=args.timeout,
            max_bytes=args.max_bytes,
            enrich=args.enrich,
            published=args.published,
        )
        for path in args.paths
    )
    failures = write(records, args.format, out)
    return 1 if failures else 0


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a path, gunzipped when it is gzip, or stdin for ``-``.

    At most ``max_bytes + 1`` bytes are read (after gunzip), so a huge file or a gzip bomb costs
    no more than the limit; ``extract`` then sees that the input is over it.
    """
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    if data[:2] == b"\x1f\x8b":
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            data = gz.read(max_bytes + 1)
    return data


def record_for(
    path: str,
    *,
    input: InputKind = "auto",
    url: str | None = None,
    timeout: float | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    enrich: bool = True,
    published: str | None = None,
) -> dict[str, Any]:
    """The output object for one path: the article's fields, ``source`` and ``error``.

    Never raises for a bad input: every failure becomes an error record.
    """
    source = printable_path(path)
    try:
        try:
            data = read_source(path, max_bytes)
        except _GZIP_ERRORS as exc:
            return error_record(source, exc, code="bad-gzip")
        if input == "auto" and path != "-":
            input = _kind_from_name(path) or "auto"
        article = extract(
            data,
            url=url,
            input=input,
            timeout=timeout,
            max_bytes=max_bytes,
            enrich=enrich,
            published=published,
        )
        return article_record(source, article)
    except (WartaError, OSError) as exc:
        return error_record(source, exc)
    except Exception as exc:  # one page must never end the run
        return error_record(source, exc, unexpected=True)


def printable_path(path: str) -> str:
    """The path as given, with bytes the file system could not decode shown as U+FFFD.

    ``sys.argv`` carries such bytes as lone surrogates, which no UTF-8 output can hold.
    """
    if path.isascii():
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def article_record(source: str, article: Article) -> dict[str, Any]:
    """The flat JSON object the CLI prints for an article."""
    d = article.to_dict()
    blocks = d.pop("paragraphs")
    lang = article.language
    return {
        "source": source,
        "error": None,
        "error_code": None,
        "title": article.title,
        "text": article.text,
        "paragraphs": [b["text"] for b in blocks],
        "blocks": blocks,
        "language": lang.best,
        "language_detail": d.pop("language"),
        "published": article.published.value if article.published else None,
        "published_origin": article.published.origin if article.published else None,
        **{k: v for k, v in d.items() if k not in ("title", "text", "published")},
    }


def error_record(
    source: str, exc: BaseException, *, unexpected: bool = False, code: str | None = None
) -> dict[str, Any]:
    """The object printed for an input that gave no article."""
    if code is None:
        code = exc.code if isinstance(exc, WartaError) else None
    if code is None:
        code = "internal-error" if unexpected else "io-error"
    message = printable_path(str(exc))
    return {
        "source": source,
        "error": f"{code}: {message}" if message else code,
        "error_code": code,
        "error_type": type(exc).__name__,
        "title": None,
        "text": "",
        "paragraphs": [],
        "language": None,
        "published": None,
        "authors": [],
        "site_name": None,
        "url": None,
        "dateline": None,
        "credit": None,
        "related_links": [],
        "warnings": [],
    }


def write(records: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write records in a format; return how many were errors."""
    failures = 0
    if fmt == "json":
        items = []
        for rec in records:
            failures += rec["error"] is not None
            items.append(rec)
        out.write(msgspec.json.format(_encoder.encode(items).decode(), indent=2) + "\n")
        return failures
    for n, rec in enumerate(records):
        failures += rec["error"] is not None
        if fmt == "jsonl":
            out.write(_encoder.encode(rec).decode() + "\n")
        else:
            if n:  # where one article ends and the next begins
                out.write(_TEXT_SEPARATOR if fmt == "text" else "---\n\n")
            out.write(_as_text(rec) if fmt == "text" else _as_markdown(rec))
        out.flush()
    return failures


# A form feed, then a line of "=": a pager and a reader see the break, and a script can split on
# the form feed, which extracted text never holds (the repair drops control characters).
_TEXT_SEPARATOR = "\f" + "=" * 72 + "\n\n"


def _as_text(rec: dict[str, Any]) -> str:
    if rec["error"]:
        return f"# {rec['source']}: {rec['error']}\n\n"
    head = f"{rec['title']}\n\n" if rec["title"] else ""
    return head + rec["text"] + "\n\n"


def _as_markdown(rec: dict[str, Any]) -> str:
    if rec["error"]:
        return f"<!-- {rec['source']}: {rec['error']} -->\n\n"
    parts = [f"# {rec['title']}"] if rec["title"] else []
    for block in rec["blocks"]:
        text, kind = block["text"], block["kind"]
        if kind == "heading":
            parts.append(f"## {text}")
        elif kind == "list_item":
            parts.append(f"- {text}")
        elif kind == "quote":
            parts.append(f"> {text}")
        elif kind == "code":
            parts.append(f"```\n{text}\n```")
        else:
            parts.append(text)
    if rec["related_links"]:
        parts.append("**Related:** " + "; ".join(r["title"] for r in rec["related_links"]))
    return "\n\n".join(parts) + "\n\n"


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number: {value}")
    return number


def _iso_date(value: str) -> str:
    """``value`` when it is an ISO 8601 date or datetime ("2024-06-14", "2024-06-14T10:15:00+07:00")."""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date: {value}") from None
    return value


def _seconds(value: str) -> float:
    seconds = float(value)
    if not seconds >= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value}")
    return seconds


def _kind_from_name(path: str) -> InputKind | None:
    name = Path(path).name.lower().removesuffix(".gz")
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".txt", ".text", ".wet")):
        return "text"
    return None
