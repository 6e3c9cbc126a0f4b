"""Cleaning of one metadata value as a page gives it: character references decoded, runs of
whitespace collapsed, nothing left → ``None``; and the test for a value that is a URL."""

from __future__ import annotations

import html
import re
from typing import Any

_WS = re.compile(r"\s+")

URLISH = re.compile(r"https?://|www\.|\.(?:com|net|org|id|co)\b/|^/", re.IGNORECASE)
"""A value that is, or holds, a URL or a site path rather than a name or a tag."""


def clean_value(value: Any) -> str | None:
    """``value`` as clean text, or ``None`` when it is not a string or holds only whitespace."""
    if not isinstance(value, str):
        return None
    if "&" in value and ";" in value:
        value = html.unescape(value)
    value = _WS.sub(" ", value).strip()
    return value or None
