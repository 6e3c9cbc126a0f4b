"""Inline related-article lines: "Baca Juga: <title>", "BACA JUGA:", "Read also - <title>".

A related line is a label from ``assets/related_prefixes.txt`` followed by a separator and a
headline, or a label alone on its line with the headline on the next line. Label spelling, case,
spacing and separators vary: "Baca Juga :  X", "BACA JUGA: X", "baca juga » X", "[Baca juga: X]".
"""

from __future__ import annotations

import re
from functools import cache

from warta.page.phrases import phrase_lines

MAX_TITLE_WORDS = 30
"""A headline taken from a related line has at most this many words."""

_SEP = r"\s{0,3}(?::|-{1,2}|–|—|»|›|>|\|)\s{0,3}"
# Labels that may run into their headline without a separator: "Baca juga Judul Berita".
_BARE_OK = (
    "baca juga",
    "simak juga",
    "lihat juga",
    "baca pula",
    "read also",
    "also read",
    "berita terkait",
)
# Labels that introduce a list of headlines when they stand alone.
_LIST_LABELS = (
    "terkait",
    "berita terkait",
    "artikel terkait",
    "baca berita terkait",
    "baca artikel terkait",
    "related",
    "related article",
    "related story",
    "related news",
    "recommended",
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    labels = sorted(phrase_lines("related_prefixes.txt"), key=len, reverse=True)
    alt = "|".join(r"\s{1,3}".join(map(re.escape, label.split())) for label in labels)
    bare = "|".join(r"\s{1,3}".join(map(re.escape, label.split())) for label in _BARE_OK)
    open_ = r"^[\[(\s*•►▶»>\-–]{0,3}"
    close = r"[\])\s]{0,2}$"
    with_sep = re.compile(rf"{open_}(?:{alt}){_SEP}(?P<title>\S.{{1,300}}?){close}", re.I)
    without_sep = re.compile(
        rf"{open_}(?:{bare})\s{{1,3}}(?P<title>(?-i:[A-Z0-9\"“'‘]).{{1,300}}?){close}", re.I
    )
    alone = re.compile(rf"{open_}(?P<label>{alt})(?:{_SEP})?{close}", re.I)
    return with_sep, without_sep, alone


def _is_headline(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= MAX_TITLE_WORDS and len(text) <= 300


def related_title(line: str) -> str | None:
    """The headline of a one-line related link ("Baca juga: X" → "X"), or None."""
    text = line.strip()
    if len(text) > 340:
        return None
    with_sep, without_sep, _ = _patterns()
    match = with_sep.match(text)
    if match:
        title = match.group("title").strip(' "“”')
        if _is_headline(title) and not _ends_like_sentence_chain(title):
            return title
    match = without_sep.match(text)
    if match:
        title = match.group("title").strip(' "“”')
        if is_headline_like(title):
            return title
    return None


def related_label(line: str) -> str | None:
    """The label when a line is only a related-link label ("BACA JUGA:", "Berita Terkait"),
    lower-cased with spacing collapsed; else None."""
    text = line.strip()
    if len(text) > 40:
        return None
    match = _patterns()[2].match(text)
    return " ".join(match.group("label").lower().split()) if match else None


def is_list_label(label: str) -> bool:
    """Whether a lone label introduces a list of headlines rather than a single one."""
    return label in _LIST_LABELS


def is_headline_like(text: str) -> bool:
    """Whether a line reads like a headline: a few words, no sentence chain, no final full stop."""
    words = text.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or len(text) > 250:
        return False
    return not text.rstrip("\"”’')] ").endswith(
        (".", ":", ";", ",")
    ) and not _ends_like_sentence_chain(text)


def _ends_like_sentence_chain(text: str) -> bool:
    """Two or more full sentences: body text, not a headline."""
    return len(re.findall(r"[.!?][\"”’')]?\s+[A-Z“\"]", text)) >= 2
