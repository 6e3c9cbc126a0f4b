"""The NER tokenizer, features, shipped tagger, and the training readers and metric."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from warta.enrich.ner import Mention, NerModel, load_model, tag
from warta.enrich.ner.features import FeatureExtractor, parse_clusters, word_shape
from warta.enrich.ner.tokenize import split_sentences, tokenize

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:  # the training package lives at the repo root, not installed
    sys.path.insert(0, ROOT)

from training.ner.corpora import map_label, read_conll, spans  # noqa: E402
from training.ner.metrics import score  # noqa: E402


def test_tokenize_keeps_offsets_and_cuts_like_the_corpora() -> None:
    text = "Pada 14/6/2005, Kim-Putin bertemu di Kompas.com (Rp10.500)."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    words = [t.text for t in tokens]
    assert "14/6/2005" in words
    assert words[words.index("Kim") + 1 : words.index("Kim") + 3] == ["-", "Putin"]
    assert "Kompas.com" in words
    assert words[-2:] == [")", "."]


def test_split_sentences_breaks_after_stops_quotes_and_blank_lines() -> None:
    text = "“Kami siap.” kata Yang. Lalu pergi\n\nParagraf baru"
    sentences = split_sentences(tokenize(text), text)
    assert [[t.text for t in s] for s in sentences] == [
        ["“", "Kami", "siap", ".", "”"],
        ["kata", "Yang", "."],
        ["Lalu", "pergi"],
        ["Paragraf", "baru"],
    ]


def test_word_shape() -> None:
    assert word_shape("Putin") == "Xx"
    assert word_shape("KPK") == "X"
    assert word_shape("13/6") == "d/d"
    assert word_shape("Kompas.com") == "Xx.x"


def test_features_use_context_clusters_and_survive_pickling() -> None:
    clusters = parse_clusters(["moskow\tc3\t1\t2\t3\n", "bad-line\n"])
    assert clusters == {"moskow": ("c3", "1", "2", "3")}
    fx = FeatureExtractor(clusters)
    rows = fx.sentence(["Presiden", "datang", "ke", "Moskow"])
    assert len(rows) == 4
    last = rows[3]
    assert "w=moskow" in last and "k0=c3" in last and "k3=3" in last
    assert "-1w=ke" in last and "-1cue=prep" in last and "1pad" in last
    assert "cue=per" in rows[0] and "first" in rows[0]
    assert "ck=T|2" in last and "ckf=T|3" in last  # case × mid and fine cluster
    assert "1kf=3" in rows[2] and "ckf=l|none" in rows[2]  # the next word's fine cluster
    run = fx.sentence(["di", "Universitas", "Muhammadiyah", "Surakarta", "."])
    assert {"rw=muhammadiyah", "rw=surakarta"} <= set(run[1])  # the rest of the capital run
    assert "rw=universitas" not in run[1] and not any(f.startswith("rw=") for f in run[0])
    again = pickle.loads(pickle.dumps(fx))
    assert again.sentence(["Presiden", "datang", "ke", "Moskow"]) == rows


def test_tag_finds_people_and_places_with_spans() -> None:
    text = (
        "Presiden Rusia Vladimir Putin bertemu Presiden Joko Widodo di Jakarta, Senin. "
        "Putin kemudian terbang ke Beijing."
    )
    mentions = tag(text)
    assert all(isinstance(m, Mention) and text[m.start : m.end] == m.text for m in mentions)
    found = {(m.text, m.type) for m in mentions}
    assert ("Vladimir Putin", "PERSON") in found
    assert ("Joko Widodo", "PERSON") in found
    assert ("Jakarta", "PLACE") in found
    assert ("Beijing", "PLACE") in found
    assert ("Putin", "PERSON") in found


def test_tag_handles_empty_and_odd_text() -> None:
    assert tag("") == []
    assert tag("   \n\n ") == []
    assert tag("... !!! 123") == []
    assert load_model() is load_model()  # loaded once per process


def test_reader_maps_every_corpus_label_set(fixtures: Path) -> None:
    sentences = read_conll(fixtures / "ner" / "tiny.conll")
    assert [tokens for tokens, _ in sentences][0] == ["Menurut", "Haposan", ",", "PPP"]
    assert [labels for _, labels in sentences] == [
        ["O", "B-PERSON", "O", "B-ORGANIZATION"],
        ["O", "B-PLACE", "B-PERSON", "I-PERSON", "O", "O", "O"],
        ["O", "B-PLACE", "I-PLACE", "O", "B-ORGANIZATION", "I-ORGANIZATION"],
    ]
    assert map_label("B-GPE") == "B-PLACE"
    assert map_label("I-QUANTITY") == "O"
    assert map_label("weird") == "O"


def test_conlleval_counting() -> None:
    gold = [["B-PERSON", "I-PERSON", "O", "B-PLACE"], ["B-ORGANIZATION", "O"]]
    pred = [["B-PERSON", "O", "O", "B-PLACE"], ["B-ORGANIZATION", "O"]]
    s = score(gold, pred)
    assert s.prf() == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert s.prf("PERSON") == (0.0, 0.0, 0.0)
    assert list(spans(["I-PLACE", "I-PLACE", "B-PLACE", "I-PERSON"])) == [
        ("PLACE", 0, 2),
        ("PLACE", 2, 3),
        ("PERSON", 3, 4),
    ]


def test_bio_viterbi_keeps_sequences_valid() -> None:
    from training.ner.ensemble import bio_viterbi

    names = ["O", "B-PERSON", "I-PERSON", "B-PLACE", "I-PLACE"]
    # The per-token best would be I-PERSON, I-PLACE: not a valid BIO sequence.
    probs = [
        [0.1, 0.4, 0.45, 0.05, 0.0],
        [0.1, 0.0, 0.4, 0.0, 0.5],
    ]
    assert bio_viterbi(probs, names) == ["B-PERSON", "I-PERSON"]
    assert bio_viterbi([[0.0, 0.0, 1.0, 0.0, 0.0]], names) != ["I-PERSON"]
    assert bio_viterbi([[0.9, 0.1, 0.0, 0.0, 0.0]], names) == ["O"]


def test_ensemble_of_one_model_tags_like_the_model() -> None:
    from training.ner.ensemble import EnsembleModel

    shipped = load_model()
    assert shipped._model is not None
    crf = NerModel(shipped._model, shipped.features.clusters)  # the CRF without the net
    twice = EnsembleModel([shipped._model, shipped._model], shipped.features.clusters)
    words = "Presiden Rusia Vladimir Putin terbang ke Pyongyang , Korea Utara .".split()
    assert twice.tag_words(words) == crf.tag_words(words)
