"""The CRF scored in numpy (warta.enrich.ner.linear_crf) against crfsuite itself, and the
compiled decoding (warta.enrich.ner._ccrf) against the numpy one."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from warta.enrich.ner import crf, linear_crf, neural
from warta.enrich.ner.crf import LABELS, NEG, allowed_starts, allowed_transitions
from warta.enrich.ner.linear_crf import LinearCrf, read_model
from warta.enrich.ner.tagger import NerModel, load_model
from warta.enrich.ner.tokenize import split_sentences, tokenize

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "quotes" / "gold.jsonl"


def _sentences(n_texts: int = 12) -> list[list[str]]:
    out: list[list[str]] = []
    with GOLD.open(encoding="utf-8") as lines:
        for _, line in zip(range(n_texts), lines, strict=False):
            text = json.loads(line)["text"]
            out += [[t.text for t in s] for s in split_sentences(tokenize(text), text)]
    return out


def _crfsuite(model: NerModel, words: list[str]) -> tuple[list[str], np.ndarray]:
    tagger = model._tagger
    labels = list(tagger.tag(model.features.sentence(words)))
    probs = np.array([[tagger.marginal(y, t) for y in LABELS] for t in range(len(words))])
    return labels, probs


def test_numpy_scores_decode_as_crfsuite_does() -> None:
    model = load_model()
    assert model._model is not None
    crf = LinearCrf(model._model, model.features)
    sentences = _sentences()
    assert len(sentences) > 200
    scores = crf.split(sentences)
    paths = crf.best_paths(scores)
    marginals = crf.marginals(scores)
    for words, path, probs in zip(sentences, paths, marginals, strict=True):
        want_path, want_probs = _crfsuite(model, words)
        assert path == want_path
        np.testing.assert_allclose(probs, want_probs, rtol=0, atol=1e-9)


def test_cache_starts_afresh_and_pickles(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_model()
    assert model._model is not None
    sentences = _sentences(3)
    want = LinearCrf(model._model, model.features).scores(sentences)
    monkeypatch.setattr(linear_crf, "_MAX_WORDS", 50)
    small = LinearCrf(model._model, model.features)
    for k in range(0, len(sentences), 4):  # several calls, each past the bound
        part = sentences[k : k + 4]
        np.testing.assert_allclose(
            small.scores(part),
            want[sum(map(len, sentences[:k])) :][: sum(map(len, part))],
            rtol=0,
            atol=1e-12,
        )
    copy = pickle.loads(pickle.dumps(small))
    np.testing.assert_allclose(copy.scores(sentences), want, rtol=0, atol=1e-12)


def test_read_model_refuses_other_bytes() -> None:
    with pytest.raises(ValueError):
        read_model(b"not a model" + bytes(64))


def _random_case(
    rng: np.random.Generator, kind: type[np.floating], ties: bool
) -> tuple[list[np.ndarray], np.ndarray, np.ndarray, np.ndarray]:
    lengths = rng.integers(1, 40, size=int(rng.integers(1, 12)))
    ems = [rng.normal(size=(int(n), 7)) for n in lengths]
    trans = np.where(allowed_transitions(), rng.normal(size=(7, 7)), NEG)
    if ties:
        ems = [np.round(e) for e in ems]
        trans = np.round(trans)
    start = np.where(allowed_starts(), rng.normal(size=7), NEG)
    end = rng.normal(size=7)
    return [e.astype(kind) for e in ems], trans.astype(kind), start.astype(kind), end.astype(kind)


@pytest.mark.skipif(not crf.COMPILED_CRF, reason="the compiled Viterbi is not built")
@pytest.mark.parametrize("kind", [np.float32, np.float64])
@pytest.mark.parametrize("ties", [False, True])
def test_compiled_viterbi_equals_numpy(kind: type[np.floating], ties: bool) -> None:
    rng = np.random.default_rng(11)
    for _ in range(20):
        ems, trans, start, end = _random_case(rng, kind, ties)
        want = crf._viterbi_batch_numpy(ems, trans, start, end, kind)
        assert crf.viterbi_batch(ems, trans, start, end, kind) == want
    # the BIO decoding's mix: float32 emissions, float64 scores
    ems, trans, start, end = _random_case(rng, np.float64, ties)
    want = crf._viterbi_batch_numpy(ems, trans, start, end)
    assert crf.viterbi_batch(ems, trans, start, end) == want


@pytest.mark.skipif(not crf.COMPILED_CRF, reason="the compiled decoding is not built")
@pytest.mark.parametrize("kind", [np.float32, np.float64])
def test_compiled_marginals_equal_numpy(kind: type[np.floating]) -> None:
    rng = np.random.default_rng(12)
    for _ in range(20):
        ems, trans, start, end = _random_case(rng, kind, ties=False)
        want = crf._crf_marginals_batch_numpy(ems, trans, start, end)
        got = crf.crf_marginals_batch(ems, trans, start, end)
        assert len(got) == len(want)
        for g, w in zip(got, want, strict=True):
            assert g.shape == w.shape
            np.testing.assert_allclose(g, w, rtol=0, atol=1e-12)


def test_tagging_is_the_same_with_either_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_model()
    sentences = _sentences(4)
    got = model.tag_sentences(sentences)
    monkeypatch.setattr(crf, "COMPILED_CRF", False)
    assert model.tag_sentences(sentences) == got


def test_net_cache_starts_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    net = load_model().net
    assert net is not None
    sentences = _sentences(2)
    want = net.emissions(sentences)
    monkeypatch.setattr(neural, "_MAX_WORDS", 30)
    fresh = pickle.loads(pickle.dumps(net))
    for k in range(0, len(sentences), 3):
        for got, expected in zip(
            fresh.emissions(sentences[k : k + 3]), want[k : k + 3], strict=True
        ):
            np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
