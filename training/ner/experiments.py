"""Tuning experiments on NERGrit valid and CV: ``python -m training.ner.experiments VARIANT ...``.

Every variant is scored two ways, never on a test split:

* **valid**: trained on NERGrit ``train``, scored on NERGrit ``valid`` (209 sentences);
* **CV**: NERGrit train+valid cut into four contiguous quarters; the first and the second
  quarter are held out in turn (trained on the other three), counts pooled.

Variants (see ``docs/ner.md`` for the results):

* ``base [--c2 X]``: one CRF with the shipped features;
* ``ensemble --c2s 0.05,0.2``: CRFs with different L2 weights, their token marginals averaged
  and decoded by a BIO-valid Viterbi (:class:`training.ner.ensemble.EnsembleModel`); with
  ``--mix nerui,idner`` the members after the first also learn from those training splits;
* ``self``: self-training; the variant's own training data trains a teacher that tags CLICK-ID
  news sentences, and the ``--n`` sentences the teacher is most sure of (sequence probability
  ≥ ``--min-prob``, at least one entity) are added to the training data;
* ``clusters PATH``: the features plus bit-path prefixes from a cluster table built with
  ``python -m training.ner.clusters --hierarchy`` (:class:`training.ner.ensemble.PathFeatures`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from training.ner import corpora as C
from training.ner.crf import train
from training.ner.ensemble import EnsembleModel, PathFeatures
from training.ner.metrics import Scores, score
from training.ner.train import load_clusters
from warta.enrich.ner.features import CUE_CLASS, FeatureExtractor, parse_clusters
from warta.enrich.ner.tagger import NerModel
from warta.enrich.ner.tokenize import split_sentences, tokenize

NEWS = Path("/work/shared/data/news/clickid/articles.jsonl.gz")
TYPES = ("PERSON", "ORGANIZATION", "PLACE")
Setup = tuple[str, list[C.Sentence], list[C.Sentence]]
MIX: dict[str, Callable[[], list[C.Sentence]]] = {
    "nerui": lambda: C.nerui("train", 1),
    "idner": lambda: C.idner("train"),
}
"""Other corpora's training splits an ensemble member may add (never a test split)."""


def setups(cv: bool, data: str = "nergrit") -> list[Setup]:
    """``[(name, train, test)]``: NERGrit train → valid, or the two CV folds; with ``data``
    ``nerui``, NER-UI fold-1 train → dev; with ``test``, NERGrit train → test (to report)."""
    if data == "nerui":
        return [("nerui-dev", C.nerui("train", 1), C.nerui("dev", 1))]
    if data == "test":  # reporting only: no choice is made on it
        return [("test", C.nergrit("train"), C.nergrit("test"))]
    if not cv:
        return [("valid", C.nergrit("train"), C.nergrit("valid"))]
    both = C.nergrit("train") + C.nergrit("valid")
    q = len(both) // 4
    return [
        (f"cv{h}", both[: h * q] + both[(h + 1) * q :], both[h * q : (h + 1) * q]) for h in (0, 1)
    ]


def news_sentences(limit: int, skip_articles: int = 500) -> list[list[str]]:
    """Up to ``limit`` token lists of CLICK-ID body sentences (5-60 tokens, with a capital
    inside), skipping the first articles (``training.ner.speed`` times those)."""
    out: list[list[str]] = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k < skip_articles:
                continue
            text = json.loads(line).get("text") or ""
            for sent in split_sentences(tokenize(text), text):
                words = [t.text for t in sent]
                if 5 <= len(words) <= 60 and any(w[:1].isupper() for w in words[1:]):
                    out.append(words)
            if len(out) >= limit:
                return out[:limit]
    return out


def pseudo_label(
    model: NerModel, sentences: Sequence[list[str]], n: int, min_prob: float
) -> list[C.Sentence]:
    """The ``n`` sentences the model tags with the highest sequence probability (at least
    ``min_prob``, at least one entity), with the model's labels."""
    scored: list[tuple[float, C.Sentence]] = []
    tagger = model._tagger
    for words in sentences:
        labels = model.tag_words(words)
        if all(lab == "O" for lab in labels):
            continue
        prob = tagger.probability(labels)
        if prob >= min_prob:
            scored.append((prob, (words, labels)))
    scored.sort(key=lambda x: -x[0])
    print(
        f"  pseudo-labelled: {len(scored):,} sentences ≥ {min_prob}; taking {min(n, len(scored))}"
    )
    return [s for _, s in scored[:n]]


def extend_people_right(words: Sequence[str], labels: list[str]) -> None:
    """The repair tried for ``Kim Jong Un`` at c2 0.1-0.2: capitalised words left ``O`` right
    after a PERSON span (not cue words, not after a sentence opener) join the span."""
    for i in range(1, len(words)):
        if (
            labels[i] == "O"
            and labels[i - 1][2:] == "PERSON"
            and words[i][:1].isupper()
            and words[i].lower() not in CUE_CLASS
        ):
            labels[i] = "I-PERSON"


def run(
    name: str,
    variant: Callable[[list[C.Sentence], list[C.Sentence], Path], list[list[str]]],
    cv: bool,
    data: str = "nergrit",
) -> Scores:
    """Score ``variant`` (train, test, tmpdir → predicted labels) on valid or CV; print a row."""
    total = Scores()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for _, train_set, test_set in setups(cv, data):
            pred = variant(train_set, test_set, Path(tmp))
            s = score([lab for _, lab in test_set], pred)
            for attr in ("tp", "pred", "gold"):
                getattr(total, attr).update(getattr(s, attr))
    p, r, f = total.prf()
    per = " / ".join(f"{total.prf(t)[2]:.3f}" for t in TYPES)
    print(
        f"| {name} | {'CV' if cv else data if data != 'nergrit' else 'valid'} | {p:.3f} | {r:.3f} | **{f:.4f}** | {per} | "
        f"{time.perf_counter() - t0:.0f}s |",
        flush=True,
    )
    return total


def predict(test: Sequence[C.Sentence], path: Path, extractor: FeatureExtractor) -> list[list[str]]:
    """Tag the test sentences with one CRF through the run-time code, with ``extractor``'s
    own features (``training.ner.crf.predict`` rebuilds the plain shipped features)."""
    model = NerModel(path.read_bytes(), extractor.clusters)
    model.features = extractor
    return [model.tag_words(list(tokens)) for tokens, _ in test]


def ensemble_predict(
    paths: Sequence[Path], extractor: FeatureExtractor, test: Sequence[C.Sentence]
) -> list[list[str]]:
    """Tag with several CRFs combined by averaged marginals (:class:`EnsembleModel`)."""
    model = EnsembleModel([p.read_bytes() for p in paths], extractor.clusters)
    return [model.tag_words(list(tokens)) for tokens, _ in test]


def main(argv: list[str] | None = None) -> None:
    """Run one experiment variant on valid and (with ``--cv``) CV."""
    ap = argparse.ArgumentParser(description="NER tuning experiments (NERGrit valid / CV).")
    ap.add_argument("variant", choices=("base", "ensemble", "self", "clusters"))
    ap.add_argument("clusters_path", nargs="?", type=Path)
    ap.add_argument("--c1", type=float, default=0.03)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--c2s", default="0.05,0.2")
    ap.add_argument(
        "--mix",
        default="",
        help="ensemble: models after the first also learn from these corpora (nerui,idner)",
    )
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--min-prob", type=float, default=0.9)
    ap.add_argument("--pool", type=int, default=30000, help="news sentences to pseudo-label")
    ap.add_argument("--cv", action="store_true", help="also run the two CV folds")
    ap.add_argument("--nerui", action="store_true", help="also score NER-UI fold-1 dev")
    ap.add_argument(
        "--test", action="store_true", help="also score NERGrit test (to report, never to choose)"
    )
    ap.add_argument(
        "--extend-right", action="store_true", help="base: join capitalised runs to PERSON spans"
    )
    args = ap.parse_args(argv)

    if args.variant == "clusters" and args.clusters_path:
        with gzip.open(args.clusters_path, "rt", encoding="utf-8") as fh:
            extractor: FeatureExtractor = PathFeatures(parse_clusters(fh))
    else:
        extractor = FeatureExtractor(load_clusters())
    params = {"c1": args.c1, "c2": args.c2}
    pool: list[list[str]] = []
    if args.variant == "self":
        pool = news_sentences(args.pool)
        print(f"news pool: {len(pool):,} sentences")

    def single(train_set: list[C.Sentence], test: list[C.Sentence], tmp: Path) -> list[list[str]]:
        path = tmp / "m.crfsuite"
        train(train_set, path, extractor, params)
        pred = predict(test, path, extractor)
        if args.extend_right:
            for (words, _), labels in zip(test, pred, strict=True):
                extend_people_right(words, labels)
        return pred

    def ensemble(train_set: list[C.Sentence], test: list[C.Sentence], tmp: Path) -> list[list[str]]:
        paths = []
        extra = [s for name in args.mix.split(",") if name for s in MIX[name]()]
        for k, c2 in enumerate(float(x) for x in args.c2s.split(",")):
            path = tmp / f"m{k}.crfsuite"
            train(train_set + (extra if k else []), path, extractor, {"c1": args.c1, "c2": c2})
            paths.append(path)
        return ensemble_predict(paths, extractor, test)

    def self_train(
        train_set: list[C.Sentence], test: list[C.Sentence], tmp: Path
    ) -> list[list[str]]:
        teacher = tmp / "teacher.crfsuite"
        train(train_set, teacher, extractor, params)
        extra = pseudo_label(
            NerModel(teacher.read_bytes(), extractor.clusters), pool, args.n, args.min_prob
        )
        path = tmp / "m.crfsuite"
        train(train_set + extra, path, extractor, params)
        return predict(test, path, extractor)

    variants = {"base": single, "clusters": single, "ensemble": ensemble, "self": self_train}
    label = {
        "base": f"c1={args.c1} c2={args.c2}",
        "clusters": f"clusters {args.clusters_path} c2={args.c2}",
        "ensemble": f"ensemble c2={args.c2s} mix={args.mix or '-'}",
        "self": f"self-train n={args.n} p≥{args.min_prob} c2={args.c2}",
    }[args.variant]
    if args.extend_right:
        label += " + extend PERSON right"
    run(label, variants[args.variant], cv=False)
    if args.cv:
        run(label, variants[args.variant], cv=True)
    if args.nerui:
        run(label, variants[args.variant], cv=False, data="nerui")
    if args.test:
        run(label, variants[args.variant], cv=False, data="test")


if __name__ == "__main__":
    main()
