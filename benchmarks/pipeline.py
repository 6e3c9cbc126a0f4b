"""End-to-end pipeline benchmark: ``warta run`` on a WARC of ≥ 20,000 HTML pages.

The WARC is built (once, in ``bench-out/``) from every page of ``../shared/bench`` (scrapinghub,
wcxb-dev, mozilla-readability, id-news-dev: 1,846 pages), repeated with distinct target URIs on
distinct mirror hosts until it holds ``--pages`` response records. The run is a real
``python -m warta run`` subprocess with a fresh store; peak memory is the largest resident set of
the run and of any of its workers (``getrusage``), pages/s/core is records ÷ (seconds of the
per-record stage × workers), and pages per CPU-second divides by the CPU time of the run and its
workers (robust on a shared machine). The corpus stage (exact duplicates, copies, stories) is timed apart.

    python -m benchmarks.pipeline                   # 20,000 pages, all cores
    python -m benchmarks.pipeline --pages 2000 --workers 1
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
import uuid
from pathlib import Path

from benchmarks.data import SETS, load
from warta.pipeline.readers.warc import warc_response

OUT = Path(__file__).resolve().parents[1] / "bench-out"


def build_warc(path: Path, pages: int) -> int:
    """Write a WARC.gz of ``pages`` response records (one gzip member each); return the count."""
    source = [(name, page) for name in SETS for page in load(name)]
    if not source:
        raise SystemExit("no benchmark pages found (set WARTA_BENCH to ../shared/bench)")
    tmp = path.with_suffix(".partial")
    n = 0
    with open(tmp, "wb") as fh:
        while n < pages:
            mirror = n // len(source)
            for name, page in source:
                if n >= pages:
                    break
                uri = f"https://mirror{mirror}.example/{name}/{page.id}"
                rid = str(uuid.UUID(int=n))
                fh.write(gzip.compress(warc_response(uri, page.html, record_id=rid), 6))
                n += 1
    tmp.replace(path)
    return n


def run_once(warc: Path, db: Path, workers: int, engine: str) -> dict[str, object]:
    """Run ``warta run`` on the WARC into a fresh store; return timings and counts."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "warta", "run", str(warc), "--db", str(db), "--quiet",
           "--workers", str(workers), "--engine", engine]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr[-3000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb = after.ru_maxrss
    # CPU seconds of the run and all its workers: pages per CPU-second is the per-core rate even
    # on a machine shared with other jobs, where wall-clock rates understate it.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stats = json.loads(subprocess.run(
        [sys.executable, "-m", "warta", "stats", "--db", str(db), "--json"],
        capture_output=True, text=True).stdout)
    import sqlite3

    with sqlite3.connect(db) as conn:
        summary = json.loads(conn.execute("SELECT summary FROM runs ORDER BY id DESC").fetchone()[0])
    seconds = summary["seconds_records"]
    records = stats["records"]
    return {
        "engine": engine,
        "workers": workers,
        "records": records,
        "articles": stats["articles"],
        "duplicates": stats["duplicates"],
        "rejects": stats["rejects"],
        "rejects_by_reason": stats["rejects_by_reason"],
        "seconds_wall": round(wall, 1),
        "seconds_records": seconds,
        "seconds_corpus": summary["seconds_corpus"],
        "pages_per_s": round(records / seconds, 1),
        "pages_per_s_per_core": round(records / seconds / workers, 1),
        "cpu_seconds": round(cpu, 1),
        "pages_per_cpu_second": round(records / cpu, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "store_mb": round(db.stat().st_size / 2**20, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Build the WARC if needed, run, print a Markdown table row and write bench-out/pipeline.json."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=int, default=20_000)
    p.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    p.add_argument("--engine", default="local", choices=("local", "ray"))
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    warc = OUT / f"pipeline-{args.pages}.warc.gz"
    if not warc.exists():
        t = time.perf_counter()
        build_warc(warc, args.pages)
        print(f"built {warc} ({warc.stat().st_size / 2**20:.0f} MB) in {time.perf_counter() - t:.0f} s")
    result = run_once(warc, OUT / "pipeline.db", args.workers, args.engine)
    result["warc"] = warc.name
    (OUT / "pipeline.json").write_text(json.dumps(result, indent=2) + "\n")
    print("| pages | engine | workers | pages/s (wall) | pages/s/core (wall) | pages per CPU-s "
          "| per-record s | corpus s | peak RSS MB | store MB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {result['records']:,} | {result['engine']} | {result['workers']} | {result['pages_per_s']} "
          f"| {result['pages_per_s_per_core']} | {result['pages_per_cpu_second']} "
          f"| {result['seconds_records']} | {result['seconds_corpus']} "
          f"| {result['peak_rss_mb']} | {result['store_mb']} |")
    print(f"articles {result['articles']:,}, duplicates {result['duplicates']:,}, rejects {result['rejects']:,} "
          f"{result['rejects_by_reason']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
