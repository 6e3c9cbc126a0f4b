"""Checks of the metadata an input declares (JSONL fields): dates, URLs and outlets.

A value that cannot be what its field says is dropped with a warning (kept on the article's
``warnings``), not stored as is: a value that is not a date or lies more than a day in the future
(dates are stored normalised to ISO 8601, epoch seconds included),
a URL that is not http(s), an outlet with whitespace or control characters inside.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from warta.page.dates import parse_date

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_HOST_FIRST = re.compile(r"^(//)?[\w-]+(\.[\w-]+)+(:\d+)?(/|$)")

FUTURE_SLACK = timedelta(days=1)
"""How far in the future a declared date may lie (time zones, clocks) before it is implausible."""


def clean_date(value: object, field: str, *, now: datetime | None = None) -> tuple[str | None, str | None]:
    """``(iso_value, None)`` for a plausible date, normalised to ISO 8601, else ``(None, warning)``.

    Read with the core's :func:`warta.page.dates.parse_date` (ISO 8601, epoch seconds or
    milliseconds, RFC 2822, English and Indonesian visible dates; years 1990-2100).
    """
    if value is None or value == "":
        return None, None
    iso = parse_date(value) if not isinstance(value, bool) else None
    if iso is None:
        return None, f"{field}: dropped {_show(value)}, not a date"
    parsed = datetime.fromisoformat(iso)
    aware = parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    if aware > (now or datetime.now(UTC)) + FUTURE_SLACK:
        return None, f"{field}: dropped {_show(value)}, more than a day in the future"
    return iso, None


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
        return None, f"{field}: dropped {_show(value)}, not an http(s) URL"
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
        return None, f"{field}: dropped {_show(value)}, whitespace or control characters inside"
    return text, None


def _show(value: object, n: int = 60) -> str:
    shown = repr(value)
    return shown if len(shown) <= n else shown[: n - 1] + "…"
