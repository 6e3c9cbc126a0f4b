"""Word clusters for the NER features, learned from unlabelled Indonesian news text.

Cheap distributional embeddings: left and right neighbour counts (±2 words) of every frequent
lower-cased word over the CLICK-ID news bodies, weighted by positive PMI, reduced by truncated
SVD to 100 dimensions, length-normalised, then k-means at three granularities (coarse to fine).
The cluster ids act like Brown-cluster prefixes: rare names share weights with frequent ones
that occur in the same contexts (``Pyongyang`` with ``Jakarta``), a well-known CRF booster.

Run: ``python -m training.ner.clusters`` (about two minutes on one core); writes
``src/warta/assets/ner_clusters.tsv.gz`` (``word<TAB>case<TAB>k64<TAB>k256<TAB>k1024`` per line).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.utils.extmath import randomized_svd

from warta.enrich.ner.tokenize import tokenize

NEWS = Path("/work/shared/data/news/clickid/articles.jsonl.gz")
OUT = Path(__file__).resolve().parents[2] / "src" / "warta" / "assets" / "ner_clusters.tsv.gz"
SIZES = (64, 256, 1024)
_OPENERS = frozenset({".", "!", "?", '"', "“", "”", ":", "(", "-", "—", "–", "'", "‘", ","})


def read_tokens(path: Path) -> tuple[list[str], Counter[str], Counter[str]]:
    """All lower-cased tokens of the article bodies (an empty-string marker between articles),
    and for each lower-cased word how often it occurs inside a sentence (not first) and how
    often it is capitalised there."""
    out: list[str] = []
    inside: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if len(text) < 200:
                continue
            prev = "."
            for tok in tokenize(text):
                word = tok.text
                low = word.lower()
                out.append(low)
                if prev not in _OPENERS:
                    inside[low] += 1
                    if word[:1].isupper():
                        capital[low] += 1
                prev = word
            out.append("")
    return out, inside, capital


def case_profile(inside: int, capital: int) -> str:
    """How a word is usually written inside a sentence: ``c0`` (lower-case, under 10%
    capitalised), ``c1`` (<50%), ``c2`` (<90%), ``c3`` (nearly always capitalised),
    ``c?`` (never seen inside a sentence)."""
    if not inside:
        return "c?"
    r = capital / inside
    return "c0" if r < 0.1 else "c1" if r < 0.5 else "c2" if r < 0.9 else "c3"


def word_vectors(
    min_count: int = 4, n_context: int = 5000, dims: int = 100, seed: int = 0
) -> tuple[list[str], np.ndarray, Counter[str], Counter[str], Counter[str]]:
    """The PPMI-SVD vectors (length-normalised rows) of every word seen at least ``min_count``
    times, most frequent first, with the token counts and the in-sentence / capitalised counts
    of :func:`read_tokens`. Also used by the neural tagger (``training.ner.neural``)."""
    t0 = time.perf_counter()
    tokens, inside, capital = read_tokens(NEWS)
    counts = Counter(tokens)
    del counts[""]
    vocab = [w for w, c in counts.most_common() if c >= min_count and any(ch.isalpha() for ch in w)]
    index = {w: i for i, w in enumerate(vocab)}
    print(
        f"{len(tokens):,} tokens, {len(vocab):,} words ≥{min_count} ({time.perf_counter() - t0:.0f}s)"
    )
    # Context vocabulary: the most frequent tokens of any kind (punctuation is informative).
    ctx_words = [w for w, _ in counts.most_common(n_context)]
    ctx_index = {w: i for i, w in enumerate(ctx_words)}
    ids = np.array([index.get(t, -1) for t in tokens], dtype=np.int64)
    cids = np.array([ctx_index.get(t, -1) for t in tokens], dtype=np.int64)
    n = len(tokens)
    rows, cols = [], []
    for slot, off in enumerate((-2, -1, 1, 2)):
        if off < 0:
            b = cids[: n + off]
            a = ids[-off:]
        else:
            a = ids[: n - off]
            b = cids[off:]
        keep = (a >= 0) & (b >= 0)
        rows.append(a[keep])
        cols.append(b[keep] + slot * n_context)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix(
        (np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(vocab), 4 * n_context)
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    col_sum *= total / col_sum.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape, dtype=np.float32
    )
    print(f"PPMI {ppmi.shape} nnz={ppmi.nnz:,} ({time.perf_counter() - t0:.0f}s)")
    u, s, _ = randomized_svd(ppmi, n_components=dims, random_state=seed)
    emb = u * np.sqrt(s)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-8
    print(f"SVD done ({time.perf_counter() - t0:.0f}s)")
    return vocab, emb, counts, inside, capital


def build(
    min_count: int, n_context: int, dims: int, seed: int = 0, hierarchy: bool = False
) -> dict[str, tuple[str, ...]]:
    """The case profile and cluster ids at each of :data:`SIZES` for every word seen at least
    ``min_count`` times; with ``hierarchy``, also the word's :func:`tree_paths` bits."""
    t0 = time.perf_counter()
    vocab, emb, _, inside, capital = word_vectors(min_count, n_context, dims, seed)
    labels = []
    for k in SIZES:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(emb))
        print(f"k-means {k} done ({time.perf_counter() - t0:.0f}s)")
    paths = tree_paths(emb) if hierarchy else []
    if paths:
        print(f"tree paths done ({time.perf_counter() - t0:.0f}s)")
    return {
        w: (
            case_profile(inside[w], capital[w]),
            *(str(lab[i]) for lab in labels),
            *([paths[i]] if paths else []),
        )
        for i, w in enumerate(vocab)
    }


def tree_paths(emb: np.ndarray, depth: int = 16, min_size: int = 4) -> list[str]:
    """A Brown-style bit string per word: its path in a binary tree built top-down by
    splitting the embeddings in two, recursively, to ``depth`` bits or until a node has fewer
    than ``min_size`` words. Prefixes of any length are then nested clusters, coarse to fine.

    Each split is principal-direction divisive partitioning (sign of the projection on the
    node's first principal axis) refined by three 2-means steps: a few numpy lines, fast
    enough for the ~20,000 small splits where sklearn's per-call overhead would dominate.
    """
    paths = [""] * len(emb)
    stack: list[tuple[np.ndarray, str]] = [(np.arange(len(emb)), "")]
    while stack:
        idx, path = stack.pop()
        side = _split(emb[idx]) if len(path) < depth and len(idx) >= min_size else None
        if side is None:
            for i in idx:
                paths[i] = path
            continue
        stack.append((idx[~side], path + "0"))
        stack.append((idx[side], path + "1"))
    return paths


def _split(x: np.ndarray) -> np.ndarray | None:
    """A boolean mask cutting the rows of ``x`` in two, or None if they do not split."""
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred[:: max(1, len(x) // 2000)], full_matrices=False)
    side = centred @ vt[0] > 0
    for _ in range(3):
        if side.all() or not side.any():
            return None
        a, b = x[side].mean(axis=0), x[~side].mean(axis=0)
        side = ((x - a) ** 2).sum(axis=1) < ((x - b) ** 2).sum(axis=1)
    return None if side.all() or not side.any() else side


def main(argv: list[str] | None = None) -> None:
    """Build the cluster table and write it as a gzipped TSV asset."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--contexts", type=int, default=5000)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--hierarchy", action="store_true", help="add the dendrogram bit paths")
    args = ap.parse_args(argv)
    table = build(args.min_count, args.contexts, args.dims, hierarchy=args.hierarchy)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word, ids in table.items():
            fh.write(word + "\t" + "\t".join(ids) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(table):,} words)")


if __name__ == "__main__":
    main()
