"""C4's line cleaning (Raffel et al. 2020, "Exploring the limits of transfer learning", §2.2), as a
text-mode peer.

The rules follow ``clean_page`` in TensorFlow Datasets' ``c4_utils.py`` (the code that built C4),
applied to one page's text, one line a block:

- drop a line holding a "word" longer than 1,000 characters;
- remove Wikipedia-style citation marks (``[1]``, ``[edit]``, ``[citation needed]``);
- keep only lines that end in terminal punctuation (``.``, ``?``, ``!``, ``"``) and not in ``...``;
- keep only lines of at least 5 words;
- drop lines mentioning "javascript" and lines with a policy phrase ("terms of use", "privacy
  policy", "cookie policy", "uses cookies", "use of cookies", "use cookies");
- page rules: a page with "lorem ipsum" or a ``{`` in a kept line is dropped whole, and so is a page
  whose kept lines hold fewer than 3 sentences.

Not reproduced: the bad-words page filter, the language filter and the corpus-wide deduplication of
three-sentence spans, which are corpus filters, not boilerplate removal. Sentences are counted with
a punctuation regex instead of NLTK's Punkt (whose model is a separate download).
"""

from __future__ import annotations

import re

END_MARKS = (".", "?", "!", '"')
ELLIPSIS = "..."
POLICY_SUBSTRINGS = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
MIN_WORDS_PER_LINE = 5
MIN_NUM_SENTENCES = 3
MAX_WORD_LENGTH = 1000

_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?:\s+|$)")


def count_sentences(line: str) -> int:
    """Sentences in a line: runs of terminal punctuation followed by a space or the end."""
    return max(1, len(_SENTENCE_END.findall(line))) if line.strip() else 0


def clean(text: str, *, page_rules: bool = True) -> str:
    """The lines of ``text`` that C4 keeps, joined by newlines; ``""`` when C4 drops the page.

    With ``page_rules=False`` only the line rules apply: "lorem ipsum" and ``{`` lines are dropped
    alone and the sentence minimum is not enforced (a gentler, line-only variant).
    """
    kept: list[str] = []
    sentences = 0
    for raw in text.splitlines():
        line = raw.strip()
        if any(len(word) > MAX_WORD_LENGTH for word in line.split()):
            continue
        line = _CITATION.sub("", line)
        if not line.endswith(END_MARKS) or line.endswith(ELLIPSIS):
            continue
        if len(line.split()) < MIN_WORDS_PER_LINE:
            continue
        lower = line.lower()
        if "lorem ipsum" in lower:
            if page_rules:
                return ""
            continue
        if "javascript" in lower:
            continue
        if "{" in line:
            if page_rules:
                return ""
            continue
        if any(p in lower for p in POLICY_SUBSTRINGS):
            continue
        sentences += count_sentences(line)
        kept.append(line)
    if page_rules and sentences < MIN_NUM_SENTENCES:
        return ""
    return "\n".join(kept).strip()
