"""Time order of publication values: one sortable key, in Python and in SQL.

A ``published`` value is an ISO 8601 string as a page gave it: a date and time with its own offset
(``2019-09-10T09:00:00+08:00``, WITA), a time without an offset, or a date alone. Comparing those
strings orders them wrongly: ``09:00+08:00`` (01:00 UTC) sorts after ``08:30+07:00`` (01:30 UTC),
and ``2019-09-10`` sorts before every time of its own day. :func:`published_key` turns a value
into a string whose plain order is the order of publication:

- a value with a time is the UTC instant, ``YYYY-MM-DDTHH:MM:SS.fff`` (to the millisecond);
- a time without an offset is taken in ``zone`` (the page's own zone, when the caller knows it),
  else as UTC;
- a date alone is less precise than a time: it cannot claim to be first over a timed article of
  its day, so it sorts after every instant of that calendar day and before the next day. Its key
  is the last millisecond of the day (in ``zone``, else UTC) followed by ``~``, a character above
  every digit, so a time at that very millisecond still comes first. A month or a year alone
  (``2019-09``, ``2019``: reduced precision, which JSON Lines inputs may declare) likewise goes
  after everything of its month or year, the last day included (one more ``~`` each).

Unparseable values have no key (None): callers sort them last.

The page's own zone is rarely written next to a date alone. :class:`UsualZones` guesses it from
a corpus: an outlet's most common explicit offset (a WITA outlet writes ``+08:00``), else the
corpus's most common one. The pipeline (copy originals, story times) passes that zone; without
it a date alone would end at midnight UTC, which is 07:00 WIB the next morning, and beat the
next morning's timed articles.

:func:`published_key_sql` is the same key as an SQLite expression (SQLite's ``strftime`` reads
the same ISO forms and converts ``Z``/``±HH:MM`` offsets to UTC), for stores whose rows have no
zone: it equals ``published_key(value)`` with ``zone=None``. Store queries order by it instead of
by the raw column; the sets they order (one story's or one cluster's members) are found by index
first, so sorting them by an expression costs nothing that an index would have saved.

Only the standard library: the formats are the few that pages and SQLite share (``fromisoformat``
accepts more, SQLite fewer; the pattern below keeps the two keys equal).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

_REDUCED = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")
_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?P<offset>Z|[+-]\d{2}:\d{2})?)?"
)
_LAST_MS = time(23, 59, 59, 999000)
_HALF_MS = timedelta(microseconds=500)
DATE_ONLY_MARK = "~"
"""Appended to a date alone's key: above every digit, so it sorts after any instant it equals."""


def published_instant(value: str | None, zone: tzinfo | None = None) -> datetime | None:
    """The UTC instant of a published value (aware), or None when it is not an ISO 8601 date.

    A time without an offset is read in ``zone`` (the page's own zone, when known), else as UTC.
    A date alone stands at the last millisecond of its day (in ``zone``, else UTC): see the
    module docstring for why it goes last.
    """
    parsed = _parse(value, zone)
    return parsed[0] if parsed else None


def published_key(value: str | None, zone: tzinfo | None = None) -> str | None:
    """A string whose order is publication order (UTC instants; a date alone after every time of
    its day and before the next day), or None for a missing or unparseable value.

    A time without an offset is taken in ``zone`` (the page's own zone, when known), else as UTC.
    """
    parsed = _parse(value, zone)
    if parsed is None:
        return None
    instant, marks = parsed
    try:  # to the nearest millisecond, half up, as SQLite keeps times (isoformat truncates)
        key = (instant.replace(tzinfo=None) + _HALF_MS).isoformat(timespec="milliseconds")
    except OverflowError:  # a time in the last half millisecond of year 9999
        return None
    return key + DATE_ONLY_MARK * marks


def published_order(value: str | None, tiebreak: str = "", zone: tzinfo | None = None) -> tuple[bool, str, str]:
    """A sort key for records: by :func:`published_key`, records without one last, then ``tiebreak``
    (an id, so the order is total and does not depend on input order)."""
    key = published_key(value, zone)
    return (key is None, key or "", tiebreak)


def published_key_sql(column: str) -> str:
    """:func:`published_key` (with no zone) as an SQLite expression over ``column`` (a trusted
    column name such as ``a.published``, never user input). NULL for a missing or unparseable
    value: order by ``<expr> IS NULL, <expr>`` to put those last."""
    day = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
    # SQLite reads "2019-02-30" as written; '+0 days' normalises it, so a day that does not
    # exist (which Python rejects) differs from itself and has no key.
    real = f"date(substr({column}, 1, 10), '+0 days') = substr({column}, 1, 10)"
    end = f"'T23:59:59.999{DATE_ONLY_MARK}'"
    return (
        f"(CASE WHEN {column} GLOB '{day}' AND {real} THEN {column} || {end}"
        f" WHEN {column} GLOB '[0-9][0-9][0-9][0-9]' AND {column} >= '0001'"
        f" THEN {column} || '-12-31' || {end} || '{DATE_ONLY_MARK * 2}'"
        f" WHEN {column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND substr({column}, 6) BETWEEN '01' AND '12'"
        f" THEN date({column} || '-01', '+1 month', '-1 day') || {end} || '{DATE_ONLY_MARK}'"
        f" WHEN {column} GLOB '{day}[T ][0-9][0-9]:[0-9][0-9]*' AND {real}"
        f" THEN strftime('%Y-%m-%dT%H:%M:%f', {column}) END)"
    )


@dataclass(frozen=True)
class UsualZones:
    """The zone a corpus's outlets write their times in, to read values that give none."""

    by_outlet: Mapping[str, tzinfo] = field(default_factory=dict)
    corpus: tzinfo | None = None

    @classmethod
    def learn(cls, records: Iterable[tuple[str | None, str | None]]) -> UsualZones:
        """From ``(outlet, published)`` pairs: each outlet's most common explicit offset, and
        the corpus's (ties go to the smaller offset, so the result does not depend on order)."""
        per: dict[str, Counter[str]] = {}
        overall: Counter[str] = Counter()
        for outlet, value in records:
            m = _ISO.fullmatch(value) if value else None
            offset = m["offset"] if m and m["time"] else None
            if not offset or _zone(offset) is None:
                continue
            offset = "+00:00" if offset == "Z" else offset
            overall[offset] += 1
            if outlet:
                per.setdefault(outlet, Counter())[offset] += 1
        return cls(
            by_outlet={o: _zone(_usual(c)) or UTC for o, c in per.items()},
            corpus=_zone(_usual(overall)) if overall else None,
        )

    def of(self, outlet: str | None) -> tzinfo | None:
        """The outlet's usual zone, else the corpus's, else None (UTC)."""
        return self.by_outlet.get(outlet or "", self.corpus)


def _usual(counts: Counter[str]) -> str:
    return min(counts, key=lambda o: (-counts[o], _minutes(o)))


def _minutes(offset: str) -> int:
    if offset == "Z":
        return 0
    sign = 1 if offset[0] == "+" else -1
    return sign * (int(offset[1:3]) * 60 + int(offset[4:6]))


def _zone(offset: str) -> tzinfo | None:
    """``Z`` or ``±HH:MM`` as a fixed zone; None past ±14:59 or with 60+ minutes (no zone is
    that far from UTC, and SQLite reads no such offset)."""
    if offset != "Z" and (int(offset[1:3]) > 14 or int(offset[4:6]) > 59):
        return None
    return timezone(timedelta(minutes=_minutes(offset)))


def _parse(value: str | None, zone: tzinfo | None) -> tuple[datetime, int] | None:
    """The UTC instant and how imprecise the value is: 0 a time, 1 a day, 2 a month, 3 a year."""
    if not value:
        return None
    m = _ISO.fullmatch(value)
    try:
        if not m:
            return _last_day(value, zone)
        day = date.fromisoformat(m["date"])
        if m["time"] is None:
            return _end_of(day, zone), 1
        clock = time.fromisoformat(_whole_us(m["time"]))
    except (ValueError, OverflowError):  # 2019-02-30, 25:00, the edges of the calendar
        return None
    offset = m["offset"]
    tz = (zone or UTC) if offset is None else _zone(offset)
    if tz is None:
        return None
    try:
        return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC), 0
    except OverflowError:
        return None


def _end_of(day: date, zone: tzinfo | None) -> datetime:
    """The last millisecond of ``day`` in ``zone`` (else UTC), as a UTC instant."""
    return datetime.combine(day, _LAST_MS, tzinfo=zone or UTC).astimezone(UTC)


def _last_day(value: str, zone: tzinfo | None) -> tuple[datetime, int] | None:
    """A month or a year alone as the end of its last day; None for anything else."""
    m = _REDUCED.fullmatch(value)
    if not m:
        return None
    year, month = int(m["year"]), int(m["month"] or 12)
    if not 1 <= month <= 12 or year < 1:
        return None
    first_of_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return _end_of(first_of_next - timedelta(days=1), zone), 3 if m["month"] is None else 2


def _whole_us(clock: str) -> str:
    """``HH:MM[:SS[.f…]]`` with the fraction cut to microseconds (``fromisoformat`` takes 3 or 6 digits)."""
    head, _, frac = clock.partition(".")
    return head + ("." + (frac[:6]).ljust(6, "0") if frac else "")

