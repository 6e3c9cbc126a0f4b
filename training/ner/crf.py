"""Train and apply a crfsuite CRF on corpus sentences with warta's NER features."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from training.ner.corpora import Sentence
from warta.enrich.ner.features import FeatureExtractor
from warta.enrich.ner.tagger import NerModel

DEFAULT_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,  # L1: prunes the feature set, which keeps the shipped model small
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}


def train(
    sentences: Sequence[Sentence],
    model_path: Path,
    extractor: FeatureExtractor,
    params: dict[str, float | int | bool] | None = None,
    verbose: bool = False,
) -> float:
    """Train an L-BFGS CRF on ``sentences`` and write it to ``model_path``; returns seconds."""
    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for tokens, labels in sentences:
        trainer.append(extractor.sentence(tokens), labels)
    trainer.select("lbfgs")
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return time.perf_counter() - t0


def predict(
    sentences: Sequence[Sentence], model_path: Path, extractor: FeatureExtractor
) -> list[list[str]]:
    """Tag every sentence's tokens with the model at ``model_path``, through the same
    :class:`~warta.enrich.ner.tagger.NerModel` code path as at run time."""
    model = NerModel(model_path.read_bytes(), extractor.clusters)
    return [model.tag_words(list(tokens)) for tokens, _ in sentences]
