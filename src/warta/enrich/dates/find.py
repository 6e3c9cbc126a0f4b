"""Where date expressions are in a text and which to keep: small windows around anchors, every
rule run inside them, the longest non-overlapping mentions; the package's three entry points."""

from __future__ import annotations

import re
from datetime import date, datetime

from warta.article import DateMention, DateValue
from warta.enrich.dates.patterns import (
    ID_MONTHS,
    TIME_ALONE,
    TIME_OF_DAY,
    TIME_ZONED,
    WEEKDAY_NAMES,
)
from warta.enrich.dates.resolvers import RULES


def _as_page_date(page_date: date | datetime | str | None) -> date | datetime | None:
    if isinstance(page_date, str):
        try:
            return (
                datetime.fromisoformat(page_date)
                if "T" in page_date
                else date.fromisoformat(page_date[:10])
            )
        except ValueError:
            return None
    return page_date


# Words that end a relative expression ("Selasa lalu", "2 jam yang lalu", "pekan depan") and
# words that begin one ("kemarin sore", "tadi malam", "last week", "on Monday").
_ENDING_KEYWORDS = ("lalu", "silam", "ago", "depan", "mendatang", "hari ini", "bulan ini",
                    "tahun ini", "this month", "this year", "pagi ini", "siang ini", "sore ini",
                    "petang ini", "malam ini")  # fmt: skip
_STARTING_KEYWORDS = ("kemarin", "tadi", "semalam", "esok", "lusa", "akhir pekan", "akhir minggu", "yesterday", "today",
                      "tomorrow", "tonight", "last ", "next ", "monday", "tuesday", "wednesday",
                      "thursday", "friday", "saturday", "sunday")  # fmt: skip
_BARE_WEEKDAYS = tuple(f", {name}" for name in WEEKDAY_NAMES)
_ID_WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad")
_DIGITS = re.compile(r"[0-9]{1,4}")


def _find_all(low: str, keys: tuple[str, ...]) -> list[int]:
    found: list[int] = []
    for key in keys:
        at = low.find(key)
        while at >= 0:
            found.append(at)
            at = low.find(key, at + 1)
    return found


def _windows(text: str) -> list[tuple[int, int]]:
    """Small spans of ``text`` where a date expression may be, merged, in text order.

    Running every pattern over the whole text costs milliseconds on a long article; the patterns
    run only around anchors instead: keywords, and numbers placed like dates.
    """
    low = text.lower()
    size = len(text)
    spans = [(at - 36, at + 12) for at in _find_all(low, _ENDING_KEYWORDS)]
    spans += [(at - 12, at + 28) for at in _find_all(low, _STARTING_KEYWORDS)]
    if ", " in low:
        spans += [(at, at + 24) for at in _find_all(low, _BARE_WEEKDAYS)]
    if low.startswith(tuple(WEEKDAY_NAMES)):
        spans.append((0, 24))
    spans += [(at - 14, at + 20) for at in _find_all(low, _ID_WEEKDAYS)]
    for month in ID_MONTHS:  # capitalised: "Agustus lalu", "sejak Februari"
        at = text.find(month)
        while at >= 0:
            spans.append((at - 13, at + len(month) + 12))
            at = text.find(month, at + 1)
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        after = text[end : end + 2]
        before = text[start - 2 : start] if start >= 2 else ""
        if (
            (after[:1] in ("/", "-") and after[1:].isdigit())
            or (after[:1] == " " and after[1:].isalpha())
            or (before[-1:] in (" ", ".") and before[:1].isalpha())
        ):
            spans.append((start - 32, end + 60))
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        lo, hi = max(0, lo), min(size, hi)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _mentions(text: str, page: date | datetime | None) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, int, str]] = []
    seen: set[tuple[int, int, int]] = set()
    for lo, hi in _windows(text):
        for rank, (pattern, resolve) in enumerate(RULES):
            for match in pattern.finditer(text, lo, hi):
                start, end = match.span()
                if "core" in pattern.groupindex:
                    start = match.start("core")  # "pada Agustus": the month is the mention
                if (start, end, rank) in seen:
                    continue
                seen.add((start, end, rank))
                value = resolve(match, page)
                if value is not None:
                    while end > start and text[end - 1] in " ,|":
                        end -= 1
                    found.append((start, -(end - start), rank, value))
    kept: list[tuple[int, int, str]] = []
    for start, neg_len, _rank, value in sorted(found, key=lambda f: (f[1], f[2], f[0])):
        end = start - neg_len
        if not any(s < end and start < e for s, e, _ in kept):
            kept.append((start, end, value))
    kept.sort()
    return _times_on_their_day(text, kept)


def _is_time_alone(text: str, start: int, end: int) -> bool:
    return any(p.fullmatch(text, start, end) for p in (TIME_ALONE, TIME_ZONED, TIME_OF_DAY))


def _times_on_their_day(text: str, kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A lone time ("pukul 17.00 WIB") takes the day of the date named before it in the same
    sentence: "pada Rabu (18/9/2019), sekitar pukul 17.00 WIB" is the 18th."""
    for i, (start, end, value) in enumerate(kept):
        if i == 0 or "T" not in value or not _is_time_alone(text, start, end):
            continue
        _lo, before_end, before = kept[i - 1]
        between = text[before_end:start]
        if len(before) >= 10 and len(between) < 60 and not re.search(r"[.!?;\n]", between):
            kept[i] = (start, end, before[:10] + value[10:])
    return kept


def find_dates(text: str, page_date: date | datetime | str | None) -> list[DateMention]:
    """Every date expression in ``text`` with its ISO value, resolved against ``page_date``.

    Without a page date only self-contained dates (with their year) resolve. Mentions come in text
    order and never overlap; an expression that cannot be placed is left out.
    """
    page = _as_page_date(page_date)
    return [DateMention(text=text[s:e], value=v) for s, e, v in _mentions(text, page)]


def parse_date_expression(expr: str, page_date: date | datetime | str | None) -> str | None:
    """The ISO value of one date expression (the whole of ``expr``, trimmed), or None."""
    expr = expr.strip()
    page = _as_page_date(page_date)
    for start, end, value in _mentions(expr, page):
        if start == 0 and end >= len(expr.rstrip(".,;")):
            return value
    return None


def published_from_text(lines: list[str]) -> DateValue | None:
    """A publication date read from the page's visible lines, for a page with no metadata date.

    The first short line (a page chrome or byline line such as "Senin, 17 Juni 2024 | 10:15 WIB")
    holding a full date with its year gives the value; body sentences are not trusted.
    """
    for line in lines:
        if len(line) > 120:
            continue
        for start, _end, value in _mentions(line, None):
            if len(value) >= 10 and start <= 40:
                return DateValue(value=value, origin="text")
    return None
