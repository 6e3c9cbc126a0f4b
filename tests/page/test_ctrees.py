"""The compiled tree walk (warta.page._ctrees) scores exactly as the numpy level walk, and its guard."""

from __future__ import annotations

import gzip
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

import warta
from warta.page import blockmodel as B

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

ctrees = pytest.importorskip("warta.page._ctrees", reason="the compiled tree walk is not built")


def _numpy(ensemble: B.TreeEnsemble, x: np.ndarray) -> np.ndarray:
    """The numpy level walk (the reference), whatever the module flag says."""
    levels = ensemble._levels
    assert levels is not None
    flat = np.ascontiguousarray(x, dtype=np.float32).ravel()
    offsets = (np.arange(len(x), dtype=np.int64) * ensemble.n_features)[:, None]
    return ensemble._decision_levels(flat, offsets, levels)


def _compiled(ensemble: B.TreeEnsemble, x: np.ndarray) -> np.ndarray:
    levels = ensemble._levels
    assert levels is not None
    return ensemble._decision_compiled(x, levels, ctrees.leaf_values)


def _assert_bit_identical(ensemble: B.TreeEnsemble, x: np.ndarray) -> None:
    expected, got = _numpy(ensemble, x), _compiled(ensemble, x)
    assert got.dtype == expected.dtype == np.float64
    assert got.shape == expected.shape == (len(x),)
    assert got.tobytes() == expected.tobytes()


def _stages() -> list[B.TreeEnsemble]:
    model = B.shipped_model()
    return [model.stage1, model.stage2]


_SPECIAL = np.array(
    [np.nan, np.inf, -np.inf, 0.0, -0.0, 1e30, -1e30, 3.4e38, -3.4e38, 1e-45, -1e-45, 1.0, -1.0],
    dtype=np.float32,
)


def _adversarial(rng: np.random.Generator, rows: int, n_features: int, share: float) -> np.ndarray:
    x = rng.normal(scale=3.0, size=(rows, n_features)).astype(np.float32)
    mask = rng.random(x.shape) < share
    x[mask] = rng.choice(_SPECIAL, size=int(mask.sum()))
    return x


def test_the_module_uses_the_compiled_walk_here() -> None:
    assert B.COMPILED_TREES, B.COMPILED_TREES_STATUS
    assert B.COMPILED_TREES_STATUS == "compiled"


@pytest.mark.parametrize("rows", [1, 2, 17, 333, 4000])
@pytest.mark.parametrize("share", [0.0, 0.3, 1.0])
def test_shipped_model_random_and_adversarial_inputs(rows: int, share: float) -> None:
    rng = np.random.default_rng(rows * 10 + int(share * 10))
    for stage in _stages():
        _assert_bit_identical(stage, _adversarial(rng, rows, stage.n_features, share))


def test_shipped_model_at_its_own_thresholds() -> None:
    # Every split threshold of the model as a feature value (a tie: x == t goes left) and the
    # float32 values either side of it: one split at a time, then many at once.
    rng = np.random.default_rng(4)
    for stage in _stages():
        levels = stage._levels
        assert levels is not None
        candidates: dict[int, list[np.float32]] = {}
        for features, thresholds in zip(levels.features, levels.thresholds, strict=True):
            finite = np.isfinite(thresholds)
            for f, t in zip(features[finite].tolist(), thresholds[finite], strict=True):
                below = np.nextafter(t, np.float32(-np.inf))
                above = np.nextafter(t, np.float32(np.inf))
                candidates.setdefault(f, []).extend([below, t, above])
        rows = []
        for f, values in candidates.items():
            for v in values:
                row = np.zeros(stage.n_features, dtype=np.float32)
                row[f] = v
                rows.append(row)
        x = np.array(rows, dtype=np.float32)
        assert len(x) > 1000
        _assert_bit_identical(stage, x)
        mixed = np.zeros((500, stage.n_features), dtype=np.float32)
        for f, values in candidates.items():
            mixed[:, f] = rng.choice(np.array(values, dtype=np.float32), size=len(mixed))
        _assert_bit_identical(stage, mixed)


def test_the_rows_are_scored_independently() -> None:
    rng = np.random.default_rng(5)
    stage = _stages()[0]
    x = _adversarial(rng, 50, stage.n_features, 0.3)
    whole = _compiled(stage, x)
    alone = np.concatenate([_compiled(stage, x[i : i + 1]) for i in range(len(x))])
    assert whole.tobytes() == alone.tobytes()


def test_decision_dispatches_on_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    stage = _stages()[1]
    x = _adversarial(rng, 40, stage.n_features, 0.2)
    calls: list[str] = []
    real = ctrees.leaf_values

    def spy(*args: object) -> np.ndarray:
        calls.append("compiled")
        return real(*args)

    monkeypatch.setattr(B, "_COMPILED", spy)
    compiled = stage.decision(x)
    assert calls == ["compiled"]
    monkeypatch.setattr(B, "COMPILED_TREES", False)
    numpy = stage.decision(x)
    assert calls == ["compiled"]
    assert compiled.tobytes() == numpy.tobytes()


def test_empty_input_and_float64_or_strided_input() -> None:
    stage = _stages()[0]
    assert stage.decision(np.zeros((0, stage.n_features))).shape == (0,)
    rng = np.random.default_rng(3)
    x64 = rng.normal(scale=1e3, size=(30, stage.n_features))  # float64: rounded to float32 first
    _assert_bit_identical(stage, x64)
    wide = _adversarial(rng, 30, 2 * stage.n_features, 0.2)
    strided = wide[:, ::2]  # not C-contiguous
    _assert_bit_identical(stage, strided)
    fortran = np.asfortranarray(wide[:, : stage.n_features])
    _assert_bit_identical(stage, fortran)
    with pytest.raises(ValueError, match="features"):
        stage.decision(np.zeros((2, stage.n_features + 1), dtype=np.float32))


def test_the_extension_validates_its_tables() -> None:
    stage = _stages()[0]
    levels = stage._levels
    assert levels is not None
    x = np.zeros((3, stage.n_features), dtype=np.float32)
    f, t, leaves = levels.features, levels.thresholds, levels.leaves
    with pytest.raises(ValueError, match="columns"):
        ctrees.leaf_values(x[:, :5].copy(), f, t, leaves)  # splits on features x does not have
    bad = [a.copy() for a in f]
    bad[2][7] = -1
    with pytest.raises(ValueError, match="feature -1"):
        ctrees.leaf_values(x, bad, t, leaves)
    with pytest.raises(ValueError, match="long"):
        ctrees.leaf_values(x, f, [*t[:-1], t[-1][:-1]], leaves)
    with pytest.raises(ValueError, match="leaves"):
        ctrees.leaf_values(x, f, t, leaves[:-1])
    with pytest.raises(ValueError, match="levels"):
        ctrees.leaf_values(x, f, t[:-1], leaves)
    with pytest.raises(ValueError, match="levels"):
        ctrees.leaf_values(x, [], [], leaves)
    with pytest.raises(ValueError):  # not float32
        ctrees.leaf_values(x.astype(np.float64), f, t, leaves)


def _html_fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz")))


def test_fixtures_exist() -> None:
    assert len(_html_fixtures()) >= 5


@pytest.mark.parametrize("path", _html_fixtures(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_same_scores_on_the_blocks_of_every_html_fixture(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    seen: list[tuple[B.TreeEnsemble, np.ndarray]] = []
    real = B.TreeEnsemble.decision

    def spy(self: B.TreeEnsemble, x: np.ndarray) -> np.ndarray:
        seen.append((self, np.array(x, copy=True)))
        return real(self, x)

    monkeypatch.setattr(B.TreeEnsemble, "decision", spy)
    try:
        warta.extract(data, enrich=False)
    except warta.errors.WartaError:
        assert path.parent.name == "bad"
    assert seen or path.parent.name == "bad"
    for ensemble, x in seen:
        if len(x):
            _assert_bit_identical(ensemble, x)


# The guard: the import check must reject a walk that differs from the numpy path anywhere.


def _numpy_leaf_values(
    compare: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> Callable[[np.ndarray, list[np.ndarray], list[np.ndarray], np.ndarray], np.ndarray]:
    """A leaf_values written with numpy, going right where ``compare(value, threshold)``."""

    def leaf_values(
        x: np.ndarray, features: list[np.ndarray], thresholds: list[np.ndarray], leaves: np.ndarray
    ) -> np.ndarray:
        trees = len(features[0])
        position = np.broadcast_to(np.arange(trees), (len(x), trees)).copy()
        rows = np.arange(len(x))[:, None]
        for f, t in zip(features, thresholds, strict=True):
            position = 2 * position + compare(x[rows, f[position]], t[position])
        return leaves[position]

    return leaf_values


def test_the_check_accepts_a_faithful_walk_and_rejects_others() -> None:
    assert B.check_compiled(ctrees.leaf_values) is None
    assert B.check_compiled(_numpy_leaf_values(np.greater)) is None  # the same rule in numpy
    nan_right = _numpy_leaf_values(lambda v, t: ~(v <= t))
    ties_right = _numpy_leaf_values(np.greater_equal)
    in_float64 = _numpy_leaf_values(lambda v, t: v.astype(np.float64) > t.astype(np.float64) + 1e-9)

    def summed_in_c(
        x: np.ndarray, features: list[np.ndarray], thresholds: list[np.ndarray], leaves: np.ndarray
    ) -> np.ndarray:
        # The trees' leaf values summed one after the other (last tree first) into column 0.
        values = ctrees.leaf_values(x, features, thresholds, leaves)
        out = np.zeros_like(values)
        out[:, 0] = values[:, ::-1].cumsum(axis=1)[:, -1]
        return out

    for wrong in (nan_right, ties_right, in_float64, summed_in_c):
        assert B.check_compiled(wrong) is not None


def test_fallback_when_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.page

    monkeypatch.setitem(sys.modules, "warta.page._ctrees", None)  # import raises ImportError
    monkeypatch.delattr(warta.page, "_ctrees", raising=False)
    walk, why = B._load_compiled_trees()
    assert walk is None and why.startswith("not built")


def test_fallback_when_the_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(B, "check_compiled", lambda walk: "probe ensemble 1, 7 rows: scores differ")
    assert B._load_compiled_trees() == (None, "probe ensemble 1, 7 rows: scores differ")

    def broken(walk: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(B, "check_compiled", broken)
    walk, why = B._load_compiled_trees()
    assert walk is None and "boom" in why


def test_the_model_still_pickles() -> None:
    model = B.shipped_model()
    copy = pickle.loads(pickle.dumps(model))
    x = _adversarial(np.random.default_rng(11), 20, model.stage1.n_features, 0.3)
    assert copy.stage1.decision(x).tobytes() == model.stage1.decision(x).tobytes()
