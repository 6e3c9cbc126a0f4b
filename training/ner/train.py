"""Train the shipped NER model: ``python -m training.ner.train``.

Trains a crfsuite CRF on the union of training splits listed in :func:`shipped_training_set`
(sentences that also occur in any held-out test split are removed first) and writes it
xz-compressed to ``src/warta/assets/ner.crfsuite.xz``. Needs the cluster table
(``python -m training.ner.clusters``; built here first if missing). Takes a few minutes on one
core.
"""

from __future__ import annotations

import argparse
import gzip
import lzma
import tempfile
from pathlib import Path

from training.ner import corpora as C
from training.ner.clusters import OUT as CLUSTERS_PATH
from training.ner.crf import DEFAULT_PARAMS, train
from warta.enrich.ner.features import FeatureExtractor, parse_clusters

ASSETS = Path(__file__).resolve().parents[2] / "src" / "warta" / "assets"
MODEL_PATH = ASSETS / "ner.crfsuite.xz"


def held_out_sets() -> dict[str, list[C.Sentence]]:
    """The test splits the shipped model never sees, by name."""
    return {
        "NER-UI test.01": C.nerui("test", 1),
        "NER-UGM test.01": C.nerugm("test", 1),
        "NERGrit test": C.nergrit("test"),
        "idner-news-2k test": C.idner("test"),
        "NERP test": C.nerp("test"),
    }


CORPORA = ("nerui", "nergrit", "idner")
"""The corpora the shipped model learns from (see :func:`shipped_training_set`)."""


def shipped_training_set(corpora: tuple[str, ...] = CORPORA) -> list[C.Sentence]:
    """The shipped model's training data: NER-UI fold-1 train+dev, NERGrit train+valid and
    idner-news-2k train+dev, minus any sentence found in a held-out test split.

    Left out by default: NERP, whose text is lower-cased (it teaches the model to ignore
    capitals, the strongest cue in cased news), and NER-UGM, whose annotation is incomplete
    (``KPK``, ``DPR``, ``SBY`` are ``O`` about half the time); adding it costs about 9 F1
    points on idner-news-2k test. Either can be added with ``--corpora``.
    """
    splits = {
        "nerui": lambda: C.nerui("train", 1) + C.nerui("dev", 1),
        "nerugm": lambda: C.nerugm("train", 1) + C.nerugm("dev", 1),
        "nergrit": lambda: C.nergrit("train") + C.nergrit("valid"),
        "idner": lambda: C.idner("train") + C.idner("dev"),
        "nerp": lambda: C.nerp("train") + C.nerp("valid"),
    }
    parts = [splits[name]() for name in corpora]
    test_keys = {tuple(t) for sents in held_out_sets().values() for t, _ in sents}
    return [s for part in parts for s in part if tuple(s[0]) not in test_keys]


def load_clusters(path: Path = CLUSTERS_PATH) -> dict[str, tuple[str, ...]]:
    """The word-cluster table used by the features, built first when it does not exist."""
    if not path.exists():
        from training.ner.clusters import main as build_clusters

        build_clusters([])
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return parse_clusters(fh)


def main(argv: list[str] | None = None) -> None:
    """Train the shipped model and write it into the package assets."""
    ap = argparse.ArgumentParser(description="Train warta's shipped Indonesian NER model.")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument(
        "--corpora",
        default=",".join(CORPORA),
        help="comma-separated: nerui, nerugm, nergrit, idner, nerp",
    )
    ap.add_argument("--max-iterations", type=int, default=int(DEFAULT_PARAMS["max_iterations"]))
    ap.add_argument("--c2", type=float, default=float(DEFAULT_PARAMS["c2"]))
    args = ap.parse_args(argv)
    sentences = shipped_training_set(tuple(args.corpora.split(",")))
    extractor = FeatureExtractor(load_clusters())
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "ner.crfsuite"
        seconds = train(
            sentences, raw, extractor, {"max_iterations": args.max_iterations, "c2": args.c2}
        )
        data = raw.read_bytes()
    # xz (stdlib lzma) packs the model a quarter smaller than gzip -9; loading adds ~0.1 s.
    args.out.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    print(
        f"trained on {len(sentences):,} sentences in {seconds:.0f}s; wrote {args.out} "
        f"({args.out.stat().st_size:,} bytes, {len(data):,} uncompressed)"
    )


if __name__ == "__main__":
    main()
