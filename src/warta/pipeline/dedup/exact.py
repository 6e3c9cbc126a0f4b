"""Exact-duplicate keys: a normalised URL and a hash of the normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track a visit and never change the page.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_[ce]id|_ga|_gl|igshid|ref|ref_src|"
    r"source|src|cmp|spm|share|amp|from|page_from|_branch_match_id)$",
    re.I,
)
# Mobile and AMP host prefixes that serve the same article as the main host.
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.", "wap.")
_AMP_PATH = re.compile(r"(/amp/?$|^/amp/|/amp(?=/))")
_WORDS = re.compile(r"\w+")


def normalise_url(url: str | None) -> str | None:
    """A URL reduced to what identifies the page.

    Lower-cases scheme and host, drops ``www.``/``m.``/``amp.`` prefixes, the port when default,
    the fragment, tracking parameters (``utm_*``, ``fbclid``…), an ``/amp`` path part, and a
    trailing slash; sorts the remaining query parameters. ``https`` and ``http`` compare equal.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip() or None
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    path = _AMP_PATH.sub("/", parts.path or "/")
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    return urlunsplit(("http", netloc, path, query, ""))


def normalise_text(text: str) -> str:
    """Text folded for comparison: NFKC, lower case, words only, single spaces."""
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", text).casefold()))


def text_fingerprint(text: str) -> str:
    """A hex SHA-1 of the normalised text: equal for texts that differ only in case, spacing
    and punctuation."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()
