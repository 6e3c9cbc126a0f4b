"""Labels of the sections a page prints after its article: "Recent Posts", "About the Author".

The labels are the lines of ``assets/end_sections.txt`` (English and Indonesian). A block is one
when it is short and its words, lower-cased, are a label or start with one, a whole word at a
time ("More from The Harbour Times" is, "Mostly read at night" is not). Used by
:func:`warta.page.content._cut_end_section`.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from warta.page.html import Block
from warta.page.phrases import phrase_lines

END_LABEL_WORDS: Final = 8
"""A block of at most this many words may be an end-section label."""

_LABEL_PREFIX_WORDS: Final = 4
"""The longest label has this many words: a block's first words up to this many are looked up."""

_WORD: Final = re.compile(r"\w+")

_AUTHOR_LABELS: Final = frozenset(
    {"about the author", "about the authors", "about the reviewer", "author bio", "tentang penulis"}
)
"""The labels of an author's box: what follows them is never the article, links or not."""


@functools.cache
def end_labels() -> frozenset[str]:
    """The end-section labels, lower-cased, their words joined by single spaces."""
    return frozenset(
        " ".join(_WORD.findall(line.lower())) for line in phrase_lines("end_sections.txt")
    )


def is_end_label(block: Block) -> bool:
    """Whether ``block`` is a short block whose words are an end-section label or start with one."""
    return _label_of(block, end_labels()) is not None


def is_author_label(block: Block) -> bool:
    """Whether ``block`` is a short block opening an author's box ("About the Author" …)."""
    return _label_of(block, _AUTHOR_LABELS) is not None


def _label_of(block: Block, labels: frozenset[str]) -> str | None:
    """The label among ``labels`` that ``block``'s words are or start with, if it is short."""
    if block.words > END_LABEL_WORDS:
        return None
    words = _WORD.findall(block.text.lower())
    for n in range(1, min(len(words), _LABEL_PREFIX_WORDS) + 1):
        label = " ".join(words[:n])
        if label in labels:
            return label
    return None
