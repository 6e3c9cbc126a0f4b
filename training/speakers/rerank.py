"""Research: can a small learned re-ranker pick direct-quote speakers better than the rules on
gold parts it was not trained on?

    .venv/bin/python -m training.speakers.cache                     # once: /tmp/s8r/dev.pkl (~10 s)
    .venv/bin/python -m training.speakers.rerank cv                 # leave-parts-out CV
    .venv/bin/python -m training.speakers.cache --final --out /tmp/s8r/final.pkl
    .venv/bin/python -m training.speakers.rerank final              # ONCE: heldout56-63

Design. For every direct quote the rules (``find_quotes`` with the NER mentions) find, the
candidates of :mod:`training.speakers.candidates` (the rules' pick, its sub-runs and
extensions, people the NER model and the entity merge name near it, None) each get a feature
vector; a gradient-boosted classifier scores "this candidate is the gold speaker" and the quote
takes its best candidate when it beats the rules' pick by a margin (chosen by an inner
cross-validation on the training parts only). The same scores give a confidence in the rules'
pick, used to abstain (speaker None) below a threshold.

Evaluation. Folds are whole gold parts (dev, heldout, heldout2 … heldout55; the articles of one
part never sit on both sides); the held-out parts (``cache.FINAL_PARTS``, heldout56-63) are
never read here except by ``final``, which trains on every other part and scores them once. Scores are
:func:`benchmarks.enrich.match_quotes` over the quotes with their speakers replaced: strict
precision (a quote with speaker None still counts as found), recall, and attributed-only
precision (hits with a speaker / quotes with a speaker).

Result (2026-11-27, gold as committed, src at 5e61b6d): no reliable gain. 5-fold leave-parts-out
CV over the 56 development parts (4,259 found direct quotes): rules 3,842 hits (P 0.902,
R 0.896); re-ranked 3,839 / 3,845 / 3,841 for fold seeds 0 / 1 / 2 (logistic regression: 3,842).
The gold speaker is among the candidates for 348 of the 380 wrong picks, and among the
alternatives the model ranks it first for about half of them, but it cannot tell when the rules
are wrong (confidence ROC AUC 0.76-0.78), so it almost never overrides them. True held-out
parts (heldout56-59, scored once): rules 263 hits (P 0.859, R 0.848), re-ranked 267 (P 0.873,
R 0.861: 4 fixed, 0 broken, 1 wrong to another wrong), too few changes to tell from chance.
heldout60-63, annotated afterwards and scored once under a rule written down before the run
(ship only with a net gain of at least 4 there): rules 252 hits (P 0.846, R 0.837), re-ranked
254 (P 0.852, R 0.844: 2 fixed, 0 broken). Not shipped.
Abstention trades strict recall for attributed-only precision at the same rate with or without
the re-ranker (strict precision cannot rise: a quote with speaker None still counts as found).
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.enrich import _norm, _same_speaker, match_quotes
from training.speakers.cache import FINAL_PARTS
from training.speakers.candidates import (
    FEATURES,
    ArticleView,
    WordStats,
    _cue_kind,
    candidates,
    features,
)
from warta.article import Quote
from warta.enrich.ner.tagger import Mention

WORDS_CACHE = Path("/tmp/s8r/words.pkl")
_NO_GOLD = "\x00no gold quote"  # a found quote no gold quote opens: wrong whatever its speaker


def word_stats() -> WordStats:
    """Per lower-cased word, how often the NER training corpora tag it PERSON, ORGANIZATION,
    PLACE or nothing (cached under /tmp/s8r)."""
    if WORDS_CACHE.exists():
        with WORDS_CACHE.open("rb") as f:
            cached: WordStats = pickle.load(f)
            return cached
    from training.ner import corpora

    counts: dict[str, list[int]] = {}
    column = {"PERSON": 0, "ORGANIZATION": 1, "PLACE": 2}
    sources = []
    for split in ("train", "dev", "test"):
        sources += [corpora.nerui(split, 1), corpora.nerugm(split, 1), corpora.idner(split)]
    for split in ("train", "valid", "test"):
        sources += [corpora.nergrit(split), corpora.nerp(split)]
    for sentences in sources:
        for tokens, labels in sentences:
            for token, label in zip(tokens, labels, strict=True):
                row = counts.setdefault(token.lower(), [0, 0, 0, 0])
                row[column.get(label[2:], 3) if label != "O" else 3] += 1
    stats: WordStats = {w: (c[0], c[1], c[2], c[3]) for w, c in counts.items()}
    WORDS_CACHE.parent.mkdir(parents=True, exist_ok=True)
    with WORDS_CACHE.open("wb") as f:
        pickle.dump(stats, f)
    return stats


def load(path: Path) -> list[dict[str, Any]]:
    """A cache written by :mod:`training.speakers.cache`."""
    with path.open("rb") as f:
        records: list[dict[str, Any]] = pickle.load(f)
    return records


def gold_of_quotes(record: dict[str, Any]) -> dict[int, Any]:
    """For each direct quote of the record (by index in ``record["quotes"]``), the speaker of
    the gold quote whose opening words it starts with (first unused, as ``match_quotes``
    pairs them), or ``_NO_GOLD``."""
    direct = [i for i, q in enumerate(record["quotes"]) if q[5] == "direct"]
    out: dict[int, Any] = dict.fromkeys(direct, _NO_GOLD)
    used: set[int] = set()
    for g in record["gold"]:
        if g["kind"] != "direct":
            continue
        starts = _norm(g["starts"])
        for i in direct:
            if i not in used and _norm(record["quotes"][i][2]).startswith(starts):
                used.add(i)
                out[i] = g["speaker"]
                break
    return out


class Rows:
    """The candidate rows of a set of articles: features, labels and where each row belongs."""

    def __init__(self, records: list[dict[str, Any]], stats: WordStats) -> None:
        x: list[list[float]] = []
        self.label: list[int] = []
        self.quote: list[int] = []  # quote number (over all quotes of all records)
        self.cand: list[str | None] = []
        self.quotes: list[tuple[int, int]] = []  # quote number → (record index, quote index)
        self.quote_part: list[str] = []
        self.quote_gold: list[Any] = []
        for r, record in enumerate(records):
            mentions = [Mention(*m) for m in record["mentions"]]
            view = ArticleView.build(record["text"], record["quotes"], mentions)
            gold = gold_of_quotes(record)
            for i, g in gold.items():
                qn = len(self.quotes)
                self.quotes.append((r, i))
                self.quote_part.append(record["split"])
                self.quote_gold.append(g)
                cands = candidates(view, i)
                for c in cands:
                    x.append(features(view, i, c, cands, stats))
                    self.label.append(int(g != _NO_GOLD and _same_speaker(c, g)))
                    self.quote.append(qn)
                    self.cand.append(c)
        self.x = np.asarray(x, dtype=np.float32)
        self.y = np.asarray(self.label, dtype=np.int8)
        self.q = np.asarray(self.quote)
        self.is_rules = self.x[:, FEATURES.index("is_rules")] > 0.5
        # rows of quote n: bounds[n]:bounds[n + 1] (a quote's candidates are contiguous)
        self.bounds = np.searchsorted(self.q, np.arange(len(self.quotes) + 1))

    def row_part(self) -> np.ndarray:
        """The gold part of each row."""
        return np.asarray([self.quote_part[q] for q in self.quote])


def cached_rows(path: Path, records: list[dict[str, Any]], stats: WordStats) -> Rows:
    """:class:`Rows` of a cache, kept under /tmp/s8r while the candidate code is unchanged."""
    import hashlib

    from training.speakers import candidates as module

    digest = hashlib.sha1(Path(module.__file__).read_bytes()).hexdigest()[:10]
    keep = path.with_name(f"{path.stem}.rows.{digest}.pkl")
    if keep.exists():
        rows: Rows = object.__new__(Rows)
        with keep.open("rb") as f:
            rows.__dict__.update(pickle.load(f))  # plain attributes: loads under any __main__
        return rows
    rows = Rows(records, stats)
    with keep.open("wb") as f:
        pickle.dump(rows.__dict__, f)
    return rows


MODEL = "hgb"  # or "logreg" (``--model``)


def fit(x: np.ndarray, y: np.ndarray, seed: int = 0) -> Any:
    """A classifier (scikit-learn): gradient-boosted trees, small and regularised, or with
    ``--model logreg`` a standardised logistic regression."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    if MODEL == "logreg":
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000)).fit(x, y)

    model = HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.08, max_leaf_nodes=15, min_samples_leaf=30,
        l2_regularization=1.0, random_state=seed,
    )  # fmt: skip
    model.fit(x, y)
    return model


def decide(
    rows: Rows, quotes: np.ndarray, prob: np.ndarray, margin: float, abstain: float
) -> dict[int, str | None]:
    """Each quote's speaker: the best candidate if its ``prob`` beats the rules' pick by
    ``margin``, else the rules' pick; None when the chosen one scores below ``abstain``."""
    picks: dict[int, str | None] = {}
    for qn in quotes:
        lo, hi = rows.bounds[qn], rows.bounds[qn + 1]
        j_rules = lo + int(np.flatnonzero(rows.is_rules[lo:hi])[0])
        j_best = lo + int(np.argmax(prob[lo:hi]))
        j = j_best if prob[j_best] > prob[j_rules] + margin else j_rules
        picks[int(qn)] = rows.cand[j] if prob[j] >= abstain else None
    return picks


def score(
    records: list[dict[str, Any]], rows: Rows, picks: dict[int, str | None] | None, keep: set[int]
) -> tuple[float, float, float, int, int, int]:
    """Strict precision, recall and attributed-only precision of the direct quotes of
    ``records`` indexes in ``keep``, with speakers replaced by ``picks`` (None: the rules)."""
    replaced: dict[tuple[int, int], str | None] = {}
    if picks is not None:
        for qn, c in picks.items():
            replaced[rows.quotes[qn]] = c
    tp = found = gold = a_tp = a_found = 0
    for r in keep:
        record = records[r]
        qs = []
        for i, q in enumerate(record["quotes"]):
            speaker = replaced.get((r, i), q[0])
            qs.append(Quote(speaker, q[1], q[2], q[3], q[4], q[5]))
        h, f, g = match_quotes(qs, record["gold"], "direct")
        tp, found, gold = tp + h, found + f, gold + g
        attributed = [q for q in qs if q.speaker is not None]
        h2, f2, _ = match_quotes(attributed, record["gold"], "direct")
        a_tp, a_found = a_tp + h2, a_found + f2
    return tp / max(found, 1), tp / max(gold, 1), a_tp / max(a_found, 1), tp, found, gold


def folds(parts: list[str], k: int, seed: int) -> list[list[str]]:
    """``parts`` shuffled and dealt into ``k`` folds."""
    shuffled = sorted(parts)
    random.Random(seed).shuffle(shuffled)
    return [shuffled[i::k] for i in range(k)]


def fit_scorer(rows: Rows, train: np.ndarray, seed: int) -> Any:
    """Fit the candidate scorer on the rows where ``train`` is set; return a function from a
    target :class:`Rows` and a row mask to the masked rows' scores, comparable within a quote.

    Two stages (a single classifier over all candidates learns mostly "the rules' pick is
    right", which it is nine times in ten, and never overrides it): ``confidence`` scores the
    rules' pick being right from its row alone; ``alternative`` scores the other candidates,
    trained only on the quotes whose rules' pick is wrong. A rules row scores its confidence;
    any other row (1 - confidence of its quote) x its alternative score.
    """
    rules_rows = train & rows.is_rules
    confidence = fit(rows.x[rules_rows], rows.y[rules_rows], seed)
    wrong_quote = np.zeros(len(rows.quotes), dtype=bool)
    wrong_quote[rows.q[rules_rows & (rows.y == 0)]] = True
    alt_rows = train & ~rows.is_rules & wrong_quote[rows.q]
    alternative = fit(rows.x[alt_rows], rows.y[alt_rows], seed)

    def scores(target: Rows, mask: np.ndarray) -> np.ndarray:
        idx = np.flatnonzero(mask)
        out = np.zeros(len(target.y))
        conf = np.zeros(len(target.quotes))
        r = idx[target.is_rules[idx]]
        conf[target.q[r]] = confidence.predict_proba(target.x[r])[:, 1]
        out[r] = conf[target.q[r]]
        a = idx[~target.is_rules[idx]]
        if len(a):
            out[a] = (1 - conf[target.q[a]]) * alternative.predict_proba(target.x[a])[:, 1]
        return out[idx]

    return scores


def out_of_fold(rows: Rows, parts: list[str], k: int, seed: int) -> np.ndarray:
    """Each row's score from a scorer trained on the other folds' parts."""
    row_part = rows.row_part()
    prob = np.zeros(len(rows.y))
    for fold in folds(parts, k, seed):
        test = np.isin(row_part, fold)
        train = np.isin(row_part, parts) & ~test
        prob[test] = fit_scorer(rows, train, seed)(rows, test)
    return prob


def labelled_quotes(rows: Rows, parts: list[str]) -> np.ndarray:
    """Quote numbers of ``parts``."""
    return np.asarray([qn for qn, p in enumerate(rows.quote_part) if p in parts])


MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def choose_margin(rows: Rows, records: list[dict[str, Any]], parts: list[str], seed: int) -> float:
    """The switching margin that gives the best strict F1 in an inner leave-parts-out CV over
    ``parts`` only."""
    prob = out_of_fold(rows, parts, 4, seed + 1)
    quotes = labelled_quotes(rows, parts)
    keep = {r for r, rec in enumerate(records) if rec["split"] in parts}
    best = (-1.0, 0.0)
    for m in MARGINS:
        p, r, *_ = score(records, rows, decide(rows, quotes, prob, m, 0.0), keep)
        f1 = 2 * p * r / max(p + r, 1e-9)
        best = max(best, (f1, m))
    return best[1]


def run_cv(records: list[dict[str, Any]], rows: Rows, k: int, seed: int) -> None:
    """Outer leave-parts-out CV: rules vs rules + re-ranker on the same quotes, and the
    abstention curve from the out-of-fold scores."""
    parts = sorted({r["split"] for r in records})
    row_part = rows.row_part()
    prob = np.zeros(len(rows.y))
    margins = []
    for fold in folds(parts, k, seed):
        train_parts = [p for p in parts if p not in fold]
        margins.append(choose_margin(rows, records, train_parts, seed))
        test = np.isin(row_part, fold)
        train = np.isin(row_part, train_parts)
        prob[test] = fit_scorer(rows, train, seed)(rows, test)
    # picks per fold with that fold's margin
    picks: dict[int, str | None] = {}
    for fold, margin in zip(folds(parts, k, seed), margins, strict=True):
        quotes = labelled_quotes(rows, fold)
        picks.update(decide(rows, quotes, prob, margin, 0.0))
    everything = set(range(len(records)))
    base = score(records, rows, None, everything)
    mine = score(records, rows, picks, everything)
    print(f"folds {k} (seed {seed}), margins chosen by inner CV: {margins}")
    _line("rules", base)
    _line("rules+reranker", mine)
    for m in MARGINS:
        all_picks = decide(rows, np.arange(len(rows.quotes)), prob, m, 0.0)
        _line(f"  (margin {m:.1f}, all folds)", score(records, rows, all_picks, everything))
    _changes(rows, picks)
    by_cue(records, rows, picks)
    print("abstention (speaker None when the chosen candidate's score < t):")
    for t in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        pk = {}
        for fold, margin in zip(folds(parts, k, seed), margins, strict=True):
            pk.update(decide(rows, labelled_quotes(rows, fold), prob, margin, t))
        _line(f"  reranker t={t:.1f}", score(records, rows, pk, everything))
    for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        pk = decide(rows, np.arange(len(rows.quotes)), prob, math.inf, t)
        _line(f"  rules, abstain t={t:.1f}", score(records, rows, pk, everything))
    per_part(records, rows, picks)


def per_part(records: list[dict[str, Any]], rows: Rows, picks: dict[int, str | None]) -> None:
    """Strict P/R by part, rules vs re-ranked, to see the spread."""
    parts = sorted({r["split"] for r in records})
    wins = losses = 0
    for p in parts:
        keep = {r for r, rec in enumerate(records) if rec["split"] == p}
        a = score(records, rows, None, keep)
        b = score(records, rows, picks, keep)
        wins += b[3] > a[3]
        losses += b[3] < a[3]
    print(f"parts where the re-ranker has more hits: {wins}, fewer: {losses}, of {len(parts)}")


def by_cue(records: list[dict[str, Any]], rows: Rows, picks: dict[int, str | None]) -> None:
    """Hits of the rules and of the re-ranker by cue kind (quotes paired with a gold one)."""
    kinds = ("no cue", "pronoun/-nya", "verb alone", "named")
    hits: Counter[tuple[str, str]] = Counter()
    for qn, g in enumerate(rows.quote_gold):
        if g == _NO_GOLD:
            continue
        r, i = rows.quotes[qn]
        kind = kinds[_cue_kind(records[r]["quotes"][i][1])]
        hits[kind, "n"] += 1
        hits[kind, "rules"] += _same_speaker(records[r]["quotes"][i][0], g)
        hits[kind, "model"] += _same_speaker(picks.get(qn, records[r]["quotes"][i][0]), g)
    for kind in kinds:
        print(f"  cue {kind:13} quotes {hits[kind, 'n']:5}  rules right {hits[kind, 'rules']:5}"
              f"  re-ranked right {hits[kind, 'model']:5}")  # fmt: skip


def _changes(rows: Rows, picks: dict[int, str | None]) -> None:
    c: Counter[str] = Counter()
    for qn, pick in picks.items():
        lo, hi = rows.bounds[qn], rows.bounds[qn + 1]
        rules = rows.cand[lo + int(np.flatnonzero(rows.is_rules[lo:hi])[0])]
        if pick == rules:
            continue
        g = rows.quote_gold[qn]
        if g == _NO_GOLD:
            c["changed, no gold quote"] += 1
        elif _same_speaker(pick, g):
            c["fixed"] += 1
        elif _same_speaker(rules, g):
            c["broken"] += 1
        else:
            c["wrong -> wrong"] += 1
    print("changed speakers:", dict(c))


def _line(label: str, s: tuple[float, float, float, int, int, int]) -> None:
    p, r, ap, tp, found, gold = s
    print(f"{label:32} strict P {p:.3f}  R {r:.3f}  attributed-only P {ap:.3f}"
          f"  (hits {tp}, found {found}, gold {gold})")  # fmt: skip


def oracle(rows: Rows) -> None:
    """How often the gold speaker is among the candidates (the re-ranker's ceiling)."""
    c: Counter[str] = Counter()
    for qn, g in enumerate(rows.quote_gold):
        if g == _NO_GOLD:
            c["no gold quote"] += 1
            continue
        idx = np.arange(rows.bounds[qn], rows.bounds[qn + 1])
        rules_ok = any(rows.y[j] and rows.is_rules[j] for j in idx)
        any_ok = bool(rows.y[idx].any())
        c["rules right" if rules_ok else ("fixable" if any_ok else "gold not a candidate")] += 1
    n = np.bincount(rows.q)
    print(dict(c), f"candidates/quote mean {n.mean():.1f} max {n.max()}")


def main() -> None:
    """``cv`` or ``final`` (see the module doc)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["cv", "oracle", "final"])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/s8r/dev.pkl"))
    parser.add_argument("--final-cache", type=Path, default=Path("/tmp/s8r/final.pkl"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", choices=["hgb", "logreg"], default="hgb")
    args = parser.parse_args()
    global MODEL
    MODEL = args.model
    stats = word_stats()
    records = load(args.cache)
    if any(r["split"] in FINAL_PARTS for r in records):
        sys.exit("the development cache holds a true held-out part")
    rows = cached_rows(args.cache, records, stats)
    if args.mode == "oracle":
        oracle(rows)
    elif args.mode == "cv":
        oracle(rows)
        run_cv(records, rows, args.folds, args.seed)
    else:
        run_final(records, rows, load(args.final_cache), stats, args.seed)


def run_final(
    records: list[dict[str, Any]], rows: Rows, final: list[dict[str, Any]], stats: WordStats,
    seed: int,
) -> None:  # fmt: skip
    """Train on every development part (margin by inner CV) and score the true held-out parts
    once."""
    parts = sorted({r["split"] for r in records})
    margin = choose_margin(rows, records, parts, seed)
    scorer = fit_scorer(rows, np.ones(len(rows.y), dtype=bool), seed)
    test = Rows(final, stats)
    prob = scorer(test, np.ones(len(test.y), dtype=bool))
    everything = set(range(len(final)))
    print(f"true held-out parts {sorted({r['split'] for r in final})}, margin {margin}")
    _line("rules", score(final, test, None, everything))
    picks = decide(test, np.arange(len(test.quotes)), prob, margin, 0.0)
    _line("rules+reranker", score(final, test, picks, everything))
    _changes(test, picks)  # counts only


if __name__ == "__main__":
    main()
