"""Indonesian news conventions read off a body: dateline, credit, initials, desk code, bylines.

A dateline (``JAKARTA, KOMPAS.com -``) or a closing tag (``(jpc)``) inside a paragraph stays in the
text as printed and is given as a field too. A paragraph that is *only* a byline (``Editor: Rina``),
initials (``(fyk/ash)``), a credit or a desk code (``(H-4)``) leaves the body. Only the first and
last few paragraphs are looked at, so the cost does not grow with the length of the body.
"""

from __future__ import annotations

import msgspec

from warta.article import Byline, Paragraph
from warta.lang.id.bylines import read_bylines
from warta.lang.id.credits import Tag, closing_tag, is_tag_only
from warta.lang.id.datelines import read_dateline

HEAD = 3
"""How many leading paragraphs may hold a dateline or a byline."""

TAIL = 8
"""How many closing paragraphs may hold bylines and a closing tag."""


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


def is_convention_line(text: str) -> bool:
    """Whether a line is only a byline, a closing tag (credit, initials) or a desk code."""
    return is_tag_only(text) or bool(read_bylines(text))


def read_conventions(paragraphs: list[Paragraph]) -> Conventions:
    """Find datelines, credits, initials, desk codes and bylines in a body.

    Byline-only and tag-only paragraphs among the first :data:`HEAD` and last :data:`TAIL`
    are removed from the returned paragraphs and listed in ``removed``.
    """
    n = len(paragraphs)
    edge = [i for i in range(n) if i < HEAD or i >= n - TAIL]
    drop: set[int] = set()
    bylines: list[Byline] = []
    tags: list[Tag] = []
    for i in edge:
        para = paragraphs[i]
        if para.kind in ("code", "table"):
            continue
        found = read_bylines(para.text)
        if found:
            bylines.extend(found)
            drop.add(i)
        elif i >= n - TAIL and is_tag_only(para.text):
            tag = closing_tag(para.text)
            if tag:
                tags.append(tag)
            drop.add(i)
    body = [p for i, p in enumerate(paragraphs) if i not in drop]
    conv = Conventions(
        paragraphs=body,
        bylines=bylines,
        removed=[paragraphs[i].text for i in sorted(drop)],
    )
    for para in body[:HEAD]:
        if para.kind in ("paragraph", "quote"):
            conv.dateline = read_dateline(para.text)
            if conv.dateline or len(para.text) > 80:
                break
    # The closing tag of the last body paragraphs, then any tag-only line after them.
    for para in reversed(body[-2:]):
        tag = closing_tag(para.text)
        if tag:
            tags.insert(0, tag)
            break
    for tag in tags:
        conv.credit = conv.credit or tag.credit
        conv.credit_outlet = conv.credit_outlet or tag.credit_outlet
        conv.editor_initials = conv.editor_initials or tag.editor_initials
        conv.desk_code = conv.desk_code or tag.desk_code
    return conv
