"""Per-page choice between the main and the plain-markup block model, studied on wcxb-dev CV.

Reads the per-page dumps of ``python -m training.train_blocks --rescore F --full [--remarkup T]
--dump F.T.jsonl`` for the main fold models (``--base``) and the ``--augment mix`` ones (``--mix``),
T in none/T1/T2/T3, and the page caches of ``--cache`` (``pages.pkl``, ``pages.T1.pkl`` ...) for
the statistic :func:`warta.page.content.keyword_share`. Since both models are fixed, the gated
output of a page is the dump of whichever model the gate picks: no re-extraction is needed (the
``--gate`` option of :mod:`training.train_blocks` runs the real pipeline and gives the same scores).

Prints the statistic's distribution per transform, then the held-out scores of the gate
``keyword_share < t`` with t fixed (:data:`warta.page.content.PLAIN_MARKUP_SHARE`) and with t
picked on the four training folds of each held-out fold (the largest summed gain over the four
transforms among thresholds that keep the bar on the training folds' pages as they are)::

    python -m training.gate_cv --base /tmp/s10robust/base --mix /tmp/s10robust/mix \\
        --cache /tmp/s10robust/pages.pkl
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections.abc import Callable
from pathlib import Path

import numpy as np

from training.train_blocks import SEED, PageData, folds_of
from warta.page.content import PLAIN_MARKUP_SHARE, keyword_share

TRANSFORMS = ("none", "T1", "T2", "T3")
GRID = (0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)
MAX_ALL_LOSS, MAX_ART_LOSS = 0.0005, 0.001
"""The bar on the pages as they are: all-pages F1 may fall by at most this, article F1 by this."""


def read_dump(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Ids, page types and (P, R, F1) rows of a ``--dump`` file."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [r["id"] for r in rows], [r["page_type"] for r in rows], np.array([[r["p"], r["r"], r["f1"]] for r in rows])


def shares(cache: Path, transform: str, ids: list[str]) -> np.ndarray:
    """:func:`keyword_share` of each page (in ``ids`` order) read under ``transform``."""
    path = cache if transform == "none" else cache.with_name(f"{cache.stem}.{transform}{cache.suffix}")
    with path.open("rb") as fh:
        pages: list[PageData] = pickle.load(fh)
    by_id = {p.id: keyword_share(p.blocks) for p in pages}
    return np.array([by_id[i] for i in ids])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="dump prefix of the main fold models")
    parser.add_argument("--mix", type=Path, required=True, help="dump prefix of the --augment mix ones")
    parser.add_argument("--cache", type=Path, required=True, help="pages.pkl (re-marked-up caches beside it)")
    args = parser.parse_args(argv)

    ids, types, _ = read_dump(Path(f"{args.base}.none.jsonl"))
    kind = np.array(types)
    art = kind == "article"
    fold = folds_of(len(ids), 5, SEED)
    base = {t: read_dump(Path(f"{args.base}.{t}.jsonl"))[2] for t in TRANSFORMS}
    mix = {t: read_dump(Path(f"{args.mix}.{t}.jsonl"))[2] for t in TRANSFORMS}
    share = {t: shares(args.cache, t, ids) for t in TRANSFORMS}

    print("keyword_share per transform: mean, quantiles 1/5/25/50 %, pages below", PLAIN_MARKUP_SHARE)
    for t in TRANSFORMS:
        q = np.quantile(share[t], [0.01, 0.05, 0.25, 0.5])
        print(f"  {t:<5} {share[t].mean():.3f}  " + " ".join(f"{v:.3f}" for v in q), (share[t] < PLAIN_MARKUP_SHARE).sum())

    def gated(t: str, th: float) -> tuple[np.ndarray, np.ndarray]:
        fires = share[t] < th
        return np.where(fires[:, None], mix[t], base[t]), fires

    def gain(t: str, th: float, mask: np.ndarray) -> tuple[float, float]:
        g, _ = gated(t, th)
        d = g[:, 2] - base[t][:, 2]
        return float(d[mask].mean()), float(d[mask & art].mean())

    picked = {}
    for k in range(5):
        train = fold != k
        ok = [th for th in GRID if min(gain("none", th, train)[0] + MAX_ALL_LOSS, gain("none", th, train)[1] + MAX_ART_LOSS) >= 0]
        picked[k] = max(ok, key=lambda th: sum(sum(gain(t, th, train)) for t in TRANSFORMS))
    print("threshold picked on the training folds of held-out folds 1-5:", [picked[k] for k in range(5)])

    def table(name: str, threshold_of: Callable[[int], float]) -> None:
        print(f"\n{name}\n  scored on  model  all P/R/F1  art P/R/F1  dAll  dArt  fires")
        for t in TRANSFORMS:
            g, fires = np.empty_like(base[t]), np.zeros(len(ids), bool)
            for k in range(5):
                gk, fk = gated(t, threshold_of(k))
                g[fold == k], fires[fold == k] = gk[fold == k], fk[fold == k]
            for label, m in (("base", base[t]), ("mix", mix[t]), ("gate", g)):
                a, r = m.mean(0), m[art].mean(0)
                da, dr = a[2] - base[t][:, 2].mean(), r[2] - base[t][art, 2].mean()
                extra = f"  {fires.sum()}" if label == "gate" else ""
                print(f"  {t:<5} {label:<5} " + " ".join(f"{v:.4f}" for v in (*a, *r)) + f"  {da:+.4f} {dr:+.4f}{extra}")
        if name.startswith("fixed"):
            g, fires = gated("none", threshold_of(0))
            for pt in sorted(set(types)):
                m = kind == pt
                print(f"  fires on {pt}: {fires[m].sum()}/{m.sum()}, dF1 {(g[m, 2] - base['none'][m, 2]).mean():+.4f}")

    table(f"fixed threshold {PLAIN_MARKUP_SHARE}", lambda k: PLAIN_MARKUP_SHARE)
    table("threshold picked on the training folds", lambda k: picked[k])


if __name__ == "__main__":
    main()
