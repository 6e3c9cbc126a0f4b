"""The publisher's own statement of the article text: JSON-LD ``articleBody``, as a check on the body.

Many news and magazine pages repeat their article's plain text in a JSON-LD ``articleBody``
(NewsArticle, Article, BlogPosting). When it is there and it covers most of what the block
classifier kept, it tells which kept blocks are the article and which are page furniture the
classifier let through (teasers, product boxes, sign-up prompts, comments):

- a kept block whose word trigrams are mostly absent from ``articleBody`` is unkept (headings are
  left alone: publishers often leave them out of ``articleBody``; and when no block ends where
  the declaration ends, so that it may have been cut short, so are the blocks after the last
  one it holds);
- a block of at least :data:`RESTORE_WORDS` words the classifier dropped between the first and
  the last kept block, whose trigrams are nearly all in ``articleBody``, is kept.

A declaration that covers less than :data:`MIN_COVER` of the kept words (a teaser, the first
paragraph only, another text) is not used, nor one under :data:`MIN_WORDS` words. On wcxb-dev
article pages that carry one (24 of 793), read out of fold, word F1 0.952 → 0.966
(P 0.934 → 0.957, R 0.983 → 0.980).

The matching is written here because it is a few set operations on word trigrams; no library
offers "which of these blocks does this text contain" with the tolerance needed (entities,
whitespace and punctuation differ between the markup and the JSON string).
"""

from __future__ import annotations

import html
import re
from typing import Final

from warta.page.html import Block

MIN_WORDS: Final = 50
"""A declared body shorter than this many words is not used."""

MIN_COVER: Final = 0.5
"""The declared body is used only if the kept blocks it contains hold this share of kept words."""

KEEP_SHARE: Final = 0.5
"""A kept block stays when at least this share of its word trigrams is in the declared body."""

RESTORE_SHARE: Final = 0.9
"""A dropped block comes back when at least this share of its word trigrams is in it ..."""

RESTORE_WORDS: Final = 8
"""... and it has at least this many words."""

_TAG = re.compile(r"<[^>]{0,500}>")
_WORD = re.compile(r"\w+")


class DeclaredBody:
    """The lowercased words and word trigrams of a JSON-LD ``articleBody``."""

    __slots__ = ("ending", "trigrams", "words")

    def __init__(self, words: list[str]) -> None:
        self.words = frozenset(words)
        self.trigrams = frozenset(zip(words, words[1:], words[2:], strict=False))
        # its last trigrams (a credit or a tag line may follow the last paragraph's end)
        self.ending = frozenset(zip(words[-6:], words[-5:], words[-4:], strict=False))

    def ends_with(self, text: str) -> bool:
        """True when ``text`` ends where the declared body ends: its last trigram is one of the
        declaration's last ones (a declaration cut short stops inside a printed paragraph)."""
        words = _WORD.findall(text.lower())
        return len(words) >= 3 and tuple(words[-3:]) in self.ending

    @classmethod
    def parse(cls, article_body: str | None) -> DeclaredBody | None:
        """The declared body of a JSON-LD ``articleBody`` string (tags and entities undone), or
        None if it is missing or shorter than :data:`MIN_WORDS` words."""
        if not article_body:
            return None
        words = _WORD.findall(html.unescape(_TAG.sub(" ", article_body)).lower())
        return cls(words) if len(words) >= MIN_WORDS else None

    def share(self, text: str) -> float:
        """The share of ``text``'s word trigrams found in the declared body (for a text of one or
        two words: 1.0 if all its words are there, else 0.0)."""
        words = _WORD.findall(text.lower())
        grams = set(zip(words, words[1:], words[2:], strict=False))
        if not grams:
            return 1.0 if words and all(w in self.words for w in words) else 0.0
        return sum(1 for g in grams if g in self.trigrams) / len(grams)


def follow_declared_body(blocks: list[Block], keep: list[bool], declared: DeclaredBody) -> None:
    """Align ``keep`` with the declared body, as the module says (``keep`` updated in place)."""
    kept_at = [i for i, k in enumerate(keep) if k]
    if not kept_at:
        return
    shares = {i: declared.share(blocks[i].text) for i in kept_at}
    matched = [i for i in kept_at if shares[i] >= KEEP_SHARE]
    if sum(blocks[i].words for i in matched) < MIN_COVER * sum(blocks[i].words for i in kept_at):
        return
    # A declaration cut short (some publishers give the first part only) says nothing of the
    # kept blocks after its last printed words: they stay unless the page prints its ending.
    ended = any(declared.ends_with(blocks[i].text) for i in matched[-3:])
    for i in kept_at:
        if shares[i] < KEEP_SHARE and blocks[i].kind != "heading" and (ended or i < matched[-1]):
            keep[i] = False
    # Blocks the classifier kept are settled above (a share under KEEP_SHARE is under
    # RESTORE_SHARE too); only the ones it dropped are read again.
    for i in range(kept_at[0], kept_at[-1] + 1):
        block = blocks[i]
        if (
            i not in shares
            and block.words >= RESTORE_WORDS
            and declared.share(block.text) >= RESTORE_SHARE
        ):
            keep[i] = True
