"""The text that the full-text index holds: lower-cased words, stemmed for Indonesian and Malay.

FTS5's own tokenisers (``unicode61``, ``porter``) know nothing of Indonesian affixes, so a search for
``perintah`` would miss ``pemerintahan``. We therefore index a *stemmed shadow* of the title and body:
each word is stemmed with PySastrawi (the standard Indonesian stemmer, Nazief–Adriani with
refinements) and the index is built over those stems with ``unicode61``. Queries go through the same
function, so ``pemerintah`` finds ``memerintahkan``. Other languages are lower-cased and indexed
unstemmed: their users get exact word matches.

This module does no I/O and imports no database code: workers call it while extracting.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"\w+(?:-\w+)*")
STEMMED_LANGUAGES = frozenset({"id", "ms"})
_CACHE_LIMIT = 400_000


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # Built lazily (about 60 ms) and cached per process; read-only afterwards apart from its memo.
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer(isDev=False)


_memo: dict[str, str] = {}


def stem_word(word: str) -> str:
    """The Sastrawi stem of one lower-case word, memoised (a news corpus repeats its vocabulary)."""
    stem = _memo.get(word)
    if stem is None:
        if len(_memo) > _CACHE_LIMIT:
            _memo.clear()
        stem = _stemmer().stem(word) or word
        _memo[word] = stem
    return stem


def words(text: str) -> list[str]:
    """Lower-cased word tokens; hyphenated words (``berlari-lari``) stay one token."""
    return _WORD.findall(text.lower())


def index_text(text: str | None, language: str | None) -> str:
    """The words of ``text`` as the index stores them: stems for id/ms, lower-cased words else."""
    if not text:
        return ""
    tokens = words(text)
    if language in STEMMED_LANGUAGES:
        tokens = [stem_word(t) for t in tokens]
    return " ".join(tokens)


def query_terms(term: str, language: str | None = "id") -> list[str]:
    """The index tokens for one query term or phrase (stemmed as the documents were)."""
    return index_text(term, language).split()
