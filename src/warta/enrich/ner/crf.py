"""The linear-chain CRF layer both NER taggers share: the label set in BIO, the transitions it
allows, and decoding — best paths (Viterbi) and token marginals (forward-backward), one sentence
or a padded batch. Compiled (:mod:`warta.enrich.ner._ccrf`) where it is built and agrees with the
numpy path on random probes; numpy otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from warta._compiled import load_checked

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
