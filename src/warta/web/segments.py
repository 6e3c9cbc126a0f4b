"""The article body as marked-up pieces: the dateline, the credit tag and the quotes are shown as
such. Pure functions over text: the template renders each piece escaped, in a tagged ``<span>``,
so no article text is ever trusted as HTML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["text", "dateline", "credit", "quote"]


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph; ``note`` is the speaker of a quote."""

    kind: Kind
    text: str
    note: str | None = None


def body_segments(
    paragraphs: Sequence[str],
    *,
    quotes: Sequence[dict[str, Any]] = (),
    dateline: str | None = None,
    credit: str | None = None,
) -> list[list[Segment]]:
    """Each paragraph as segments. Quote spans are offsets in the paragraphs joined by a blank
    line (:attr:`warta.article.Article.text`); a dateline opening the first paragraph and a
    ``(credit)`` tag in the last one are marked where found as printed."""
    marks: list[tuple[int, int, Kind, str | None]] = []
    offsets: list[int] = []
    pos = 0
    for p in paragraphs:
        offsets.append(pos)
        pos += len(p) + 2
    for q in quotes:
        start, end = q.get("start"), q.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= pos:
            marks.append((start, end, "quote", q.get("speaker")))
    if paragraphs and dateline:
        first = paragraphs[0]
        if first.startswith(dateline):
            marks.append((0, len(dateline), "dateline", None))
    if paragraphs and credit:
        last = len(paragraphs) - 1
        tag = f"({credit})"
        at = paragraphs[last].rfind(tag)
        if at >= 0:
            marks.append((offsets[last] + at, offsets[last] + at + len(tag), "credit", None))
    # Overlapping marks: the earlier one wins (a quote never swallows a dateline or credit).
    marks.sort(key=lambda m: (m[0], -m[1]))
    kept: list[tuple[int, int, Kind, str | None]] = []
    for m in marks:
        if not kept or m[0] >= kept[-1][1]:
            kept.append(m)
    result: list[list[Segment]] = []
    for p, base in zip(paragraphs, offsets, strict=True):
        segs: list[Segment] = []
        cursor = 0
        for start, end, kind, note in kept:
            s, e = max(start - base, 0), min(end - base, len(p))
            if e <= 0 or s >= len(p) or s >= e:
                continue
            if s > cursor:
                segs.append(Segment("text", p[cursor:s]))
            segs.append(Segment(kind, p[max(s, cursor) : e], note))
            cursor = e
        if cursor < len(p):
            segs.append(Segment("text", p[cursor:]))
        result.append(segs)
    return result
