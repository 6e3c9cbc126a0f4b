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
from training.ner.neural import Config, export, train_net
from training.ner.train import MODEL_PATH, held_out_sets, load_clusters
from warta.enrich.ner import NerModel, load_model
from warta.enrich.ner.features import FeatureExtractor
from warta.enrich.ner.neural import NeuralTagger
from warta.enrich.ner.tagger import NET_SURE

TYPES = ("PERSON", "ORGANIZATION", "PLACE")


def _row(name: str, s: Scores) -> str:
    p, r, f = s.prf()
    per_type = " | ".join(f"{s.prf(t)[2]:.3f}" for t in TYPES)
    return f"| {name} | {p:.3f} | {r:.3f} | **{f:.3f}** | {per_type} |"


HEADER = (
    "| test set | P | R | F1 | F1 PERSON | F1 ORGANIZATION | F1 PLACE |\n"
    "|---|---|---|---|---|---|---|"
)


def shipped(model_path: Path = MODEL_PATH, crf_only: bool = False) -> None:
    """Score the shipped model (the CRF with the neural net, as :func:`load_model` builds
    it; ``crf_only``: the CRF alone) on every held-out test split."""
    clusters = load_clusters()
    base = load_model()
    model = NerModel(
        lzma.decompress(model_path.read_bytes()),
        clusters,
        net=None if crf_only else base.net,
        net_weight=base.net_weight,
        net_sure=base.net_sure,
        keep_crf_ends=base.keep_crf_ends,
    )
    print(HEADER)
    for name, sentences in held_out_sets().items():
        pred = model.tag_sentences([list(t) for t, _ in sentences])
        print(_row(name, score([lab for _, lab in sentences], pred)), flush=True)


def protocol(net_weight: float = 0.0) -> None:
    """Train and score a model per benchmark split (see module doc); with ``net_weight`` > 0
    also a neural net per split, combined with the CRF as at run time."""
    clusters = load_clusters()
    extractor = FeatureExtractor(clusters)
    runs: list[tuple[str, Callable[[], list[C.Sentence]], Callable[[], list[C.Sentence]]]] = []
    for k in range(1, 6):
        runs.append((f"NER-UI fold {k}", partial(C.nerui, "train", k), partial(C.nerui, "test", k)))
    runs.append(("NERGrit test", partial(C.nergrit, "train"), partial(C.nergrit, "test")))
    runs.append(("idner-news-2k test", partial(C.idner, "train"), partial(C.idner, "test")))
    print(HEADER)
    ui_f1: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, train_set, test_set in runs:
            path = Path(tmp) / "model.crfsuite"
            sentences = train_set()
            train(sentences, path, extractor)
            test = test_set()
            words = [list(t) for t, _ in test]
            preds = {"": predict(test, path, extractor)}
            if net_weight > 0:
                net, vocab = train_net(sentences, clusters, Config(), log=False)
                model = NerModel(
                    path.read_bytes(),
                    clusters,
                    net=NeuralTagger(export(net, vocab), clusters),
                    net_weight=net_weight,
                    net_sure=NET_SURE,
                )
                # the CRF alone, then CRF + net without and with the CRF's span ends kept
                preds = {" (CRF)": preds[""]}
                for keep in (False, True):
                    model.keep_crf_ends = keep
                    label = " (CRF + net, CRF span ends)" if keep else " (CRF + net)"
                    preds[label] = model.tag_sentences(words)
            for label, pred in preds.items():
                s = score([lab for _, lab in test], pred)
                if name.startswith("NER-UI"):
                    ui_f1.setdefault(label, []).append(s.prf()[2])
                print(_row(name + label, s), flush=True)
    for label, f1 in ui_f1.items():
        print(f"\nNER-UI{label} mean F1 over {len(f1)} folds: {sum(f1) / len(f1):.4f}")


def main(argv: list[str] | None = None) -> None:
    """Run the shipped-model evaluation, or the protocol runs with ``--protocol``."""
    ap = argparse.ArgumentParser(description="Evaluate warta's Indonesian NER.")
    ap.add_argument("--protocol", action="store_true", help="train and score per benchmark split")
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument(
        "--net",
        type=float,
        default=0.0,
        help="--protocol: also train the neural net per split, with this weight (shipped: 0.5)",
    )
    ap.add_argument("--crf-only", action="store_true", help="shipped CRF without the net")
    args = ap.parse_args(argv)
    if args.protocol:
        protocol(args.net)
    else:
        shipped(args.model, args.crf_only)


if __name__ == "__main__":
    main()
