"""Metadata field accuracy of warta and, side by side, trafilatura's metadata extractor.

Run: ``python -m benchmarks.metadata [--sets mozilla-readability wcxb-dev id-news-dev] [--no-peer]``

Both tools get the same decoded text (warta's :func:`~warta.page.decode.decode`) and the page URL
when the set has one. A field is scored only on pages whose gold has it; a missing prediction is a
miss. Match rules:

- **title**: exact match after normalising both sides (Unicode NFKC, lowercase, typographic quotes
  and dashes unified, whitespace collapsed, surrounding punctuation stripped);
- **site_name**: the same normalised exact match;
- **published**: the same calendar day: the first 10 characters (``YYYY-MM-DD``) of the ISO value
  as the page prints it, no time-zone conversion;
- **authors**, two rules, both reported:
  - ``authors=`` (bag): the bag of name words of all predicted names equals that of all gold
    names (lowercased, accents folded, punctuation and the words "and"/"by" dropped), so the
    same people however the names are split into strings;
  - ``authors~`` (any-overlap): at least one predicted name has all its words in the gold's word
    bag.

Gold caveats: mozilla-readability's gold is Readability.js's own output (biased towards its
rules); wcxb-dev was drafted with an LLM and reviewed; id-news-dev is silver. Report, don't tune.
"""

from __future__ import annotations

import argparse
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from benchmarks.data import Page, load
from warta.page.decode import decode
from warta.page.metadata import extract_metadata

FIELDS: dict[str, tuple[str, ...]] = {
    "mozilla-readability": ("title", "authors", "site_name", "published"),
    "wcxb-dev": ("title", "authors", "published"),
    "id-news-dev": ("title", "published"),
}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_NOT_NAME_WORDS = frozenset({"and", "by", "dan", "oleh"})


@dataclass
class Prediction:
    """One tool's metadata for one page, in the benchmark's terms."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    published: str | None = None


def norm_text(value: str | None) -> str:
    """Normalised text for exact comparison."""
    if not value:
        return ""
    value = unicodedata.normalize("NFKC", value).translate(_QUOTES).lower()
    return _WS.sub(" ", value).strip(" \t\n.,:;|-'\"")


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_words(names: list[str]) -> Counter[str]:
    """The bag of name words of a list of author strings."""
    return Counter(
        w for n in names for w in _WORD.findall(_fold(n)) if w not in _NOT_NAME_WORDS
    )


def match_title(pred: str | None, gold: str | None) -> bool:
    return bool(pred) and norm_text(pred) == norm_text(gold)


def match_day(pred: str | None, gold: str | None) -> bool:
    return bool(pred and gold) and str(pred)[:10] == str(gold)[:10]


def match_authors_bag(pred: list[str], gold: list[str]) -> bool:
    return bool(pred) and name_words(pred) == name_words(gold)


def match_authors_any(pred: list[str], gold: list[str]) -> bool:
    bag = name_words(gold)
    for name in pred:
        words = name_words([name])
        if words and all(bag[w] >= c for w, c in words.items()):
            return True
    return False


def warta_meta(page: Page, text: str) -> Prediction:
    meta = extract_metadata(LexborHTMLParser(text), url=page.url)
    return Prediction(
        title=meta.title,
        authors=meta.authors,
        site_name=meta.site_name,
        published=meta.published.value if meta.published else None,
    )


def trafilatura_meta(page: Page, text: str) -> Prediction:
    from trafilatura.metadata import extract_metadata as traf_extract

    try:
        doc = traf_extract(text, default_url=page.url)
    except Exception:
        return Prediction()
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Prediction(title=doc.title, authors=authors, site_name=doc.sitename, published=doc.date)


def gold_of(page: Page, name: str) -> Any:
    if name == "authors":
        return [a for a in page.listish("authors") if a and a.strip()]
    value = page.gold.get(name)
    return None if value in (None, "", "None") else value


def score(set_name: str, tools: dict[str, Callable[[Page, str], Prediction]]) -> None:
    """Print one set's table: field, pages with gold, then each tool's accuracy."""
    fields = FIELDS[set_name]
    pages = list(load(set_name))
    texts = [decode(p.html).text for p in pages]
    hits: dict[tuple[str, str], int] = Counter()
    totals: Counter[str] = Counter()
    timings: dict[str, float] = {}
    for tool, fn in tools.items():
        start = time.perf_counter()
        preds = [fn(p, t) for p, t in zip(pages, texts, strict=True)]
        timings[tool] = time.perf_counter() - start
        for page, pred in zip(pages, preds, strict=True):
            for name in fields:
                gold = gold_of(page, name)
                if not gold:
                    continue
                if tool == next(iter(tools)):
                    totals[name] += 1
                if name == "title":
                    ok = {"title": match_title(pred.title, gold)}
                elif name == "site_name":
                    ok = {"site_name": match_title(pred.site_name, gold)}
                elif name == "published":
                    ok = {"published": match_day(pred.published, gold)}
                else:
                    ok = {
                        "authors=": match_authors_bag(pred.authors, gold),
                        "authors~": match_authors_any(pred.authors, gold),
                    }
                for key, value in ok.items():
                    hits[(tool, key)] += int(value)
    rows = [f for name in fields for f in (("authors=", "authors~") if name == "authors" else (name,))]
    names = list(tools)
    print(f"\n## {set_name} ({len(pages)} pages)\n")
    print("| field | pages with gold | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for row in rows:
        total = totals[row.rstrip("=~")]
        cells = [f"{hits[(tool, row)] / total:.3f}" if total else "-" for tool in names]
        print(f"| {row} | {total} | " + " | ".join(cells) + " |")
    speed = " · ".join(f"{tool} {len(pages) / timings[tool]:.0f} pages/s" for tool in names)
    print(f"\nmetadata only, parse included, one core: {speed}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sets", nargs="+", default=list(FIELDS), choices=list(FIELDS))
    parser.add_argument("--no-peer", action="store_true", help="skip trafilatura")
    args = parser.parse_args(argv)
    tools: dict[str, Callable[[Page, str], Prediction]] = {"warta": warta_meta}
    if not args.no_peer:
        tools["trafilatura"] = trafilatura_meta
    for set_name in args.sets:
        score(set_name, tools)


if __name__ == "__main__":
    main()
