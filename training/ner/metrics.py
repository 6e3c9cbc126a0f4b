"""conlleval-style entity-level exact-span precision, recall and F1.

A dozen lines of counting; written out rather than depending on seqeval so the evaluation needs
nothing beyond the training extra. Spans follow conlleval's rules (see ``corpora.spans``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from training.ner.corpora import spans


class Scores:
    """Counts of true positives, predicted and gold entities, overall and per type."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()

    def add(self, gold: list[str], pred: list[str]) -> None:
        """Count one sentence."""
        g = set(spans(gold))
        p = set(spans(pred))
        for kind, _, _ in g:
            self.gold[kind] += 1
        for kind, _, _ in p:
            self.pred[kind] += 1
        for kind, _, _ in g & p:
            self.tp[kind] += 1

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 for one type, or micro-averaged over all types."""
        if kind is None:
            tp, pr, go = sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values())
        else:
            tp, pr, go = self.tp[kind], self.pred[kind], self.gold[kind]
        p = tp / pr if pr else 0.0
        r = tp / go if go else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(gold: Iterable[list[str]], pred: Iterable[list[str]]) -> Scores:
    """Entity-level scores of predicted label sequences against gold ones."""
    s = Scores()
    for g, p in zip(gold, pred, strict=True):
        s.add(g, p)
    return s
