"""From a pattern's match to an ISO value, resolved against the page's date: the year whose
weekday matches the name given, relative days and periods, times with their zone; and
:data:`RULES`, every pattern with its resolver in order of precedence."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo

from warta.enrich.dates.patterns import (
    AGO,
    DAY_MONTH,
    DAY_RANGE_START,
    MONTH_BARE,
    MONTH_BEFORE,
    MONTH_DAY,
    MONTH_NAMES,
    MONTH_YEAR,
    NUMBER_WORDS,
    NUMBERED_BEFORE,
    NUMERIC,
    RELATIVE_DAY,
    RELATIVE_PERIOD,
    TIME_ALONE,
    TIME_OF_DAY,
    TIME_ZONED,
    WEEKDAY_BARE,
    WEEKDAY_DAY,
    WEEKDAY_NAMES,
    WEEKDAY_NUMERIC,
    WEEKDAY_RELATIVE,
    WEEKEND,
    WIB,
    YEAR,
    ZONES,
)


def _year_value(match: re.Match[str], page: date | datetime | None) -> str | None:
    if NUMBERED_BEFORE.search(match.string, max(0, match.start() - 12), match.start()):
        return None  # "Undang-Undang Nomor 30 Tahun 2002": a law's number, not a time
    if match.group("y2") and MONTH_BEFORE.search(match.string, 0, match.start()):
        return None  # "Mei 2018 lalu": the month rule reads "Mei 2018"
    year = int(match.group("y") or match.group("y2"))
    part = (match.group("part") or "").lower()
    if part == "awal":
        return f"{year:04d}-01"
    if part == "akhir":
        return f"{year:04d}-12"
    return f"{year:04d}"


def _weekday_day(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    name = match.group("wd") or match.group("wd2")
    if name.lower() == "minggu" and name == "minggu":
        return None  # lower-case "minggu" is a week: "pada minggu pertama"
    if name.lower() in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday"):  # fmt: skip
        return None  # "on Monday" is read by the English rule
    today = _day(page)
    back = (today.weekday() - WEEKDAY_NAMES[name.lower()]) % 7
    return (today - timedelta(days=back)).isoformat()


def _tz_of(page: date | datetime | None) -> tzinfo:
    if isinstance(page, datetime) and page.tzinfo is not None:
        return page.tzinfo
    return WIB


def _day(page: date | datetime) -> date:
    return page.date() if isinstance(page, datetime) else page


def _year(text: str, page: date | datetime | None) -> int:
    year = int(text)
    if len(text) == 2:
        pivot = (_day(page).year if page else date.today().year) % 100 + 5
        year += 2000 if year <= pivot else 1900
    return year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _place_day_month(
    day: int, month: int, weekday: int | None, page: date | datetime
) -> date | None:
    """The date of ``day``/``month`` with no year nearest to the page date.

    With a weekday, only years whose date falls on that weekday count, searched up to six years
    back and one forward (every day/month meets every weekday within seven years, bar 29 Feb).
    A future date costs twice its distance: news mostly reports the past.
    """
    today = _day(page)
    if weekday is not None:
        near = _place_day_month(day, month, None, page)
        if near is not None and abs((near - today).days) <= 7:
            # "Kamis (18/9)" on a page of Thursday 19 September 2019: the 18th was a Wednesday,
            # a slip of the weekday; the Thursday 18 September of 2014 is not what is meant.
            return near
    years = (
        range(today.year - 6, today.year + 2)
        if weekday is not None
        else range(today.year - 1, today.year + 2)
    )
    best: tuple[int, date] | None = None
    for y in years:
        candidate = _safe_date(y, month, day)
        if candidate is None or (weekday is not None and candidate.weekday() != weekday):
            continue
        delta = (candidate - today).days
        cost = -delta if delta <= 0 else 2 * delta
        if best is None or cost < best[0]:
            best = (cost, candidate)
    if best is None and weekday is not None:
        return _place_day_month(day, month, None, page)
    return best[1] if best else None


def _with_time(day: date, match: re.Match[str], page: date | datetime | None) -> str:
    """``day`` in ISO form, with the match's time and zone when it has a time."""
    hh = match.groupdict().get("hh")
    if hh is None:
        return day.isoformat()
    return _at_clock(day, int(hh), int(match.group("mi")), match.group("tz"), page)


def _at_clock(
    day: date, hour: int, minute: int, zone_name: str | None, page: date | datetime | None
) -> str:
    """``day`` at ``hour``:``minute`` in ISO form, in the named zone (WIB, WITA, WIT), else in the
    page's."""
    zone = ZONES[zone_name.lower()] if zone_name else _tz_of(page)
    moment = datetime.combine(day, time(hour, minute), tzinfo=zone)
    return moment.isoformat(timespec="seconds")


def _weekday_of(match: re.Match[str], group: str = "wd") -> int | None:
    name = match.groupdict().get(group)
    return WEEKDAY_NAMES[name.lower()] if name else None


def _resolve_calendar(
    match: re.Match[str], day: int, month: int | None, page: date | datetime | None
) -> str | None:
    if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year_text = match.groupdict().get("y")
    year = _year(year_text, page) if year_text and len(year_text) != 3 else None
    slip = year is not None and page is not None and year - _day(page).year > 20
    if slip and match.groupdict().get("wd"):
        year = None  # "Rabu (18/9/3019)": a typing slip; the weekday places the date
    if year is not None:
        found = _safe_date(year, month, day)
    elif page is not None:
        found = _place_day_month(day, month, _weekday_of(match), page)
    else:
        return None
    return _with_time(found, match, page) if found else None


def _weekday_numeric(match: re.Match[str], page: date | datetime | None) -> str | None:
    if match.group("m") is None:
        return _place_day_without_month(match, page)
    return _resolve_calendar(match, int(match.group("d")), int(match.group("m")), page)


def _place_day_without_month(match: re.Match[str], page: date | datetime | None) -> str | None:
    """The day of "Rabu (18/2019)": ``d`` on that weekday in the given year nearest the page, up
    to a year back (a future date costs twice its distance); None without a page or a fit."""
    if page is None:
        return None
    today, day = _day(page), int(match.group("d"))
    weekday, year = _weekday_of(match), int(match.group("ym"))
    best: tuple[int, date] | None = None
    for back in range(-2, 13):
        index = today.year * 12 + today.month - 1 - back
        candidate = _safe_date(index // 12, index % 12 + 1, day)
        if candidate is None or candidate.year != year or candidate.weekday() != weekday:
            continue
        delta = (candidate - today).days
        cost = -delta if delta <= 0 else 2 * delta
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return _with_time(best[1], match, page) if best else None


def _named_month(match: re.Match[str], page: date | datetime | None) -> str | None:
    month = MONTH_NAMES.get(match.group("mon").lower().rstrip("."))
    first = match.groupdict().get("d0")
    if first and not match.group("wd") and int(first) < int(match.group("d")):
        return _resolve_calendar(match, int(first), month, page)  # a range: when it begins
    return _resolve_calendar(match, int(match.group("d")), month, page)


def _range_start(match: re.Match[str], page: date | datetime | None) -> str | None:
    if int(match.group("d")) >= int(match.group("d1")):
        return None
    month = MONTH_NAMES.get(match.group("mon").lower().rstrip("."))
    return _resolve_calendar(match, int(match.group("d")), month, page)


def _month_year(match: re.Match[str], page: date | datetime | None) -> str | None:
    month = MONTH_NAMES[match.group("mon").lower().rstrip(".")]
    year = int(match.group("y"))
    if match.group("mon0"):
        first = MONTH_NAMES[match.group("mon0").lower().rstrip(".")]
        year, month = (year, first) if first <= month else (year - 1, first)
    return f"{year:04d}-{month:02d}"


def _numeric(match: re.Match[str], page: date | datetime | None) -> str | None:
    if match.group("iy"):
        found = _safe_date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
    else:
        found = _safe_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return _with_time(found, match, page) if found else None


def _shift_month(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _ago(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    word = match.group("w")
    count = (
        int(match.group("n")) if match.group("n") else NUMBER_WORDS.get((word or "").lower(), 1)
    )
    unit = match.group("unit").lower().rstrip("s")
    today = _day(page)
    if unit in ("detik", "menit", "jam", "second", "minute", "hour"):
        if not isinstance(page, datetime):
            return today.isoformat()
        seconds = {"detik": 1, "second": 1, "menit": 60, "minute": 60}.get(unit, 3600) * count
        moment = page if page.tzinfo else page.replace(tzinfo=WIB)
        return (moment - timedelta(seconds=seconds)).isoformat(timespec="seconds")
    if unit in ("hari", "day"):
        return (today - timedelta(days=count)).isoformat()
    if unit in ("minggu", "pekan", "week"):
        return (today - timedelta(days=7 * count)).isoformat()
    if unit in ("bulan", "month"):
        return _shift_month(today, -count)
    return f"{today.year - count:04d}"


_PART_OF_DAY_START = {"dini": 0, "dinihari": 0, "hari": 0, "pagi": 5, "siang": 11, "sore": 15,
                      "petang": 17, "malam": 18, "night": 18}  # fmt: skip

_PERIOD_STEP = {"lalu": -1, "kemarin": -1, "last": -1, "ini": 0, "this": 0, "depan": 1,
                "mendatang": 1, "next": 1}  # fmt: skip


def _relative_period(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    unit = (match.group("unit") or match.group("en_unit")).lower()
    step = _PERIOD_STEP[(match.group("which") or match.group("en_which")).lower()]
    today = _day(page)
    if unit in ("minggu", "pekan", "week"):
        if step == 0:
            return None
        if match.group("unit") == "Minggu" and not _sentence_start(match):
            return None  # "Minggu lalu" mid-sentence is last Sunday: see _weekday_relative
        return (today + timedelta(days=7 * step)).isoformat()
    if unit in ("bulan", "month"):
        return _shift_month(today, step)
    return f"{today.year + step:04d}"


def _sentence_start(match: re.Match[str]) -> bool:
    before = match.string[max(0, match.start() - 3) : match.start()].rstrip()
    return not before or before[-1] in '.!?"“”\n'


_ENGLISH_DAY_NAMES = frozenset({"Today", "Yesterday", "Tomorrow", "Tonight"})


def _relative_day(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    if match.group(0) in _ENGLISH_DAY_NAMES and not _sentence_start(match):
        return None  # capitalised inside an English sentence, a name: "USA Today", "Today show"
    words = match.group(0).lower().split()
    today = _day(page)
    if words[0] in ("kemarin", "yesterday"):
        offset = -2 if words[-1] == "lusa" else -1
    elif words[0] in ("besok", "esok", "tomorrow"):
        offset = 1
    elif words[0] == "lusa":
        offset = 2
    elif "tadi" in words or words[0] in ("semalam", "last"):
        # "Tadi sore" is this afternoon, unless the story went out before the afternoon began:
        # then it is yesterday's. "Tadi malam" in a morning story is the evening before.
        part = (
            "malam"
            if words[0] in ("semalam", "last")
            else words[-1]
            if words[0] == "tadi"
            else words[0]
        )
        starts = _PART_OF_DAY_START.get(part, 0)
        if isinstance(page, datetime):
            offset = -1 if page.hour < starts else 0
        else:
            offset = -1 if starts >= 18 else 0
    else:
        offset = 0
    return (today + timedelta(days=offset)).isoformat()


def _weekday_relative(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    name = match.group("wd")
    if (
        name is not None
        and name.lower() == "minggu"
        and (name == "minggu" or _sentence_start(match))
    ):
        return None  # lower-case, or at a sentence start, "minggu lalu" is last week
    weekday = _weekday_of(match, "wd")
    if weekday is None:
        weekday = _weekday_of(match, "en_wd")
        which = match.group("en_which").lower()
    else:
        which = match.group("which").lower()
    if weekday is None:
        return None
    today = _day(page)
    monday = today - timedelta(days=today.weekday())
    if which == "ini" and weekday == 6:
        return None  # "Minggu ini" is this week far more often than this Sunday
    if which.startswith(("pekan ", "minggu ")) and not which.endswith("lalu"):
        # "Rabu pekan ini", "Senin pekan depan": that day of this week or of the next
        return (monday + timedelta(days=weekday + (0 if which.endswith("ini") else 7))).isoformat()
    if which == "ini":
        return (monday + timedelta(days=weekday)).isoformat()  # "Jumat ini": this week's
    if which in ("depan", "mendatang", "next"):
        ahead = (weekday - today.weekday()) % 7 or 7
        return (today + timedelta(days=ahead)).isoformat()
    back = (today.weekday() - weekday) % 7
    if which != "on" and back == 0:
        back = 7  # "Selasa lalu" written on a Tuesday is a week ago
    if which.endswith("lalu") and " " in which:
        # "Senin pekan lalu", "Sabtu pekan lalu": that day of last week (weeks start on Monday)
        back = today.weekday() + 7 - weekday
    return (today - timedelta(days=back)).isoformat()


def _month_bare(match: re.Match[str], page: date | datetime | None) -> str | None:
    """The month of a bare month name: the page's year for "pada Agustus", the last August
    before the page for "Agustus lalu", the next December for "Desember mendatang"; None for a
    month with neither a lead word nor one of these after it."""
    if page is None:
        return None
    which = match.group("which")
    if which is None and match.start() == match.start("mon"):
        return None  # no word before or after: a name ("Agustus Sani")
    month = MONTH_NAMES[match.group("mon").lower()]
    today = _day(page)
    year = today.year
    if which in ("lalu", "kemarin") and month > today.month:
        year -= 1
    elif which in ("depan", "mendatang") and month <= today.month:
        year += 1
    return f"{year:04d}-{month:02d}"


def _weekday_bare(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    today = _day(page)
    back = (today.weekday() - WEEKDAY_NAMES[match.group("wd").lower()]) % 7
    return (today - timedelta(days=back)).isoformat()


def _weekend(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    today = _day(page)
    saturday = today + timedelta(days=5 - today.weekday())  # this week's (weeks start Monday)
    which = (match.group("which") or "").lower()
    if which in ("lalu", "kemarin") or (not which and today.weekday() < 5):
        saturday -= timedelta(days=7)
    elif which in ("depan", "mendatang"):
        saturday += timedelta(days=7)
    return saturday.isoformat()


Resolver = Callable[[re.Match[str], date | datetime | None], str | None]


def _time_of_day(match: re.Match[str], page: date | datetime | None) -> str | None:
    hour, part = int(match.group("h")), match.group("pod").lower()
    if page is None or hour > 12:
        return None
    if part == "pagi" or part.startswith("dini") or (part == "malam" and (hour < 6 or hour == 12)):
        hour %= 12  # "pukul 12.30 pagi" is half past midnight; "jam 2 malam" 02.00
    elif part == "siang":
        hour = hour + 12 if hour < 11 else hour  # "jam 1 siang" 13.00, "jam 11 siang" 11.00
    else:
        hour = hour % 12 + 12  # sore, petang, "jam 8 malam"
    return _at_clock(_day(page), hour, int(match.group("m") or 0), match.group("tz"), page)


def _time_alone(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
    day = _day(page)
    moment = (int(match.group("hh")), int(match.group("mi")))
    if (
        match.groupdict().get("tadi")
        and isinstance(page, datetime)
        and (page.hour, page.minute) < moment
    ):
        day -= timedelta(days=1)  # "jam 11.30 tadi" in a story out at 09.00: yesterday's
    return _with_time(day, match, page)


RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (WEEKDAY_NUMERIC, _weekday_numeric),
    (DAY_MONTH, _named_month),
    (MONTH_DAY, _named_month),
    (DAY_RANGE_START, _range_start),
    (NUMERIC, _numeric),
    (MONTH_YEAR, _month_year),
    (AGO, _ago),
    (WEEKDAY_RELATIVE, _weekday_relative),
    (WEEKEND, _weekend),
    (RELATIVE_PERIOD, _relative_period),
    (RELATIVE_DAY, _relative_day),
    (WEEKDAY_BARE, _weekday_bare),
    (MONTH_BARE, _month_bare),
    (YEAR, _year_value),
    (WEEKDAY_DAY, _weekday_day),
    (TIME_ALONE, _time_alone),
    (TIME_ZONED, _time_alone),
    (TIME_OF_DAY, _time_of_day),
)
