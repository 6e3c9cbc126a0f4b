"""Page metadata. TEMPORARY minimal version; owned by the decode/metadata work."""

from __future__ import annotations

import msgspec
from selectolax.lexbor import LexborHTMLParser

from warta.article import DateValue


class Metadata(msgspec.Struct, kw_only=True):
    """Metadata read from the page's head, JSON-LD, and URL."""

    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    authors: list[str] = msgspec.field(default_factory=list)
    published: DateValue | None = None
    modified: DateValue | None = None
    language: str | None = None
    description: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    image: str | None = None


def extract_metadata(tree: LexborHTMLParser, url: str | None = None) -> Metadata:
    """Read the metadata of a parsed page."""
    node = tree.css_first("title")
    return Metadata(title=node.text(strip=True) if node else None, url=url)
