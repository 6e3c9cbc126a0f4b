"""Finding quoted passages: the text's paragraphs (and the "Baca juga" links left out of
them), sentence ends, the pairing of quote marks into :class:`_Span` s, and how a passage sits
in its text: whether it opens a sentence, follows the previous quote, or is a title or a term in
marks rather than someone's words."""

from __future__ import annotations

import re
from bisect import bisect_right

from warta.enrich.speakers import glue_points
from warta.enrich.speakers.names import _OPENERS

_OPEN = "“"
_CLOSE = "”"
_QUOTE_MARKS = re.compile('["“”]')
# Paragraph ends: blank lines, and a comma glued after a sentence end, which is how some scrapers
# joined paragraphs ("….,Next paragraph", "…",Next"; "Baca juga:,,Next": a link whose title
# was cut out).
# Text a scraper glued together also starts a paragraph: "….Baca juga", "(11/9/2019).Baca juga",
# "…Marino\"Tapi …".
_BOUNDARY = re.compile(
    r"\n\s*|[.!?\"”:],+ ?(?=[^\s\d,])(?![\"”]\s+[a-z])"
    r"|(?<=[a-z)])(?P<stop>[.!?])(?=[A-Z])|(?<=[a-z\d\])])(?P<mark>[\"“])(?=[A-Z])"
)
# (not the dot of a title or an initial before a name: "Dr. Anung Sugihantono", "J. K Rowling")
_TITLE_DOT = "|".join(
    rf"(?<=(?<![\w.]){t}\.)" for t in ("[A-Z]", "Dr", "Prof", "Ir", "Hj", "Jr", "Sr")
)
_SENTENCE_END = re.compile(
    rf"[!?](?=\s|$|[\"“”A-Z,])|\.(?=\s|$|[\"“”A-Z,])"
    rf"(?!(?:{_TITLE_DOT})[ \t\xa0]+(?!{_OPENERS})[A-Z])|\n"
)
# A paragraph that only links to another article: "Baca juga: …", "Simak Video …".
_LINK = re.compile(r"\s*(?:Baca|BACA|Simak|Lihat|Tonton)(?:\s+(?:[Jj]uga|JUGA|[Vv]ideo))?\s*:")
# A word or two in straight marks, inside a quote.
_NESTED = re.compile(r'"\w[^"\n,.;!?]{0,28}"(?=[ \t\xa0]+[\w(])')
# The end of a link's title glued to a sentence (no letter before it: see ``glue_points``):
# "… 2021?Ajang ini", "… Cabor PON 2020Bahkan, …" (a whole number, not the digits of a model's
# name inside the title: "Galaxy S10Plus Dirilis").
_TITLE_END_GLUED = re.compile(r"(?:[?!]|(?<=[\d)])\.|(?<![\w.,])\d+)(?=[A-Z][a-z])")
# A quote mark glued to the word or the stop before it, opening a capitalised word.
_QUOTE_GLUED = re.compile(r"(?<=[\w.!?])[\"“](?=[A-Z][a-z])")


class _Span:
    """A quoted passage: the marks' positions and its segment."""

    __slots__ = ("open", "close", "start", "end", "segment")

    def __init__(self, open_at: int, close_at: int, start: int, end: int, segment: int) -> None:
        self.open = open_at
        self.close = close_at
        self.start = start
        self.end = end
        self.segment = segment


def _segments(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(paragraphs, links): the text's paragraphs, and the "Baca juga: …" lines among them,
    which are left out of the paragraphs. A link glued to the next paragraph ends where a
    lower-case letter meets a capital ("… di MisanoSituasi Lorenzo …")."""
    spans: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []
    at = 0

    def add(lo: int, hi: int) -> None:
        if hi <= lo:
            return
        if _LINK.match(text, lo, hi):
            glued = glue_points(text, lo + 12, hi)
            cut = glued[0] if glued else hi
            # a title that ends in a question, or a number, glued to the next sentence:
            # "… Kualifikasi FIBA Asia 2021?Ajang ini …"
            stop = _TITLE_END_GLUED.search(text, lo + 12, cut)
            cut = stop.end() if stop else cut
            # a quote glued to the link's title: "… Menuju Kualifikasi FIBA Asia 2021?"Tetapi"
            quote = _QUOTE_GLUED.search(text, lo + 12, cut)
            cut = quote.start() if quote else cut
            links.append((lo, cut))
            lo = cut
        if hi > lo:
            spans.append((lo, hi))

    for match in _BOUNDARY.finditer(text):
        if match.group("stop"):
            cut = next_at = match.end()
        elif match.group("mark"):
            cut = next_at = match.start("mark")
        else:
            cut = match.start() if text[match.start()] == "\n" else match.start() + 1
            next_at = match.end()
        add(at, cut)
        at = next_at
    add(at, len(text))
    return spans, links


def _looks_closing(text: str, at: int) -> bool:
    """A straight mark right after a comma or stop and before a lower-case cue closes a quote."""
    return text[at - 1 : at] in (",", ".", "!", "?") and bool(
        re.match(r"\s*[a-z]", text[at + 1 : at + 4])
    )


def _quoted(text: str, segments: list[tuple[int, int]]) -> list[_Span]:
    """Pair the quote marks of each segment; an unclosed quote runs to the segment's end and a
    lone closing mark closes a quote that began at the segment's start."""
    spans: list[_Span] = []
    for index, (lo, hi) in enumerate(segments):
        opened: int | None = None
        nested = -1  # the closing mark of a word quoted inside a quote
        for match in _QUOTE_MARKS.finditer(text, lo, hi):
            at = match.start()
            mark = match.group()
            if at <= nested:
                continue
            if opened is not None and mark == '"' and text[at - 1 : at].isspace():
                inner = _NESTED.match(text, at, hi)
                if inner:
                    # '"Saya biasanya pakai tabung "melon" 3 KG, …," ujar Suyanto': a word in
                    # marks inside the quote, opened after a space, goes on after a space
                    nested = inner.end() - 1
                    continue
                close = text.find('"', at + 1, hi)
                if (
                    text[at - 2 : at - 1] in (",", ":")
                    and text[at + 1 : at + 2].isalnum()
                    and close > 0
                    and _looks_closing(text, close)
                ):
                    # '"… bertanya-tanya seperti, "kapan semua ini cukup?" ucap Kourtney': a
                    # quote inside the quote, whose closing mark closes both
                    nested = close - 1
                    continue
            if opened is None:
                if mark == _CLOSE or (mark == '"' and _looks_closing(text, at)):
                    if at - lo > 30 and not spans or (spans and spans[-1].close < lo):
                        spans.append(_Span(lo - 1, at, lo, at, index))
                    continue
                opened = at
            else:
                if mark == _OPEN and text[opened] == _OPEN:
                    opened = at  # a lost closing mark: start again here
                    continue
                spans.append(_Span(opened, at, opened + 1, at, index))
                opened = None
        if opened is not None and hi - opened > 20 and text[opened + 1 : opened + 2] not in ".,":
            # (not '… menayangkan ",". Drama itu …': a mark before a stop opens nothing; the
            # title between the marks was cut out)
            spans.append(_Span(opened, hi, opened + 1, hi, index))
    for span in spans:
        while span.end > span.start and text[span.end - 1] in " ,":
            span.end -= 1
        # a scraper's dropped link leaves '" , yang baru …"' or '",. Bagaimana …"': the words
        # start after it (an ellipsis, '"... Ah mungkin"', stays: it is the speaker's)
        while span.start < span.end and (
            text[span.start] in " ,;\xa0\t"
            or (text[span.start] == "." and text[span.start + 1 : span.start + 2] != ".")
        ):
            span.start += 1
    return [s for s in spans if s.end - s.start >= 2]


_LOWER_AFTER_CLOSE = re.compile(r"[ \t\xa0,]*[a-z]")


def _after_cue_clause(text: str, position: int) -> int:
    """Where the sentence that a quote closing at ``position`` ends in gives way to the next:
    after '"…," kata Menpora di kediamannya, Kompleks Menteri, Widya Candra, Jakarta.' the
    names in the cue's own clause (places, whom it was said to) are no new speaker."""
    if not _LOWER_AFTER_CLOSE.match(text, position):
        return position
    end = _SENTENCE_END.search(text, position)
    return end.end() if end else position


def _within_ranges(ranges: list[tuple[int, int]], position: int) -> bool:
    """True when ``position`` is inside one of the sorted, disjoint ``ranges``."""
    at = bisect_right(ranges, (position, 1 << 62)) - 1
    return at >= 0 and ranges[at][0] <= position < ranges[at][1]


def _follows(text: str, previous: _Span, span: _Span, segments: list[tuple[int, int]]) -> bool:
    """True when ``span`` opens its segment (or a sentence) and follows ``previous`` closely: in
    the next segment, or in the same one after the previous quote's cue."""
    if span.segment - previous.segment > 1:
        return False
    if not _opens_sentence(text, span, segments):
        return False
    gap = text[previous.close + 1 : span.open]
    return (
        len(gap) < 200
        or span.segment == previous.segment + 1
        and span.open == segments[span.segment][0]
    )


def _opens_sentence(text: str, span: _Span, segments: list[tuple[int, int]]) -> bool:
    lo = segments[span.segment][0]
    before = text[lo : max(lo, span.open)].rstrip()
    return not before or before[-1] in '.!?:"”' or before.endswith(("Baca juga", "Baca Juga"))


# Words that define the term before them: '"opsi pamungkas" berarti …'.
_DEFINING = frozenset(
    "berarti artinya bermakna adalah ialah merupakan yakni yaitu means meaning is".split()
)
# A lower-case word right after a closing mark, inside the sentence.
_WORD_AFTER = re.compile(r"[ \t\xa0]+(?P<word>[a-z]+)\b")


def _is_title(text: str, span: _Span) -> bool:
    """True for a title in marks: a few capitalised words, no comma or stop ('"Hotel Del Luna"
    sendiri …'), not a short sentence said ('"Ayo Pulang," ajak …' closes with a comma)."""
    passage = text[span.start : span.end]
    words = passage.split()
    return (
        1 < len(words) <= 6
        and not any(c in passage for c in ".,!?")
        and text[span.close + 1 : span.close + 2] != ","
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
    )


def _is_term(text: str, span: _Span) -> bool:
    """True for a quoted term that the sentence goes on to define: at most three words, no
    stop or comma, and a word of meaning right after it ('menjelaskan "opsi pamungkas" berarti
    perang'), unlike a one-word answer ('Dia mengatakan "rumit" ketika ditanya …')."""
    passage = text[span.start : span.end]
    if len(passage.split()) > 3 or any(c in passage for c in ".,!?"):
        return False
    after = _WORD_AFTER.match(text, span.close + 1, span.close + 30)
    return after is not None and after.group("word") in _DEFINING
