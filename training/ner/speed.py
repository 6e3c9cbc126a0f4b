"""NER throughput on real news: ``python -m training.ner.speed [--n 500]``.

Tags ``n`` CLICK-ID article bodies (the first ones of at least 1,000 characters) in this one
process (one core) with :func:`warta.enrich.entities.find_entities` and prints articles/s.
The model load is timed separately.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from warta.enrich.entities import find_entities
from warta.enrich.ner import load_model

NEWS = Path("/work/shared/data/news/clickid/articles.jsonl.gz")


def main(argv: list[str] | None = None) -> None:
    """Time entity finding over real article bodies."""
    ap = argparse.ArgumentParser(description="Measure NER articles/s on one core.")
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args(argv)
    texts: list[str] = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if len(text) >= 1000:
                texts.append(text)
                if len(texts) >= args.n:
                    break
    t0 = time.perf_counter()
    load_model()
    load_s = time.perf_counter() - t0
    t0 = time.process_time()
    wall = time.perf_counter()
    n_entities = sum(len(find_entities(t, "id")) for t in texts)
    cpu = time.process_time() - t0
    wall = time.perf_counter() - wall
    print(
        f"{len(texts)} articles, median {statistics.median(map(len, texts)):.0f} chars; "
        f"model load {load_s:.2f}s; {len(texts) / cpu:.0f} articles/s per core (CPU time), "
        f"{len(texts) / wall:.0f} wall; {n_entities / len(texts):.1f} entities/article"
    )


if __name__ == "__main__":
    main()
