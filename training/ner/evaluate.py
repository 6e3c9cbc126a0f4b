"""Evaluate warta's NER: ``python -m training.ner.evaluate [--protocol]``.

Without options: the shipped model (``src/warta/assets/ner.crfsuite.xz``) on the held-out test
splits it was not trained on (see ``training.ner.train``).

``--protocol``: the benchmark protocols, each model trained here from that corpus' training
split only: IndoLEM NER-UI, 5 folds (train on ``train.0K``, test on ``test.0K``, mean F1 as
IndoLEM reports); IndoNLU NERGrit (train → test); idner-news-2k (train → test). Folds are
trained one after another on one core.

Scores are conlleval entity-level exact-span micro F1 over PERSON, ORGANIZATION and PLACE
(``training.ner.metrics``). Output is Markdown table rows.
"""

from __future__ import annotations

import argparse
import lzma
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from training.ner import corpora as C
from training.ner.crf import predict, train
from training.ner.metrics import Scores, score
from training.ner.train import MODEL_PATH, held_out_sets, load_clusters
from warta.enrich.ner.features import FeatureExtractor

TYPES = ("PERSON", "ORGANIZATION", "PLACE")


def _row(name: str, s: Scores) -> str:
    p, r, f = s.prf()
    per_type = " | ".join(f"{s.prf(t)[2]:.3f}" for t in TYPES)
    return f"| {name} | {p:.3f} | {r:.3f} | **{f:.3f}** | {per_type} |"


HEADER = (
    "| test set | P | R | F1 | F1 PERSON | F1 ORGANIZATION | F1 PLACE |\n"
    "|---|---|---|---|---|---|---|"
)


def shipped(model_path: Path = MODEL_PATH) -> None:
    """Score the shipped model on every held-out test split."""
    extractor = FeatureExtractor(load_clusters())
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "ner.crfsuite"
        raw.write_bytes(lzma.decompress(model_path.read_bytes()))
        print(HEADER)
        for name, sentences in held_out_sets().items():
            pred = predict(sentences, raw, extractor)
            print(_row(name, score([lab for _, lab in sentences], pred)), flush=True)


def protocol() -> None:
    """Train and score a model per benchmark split (see module doc)."""
    extractor = FeatureExtractor(load_clusters())
    runs: list[tuple[str, Callable[[], list[C.Sentence]], Callable[[], list[C.Sentence]]]] = []
    for k in range(1, 6):
        runs.append((f"NER-UI fold {k}", partial(C.nerui, "train", k), partial(C.nerui, "test", k)))
    runs.append(("NERGrit test", partial(C.nergrit, "train"), partial(C.nergrit, "test")))
    runs.append(("idner-news-2k test", partial(C.idner, "train"), partial(C.idner, "test")))
    print(HEADER)
    ui_f1: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, train_set, test_set in runs:
            path = Path(tmp) / "model.crfsuite"
            train(train_set(), path, extractor)
            test = test_set()
            s = score([lab for _, lab in test], predict(test, path, extractor))
            if name.startswith("NER-UI"):
                ui_f1.append(s.prf()[2])
            print(_row(name, s), flush=True)
    print(f"\nNER-UI mean F1 over {len(ui_f1)} folds: {sum(ui_f1) / len(ui_f1):.4f}")


def main(argv: list[str] | None = None) -> None:
    """Run the shipped-model evaluation, or the protocol runs with ``--protocol``."""
    ap = argparse.ArgumentParser(description="Evaluate warta's Indonesian NER.")
    ap.add_argument("--protocol", action="store_true", help="train and score per benchmark split")
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    if args.protocol:
        protocol()
    else:
        shipped(args.model)


if __name__ == "__main__":
    main()
