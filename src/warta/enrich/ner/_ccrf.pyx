# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The linear-chain CRF decoding of :mod:`warta.enrich.ner.neural`, compiled: Viterbi
(:func:`~warta.enrich.ner.neural.viterbi_batch`) and forward-backward marginals
(:func:`~warta.enrich.ner.neural.crf_marginals_batch`).

The numpy versions step through the positions of the longest sentence with half a dozen numpy
calls per step; on a text's few dozen short sentences the calls cost more than the work (a few
thousand additions). Here the same recurrences run as plain loops.

:func:`viterbi_paths` works in the numpy path's floating type (float32 for the net, float64 for
the CRF and the BIO decoding): the same additions, the first of equal maxima kept as ``argmax``
keeps it, so the same paths. :func:`forward_backward` sums its 7-term products in index order
where numpy's matrix product leaves the order to BLAS, so its marginals can differ from numpy's
in the last bits of a double (tests allow 1e-12).

The numpy paths stay the reference: :mod:`warta.enrich.ner.neural` checks this module against
them at import (:func:`warta.enrich.ner.neural._probe_compiled`) and falls back to them on any
mismatch; tests/enrich/test_ner_linear_crf.py compares the two.
"""

import numpy as np

from libc.stdint cimport int64_t

ctypedef fused real:
    float
    double


cdef int _check_shapes(
    str name,
    Py_ssize_t n_labels,
    Py_ssize_t trans_cols,
    Py_ssize_t start_len,
    Py_ssize_t end_len,
    Py_ssize_t emission_cols,
    const int64_t[::1] bounds,
    Py_ssize_t total,
) except -1:
    """Raise ValueError unless the label dimensions agree (at most 64 labels: the decoders'
    stack buffers) and ``bounds`` cut ``total`` emission rows into ordered sequences."""
    if (
        trans_cols != n_labels
        or start_len != n_labels
        or end_len != n_labels
        or emission_cols != n_labels
        or n_labels == 0
        or n_labels > 64
    ):
        raise ValueError(f"{name}: label dimensions differ or exceed 64")
    cdef Py_ssize_t k
    for k in range(bounds.shape[0] - 1):
        if bounds[k] < 0 or bounds[k] > bounds[k + 1] or bounds[k + 1] > total:
            raise ValueError(f"{name}: bounds out of order or past the emissions")
    return 0


def viterbi_paths(
    const real[:, ::1] emissions,
    const real[:, ::1] trans,
    const real[::1] start,
    const real[::1] end,
    const int64_t[::1] bounds,
):
    """The best path of each sequence: ``emissions`` holds the sequences end to end (rows
    ``bounds[k]:bounds[k + 1]`` are sequence ``k``); returns the label indices end to end
    (int64). Scores are ``start[j]`` at the first token, ``trans[i, j]`` between tokens and
    ``end[j]`` after the last, added in ``real`` arithmetic. Bad shapes raise ValueError."""
    cdef Py_ssize_t n_labels = trans.shape[0]
    cdef Py_ssize_t n_seq = bounds.shape[0] - 1, total = emissions.shape[0]
    cdef Py_ssize_t k, lo, hi, t, i, j, best_i
    _check_shapes(
        "viterbi_paths", n_labels, trans.shape[1], start.shape[0], end.shape[0],
        emissions.shape[1], bounds, total,
    )
    out = np.empty(total, dtype=np.int64)
    cdef int64_t[::1] path = out
    back_array = np.empty((total, n_labels), dtype=np.int64)
    cdef int64_t[:, ::1] back = back_array
    cdef real score[64]
    cdef real nxt[64]
    cdef real cand, best
    with nogil:
        for k in range(n_seq):
            lo = bounds[k]
            hi = bounds[k + 1]
            if hi == lo:
                continue
            for j in range(n_labels):
                score[j] = start[j] + emissions[lo, j]
            for t in range(lo + 1, hi):
                for j in range(n_labels):
                    best = score[0] + trans[0, j]
                    best_i = 0
                    for i in range(1, n_labels):
                        cand = score[i] + trans[i, j]
                        if cand > best:
                            best = cand
                            best_i = i
                    back[t, j] = best_i
                    nxt[j] = best + emissions[t, j]
                for j in range(n_labels):
                    score[j] = nxt[j]
            best = score[0] + end[0]
            best_i = 0
            for j in range(1, n_labels):
                cand = score[j] + end[j]
                if cand > best:
                    best = cand
                    best_i = j
            path[hi - 1] = best_i
            for t in range(hi - 1, lo, -1):
                best_i = back[t, best_i]
                path[t - 1] = best_i
    return out


def forward_backward(
    const double[:, ::1] emissions,
    const double[:, ::1] step,
    const double[::1] first,
    const double[::1] last,
    const int64_t[::1] bounds,
):
    """Token marginals of each sequence (rows ``bounds[k]:bounds[k + 1]``), end to end.

    ``emissions`` are the exponentiated emissions (each row scaled by its maximum), ``step``
    the exponentiated transitions, ``first`` the exponentiated start scores (scaled) and
    ``last`` the exponentiated end scores normalised to sum 1: the forward and backward passes
    rescale each step to sum 1, as :func:`warta.enrich.ner.neural.crf_marginals_batch` does.
    """
    cdef Py_ssize_t n_labels = step.shape[0]
    cdef Py_ssize_t n_seq = bounds.shape[0] - 1, total = emissions.shape[0]
    cdef Py_ssize_t k, lo, hi, t, i, j
    _check_shapes(
        "forward_backward", n_labels, step.shape[1], first.shape[0], last.shape[0],
        emissions.shape[1], bounds, total,
    )
    alpha_array = np.empty((total, n_labels), dtype=np.float64)
    beta_array = np.empty((total, n_labels), dtype=np.float64)
    cdef double[:, ::1] alpha = alpha_array
    cdef double[:, ::1] beta = beta_array
    cdef double a[64]
    cdef double v[64]
    cdef double acc, norm
    with nogil:
        for k in range(n_seq):
            lo = bounds[k]
            hi = bounds[k + 1]
            if hi == lo:
                continue
            norm = 0.0
            for j in range(n_labels):
                a[j] = first[j] * emissions[lo, j]
                norm += a[j]
            for j in range(n_labels):
                alpha[lo, j] = a[j] / norm
            for t in range(lo + 1, hi):
                norm = 0.0
                for j in range(n_labels):
                    acc = 0.0
                    for i in range(n_labels):
                        acc += alpha[t - 1, i] * step[i, j]
                    a[j] = acc * emissions[t, j]
                    norm += a[j]
                for j in range(n_labels):
                    alpha[t, j] = a[j] / norm
            for j in range(n_labels):
                beta[hi - 1, j] = last[j]
            for t in range(hi - 2, lo - 1, -1):
                for j in range(n_labels):
                    v[j] = emissions[t + 1, j] * beta[t + 1, j]
                norm = 0.0
                for i in range(n_labels):
                    acc = 0.0
                    for j in range(n_labels):
                        acc += v[j] * step[i, j]
                    a[i] = acc
                    norm += acc
                for i in range(n_labels):
                    beta[t, i] = a[i] / norm
            for t in range(lo, hi):
                norm = 0.0
                for j in range(n_labels):
                    a[j] = alpha[t, j] * beta[t, j]
                    norm += a[j]
                for j in range(n_labels):
                    alpha[t, j] = a[j] / norm
    return alpha_array
