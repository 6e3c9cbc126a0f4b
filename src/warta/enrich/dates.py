"""Date expressions in Indonesian (and English) news text, resolved against the page's date.

``find_dates`` reads expressions such as "Kamis (13/6)", "Senin (17/6) pagi", "14 Juni 2024",
"Senin, 17 Juni 2024 | 10:15 WIB", "2 jam yang lalu", "kemarin sore", "pekan lalu",
"Selasa lalu", "November 2023", "June 14, 2024" or "yesterday" and gives each an ISO 8601 value:
``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a month, ``YYYY`` for a year, and
``YYYY-MM-DDTHH:MM:SS+07:00`` when a time is known (WIB +07:00, WITA +08:00, WIT +09:00; a time with
no zone is taken as the page's offset, else WIB).

Hand-written on purpose: ``dateparser`` costs tens of milliseconds a call and ignores the weekday
("Senin (6/1)" seen from early 2025 must be 2025-01-06, the Monday, not 2024-01-06), and a news page
names the weekday precisely so that the reader can place a day/month without a year. Every pattern
here is bounded and anchored on words, so none can backtrack catastrophically.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from warta.article import DateMention, DateValue
from warta.page.dates import MONTHS

__all__ = ["find_dates", "parse_date_expression", "published_from_text"]

_MONTH_NAMES = MONTHS  # English and Indonesian month names and abbreviations → 1..12

_WEEKDAY_NAMES: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_ZONES = {
    "wib": timezone(timedelta(hours=7)),
    "wita": timezone(timedelta(hours=8)),
    "wit": timezone(timedelta(hours=9)),
}
_WIB = _ZONES["wib"]

_NUMBER_WORDS = {
    "se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def _alternation(words: list[str]) -> str:
    """A regex alternation of words, longest first so that "Jumat" wins over "Jum"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MON = rf"(?:{_alternation(list(_MONTH_NAMES))})\.?"
_ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
]  # fmt: skip
# English month-first dates only, capitalised: Indonesian never writes "Juni 13", and "may 5" is
# more often a verb than a date.
_MON_EN = rf"(?-i:{_alternation(_ENGLISH_MONTHS)})\.?"
_WD = rf"(?:{_alternation(list(_WEEKDAY_NAMES))})"
_POD = r"(?:pagi|siang|sore|petang|malam|dini\s*hari)"
# A time after a date: ", pukul 10.15 WIB", " | 10:15 WIB", " jam 08.00 WITA", " 10:15".
_TIME = (
    r"(?:\s*[,|]?\s*(?:(?:pukul|pkl\.?|jam)\s*)?"
    r"(?P<hh>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)(?:[.:][0-5]\d)?(?![\d.,:]\d|\d)"
    r"(?:\s*(?P<tz>WIB|WITA|WIT)\b)?)?"
)
_FLAGS = re.IGNORECASE
# What joins the two ends of a range: "15-22", "13 sampai dengan 25", "Januari hingga September".
_RANGE_TO = r"(?:\s*[-–]\s*|\s+(?:sampai(?:\s+dengan)?|hingga|s\.?\s?d\.?)\s+)"

# "Kamis (13/6)", "Senin (17/6/2024) pagi", "Jumat (6/11) pukul 08.45 WITA"; with the slips
# "Rabu (4/11/205)" (a digit lost: the weekday places the date) and "Rabu (18/2019)" (the month
# left out: the weekday and the page place it).
_WEEKDAY_NUMERIC = re.compile(
    rf"\b(?P<wd>{_WD})(?:\s+{_POD})?\s*\(\s*(?P<d>\d{{1,2}})/(?:(?P<m>\d{{1,2}})"
    rf"(?:[/.](?P<y>\d{{2,4}}))?|(?P<ym>\d{{4}}))\s*\)(?:\s+{_POD}\b)?{_TIME}",
    _FLAGS,
)
# "14 Juni 2024", "Senin, 17 Juni 2024 | 10:15 WIB", "Senin malam, 15 Februari 2016", "13 Juni".
_DAY_MONTH = re.compile(
    rf"(?:\b(?P<wd>{_WD})(?:\s+{_POD})?,?\s+(?:tanggal\s+|tgl\.?\s+)?)?"
    rf"(?:\b(?P<d0>\d{{1,2}})\s*[-–]\s*)?"  # "15-22 September 2019": the range's first day
    rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MON})(?![\w-])(?:,?\s+(?P<y>\d{{4}})\b)?{_TIME}",
    _FLAGS,
)
# A range's first day in words: "tanggal 13" of "sejak tanggal 13 sampai dengan 25 Pebruari 2017"
# takes its month and year from the end, which _DAY_MONTH reads on its own (the gold names both
# ends; "15-22 September 2019" is one expression, its first day).
_DAY_RANGE_START = re.compile(
    rf"\b(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})(?=\s+(?:sampai(?:\s+dengan)?|hingga|s\.?\s?d\.?)"
    rf"\s+(?P<d1>\d{{1,2}})\s+(?P<mon>{_MON})(?![\w-])(?:,?\s+(?P<y>\d{{4}})\b)?)",
    _FLAGS,
)
# "June 14, 2024", "Monday, June 17, 2024", "Sep 8th".
_MONTH_DAY = re.compile(
    rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?P<mon>{_MON_EN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<y>\d{{4}})\b)?{_TIME}",
    _FLAGS,
)
# "November 2023", "bulan Juni 2024"; a range gives its first month: "Januari hingga September
# 2019" is 2019-01, as "15-22 September 2019" is the 15th.
_MONTH_YEAR = re.compile(
    rf"(?:\b(?P<mon0>{_MON}){_RANGE_TO})?\b(?P<mon>{_MON})\s+(?P<y>\d{{4}})\b", _FLAGS
)
# "17/06/2024", "17-6-2024" (day first, as written in Indonesia), and ISO "2024-06-17".
_NUMERIC = re.compile(
    rf"(?<![\d/.-])(?:(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})[/-](?P<y>\d{{4}})"
    rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?![\d/-]){_TIME}",
    _FLAGS,
)
# "2 jam yang lalu", "sepekan lalu", "3 hari lalu", "two days ago", "5 minutes ago".
_AGO = re.compile(
    r"\b(?:(?P<n>\d{1,3})\s+|(?P<w>se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
    r"|sepuluh|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s*)"
    r"(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|minutes?|hours?|days?"
    r"|weeks?|months?|years?)\s+(?:(?:yang\s+)?lalu|silam|ago)\b",
    _FLAGS,
)
# "pekan depan", "tahun ini", "last week", "next month".
_RELATIVE_PERIOD = re.compile(
    r"(?<!beberapa )(?<!puluhan )(?<!ratusan )(?<!several )(?<!many )(?<![-\w])(?:(?P<unit>minggu|pekan|bulan|tahun)\s+(?P<which>lalu|kemarin|ini|depan|mendatang)"
    r"|(?P<en_which>last|this|next)\s+(?P<en_unit>week|month|year))\b",
    _FLAGS,
)
# "kemarin sore", "tadi malam", "semalam", "hari ini", "besok", "yesterday".
_RELATIVE_DAY = re.compile(
    rf"\b(?:kemarin\s+lusa|kemarin(?:\s+{_POD})?|tadi\s+{_POD}|{_POD}\s+(?:tadi|ini)|semalam|hari\s+ini"
    rf"|besok(?:\s+{_POD})?|(?<!hari )esok(?:\s+{_POD})?(?!\s*hari\w)|lusa|yesterday|today"
    r"|tomorrow|last\s+night|tonight)\b",
    _FLAGS,
)
# "Selasa lalu", "Senin depan", "last Tuesday", "next Friday".
_WEEKDAY_RELATIVE = re.compile(
    rf"\b(?:(?P<wd>{_WD})\s+(?P<which>lalu|kemarin|depan|mendatang|ini"
    r"|(?:pekan|minggu)\s+(?:lalu|ini|depan|mendatang))"
    rf"|(?P<en_which>last|next|on)\s+(?P<en_wd>{_WD}))\b",
    _FLAGS,
)
# An Indonesian month without day or year, capitalised, after a word that makes it a time ("pada
# Agustus", "dari Februari sampai Agustus", "awal Maret") or with "lalu", "ini", "depan": "Agustus
# lalu". Alone it may be a name ("Agustus Sani") or a holiday ("17 Agustus" is caught above).
_ID_MONTHS = (
    "Januari Februari Pebruari Maret April Mei Juni Juli Agustus September Oktober November"
    " Nopember Desember"
).split()
_MONTH_BARE = re.compile(
    r"(?:(?<![\w-])(?P<lead>(?i:pada|sejak|dari|sampai|hingga|per|jelang|menjelang|selama|tiap"
    r"|setiap|mulai)\s+))?(?P<core>(?:(?<![\w-])(?i:bulan|awal|akhir|pertengahan|medio)\s+)?"
    rf"(?<![\w-])(?<!\d )(?P<mon>{'|'.join(_ID_MONTHS)})(?![\w-])"
    r"(?:\s+(?P<which>lalu|kemarin|ini|depan|mendatang)\b)?)(?!\s*\d)"
)
# A year after a word that makes it a time: "tahun 2017", "tahun anggaran 2018", "pada 2018",
# "sejak 2015", "2018 lalu", "awal tahun 2020". A number alone ("2000 orang") is no year; a range
# or a decade ("2019/2020", "2000-an") is left out.
_YEAR = re.compile(
    r"(?<![\w-])(?:(?P<part>awal|akhir)\s+)?(?:(?:tahun(?:\s+anggaran)?|pada|sejak|medio)\s+"
    r"(?P<y>(?:19|20)\d\d)(?:\s+(?:lalu|silam))?|(?P<y2>(?:19|20)\d\d)\s+(?:lalu|silam))"
    r"(?![\w-]|[/.,:]\d|\s+(?:orang|unit|buah|kali|ekor|meter|km|kg|ton|jiwa|peserta|hektare)\b)",
    _FLAGS,
)
# A weekday the text says is a day: "pada Rabu,", "pada hari Selasa", "Selasa malam" (without a
# date after it, which the rules above read): the last such day up to the page's.
_WEEKDAY_DAY = re.compile(
    rf"(?<![\w-])(?:(?:pada\s+(?:hari\s+)?|hari\s+|perdagangan\s+|sesi\s+)(?P<wd>{_WD})"
    rf"(?:\s+{_POD})?"
    rf"|(?P<wd2>{_WD})\s+{_POD})(?![\w-])"
    rf"(?!\s*[(,]?\s*\d{{1,2}}(?:\s*[/.-]\s*\d|\s+{_MON}))"
    # "pada Selasa besok", "pada Rabu lusa": ahead of the page, not the last such day
    r"(?!\s+(?:besok|lusa|depan|mendatang|nanti|lalu|kemarin|pekan|minggu|ini)\b)",
    _FLAGS,
)


_NUMBERED_BEFORE = re.compile(r"\d[ \t\xa0]*\Z")
_MONTH_BEFORE = re.compile(rf"(?<![\w-]){_MON}\s+\Z", _FLAGS)


def _year_value(match: re.Match[str], page: date | datetime | None) -> str | None:
    if _NUMBERED_BEFORE.search(match.string, max(0, match.start() - 12), match.start()):
        return None  # "Undang-Undang Nomor 30 Tahun 2002": a law's number, not a time
    if match.group("y2") and _MONTH_BEFORE.search(match.string, 0, match.start()):
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
    back = (today.weekday() - _WEEKDAY_NAMES[name.lower()]) % 7
    return (today - timedelta(days=back)).isoformat()


# A bare weekday set off by commas, as Antara writes the reporting day: "di Mataram, Kamis, ...".
_WEEKDAY_BARE = re.compile(rf"(?:(?<=, )|^)(?P<wd>{_WD})(?=[,.;]|$)", _FLAGS)


def _tz_of(page: date | datetime | None) -> tzinfo:
    if isinstance(page, datetime) and page.tzinfo is not None:
        return page.tzinfo
    return _WIB


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
    zone = _ZONES[zone_name.lower()] if zone_name else _tz_of(page)
    moment = datetime.combine(day, time(hour, minute), tzinfo=zone)
    return moment.isoformat(timespec="seconds")


def _weekday_of(match: re.Match[str], group: str = "wd") -> int | None:
    name = match.groupdict().get(group)
    return _WEEKDAY_NAMES[name.lower()] if name else None


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
    month = _MONTH_NAMES.get(match.group("mon").lower().rstrip("."))
    first = match.groupdict().get("d0")
    if first and not match.group("wd") and int(first) < int(match.group("d")):
        return _resolve_calendar(match, int(first), month, page)  # a range: when it begins
    return _resolve_calendar(match, int(match.group("d")), month, page)


def _range_start(match: re.Match[str], page: date | datetime | None) -> str | None:
    if int(match.group("d")) >= int(match.group("d1")):
        return None
    month = _MONTH_NAMES.get(match.group("mon").lower().rstrip("."))
    return _resolve_calendar(match, int(match.group("d")), month, page)


def _month_year(match: re.Match[str], page: date | datetime | None) -> str | None:
    month = _MONTH_NAMES[match.group("mon").lower().rstrip(".")]
    year = int(match.group("y"))
    if match.group("mon0"):
        first = _MONTH_NAMES[match.group("mon0").lower().rstrip(".")]
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
        int(match.group("n")) if match.group("n") else _NUMBER_WORDS.get((word or "").lower(), 1)
    )
    unit = match.group("unit").lower().rstrip("s")
    today = _day(page)
    if unit in ("detik", "menit", "jam", "second", "minute", "hour"):
        if not isinstance(page, datetime):
            return today.isoformat()
        seconds = {"detik": 1, "second": 1, "menit": 60, "minute": 60}.get(unit, 3600) * count
        moment = page if page.tzinfo else page.replace(tzinfo=_WIB)
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


def _relative_day(match: re.Match[str], page: date | datetime | None) -> str | None:
    if page is None:
        return None
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
    month = _MONTH_NAMES[match.group("mon").lower()]
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
    back = (today.weekday() - _WEEKDAY_NAMES[match.group("wd").lower()]) % 7
    return (today - timedelta(days=back)).isoformat()


# The weekend, which the gold (and the expression set) place on its Saturday: "akhir pekan lalu"
# is last week's, "akhir pekan ini" ("nanti") this week's, a bare "akhir pekan" the last one up to
# the page.
_WEEKEND = re.compile(
    r"(?<![\w-])akhir\s+(?:pekan|minggu)"
    r"(?:\s+(?P<which>lalu|kemarin|ini|nanti|depan|mendatang))?"
    r"(?![\w-])",
    _FLAGS,
)


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


_Resolver = Callable[[re.Match[str], date | datetime | None], str | None]

# Longer, more precise patterns first: on overlap the longest match wins, then the earlier rule.
# A clock time with no date: "sekitar pukul 17.00 WIB", "pukul 09.30 Wita", "pukul 14.30",
# "jam 11.30 tadi" (the day is the date named before it in the sentence, else the page's; see
# _times_on_their_day). A time with no zone takes the page's offset, as a time after a date does.
_TIME_ALONE = re.compile(
    r"(?<![\w.])(?i:pukul|pkl\.?|jam)\s*(?P<hh>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)"
    r"(?![\d.,:]\d|\d)(?:\s*(?P<tz>(?i:WIB|WITA|WIT))\b)?(?:\s+(?P<tadi>(?i:tadi))\b)?"
)
# A clock time without "pukul" needs its zone to be one: "hingga 16.15 WIB", "10:15 WITA".
_TIME_ZONED = re.compile(
    r"(?<![\w.,:/-])(?P<hh>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)(?![\d.,:]\d|\d)"
    r"\s*(?P<tz>WIB|WITA|WIT)\b"
)


# A twelve-hour clock time with its part of the day: "jam 2 siang" (14.00), "pukul 7 malam",
# "pukul 12.30 pagi" (00.30), "jam 3 dini hari".
_TIME_OF_DAY = re.compile(
    r"(?<![\w.])(?i:pukul|pkl\.?|jam)\s*(?P<h>[01]?\d)(?:[.:](?P<m>[0-5]\d))?(?![\d.,:]\d|\d)"
    r"\s+(?P<pod>(?i:pagi|siang|sore|petang|malam|dini\s*hari))\b"
    r"(?:\s*(?P<tz>(?i:WIB|WITA|WIT))\b)?"
)


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


_RULES: tuple[tuple[re.Pattern[str], _Resolver], ...] = (
    (_WEEKDAY_NUMERIC, _weekday_numeric),
    (_DAY_MONTH, _named_month),
    (_MONTH_DAY, _named_month),
    (_DAY_RANGE_START, _range_start),
    (_NUMERIC, _numeric),
    (_MONTH_YEAR, _month_year),
    (_AGO, _ago),
    (_WEEKDAY_RELATIVE, _weekday_relative),
    (_WEEKEND, _weekend),
    (_RELATIVE_PERIOD, _relative_period),
    (_RELATIVE_DAY, _relative_day),
    (_WEEKDAY_BARE, _weekday_bare),
    (_MONTH_BARE, _month_bare),
    (_YEAR, _year_value),
    (_WEEKDAY_DAY, _weekday_day),
    (_TIME_ALONE, _time_alone),
    (_TIME_ZONED, _time_alone),
    (_TIME_OF_DAY, _time_of_day),
)


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
_BARE_WEEKDAYS = tuple(f", {name}" for name in _WEEKDAY_NAMES)
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
    if low.startswith(tuple(_WEEKDAY_NAMES)):
        spans.append((0, 24))
    spans += [(at - 14, at + 20) for at in _find_all(low, _ID_WEEKDAYS)]
    for month in _ID_MONTHS:  # capitalised: "Agustus lalu", "sejak Februari"
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
        for rank, (pattern, resolve) in enumerate(_RULES):
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
    return any(p.fullmatch(text, start, end) for p in (_TIME_ALONE, _TIME_ZONED, _TIME_OF_DAY))


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
