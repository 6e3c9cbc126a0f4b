"""Collapse a body printed more than once to one copy.

Scrapers and some CMS templates print the whole body twice (the seed page does), print its first
paragraphs again under the article, or repeat one paragraph. :func:`collapse_repeats` keeps the
first copy of every substantial paragraph and drops later copies, and drops a later paragraph that
is a truncated copy (a prefix) of an earlier one. Short lines ("Foto", "***") are dropped only
inside a run of repeats, so a short line that happens to recur in the body on its own survives.
"""

from __future__ import annotations

import bisect
import re

REPEATED_BODY = "repeated-body-collapsed"
"""Warning: a run of two or more paragraphs appeared again and was dropped."""

REPEATED_PARAGRAPH = "repeated-paragraph-dropped"
"""Warning: a single paragraph appeared again and was dropped."""

_NON_WORDS = re.compile(r"\W+")
_MIN_KEY = 30
_MIN_PREFIX = 60
_MAX_PREFIX_SCAN = 3000


# ASCII bytes → themselves for word characters (letters lower-cased), a space for the others.
_ASCII_KEY = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 95 else 32
    for c in range(256)
)


def _key(text: str) -> str:
    """The words (``\\w+`` runs) of ``text`` casefolded and joined by single spaces.

    Written as one substitution of the runs between words and a strip (no whitespace character
    is a word character), which builds no list of words: a third faster than findall and join.
    ASCII text (most paragraphs) takes a faster way to the same string: in ASCII, casefolding is
    lower-casing and the word characters are letters, digits and ``_``, so one byte translation
    leaves the words separated by spaces alone, and a split and a join collapse those.
    """
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_KEY).decode("ascii").split())
    return _NON_WORDS.sub(" ", text.casefold()).strip()


word_key = _key
r"""``" ".join(re.findall(r"\w+", text.casefold()))``, faster: the key of :func:`_key`."""


_HEAD = 64
"""How many leading characters of each text :func:`_may_repeat` looks at."""


def _may_repeat(texts: list[str]) -> bool:
    """False when no text of ``texts`` can be a repeat: a cheap, exact test run before the keys.

    Every repeat found by :func:`collapse_repeats` is a text whose key equals an earlier text's
    key, or, when at least :data:`_MIN_PREFIX` long, starts it (a cut-off copy). The key of a
    text's first :data:`_HEAD` characters (its head) is a prefix of the key of the whole text
    (casefolding goes character by character; a word or a run of non-word characters cut at the
    end only shortens the key). So when key_j starts with key_i, both heads are prefixes of key_j
    and one starts the other; sorted, a string that another starts sits right before one it
    starts, and equal strings sit together. A text of at most :data:`_HEAD` characters whose key
    is shorter than :data:`_MIN_PREFIX` can only repeat by an equal key, and its head is its key:
    it only counts when its neighbour equals it. If no neighbour pair counts, there is no repeat
    and the keys of the whole texts (most of the cost on a long body) need not be built.
    """
    heads = []
    whole: set[str] = set()  # heads that are the whole key of a text too short to be a cut copy
    for text in texts:
        head = _key(text[:_HEAD])
        heads.append(head)
        if len(text) <= _HEAD and len(head) < _MIN_PREFIX:
            whole.add(head)
    heads.sort()
    pairs = zip(heads, heads[1:], strict=False)
    return any(b.startswith(a) and (a == b or a not in whole) for a, b in pairs)


def _starts_one_of(ordered: list[str], prefix: str) -> bool:
    """Whether some string of the sorted list ``ordered`` starts with ``prefix``.

    The strings that start with ``prefix`` sort together, right where ``prefix`` itself would go,
    so one binary search answers what a scan of every earlier paragraph did (pages with hundreds
    of paragraphs made that scan quadratic).
    """
    at = bisect.bisect_left(ordered, prefix)
    return at < len(ordered) and ordered[at].startswith(prefix)


def collapse_repeats(texts: list[str]) -> tuple[list[int], list[str]]:
    """The indices of ``texts`` to keep, and warnings about what was dropped.

    A paragraph is dropped when an earlier paragraph has the same words (case, spacing and
    punctuation aside), or when it is at least 60 characters long and an earlier paragraph starts
    with it (a cut-off copy). A short paragraph is dropped when it repeats an earlier one and
    stands between dropped repeats.
    """
    if not _may_repeat(texts):
        return list(range(len(texts))), []
    keys = [_key(t) for t in texts]
    seen: set[str] = set()
    earlier: list[str] = []  # the substantial keys kept so far, sorted (see _starts_one_of)
    repeat = [False] * len(texts)
    for i, key in enumerate(keys):
        if not key:
            continue
        substantial = len(key) >= _MIN_KEY
        if substantial and (
            key in seen
            or (
                len(key) >= _MIN_PREFIX
                and len(earlier) < _MAX_PREFIX_SCAN
                and _starts_one_of(earlier, key)
            )
        ):
            repeat[i] = True
        if substantial and not repeat[i] and key not in seen:
            bisect.insort(earlier, key)
        seen.add(key)
    # Short lines that repeat an earlier line and sit inside a run of repeats go too.
    n = len(keys)
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    before, after = [False] * n, [True] * n  # is the nearest substantial line a repeat?
    last = False
    for i in range(n):
        before[i] = last
        if len(keys[i]) >= _MIN_KEY:
            last = repeat[i]
    last = True
    for i in range(n - 1, -1, -1):
        after[i] = last
        if len(keys[i]) >= _MIN_KEY:
            last = repeat[i]
    for i, key in enumerate(keys):
        if key and len(key) < _MIN_KEY and first[key] != i:
            repeat[i] = before[i] and after[i]
    kept = [i for i in range(len(texts)) if not repeat[i]]
    warnings: list[str] = []
    if any(repeat):
        longest = run = 0
        for flag in repeat:
            run = run + 1 if flag else 0
            longest = max(longest, run)
        warnings.append(REPEATED_BODY if longest >= 2 else REPEATED_PARAGRAPH)
    return kept, warnings
