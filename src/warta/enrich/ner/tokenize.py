"""A fast regex tokenizer that keeps character offsets, cut like the Indonesian NER corpora.

The corpora (IndoLEM NER-UI/UGM, IndoNLU NERGrit/NERP, idner-news-2k) split punctuation and
hyphens off words (``Korea Utara - Rusia``), keep numbers with their separators together
(``14/6/2005``, ``10.500``) and keep dotted names whole (``Kompas.com``). One regex does that;
a full tokenizer library would add a dependency for no gain on this job.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN_RE = re.compile(
    r"\d+(?:[.,/:]\d+)*"  # numbers, dates, times: 10.500, 14/6/2005, 14.00
    r"|\w+(?:['’.]\w+)*"  # words, with inner apostrophes or dots: Ma'ruf, Kompas.com
    r"|[^\w\s]"  # any other single non-space character
)

_SENTENCE_END = frozenset({".", "!", "?"})


class Token(NamedTuple):
    """One token and its character span in the text."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with their ``[start, end)`` character offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def split_sentences(tokens: list[Token], text: str, max_len: int = 120) -> list[list[Token]]:
    """Group tokens into sentences: break after ``. ! ?`` (and any closing quote after them),
    at blank lines, and every ``max_len`` tokens at the latest.

    Short sequences keep the tagger's work per sequence small and match how the training
    corpora are cut (one sentence per sequence).
    """
    sentences: list[list[Token]] = []
    current: list[Token] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        current.append(tok)
        end_here = False
        if tok.text in _SENTENCE_END:
            nxt = tokens[i + 1] if i + 1 < n else None
            end_here = nxt is None or nxt.text not in {'"', "”", "’", "'", ")"}
        elif (
            tok.text in {'"', "”", "’", "'", ")"} and i > 0 and tokens[i - 1].text in _SENTENCE_END
        ):
            end_here = True
        if not end_here and i + 1 < n and "\n" in text[tok.end : tokens[i + 1].start]:
            end_here = True
        if end_here or len(current) >= max_len:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences
