"""Publication times as a reader writes them: ``10 Sep 2019 09:02 WIB``, with the offset the page
printed (never converted), the day alone when the store has no time."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
INDONESIAN_ZONES = {7 * 60: "WIB", 8 * 60: "WITA", 9 * 60: "WIT"}
"""Indonesia's zone names by UTC offset (minutes): used only for Indonesian-language articles,
since +07:00 is also Bangkok's and +08:00 Kuala Lumpur's."""


def _offset(value: dt.datetime, language: str | None) -> str:
    delta = value.utcoffset()
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    if language == "id" and minutes in INDONESIAN_ZONES:
        return " " + INDONESIAN_ZONES[minutes]
    if minutes == 0:
        return " UTC"
    sign = "+" if minutes > 0 else "-"
    return f" {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def when(published: str | None, day: str | None = None, *, language: str | None = None, lang: str = "id") -> str:
    """``published`` (ISO 8601, as stored) as ``10 Sep 2019 09:02 WIB``: the time as printed and
    its offset (a zone name for an Indonesian article, else ``+08:00``; none when the page gave
    none); ``10 Sep 2019`` for a day alone. ``day`` stands in when ``published`` is missing;
    text that is no date is returned as it is. ``lang`` is the interface's (month names)."""
    text = (published or day or "").strip()
    if not text:
        return ""
    months = MONTHS.get(lang, MONTHS["en"])
    if len(text) <= 10:
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            return text
        return f"{d.day} {months[d.month - 1]} {d.year}"
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    clock = f"{value.hour:02d}:{value.minute:02d}"
    return f"{value.day} {months[value.month - 1]} {value.year} {clock}{_offset(value, language)}"
