"""The tree-ensemble evaluators: the complete-tree (level table) one against the node-by-node walk."""

from __future__ import annotations

import numpy as np
import pytest

from warta.page.blockmodel import TreeEnsemble, shipped_model


def _random_ensemble(
    rng: np.random.Generator, trees: int, depth: int, n_features: int
) -> TreeEnsemble:
    """Trees of uneven shape: every node becomes a leaf early with some chance."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []

    def grow(level: int) -> int:
        at = len(feature)
        feature.append(0)
        threshold.append(np.inf)
        left.append(at)
        right.append(at)
        value.append(float(rng.normal()))
        if level < depth and rng.random() < 0.8:
            feature[at] = int(rng.integers(n_features))
            threshold[at] = float(rng.normal())
            left[at] = grow(level + 1)
            right[at] = grow(level + 1)
            value[at] = 0.0
        return at

    for _ in range(trees):
        roots.append(grow(0))
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


def _walked(ensemble: TreeEnsemble, x: np.ndarray) -> np.ndarray:
    """The node-by-node walk: the evaluator used when the level tables would be too large."""
    levels = ensemble._levels
    ensemble._levels = None
    try:
        return ensemble.decision(x)
    finally:
        ensemble._levels = levels


@pytest.mark.parametrize("depth", [1, 3, 6])
def test_level_tables_give_the_walks_scores_exactly(depth: int) -> None:
    rng = np.random.default_rng(depth)
    ensemble = _random_ensemble(rng, trees=25, depth=depth, n_features=7)
    assert ensemble._levels is not None
    x = rng.normal(size=(200, 7)).astype(np.float32)
    x[::7, 2] = np.nan  # NaN goes left at a split, as in the walk
    x[::11, 3] = np.inf
    x[::13, 4] = -np.inf
    assert np.array_equal(ensemble.decision(x), _walked(ensemble, x))


def test_a_leaf_root_scores_its_value() -> None:
    one_leaf = TreeEnsemble(
        np.array([0]), np.array([0]), np.array([np.inf]), np.array([0]), np.array([0]),
        np.array([2.5]), baseline=-1.0, depth=3, n_features=2,
    )  # fmt: skip
    assert one_leaf.decision(np.zeros((4, 2), dtype=np.float32)).tolist() == [1.5] * 4


def test_shipped_model_scores_the_same_both_ways() -> None:
    model = shipped_model()
    rng = np.random.default_rng(0)
    for stage in (model.stage1, model.stage2):
        x = rng.normal(scale=2.0, size=(60, stage.n_features)).astype(np.float32)
        x[:, ::3] = np.abs(x[:, ::3]) > 1.0  # many features are flags
        assert np.array_equal(stage.decision(x), _walked(stage, x))
