"""Repair of already-extracted text. TEMPORARY minimal version; owned by the text-repair work."""

from __future__ import annotations

import msgspec

from warta.article import Paragraph, RelatedLink


class Repaired(msgspec.Struct, kw_only=True):
    """The result of repairing text: title, clean body, related links, what was removed."""

    title: str | None = None
    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    related_links: list[RelatedLink] = msgspec.field(default_factory=list)
    removed: list[str] = msgspec.field(default_factory=list)
    warnings: list[str] = msgspec.field(default_factory=list)


def repair_text(text: str) -> Repaired:
    """Repair text that a scraper already extracted: find the title, drop chrome, collapse repeats."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return Repaired(title=lines[0] if lines else None, paragraphs=[Paragraph(x) for x in lines[1:]])


def repair_paragraphs(paragraphs: list[Paragraph], title: str | None = None) -> Repaired:
    """The same repair, run on paragraphs that came out of HTML extraction."""
    return Repaired(title=title, paragraphs=list(paragraphs))
