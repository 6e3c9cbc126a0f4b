"""When a page was published and last modified, and where each date was read: JSON-LD, ``<meta>``
(``article:published_time``, ``pubdate``, ``dc.date``, ``parsely-pub-date``, ``sailthru.date``...),
``<time datetime>`` and ``itemprop``, a date in the URL, a date in a date-like element's text."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta.article import DateOrigin, DateValue
from warta.page import jsonld
from warta.page.dates import date_from_url, find_date_in_text, parse_date

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "date",
    "citation_publication_date",
    "citation_date",
    "og:pubdate",
    "article.published",
    "originalpublicationdate",
    "datecreated",
    "content_publish_date",
    "release_date",
    "pdate",
    "ptime",
    "displaydate",
    "cxenseparse:recs:publishtime",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "sailthru.lastmodified",
)
_DATE_ELEMENTS = (
    "[class*=date i]",
    "[class*=publish i]",
    "[class*=time i]",
    "[id*=date i]",
    "time",
)


def _date_from_nodes(
    nodes: list[dict[str, Any]], article: dict[str, Any], keys: tuple[str, ...]
) -> str | None:
    for node in [article, *nodes]:
        for key in keys:
            value = parse_date(jsonld.text_of(node.get(key)))
            if value:
                return value
    return None


def _date_from_meta(metas: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for value in metas.get(key) or ():
            parsed = parse_date(value)
            if parsed:
                return parsed
    return None


def _node_date(node: LexborNode) -> str | None:
    attrs = node.attributes
    for key in ("datetime", "content", "data-datetime", "data-date", "title"):
        parsed = parse_date(attrs.get(key))
        if parsed:
            return parsed
    text = node.text(deep=True, separator=" ")
    return parse_date(text) if text and len(text) < 200 else None


def _date_from_elements(tree: LexborHTMLParser, itemprop: str, *, any_time: bool) -> str | None:
    for node in tree.css(f"[itemprop={itemprop}]")[:5]:
        found = _node_date(node)
        if found:
            return found
    if not any_time:
        return None
    for selector in ("time[pubdate]", "time[datetime]"):
        for node in tree.css(selector)[:5]:
            found = _node_date(node)
            if found:
                return found
    return None


def _date_from_text(tree: LexborHTMLParser) -> str | None:
    """A date printed in a date-like element, else near the headline: in the elements after the
    ``<h1>``, then in its ancestors up to :data:`_NEAR_HEADLINE` characters of text."""
    for selector in _DATE_ELEMENTS:
        for node in tree.css(selector)[:10]:
            text = node.text(deep=True, separator=" ")
            if text and len(text) < 200:
                found = find_date_in_text(text)
                if found:
                    return found
    headline: LexborNode | None = tree.css_first("h1")
    sibling = headline.next if headline is not None else None
    seen = 0
    while sibling is not None and seen < 4:
        if sibling.tag not in ("-text", "_text", "-comment", "_comment"):
            seen += 1
            text = sibling.text(deep=True, separator=" ")
            if text and len(text) < 300:
                found = find_date_in_text(text)
                if found:
                    return found
        sibling = sibling.next
    ancestor = headline
    for _ in range(4):
        if ancestor is None or ancestor.parent is None:
            break
        ancestor = ancestor.parent
        text = ancestor.text(deep=True, separator=" ")
        if len(text) > _NEAR_HEADLINE:
            break
        found = find_date_in_text(text)
        if found:
            return found
    return None


_NEAR_HEADLINE = 1500


def published_date(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    nodes: list[dict[str, Any]],
    article: dict[str, Any],
    url: str | None,
    canonical: str | None,
) -> DateValue | None:
    steps: tuple[tuple[DateOrigin, Any], ...] = (
        ("json-ld", lambda: _date_from_nodes(nodes, article, ("datePublished", "dateCreated"))),
        ("meta", lambda: _date_from_meta(metas, _PUBLISHED_META)),
        ("time", lambda: _date_from_elements(tree, "datePublished", any_time=True)),
        ("url", lambda: date_from_url(url) or date_from_url(canonical)),
        ("text", lambda: _date_from_text(tree)),
    )
    for origin, step in steps:
        value = step()
        if value:
            return DateValue(value=value, origin=origin)
    return None


def modified_date(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    nodes: list[dict[str, Any]],
    article: dict[str, Any],
) -> DateValue | None:
    value = _date_from_nodes(nodes, article, ("dateModified",))
    if value:
        return DateValue(value=value, origin="json-ld")
    value = _date_from_meta(metas, _MODIFIED_META)
    if value:
        return DateValue(value=value, origin="meta")
    value = _date_from_elements(tree, "dateModified", any_time=False)
    return DateValue(value=value, origin="time") if value else None
