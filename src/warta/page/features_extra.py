"""A third family of block features: where the page's prose is, repeated text, headline-style links.

:mod:`warta.page.features` describes a block by itself, its containers and its next neighbours.
What it cannot see is the shape of the whole page around the block, which is what gives away the
text that follows an article (related headlines, teasers, comments, footers) and the text that
repeats elsewhere on the page (menus, widget titles). These columns are appended to
:func:`warta.page.features.block_features` (see :func:`warta.page.content.stage_one_features`):

* the share of the page's prose words before and after the block, and how many blocks away the
  nearest prose block is on either side ("prose": a block of at least 20 words with little link
  text that ends like a sentence);
* how often the block's text occurs on the page;
* the share of its links that point to an article-like URL (a last path segment that is a slug
  of four or more words, or a long number), which marks headline links.

Feature order is part of the shipped model: change it only together with retraining.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from typing import Final

import numpy as np

from warta.page.features import F_CHARS, F_LINK_CHARS, F_LINKS, F_WORDS, block_facts
from warta.page.html import Block

EXTRA_FEATURES: Final = (
    "prose_before", "prose_after", "log_gap_prev_prose", "log_gap_next_prose", "is_prose",
    "log_repeats", "article_link_share",
)  # fmt: skip
"""Names of the columns of :func:`extra_features`."""

PROSE_WORDS: Final = 20
"""A prose block has at least this many words ..."""

PROSE_LINK_SHARE: Final = 0.3
"""... less than this share of link text, and ends like a sentence."""

_SENTENCE_END: Final = frozenset(".!?\"'”»)…:")
_LONG_NUMBER: Final = re.compile(r"\d{5}")
_NO_GAP: Final = 1000.0


def extra_features(
    blocks: list[Block], *, lowers: list[str] | None = None, facts: np.ndarray | None = None
) -> np.ndarray:
    """The extra columns :data:`EXTRA_FEATURES` (one row per block); ``lowers``, the blocks'
    texts lower-cased, and ``facts``, :func:`warta.page.features.block_facts` of them, may be
    given when the caller has them."""
    n = len(blocks)
    x = np.zeros((n, len(EXTRA_FEATURES)), dtype=np.float32)
    if not n:
        return x
    if facts is None:
        facts = block_facts(blocks)
    # The ints are exact in float64, so these are the comparisons Python makes on the ints.
    words = facts[:, F_WORDS].astype(np.float64)
    prose = (words >= PROSE_WORDS) & (facts[:, F_LINK_CHARS].astype(np.float64) < PROSE_LINK_SHARE * facts[:, F_CHARS])
    for i in np.flatnonzero(prose).tolist():  # ... and that end like a sentence
        prose[i] = blocks[i].text[-1] in _SENTENCE_END
    prose_words = np.where(prose, words, 0.0)
    cum = np.cumsum(prose_words)
    total = float(cum[-1]) or 1.0
    x[:, 0] = (cum - prose_words) / total
    x[:, 1] = (total - cum) / total
    idx = np.arange(n, dtype=np.float64)
    # Distance to the nearest prose block strictly before / after each block.
    last = np.where(prose, idx, -np.inf)
    last = np.maximum.accumulate(np.concatenate([[-np.inf], last[:-1]]))
    nxt = np.where(prose, idx, np.inf)
    nxt = np.minimum.accumulate(np.concatenate([nxt[1:], [np.inf]])[::-1])[::-1]
    x[:, 2] = np.log1p(np.minimum(idx - last, _NO_GAP))
    x[:, 3] = np.log1p(np.minimum(nxt - idx, _NO_GAP))
    x[:, 4] = prose
    keys = [b.text.lower() for b in blocks] if lowers is None else lowers
    counts = Counter(keys)
    x[:, 5] = np.log(np.array(list(map(counts.__getitem__, keys)), dtype=np.float64))
    linked = np.flatnonzero(facts[:, F_LINKS]).tolist()
    if linked:
        # A page repeats its hrefs (menus, teaser lists), so each distinct one is judged once;
        # the hits are then summed per block with one bincount (the shares are the same floats).
        hrefs = [href for i in linked for _, href in blocks[i].links]
        is_article = _article_hrefs(set(hrefs))
        sizes = facts[linked, 3]
        owner = np.repeat(np.arange(len(linked)), sizes)
        weights = list(map(is_article.__getitem__, hrefs))
        hits = np.bincount(owner, weights=weights, minlength=len(linked))
        x[linked, 6] = hits / sizes
    return x


def _article_hrefs(hrefs: set[str | None]) -> dict[str | None, bool]:
    """``{href: _is_article_href(href)}`` for each of ``hrefs`` (a page has about a hundred).

    The long-number test, a regular-expression search of each href that steps through every
    character, is done on all hrefs at once: joined by line breaks, their ASCII bytes mapped to
    "0" for a digit and "x" for anything else, where ``bytes.find`` looks for "00000" (no run
    spans a line break; a match is given back to the href it starts in by its offset). Hrefs with
    other characters (whose ``\\d`` takes other scripts' digits) are searched one by one.
    """
    found = {href: bool(href and _is_slug_href(href)) for href in hrefs}
    texts = [href for href, slug in found.items() if href and not slug]
    joined = "\n".join(texts)
    if not joined.isascii():
        for href in texts:
            if _LONG_NUMBER.search(href) is not None:
                found[href] = True
        return found
    marked = joined.encode("ascii").translate(_DIGITS_AS_ZERO)
    at = marked.find(b"00000")
    if at < 0:
        return found
    starts = list(accumulate((len(href) + 1 for href in texts), initial=0))
    while at >= 0:
        k = bisect_right(starts, at) - 1
        found[texts[k]] = True
        at = marked.find(b"00000", starts[k + 1])
    return found


_DIGITS_AS_ZERO: Final = bytes(48 if 48 <= c <= 57 else 120 for c in range(256))


def _is_slug_href(href: str) -> bool:
    """Whether the last path segment of ``href`` is a slug of 4+ words (3+ hyphens)."""
    # The last segment is part of the href: fewer than 3 hyphens in all (menus, home and section
    # links) rules the slug out without the splits.
    if href.count("-") < 3:
        return False
    return href.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].count("-") >= 3


def _is_article_href(href: str | None) -> bool:
    """Whether ``href`` looks like a link to one article: a last path segment that is a slug of 4+
    words, or a URL with a long number."""
    if not href:
        return False
    return _is_slug_href(href) or _LONG_NUMBER.search(href) is not None
