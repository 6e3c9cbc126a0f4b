"""DOM → text blocks: one iterative walk over a Lexbor tree into a flat list of :class:`Block`.

This is the only module that knows the HTML parser. A *block* is the text between two block-level
boundaries (``p``, ``div``, ``li``, ``h1``–``h6``, ``tr``, ``br`` …), with the cheap structural facts
the content classifier needs: its tag, its link text, the tags and class/id keywords of its
ancestors, its depth and a short path of ancestor element ids (to group blocks by container).

The walk is iterative (``child``/``next`` pointers and explicit stacks of the open elements), so pages
nested 100,000 deep do not hit Python's recursion limit. Script, style, forms controls, SVG,
iframes and elements marked hidden are skipped without descending into them.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any, Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta._compiled import load_checked
from warta.article import BlockKind

# Ancestor tag flags (bits of Block.anc).
A_ARTICLE: Final = 1 << 0
A_MAIN: Final = 1 << 1
A_ASIDE: Final = 1 << 2
A_NAV: Final = 1 << 3
A_FOOTER: Final = 1 << 4
A_HEADER: Final = 1 << 5
A_FORM: Final = 1 << 6
A_LI: Final = 1 << 7
A_TABLE: Final = 1 << 8
A_QUOTE: Final = 1 << 9
A_FIGURE: Final = 1 << 10
A_LINK: Final = 1 << 11
A_PRE: Final = 1 << 12
A_SECTION: Final = 1 << 13
A_DL: Final = 1 << 14
A_EMPH: Final = 1 << 15
A_ARTICLEBODY: Final = 1 << 16
A_HEADING: Final = 1 << 17
ANC_FLAGS: Final = (
    "article", "main", "aside", "nav", "footer", "header", "form", "li", "table", "blockquote",
    "figure", "a", "pre", "section", "dl", "emph", "articlebody", "heading",
)  # fmt: skip

_TAG_FLAG: Final = {
    "article": A_ARTICLE, "main": A_MAIN, "aside": A_ASIDE, "nav": A_NAV, "footer": A_FOOTER,
    "header": A_HEADER, "form": A_FORM, "li": A_LI, "dd": A_LI, "dt": A_LI, "table": A_TABLE,
    "blockquote": A_QUOTE, "q": A_QUOTE, "figure": A_FIGURE, "figcaption": A_FIGURE, "a": A_LINK,
    "pre": A_PRE, "code": A_PRE, "section": A_SECTION, "dl": A_DL, "b": A_EMPH, "strong": A_EMPH,
    "h1": A_HEADING, "h2": A_HEADING, "h3": A_HEADING, "h4": A_HEADING, "h5": A_HEADING,
    "h6": A_HEADING,
}  # fmt: skip

# Class/id/role/itemprop keyword groups (bits of Block.hits and Block.near). A word matches anywhere
# in the lowercased class/id string; a word written "=word" only as a whole token (short, ambiguous
# words such as "ad" that hide inside "head" or "read").
KEYWORD_GROUPS: Final = (
    ("nav", "nav menu breadcrumb pagination pager toolbar topbar =skip"),
    ("footer", "footer copyright contentinfo colophon =bottom"),
    ("header", "header masthead =banner =brand =logo"),
    ("side", "sidebar aside widget =rail complementary =side"),
    ("comment", "comment disqus =reply =replies respond discussion komentar"),
    ("share", "share sharing social facebook twitter whatsapp linkedin pinterest =follow"),
    ("related", "related recommend terkait baca readmore read-more more- popular populer trending "
     "outbrain taboola =also =next =prev teaser"),
    ("ad", "advert sponsor promo iklan =dfp =gpt =ad =ads adsbygoogle adslot ad- banner"),
    ("modal", "cookie consent gdpr newsletter subscri signup sign-up modal popup overlay paywall "
     "login register"),
    ("meta", "author byline =date dateline =time meta publish posted writer editor reporter penulis"),
    ("tags", "=tag =tags tagline category categories topic =label keyword"),
    ("caption", "caption credit figure photo image =img gallery media video thumb"),
    ("content", "content article =post post- entry story =body body- text detail =main prose "
     "richtext articlebody"),
    ("hidden", "hidden =hide sr-only visually-hidden screen-reader offscreen print-only"),
    ("list", "card =list list- -list grid =item item- tile =feed stream archive collection"),
    ("title", "title headline heading judul"),
    ("search", "search =cari searchform"),
)  # fmt: skip
KEYWORDS: Final = tuple(name for name, _ in KEYWORD_GROUPS)


def _word_trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words``, written as a trie so Python's matcher fails fast."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return ("(?:" + "|".join(branches) + ")?") if len(branches) > 1 else f"(?:{body})?"
        return body

    return pattern(trie)


_SUBSTRING_BIT: Final[dict[str, int]] = {}
_TOKEN_BIT: Final[dict[str, int]] = {}
for _i, (_name, _words) in enumerate(KEYWORD_GROUPS):
    for _word in _words.split():
        if _word.startswith("="):
            _TOKEN_BIT[_word[1:]] = _TOKEN_BIT.get(_word[1:], 0) | 1 << _i
        else:
            _SUBSTRING_BIT[_word] = _SUBSTRING_BIT.get(_word, 0) | 1 << _i
_KEYWORD_RE: Final = re.compile(_word_trie_pattern(sorted(_SUBSTRING_BIT)))
_TOKEN_SPLIT: Final = re.compile(r"[^a-z]+")

# Tag categories for the walk.
_SKIP: Final = frozenset(
    (
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
        "head", "select", "option", "button", "textarea", "input", "video", "audio", "map",
        "title", "math", "dialog", "frameset", "frame", "applet",
    )  # fmt: skip
)
_BLOCK: Final = frozenset(
    (
        "html", "body", "p", "div", "section", "article", "main", "header", "footer", "nav",
        "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
        "thead", "tbody", "tfoot", "tr", "caption", "pre", "blockquote", "figure", "figcaption",
        "form", "fieldset", "legend", "address", "hr", "br", "center", "details", "summary",
        "menu", "hgroup", "search",
    )  # fmt: skip
)
_CELL: Final = frozenset(("td", "th"))

_KIND_OF_TAG: Final[dict[str, BlockKind]] = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "dt": "list_item", "dd": "list_item", "pre": "code",
    "tr": "table", "td": "table", "th": "table", "blockquote": "quote",
}  # fmt: skip

PATH_LEN: Final = 8
"""How many ancestor element ids a block keeps (nearest first)."""


class Block:
    """One text block of a page, in document order, with its structural facts."""

    __slots__ = (
        "anc", "chars", "depth", "hits", "index", "kind", "link_chars", "links", "near", "path",
        "tag", "text", "words",
    )  # fmt: skip

    def __init__(
        self,
        text: str,
        tag: str,
        kind: BlockKind,
        link_chars: int,
        links: list[tuple[str, str | None]],
        anc: int,
        hits: int,
        near: int,
        depth: int,
        path: tuple[int, ...],
        index: int,
    ) -> None:
        self.text = text
        self.tag = tag
        self.kind: BlockKind = kind
        self.chars = len(text)
        self.words = text.count(" ") + text.count("\n") + 1
        self.link_chars = min(link_chars, self.chars)
        self.links = links
        self.anc = anc
        self.hits = hits
        self.near = near
        self.depth = depth
        self.path = path
        self.index = index

    def __repr__(self) -> str:
        return f"Block({self.index}, {self.tag}, {self.kind}, {self.text[:40]!r})"


def page_title(tree: LexborHTMLParser) -> str | None:
    """The page's ``og:title`` or ``<title>``, whitespace collapsed (used to spot the headline)."""
    node = tree.css_first('meta[property="og:title"]')
    value = node.attributes.get("content") if node is not None else None
    if not value:
        title = tree.css_first("title")
        value = title.text() if title is not None else None
    value = " ".join(value.split()) if value else None
    return value or None


def page_blocks(tree: LexborHTMLParser) -> list[Block]:
    """The text blocks of a parsed page, in document order (the compiled walk when it is built
    and checked, see :data:`COMPILED_WALK`; else the Python walk, which gives the same blocks)."""
    root = tree.body or tree.root
    if COMPILED_WALK and _COMPILED is not None:
        return _COMPILED(root)
    return _walk(root)


# A frame per open element: (is_block, tag, anc, hits, near, own_hits, node). The element ids of
# the open elements are kept in a parallel list (a block's path is the last few of them).
_Frame = tuple[bool, str, int, int, int, int, LexborNode | None]
_NO_KEY: Final = (None, None, None, None)
_CELL_SEP: Final = "\x1f"
_TEXT_TAG_ID: Final = 2
"""Lexbor's tag id of text nodes (``LXB_TAG__TEXT``, fixed in its tag table)."""

# What the walk needs of a tag: (ancestor flag, is a block boundary, is a table cell), or
# _SKIPPED for elements whose subtree is never read (and for comments, doctypes, documents).
_TagInfo = tuple[int, bool, bool]
_SKIPPED: Final[_TagInfo] = (0, False, False)


def _tag_info(tag: str) -> _TagInfo:
    if not tag or tag[0] in "-_#!" or tag in _SKIP:
        return _SKIPPED
    return (_TAG_FLAG.get(tag, 0), tag in _BLOCK, tag in _CELL)


_TAG_INFO: Final[dict[str, _TagInfo]] = {
    tag: _tag_info(tag) for tag in (*_SKIP, *_BLOCK, *_CELL, *_TAG_FLAG, "span", "em", "i", "u", "img")
}


# What the walk keeps per tag id of a page: None for a tag whose subtree is never read, else
# (tag, ancestor flag, is a block boundary, is a table cell).
_TagEntry = tuple[str, int, bool, bool] | None


def _tag_entry(tag: str) -> _TagEntry:
    info = _TAG_INFO.get(tag)
    if info is None:
        info = _tag_info(tag)
    return None if info is _SKIPPED else (tag, *info)


def _walk(root: LexborNode | None) -> list[Block]:
    """The blocks of the subtree of ``root`` (excluded), in document order.

    One loop over ``child``/``next`` pointers with the open elements (their frames, which hold
    their nodes) on an explicit stack. It runs once per DOM node, so it is written for speed:
    state in local variables, text nodes told by their fixed tag id, the per-tag facts of an
    element in one dict look-up by Lexbor's integer tag id (cheaper than the tag name, which is a
    new string at every call), closing an element inlined.

    Tag ids stand for tag names within one document (Lexbor numbers the tags a page uses beyond
    the standard ones per document), so the id → tag table is built per page.
    """
    blocks: list[Block] = []
    if root is None:
        return blocks
    parts: list[str] = []  # text of the block being read
    link_chars = 0  # characters of ``parts`` inside links
    links: list[tuple[str, str | None]] = []  # (text, href) of the links closed in the block
    href: str | None = None  # href of the open link
    link_start = 0  # index in ``parts`` where the open link's text starts
    keyword_cache: dict[tuple[str | None, str | None, str | None, str | None], int] = {}
    entry_of: dict[int, _TagEntry] = {}  # tag id → (tag, flag, is block, is cell), filled as met
    top: _Frame = (True, "body", 0, 0, 0, 0, None)  # the innermost open element's frame
    frames: list[_Frame] = [top]
    ids: list[int] = [0]
    depth = 0  # open elements below the root (len(frames) - 1)
    next_id = 1
    node: LexborNode | None = root.child
    while node is not None:
        tag_id = node.tag_id
        if tag_id == _TEXT_TAG_ID:
            value = node.text_content
            if value and (parts or not value.isspace()):  # leading whitespace is dropped
                parts.append(value)
                if top[2] & A_LINK:
                    link_chars += len(value)
        else:
            if tag_id in entry_of:
                entry = entry_of[tag_id]
            else:
                entry = entry_of[tag_id] = _tag_entry(node.tag or "")
            if entry is not None:
                tag, flag, is_block, is_cell = entry
                attrs = node.attributes
                child = node.child
                own = 0
                anc = top[2] | flag
                hidden = False
                if attrs:
                    style = attrs.get("style")
                    if "hidden" in attrs or (style and "none" in style and _style_hides(style)):
                        hidden = True  # skip the subtree
                    elif child is not None:  # a leaf's keywords reach no block: not looked up
                        key = (attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("itemprop"))
                        if key != _NO_KEY:
                            own = keyword_cache.get(key, -1)
                            if own < 0:
                                own = keyword_cache[key] = _attr_bits(*key)
                            if key[3] == "articleBody":
                                anc |= A_ARTICLEBODY
                    if tag == "a" and not hidden:
                        href = attrs.get("href")
                        link_start = len(parts)
                elif tag == "a":
                    href = None
                    link_start = len(parts)
                if not hidden:
                    if is_block:
                        if parts:
                            _flush(parts, top, ids, depth + 1, link_chars, links, href, blocks)
                            parts = []
                            link_chars = 0
                            links = []
                            link_start = 0
                        near = top[5] | own
                    else:
                        if is_cell and parts:
                            parts.append(_CELL_SEP)
                        near = top[4] | own
                    if child is not None:
                        top = (is_block, tag, anc, top[3] | own, near, own, node)
                        frames.append(top)
                        ids.append(next_id)
                        depth += 1
                        next_id += 1
                        node = child
                        continue
                    # A leaf element: open and close it at once. Its block is empty (any text
                    # before it was flushed when a block opened), so only a link needs closing.
                    next_id += 1
                    if tag == "a":
                        href = None
        # Go to the next node in document order, closing the elements left on the way up.
        nxt = node.next
        while nxt is None and depth:
            frame = frames.pop()
            depth -= 1
            top = frames[-1]
            if frame[1] == "a":
                text = " ".join("".join(parts[link_start:]).split())
                if text:
                    links.append((text, href))
                href = None
            if frame[0] and parts:
                _flush(parts, frame, ids, depth + 2, link_chars, links, href, blocks)
                parts = []
                link_chars = 0
                links = []
                link_start = 0
            ids.pop()
            node = frame[6]
            nxt = node.next  # type: ignore[union-attr]  # every frame but the root has a node
        node = nxt
    if parts:
        _flush(parts, top, ids, depth + 1, link_chars, links, href, blocks)
    return blocks


def _flush(
    parts: list[str],
    frame: _Frame,
    ids: list[int],
    depth: int,
    link_chars: int,
    links: list[tuple[str, str | None]],
    href: str | None,
    blocks: list[Block],
) -> None:
    """End the block of ``parts`` in the context of ``frame`` (the innermost block element)."""
    raw = "".join(parts)
    anc = frame[2]
    if anc & A_PRE:
        text = "\n".join(line.rstrip() for line in raw.strip("\n").split("\n")).strip()
    elif _CELL_SEP in raw:
        text = " | ".join(c for c in (" ".join(x.split()) for x in raw.split(_CELL_SEP)) if c)
    else:
        text = " ".join(raw.split())
    if not text:
        return
    if anc & A_LINK and not links:
        links = [(text, href)]
    tag = frame[1]
    kind = _KIND_OF_TAG.get(tag, "paragraph")
    if kind == "paragraph":
        if anc & A_PRE:
            kind = "code"
        elif anc & A_QUOTE:
            kind = "quote"
        elif anc & A_LI and tag in ("p", "div", "span", "a"):
            kind = "list_item"
        elif anc & A_HEADING:
            kind = "heading"
    # Positional arguments: about half the cost of keywords, for a call made once per block.
    path = tuple(ids[: -PATH_LEN - 1 : -1])
    blocks.append(Block(text, tag, kind, link_chars, links, anc, frame[3], frame[4], depth, path, len(blocks)))


def _style_hides(style: str | None) -> bool:
    if not style or "none" not in style:
        return False
    compact = style.replace(" ", "").lower()
    return "display:none" in compact or "visibility:hidden" in compact


_CACHED_KEY_CHARS = 512
"""Attribute strings longer than this (together) are scanned without being memoised: the caches
outlive the page, and must not keep a hostile page's megabyte-long class strings alive."""


def _attr_bits(cls: str | None, ident: str | None, role: str | None, itemprop: str | None) -> int:
    """The keyword-group bits of an element's class, id, role and itemprop (memoised unless long:
    see :func:`_cached_attr_bits`)."""
    size = len(cls or "") + len(ident or "") + len(role or "") + len(itemprop or "")
    if size > _CACHED_KEY_CHARS:
        return _uncached_attr_bits(cls, ident, role, itemprop)
    return _cached_attr_bits(cls, ident, role, itemprop)


@functools.lru_cache(maxsize=65536)
def _cached_attr_bits(
    cls: str | None, ident: str | None, role: str | None, itemprop: str | None
) -> int:
    """The keyword-group bits of an element's class, id, role and itemprop, memoised.

    A pure function of strings that repeat across the pages of a site (and across sites: the
    class names of common frameworks), so its results are memoised; the regex scan is a good part
    of the time of a page walk.

    No keyword holds whitespace, so no match spans two whitespace-separated chunks and the bits of
    the joined string are those of its chunks or-ed together. Chunks ("container", "col-md-8")
    repeat far more across sites than whole attribute strings do, so each is scanned once.
    """
    return _uncached_attr_bits(cls, ident, role, itemprop)


def _uncached_attr_bits(
    cls: str | None, ident: str | None, role: str | None, itemprop: str | None
) -> int:
    bits = 0
    for value in (cls, ident, role, itemprop):
        if value:
            for chunk in value.split():
                short = len(chunk) <= _CACHED_KEY_CHARS
                bits |= _chunk_bits(chunk) if short else _keyword_bits(chunk)
    return bits


@functools.lru_cache(maxsize=65536)
def _chunk_bits(chunk: str) -> int:
    """:func:`_keyword_bits` of one whitespace-free chunk of an attribute, memoised."""
    return _keyword_bits(chunk)


def _keyword_bits(key: str) -> int:
    """The keyword-group bits of one class/id/role/itemprop string."""
    key = key.lower()
    bits = 0
    for word in _KEYWORD_RE.findall(key):
        bits |= _SUBSTRING_BIT.get(word, 0)
    for token in _TOKEN_BIT.keys() & _TOKEN_SPLIT.split(key):
        bits |= _TOKEN_BIT[token]
    return bits


def _load_compiled_walk() -> tuple[Callable[[LexborNode | None], list[Block]] | None, str]:
    """The compiled walk (:mod:`warta.page._cwalk`) and ``"compiled"``, or None and why not: the
    extension is not built, selectolax is not the version its Lexbor structs were copied from, or
    it reads a probe page differently from selectolax's API or from :func:`_walk`."""
    walker = None

    def check(cwalk: ModuleType) -> str | None:
        nonlocal walker
        import selectolax

        if selectolax.__version__ != cwalk.LAYOUT_VERSION:
            return f"selectolax {selectolax.__version__}, layout for {cwalk.LAYOUT_VERSION}"
        walker = cwalk.Walker(sys.modules[__name__])
        problem: str | None = cwalk.check(walker, _walk)
        return problem

    module, status = load_checked("warta.page._cwalk", check)
    return (walker if module is not None else None), status


_COMPILED, COMPILED_WALK_STATUS = _load_compiled_walk()
COMPILED_WALK: bool = _COMPILED is not None
"""Whether :func:`page_blocks` uses the compiled walk; :data:`COMPILED_WALK_STATUS` says why not.
Set it to False to force the Python walk (tests, benchmarks)."""
