"""Scores for extraction benchmarks, each computed exactly as its benchmark's own evaluate.py.

- :func:`shingle_scores`: ScrapingHub article-extraction-benchmark. 4-gram shingles of ``\\w+``
  tokens (case kept), per-page multiset match normalised so tp + fp + fn = 1, precision and recall
  averaged over pages, F1 of the two means.
- :func:`word_scores`: WCXB. Per page, bags of lowercased ``\\w+`` tokens; per-page precision,
  recall and F1, each averaged over pages.
- :func:`snippet_counts`: WCXB ``with``/``without`` snippets, whitespace collapsed.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
_WS = re.compile(r"\s+")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i : i + n])
        if shingle:
            out[shingle] += 1
    return out


def shingle_match(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page, as ScrapingHub's ``string_shingle_matching``."""
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s == 0:
        return 0.0, 0.0, 0.0
    return tp / s, fp / s, fn / s


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 over (gold, predicted) pairs, ScrapingHub style."""
    matches = [shingle_match(t, p) for t, p in pairs]
    precision = statistics.mean(tp / (tp + fp) if tp + fp > 0 else 0.0 for tp, fp, _ in matches)
    recall = statistics.mean(tp / (tp + fn) if tp + fn > 0 else 0.0 for tp, _, fn in matches)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(matches)}


def word_prf(true: str, pred: str) -> tuple[float, float, float]:
    """Word-bag precision, recall and F1 of one page, as WCXB's evaluate.py."""
    t = Counter(w.lower() for w in _TOKEN.findall(true or ""))
    p = Counter(w.lower() for w in _TOKEN.findall(pred or ""))
    if not t and not p:
        return 1.0, 1.0, 1.0
    if not t or not p:
        return 0.0, 0.0, 0.0
    common = sum((t & p).values())
    precision = common / sum(p.values())
    recall = common / sum(t.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def word_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Mean per-page word precision, recall and F1 over (gold, predicted) pairs."""
    rows = [word_prf(t, p) for t, p in pairs]
    return {
        "precision": statistics.mean(r[0] for r in rows),
        "recall": statistics.mean(r[1] for r in rows),
        "f1": statistics.mean(r[2] for r in rows),
        "pages": len(rows),
    }


def snippet_counts(pred: str, with_: Iterable[str], without: Iterable[str]) -> tuple[int, int, int, int]:
    """(with found, with total, without found, without total) for one page."""
    text = _WS.sub(" ", pred or "")
    w = [_WS.sub(" ", s).strip() for s in with_ if s and s.strip()]
    wo = [_WS.sub(" ", s).strip() for s in without if s and s.strip()]
    return sum(s in text for s in w), len(w), sum(s in text for s in wo), len(wo)
