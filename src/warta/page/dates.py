"""Small, fast date parsing for page metadata: ISO 8601, RFC 2822, epoch seconds, URL dates, and
the common English and Indonesian visible formats ("June 14, 2024", "Jumat, 14 Juni 2024 10:15
WIB", "14/06/2024 10.15").

Hand-written on purpose: ``dateparser`` and ``htmldate`` cover more formats but cost milliseconds a
call (and dateparser tens of milliseconds to import), while metadata must stay a small part of a
page budget of 4 ms. Deep Indonesian date resolution ("kemarin", "Senin lalu") lives in
``warta.lang.id``; this module only reads absolute dates.

Every function returns an ISO 8601 string or None and never raises. Values are ``YYYY-MM-DD`` when
only the day is known, ``YYYY-MM-DDTHH:MM:SS`` with the offset when it is known.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

MIN_YEAR = 1990
MAX_YEAR = 2100

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januari",
        "february feb februari pebruari peb",
        "march mar maret mrt",
        "april apr",
        "may mei",
        "june jun juni",
        "july jul juli",
        "august aug agustus agu agt ags agst",
        "september sep sept",
        "october oct oktober okt",
        "november nopember nov nop",
        "december dec desember des",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

ZONES: dict[str, int] = {
    "wib": 7 * 60,
    "wita": 8 * 60,
    "wit": 9 * 60,
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "est": -5 * 60,
    "edt": -4 * 60,
    "cst": -6 * 60,
    "cdt": -5 * 60,
    "mst": -7 * 60,
    "mdt": -6 * 60,
    "pst": -8 * 60,
    "pdt": -7 * 60,
    "bst": 60,
    "cet": 60,
    "cest": 2 * 60,
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = (
    r"(?:\s*(?:,|pukul|pkl\.?|at|@|-|\|)?\s*"
    r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    r"(?:\s*(?P<zone>wib|wita|wit|utc|gmt|[ecmp][sd]t|bst|cest|cet|z\b)?"
    r"\s*(?P<offset>[+-](?:[01]\d|2[0-3]):?[0-5]\d|[+-]\d{1,2}\b)?)?)?"
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?P<month>{_MONTH_ALT})\.?,?\s+(?P<year>(?:19|20)\d\d)\b{_TIME}",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b{_TIME}",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"\b(?P<day>[0-3]?\d)[/.-](?P<month>[01]?\d)[/.-](?P<year>(?:19|20)\d\d)\b{_TIME}",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)[/.-](?P<month>[01]?\d)[/.-](?P<day>[0-3]?\d)\b"
    + _TIME.replace(r"\s*(?:,|", r"\s*(?:,|t|")
    + r"(?:\.\d+)?",
    re.IGNORECASE,
)
# The year group every pattern above requires (digits have no case, so no IGNORECASE is needed).
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/_-]?(?P<month>0[1-9]|1[0-2])[/_-]?(?P<day>0[1-9]|[12]\d|3[01])(?=[/_\-.]|$)"
)
_URL_DATE_SEP = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])(?=/|$)"
)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_ISO_HEAD = re.compile(r"^\s*(\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?)?)\s*(Z|[+-]\d\d(?::?\d\d)?)?", re.I)


def _valid(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def format_datetime(value: datetime, *, has_time: bool = True) -> str:
    """``YYYY-MM-DD`` when ``has_time`` is false, else ISO 8601 to the second with any offset."""
    if not has_time:
        return value.date().isoformat()
    return value.isoformat(timespec="seconds")


def parse_iso(value: str) -> str | None:
    """An ISO 8601 date or datetime (also ``+0700`` and ``2024-06-14 10:15:00 +0700``)."""
    match = _ISO_HEAD.match(value)
    if not match:
        return None
    head, zone = match.group(1).replace(",", "."), match.group(2)
    text = head.replace(" ", "T") + ("" if not zone else "+00:00" if zone.upper() == "Z" else zone)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if not _valid(parsed.year, parsed.month, parsed.day):
        return None
    return format_datetime(parsed, has_time=len(head) > 10)


def parse_date(value: object) -> str | None:
    """Any date found in metadata: ISO 8601, epoch seconds or milliseconds, a visible-text
    format (see :func:`find_date_in_text`), or RFC 2822."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str):
        return None
    value = value.strip()[:200]
    if not value:
        return None
    iso = parse_iso(value)
    if iso:
        return iso
    if _EPOCH.match(value):
        seconds = int(value[:10])
        try:
            parsed = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return format_datetime(parsed) if _valid(parsed.year, 1, 1) else None
    found = find_date_in_text(value)
    if found or not value[:3].isalpha():
        return found
    try:  # RFC 2822 leftovers the patterns above do not read ("Fri, 14 Jun 24 ...")
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # "+07001700000000" as a zone
        return None
    if parsed is not None and _valid(parsed.year, parsed.month, parsed.day):
        return format_datetime(parsed)
    return None


def _zone(match: re.Match[str]) -> timezone | None:
    zone = (match.group("zone") or "").lower()
    offset = match.group("offset")
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
        minutes_total = sign * (hours * 60 + minutes) + ZONES.get(zone, 0)
        return timezone(timedelta(minutes=minutes_total))
    if zone in ZONES:
        return timezone(timedelta(minutes=ZONES[zone]))
    return None


def _from_match(match: re.Match[str]) -> str | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."), 0)
    day = _valid(int(match.group("year")), month, int(match.group("day")))
    if day is None:
        return None
    if match.group("hour") is None:
        return day.isoformat()
    hour = int(match.group("hour"))
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    second = int(match.group("second") or 0)
    value = datetime(day.year, day.month, day.day, hour, int(match.group("minute")), second)
    zone = _zone(match)
    if zone is not None:
        value = value.replace(tzinfo=zone)
    return format_datetime(value)


def find_date_in_text(text: str) -> str | None:
    """The first absolute date in visible text, English or Indonesian, with its time if printed.

    Formats: ``14 June 2024``, ``June 14, 2024``, ``14/06/2024`` (day first), ``2024-06-14``,
    each optionally followed by a time (``10:15``, ``10.15``, ``10:15 PM``) and a zone (``WIB``,
    ``WITA``, ``WIT``, ``GMT+7``, ``+07:00``).
    """
    if not text:
        return None
    text = text[:5000]
    if _ANY_YEAR.search(text) is None:
        return None  # every format holds a year, 19xx or 20xx: one plain search rules most text out
    best: tuple[int, str] | None = None
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_FIRST, _NUMERIC):
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            value = _from_match(match)
            if value:
                best = (match.start(), value)
                break
    return best[1] if best else None


def date_from_url(url: str | None) -> str | None:
    """A date in the URL path: ``/2024/06/14/``, ``/2024-06-14/``, ``/20240614/``."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in (_URL_DATE_SEP, _URL_DATE):
        match = pattern.search(path)
        if match:
            day = _valid(int(match.group("year")), int(match.group("month")), int(match.group("day")))
            if day:
                return day.isoformat()
    return None
