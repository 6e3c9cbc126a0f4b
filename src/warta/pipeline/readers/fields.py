"""Checks of the metadata an input declares (JSONL fields): dates, URLs and outlets.

A value that cannot be what its field says is dropped with a warning (kept on the article's
``warnings``), not stored as is: a value that is not a date or lies more than a day in the future
(dates are stored normalised to ISO 8601, epoch seconds included; ``YYYY`` and ``YYYY-MM`` as
given),
a URL that is not http(s), an outlet with whitespace or control characters inside.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from warta.page.dates import format_datetime, parse_date

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_HOST_FIRST = re.compile(r"^(//)?[\w-]+(\.[\w-]+)+(:\d+)?(/|$)")

_REDUCED = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
MIN_YEAR = 1000
"""The earliest year a declared ISO 8601 date may have (earlier ones are typos or placeholders)."""

FUTURE_SLACK = timedelta(days=1)
"""How far in the future a declared date may lie (time zones, clocks) before it is implausible."""


def clean_date(value: object, field: str, *, now: datetime | None = None) -> tuple[str | None, str | None]:
    """``(iso_value, None)`` for a plausible date, normalised to ISO 8601, else ``(None, warning)``.

    A declared date is the exporting tool's knowledge, so any valid ISO 8601 date or datetime
    from year 1000 on is kept (reduced precision ``YYYY-MM`` and ``YYYY`` as given). Other
    shapes are read with the core's :func:`warta.page.dates.parse_date` (epoch seconds or
    milliseconds, RFC 2822, English and Indonesian visible dates; years 1990-2100, the window in
    which such a shape is a publication date rather than a number). Dropped: what is not a date,
    and dates more than a day in the future.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, f"{field}: dropped {show_value(value)}, not a date"
    iso, start = _reduced_iso(value) if isinstance(value, str) else (None, None)
    if iso is None:
        iso = parse_date(value) or (_full_iso(value) if isinstance(value, str) else None)
        start = datetime.fromisoformat(iso) if iso else None
    if iso is None or start is None:
        return None, f"{field}: dropped {show_value(value)}, not a date"
    aware = start if start.tzinfo is not None else start.replace(tzinfo=UTC)
    if aware > (now or datetime.now(UTC)) + FUTURE_SLACK:
        return None, f"{field}: dropped {show_value(value)}, more than a day in the future"
    return iso, None


def _reduced_iso(value: str) -> tuple[str | None, datetime | None]:
    """``YYYY`` or ``YYYY-MM`` (from year 1000) as given, with the start of that period."""
    m = _REDUCED.match(value.strip())
    if not m:
        return None, None
    year, month = int(m.group(1)), int(m.group(2) or 1)
    if year < MIN_YEAR or not 1 <= month <= 12:
        return None, None
    return m.group(0), datetime(year, month, 1)


def _full_iso(value: str) -> str | None:
    """An ISO 8601 date or datetime from year 1000 (``datetime.fromisoformat`` reads the
    standard's forms since Python 3.11), normalised as the core normalises dates."""
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.year < MIN_YEAR:
        return None
    return format_datetime(parsed, has_time=len(text) > 10)


def clean_url(value: str | None, field: str) -> tuple[str | None, str | None]:
    """``(url, None)`` for an absolute http(s) URL, else ``(None, warning)``. A URL without a
    scheme whose first part is a host name (``www.kompas.com/a``, ``//kompas.com/a``) is read as
    https, as browsers do."""
    if value is None:
        return None, None
    text = value.strip()
    if not _SCHEME.match(text) and _HOST_FIRST.match(text):
        text = "https://" + text.removeprefix("//")
    try:
        parts = urlsplit(text)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok:
        return None, f"{field}: dropped {show_value(value)}, not an http(s) URL"
    return text, None


def clean_outlet(value: str | None, field: str) -> tuple[str | None, str | None]:
    """``(outlet, None)`` for an outlet without inner whitespace or control characters (a domain
    or a one-word name), surrounding whitespace stripped; else ``(None, warning)``."""
    if value is None:
        return None, None
    text = value.strip()
    if not text:
        return None, None
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        return None, f"{field}: dropped {show_value(value)}, whitespace or control characters inside"
    return text, None


def show_value(value: object, n: int = 60) -> str:
    """``repr(value)``, cut to ``n`` characters (for warnings)."""
    shown = repr(value)
    return shown if len(shown) <= n else shown[: n - 1] + "…"
