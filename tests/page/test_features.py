"""The block walk, the feature matrices and the tree evaluation give what the shipped model expects.

The model in ``assets/blocks.npz`` was trained on the features as they were computed when it was
trained, so the fast code paths must reproduce them. The pinned matrices of the fixture page were
written by that code (``news_article.features.npz``: ``x`` = block features, ``x2`` = context
features for stage-one probabilities ``linspace(0, 1, n)``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from selectolax.lexbor import LexborHTMLParser

from warta.page.blockmodel import TreeEnsemble
from warta.page.features import (
    BASE_FEATURES,
    FACT_COLUMNS,
    _group_index,
    _group_sums,
    block_facts,
    block_features,
    container_groups,
    context_features,
)
from warta.page.features_extra import extra_features
from warta.page.html import A_PRE, Block, page_blocks, page_title

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


@pytest.fixture(scope="module")
def fixture_page() -> tuple[list[Block], str | None, dict[str, np.ndarray]]:
    tree = LexborHTMLParser((FIXTURES / "news_article.html").read_text(encoding="utf-8"))
    with np.load(FIXTURES / "news_article.features.npz") as data:
        pinned = {key: data[key] for key in data.files}
    return page_blocks(tree), page_title(tree), pinned


def test_block_features_match_the_pinned_matrix(fixture_page: tuple[list[Block], str | None, dict[str, np.ndarray]]) -> None:
    blocks, title, pinned = fixture_page
    x = block_features(blocks, title)
    assert x.shape == pinned["x"].shape == (48, len(BASE_FEATURES))
    np.testing.assert_allclose(x, pinned["x"], rtol=0, atol=1e-6)


def test_context_features_match_the_pinned_matrix(fixture_page: tuple[list[Block], str | None, dict[str, np.ndarray]]) -> None:
    blocks, title, pinned = fixture_page
    x = block_features(blocks, title)
    x2 = context_features(blocks, x, np.linspace(0.0, 1.0, len(blocks)))
    np.testing.assert_allclose(x2, pinned["x2"], rtol=0, atol=1e-6)


def _one(text: str) -> Block:
    (block,) = page_blocks(LexborHTMLParser(f"<body><p>{text}</p></body>"))
    return block


def test_text_statistics_count_like_python() -> None:
    # digit_frac counts decimal digits of any script (as ``\d`` does), upper_frac only A-Z.
    text = "Harga naik 12% (٣ kali), ÉTÉ ok! Rp 13.500; ya?"
    block = _one(text)
    row = block_features([block], None)[0]
    col = {name: i for i, name in enumerate(BASE_FEATURES)}
    nw = len(text.split())
    assert row[col["punct_rate"]] == pytest.approx(sum(map(text.count, ".,;:!?")) / nw)
    assert row[col["digit_frac"]] == pytest.approx(sum(map(str.isdecimal, text)) / len(text))
    assert row[col["upper_frac"]] == pytest.approx(sum("A" <= c <= "Z" for c in text) / len(text))
    assert row[col["ends_sentence"]] == 1.0
    assert row[col["starts_upper"]] == 1.0


def test_stop_and_short_words_count_the_first_300_tokens() -> None:
    long = _one(" ".join(["the"] * 300 + ["extraordinarily"] * 200))
    row = block_features([long, _one("Weather report tomorrow morning")], None)
    col = {name: i for i, name in enumerate(BASE_FEATURES)}
    assert row[0, col["stop_frac"]] == 1.0  # only the first 300 tokens count
    assert row[0, col["short_frac"]] == 1.0
    assert row[1, col["stop_frac"]] == 0.0
    assert row[1, col["short_frac"]] == pytest.approx(0.0)


def test_preformatted_blocks_split_on_any_whitespace() -> None:
    blocks = page_blocks(LexborHTMLParser("<body><p>a b</p><pre>the  cat\n  of   the\nhouse</pre></body>"))
    assert blocks[1].anc & A_PRE
    col = {name: i for i, name in enumerate(BASE_FEATURES)}
    x = block_features(blocks, None)
    assert x[1, col["stop_frac"]] == pytest.approx(3 / 5)  # the, of, the of five tokens


def test_chrome_cues_only_in_short_blocks() -> None:
    blocks = [_one("Copyright 2024 Kabar"), _one("Share this story"), _one("Isi berita " * 30 + "cookie")]
    col = {name: i for i, name in enumerate(BASE_FEATURES)}
    assert block_features(blocks, None)[:, col["chrome_cue"]].tolist() == [1.0, 1.0, 0.0]


def test_group_sums_with_large_keys_use_unique() -> None:
    keys = np.array([[5, 10**12], [5, -7], [6, 10**12]], dtype=np.int64)
    group, bound = _group_index(keys)
    assert group.shape == keys.shape and bound == int(group.max()) + 1
    sums = _group_sums(keys, np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
    assert sums[:, 0, 0].tolist() == [4.0, 4.0, 5.0]
    assert sums[:, 1, 1].tolist() == [8.0, 4.0, 8.0]


def _reference_decision(ens: TreeEnsemble, x: np.ndarray) -> np.ndarray:
    """Each tree walked node by node in float64, as scikit-learn does (x <= threshold: left)."""
    out = np.full(x.shape[0], ens.baseline)
    for r, row in enumerate(x.astype(np.float32).astype(np.float64)):
        for root in ens.roots:
            node = int(root)
            while ens.left[node] != node:
                node = int(ens.right[node] if row[ens.feature[node]] > ens.threshold[node] else ens.left[node])
            out[r] += ens.value[node]
    return out


def test_tree_ensemble_compares_float32_values_with_float64_thresholds() -> None:
    rng = np.random.default_rng(7)
    n_features, depth, n_trees = 5, 4, 6
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []

    def grow(level: int) -> int:
        index = len(feature)
        feature.append(int(rng.integers(n_features)))
        # Thresholds that are not float32 numbers, and float32 numbers exactly.
        t = float(rng.normal())
        threshold.append(t if rng.random() < 0.5 else float(np.float32(t)))
        left.append(index)
        right.append(index)
        value.append(float(rng.normal()))
        if level < depth and rng.random() < 0.8:
            left[index] = grow(level + 1)
            right[index] = grow(level + 1)
        return index

    for _ in range(n_trees):
        roots.append(grow(0))
    ens = TreeEnsemble(
        np.array(roots), np.array(feature), np.array(threshold), np.array(left), np.array(right),
        np.array(value), baseline=0.25, depth=depth, n_features=n_features,
    )  # fmt: skip
    x = rng.normal(size=(200, n_features)).astype(np.float32)
    # Rows sitting exactly on, just below and just above thresholds.
    t = np.array(threshold)
    for k in range(60):
        node = k % len(t)
        for shift in (-1, 0, 1):
            v = np.float32(t[node])
            v = np.nextafter(v, np.float32(np.inf * shift)) if shift else v
            x[3 * k + shift + 1, feature[node]] = v
    # Same leaves; only the order of adding leaf values differs (a wrong leaf is off by ~1).
    np.testing.assert_allclose(ens.decision(x), _reference_decision(ens, x), rtol=0, atol=1e-9)


def test_shared_lowers_and_groups_give_the_same_matrices(
    fixture_page: tuple[list[Block], str | None, dict[str, np.ndarray]],
) -> None:
    # The caller may hand over the lower-cased texts and the container groups it already has.
    blocks, title, _ = fixture_page
    groups = container_groups(blocks)
    lowers = [b.text.lower() for b in blocks]
    x = block_features(blocks, title)
    np.testing.assert_array_equal(block_features(blocks, title, lowers=lowers, groups=groups), x)
    p = np.linspace(0.0, 1.0, len(blocks))
    shared = context_features(blocks, x, p, groups=groups)
    np.testing.assert_array_equal(shared, context_features(blocks, x, p))
    np.testing.assert_array_equal(extra_features(blocks, lowers=lowers), extra_features(blocks))
    # ... and the blocks' facts, read once for every family and stage.
    facts = block_facts(blocks)
    assert facts.shape == (len(blocks), len(FACT_COLUMNS))
    assert facts[:, FACT_COLUMNS.index("words")].tolist() == [b.words for b in blocks]
    groups_from_facts = container_groups(blocks, facts=facts)
    np.testing.assert_array_equal(groups_from_facts[0], groups[0])
    np.testing.assert_array_equal(block_features(blocks, title, facts=facts, groups=groups_from_facts), x)
    np.testing.assert_array_equal(context_features(blocks, x, p, groups=groups, facts=facts), shared)
    np.testing.assert_array_equal(extra_features(blocks, facts=facts), extra_features(blocks))
