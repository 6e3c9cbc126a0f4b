"""Paragraphs a scraper joined into one line with commas: "… kata dia.,Sebelumnya, …",
"…," ujarnya.,,Baca juga: …", "… wajah.,#Growfearless with Fimela".

Some scrapers (the CLICK-ID corpus is one) save a page's paragraphs as one line, each paragraph
ending with a comma glued to the next one's first word. Read as one paragraph, such a text keeps
its inline "Baca juga" lines in the body and gives readers a wall of text. :func:`split_joined`
cuts such a line back into paragraphs.

A join is a comma (or several) glued to the next paragraph's first character, right after the
end of a sentence (".", "!", "?", "…" or a closing quote; a space between them too: "… tumbuh.
,Pada triwulan II …", where the paragraph ended with one) or a label's colon ("Baca juga:,",
whose linked title the scraper lost), and before a capital, a digit, an opening quote or
bracket, or a hashtag or handle. Prose puts a space after its commas ("S.H., M.H.", "dll., dan"), so a glued comma
there is a scraper's seam. Commas glued after a word with no sentence end ("Presiden Joko
Widodo,,Pangarep") are not cut: there the scraper emptied a link inside a sentence. Two more
seams: a glued comma before a byline's next label ("…,Sumber: Merdeka.com"), and the glued
comma that ends an inline related line's title before a quote. A line is only cut where it
shows at least :data:`MIN_JOINS` seams: one glued comma is a typo, not a joined page. No library does
this repair; it is a property of one kind of scraper output.
"""

from __future__ import annotations

import re
from typing import Final

MIN_JOINS: Final = 2
"""A line is cut only when it holds at least this many joins."""

MIN_LINE: Final = 200
"""Shorter lines are never cut (a headline, a caption)."""

MIN_MEDIAN_PART: Final = 60
"""The cut parts must read as paragraphs: their median length at least this many characters. A
quoted CSV row or a list of titles ('"Aceh","3.742.037","Sumatera Utara",…', "Dr.,Ir.,Prof.")
has seams too, between short items, and stays one line."""

# The seam: sentence end (or a label's colon, "Baca juga:,") + glued comma(s), before the next
# paragraph's first character. A single glued comma
# before "Baca" is the join of an inline related-article line ("… tersebut,Baca juga: …").
_JOIN: Final = re.compile(
    r"(?:(?<=[.!?…:\"”’])|(?<=[.!?…\"”’]\)))(?: (?=,))?,+(?=[\"“‘(\[]?[A-Z0-9]|[#@]\w)"
    r"|(?<=\w),(?=Baca [Jj]uga|BACA JUGA)"
    # a byline's next label: "Reporter: Anggun P. Situmorang,Sumber: Merdeka.com"
    r"|(?<=\w),(?=(?:Sumber|Editor|Penulis|Reporter|Pewarta|Redaktur|Foto|Video) ?:)"
)
# An inline related line whose linked title runs straight into the next paragraph: "Baca Juga:
# Musim 2019-2020 … di Madrid,"Semua bisa main …," ucapnya." (a title holds no glued comma
# before a quote).
_RELATED_OPEN: Final = re.compile(r"(?:Baca|Simak|Lihat) [Jj]uga|BACA JUGA")
_QUOTE_AFTER_TITLE: Final = re.compile(r"(?<=[\w)]),(?=[\"“][A-Z])")
# What a cut paragraph may still start or end with: the commas of an emptied link or a second
# seam, the spaces around them.
_EDGE: Final = re.compile(r"^[,\s]+|[,\s]+$")


def split_joined(line: str) -> list[str]:
    """``line`` cut at its comma seams into paragraphs, or ``[line]`` when it is not a joined
    page (short, or fewer than :data:`MIN_JOINS` seams)."""
    if len(line) < MIN_LINE or line.count(",") < MIN_JOINS:
        return [line]
    cuts = [m.span() for m in _JOIN.finditer(line)]
    if len(cuts) < MIN_JOINS:
        return [line]
    parts: list[str] = []
    at = 0
    for start, end in cuts:
        parts.append(line[at:start])
        at = end
    parts.append(line[at:])
    out: list[str] = []
    for part in parts:
        if _RELATED_OPEN.match(part) and (seam := _QUOTE_AFTER_TITLE.search(part)):
            out += [part[: seam.start()], part[seam.end() :]]
        else:
            out.append(part)
    kept = [p for p in (_EDGE.sub("", part) for part in out) if p]
    lengths = sorted(len(p) for p in kept)
    if lengths[len(lengths) // 2] < MIN_MEDIAN_PART:
        return [line]
    return kept
