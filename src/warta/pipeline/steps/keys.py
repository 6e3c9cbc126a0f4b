"""Step 4 (per record): the keys the corpus stage and the store need.

Exact-duplicate keys (normalised URL, normalised-text hash, from :mod:`warta.pipeline.dedup`), the
outlet (registered domain of the URL), the day, the lead and the word count. Computing them here
spreads the work over the workers; the corpus stage then only groups by them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from warta.pipeline.base import Item, RunContext, Step
from warta.pipeline.dedup import normalise_url, text_fingerprint

# Public suffixes with a second level that outlets use. A full public-suffix list (tldextract)
# fetches its list over the network at run time; news domains need only these.
_SECOND_LEVEL = frozenset(
    {
        "co.id", "go.id", "ac.id", "or.id", "web.id", "my.id", "sch.id", "net.id", "biz.id",
        "com.my", "net.my", "org.my", "gov.my", "com.sg", "com.ph", "co.th", "com.vn", "co.uk",
        "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp",
        "co.kr", "com.br", "com.ar", "com.mx", "co.in", "co.za", "com.tr", "com.cn", "com.hk",
        "com.tw",
    }
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(?!\d)")
_WORD = re.compile(r"\w+")
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
LEAD_CHARS = 400


def outlet_domain(url: str | None) -> str | None:
    """The registered domain of a URL: ``regional.kompas.com`` → ``kompas.com``,
    ``www.prokalteng.co`` → ``prokalteng.co``, ``news.detik.co.id`` → ``detik.co.id``."""
    if not url:
        return None
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return None  # javascript:, mailto:, data: … name no outlet
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").rstrip(".")
    except ValueError:
        return None
    if not host or host.replace(".", "").isdigit():
        return host or None
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of an ISO 8601 date or datetime."""
    if not value:
        return None
    m = _DAY.match(value)
    return m.group(1) if m else None


class KeysStep(Step):
    """Fills url_norm, text_hash, outlet, day, lead and word_count on the row."""

    name = "keys"

    def process(self, item: Item, ctx: RunContext) -> Item:
        row = item.row
        assert row is not None
        a = row.article
        row.url_norm = normalise_url(a.canonical_url or a.url)
        row.text_hash = text_fingerprint(a.text)
        row.outlet = (row.outlet or "").lower().removeprefix("www.") or outlet_domain(a.url)
        row.day = day_of(a.published.value if a.published else None) or day_of(row.fetched)
        row.word_count = len(_WORD.findall(a.text))
        lead: list[str] = []
        for para in a.paragraph_texts:
            lead.append(para)
            if sum(map(len, lead)) >= LEAD_CHARS // 2:
                break
        row.lead = " ".join(lead)[:LEAD_CHARS] or None
        return item
