"""The shipped block classifier: two gradient-boosted tree ensembles evaluated with numpy.

The model is trained by ``python -m training.train_blocks`` (scikit-learn, training only) and
exported to ``assets/blocks.npz``: for each stage, flat arrays of tree nodes (feature, threshold,
left, right, leaf value) plus the baseline and the feature names it was trained on. Evaluating all
trees at once, level by level, takes a few numpy calls per page instead of a Python loop per tree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from typing import IO, Any, NamedTuple

import numpy as np

from warta._compiled import load_checked

MODEL_FILE = "blocks.npz"


class TreeEnsemble:
    """A boosted ensemble of binary trees over float features (``x <= threshold`` goes left).

    Leaves point to themselves, so walking ``depth`` steps from every root lands every row on a
    leaf whatever the depth of its own path.
    """

    def __init__(
        self,
        roots: np.ndarray,
        feature: np.ndarray,
        threshold: np.ndarray,
        left: np.ndarray,
        right: np.ndarray,
        value: np.ndarray,
        baseline: float,
        depth: int,
        n_features: int,
    ) -> None:
        self.roots = roots.astype(np.int64)
        self.feature = feature.astype(np.int64)
        self.threshold = threshold.astype(np.float64)
        self.left = left.astype(np.int64)
        self.right = right.astype(np.int64)
        self.value = value.astype(np.float64)
        self.baseline = float(baseline)
        self.depth = int(depth)
        self.n_features = int(n_features)
        # Children interleaved (left at 2k, right at 2k + 1): one gather per level instead of two.
        self._children = np.stack([self.left, self.right], axis=1).ravel()
        # Thresholds rounded down to float32: for a float32 feature value v and a float64
        # threshold t, ``v > t`` exactly when ``v > t32`` with t32 the largest float32 <= t, so
        # the comparison runs in float32 with the same outcome.
        t32 = self.threshold.astype(np.float32)
        above = t32.astype(np.float64) > self.threshold
        t32[above] = np.nextafter(t32[above], np.float32(-np.inf))
        self._threshold32 = t32
        self._levels = _complete_levels(self) if len(self.roots) << self.depth <= MAX_LEVEL_NODES else None

    def decision(self, x: np.ndarray) -> np.ndarray:
        """The raw score (log-odds) of each row of ``x``."""
        n = x.shape[0]
        if n == 0:
            return np.zeros(0)
        if x.shape[1] != self.n_features:
            raise ValueError(f"expected {self.n_features} features, got {x.shape[1]}")
        if self._levels is not None and COMPILED_TREES and _COMPILED is not None:
            return self._decision_compiled(x, self._levels, _COMPILED)
        flat = np.ascontiguousarray(x, dtype=np.float32).ravel()
        offsets = (np.arange(n, dtype=np.int64) * self.n_features)[:, None]
        if self._levels is not None:
            return self._decision_levels(flat, offsets, self._levels)
        node = np.repeat(self.roots[None, :], n, axis=0)
        feature, threshold, children = self.feature, self._threshold32, self._children
        index = np.empty_like(node)
        values = np.empty(node.shape, dtype=np.float32)
        limits = np.empty(node.shape, dtype=np.float32)
        go_right = np.empty(node.shape, dtype=bool)
        for _ in range(self.depth):
            feature.take(node, out=index)
            index += offsets
            flat.take(index, out=values)
            threshold.take(node, out=limits)
            np.greater(values, limits, out=go_right)
            node *= 2
            node += go_right
            children.take(node, out=node)
        return self.baseline + self.value[node].sum(axis=1)

    def _decision_levels(self, flat: np.ndarray, offsets: np.ndarray, levels: _Levels) -> np.ndarray:
        """:meth:`decision` on the complete-tree layout: ``flat`` is ``x`` as float32, row-major.

        A row's position in tree ``t`` at level ``L`` is ``t * 2**L + j`` in that level's tables,
        and its child is ``2 * position + go_right``, so each level is two gathers from small
        tables, one from ``x``, a comparison and two in-place integer operations; the first level
        needs no gather from the tables at all.
        """
        # Every index is in range by construction, so ``mode="wrap"`` gathers the same elements;
        # it is used because ``take`` with ``out`` and the default ``mode="raise"`` first gathers
        # into a scratch buffer and copies it (about a third slower on these arrays).
        n, trees = offsets.shape[0], len(self.roots)
        index = levels.features[0] + offsets  # (rows, trees): where each row's value sits in flat
        values = flat.take(index, mode="wrap")
        go_right = values > levels.thresholds[0]
        position = np.empty((n, trees), dtype=np.int64)
        position[:] = np.arange(trees, dtype=np.int64)
        position *= 2
        position += go_right
        limits = np.empty((n, trees), dtype=np.float32)
        for features, thresholds in zip(levels.features[1:], levels.thresholds[1:], strict=True):
            features.take(position, out=index, mode="wrap")
            index += offsets
            flat.take(index, out=values, mode="wrap")
            thresholds.take(position, out=limits, mode="wrap")
            np.greater(values, limits, out=go_right)
            position *= 2
            position += go_right
        return self.baseline + levels.leaves.take(position, mode="wrap").sum(axis=1)

    def _decision_compiled(
        self, x: np.ndarray, levels: _Levels, leaf_values: _LeafValues
    ) -> np.ndarray:
        """:meth:`_decision_levels` with the walk compiled (:mod:`warta.page._ctrees`).

        Only the walk: the (rows × trees) leaf values are summed here exactly as there, so the
        scores are bit-identical (numpy's pairwise summation order is part of the result).
        """
        x32 = np.ascontiguousarray(x, dtype=np.float32)
        leaves = leaf_values(x32, levels.features, levels.thresholds, levels.leaves)
        return self.baseline + leaves.sum(axis=1)

    def proba(self, x: np.ndarray) -> np.ndarray:
        """The probability of the positive class for each row of ``x``."""
        return 1.0 / (1.0 + np.exp(-self.decision(x)))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The ensemble as named arrays (for ``np.savez``)."""
        return {
            f"{prefix}roots": self.roots.astype(np.int32),
            f"{prefix}feature": self.feature.astype(np.int16),
            f"{prefix}threshold": self.threshold,
            f"{prefix}left": self.left.astype(np.int32),
            f"{prefix}right": self.right.astype(np.int32),
            f"{prefix}value": self.value.astype(np.float32),
            f"{prefix}meta": np.array([self.baseline, self.depth, self.n_features], dtype=np.float64),
        }

    @classmethod
    def from_arrays(cls, data: dict[str, np.ndarray] | np.lib.npyio.NpzFile, prefix: str) -> TreeEnsemble:
        """Read an ensemble written by :meth:`arrays`."""
        meta = data[f"{prefix}meta"]
        return cls(
            data[f"{prefix}roots"],
            data[f"{prefix}feature"],
            data[f"{prefix}threshold"],
            data[f"{prefix}left"],
            data[f"{prefix}right"],
            data[f"{prefix}value"],
            baseline=float(meta[0]),
            depth=int(meta[1]),
            n_features=int(meta[2]),
        )


MAX_LEVEL_NODES = 1 << 21
"""Ensembles whose complete trees would have more leaves than this are walked node by node."""


class _Levels(NamedTuple):
    """An ensemble as complete binary trees of its depth, one table per level.

    ``features[L]`` and ``thresholds[L]`` hold, at ``t * 2**L + j``, the split of the ``j``-th
    node (left to right) at level ``L`` of tree ``t``; ``leaves`` holds the ``2**depth`` leaf
    values of each tree in the same order. A leaf above the last level becomes a split that
    always goes left (threshold +inf: ``v > inf`` is false for every float, NaN too) over copies
    of itself, so every row lands on a copy of the same leaf as in the node-by-node walk.
    """

    features: list[np.ndarray]
    thresholds: list[np.ndarray]
    leaves: np.ndarray


def _complete_levels(ensemble: TreeEnsemble) -> _Levels:
    """The level tables of ``ensemble`` (built once, when the model is read)."""
    depth, trees = ensemble.depth, len(ensemble.roots)
    features = [np.zeros(trees << level, dtype=np.int64) for level in range(depth)]
    thresholds = [np.full(trees << level, np.inf, dtype=np.float32) for level in range(depth)]
    leaves = np.zeros(trees << depth, dtype=np.float64)
    left, right = ensemble.left.tolist(), ensemble.right.tolist()
    feature, threshold, value = ensemble.feature.tolist(), ensemble._threshold32, ensemble.value
    for tree, root in enumerate(ensemble.roots.tolist()):
        stack = [(root, 0, 0)]  # (node, level, position within the level)
        while stack:
            node, level, j = stack.pop()
            if level == depth:  # as the walk: the node reached after ``depth`` steps gives the value
                leaves[(tree << depth) + j] = value[node]
                continue
            at = (tree << level) + j
            if left[node] == node:  # a leaf: always left, over copies of itself
                stack.append((node, level + 1, 2 * j))
                stack.append((node, level + 1, 2 * j + 1))
                continue
            features[level][at] = feature[node]
            thresholds[level][at] = threshold[node]
            stack.append((left[node], level + 1, 2 * j))
            stack.append((right[node], level + 1, 2 * j + 1))
    return _Levels(features, thresholds, leaves)


class BlockModel:
    """Stage one scores blocks alone; stage two rescores them with stage one's view of the page."""

    def __init__(self, stage1: TreeEnsemble, stage2: TreeEnsemble, names: list[str], threshold: float) -> None:
        self.stage1 = stage1
        self.stage2 = stage2
        self.names = names
        self.threshold = threshold

    def save(self, path: str) -> None:
        """Write the model to ``path`` as a compressed ``.npz``."""
        arrays: dict[str, Any] = {"names": np.array(self.names), "threshold": np.array([self.threshold])}
        arrays.update(self.stage1.arrays("s1_"))
        arrays.update(self.stage2.arrays("s2_"))
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, source: str | IO[bytes]) -> BlockModel:
        """Read a model written by :meth:`save` (a path or a binary file object)."""
        with np.load(source, allow_pickle=False) as data:
            return cls(
                TreeEnsemble.from_arrays(data, "s1_"),
                TreeEnsemble.from_arrays(data, "s2_"),
                [str(v) for v in data["names"]],
                float(data["threshold"][0]),
            )


@functools.cache
def shipped_model() -> BlockModel:
    """The model shipped in ``warta/assets`` (read once per process, read-only afterwards)."""
    ref = resources.files("warta").joinpath("assets", MODEL_FILE)
    with ref.open("rb") as fh:
        return BlockModel.load(fh)


_LeafValues = Callable[[np.ndarray, list[np.ndarray], list[np.ndarray], np.ndarray], np.ndarray]
""":func:`warta.page._ctrees.leaf_values`: (x, level features, level thresholds, leaves) -> the
(rows × trees) leaf values."""


def _probe_ensemble(
    rng: np.random.Generator, trees: int, depth: int, n_features: int
) -> TreeEnsemble:
    """A random ensemble of uneven trees (leaves at every level) for the import check; its
    thresholds come from a small grid that the probe matrices reuse, so ties (``x == t``) occur."""
    grid = [-1e30, -2.5, -1.0, -0.1, 0.0, 0.1, 1.0, 1 / 3, 2.5, 1e30]
    most = trees << (depth + 1)  # random draws made in bulk: one rng call per node is slow
    splits = iter((rng.random(most) < 0.85).tolist())
    features = iter(rng.integers(n_features, size=most).tolist())
    limits = iter(rng.integers(len(grid), size=most).tolist())
    values = iter(rng.normal(size=most).tolist())
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []

    def grow(level: int) -> int:
        at = len(feature)
        feature.append(0)
        threshold.append(np.inf)
        left.append(at)
        right.append(at)
        value.append(next(values))
        if level < depth and next(splits):
            feature[at] = next(features)
            threshold[at] = grid[next(limits)]
            left[at] = grow(level + 1)
            right[at] = grow(level + 1)
        return at

    roots = [grow(0) for _ in range(trees)]
    return TreeEnsemble(
        np.array(roots),
        np.array(feature),
        np.array(threshold),
        np.array(left),
        np.array(right),
        np.array(value),
        baseline=float(rng.normal()),
        depth=depth,
        n_features=n_features,
    )


def _probe_matrices(rng: np.random.Generator, n_features: int) -> list[np.ndarray]:
    """Float32 matrices with ties, NaN, ±inf, huge and tiny values, and 0, 1 and many rows."""
    special = np.array(
        [np.nan, np.inf, -np.inf, 0.0, -0.0, 1 / 3, 0.1, -0.1, 1e30, -1e30, 3e38, 1e-45],
        dtype=np.float32,
    )
    out = []
    for rows in (0, 1, 7, 300):
        x = rng.normal(scale=2.0, size=(rows, n_features)).astype(np.float32)
        mask = rng.random(x.shape) < 0.4
        x[mask] = rng.choice(special, size=int(mask.sum()))
        out.append(x)
    return out


def check_compiled(leaf_values: _LeafValues) -> str | None:
    """None if ``leaf_values`` gives bit-identical scores to the numpy path on a few random
    ensembles and matrices, else what differs."""
    rng = np.random.default_rng(20261127)
    for trial, (trees, depth, n_features) in enumerate(((1, 1, 1), (13, 4, 5), (30, 6, 9))):
        ensemble = _probe_ensemble(rng, trees, depth, n_features)
        levels = ensemble._levels
        if levels is None:  # not reachable at these sizes
            return f"probe ensemble {trial}: no level tables"
        for x in _probe_matrices(rng, n_features):
            if len(x) == 0:
                continue  # decision() answers empty input itself
            flat = np.ascontiguousarray(x).ravel()
            offsets = (np.arange(len(x), dtype=np.int64) * n_features)[:, None]
            expected = ensemble._decision_levels(flat, offsets, levels)
            got = ensemble._decision_compiled(x, levels, leaf_values)
            if got.shape != expected.shape or got.tobytes() != expected.tobytes():
                return f"probe ensemble {trial}, {len(x)} rows: scores differ"
    return None


def _load_compiled_trees() -> tuple[_LeafValues | None, str]:
    """The compiled walk (:func:`warta.page._ctrees.leaf_values`) and ``"compiled"``, or None and
    why not: the extension is not built, or it scores the probe ensembles differently from
    :meth:`TreeEnsemble._decision_levels`."""
    module, status = load_checked("warta.page._ctrees", lambda m: check_compiled(m.leaf_values))
    leaf_values: _LeafValues | None = module.leaf_values if module is not None else None
    return leaf_values, status


_COMPILED, COMPILED_TREES_STATUS = _load_compiled_trees()
COMPILED_TREES: bool = _COMPILED is not None
"""Whether :meth:`TreeEnsemble.decision` uses the compiled walk; :data:`COMPILED_TREES_STATUS` says
why not. Set it to False to force the numpy path (tests, benchmarks)."""
