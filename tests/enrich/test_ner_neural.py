"""The numpy neural NER tagger: same scores as the torch model it was exported from, the CRF
layer's decoding and marginals, and the CRF + net ensemble at run time."""

from __future__ import annotations

import itertools
import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from warta.enrich.ner import load_model
from warta.enrich.ner.crf import (
    LABELS,
    NEG,
    _crf_marginals_batch_numpy,
    _viterbi_batch_numpy,
    allowed_starts,
    allowed_transitions,
    bio_viterbi,
    crf_marginals,
    crf_marginals_batch,
    viterbi,
    viterbi_batch,
)
from warta.enrich.ner.neural import Vocab
from warta.enrich.ner.tagger import NerModel


def _random_crf(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    trans = np.where(allowed_transitions(), rng.normal(size=(7, 7)), NEG).astype(np.float32)
    start = np.where(allowed_starts(), rng.normal(size=7), NEG).astype(np.float32)
    return trans, start, rng.normal(size=7).astype(np.float32)


def test_numpy_forward_equals_the_torch_model(fixtures: Path) -> None:
    # Scores written by ``python -m training.ner.neural ship`` from the torch model holding the
    # exported (float16 / int8) weights; the numpy pass must give the same numbers.
    expected = json.loads((fixtures / "ner_net_expected.json").read_text())
    net = load_model().net
    assert net is not None
    got = net.emissions(expected["sentences"])
    for want, have in zip(expected["emissions"], got, strict=True):
        assert have.shape == (len(want), len(LABELS))
        np.testing.assert_allclose(have, np.array(want), atol=2e-3)
    # scoring sentences together or one at a time gives the same scores
    alone = net.emissions([expected["sentences"][1]])[0]
    np.testing.assert_allclose(alone, got[1], atol=1e-5)


def test_viterbi_batch_equals_one_at_a_time() -> None:
    trans, start, end = _random_crf(0)
    rng = np.random.default_rng(1)
    ems = [rng.normal(scale=2, size=(n, 7)).astype(np.float32) for n in (1, 6, 23, 2, 9)]
    one_at_a_time = [viterbi(e, trans, start, end) for e in ems]
    assert viterbi_batch(ems, trans, start, end) == one_at_a_time
    # the numpy twin, which runs where the compiled decoding is not built
    assert _viterbi_batch_numpy(ems, trans, start, end) == one_at_a_time
    assert viterbi_batch([], trans, start, end) == []


def test_marginals_batch_equals_one_at_a_time() -> None:
    trans, start, end = _random_crf(4)
    rng = np.random.default_rng(5)
    ems = [rng.normal(scale=2, size=(n, 7)).astype(np.float32) for n in (3, 1, 12, 7)]
    for got, e in zip(crf_marginals_batch(ems, trans, start, end), ems, strict=True):
        np.testing.assert_allclose(got, crf_marginals(e, trans, start, end), atol=1e-6)
    for got, e in zip(_crf_marginals_batch_numpy(ems, trans, start, end), ems, strict=True):
        np.testing.assert_allclose(got, crf_marginals(e, trans, start, end), atol=1e-6)


def test_marginals_and_viterbi_match_brute_force() -> None:
    trans, start, end = _random_crf(2)
    em = np.random.default_rng(3).normal(size=(4, 7)).astype(np.float32)

    def path_score(path: tuple[int, ...]) -> float:
        s = start[path[0]] + end[path[-1]] + sum(em[t, j] for t, j in enumerate(path))
        return float(s + sum(trans[a, b] for a, b in itertools.pairwise(path)))

    paths = list(itertools.product(range(7), repeat=4))
    scores = np.array([path_score(p) for p in paths])
    probs = np.exp(scores - scores.max())
    probs /= probs.sum()
    want = np.zeros((4, 7))
    for p, pr in zip(paths, probs, strict=True):
        for t, j in enumerate(p):
            want[t, j] += pr
    np.testing.assert_allclose(crf_marginals(em, trans, start, end), want, atol=1e-6)
    assert tuple(viterbi(em, trans, start, end)) == paths[int(scores.argmax())]


def test_bio_viterbi_keeps_sequences_valid() -> None:
    probs = np.full((2, 7), 0.01)
    probs[0, LABELS.index("I-PERSON")] = 0.5  # the per-token best is I-PERSON, I-PLACE
    probs[0, LABELS.index("B-PERSON")] = 0.4
    probs[1, LABELS.index("I-PLACE")] = 0.5
    probs[1, LABELS.index("I-PERSON")] = 0.4
    assert [LABELS[j] for j in bio_viterbi(probs)] == ["B-PERSON", "I-PERSON"]


def test_context_inputs_mark_sentence_starts_and_capital_runs() -> None:
    ctx = Vocab.context_ids(["Kata", "Yang", "Moo", "Jin", ",", "di", "Seoul"])
    assert [first for first, _ in ctx] == [1, 0, 0, 0, 0, 0, 0]
    runs = [run for _, run in ctx]
    assert runs[4] == runs[5] == 0
    assert len({runs[0], runs[1], runs[3]}) == 3  # begin, inside, end of a 4-word run
    assert runs[1] == runs[2] and runs[6] != 0


def test_ensemble_runs_both_models_and_the_net_pickles() -> None:
    model = load_model()
    assert model.net is not None and 0 < model.net_weight < 1
    words = "Presiden Rusia Vladimir Putin terbang ke Pyongyang , Korea Utara .".split()
    labels = model.tag_words(words)
    assert labels[2:4] == ["B-PERSON", "I-PERSON"]
    assert labels[6] == "B-PLACE" and labels[8:10] == ["B-PLACE", "I-PLACE"]
    net_only = NerModel(None, model.features.clusters, net=model.net)
    assert net_only.tag_sentences([words, [], words]) == [
        net_only.tag_words(words),
        [],
        net_only.tag_words(words),
    ]
    again = pickle.loads(pickle.dumps(model.net))
    np.testing.assert_array_equal(again.emissions([words])[0], model.net.emissions([words])[0])
    with pytest.raises(ValueError):
        NerModel(None, {})


def test_keep_crf_ends_gives_back_a_cut_tail() -> None:
    from warta.enrich.ner.tagger import _keep_crf_ends

    crf = ["O", "B-PLACE", "I-PLACE", "B-PERSON", "I-PERSON", "I-PERSON", "O"]
    mixed = ["O", "B-PLACE", "I-PLACE", "B-PERSON", "I-PERSON", "O", "O"]
    _keep_crf_ends(mixed, crf)
    assert mixed == crf
    broken = ["O", "B-PLACE", "I-PLACE", "B-PERSON", "B-PERSON", "I-PERSON", "O"]
    _keep_crf_ends(broken, crf)
    assert broken == crf
    other = ["O", "B-PLACE", "I-PLACE", "I-PLACE", "I-PLACE", "O", "O"]  # not a CRF span start
    _keep_crf_ends(other, crf)
    assert other == ["O", "B-PLACE", "I-PLACE", "I-PLACE", "I-PLACE", "O", "O"]
