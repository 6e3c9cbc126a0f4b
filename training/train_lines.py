"""Train the text-mode line classifier shipped as ``src/warta/assets/lines.npz``.

Run from the repository root (needs the ``train`` extra, resiliparse from the ``bench`` extra,
and ../shared/bench/wcxb-dev)::

    python -m training.train_lines            # 5-fold CV report, then fit on all pages and save
    python -m training.train_lines --no-cv    # only fit and save
    python -m training.train_lines --cv-only  # only the CV report

Data: wcxb-dev only (1,497 pages, 7 page types, gold main text). Never train or tune on
scrapinghub, mozilla-readability or id-news-dev: they are the held-out evaluation sets.

Input: each page's whole visible text as the text-mode benchmark makes it
(:func:`benchmarks.textmode.visible_text`, resiliparse, one line a block), cut into lines and
judged by :func:`warta.page.text.prepare_text` exactly as at run time.

Labels: the page's tokens are aligned with the gold's tokens (difflib, longest matching runs);
a line is content when at least half of its tokens fall in a matched run of two or more tokens,
or, for a line of one token, in any matched run. A menu item that happens to be a word of the
gold is not matched unless it sits where the gold has it.

Model: the two-stage boosted trees of :mod:`training.train_blocks` (same parameters, export and
numpy evaluator), with :data:`warta.page.lines.LINE_FEATURES` for stage one and
:func:`warta.page.lines.context_features` for stage two, trained on out-of-fold stage-one scores.

CV: pages are split into 5 folds (seeded); each fold is scored by a model trained on the other
four, with WCXB's word F1 on the text :func:`warta.page.text.repair_prepared` keeps.
"""

from __future__ import annotations

import argparse
import difflib
import os
import pickle
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

os.environ.setdefault("OMP_NUM_THREADS", "1")

from benchmarks.data import load  # noqa: E402
from benchmarks.metrics import word_scores  # noqa: E402
from benchmarks.textmode import visible_text  # noqa: E402
from training.train_blocks import SEED, check_export, fit_ensemble, folds_of  # noqa: E402
from warta.page.blockmodel import BlockModel  # noqa: E402
from warta.page.lines import CONTEXT_FEATURES, LINE_FEATURES, context_features  # noqa: E402
from warta.page.text import PreparedText, prepare_text, repair_prepared  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "src" / "warta" / "assets" / "lines.npz"
_TOKEN = re.compile(r"\w+")

NEGATIVE_SHARE = 0.5
"""Share of boilerplate lines kept for fitting (weights scaled up to match)."""


@dataclass
class PageData:
    """One training page: its prepared lines, labels, weights and gold text."""

    id: str
    page_type: str
    prepared: PreparedText
    y: np.ndarray
    w: np.ndarray
    gold: str

    @property
    def x(self) -> np.ndarray:
        return self.prepared.features


def label_lines(lines: list[str], gold: str) -> tuple[np.ndarray, np.ndarray]:
    """Content labels (1/0) and training weights of ``lines`` given the page's gold text."""
    gold_tokens = _TOKEN.findall(gold.lower())
    toks = [_TOKEN.findall(line.lower()) for line in lines]
    flat = [t for line_toks in toks for t in line_toks]
    owner = np.repeat(np.arange(len(lines)), [len(t) for t in toks])
    matched = np.zeros(len(flat), dtype=bool)
    single = np.zeros(len(flat), dtype=bool)
    if flat and gold_tokens:
        matcher = difflib.SequenceMatcher(None, flat, gold_tokens, autojunk=False)
        for block in matcher.get_matching_blocks():
            if block.size >= 2:
                matched[block.a : block.a + block.size] = True
            elif block.size == 1:
                single[block.a] = True
    y = np.zeros(len(lines), dtype=np.int8)
    w = np.zeros(len(lines), dtype=np.float32)
    for i, t in enumerate(toks):
        if not t:
            w[i] = 0.2
            continue
        hits = matched[owner == i]
        if len(t) == 1:
            y[i] = bool(hits[0] or single[owner == i][0])
        else:
            y[i] = hits.mean() >= 0.5
        w[i] = np.sqrt(len(t))
    return y, w


def read_pages(limit: int | None = None, cache: Path | None = None) -> list[PageData]:
    """Prepared lines, features and labels of every wcxb-dev page (pickled to ``cache``)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            cached: list[PageData] = pickle.load(fh)
        return cached[:limit] if limit is not None else cached
    pages = []
    for i, page in enumerate(load("wcxb-dev")):
        if limit is not None and i >= limit:
            break
        prepared = prepare_text(visible_text(page.html))
        y, w = label_lines([it.text for it in prepared.items], page.text)
        pages.append(PageData(page.id, str(page.gold.get("page_type")), prepared, y, w, page.text))
    if cache is not None and limit is None:
        with cache.open("wb") as fh:
            pickle.dump(pages, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return pages


def stack(
    pages: list[PageData], x: list[np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of ``pages`` for fitting (``x`` replaces their stage-one features), negatives thinned."""
    xs = np.vstack(x if x is not None else [p.x for p in pages])
    y = np.concatenate([p.y for p in pages])
    w = np.concatenate([p.w for p in pages]).astype(np.float64)
    rng = np.random.default_rng(SEED + len(y))
    drop = (y == 0) & (rng.random(len(y)) > NEGATIVE_SHARE)
    w[y == 0] /= NEGATIVE_SHARE
    return xs[~drop], y[~drop], w[~drop]


def fit_model(pages: list[PageData], inner_folds: int = 2, threshold: float = 0.5) -> BlockModel:
    """Fit both stages on ``pages``."""
    pages = [p for p in pages if len(p.y)]
    stage1 = fit_ensemble(*stack(pages))
    fold = folds_of(len(pages), inner_folds, SEED + 1)
    oof: list[np.ndarray | None] = [None] * len(pages)
    for f in range(inner_folds):
        model = fit_ensemble(*stack([p for p, g in zip(pages, fold, strict=True) if g != f]))
        for i, page in enumerate(pages):
            if fold[i] == f:
                oof[i] = model.proba(page.x)
    x2 = [context_features(p.x, q) for p, q in zip(pages, oof, strict=True) if q is not None]
    stage2 = fit_ensemble(*stack(pages, x2))
    return BlockModel(stage1, stage2, list(LINE_FEATURES) + list(CONTEXT_FEATURES), threshold)


def page_text(page: PageData, p2: np.ndarray, threshold: float) -> str:
    """The text the repair keeps on one page given stage-two probabilities."""
    repaired = repair_prepared(page.prepared, p2 >= threshold if len(p2) else None)
    return "\n\n".join(p.text for p in repaired.paragraphs)


def probabilities(model: BlockModel, page: PageData) -> np.ndarray:
    if not len(page.y):
        return np.zeros(0)
    return model.stage2.proba(context_features(page.x, model.stage1.proba(page.x)))


def out_of_fold(pages: list[PageData], k: int = 5) -> dict[str, np.ndarray]:
    """Each page's line probabilities from a model trained on the other folds."""
    fold = folds_of(len(pages), k, SEED)
    probs: dict[str, np.ndarray] = {}
    for f in range(k):
        t0 = time.time()
        model = fit_model([p for p, g in zip(pages, fold, strict=True) if g != f])
        for p, g in zip(pages, fold, strict=True):
            if g == f:
                probs[p.id] = probabilities(model, p)
        print(f"  fold {f + 1}/{k} done in {time.time() - t0:.0f} s", flush=True)
    return probs


def cross_validate(
    pages: list[PageData],
    k: int = 5,
    thresholds: tuple[float, ...] = (0.5,),
    saved: Path | None = None,
) -> dict[float, dict[str, dict[str, float]]]:
    """Word P/R/F1 on wcxb-dev at each threshold, each page scored by a model that never saw it.

    With ``saved``, the out-of-fold probabilities are read from there if it exists (no fitting)
    or written there, so that the post-processing can be re-scored without refitting."""
    if saved is not None and saved.exists():
        with saved.open("rb") as fh:
            probs: dict[str, np.ndarray] = pickle.load(fh)
    else:
        probs = out_of_fold(pages, k)
        if saved is not None:
            with saved.open("wb") as fh:
                pickle.dump(probs, fh)
    return {
        t: score(pages, {p.id: page_text(p, probs[p.id], t) for p in pages}) for t in thresholds
    }


def score(pages: list[PageData], predicted: dict[str, str]) -> dict[str, dict[str, float]]:
    """WCXB word scores over all pages and per page type."""
    report = {"all": word_scores((p.gold, predicted[p.id]) for p in pages)}
    for kind in sorted({p.page_type for p in pages}):
        report[kind] = word_scores((p.gold, predicted[p.id]) for p in pages if p.page_type == kind)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument("--cv-only", action="store_true", help="do not fit and save the model")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--threshold", type=float, default=0.5, help="keep lines at or above")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the read pages")
    parser.add_argument(
        "--probs", type=Path, default=None, help="pickle of the CV probabilities, reused if present"
    )
    args = parser.parse_args(argv)

    t0 = time.time()
    pages = read_pages(args.limit, args.cache)
    rows = sum(len(p.y) for p in pages)
    positive = sum(int(p.y.sum()) for p in pages)
    print(f"{len(pages)} pages, {rows} lines ({positive} content) read in {time.time() - t0:.0f} s")
    if not args.no_cv:
        thresholds = tuple(sorted({0.3, 0.4, 0.5, 0.6, args.threshold}))
        for t, report in cross_validate(pages, args.folds, thresholds, args.probs).items():
            print(f"wcxb-dev {args.folds}-fold CV, threshold {t}, word scores (WCXB evaluate.py):")
            for kind, s in report.items():
                print(
                    f"  {kind:<14} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                    f"  ({s['pages']} pages)"
                )
    if not args.cv_only:
        model = fit_model(pages, threshold=args.threshold)
        model.save(str(args.out))
        print(f"saved {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")
        check_export(model, pages)  # type: ignore[arg-type]  # same fields as the block pages


if __name__ == "__main__":
    main()
