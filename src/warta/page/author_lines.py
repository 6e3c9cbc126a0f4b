"""Lines that only restate who wrote a story and when: "Mike Brown Published: 12:01 AM, 04/05/2015",
"JANE DOE | Staff Writer", "By Jane Doe and John Roe, Updated March 3".

Older pages print the byline and the time in one cell or one ``<div>`` inside the story, which the
block classifier often keeps. A page's metadata already names its authors, so such a line is
recognised by what is left once those names are taken out: nothing, byline words, a role, or a
date. Only short lines at the edges of a body are asked (see :func:`warta.page.text.repair_paragraphs`).
"""

from __future__ import annotations

import re
from typing import Final

from warta.page.chrome import is_date_line

MAX_WORDS: Final = 20
"""A line with more words than this is never an author line."""

_FILLER = re.compile(
    r"\b(?:by|oleh|and|dan|written|posted|published|updated|diperbarui|diterbitkan|reporter|"
    r"penulis|pewarta|editor|staff|writer|senior|correspondent|contributor|columnist|"
    r"reporting|wartawan|on|at|pada)\b|[,;|•·()&@]|(?<!\d)[:/\-–—]|[:/\-–—](?!\d)",
    re.I,
)


def is_author_line(text: str, authors: list[str]) -> bool:
    """Whether ``text`` holds one of ``authors`` and otherwise only byline words, a role or a date.

    >>> is_author_line("Mike Brown Published: 12:01 AM, 04/05/2015", ["Mike Brown"])
    True
    >>> is_author_line("Mike Brown, 45, was arrested on Monday.", ["Mike Brown"])
    False
    """
    if not authors or len(text.split()) > MAX_WORDS:
        return False
    rest = text.casefold()
    found = False
    for name in authors:
        key = name.casefold().strip()
        if len(key) >= 4 and key in rest:
            rest = rest.replace(key, " ")
            found = True
    if not found:
        return False
    rest = " ".join(_FILLER.sub(" ", rest).split())
    return not rest or is_date_line(rest)
