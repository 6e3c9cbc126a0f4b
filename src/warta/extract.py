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
- nesting so deep that parsing would cost more than :data:`MAX_PARSE_COST` (for example 100,000
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

import msgspec
from selectolax.lexbor import LexborHTMLParser

from warta.article import Article, Language, Paragraph, RelatedLink, join_paragraphs
from warta.enrich.annotate import annotate
from warta.errors import (
    BinaryInput,
    ContainerInput,
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

MAX_PARSE_COST = 300_000_000
"""The largest estimated parse cost (the sum, over start tags, of the open-element depth) a page
may have; above it :class:`~warta.errors.TooDeep`. Lexbor spends about 3 ns per unit, so this is
about a second; ordinary pages, even 20 MB ones, stay below a hundredth of it."""

TRUNCATED = "input-truncated"
HTML_READ_AS_TEXT = "html-read-as-text"  # input="text" was asked for, and the page is HTML
INVALID_CHARACTERS = "invalid-characters"

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
_HTML_DOCTYPE = re.compile(rb"<!doctype\s+html\b", re.I)
_HTML_TAG = re.compile(
    rb"<\s*/?\s*(?:html|head|body|meta|title|div|p|article|script|table|span|a|br|li)\b", re.I
)
_HTML_TAGS_IN_PROSE = 5
"""Element tags a text may print before it counts as HTML: an article about HTML names a few."""
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def extract(
    source: bytes | str,
    *,
    url: str | None = None,
    input: InputKind = "auto",
    http_charset: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    enrich: bool = True,
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
) -> Article:
    """Read text that a scraper already extracted (the seed case) into an Article."""
    return extract(text, url=url, input="text", timeout=timeout, enrich=enrich)


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


def sniff_kind(head: bytes) -> Literal["html", "text"]:
    """Guess whether bytes are HTML or plain text from their first few kilobytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        head = head[:8192].decode("utf-16", "replace").encode("utf-8", "replace")
    head = head[:4096]
    if _HTML_DOCTYPE.search(head):
        return "html"
    opening = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    tags = _HTML_TAG.findall(head)
    # A fragment ("<div>…", "<p>…") opens with its first tag; prose that mentions "<p>" does not,
    # and names far fewer tags than any page prints.
    return "html" if tags and (opening == b"<" or len(tags) >= _HTML_TAGS_IN_PROSE) else "text"


def _extract(
    source: bytes | str,
    *,
    url: str | None,
    input: InputKind,
    http_charset: str | None,
    max_bytes: int,
    enrich: bool,
) -> Article:
    warnings: list[str] = []
    utf8: bytes | None = None  # the page's own UTF-8 bytes, when the text is exactly their decoding
    if isinstance(source, bytes):
        if not source or source.isspace():
            raise EmptyInput("the input holds no text")
        _reject_binary(source)
        kind = _input_kind(source[:65536], input, warnings)
        if len(source) > max_bytes:
            if kind != "html":
                raise InputTooLarge(f"the text is {len(source):,} bytes; the limit is {max_bytes:,}")
            source = _cut_html(source, max_bytes)
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
            data = _cut_html(text.encode("utf-8", "surrogatepass"), max_bytes)
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
    if enrich:
        annotate(article, chrome_lines=chrome)
    return article


def _input_kind(head: bytes, input: InputKind, warnings: list[str]) -> Literal["html", "text"]:
    """What the input is read as, from its first bytes: ``input`` when given, else sniffed. A
    container of many records is refused (:func:`_reject_container`), and HTML that the caller
    asked to read as text is flagged in ``warnings``."""
    _reject_container(head)
    if input == "auto":
        return sniff_kind(head)
    if input == "text" and sniff_kind(head) == "html":
        warnings.append(HTML_READ_AS_TEXT)
    return input


def _reject_container(head: bytes) -> None:
    """Raise :class:`ContainerInput` when ``head`` (the input's first bytes) opens a file of many
    records rather than one page: a WARC record header ("WARC/1.0" on a line of its own), or JSON
    Lines — a first line that is a JSON object followed by another line opening with "{" (or by
    nothing), or an opening ``{"key":`` whose line runs past ``head`` (a first record longer
    than that). Read as one page, either would give the first record or a mess of field names,
    and lose the rest silently. A page whose text opens with one JSON object and goes on in
    prose (a page's metadata printed as text) is a page."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _WARC_HEADER.match(start):
        raise ContainerInput("a WARC file holds many pages: read it with `warta run`")
    if not _JSON_OBJECT.match(start):
        return
    first, newline, rest = start.partition(b"\n")
    if newline:
        try:
            record = msgspec.json.decode(first)
        except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
            return
        following = rest.lstrip(b" \t\r\n")
        if not isinstance(record, dict) or (following and not following.startswith(b"{")):
            return
    raise ContainerInput(
        "a JSON Lines file holds many records: read it with `warta run`, which takes "
        "each record's text or html field"
    )


_WARC_HEADER = re.compile(rb"WARC/\d\.\d+\r?\n")
_JSON_OBJECT = re.compile(rb'\{\s*"(?:[^"\\\n]|\\.){0,200}"\s*:')


def _reject_binary(data: bytes) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark: its NUL bytes are text; the decoder reads it
    head = data[:16].lstrip()
    if head.startswith(_BINARY_MAGIC):
        raise BinaryInput(f"the input starts like a binary file ({data[:4]!r})")
    sample = data[:4096]
    if sample:
        control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if control / len(sample) > 0.1:
            raise BinaryInput("the input is mostly control bytes: not a page")


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _cut_html(data: bytes, limit: int) -> bytes:
    """HTML cut to at most ``limit`` bytes, at the last ``<`` in the 64 KiB before the limit.

    ``<`` is one byte that never occurs inside a multi-byte character of UTF-8 or of the common
    legacy CJK encodings, so cutting there splits neither a character nor a tag.
    """
    cut = data.rfind(b"<", max(0, limit - 65_536), limit + 1)
    if cut <= 0:
        cut = limit
        while cut > 0 and 0x80 <= data[cut] < 0xC0:  # do not split a UTF-8 character
            cut -= 1
    return data[:cut]


# Start tags that do not deepen the tree: void elements, and elements the parser closes when a
# sibling of the same kind opens (so a run of unclosed ones stays one level deep).
_FLAT_TAGS = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"),
        *("track", "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image"),
        *("p", "li", "dd", "dt", "option", "optgroup", "tr", "td", "th", "thead", "tbody"),
        *("tfoot", "caption", "colgroup", "h1", "h2", "h3", "h4", "h5", "h6", "a", "button"),
        *("form", "nobr", "rb", "rt", "rp", "rtc", "html", "head", "body"),
    }
)
# Elements whose content the parser reads as raw text: tags inside them are not tags.
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)
# ``[^<>]`` keeps a failed match from scanning past the next tag: the scan stays linear.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>|<!--")
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in _RAW_TEXT}


def _check_parse_cost(html: str, limit: int = MAX_PARSE_COST) -> None:
    """Raise :class:`TooDeep` when parsing ``html`` would cost more than ``limit``.

    HTML parsers check "is there a <p> in scope" by walking the stack of open elements when a
    block opens, so the cost is the sum of the open-element depth over start tags; Lexbor, being
    C, cannot be interrupted by the time bound while it does so. This estimates that sum with one
    linear scan over the tags (skipping comments and raw-text elements). It over-counts elements
    the parser would close implicitly, which errs towards refusing, but only pages with absurd
    nesting come anywhere near the limit. The scan is skipped when there are too few tags for the
    sum to reach the limit at all, which is every ordinary page.
    """
    # Each start tag adds at most the number of start tags before it, so the sum is at most
    # S * (S - 1) / 2 for S start tags. A start tag takes 3 characters at least ("<b>") and
    # holds one "<", so S is at most len // 3 and at most the count of "<": the first bound
    # spares small pages even the count (a scan of every character).
    if (len(html) // 3) ** 2 // 2 <= limit:
        return
    tags = html.count("<")
    if tags * tags // 2 <= limit:
        return
    depth = cost = 0
    pos = 0
    search = _TAG.search
    while (m := search(html, pos)) is not None:
        pos = m.end()
        name = m.group(2)
        if name is None:  # a comment: skip to its end
            end = html.find("-->", pos)
            pos = len(html) if end < 0 else end + 3
            continue
        name = name.lower()
        if m.group(1):
            if depth and name not in _FLAT_TAGS:
                depth -= 1
            continue
        cost += depth
        if cost > limit:
            raise TooDeep(f"the page nests elements too deeply to parse (over {depth:,} levels)")
        if name in _RAW_TEXT:
            end_match = _RAW_END[name].search(html, pos)
            pos = len(html) if end_match is None else end_match.end()
        elif name not in _FLAT_TAGS and not m.group(3):
            depth += 1


def _from_html(html: str, *, url: str | None, utf8: bytes | None = None) -> Article:
    """The article of a page; ``utf8``, if given, is ``html`` encoded in UTF-8 already (the page's
    own bytes when they were valid UTF-8)."""
    _check_parse_cost(html)
    # The parser reads UTF-8: handed a str, it encodes the whole page again first (about as
    # costly as decoding it), so the bytes the text was decoded from go in when they are exactly
    # that encoding: the same bytes, the same tree.
    tree = LexborHTMLParser(utf8 if utf8 is not None else html)
    meta = extract_metadata(tree, url=url)
    body = extract_body(tree, article_body=meta.article_body)
    repaired = repair_paragraphs(body.paragraphs, title=meta.title)
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
