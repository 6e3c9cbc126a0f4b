"""``warta extract``: read pages (HTML or already-extracted text) and print one article each."""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import msgspec

from warta.article import Article
from warta.errors import WartaError
from warta.extract import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, InputKind, extract

FORMATS = ("jsonl", "json", "text", "markdown")

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
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per page (%(default)s)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``warta extract``; exit 0 when every input gave an article, 1 when some failed."""
    out = sys.stdout
    records = (
        record_for(path, input=args.input, url=args.url, timeout=args.timeout)
        for path in args.paths
    )
    failures = write(records, args.format, out)
    return 1 if failures else 0


def read_source(path: str) -> bytes:
    """The bytes of a path, gunzipped when it is gzip, or stdin for ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
    else:
        with open(path, "rb") as fh:
            data = fh.read(DEFAULT_MAX_BYTES + 1)
    if data[:2] == b"\x1f\x8b":
        with gzip.GzipFile(fileobj=_BytesReader(data)) as gz:
            data = gz.read(DEFAULT_MAX_BYTES + 1)
    return data


def record_for(
    path: str, *, input: InputKind = "auto", url: str | None = None, timeout: float | None = None
) -> dict[str, Any]:
    """The output object for one path: the article's fields, ``source`` and ``error``."""
    try:
        data = read_source(path)
        if input == "auto" and path != "-":
            input = _kind_from_name(path) or "auto"
        article = extract(data, url=url, input=input, timeout=timeout)
    except (WartaError, OSError, EOFError, gzip.BadGzipFile) as exc:
        return error_record(path, exc)
    except Exception as exc:  # one page must never end the run
        return error_record(path, exc, unexpected=True)
    return article_record(path, article)


def article_record(source: str, article: Article) -> dict[str, Any]:
    """The flat JSON object the CLI prints for an article."""
    d = article.to_dict()
    blocks = d.pop("paragraphs")
    lang = article.language
    return {
        "source": source,
        "error": None,
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


def error_record(source: str, exc: BaseException, *, unexpected: bool = False) -> dict[str, Any]:
    """The object printed for an input that gave no article."""
    code = getattr(exc, "code", None) or ("internal-error" if unexpected else "io-error")
    return {
        "source": source,
        "error": f"{code}: {exc}" if str(exc) else code,
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
    for rec in records:
        failures += rec["error"] is not None
        if fmt == "jsonl":
            out.write(_encoder.encode(rec).decode() + "\n")
        elif fmt == "text":
            out.write(_as_text(rec))
        else:
            out.write(_as_markdown(rec))
        out.flush()
    return failures


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


def _kind_from_name(path: str) -> InputKind | None:
    name = Path(path).name.lower().removesuffix(".gz")
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".txt", ".text", ".wet")):
        return "text"
    return None


class _BytesReader:
    """A minimal read-only file over bytes, so GzipFile need not copy into BytesIO twice."""

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._data) if n < 0 else min(len(self._data), self._pos + n)
        chunk = bytes(self._data[self._pos : end])
        self._pos = end
        return chunk
