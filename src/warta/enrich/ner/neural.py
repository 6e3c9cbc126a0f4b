"""A small neural NER tagger run in numpy: char CNN + word features → dilated CNN → CRF scores.

The network is trained with PyTorch by ``training/ner/neural.py`` (training only) and shipped as
plain arrays (``ner_net.npz.xz``: float16 weights, the word embeddings int8 with a scale per
row). This module is its forward pass, written out in numpy so that warta needs no deep-learning
runtime: a few matrix products per article.

Per token the network reads

* word-only inputs: the lower-cased word's embedding (a capped vocabulary learned on CLICK-ID
  news, then fine-tuned), its case profile and k-means cluster ids from the CRF's cluster table
  (``ner_clusters.tsv.gz``), its case class, shape and cue class (``features.CUE_CLASS``), and a
  character CNN (width-3 filters, max-pooled) over the word as written;
* context inputs: whether it opens a sentence, and its position in a run of capitalised words.

The input layer is linear, so the word-only part is projected once per distinct word and cached;
a token then costs one lookup. Three residual dilated convolutions (dilations 1, 2, 4: 15 tokens
of context) give per-label scores; a linear-chain CRF layer (transition scores, BIO-invalid
transitions forbidden) decodes them (Viterbi) or gives token marginals (forward-backward).
All the sentences of a text go through the convolutions together, laid end to end with zero
gaps as wide as the largest dilation, which is exactly the zero padding the network was
trained with.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from warta.enrich.ner.crf import (
    NEG,
    allowed_starts,
    allowed_transitions,
    crf_marginals,
    crf_marginals_batch,
    viterbi,
    viterbi_batch,
)
from warta.enrich.ner.features import CUE_CLASS, SENTENCE_OPENERS, word_shape

MAX_CHARS = 20
"""Longer words are read as their first and last ten characters."""

PROFILES = {"c0": 1, "c1": 2, "c2": 3, "c3": 4, "c?": 5}
CASES = {"U": 0, "T": 1, "d": 2, "l": 3, "p": 4}
CUES = {"prep": 1, "place": 2, "org": 3, "say": 4, "per": 5}
RUN_POSITIONS = {"S": 0, "B": 1, "I": 2, "E": 3}
N_RUN = 1 + 4 * 4
"""Run inputs: 0 outside a capitalised run, else position (S/B/I/E) × run length (1..4+)."""


def case_class(word: str) -> str:
    """The CRF's case class: ``U`` all caps, ``T`` title case, ``d`` digit, ``l`` lower, ``p``
    other (same rule as ``features.FeatureExtractor``)."""
    if word.isupper() and len(word) > 1:
        return "U"
    if word[:1].isupper():
        return "T"
    if word[:1].isdigit():
        return "d"
    if word[:1].isalpha():
        return "l"
    return "p"


def clip_chars(word: str) -> str:
    """The characters the char CNN reads (:data:`MAX_CHARS` at most)."""
    return word if len(word) <= MAX_CHARS else word[: MAX_CHARS // 2] + word[-MAX_CHARS // 2 :]


class Vocab:
    """The network's input vocabularies: words, characters, shapes, plus the cluster table.

    :meth:`word_ids` and :meth:`context_ids` turn tokens into the integer inputs; the training
    code (``training/ner/neural.py``) uses the same two methods, so inputs cannot drift apart.
    """

    def __init__(
        self,
        words: Sequence[str],
        chars: Sequence[str],
        shapes: Sequence[str],
        clusters: Mapping[str, Sequence[str]],
    ) -> None:
        # index 0 is the unknown word / shape; chars: 0 padding, 1 unknown
        self.words = list(words)
        self.chars = list(chars)
        self.shapes = list(shapes)
        self.word_index = {w: i + 1 for i, w in enumerate(self.words)}
        self.char_index = {c: i + 2 for i, c in enumerate(self.chars)}
        self.shape_index = {s: i + 1 for i, s in enumerate(self.shapes)}
        self.clusters = clusters

    @property
    def sizes(self) -> dict[str, int]:
        """Embedding table sizes."""
        return {
            "word": len(self.words) + 1,
            "char": len(self.chars) + 2,
            "shape": len(self.shapes) + 1,
        }

    def word_ids(self, word: str) -> tuple[list[int], list[int]]:
        """``[word, profile, k64, k256, k1024, case, shape, cue]`` ids and the char ids."""
        low = word.lower()
        row = self.clusters.get(low, ())
        ks = [int(x) + 1 if x.isdigit() else 0 for x in row[1:4]]
        ks += [0] * (3 - len(ks))
        ids = [
            self.word_index.get(low, 0),
            PROFILES.get(row[0], 0) if row else 0,
            *ks,
            CASES[case_class(word)],
            self.shape_index.get(word_shape(word), 0),
            CUES.get(CUE_CLASS.get(low, ""), 0),
        ]
        chars = [self.char_index.get(c, 1) for c in clip_chars(word)]
        return ids, chars

    @staticmethod
    def context_ids(words: Sequence[str]) -> list[tuple[int, int]]:
        """Per token ``(opens a sentence, capital-run input)``."""
        n = len(words)
        out: list[tuple[int, int]] = []
        i = 0
        runs: list[int] = [0] * n
        while i < n:
            if words[i][:1].isupper():
                j = i + 1
                while j < n and words[j][:1].isupper():
                    j += 1
                length = min(j - i, 4) - 1
                for k in range(i, j):
                    pos = "S" if j - i == 1 else "B" if k == i else "E" if k == j - 1 else "I"
                    runs[k] = 1 + RUN_POSITIONS[pos] * 4 + length
                i = j
            else:
                i += 1
        for i in range(n):
            first = int(i == 0 or words[i - 1] in SENTENCE_OPENERS)
            out.append((first, runs[i]))
        return out


_ROWS = 8

_MAX_WORDS = 100_000
"""Words whose projections are cached before the cache starts afresh (bounded memory)."""


def _matmul(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``x @ w`` as a stack of 8-row products.

    OpenBLAS runs one product of a few hundred rows on all cores, and its idle threads then
    spin between calls, burning more CPU than they save here (measured: 32 ms instead of
    2 ms of CPU per article). Products this small stay on one thread, at the same speed, with
    no thread-pool setting (which would need a dependency or process-wide state).
    """
    n = len(x)
    pad = -n % _ROWS
    if pad:
        x = np.concatenate([x, np.zeros((pad, x.shape[1]), dtype=x.dtype)])
    y = np.matmul(x.reshape(-1, _ROWS, x.shape[1]), w)
    return y.reshape(-1, w.shape[1])[:n]


def _f32(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float32)


class NeuralTagger:
    """The numpy forward pass over weights exported by ``training/ner/neural.py``.

    ``arrays`` holds the weights (names as the export writes them) and the vocabularies.
    Per-word projections are cached on the instance (bounded; dropped on pickling).
    """

    def __init__(self, arrays: Mapping[str, np.ndarray], clusters: Mapping[str, Sequence[str]]):
        a = {k: np.asarray(v) for k, v in arrays.items()}
        self.vocab = Vocab(
            [str(x) for x in a["vocab_words"]],
            [str(x) for x in a["vocab_chars"]],
            [str(x) for x in a["vocab_shapes"]],
            clusters,
        )
        self.dilations = [int(d) for d in a["dilations"]]
        word = a["word_emb"].astype(np.float32) * a["word_scale"].astype(np.float32)[:, None]
        self.tables = [
            word,
            *(_f32(a[name]) for name in ("prof", "k64", "k256", "k1024", "case", "shape", "cue")),
        ]
        self.char_emb = _f32(a["char_emb"])
        self.char_w = _f32(a["char_w"])  # (C, char_dim, 3) as torch's Conv1d
        self.char_b = _f32(a["char_b"])
        inp_w = _f32(a["inp_w"])  # (H, D): word-only columns first, then char CNN, first, run
        self.inp_b = _f32(a["inp_b"])
        widths = [t.shape[1] for t in self.tables] + [self.char_w.shape[0]]
        cut = np.cumsum([0, *widths])
        self._inp_parts = [inp_w[:, cut[k] : cut[k + 1]].T.copy() for k in range(len(widths))]
        first = _f32(a["first"])
        run = _f32(a["run"])
        rest = inp_w[:, cut[-1] :]
        self.first_proj = first @ rest[:, : first.shape[1]].T
        self.run_proj = run @ rest[:, first.shape[1] :].T
        self.convs = [
            ([_f32(a[f"conv{k}_w"])[:, :, j].T.copy() for j in range(3)], _f32(a[f"conv{k}_b"]))
            for k in range(len(self.dilations))
        ]
        self.out_w = _f32(a["out_w"]).T.copy()
        self.out_b = _f32(a["out_b"])
        valid = allowed_transitions()
        self.trans = np.where(valid, _f32(a["trans"]), NEG).astype(np.float32)
        self.start = np.where(allowed_starts(), _f32(a["start"]), NEG).astype(np.float32)
        self.end = _f32(a["end"])
        # Each word-only table projected through its columns of the input layer, once: a new
        # word then costs a row lookup per table (plus its char CNN).
        self._proj = [t @ p for t, p in zip(self.tables, self._inp_parts, strict=False)]
        self._char_taps = [self.char_w[:, :, j].T.copy() for j in range(3)]  # (c, C) each
        # the cached projections: a word's row in _table (row 0 stays zero, the gaps' row)
        self._rows: dict[str, int] = {}
        self._table = np.zeros((1024, len(self.inp_b)), dtype=np.float32)
        # the cache is read, grown and gathered from under this lock: threads share one tagger
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        del state["_lock"]
        state["_rows"] = {}
        state["_table"] = self._table[:1].copy()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _add_words(self, words: Sequence[str]) -> None:
        """Work out the input layer's projection of the word-only inputs of new ``words``
        (distinct, not cached yet) and cache it per word (the caller bounds the cache)."""
        rows = [self.vocab.word_ids(w) for w in words]
        ids = np.array([r[0] for r in rows])
        vec = self.inp_b + sum(proj[ids[:, k]] for k, proj in enumerate(self._proj))
        vec += _matmul(self._char_features([r[1] for r in rows]), self._inp_parts[-1])
        base = len(self._rows) + 1
        need = base + len(words)
        if need > len(self._table):
            table = np.zeros((max(need, 2 * len(self._table)), self._table.shape[1]), np.float32)
            table[:base] = self._table[:base]
            self._table = table
        self._table[base:need] = vec
        self._rows.update(zip(words, range(base, need), strict=True))

    def _char_features(self, words: Sequence[list[int]]) -> np.ndarray:
        """Max-pooled ReLU char CNN (width 3, zero padding) of each word's char ids."""
        n_max = max(len(c) for c in words)
        ids = np.zeros((len(words), n_max + 2), dtype=np.int64)  # id 0: the zero vector
        for i, chars in enumerate(words):
            ids[i, 1 : len(chars) + 1] = chars
        x = self.char_emb[ids]  # (n, L + 2, c)
        flat = [x[:, j : j + n_max].reshape(-1, x.shape[2]) for j in range(3)]
        y = self.char_b + sum(_matmul(f, w) for f, w in zip(flat, self._char_taps, strict=True))
        y = y.reshape(len(words), n_max, -1)
        lengths = np.array([len(c) for c in words])
        y[np.arange(n_max)[None, :] >= lengths[:, None]] = -np.inf
        return np.maximum(y.max(axis=1), 0.0)

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per-label scores ``(len(sentence), 7)`` for every sentence, all in one pass."""
        gap = max(self.dilations)
        if not sentences:
            return []
        rows: list[int] = [0] * gap  # rows of _table; row 0 is the zero vector
        firsts: list[int] = [0] * gap
        runs: list[int] = [0] * gap
        spans: list[tuple[int, int]] = []
        with self._lock:
            cache = self._rows
            new = list(dict.fromkeys(w for words in sentences for w in words if w not in cache))
            if new:
                if len(cache) + len(new) > _MAX_WORDS:  # start afresh with this text's words
                    self._rows = {}
                    new = list(dict.fromkeys(w for words in sentences for w in words))
                self._add_words(new)
                cache = self._rows
            for words in sentences:
                start = len(rows)
                rows.extend([cache[w] for w in words])
                for first, run in Vocab.context_ids(words):
                    firsts.append(first)
                    runs.append(run)
                spans.append((start, len(rows)))
                rows.extend([0] * gap)
                firsts.extend([0] * gap)
                runs.extend([0] * gap)
            x = self._table[rows]  # a copy: safe to use once the lock is gone
        x = x + self.first_proj[firsts] + self.run_proj[runs]
        mask = np.zeros((len(rows), 1), dtype=np.float32)
        for lo, hi in spans:
            mask[lo:hi] = 1.0
        # the gaps are zeroed here and after every layer, as the padding was in training
        h = np.maximum(x, 0.0) * mask
        for ((w0, w1, w2), b), d in zip(self.convs, self.dilations, strict=True):
            # h already has >= gap zero rows at both ends, so shifted slices are the padding
            y = b + _matmul(h, w1)
            y[d:] += _matmul(h[:-d], w0)
            y[:-d] += _matmul(h[d:], w2)
            h = (h + np.maximum(y, 0.0)) * mask
        scores = _matmul(h, self.out_w) + self.out_b
        return [scores[lo:hi] for lo, hi in spans]

    def viterbi(self, emissions: np.ndarray) -> list[int]:
        """The best label path (indices into :data:`~warta.enrich.ner.crf.LABELS`) under the CRF layer."""
        return viterbi(emissions, self.trans, self.start, self.end)

    def viterbi_batch(self, emissions: Sequence[np.ndarray]) -> list[list[int]]:
        """:meth:`viterbi` of several sentences in one padded pass."""
        return viterbi_batch(emissions, self.trans, self.start, self.end)

    def marginals(self, emissions: np.ndarray) -> np.ndarray:
        """``(T, 7)`` token marginal probabilities under the CRF layer (forward-backward)."""
        return crf_marginals(emissions, self.trans, self.start, self.end)

    def marginals_batch(self, emissions: Sequence[np.ndarray]) -> list[np.ndarray]:
        """:meth:`marginals` of several sentences in one padded pass."""
        return crf_marginals_batch(emissions, self.trans, self.start, self.end)


def load_arrays(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of an (uncompressed) ``.npz`` file's bytes."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        return {k: npz[k] for k in npz.files}
