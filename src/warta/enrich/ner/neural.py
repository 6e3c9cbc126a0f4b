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

from warta._compiled import load_checked
from warta.enrich.ner.features import CUE_CLASS, SENTENCE_OPENERS, word_shape

LABELS = (
    "O",
    "B-PERSON",
    "I-PERSON",
    "B-ORGANIZATION",
    "I-ORGANIZATION",
    "B-PLACE",
    "I-PLACE",
)
"""Label order of the network's outputs."""

LABEL_INDEX = {label: i for i, label in enumerate(LABELS)}

MAX_CHARS = 20
"""Longer words are read as their first and last ten characters."""

PROFILES = {"c0": 1, "c1": 2, "c2": 3, "c3": 4, "c?": 5}
CASES = {"U": 0, "T": 1, "d": 2, "l": 3, "p": 4}
CUES = {"prep": 1, "place": 2, "org": 3, "say": 4, "per": 5}
RUN_POSITIONS = {"S": 0, "B": 1, "I": 2, "E": 3}
N_RUN = 1 + 4 * 4
"""Run inputs: 0 outside a capitalised run, else position (S/B/I/E) × run length (1..4+)."""

NEG = -1e4
"""Score of a forbidden transition (an ``I-X`` not after ``B-X``/``I-X``)."""


def allowed_transitions() -> np.ndarray:
    """``(7, 7)`` booleans: may label ``j`` follow label ``i`` in BIO."""
    allowed = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for j, b in enumerate(LABELS):
        if b.startswith("I-"):
            for i, a in enumerate(LABELS):
                allowed[i, j] = a != "O" and a[2:] == b[2:]
    return allowed


def allowed_starts() -> np.ndarray:
    """``(7,)`` booleans: may a sentence open with the label (not with ``I-``)."""
    return np.array([not label.startswith("I-") for label in LABELS])


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
        """The best label path (indices into :data:`LABELS`) under the CRF layer."""
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


def viterbi(
    emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[int]:
    """Best path of a linear-chain CRF: scores ``emissions[t, j]`` plus ``trans[i, j]``,
    ``start[j]`` at the first token and ``end[j]`` at the last."""
    n = len(emissions)
    if n == 0:
        return []
    score = start + emissions[0]
    back = np.empty((n, emissions.shape[1]), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emissions[t]
    j = int((score + end).argmax())
    path = [j]
    for t in range(n - 1, 0, -1):
        j = int(back[t, j])
        path.append(j)
    return path[::-1]


def viterbi_batch(
    emissions: Sequence[np.ndarray],
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    dtype: type[np.floating] = np.float32,
) -> list[list[int]]:
    """:func:`viterbi` for several sequences at once, the emissions held in ``dtype``.

    Compiled (:mod:`warta.enrich.ner._ccrf`) where it is built and the scores are all of
    one type, else in numpy; both give the same paths.
    """
    if not emissions:
        return []
    kind = trans.dtype
    if (
        _COMPILED is not None
        and COMPILED_CRF
        and kind in (np.float32, np.float64)
        and start.dtype == kind
        and end.dtype == kind
        and np.result_type(dtype, kind) == kind
    ):
        return _viterbi_batch_compiled(_COMPILED, emissions, trans, start, end, dtype)
    return _viterbi_batch_numpy(emissions, trans, start, end, dtype)


def _bounds(emissions: Sequence[np.ndarray]) -> np.ndarray:
    """Where each sequence starts when they are laid end to end: sequence ``k`` is rows
    ``bounds[k]:bounds[k + 1]`` (the layout the compiled decoding reads)."""
    bounds = np.zeros(len(emissions) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in emissions], out=bounds[1:])
    return bounds


def _viterbi_batch_compiled(
    compiled: Any,
    emissions: Sequence[np.ndarray],
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    dtype: type[np.floating],
) -> list[list[int]]:
    """:func:`viterbi_batch` by ``compiled.viterbi_paths`` (:mod:`warta.enrich.ner._ccrf`), the
    scores all of ``trans``'s type."""
    bounds = _bounds(emissions)
    em = np.concatenate(emissions).astype(dtype, copy=False).astype(trans.dtype, copy=False)
    flat = compiled.viterbi_paths(
        np.ascontiguousarray(em),
        np.ascontiguousarray(trans),
        np.ascontiguousarray(start),
        np.ascontiguousarray(end),
        bounds,
    ).tolist()
    return [flat[bounds[k] : bounds[k + 1]] for k in range(len(emissions))]


def _viterbi_batch_numpy(
    emissions: Sequence[np.ndarray],
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    dtype: type[np.floating] = np.float32,
) -> list[list[int]]:
    """:func:`viterbi_batch` in numpy, one numpy step per position of the longest sequence
    instead of one per token (the reference for the compiled version)."""
    order, lengths, em = _by_length(emissions, dtype)
    n_seq, n_max, n_labels = em.shape
    live = (lengths[None, :] > np.arange(n_max)[:, None]).sum(axis=1)  # a prefix, longest first
    # past its end a row's back-pointers stay the identity, so its label is carried back
    back = np.broadcast_to(np.arange(n_labels), (n_seq, n_max, n_labels)).copy()
    score = start + em[:, 0]
    end_score = np.empty_like(score)
    for t in range(1, n_max):
        k = live[t]
        if k < live[t - 1]:  # rows that ended at t - 1
            end_score[k : live[t - 1]] = score[k : live[t - 1]] + end
        cand = score[:k, :, None] + trans
        back[:k, t] = cand.argmax(axis=1)
        score[:k] = cand.max(axis=1) + em[:k, t]
    k = live[n_max - 1]
    end_score[:k] = score[:k] + end
    j = end_score.argmax(axis=1)
    rows = np.arange(n_seq)
    path = np.empty((n_seq, n_max), dtype=np.int64)
    path[:, n_max - 1] = j
    for t in range(n_max - 1, 0, -1):
        j = back[rows, t, j]
        path[:, t - 1] = j
    out: list[list[int]] = [[] for _ in order]
    for row, i in enumerate(order):
        out[i] = path[row, : lengths[row]].tolist()
    return out


def crf_marginals(
    emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Token marginals ``(T, L)`` of a linear-chain CRF by forward-backward.

    In probability space with each step rescaled to sum 1 (Rabiner's scaling): the scale
    cancels in the normalised product, and it takes half the numpy calls of log-space sums.
    """
    n = len(emissions)
    em = np.exp(emissions - emissions.max(axis=1, keepdims=True)).astype(np.float64)
    step = np.exp(trans.astype(np.float64))
    alpha = np.empty_like(em)
    beta = np.empty_like(em)
    a = np.exp(start - start.max()) * em[0]
    alpha[0] = a / a.sum()
    for t in range(1, n):
        a = (alpha[t - 1] @ step) * em[t]
        alpha[t] = a / a.sum()
    b = np.exp(end - end.max())
    beta[n - 1] = b / b.sum()
    for t in range(n - 2, -1, -1):
        b = step @ (em[t + 1] * beta[t + 1])
        beta[t] = b / b.sum()
    joint = alpha * beta
    return joint / joint.sum(axis=1, keepdims=True)


def _by_length(
    emissions: Sequence[np.ndarray], dtype: type[np.floating] = np.float64
) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Order (longest first), sorted lengths and the padded ``(n, T, L)`` array of ``dtype``:
    the layout both numpy decoders run on (the rows still running at a position are a prefix)."""
    order = sorted(range(len(emissions)), key=lambda i: -len(emissions[i]))
    lengths = np.array([len(emissions[i]) for i in order])
    em = np.zeros((len(order), int(lengths[0]), emissions[0].shape[1]), dtype=dtype)
    for row, i in enumerate(order):
        em[row, : lengths[row]] = emissions[i]
    return order, lengths, em


def crf_marginals_batch(
    emissions: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[np.ndarray]:
    """:func:`crf_marginals` of several sequences at once: compiled
    (:mod:`warta.enrich.ner._ccrf`, within 1e-12 of numpy) where it is built, else in numpy."""
    if not emissions:
        return []
    if _COMPILED is not None and COMPILED_CRF:
        return _crf_marginals_batch_compiled(_COMPILED, emissions, trans, start, end)
    return _crf_marginals_batch_numpy(emissions, trans, start, end)


def _crf_marginals_batch_compiled(
    compiled: Any,
    emissions: Sequence[np.ndarray],
    trans: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> list[np.ndarray]:
    """:func:`crf_marginals_batch` by ``compiled.forward_backward``, which takes the
    exponentiated, rescaled scores that :func:`_crf_marginals_batch_numpy` works with."""
    bounds = _bounds(emissions)
    em = np.concatenate(emissions).astype(np.float64)
    em = np.exp(em - em.max(axis=1, keepdims=True))
    last = np.exp(end - end.max())
    probs = compiled.forward_backward(
        em,
        np.exp(trans.astype(np.float64)),
        np.ascontiguousarray(np.exp(start - start.max()), dtype=np.float64),
        np.ascontiguousarray(last / last.sum(), dtype=np.float64),
        bounds,
    )
    return [probs[bounds[k] : bounds[k + 1]] for k in range(len(emissions))]


def _crf_marginals_batch_numpy(
    emissions: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[np.ndarray]:
    """:func:`crf_marginals_batch` in one padded numpy pass (longest first, so the rows still
    running at a position are a prefix): the reference for the compiled version."""
    order, lengths, em = _by_length(emissions)
    n_seq, n_max, _ = em.shape
    em = np.exp(em - em.max(axis=2, keepdims=True))
    step = np.exp(trans.astype(np.float64))
    live = (lengths[None, :] > np.arange(n_max + 1)[:, None]).sum(axis=1)
    alpha = np.zeros_like(em)
    beta = np.zeros_like(em)
    a = np.exp(start - start.max()) * em[:, 0]
    alpha[:, 0] = a / a.sum(axis=1, keepdims=True)
    for t in range(1, n_max):
        k = live[t]
        a = (alpha[:k, t - 1] @ step) * em[:k, t]
        alpha[:k, t] = a / a.sum(axis=1, keepdims=True)
    last = np.exp(end - end.max())
    last = last / last.sum()
    for t in range(n_max - 1, -1, -1):
        k_next, k = live[t + 1], live[t]
        beta[k_next:k, t] = last  # rows whose last token is t
        if k_next:
            b = (em[:k_next, t + 1] * beta[:k_next, t + 1]) @ step.T
            beta[:k_next, t] = b / b.sum(axis=1, keepdims=True)
    joint = alpha * beta
    out: list[np.ndarray] = [np.empty(0)] * n_seq
    for row, i in enumerate(order):
        m = joint[row, : lengths[row]]
        out[i] = m / m.sum(axis=1, keepdims=True)
    return out


def bio_viterbi_batch(probs: Sequence[np.ndarray]) -> list[list[int]]:
    """:func:`bio_viterbi` of several sequences in one padded pass."""
    trans = np.where(allowed_transitions(), 0.0, NEG)
    start = np.where(allowed_starts(), 0.0, NEG)
    logs = [np.log(np.maximum(p, 1e-12)) for p in probs]
    return viterbi_batch(logs, trans, start, np.zeros(len(LABELS)))


def bio_viterbi(probs: np.ndarray) -> list[int]:
    """The BIO-valid label path maximising the product of the token probabilities
    ``probs[t, j]`` (e.g. averaged marginals of two models)."""
    logp = np.log(np.maximum(probs, 1e-12))
    trans = np.where(allowed_transitions(), 0.0, NEG)
    start = np.where(allowed_starts(), 0.0, NEG)
    return viterbi(logp, trans, start, np.zeros(len(LABELS)))


def load_arrays(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of an (uncompressed) ``.npz`` file's bytes."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        return {k: npz[k] for k in npz.files}


def _probe_compiled(compiled: Any) -> str | None:
    """Why the compiled decoding is not to be used, or None: on random scores in float32 and
    float64, ties included, it must give the numpy path's Viterbi paths and its marginals
    within 1e-12."""
    rng = np.random.default_rng(7)
    for trial in range(6):
        kind: type[np.floating] = np.float32 if trial % 2 else np.float64
        lengths = rng.integers(1, 30, size=int(rng.integers(1, 8)))
        digits = 0 if trial >= 4 else 8  # the last two: few distinct values, so ties
        ems = [np.round(rng.normal(size=(int(n), 7)), digits).astype(kind) for n in lengths]
        trans = np.where(allowed_transitions(), np.round(rng.normal(size=(7, 7)), digits), NEG)
        start = np.where(allowed_starts(), rng.normal(size=7), NEG).astype(kind)
        end = rng.normal(size=7).astype(kind)
        trans = trans.astype(kind)
        got = _viterbi_batch_compiled(compiled, ems, trans, start, end, kind)
        if got != _viterbi_batch_numpy(ems, trans, start, end, kind):
            return f"probe {trial}: paths differ"
        probs = np.concatenate(_crf_marginals_batch_compiled(compiled, ems, trans, start, end))
        expected = np.concatenate(_crf_marginals_batch_numpy(ems, trans, start, end))
        if not np.allclose(probs, expected, rtol=0, atol=1e-12):
            return f"probe {trial}: marginals differ"
    return None


def _load_compiled() -> tuple[Any, str]:
    """The compiled decoding (:mod:`warta.enrich.ner._ccrf`) and ``"compiled"``, or None and
    why not (not built, or it decodes the probes differently)."""
    return load_checked("warta.enrich.ner._ccrf", _probe_compiled)


_COMPILED, COMPILED_CRF_STATUS = _load_compiled()
COMPILED_CRF: bool = _COMPILED is not None
"""Whether :func:`viterbi_batch` and :func:`crf_marginals_batch` use the compiled decoding;
:data:`COMPILED_CRF_STATUS` says why not. Set it to False to force the numpy path (tests,
benchmarks)."""
