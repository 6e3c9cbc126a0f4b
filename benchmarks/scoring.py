"""Score one tool's outputs on one set, the way that set's benchmark does.

- ``scrapinghub`` and ``mozilla-readability``: ScrapingHub shingle P/R/F1 (:func:`metrics.shingle_scores`);
- ``wcxb-dev``: WCXB word P/R/F1 (:func:`metrics.word_scores`) over every page, as WCXB's
  evaluate.py, plus the ``with``/``without`` snippet counts and F1 by page type;
- ``id-news-dev``: word P/R/F1 over the pages that have text gold (listing pages have none); on the
  pages without gold, how much each tool outputs.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.data import Page
from benchmarks.metrics import shingle_match, shingle_scores, snippet_counts, word_prf, word_scores
from benchmarks.runner import Call, pages_per_second

SHINGLE_SETS = frozenset({"scrapinghub", "mozilla-readability"})
UNGOLDED_SKIPPED_SETS = frozenset({"id-news-dev"})
"""Sets whose pages without text gold (listing pages) are not scored, only described."""

_WORD = re.compile(r"\w+")


def metric_name(set_name: str) -> str:
    """``"shingle"`` or ``"word"``: the metric a set is scored with."""
    return "shingle" if set_name in SHINGLE_SETS else "word"


def is_scored(set_name: str, page: Page) -> bool:
    """Whether a page counts in the set's P/R/F1."""
    return bool(page.text.strip()) or set_name not in UNGOLDED_SKIPPED_SETS


@dataclass
class SetScore:
    """One tool on one set: the scores and what goes in the table."""

    tool: str
    precision: float
    recall: float
    f1: float
    scored: int
    pages: int
    pages_per_second: float
    """Pages per wall-clock second."""
    pages_per_cpu_second: float
    """Pages per CPU second of the process."""
    seconds: float
    empty: int
    errors: dict[str, int]
    snippets: tuple[int, int, int, int] | None = None
    """(with found, with total, without found, without total), where the set has snippets."""
    by_type: dict[str, float] = field(default_factory=dict)
    """F1 by page type, where the set has page types and is word-scored."""
    unscored_mean_words: float | None = None
    unscored_nonempty: int | None = None
    unscored: int = 0
    per_page: list[dict[str, Any]] = field(default_factory=list)


def page_record(metric: str, page: Page, call: Call, scored: bool) -> dict[str, Any]:
    """One page's raw numbers for the JSON dump."""
    record: dict[str, Any] = {
        "id": page.id,
        "seconds": round(call.seconds, 6),
        "cpu_seconds": None if call.cpu_seconds is None else round(call.cpu_seconds, 6),
        "words": len(_WORD.findall(call.text)),
        "error": call.error,
        "detail": call.detail,
        "scored": scored,
    }
    if scored:
        if metric == "shingle":
            tp, fp, fn = shingle_match(page.text, call.text)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
        else:
            p, r, f = word_prf(page.text, call.text)
        record.update(precision=round(p, 5), recall=round(r, 5), f1=round(f, 5))
    if page.gold.get("page_type"):
        record["page_type"] = page.gold["page_type"]
    return record


def score_set(set_name: str, tool: str, pages: Sequence[Page], calls: Sequence[Call]) -> SetScore:
    """Score one tool's calls on one set's pages (same order)."""
    if len(pages) != len(calls):
        raise ValueError("one call a page is needed")
    metric = metric_name(set_name)
    scored_flags = [is_scored(set_name, p) for p in pages]
    pairs = [(p.text, c.text) for p, c, s in zip(pages, calls, scored_flags, strict=True) if s]
    if pairs:
        totals = shingle_scores(pairs) if metric == "shingle" else word_scores(pairs)
    else:
        totals = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    errors: dict[str, int] = {}
    for c in calls:
        if c.error:
            errors[c.error] = errors.get(c.error, 0) + 1
    score = SetScore(
        tool=tool,
        precision=totals["precision"],
        recall=totals["recall"],
        f1=totals["f1"],
        scored=len(pairs),
        pages=len(pages),
        pages_per_second=pages_per_second(calls),
        pages_per_cpu_second=pages_per_second(calls, cpu=True),
        seconds=sum(c.seconds for c in calls),
        empty=sum(1 for c in calls if not c.text.strip()),
        errors=errors,
        per_page=[
            page_record(metric, p, c, s) for p, c, s in zip(pages, calls, scored_flags, strict=True)
        ],
    )
    if any("with" in p.gold or "without" in p.gold for p in pages):
        counts = [
            snippet_counts(c.text, p.listish("with"), p.listish("without"))
            for p, c in zip(pages, calls, strict=True)
        ]
        score.snippets = (
            sum(x[0] for x in counts),
            sum(x[1] for x in counts),
            sum(x[2] for x in counts),
            sum(x[3] for x in counts),
        )
    if metric == "word":
        types = sorted(
            {
                str(p.gold["page_type"])
                for p, s in zip(pages, scored_flags, strict=True)
                if s and p.gold.get("page_type")
            }
        )
        if len(types) > 1:
            for kind in types:
                kind_pairs = [
                    (p.text, c.text)
                    for p, c, s in zip(pages, calls, scored_flags, strict=True)
                    if s and p.gold.get("page_type") == kind
                ]
                if kind_pairs:
                    score.by_type[kind] = word_scores(kind_pairs)["f1"]
    unscored = [c for c, s in zip(calls, scored_flags, strict=True) if not s]
    if unscored:
        words = [len(_WORD.findall(c.text)) for c in unscored]
        score.unscored = len(unscored)
        score.unscored_mean_words = statistics.mean(words)
        score.unscored_nonempty = sum(1 for w in words if w)
    return score
