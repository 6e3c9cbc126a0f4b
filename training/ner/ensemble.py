"""Experiment-only variants of the run-time tagger and features (see ``training.ner.experiments``).

Neither ships: the ensemble did not pay enough for its speed (about 110 instead of 180
articles/s with two CRFs) and the dendrogram path features did not pay at all (``docs/ner.md``).
They are kept so the measured variants can be rerun.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import pycrfsuite

from warta.enrich.ner.features import FeatureExtractor, _Word
from warta.enrich.ner.tagger import NerModel

PATH_PREFIXES = (4, 8, 12, 16)
"""Prefix lengths of a word's bit path used as features (as Ratinov & Roth 2009 did for
Brown clusters; with a balanced tree, 16 ≈ 2⁴ clusters … 16 bits ≈ leaves of a few words)."""


class EnsembleModel(NerModel):
    """Several CRFs over the same features, combined by their averaged token marginals.

    Each CRF tags the sequence; where their best paths agree that path is taken, otherwise
    the BIO-valid sequence with the highest product of averaged marginals
    (:func:`bio_viterbi`). The run-time repairs read the averaged marginals.
    """

    def __init__(self, models: Sequence[bytes], clusters: Mapping[str, Sequence[str]]) -> None:
        super().__init__(models[0], clusters)
        self._models = list(models)  # keep the bytes alive for the in-memory taggers
        self._taggers = []
        for data in self._models:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(data)
            self._taggers.append(tagger)
        self._names: list[str] = list(self._taggers[0].labels())

    def _decode(self, xseq: list[list[str]]) -> tuple[list[str], Callable[[str, int], float]]:
        items = pycrfsuite.ItemSequence(xseq)
        taggers = self._taggers
        share = 1.0 / len(taggers)
        paths = [tagger.tag(items) for tagger in taggers]

        def marginal(name: str, t: int) -> float:
            return share * sum(tagger.marginal(name, t) for tagger in taggers)

        if all(path == paths[0] for path in paths[1:]):
            return list(paths[0]), marginal
        probs = [[marginal(name, t) for name in self._names] for t in range(len(xseq))]
        return bio_viterbi(probs, self._names), marginal


def bio_viterbi(probs: Sequence[Sequence[float]], names: Sequence[str]) -> list[str]:
    """The label sequence maximising the product of per-token probabilities ``probs[t][j]``
    (label ``names[j]``) among BIO-valid ones: ``I-X`` only after ``B-X`` or ``I-X``.

    Twenty lines of dynamic programming over seven labels; the CRF libraries only decode
    their own potentials, not arbitrary scores.
    """
    n_labels = len(names)
    allowed = [
        [not b.startswith("I-") or (a != "O" and a[2:] == b[2:]) for b in names] for a in names
    ]
    floor = 1e-12
    score = [
        -math.inf if names[j].startswith("I-") else math.log(max(p, floor))
        for j, p in enumerate(probs[0])
    ]
    back: list[list[int]] = []
    for row in probs[1:]:
        new = [-math.inf] * n_labels
        ptr = [0] * n_labels
        for j in range(n_labels):
            best, arg = -math.inf, 0
            for i in range(n_labels):
                if allowed[i][j] and score[i] > best:
                    best, arg = score[i], i
            new[j] = best + math.log(max(row[j], floor))
            ptr[j] = arg
        back.append(ptr)
        score = new
    j = max(range(n_labels), key=score.__getitem__)
    path = [j]
    for ptr in reversed(back):
        j = ptr[j]
        path.append(j)
    return [names[j] for j in reversed(path)]


class PathFeatures(FeatureExtractor):
    """The shipped features plus prefixes of each word's bit path in a cluster tree
    (``python -m training.ner.clusters --hierarchy`` writes the path as a fifth column)."""

    def __init__(self, table: Mapping[str, Sequence[str]]) -> None:
        super().__init__({w: tuple(row[:4]) for w, row in table.items()})
        self.paths = {w: row[4] for w, row in table.items() if len(row) > 4}

    def _word(self, word: str) -> _Word:
        fresh = word not in self._cache
        result = super()._word(word)
        path = self.paths.get(word.lower(), "")
        if fresh and path:
            result.own.extend(f"bp{n}={path[:n]}" for n in PATH_PREFIXES)
        return result
