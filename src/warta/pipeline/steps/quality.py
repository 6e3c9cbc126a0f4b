"""Step 3: quality signals. Gopher-, C4- and FineWeb-style figures, stored on each article.

The figures follow the published rules (Rae et al. 2021, "Gopher", appendix A; Raffel et al. 2020,
"C4"; Penedo et al. 2024, "FineWeb", and datatrove's filters that implement them). Each rule a text
fails is named in ``quality_flags``; **nothing is dropped here**: a news corpus holds short items,
lists of results and photo captions that web-scale filters would throw away, so the choice is the
user's, made in a query. They are hand-written rather than taken from datatrove because datatrove
pulls in a large dependency tree for some thirty lines of arithmetic.

Lines are the article's paragraphs. Stop words are per language (Indonesian and English here;
other languages get no stop-word rule).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from warta.pipeline.base import Item, RunContext, Step

_WORD = re.compile(r"\w+")
_NON_ALPHA_WORD = re.compile(r"(?<!\w)[\d_]+(?!\w)")
_BULLET = ("•", "●", "○", "■", "□", "▪", "▫", "*", "-", "–", "—", "‣", "⁃")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", "…", ")")
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
           "use cookies", "kebijakan privasi", "syarat dan ketentuan")
STOP_WORDS: dict[str, frozenset[str]] = {
    # Gopher's rule needs two of a handful of very common function words.
    "en": frozenset({"the", "be", "to", "of", "and", "that", "have", "with"}),
    "id": frozenset({"yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada"}),
    "ms": frozenset({"yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada"}),
}


def quality_figures(lines: Sequence[str], language: str | None) -> dict[str, float]:
    """The figures of one text given as lines (paragraphs)."""
    text = "\n".join(lines)
    words = _WORD.findall(text)
    n_words = len(words)
    n_lines = max(len(lines), 1)
    n_chars = max(len(text), 1)
    lower = text.lower()
    line_counts = Counter(line.strip() for line in lines if line.strip())
    dup_lines = sum(c - 1 for c in line_counts.values() if c > 1)
    dup_line_chars = sum(len(s) * (c - 1) for s, c in line_counts.items() if c > 1)
    stops = STOP_WORDS.get(language or "")
    lowered = [w.lower() for w in words]
    counts = Counter(lowered)
    figures: dict[str, float] = {
        "words": n_words,
        "lines": len(lines),
        "mean_word_length": sum(map(len, words)) / n_words if n_words else 0.0,
        "symbol_word_ratio": (text.count("#") + text.count("...") + text.count("…"))
        / max(n_words, 1),
        "bullet_lines_ratio": sum(line.lstrip().startswith(_BULLET) for line in lines) / n_lines,
        "ellipsis_lines_ratio": sum(line.rstrip().endswith(("...", "…")) for line in lines)
        / n_lines,
        "alpha_words_ratio": (n_words - len(_NON_ALPHA_WORD.findall(text))) / max(n_words, 1),
        "stop_words": float(sum(counts[w] for w in stops)) if stops else -1.0,
        "dup_lines_ratio": dup_lines / n_lines,
        "dup_line_chars_ratio": dup_line_chars / n_chars,
        "terminal_punct_lines_ratio": sum(line.rstrip().endswith(_TERMINAL) for line in lines)
        / n_lines,
        "short_lines_ratio": sum(len(line.strip()) <= 30 for line in lines) / n_lines,
        "lines_under_3_words_ratio": sum(len(line.split()) < 3 for line in lines) / n_lines,
        "newline_word_ratio": text.count("\n") / max(n_words, 1),
        "lorem_ipsum": float("lorem ipsum" in lower),
        "curly_bracket": float("{" in text),
        "javascript_lines": float(sum("javascript" in line.lower() for line in lines)),
        "policy_lines": float(sum(any(p in line.lower() for p in _POLICY) for line in lines)),
    }
    # A repeated n-gram contains a repeated (n-1)-gram: once a size has none, larger ones have none.
    ratio = 1.0
    for n in (2, 3, 4):
        ratio = _top_ngram_ratio(lowered, n) if ratio else 0.0
        figures[f"top_{n}gram_char_ratio"] = ratio
    figures.update(_dup_ngram_ratios(lowered, range(5, 11)))
    return {k: round(float(v), 4) for k, v in figures.items()}


# (flag, figure, test) — each is the published rule's threshold (datatrove defaults).
RULES: tuple[tuple[str, str, str, float], ...] = (
    ("gopher_too_short", "words", "<", 50),
    ("gopher_too_long", "words", ">", 100_000),
    ("gopher_short_words", "mean_word_length", "<", 3),
    ("gopher_long_words", "mean_word_length", ">", 10),
    ("gopher_symbols", "symbol_word_ratio", ">", 0.1),
    ("gopher_bullets", "bullet_lines_ratio", ">", 0.9),
    ("gopher_ellipsis", "ellipsis_lines_ratio", ">", 0.3),
    ("gopher_non_alpha", "alpha_words_ratio", "<", 0.8),
    ("gopher_dup_lines", "dup_lines_ratio", ">", 0.3),
    ("gopher_dup_line_chars", "dup_line_chars_ratio", ">", 0.2),
    ("gopher_top_2gram", "top_2gram_char_ratio", ">", 0.2),
    ("gopher_top_3gram", "top_3gram_char_ratio", ">", 0.18),
    ("gopher_top_4gram", "top_4gram_char_ratio", ">", 0.16),
    ("gopher_dup_5gram", "dup_5gram_char_ratio", ">", 0.15),
    ("gopher_dup_10gram", "dup_10gram_char_ratio", ">", 0.10),
    ("c4_lorem_ipsum", "lorem_ipsum", ">", 0),
    ("c4_curly_bracket", "curly_bracket", ">", 0),
    ("c4_javascript", "javascript_lines", ">", 0),
    ("c4_policy", "policy_lines", ">", 0),
    ("fineweb_line_punct", "terminal_punct_lines_ratio", "<", 0.12),
    ("fineweb_short_lines", "short_lines_ratio", ">", 0.67),
    ("fineweb_char_dup", "dup_line_chars_ratio", ">", 0.01),
    ("fineweb_list", "newline_word_ratio", ">", 0.3),
)


def quality_flags(figures: dict[str, float]) -> list[str]:
    """Names of the rules the figures fail, in :data:`RULES` order."""
    flags = []
    stops = figures.get("stop_words", -1.0)
    for name, key, op, limit in RULES:
        value = figures.get(key)
        if value is not None and (value < limit if op == "<" else value > limit):
            flags.append(name)
    if 0 <= stops < 2:
        flags.append("gopher_stop_words")
    return flags


class QualityStep(Step):
    """Stores the figures and the failed rules on the row; never rejects."""

    name = "quality"

    def process(self, item: Item, ctx: RunContext) -> Item:
        assert item.row is not None
        article = item.row.article
        figures = quality_figures(article.paragraph_texts, article.language.best)
        item.row.quality = figures
        item.row.quality_flags = quality_flags(figures)
        return item


def _top_ngram_ratio(words: list[str], n: int) -> float:
    if len(words) < n:
        return 0.0
    counts = Counter(zip(*(words[i:] for i in range(n)), strict=False))
    gram, count = counts.most_common(1)[0]
    if count < 2:
        return 0.0
    total = sum(map(len, words))
    return sum(map(len, gram)) * count / max(total, 1)


def _dup_ngram_ratios(words: list[str], sizes: range) -> dict[str, float]:
    """Gopher's duplicate n-gram figures: the share of characters in words covered by n-grams
    that occur more than once, for each n in ``sizes`` (consecutive).

    An n-gram that repeats at position i makes the (n-1)-grams at i and i+1 repeat too, so each
    size only counts the n-grams at positions the previous size found repeated: after the first
    size the work is proportional to the repetition, not to the text.
    """
    total = max(sum(map(len, words)), 1)
    out: dict[str, float] = {}
    starts: list[int] | None = None
    for n in sizes:
        positions: Sequence[int]
        if starts is None:
            positions = range(len(words) - n + 1)
        else:
            have = set(starts)
            positions = [i for i in starts if i + 1 in have and i + n <= len(words)]
        grams = [tuple(words[i : i + n]) for i in positions]
        counts = Counter(grams)
        starts = [i for i, gram in zip(positions, grams, strict=True) if counts[gram] > 1]
        covered = bytearray(len(words))
        for i in starts:
            covered[i : i + n] = b"\x01" * n
        chars = sum(len(w) for w, c in zip(words, covered, strict=True) if c) if starts else 0
        out[f"dup_{n}gram_char_ratio"] = chars / total
    return out
