"""One page → one Article: the entry points of the core.

``extract`` takes HTML or already-extracted text (bytes or str), detects which it is unless told,
and returns an :class:`~warta.article.Article`. ``repair`` is the text-only path. Both are pure:
no I/O, no global state beyond lazily built read-only models.

Bad input never crashes the caller and never runs unbounded. Each call either returns an Article
(recoverable trouble becomes a warning on it) or raises a :mod:`warta.errors` error:

- empty or whitespace-only input → :class:`~warta.errors.EmptyInput`;
- binary input (PDF, image, archive magic; mostly control bytes; NUL-heavy text) →
  :class:`~warta.errors.BinaryInput`;
- a file of many records, a WARC file or JSON Lines → :class:`~warta.errors.ContainerInput`
  (read as one page it would give the first record or a mess of field names, and lose the rest);
- HTML given with ``input="text"`` is read as text, as asked, with the warning
  ``"html-read-as-text"``;
- truncated or malformed HTML, a wrong or missing charset → an Article (the decoder and the HTML
  parser recover; they note what they guessed in ``warnings``), or
  :class:`~warta.errors.NoContent` when nothing readable is left;
- HTML larger than ``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`) is **cut** to the limit, at
  the last ``<`` before it so no tag or multi-byte character is split, and read with the warning
  ``"input-truncated"``. A page that big is nearly always bloated by inline scripts, styles and
  data, and its article is usually in the part kept, so an article beats an error. Plain text over
  the limit raises :class:`~warta.errors.InputTooLarge` instead: text that big is a corpus dump,
  not one article, and cutting it would silently return part of something else;
- nesting so deep that parsing would cost more than :data:`~warta.page.intake.MAX_PARSE_COST` (for example 100,000
  nested ``<div>``: the HTML parser's scope checks are quadratic in the depth of open elements and
  run in C, where no time bound can interrupt them) → :class:`~warta.errors.TooDeep`, raised by a
  linear pre-scan before parsing; a :class:`RecursionError` in any step also becomes ``TooDeep``;
- a :class:`MemoryError` → :class:`~warta.errors.OutOfMemory`;
- any other exception inside a step is a bug: it becomes :class:`~warta.errors.ExtractionFailed`
  with the original as ``__cause__``, so one page never ends a run of many;
- a page that is only a listing of headlines → :class:`~warta.errors.NoContent`, or an Article
  whose ``warnings`` say it does not look like one article (the content step decides);
- str input with lone surrogates (never valid text) has them replaced by U+FFFD and gets the
  warning ``"invalid-characters"``.

Every call has a time bound (``timeout`` seconds, default :data:`DEFAULT_TIMEOUT`) enforced with
``SIGALRM`` in the main thread (:func:`time_limit`): Python code is interrupted at the bound and
raises :class:`~warta.errors.ExtractionTimeout`. A long C call (parsing, a regex match runs
interruptibly) finishes first; the pre-scan above keeps parsing itself bounded (about a second for
the largest allowed page). In other threads there is no bound: run pages in worker processes.
"""

from __future__ import annotations

import math
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Literal

from selectolax.lexbor import LexborHTMLParser

from warta.article import Article, DateValue, Language, Paragraph, RelatedLink, join_paragraphs
from warta.enrich.annotate import annotate
from warta.errors import (
    BinaryInput,
    EmptyInput,
    ExtractionFailed,
    ExtractionTimeout,
    InputTooLarge,
    NoContent,
    OutOfMemory,
    TooDeep,
    WartaError,
)
from warta.lang.detect import detect_language, load_detectors
from warta.lang.id.conventions import read_conventions
from warta.page.content import extract_body
from warta.page.decode import decode
from warta.page.intake import (
    check_parse_cost,
    cut_html,
    reject_binary,
    reject_container,
    sniff_kind,
)
from warta.page.metadata import extract_metadata
from warta.page.text import Repaired, repair_paragraphs, repair_text
from warta.page.unicode import normalise_text

InputKind = Literal["auto", "html", "text"]

AUTHOR_ROLES = frozenset(
    ("penulis", "reporter", "pewarta", "oleh", "by", "laporan wartawan", "wartawan", "penulis/editor")
)
"""Byline roles whose names are the article's authors (an editor or a source is not)."""

DEFAULT_TIMEOUT = 10.0
"""Seconds one page may take before :class:`~warta.errors.ExtractionTimeout`."""

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""HTML larger than this is cut to it (warning ``input-truncated``); larger text raises
:class:`~warta.errors.InputTooLarge`."""

TRUNCATED = "input-truncated"
HTML_READ_AS_TEXT = "html-read-as-text"  # input="text" was asked for, and the page is HTML
INVALID_CHARACTERS = "invalid-characters"

_SURROGATES = re.compile("[\ud800-\udfff]")


def extract(
    source: bytes | str,
    *,
    url: str | None = None,
    input: InputKind = "auto",
    http_charset: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    enrich: bool = True,
    published: str | None = None,
) -> Article:
    """Read one page, HTML or already-extracted text, into an Article.

    Args:
        source: the page's raw bytes (decoded here: BOM, HTTP charset, ``<meta charset>``,
            detection) or an already-decoded string.
        url: the page's URL, if known; used for metadata and kept on the article.
        input: ``"html"``, ``"text"``, or ``"auto"`` to sniff.
        http_charset: the charset from the HTTP ``Content-Type`` header, if any.
        timeout: the time bound in seconds, or None for no bound.
        max_bytes: the size limit: larger HTML is cut to it, larger text is refused.
        enrich: also fill dates, quotes and entities (:func:`warta.enrich.annotate.annotate`);
            ``False`` gives the bare reading, several times faster.
        published: the page's publication date as known from outside it (ISO 8601; a record's
            own date in a JSON Lines or WARC input, say). It becomes ``published`` (origin
            ``"given"``) when the page declares no date, and always for text input, which no
            markup dates; the dates in the text ("Kamis (13/6)", "kemarin") are resolved
            against it.

    Raises:
        EmptyInput, BinaryInput, InputTooLarge, ExtractionTimeout, TooDeep, OutOfMemory,
        NoContent, and ExtractionFailed (a bug in a step, chained to its cause). Every one is a
        :class:`~warta.errors.WartaError`.
    """
    if isinstance(source, bytearray | memoryview):
        source = bytes(source)
    elif not isinstance(source, bytes | str):
        raise TypeError(f"extract reads bytes or str, not {type(source).__name__}")
    with time_limit(timeout):
        try:
            return _extract(
                source,
                url=url,
                input=input,
                http_charset=http_charset,
                max_bytes=max_bytes,
                enrich=enrich,
                published=published,
            )
        except WartaError:
            raise
        except RecursionError as exc:
            raise TooDeep("the page nests too deeply to read") from exc
        except MemoryError as exc:
            raise OutOfMemory("reading the page ran out of memory") from exc
        except Exception as exc:
            raise ExtractionFailed(f"{type(exc).__name__}: {exc}") from exc


def repair(
    text: str,
    *,
    url: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    enrich: bool = True,
    published: str | None = None,
) -> Article:
    """Read text that a scraper already extracted (the seed case) into an Article; ``published``
    as for :func:`extract`."""
    return extract(text, url=url, input="text", timeout=timeout, enrich=enrich, published=published)


_WARM_UP_PAGE = (
    "<html lang='id'><head><title>Harga beras naik</title></head><body><article>"
    "<h1>Harga beras naik</h1><p>JAKARTA - Harga beras medium di pasar tradisional naik dua persen "
    "pekan ini, kata Kepala Dinas Perdagangan kepada wartawan pada Senin (9/9/2024).</p>"
    "<p>\u201cKami akan menambah pasokan dari gudang Bulog,\u201d ujarnya.</p></article></body></html>"
)


def warm_up(*, enrich: bool = True) -> None:
    """Load, once per process, what extraction otherwise loads on the first page that needs it.

    The block and line models, the phrase lists and lingua's language detectors are built
    lazily; together they cost about half a second of CPU. A process that reads many pages
    (a worker, a benchmark after its untimed warm-up) can call this first so that no page's time
    (nor its time bound) pays for them. Extraction does not need it: without it the same things
    are loaded on first use.

    Args:
        enrich: also load the enrichment models (dates, quotes, entities).
    """
    load_detectors()
    with suppress(WartaError):
        extract(_WARM_UP_PAGE, url="https://example.com/harga-beras", timeout=None, enrich=enrich)


def _extract(
    source: bytes | str,
    *,
    url: str | None,
    input: InputKind,
    http_charset: str | None,
    max_bytes: int,
    enrich: bool,
    published: str | None = None,
) -> Article:
    warnings: list[str] = []
    utf8: bytes | None = None  # the page's own UTF-8 bytes, when the text is exactly their decoding
    if isinstance(source, bytes):
        if not source or source.isspace():
            raise EmptyInput("the input holds no text")
        reject_binary(source)
        kind = _input_kind(source[:65536], input, warnings)
        if len(source) > max_bytes:
            if kind != "html":
                raise InputTooLarge(f"the text is {len(source):,} bytes; the limit is {max_bytes:,}")
            source = cut_html(source, max_bytes)
            warnings.append(TRUNCATED)
        if kind != "html":
            http_charset = http_charset or "utf-8"
        decoded = decode(source, http_charset=http_charset)
        text = decoded.text
        utf8 = decoded.utf8
        warnings.extend(decoded.warnings)
    else:
        text = source
        kind = _input_kind(text[:65536].encode("utf-8", "replace"), input, warnings)
        if len(text) * 4 > max_bytes and (size := _utf8_size(text)) > max_bytes:
            if kind != "html":
                raise InputTooLarge(f"the text is {size:,} bytes; the limit is {max_bytes:,}")
            data = cut_html(text.encode("utf-8", "surrogatepass"), max_bytes)
            text = data.decode("utf-8", "surrogatepass")
            warnings.append(TRUNCATED)
        if not text.isascii() and _SURROGATES.search(text):
            text = _SURROGATES.sub("\ufffd", text)
            warnings.append(INVALID_CHARACTERS)
    if not text.strip():
        raise EmptyInput("the input holds no text")
    if text[:4096].count("\x00") > 8:
        raise BinaryInput("the input holds NUL bytes: not a page")
    if kind == "html":
        article, chrome = _from_html(text, url=url, utf8=utf8), None
    else:
        article, chrome = _from_text(text, url=url)
    article.warnings[:0] = warnings
    if published and (article.published is None or article.input_kind == "text"):
        article.published = DateValue(value=published, origin="given")
    if enrich:
        annotate(article, chrome_lines=chrome)
    return article


def _input_kind(head: bytes, input: InputKind, warnings: list[str]) -> Literal["html", "text"]:
    """What the input is read as, from its first bytes: ``input`` when given, else sniffed. A
    container of many records is refused (:func:`~warta.page.intake.reject_container`), and HTML that the caller
    asked to read as text is flagged in ``warnings``."""
    reject_container(head)
    if input == "auto":
        return sniff_kind(head)
    if input == "text" and sniff_kind(head) == "html":
        warnings.append(HTML_READ_AS_TEXT)
    return input


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _from_html(html: str, *, url: str | None, utf8: bytes | None = None) -> Article:
    """The article of a page; ``utf8``, if given, is ``html`` encoded in UTF-8 already (the page's
    own bytes when they were valid UTF-8)."""
    check_parse_cost(html)
    # The parser reads UTF-8: handed a str, it encodes the whole page again first (about as
    # costly as decoding it), so the bytes the text was decoded from go in when they are exactly
    # that encoding: the same bytes, the same tree.
    tree = LexborHTMLParser(utf8 if utf8 is not None else html)
    meta = extract_metadata(tree, url=url)
    body = extract_body(tree, article_body=meta.article_body)
    repaired = repair_paragraphs(body.paragraphs, title=meta.title, authors=meta.authors)
    article = _assemble(repaired, input_kind="html", url=meta.url or url)
    article.related_links = _unique_links(body.related_links + article.related_links)
    article.warnings[:0] = body.warnings
    article.title = article.title or meta.title
    article.canonical_url = meta.canonical_url
    article.site_name = meta.site_name
    article.authors = meta.authors or article.authors
    article.published = meta.published
    article.modified = meta.modified
    article.description = meta.description
    article.tags = meta.tags
    article.image = meta.image
    article.language = _language(article, declared=meta.language)
    if not article.paragraphs:
        raise NoContent("no article text found in the page")
    return article


def _from_text(text: str, *, url: str | None) -> tuple[Article, list[str]]:
    """The article, and the chrome lines the repair removed (they may hold the page's date)."""
    repaired = repair_text(normalise_text(text))
    article = _assemble(repaired, input_kind="text", url=url)
    article.language = _language(article, declared=None)
    if not article.paragraphs:
        raise NoContent("no article text found in the input")
    return article, repaired.removed


def _unique_links(links: list[RelatedLink]) -> list[RelatedLink]:
    """Related links with repeats (the same title, case aside) dropped; a URL wins over none."""
    seen: dict[str, int] = {}
    out: list[RelatedLink] = []
    for link in links:
        key = link.title.casefold()
        if key in seen:
            if link.url and not out[seen[key]].url:
                out[seen[key]] = link
            continue
        seen[key] = len(out)
        out.append(link)
    return out


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
        authors=[b.name for b in conv.bylines if b.role.casefold() in AUTHOR_ROLES],
        related_links=list(repaired.related_links),
        input_kind=input_kind,
        warnings=list(repaired.warnings),
    )


def _language(article: Article, *, declared: str | None) -> Language:
    code, score = detect_language(article.text[:2000])
    return Language(declared=declared, detected=code, score=score)


_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`~warta.errors.ExtractionTimeout` if the block runs longer than ``seconds``.

    Uses ``SIGALRM`` (Unix, main thread only; each worker process has its own main thread). In
    other threads, or with ``seconds`` None, 0 or infinite, it does nothing.

    It nests and re-enters: an enclosing timer (another ``time_limit``, or the caller's own
    ``setitimer``) keeps its deadline, and its handler is called if it comes due first; on exit
    the enclosing handler and timer are put back with the time left. No alarm of this block fires
    once it has exited: a late one that lands during clean-up is dropped.
    """
    if seconds is not None and (math.isnan(seconds) or seconds < 0):
        raise ValueError(f"a time bound must be positive or None, not {seconds!r}")
    if (
        not seconds
        or math.isinf(seconds)
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    outer_handler: _Handler = signal.getsignal(signal.SIGALRM)
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    start = time.monotonic()
    deadline = start + seconds
    armed = True
    outer_served = False

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        nonlocal outer_served
        if not armed:
            return  # a late alarm after the block ended: dropped
        now = time.monotonic()
        if now >= deadline - 0.005:
            # Fire again soon in case a step swallows the exception with a broad ``except``.
            signal.setitimer(signal.ITIMER_REAL, 0.1)
            raise ExtractionTimeout(f"page took longer than {seconds:g} s")
        # The enclosing timer came due first: serve it, then wait on for our own deadline.
        if callable(outer_handler) and not outer_served:
            outer_handler(signum, frame)
            outer_served = True
        signal.setitimer(signal.ITIMER_REAL, max(deadline - time.monotonic(), 1e-4))

    def disarm() -> None:
        nonlocal armed
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        if outer_delay > 0 and not outer_served:
            left = outer_delay - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-4), outer_interval)
        elif outer_delay > 0 and outer_interval > 0:
            signal.setitimer(signal.ITIMER_REAL, outer_interval, outer_interval)

    signal.signal(signal.SIGALRM, on_alarm)
    first = seconds if outer_delay <= 0 else min(seconds, outer_delay)
    signal.setitimer(signal.ITIMER_REAL, first)
    try:
        yield
    finally:
        # An alarm already pending when the block ends may run its handler at any bytecode here;
        # if it raises before ``armed`` is cleared, disarm again (then it is a no-op).
        for _ in range(3):
            try:
                disarm()
                break
            except ExtractionTimeout:
                continue
