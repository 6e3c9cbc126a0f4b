"""A page's raw input, checked before it is parsed: is it HTML or text (:func:`sniff_kind`), is
it one page at all (binary files and files of many records are refused), HTML cut to a size
limit, and the pre-scan that refuses nesting too deep to parse in bounded time.

Pure functions over bytes or str; each refusal is a typed :mod:`warta.errors` error.
"""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from warta.errors import BinaryInput, ContainerInput, TooDeep

MAX_PARSE_COST = 300_000_000
"""The largest estimated parse cost (the sum, over start tags, of the open-element depth) a page
may have; above it :class:`~warta.errors.TooDeep`. Lexbor spends about 3 ns per unit, so this is
about a second; ordinary pages, even 20 MB ones, stay below a hundredth of it."""

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
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


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


def reject_container(head: bytes) -> None:
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


def reject_binary(data: bytes) -> None:
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


def cut_html(data: bytes, limit: int) -> bytes:
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


def check_parse_cost(html: str, limit: int = MAX_PARSE_COST) -> None:
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
