"""JSON-LD blocks of a page: parsed tolerantly, flattened into typed nodes, article node chosen.

Pages ship broken JSON-LD often: HTML comments or CDATA around it, raw newlines inside strings,
trailing commas, two objects back to back, a truncated tail. :func:`parse_blocks` repairs what it
cheaply can and skips the rest; nothing here raises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import msgspec
from selectolax.lexbor import LexborHTMLParser

MAX_NODES = 500
"""At most this many nodes are collected from one page (some shops ship thousands)."""

ARTICLE_TYPES: dict[str, int] = {
    # lower rank = preferred
    "newsarticle": 0,
    "reportagenewsarticle": 0,
    "analysisnewsarticle": 0,
    "opinionnewsarticle": 0,
    "backgroundnewsarticle": 0,
    "reviewnewsarticle": 0,
    "askpublicnewsarticle": 0,
    "article": 1,
    "blogposting": 1,
    "liveblogposting": 1,
    "techarticle": 2,
    "scholarlyarticle": 2,
    "report": 2,
    "socialmediaposting": 3,
    "discussionforumposting": 3,
    "review": 3,
    "recipe": 3,
    "howto": 3,
    "creativework": 4,
    "webpage": 5,
    "itempage": 5,
    "aboutpage": 5,
    "collectionpage": 6,
    "profilepage": 6,
}

_WRAPPERS = re.compile(r"^\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|<!\[CDATA\[)|(?:-->|/\*\s*\]\]>\s*\*/|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_JSON = json.JSONDecoder(strict=False)


def _loads(raw: str) -> list[Any]:
    """Every JSON value in ``raw``, repairing common breakage; [] when nothing can be read."""
    raw = _WRAPPERS.sub("", raw).strip().rstrip(";")
    if not raw:
        return []
    try:
        return [msgspec.json.decode(raw)]
    except msgspec.DecodeError:
        pass
    text = _TRAILING_COMMA.sub(r"\1", raw)
    values: list[Any] = []
    pos = 0
    while pos < len(text) and len(values) < 50:
        start = min((i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            value, end = _JSON.raw_decode(text, start)
        except (ValueError, RecursionError):
            pos = start + 1
            if values:  # a broken tail after good objects: keep what we have
                break
            continue
        values.append(value)
        pos = end
    return values


def parse_blocks(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """All typed JSON-LD nodes of the page, flattened (``@graph``, lists and nested objects)."""
    nodes: list[dict[str, Any]] = []
    # The selector picks what ``"ld+json" in type.lower()`` does (no non-ASCII character
    # lower-cases to one of its letters) without reading the attributes of every other script.
    for script in tree.css('script[type*="ld+json" i]'):
        for value in _loads(script.text(deep=True) or ""):
            nodes.extend(islice(_flatten(value, depth=0), MAX_NODES - len(nodes)))
        if len(nodes) >= MAX_NODES:
            break
    return nodes


def _flatten(value: Any, *, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value[:200]:
            yield from _flatten(item, depth=depth + 1)
        return
    if not isinstance(value, dict):
        return
    if "@type" in value:
        yield value
    graph = value.get("@graph")
    if graph is not None:
        yield from _flatten(graph, depth=depth + 1)
    for key in ("mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
        child = value.get(key)
        if isinstance(child, dict | list):
            yield from _flatten(child, depth=depth + 1)


def types_of(node: dict[str, Any]) -> list[str]:
    """The node's ``@type`` values, lowercased, without a ``schema:`` or URL prefix."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    out = []
    for value in values:
        if isinstance(value, str) and value:
            out.append(value.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower())
    return out


def article_rank(node: dict[str, Any]) -> int | None:
    """How article-like a node is (lower is better), or None if not an article type."""
    ranks = [ARTICLE_TYPES[t] for t in types_of(node) if t in ARTICLE_TYPES]
    return min(ranks) if ranks else None


def pick_article(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most article-like node: NewsArticle family, then Article/BlogPosting, then others.

    Ties go to the node with a headline, then to the first one.
    """
    best: tuple[int, int, int] | None = None
    chosen = None
    for index, node in enumerate(nodes):
        rank = article_rank(node)
        if rank is None:
            continue
        key = (rank, 0 if node.get("headline") or node.get("name") else 1, index)
        if best is None or key < best:
            best, chosen = key, node
    return chosen


def index_by_id(nodes: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Nodes by their ``@id``, to resolve references such as ``"author": {"@id": "#p1"}``."""
    return {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, the first of a list, or ``@value``/``name``."""
    if isinstance(value, list):
        for item in value:
            found = text_of(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return text_of(value.get("@value") or value.get("name"))
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def names_of(value: Any, ids: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Person or organisation names from an ``author``/``creator``/``publisher`` value."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            if ids and set(item) <= {"@id", "@type"} and item.get("@id") in ids:
                item = ids[item["@id"]]
            name = item.get("name")
            if isinstance(name, list):
                name = text_of(name)
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName') or ''} {item.get('familyName') or ''}"
            if isinstance(name, str) and name.strip():
                out.append(name.strip())
    return out


def urls_of(value: Any) -> list[str]:
    """URLs from an ``image``/``thumbnailUrl`` value: a string, an ImageObject or a list of them."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items[:20]:
        if isinstance(item, dict):
            item = item.get("url") or item.get("contentUrl") or item.get("@id")
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
    return out
