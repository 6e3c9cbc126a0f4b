# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The level-table walk of :class:`warta.page.blockmodel.TreeEnsemble`, compiled.

:meth:`TreeEnsemble._decision_levels` walks every (row, tree) pair down the complete-level tables
with a dozen numpy calls per level on (rows × trees) arrays; on a page of a few hundred blocks the
calls and their temporaries cost more than the work. :func:`leaf_values` runs the same walk as a
plain loop over rows × trees × levels on the same tables and returns the same (rows × trees) leaf
values; the caller sums them with numpy as the numpy path does (numpy's pairwise summation order
is part of the result, so it is not redone here). The comparison is ``value > threshold`` in
float32, as in the numpy path: NaN goes left, and a +inf threshold always goes left.

The numpy path stays the reference: :mod:`warta.page.blockmodel` checks this module against it
at import (:func:`warta.page.blockmodel._load_compiled_trees`) and falls back to it on any
mismatch; tests/page/test_ctrees.py compares the two on the shipped model and fixtures.
"""

import numpy as np

from libc.stdint cimport int64_t
from libc.stdlib cimport free, malloc

cdef extern from *:
    """
    #define WARTA_MAX_DEPTH 64
    """
    int WARTA_MAX_DEPTH


def leaf_values(const float[:, ::1] x, list features, list thresholds, const double[::1] leaves):
    """The leaf value each row of ``x`` reaches in each tree: a (rows × trees) float64 array.

    ``x`` is the float32 feature matrix (C order, rows × features); ``features[L]`` (int64) and
    ``thresholds[L]`` (float32) are the level tables of :class:`warta.page.blockmodel._Levels`,
    ``trees << L`` long, and ``leaves`` (float64) is ``trees << depth`` long. The tables are
    checked on every call (lengths, feature indices within ``x``'s columns): a bad model raises
    ValueError instead of reading out of bounds.
    """
    cdef Py_ssize_t depth = len(features)
    if depth == 0 or depth > WARTA_MAX_DEPTH or len(thresholds) != depth:
        raise ValueError(f"bad level tables: {depth} feature levels, {len(thresholds)} threshold levels")
    cdef Py_ssize_t trees = leaves.shape[0] >> depth
    if trees == 0 or trees << depth != leaves.shape[0]:
        raise ValueError(f"{leaves.shape[0]} leaves is not a whole number of trees of depth {depth}")
    cdef Py_ssize_t rows = x.shape[0], cols = x.shape[1]
    out = np.empty((rows, trees), dtype=np.float64)
    cdef double[:, ::1] result = out

    # Keep every level's memoryview alive in Python lists while the raw pointers are used.
    cdef list keep_f = [], keep_t = []
    cdef const int64_t[::1] fview
    cdef const float[::1] tview
    cdef const int64_t **feat = <const int64_t **>malloc(depth * sizeof(int64_t *))
    cdef const float **thr = <const float **>malloc(depth * sizeof(float *))
    cdef Py_ssize_t level, i, row, tree, pos
    cdef int64_t f
    cdef const float *xrow
    cdef const double *leaf = &leaves[0]
    cdef const int64_t *lf
    cdef const float *lt
    cdef double *out_row
    cdef Py_ssize_t *position = <Py_ssize_t *>malloc(trees * sizeof(Py_ssize_t))
    if feat == NULL or thr == NULL or position == NULL:
        free(feat)
        free(thr)
        free(position)
        raise MemoryError()
    try:
        for level in range(depth):
            fview = features[level]
            tview = thresholds[level]
            if fview.shape[0] != trees << level or tview.shape[0] != trees << level:
                raise ValueError(f"level {level} tables are not {trees << level} long")
            for i in range(fview.shape[0]):
                f = fview[i]
                if f < 0 or f >= cols:
                    raise ValueError(f"level {level} splits on feature {f}; x has {cols} columns")
            keep_f.append(fview)
            keep_t.append(tview)
            feat[level] = &fview[0]
            thr[level] = &tview[0]
        with nogil:
            for row in range(rows):
                xrow = &x[row, 0]
                out_row = &result[row, 0]
                # Level by level across the row's trees rather than tree by tree: the steps of
                # one tree form a chain of dependent loads, those of different trees do not, so
                # the CPU overlaps them (about twice as fast as walking one tree at a time).
                for tree in range(trees):
                    position[tree] = tree
                for level in range(depth):
                    lf = feat[level]
                    lt = thr[level]
                    for tree in range(trees):
                        pos = position[tree]
                        # go right iff x > t in float32 (NaN > t is false: NaN goes left)
                        position[tree] = 2 * pos + (xrow[lf[pos]] > lt[pos])
                for tree in range(trees):
                    out_row[tree] = leaf[position[tree]]
    finally:
        free(feat)
        free(thr)
        free(position)
    return out
