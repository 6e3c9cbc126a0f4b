"""Copy detection, side by side: warta's settings against datatrove's default MinHash settings.

Run ``python -m benchmarks.dedup`` from the repository root. It builds the copy set
(:mod:`benchmarks.copyset`), runs each configuration over all its documents in a child process
pinned to one core, and prints recall per category, precision over the labelled pairs, docs per
CPU-second of that core (shingling included; CPU time, so other work on a shared machine does not
count) and the child's peak memory. A second table compares the MinHash libraries on
the same settings: rensa and datasketch, signatures and LSH, docs/s/core.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import resource
import time
from collections import defaultdict
from typing import Any

from benchmarks.copyset import Doc, Pair, build
from warta.pipeline.dedup import CopyCandidate, CopyConfig, find_copies

CONFIGS: dict[str, CopyConfig] = {
    "warta (3-grams, 42×3, template filter, containment ≥ 0.6)": CopyConfig(),
    "warta without verification": CopyConfig(min_containment=0.0, min_shared=0),
    "datatrove default (5-grams, 14×8, no verification)": CopyConfig(
        shingle_size=5, bands=14, rows=8, template_df=10**9, min_containment=0.0, min_shared=0
    ),
}


def _run(args: tuple[str, list[Doc]]) -> dict[str, Any]:
    name, docs = args
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    cands = [CopyCandidate(id=d.id, text=d.text, outlet=d.outlet, published=d.published) for d in docs]
    t0 = time.process_time()
    clusters = find_copies(cands, CONFIGS[name])
    seconds = time.process_time() - t0
    label = {m: c.id for c in clusters for m in c.members}
    return {
        "label": label,
        "seconds": seconds,
        "clusters": len(clusters),
        "in_clusters": len(label),
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def score(label: dict[str, str], pairs: list[Pair]) -> dict[str, Any]:
    """Recall per copy category, false-positive rate per negative category, pair precision."""
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tp = fp = 0
    for p in pairs:
        same = p.a in label and label.get(p.a) == label.get(p.b)
        hits[p.category][0] += same
        hits[p.category][1] += 1
        if same:
            tp += p.is_copy
            fp += not p.is_copy
    recall_all = sum(hits[c][0] for c in hits if c not in ("same-event", "template")) / max(
        1, sum(hits[c][1] for c in hits if c not in ("same-event", "template"))
    )
    return {
        "per_category": {c: (h[0], h[1]) for c, h in sorted(hits.items())},
        "recall": recall_all,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
    }


def library_speed(docs: list[Doc], n: int = 3000) -> list[tuple[str, float]]:
    """docs/s/core of signatures + LSH insert at datatrove's settings (5-grams, 112 perms, 14×8)."""
    import datasketch
    import rensa

    from warta.pipeline.dedup.shingles import tokens

    sample = docs[:n]
    rows: list[tuple[str, float]] = []

    def grams(text: str) -> list[str]:
        w = tokens(text)
        return [" ".join(w[i : i + 5]) for i in range(max(1, len(w) - 4))]

    t0 = time.process_time()
    lsh = datasketch.MinHashLSH(num_perm=112, params=(14, 8))
    for i, d in enumerate(sample):
        m = datasketch.MinHash(num_perm=112, seed=1)
        m.update_batch([g.encode() for g in grams(d.text)])
        lsh.insert(str(i), m)
    rows.append(("datasketch 1.x (MinHash.update_batch + MinHashLSH)", n / (time.process_time() - t0)))

    t0 = time.process_time()
    rlsh = rensa.RMinHashLSH(threshold=0.5, num_perm=112, num_bands=14)
    for i, d in enumerate(sample):
        r = rensa.RMinHash(num_perm=112, seed=1)
        r.update(grams(d.text))
        rlsh.insert(i, r)
    rows.append(("rensa (RMinHash.update + RMinHashLSH)", n / (time.process_time() - t0)))

    cands = [CopyCandidate(id=d.id, text=d.text, outlet=d.outlet) for d in sample]
    t0 = time.process_time()
    find_copies(cands, CONFIGS["datatrove default (5-grams, 14×8, no verification)"])
    rows.append(("warta find_copies at datatrove settings (shingles+rensa+banding+clusters)", n / (time.process_time() - t0)))
    t0 = time.process_time()
    find_copies(cands)
    rows.append(("warta find_copies, default settings (incl. template filter + verification)", n / (time.process_time() - t0)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-speed", action="store_true", help="skip the library speed table")
    args = parser.parse_args()
    docs, pairs = build()
    print(f"copy set: {len(docs):,} documents, {len(pairs):,} labelled pairs")
    ctx = mp.get_context("fork")
    results = {}
    for name in CONFIGS:
        with ctx.Pool(1) as pool:
            results[name] = pool.map(_run, [(name, docs)])[0]
    cats = sorted({p.category for p in pairs})
    print(f"\nMachine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; one core per run.\n")
    print("| configuration | " + " | ".join(cats) + " | recall (copies) | precision (pairs) | docs/s/core | peak RSS MB |")
    print("|---" * (len(cats) + 5) + "|")
    for name, r in results.items():
        s = score(r["label"], pairs)
        cells = []
        for c in cats:
            h, n = s["per_category"][c]
            cells.append(f"{h}/{n} ({h / n:.0%})")
        print(
            f"| {name} | " + " | ".join(cells)
            + f" | {s['recall']:.3f} | {s['precision']:.3f} | {len(docs) / r['seconds']:,.0f} | {r['maxrss_mb']:,.0f} |"
        )
    print("\n(same-event and template columns count pairs wrongly merged: lower is better)")
    if not args.no_speed:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        print("\n| MinHash library, datatrove settings | docs/s/core |\n|---|---|")
        for name, rate in library_speed(docs):
            print(f"| {name} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
