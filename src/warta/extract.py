"""One page → one Article: the entry points of the core.

``extract`` takes HTML or already-extracted text (bytes or str), detects which it is unless told,
and returns an :class:`~warta.article.Article`. ``repair`` is the text-only path. Both are pure:
no I/O, no global state beyond lazily built read-only models.

Every call has a time bound (``timeout`` seconds, default :data:`DEFAULT_TIMEOUT`) and a size limit
(``max_bytes``, default :data:`DEFAULT_MAX_BYTES`). Bad input raises a :mod:`warta.errors` error;
recoverable trouble (guessed charset, truncated HTML, repeated body) becomes a warning on the
article.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from selectolax.lexbor import LexborHTMLParser

from warta.article import Article, Language, Paragraph, join_paragraphs
from warta.errors import BinaryInput, EmptyInput, ExtractionTimeout, InputTooLarge, NoContent
from warta.lang.detect import detect_language
from warta.lang.id.conventions import read_conventions
from warta.page.content import extract_body
from warta.page.decode import decode
from warta.page.metadata import extract_metadata
from warta.page.text import Repaired, repair_paragraphs, repair_text
from warta.page.unicode import normalise_text

InputKind = Literal["auto", "html", "text"]

DEFAULT_TIMEOUT = 10.0
"""Seconds one page may take before :class:`~warta.errors.ExtractionTimeout`."""

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Pages larger than this raise :class:`~warta.errors.InputTooLarge`."""

_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
    b"\x7fELF",
)
_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script|table)\b", re.I
)


def extract(
    source: bytes | str,
    *,
    url: str | None = None,
    input: InputKind = "auto",
    http_charset: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one page, HTML or already-extracted text, into an Article.

    Args:
        source: the page's raw bytes (decoded here: BOM, HTTP charset, ``<meta charset>``,
            detection) or an already-decoded string.
        url: the page's URL, if known; used for metadata and kept on the article.
        input: ``"html"``, ``"text"``, or ``"auto"`` to sniff.
        http_charset: the charset from the HTTP ``Content-Type`` header, if any.
        timeout: the time bound in seconds, or None for no bound.
        max_bytes: the size limit.

    Raises:
        EmptyInput, BinaryInput, InputTooLarge, ExtractionTimeout, NoContent.
    """
    size = len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "ignore"))
    if size > max_bytes:
        raise InputTooLarge(f"input is {size:,} bytes; the limit is {max_bytes:,}")
    with time_limit(timeout):
        warnings: list[str] = []
        if isinstance(source, bytes):
            _reject_binary(source)
            kind = input if input != "auto" else sniff_kind(source)
            if kind == "html":
                decoded = decode(source, http_charset=http_charset)
            else:
                decoded = decode(source, http_charset=http_charset or "utf-8")
            text = decoded.text
            warnings.extend(decoded.warnings)
        else:
            text = source
            kind = input if input != "auto" else sniff_kind(source[:4096].encode("utf-8", "ignore"))
        if not text.strip():
            raise EmptyInput("the input holds no text")
        if "\x00" in text[:4096] and text[:4096].count("\x00") > 8:
            raise BinaryInput("the input holds NUL bytes: not a page")
        if kind == "html":
            article = _from_html(text, url=url)
        else:
            article = _from_text(text, url=url)
        article.warnings[:0] = warnings
        return article


def repair(text: str, *, url: str | None = None, timeout: float | None = DEFAULT_TIMEOUT) -> Article:
    """Read text that a scraper already extracted (the seed case) into an Article."""
    return extract(text, url=url, input="text", timeout=timeout)


def sniff_kind(head: bytes) -> Literal["html", "text"]:
    """Guess whether bytes are HTML or plain text from their first few kilobytes."""
    return "html" if _HTML_SNIFF.search(head[:4096]) else "text"


def _reject_binary(data: bytes) -> None:
    head = data[:16].lstrip()
    if head.startswith(_BINARY_MAGIC):
        raise BinaryInput(f"the input starts like a binary file ({data[:4]!r})")
    sample = data[:4096]
    if sample:
        control = sum(1 for b in sample if b < 9 or 13 < b < 32)
        if control / len(sample) > 0.1:
            raise BinaryInput("the input is mostly control bytes: not a page")


def _from_html(html: str, *, url: str | None) -> Article:
    tree = LexborHTMLParser(html)
    meta = extract_metadata(tree, url=url)
    body = extract_body(tree)
    repaired = repair_paragraphs(body.paragraphs, title=meta.title)
    article = _assemble(repaired, input_kind="html", url=meta.url or url)
    article.related_links[:0] = body.related_links
    article.warnings[:0] = body.warnings
    article.title = article.title or meta.title
    article.canonical_url = meta.canonical_url
    article.site_name = meta.site_name
    article.authors = meta.authors
    article.published = meta.published
    article.modified = meta.modified
    article.description = meta.description
    article.tags = meta.tags
    article.image = meta.image
    article.language = _language(article, declared=meta.language)
    if not article.paragraphs:
        raise NoContent("no article text found in the page")
    return article


def _from_text(text: str, *, url: str | None) -> Article:
    repaired = repair_text(normalise_text(text))
    article = _assemble(repaired, input_kind="text", url=url)
    article.language = _language(article, declared=None)
    if not article.paragraphs:
        raise NoContent("no article text found in the input")
    return article


def _assemble(repaired: Repaired, *, input_kind: Literal["html", "text"], url: str | None) -> Article:
    conv = read_conventions(repaired.paragraphs)
    paragraphs: list[Paragraph] = conv.paragraphs
    return Article(
        title=repaired.title,
        paragraphs=paragraphs,
        text=join_paragraphs(paragraphs),
        url=url,
        dateline=conv.dateline,
        credit=conv.credit,
        credit_outlet=conv.credit_outlet,
        editor_initials=conv.editor_initials,
        desk_code=conv.desk_code,
        bylines=conv.bylines,
        authors=[],
        related_links=list(repaired.related_links),
        input_kind=input_kind,
        warnings=list(repaired.warnings),
    )


def _language(article: Article, *, declared: str | None) -> Language:
    code, score = detect_language(article.text[:2000])
    return Language(declared=declared, detected=code, score=score)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`~warta.errors.ExtractionTimeout` if the block runs longer than ``seconds``.

    Uses ``SIGALRM`` (Unix, main thread only; each worker process has its own main thread). In
    other threads it does nothing; callers there should run pages in a worker process.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise ExtractionTimeout(f"page took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
