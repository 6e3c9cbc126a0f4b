"""Which blocks of a page are the article. TEMPORARY minimal version; owned by the content work."""

from __future__ import annotations

import msgspec
from selectolax.lexbor import LexborHTMLParser

from warta.article import Paragraph, RelatedLink


class Body(msgspec.Struct, kw_only=True):
    """The article body found in a page, with related links taken out of it."""

    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    related_links: list[RelatedLink] = msgspec.field(default_factory=list)
    warnings: list[str] = msgspec.field(default_factory=list)


def extract_body(tree: LexborHTMLParser) -> Body:
    """Find the main content of a parsed page."""
    paras = [Paragraph(t) for n in tree.css("p") if (t := n.text(strip=True))]
    return Body(paragraphs=paras)
