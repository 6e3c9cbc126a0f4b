"""Train the block classifier shipped as ``src/warta/assets/blocks.npz``.

Run from the repository root (needs the ``train`` extra and ../shared/bench/wcxb-dev)::

    python -m training.train_blocks            # 5-fold CV report, then fit on all pages and save
    python -m training.train_blocks --no-cv    # only fit and save
    python -m training.train_blocks --cv-only  # only the CV report
    python -m training.train_blocks --cv-only --save-folds F   # ... and keep each fold's model in F
    python -m training.train_blocks --rescore F --full [--dump out.jsonl]
        # warta's WHOLE output (warta.extract) under each saved fold model, no refitting
    python -m training.train_blocks --rescore F --full --remarkup T3
        # ... with every page re-marked-up first (training/remarkup.py: T1, T2, T3)
    python -m training.train_blocks --cv-only --augment mix|T1|T2|T3 [--copy-weight W]
        # train on each page plus one re-marked-up copy (not the shipped recipe: see below)
    python -m training.train_blocks --cv-only --dropout 0.5
        # zero the class/id keyword columns on half of the training pages (not shipped either)

Data: wcxb-dev only (1,497 pages, 7 page types, gold main text). Never train or tune on
scrapinghub, mozilla-readability or id-news-dev: they are the held-out evaluation sets.

Labels: each block is content when most of its word trigrams occur in the gold text (blocks of one
or two words: when they are a whole gold line, or form a gold trigram with a neighbour's words).

Model: stage one, a gradient-boosted tree ensemble over :data:`warta.page.features.BASE_FEATURES`
followed by :data:`warta.page.features_extra.EXTRA_FEATURES` (``--base-only`` leaves them out);
stage two, a second ensemble that also sees stage one's probabilities of the neighbours and
containers (:func:`warta.page.features.context_features`). Stage two is trained on out-of-fold
stage-one probabilities so that it learns how far to trust them. Both are exported to plain numpy
arrays and evaluated by :class:`warta.page.blockmodel.TreeEnsemble` at run time.

CV: pages are split into 5 folds (seeded); for each fold both stages are trained on the other four
(stage one's out-of-fold probabilities for stage two come from 2 inner folds) and the fold left
out is scored with WCXB's word F1 on the body that :func:`warta.page.content.select_body` keeps.
With ``--full`` (on saved folds) each page is instead scored on everything that
``warta.extract(html, url=url, enrich=False).text`` returns with its fold's model in place of the
shipped one, so the post-processing after the classifier (repair, chrome lines, related links,
trailing-link trim) counts too; the ``with``/``without`` snippet counts are printed as well.

Unseen markup (session 10): :mod:`training.remarkup` turns a page into div soup (T1: no
article/main/aside/nav/header/footer/section/figure/figcaption/time tags), opaque names (T2: every
class and id hashed, itemprop/role/aria dropped) or both (T3). Read with ``--remarkup T3``, the
held-out pages lose 0.017 article F1 (0.949 → 0.931; precision 0.946 → 0.919). Training on
re-marked-up copies as well (``--augment``; best: ``mix``) or with keyword dropout (``--dropout``)
buys back at most 0.008 of it under T3 and costs 0.005–0.006 all-pages F1 on the pages as they
are, so the shipped recipe trains on the original pages only (``AUGMENT = None``, ``DROPOUT = 0``).
A second model chosen per page (``mix`` for pages where under half the blocks carry any class/id
keyword) passed its wcxb-dev bar but, measured once on the held-out sets, read 42 of
mozilla-readability's 130 pages and cost 0.019 F1 there, while reading 1 of scrapinghub's 181: it
was reverted (docs/benchmarks.md; the code is commit 33fd6ad, branch s10-robust).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

# One thread: the machine is shared, and OpenMP spinning on busy cores is far slower than one core.
os.environ.setdefault("OMP_NUM_THREADS", "1")

from benchmarks.data import load  # noqa: E402
from benchmarks.metrics import snippet_counts, word_prf, word_scores  # noqa: E402
from training.remarkup import TRANSFORMS  # noqa: E402
from warta.page.blockmodel import BlockModel, TreeEnsemble
from warta.page.content import select_body
from warta.page.features import BASE_FEATURES, CONTEXT_FEATURES, block_features, context_features
from warta.page.features_extra import EXTRA_FEATURES, extra_features
from warta.page.html import Block, page_blocks, page_title

try:
    from sklearn.ensemble import HistGradientBoostingClassifier
except ImportError:  # pragma: no cover - training extra missing
    sys.exit("scikit-learn is needed: pip install -e '.[train]'")

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "src" / "warta" / "assets" / "blocks.npz"
SEED = 20261127
_TOKEN = re.compile(r"\w+")

# Tree settings: small and shallow so that evaluation stays cheap at run time.
PARAMS = {"max_iter": 100, "learning_rate": 0.15, "max_depth": 6, "max_leaf_nodes": 31,
          "min_samples_leaf": 40, "l2_regularization": 1.0, "random_state": SEED}  # fmt: skip


@dataclass
class PageData:
    """One training page: its blocks, stage-one features, labels, weights and gold text."""

    id: str
    page_type: str
    blocks: list[Block]
    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    gold: str


def label_blocks(blocks: list[Block], gold: str) -> tuple[np.ndarray, np.ndarray]:
    """Content labels (1/0) and training weights of ``blocks`` given the page's gold text."""
    gold_tokens = _TOKEN.findall(gold.lower())
    tri = {tuple(gold_tokens[i : i + 3]) for i in range(len(gold_tokens) - 2)}
    lines = {" ".join(_TOKEN.findall(line.lower())) for line in gold.splitlines()}
    lines.discard("")
    toks = [_TOKEN.findall(b.text.lower()) for b in blocks]
    y = np.zeros(len(blocks), dtype=np.int8)
    w = np.zeros(len(blocks), dtype=np.float32)
    for i, t in enumerate(toks):
        if not t:
            w[i] = 0.2
            continue
        if len(t) >= 3:
            grams = [tuple(t[j : j + 3]) for j in range(len(t) - 2)]
            hit = sum(g in tri for g in grams) / len(grams)
            y[i] = hit >= 0.5
        else:
            before = toks[i - 1][-2:] if i > 0 else []
            after = toks[i + 1][:2] if i + 1 < len(toks) else []
            around = before + t + after
            context = {tuple(around[j : j + 3]) for j in range(len(around) - 2)}
            y[i] = " ".join(t) in lines or bool(context & tri and (before or after))
        w[i] = np.sqrt(len(t))
    return y, w


def read_pages(
    limit: int | None = None, cache: Path | None = None, extra: bool = True, remarkup: str | None = None
) -> list[PageData]:
    """Blocks, features and labels of every wcxb-dev page (pickled to ``cache`` if given).

    The cache holds the base columns only; with ``extra`` the columns of
    :func:`warta.page.features_extra.extra_features` are appended after reading. With
    ``remarkup`` (a name in :data:`training.remarkup.TRANSFORMS`) each page's bytes are first
    re-marked-up; such pages are cached next to ``cache`` (``pages.T3.pkl`` for ``pages.pkl``).
    """
    if cache is not None and remarkup is not None:
        cache = cache.with_name(f"{cache.stem}.{remarkup}{cache.suffix}")
    pages = _read_base(limit, cache, remarkup)
    if extra:
        for page in pages:
            page.x = np.hstack([page.x, extra_features(page.blocks)])
    return pages


def _read_base(limit: int | None, cache: Path | None, remarkup: str | None = None) -> list[PageData]:
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            cached: list[PageData] = pickle.load(fh)
        return cached[:limit] if limit is not None else cached
    from selectolax.lexbor import LexborHTMLParser

    from warta.page.decode import decode

    pages = []
    for i, page in enumerate(load("wcxb-dev")):
        if limit is not None and i >= limit:
            break
        html = TRANSFORMS[remarkup](page.html) if remarkup is not None else page.html
        tree = LexborHTMLParser(decode(html).text)
        blocks = page_blocks(tree)
        x = block_features(blocks, page_title(tree))
        y, w = label_blocks(blocks, page.text)
        pages.append(PageData(page.id, str(page.gold.get("page_type")), blocks, x, y, w, page.text))
    if cache is not None and limit is None:
        with cache.open("wb") as fh:
            pickle.dump(pages, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return pages


def fit_ensemble(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> TreeEnsemble:
    """Fit one boosted ensemble and export it to numpy arrays."""
    clf = HistGradientBoostingClassifier(**PARAMS)
    clf.fit(x, y, sample_weight=w)
    return export(clf, x.shape[1])


def export(clf: HistGradientBoostingClassifier, n_features: int) -> TreeEnsemble:
    """Flatten a fitted binary HistGradientBoostingClassifier into a :class:`TreeEnsemble`.

    Uses ``_predictors``/``nodes`` (private but stable since scikit-learn 0.21); the exported
    ensemble is checked against ``decision_function`` by :func:`check_export`.
    """
    roots, feature, threshold, left, right, value = [], [], [], [], [], []
    depth = 0
    offset = 0
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        count = len(nodes)
        roots.append(offset)
        for k, node in enumerate(nodes):
            if node["is_leaf"]:
                feature.append(0)
                threshold.append(np.inf)
                left.append(offset + k)
                right.append(offset + k)
                value.append(float(node["value"]))
            else:
                if node["is_categorical"]:
                    raise ValueError("categorical splits are not supported")
                feature.append(int(node["feature_idx"]))
                threshold.append(float(node["num_threshold"]))
                left.append(offset + int(node["left"]))
                right.append(offset + int(node["right"]))
                value.append(0.0)
            depth = max(depth, int(node["depth"]))
        offset += count
    return TreeEnsemble(
        np.array(roots),
        np.array(feature),
        np.array(threshold, dtype=np.float64),
        np.array(left),
        np.array(right),
        np.array(value),
        baseline=float(np.ravel(clf._baseline_prediction)[0]),
        depth=depth,
        n_features=n_features,
    )


THRESHOLD = 0.5
"""Stage-two probability from which a block is kept (chosen on the CV folds, wcxb-dev only)."""

NEGATIVE_SHARE = 0.4
"""Share of boilerplate blocks kept for fitting (weights scaled up to match): halves fit time."""


def stack(pages: list[PageData], x: list[np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of ``pages`` for fitting (``x`` replaces their stage-one features), negatives thinned."""
    xs = np.vstack(x if x is not None else [p.x for p in pages])
    y = np.concatenate([p.y for p in pages])
    w = np.concatenate([p.w for p in pages]).astype(np.float64)
    rng = np.random.default_rng(SEED + len(y))
    drop = (y == 0) & (rng.random(len(y)) > NEGATIVE_SHARE)
    w[y == 0] /= NEGATIVE_SHARE
    return xs[~drop], y[~drop], w[~drop]


def folds_of(n: int, k: int, seed: int) -> np.ndarray:
    """A fold number for each of ``n`` pages."""
    rng = np.random.default_rng(seed)
    return rng.permutation(np.arange(n) % k)


AUGMENT: str | None = None
"""Re-marked-up training copies (see :func:`augmented_copies`); None: original pages only."""

AUGMENT_KINDS = ("mix", *TRANSFORMS)

COPY_WEIGHT = 1.0
"""Training weight of a re-marked-up copy's blocks, relative to the original page's."""


def augmented_copies(
    pages: list[PageData],
    kind: str,
    cache: Path | None = None,
    extra: bool = True,
    weight: float = COPY_WEIGHT,
) -> list[PageData]:
    """One re-marked-up copy of each of ``pages``, read like them (same ids, labels from the gold).

    ``kind`` is a transform's name (every page under it) or ``mix`` (each page under T1, T2 or T3,
    drawn with a fixed seed). The copies come from the whole set, in its order, so that a page's
    transform does not depend on ``pages``' length. Their block weights are scaled by ``weight``.
    """
    wanted = {p.id for p in pages}
    names = list(TRANSFORMS) if kind == "mix" else [kind]
    read = {name: read_pages(None, cache, extra, remarkup=name) for name in names}
    n = len(read[names[0]])
    draw = np.random.default_rng(SEED + 2).integers(0, len(names), n)
    copies = [read[names[d]][i] for i, d in enumerate(draw.tolist()) if read[names[d]][i].id in wanted]
    if weight != 1.0:
        for page in copies:
            page.w = page.w * np.float32(weight)
    return copies


DROPOUT = 0.0
"""Share of training pages whose class/id keyword columns are zeroed (:func:`drop_keywords`)."""

KEYWORD_COLUMNS = np.array([i for i, name in enumerate(BASE_FEATURES) if name.startswith(("hit_", "near_"))])


def drop_keywords(pages: list[PageData], share: float) -> list[PageData]:
    """``pages`` with the keyword columns (``hit_*``, ``near_*``) zeroed on a seeded ``share`` of
    them: feature dropout, so that the trees learn to do without class/id names."""
    if share <= 0:
        return pages
    rng = np.random.default_rng(SEED + 3 + len(pages))
    out = []
    for page, draw in zip(pages, rng.random(len(pages)), strict=True):
        if draw < share:
            x = page.x.copy()
            x[:, KEYWORD_COLUMNS] = 0
            page = PageData(page.id, page.page_type, page.blocks, x, page.y, page.w, page.gold)
        out.append(page)
    return out


def fit_model(
    pages: list[PageData],
    inner_folds: int = 2,
    threshold: float = THRESHOLD,
    copies: list[PageData] | None = None,
    dropout: float = DROPOUT,
) -> BlockModel:
    """Fit both stages on ``pages`` and on their re-marked-up ``copies`` (same ids), if any, with
    the keyword columns of a ``dropout`` share of them all zeroed.

    A copy falls in the same inner fold as its original, so that stage two's out-of-fold
    probabilities of a page never come from a stage one that saw the same page in other markup.
    """
    originals = len(pages)
    fold = folds_of(originals, inner_folds, SEED + 1)
    if copies:
        fold_of = {p.id: g for p, g in zip(pages, fold, strict=True)}
        pages = pages + copies
        fold = np.concatenate([fold, [fold_of[p.id] for p in copies]])
    pages = drop_keywords(pages, dropout)
    stage1 = fit_ensemble(*stack(pages))
    # Out-of-fold stage-one probabilities for stage two's training rows.
    oof: list[np.ndarray | None] = [None] * len(pages)
    for f in range(inner_folds):
        train = [p for p, g in zip(pages, fold, strict=True) if g != f]
        model = fit_ensemble(*stack(train))
        for i, page in enumerate(pages):
            if fold[i] == f:
                oof[i] = model.proba(page.x)
    x2 = [context_features(p.blocks, p.x, q) for p, q in zip(pages, oof, strict=True) if q is not None]
    stage2 = fit_ensemble(*stack(pages, x2))
    names = list(BASE_FEATURES)
    if pages[0].x.shape[1] > len(BASE_FEATURES):
        names += list(EXTRA_FEATURES)
    return BlockModel(stage1, stage2, names + list(CONTEXT_FEATURES), threshold=threshold)


def page_text(model: BlockModel, page: PageData) -> str:
    """The body text the model keeps on one page (paragraphs joined by blank lines)."""
    body = select_body(page.blocks, page.x, model)
    return "\n\n".join(p.text for p in body.paragraphs)


def cross_validate(
    pages: list[PageData],
    k: int = 5,
    save: Path | None = None,
    threshold: float = THRESHOLD,
    copies: list[PageData] | None = None,
    dropout: float = DROPOUT,
) -> dict[str, dict[str, float]]:
    """Word P/R/F1 on wcxb-dev, each page scored by a model that never saw it.

    With ``save``, each fold's model is written there (``fold1.npz`` …) so that post-processing
    can be re-scored later without refitting (:func:`score_saved_folds`). ``copies`` (re-marked-up
    pages, see :func:`augmented_copies`) join the training folds of their originals only.
    """
    fold = folds_of(len(pages), k, SEED)
    predicted: dict[str, str] = {}
    for f in range(k):
        t0 = time.time()
        held_out = {p.id for p, g in zip(pages, fold, strict=True) if g == f}
        train = [p for p in pages if p.id not in held_out]
        train_copies = [p for p in copies or () if p.id not in held_out]
        model = fit_model(train, threshold=threshold, copies=train_copies, dropout=dropout)
        if save is not None:
            save.mkdir(parents=True, exist_ok=True)
            model.save(str(save / f"fold{f + 1}.npz"))
        for p, g in zip(pages, fold, strict=True):
            if g == f:
                predicted[p.id] = page_text(model, p)
        print(f"  fold {f + 1}/{k} done in {time.time() - t0:.0f} s", flush=True)
    return score(pages, predicted)


def score(pages: list[PageData], predicted: dict[str, str]) -> dict[str, dict[str, float]]:
    """WCXB word scores over all pages and per page type."""
    report = {"all": word_scores((p.gold, predicted[p.id]) for p in pages)}
    for kind in sorted({p.page_type for p in pages}):
        report[kind] = word_scores((p.gold, predicted[p.id]) for p in pages if p.page_type == kind)
    return report


def score_saved_folds(
    pages: list[PageData], saved: Path, k: int = 5, threshold: float = THRESHOLD
) -> dict[str, dict[str, float]]:
    """The CV scores of the fold models saved by :func:`cross_validate` (no refitting); ``pages``
    may be read re-marked-up (:func:`read_pages`), the folds stay those of the original pages."""
    fold = folds_of(len(pages), k, SEED)
    models = [BlockModel.load(str(saved / f"fold{f + 1}.npz")) for f in range(k)]
    for model in models:
        model.threshold = threshold
    return score(pages, {p.id: page_text(models[g], p) for p, g in zip(pages, fold, strict=True)})


@contextmanager
def model_in_place(model: BlockModel) -> Iterator[None]:
    """Make :func:`warta.page.content.extract_body` use ``model`` instead of the shipped one.

    ``warta.extract`` has no model argument (the shipped model is the product); swapping the names
    that :mod:`warta.page.content` looks up is the least intrusive way to run the whole pipeline
    with a fold's model, and it is done here, in training code only.
    """
    import warta.page.content as content

    saved = content.shipped_model
    setattr(content, "shipped_model", lambda: model)  # noqa: B010 (a module attribute swap)
    try:
        yield
    finally:
        setattr(content, "shipped_model", saved)  # noqa: B010


@dataclass
class FullRecord:
    """warta's whole output on one wcxb-dev page under the fold model that never saw it."""

    id: str
    url: str | None
    page_type: str
    gold: str
    pred: str
    """``warta.extract(...).text``, or "" when warta raised."""
    with_: list[str]
    without: list[str]
    p: float
    r: float
    f1: float


def full_outputs(
    saved: Path,
    k: int = 5,
    threshold: float = THRESHOLD,
    limit: int | None = None,
    remarkup: str | None = None,
) -> list[FullRecord]:
    """warta's whole output on every wcxb-dev page, each read with the fold model that never saw it.

    The fold of a page is its position in gold order, as in :func:`cross_validate`; ``limit``
    reads only the first pages (a quick look: their folds stay those of the whole set). With
    ``remarkup`` (a name in :data:`training.remarkup.TRANSFORMS`) warta reads each page's bytes
    re-marked-up: how the models fare on markup unlike the pages they learnt from.
    """
    import warta
    from warta.errors import WartaError

    models = [BlockModel.load(str(saved / f"fold{f + 1}.npz")) for f in range(k)]
    for model in models:
        model.threshold = threshold
    raw = list(load("wcxb-dev"))
    fold = folds_of(len(raw), k, SEED)
    records: list[FullRecord] = []
    for i, (page, f) in enumerate(zip(raw, fold, strict=True)):
        if limit is not None and i >= limit:
            break
        with model_in_place(models[f]):
            html = TRANSFORMS[remarkup](page.html) if remarkup is not None else page.html
            try:
                pred = warta.extract(html, url=page.url, timeout=None, enrich=False).text
            except WartaError:
                pred = ""
        p, r, f1 = word_prf(page.text, pred)
        kind = str(page.gold.get("page_type"))
        records.append(
            FullRecord(page.id, page.url, kind, page.text, pred, page.listish("with"), page.listish("without"), p, r, f1)
        )
    return records


def report_full(records: list[FullRecord]) -> None:
    """Print word P/R/F1 (all pages, article pages) and the snippet counts of :func:`full_outputs`."""
    for kind in ("all", "article"):
        rows = [r for r in records if kind == "all" or r.page_type == kind]
        if not rows:
            continue
        s = word_scores((r.gold, r.pred) for r in rows)
        counts = [snippet_counts(r.pred, r.with_, r.without) for r in rows]
        w_found, w_total, wo_found, wo_total = (sum(c[j] for c in counts) for j in range(4))
        print(
            f"  {kind:<8} P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}  ({s['pages']} pages)"
            f"  with {w_found}/{w_total}  without hits {wo_found}/{wo_total}"
        )


def check_export(model: BlockModel, pages: list[PageData]) -> None:
    """Refit stage one with scikit-learn on a sample and compare its scores with the export."""
    sample = pages[:200]
    x, y, w = stack(sample)
    clf = HistGradientBoostingClassifier(**PARAMS).fit(x, y, sample_weight=w)
    ours = export(clf, x.shape[1]).decision(x)
    theirs = clf.decision_function(x)
    gap = float(np.max(np.abs(ours - theirs)))
    if gap > 1e-3:
        raise AssertionError(f"exported trees disagree with scikit-learn by {gap:.4f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument("--cv-only", action="store_true", help="do not fit and save the model")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--save-folds", type=Path, default=None, help="write each CV fold's model here")
    parser.add_argument("--rescore", type=Path, default=None, help="score saved fold models; no fitting")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="stage-two keep threshold")
    parser.add_argument("--base-only", action="store_true", help="without the extra feature family")
    parser.add_argument("--max-iter", type=int, default=None, help="trees per stage (default in PARAMS)")
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the read pages, reused if present")
    parser.add_argument("--full", action="store_true", help="with --rescore: score warta.extract's whole output")
    parser.add_argument("--dump", type=Path, default=None, help="with --full: write per-page records (jsonl)")
    parser.add_argument(
        "--remarkup", choices=list(TRANSFORMS), default=None, help="with --rescore: read the pages re-marked-up"
    )
    parser.add_argument(
        "--augment", default=AUGMENT, choices=[*AUGMENT_KINDS, "none"],
        help="add a re-marked-up copy of each training page (default: %(default)s)",
    )  # fmt: skip
    parser.add_argument(
        "--copy-weight", type=float, default=COPY_WEIGHT, help="weight of the re-marked-up copies"
    )
    parser.add_argument(
        "--dropout", type=float, default=DROPOUT, help="share of training pages without keyword columns"
    )
    args = parser.parse_args(argv)
    augment = None if args.augment in (None, "none") else args.augment
    if args.remarkup is not None and args.rescore is None:
        parser.error("--remarkup scores saved folds: it needs --rescore FOLDS_DIR")

    if args.full:
        if args.rescore is None:
            parser.error("--full needs --rescore FOLDS_DIR (saved by --save-folds)")
        records = full_outputs(args.rescore, args.folds, args.threshold, args.limit, args.remarkup)
        print(f"wcxb-dev {args.folds}-fold CV, warta.extract whole output, word scores (WCXB evaluate.py):")
        report_full(records)
        if args.dump is not None:
            with args.dump.open("w", encoding="utf-8") as fh:
                for record in records:
                    fh.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
        return

    if args.max_iter is not None:
        PARAMS["max_iter"] = args.max_iter
    t0 = time.time()
    pages = read_pages(args.limit, args.cache, extra=not args.base_only, remarkup=args.remarkup)
    rows = sum(len(p.blocks) for p in pages)
    positive = sum(int(p.y.sum()) for p in pages)
    print(f"{len(pages)} pages, {rows} blocks ({positive} content) read in {time.time() - t0:.0f} s")
    copies = None
    if augment is not None and args.rescore is None:
        copies = augmented_copies(pages, augment, args.cache, not args.base_only, args.copy_weight)
        print(f"  + {len(copies)} copies re-marked-up ({augment}), {sum(len(p.blocks) for p in copies)} blocks")
    if args.rescore is not None:
        report = score_saved_folds(pages, args.rescore, args.folds, args.threshold)
    elif not args.no_cv:
        report = cross_validate(pages, args.folds, args.save_folds, args.threshold, copies, args.dropout)
    if args.rescore is not None or not args.no_cv:
        print(f"wcxb-dev {args.folds}-fold CV, word scores (WCXB evaluate.py):")
        for kind, s in report.items():
            print(f"  {kind:<14} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  ({s['pages']} pages)")
    if not args.cv_only and args.rescore is None:
        model = fit_model(pages, threshold=args.threshold, copies=copies, dropout=args.dropout)
        check_export(model, pages)
        model.save(str(args.out))
        print(f"saved {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
