"""Indonesian news conventions. TEMPORARY minimal version; owned by the conventions work."""

from __future__ import annotations

import msgspec

from warta.article import Byline, Paragraph


class Conventions(msgspec.Struct, kw_only=True):
    """Fields read from a body's conventions, and the body without byline-only lines."""

    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    dateline: str | None = None
    credit: str | None = None
    credit_outlet: str | None = None
    editor_initials: str | None = None
    desk_code: str | None = None
    bylines: list[Byline] = msgspec.field(default_factory=list)
    removed: list[str] = msgspec.field(default_factory=list)


def read_conventions(paragraphs: list[Paragraph]) -> Conventions:
    """Find datelines, credits, initials, desk codes and bylines in a body."""
    return Conventions(paragraphs=list(paragraphs))
