"""The tree-ensemble evaluators: the complete-tree (level table) one against the node-by-node walk."""

from __future__ import annotations

import numpy as np
import pytest

from warta.page.blockmodel import TreeEnsemble, _probe_ensemble, shipped_model


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
    # uneven trees, thresholds on a grid (the import-time check of the compiled trees uses them)
    ensemble = _probe_ensemble(rng, trees=25, depth=depth, n_features=7)
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
