"""Explorer performance: search and article latency under load, on a store of ≥ 100,000 articles.

1. Builds (once; reused after) a store synthesised from real articles: CLICK-ID's 25,614 Indonesian
   articles (``../shared/data/news/clickid/articles.jsonl.gz``), each written ``--copies`` times
   with a new id, URL, outlet variant and date shift. Rows go through the store's own writer
   (:meth:`warta.store.db.Store.write`, stemmed index text from :mod:`warta.store.tokens`) and
   its corpus stage; the copies of one source article form one copy cluster and one story, so the
   store has the shape a real syndicated corpus has.
2. Starts ``warta serve`` on a free loopback port in a child process.
3. Loads each endpoint three ways with wrk, each bounded in time (``--seconds``): one
   connection alone (the service time), ``--clients`` concurrent wrk connections with a think time
   (people using it), and the same back to back (capacity). ``apt-get install wrk``. Search
   queries are drawn from the corpus's own title words (one word, two words, a phrase, an OR), so
   the server's caches see a realistic spread rather than one hot query.

Prints (and with ``--out`` writes between markers in docs/benchmarks.md) p50/p95/p99 latency and
requests/s per endpoint, with the machine's description.

    python -m benchmarks.serve --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "clickid" / "articles.jsonl.gz"
DEFAULT_STORE = Path(os.environ.get("TMPDIR", "/tmp")) / "warta-bench" / "serve-store.db"
START, END = "<!-- serve:start -->", "<!-- serve:end -->"
_PARA = re.compile(r",(?=[A-Z\"“])")


def _sources(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("title") and len(row.get("text") or "") > 200:
                yield row


def build_store(source: Path, db: Path, copies: int, batch: int = 2000) -> int:
    """Write the synthetic store; return its article count."""
    from warta.article import Article, DateValue, Language, Paragraph, join_paragraphs
    from warta.pipeline.corpus import run_corpus_stage
    from warta.pipeline.dedup import CopyCluster, text_fingerprint
    from warta.pipeline.stories import Story
    from warta.store.db import open_store
    from warta.store.rows import ArticleRow
    from warta.store.tokens import index_text

    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    tmp_input = "bench:clickid"
    clusters: list[Any] = []
    stories: list[Any] = []
    n = 0
    started = time.perf_counter()
    with open_store(db) as store:
        store.input_state(tmp_input, kind="jsonl", size=None)
        rows: list[Any] = []
        for i, src in enumerate(_sources(source)):
            # CLICK-ID bodies are scraper output whose paragraph breaks became commas.
            paragraphs = [Paragraph(p.strip()) for p in _PARA.split(src["text"]) if p.strip()]
            text = join_paragraphs(paragraphs)
            title_index, text_index = index_text(src["title"], "id"), index_text(text, "id")
            try:
                day0 = date.fromisoformat(src["published"][:10])
            except (KeyError, TypeError, ValueError):
                day0 = date(2019, 1, 1)
            members, outlets, times = [], [], []
            for c in range(copies):
                day = day0 + timedelta(days=c * 3 + (i % 2))
                outlet = src["outlet"] if c == 0 else f"{src['outlet'].split('.')[0]}-{c}.example"
                key = f"{src['id']}#{c}"
                published = f"{day.isoformat()}T{8 + c:02d}:00:00+07:00"
                article = Article(
                    title=src["title"], paragraphs=paragraphs, text=text, url=f"https://{outlet}/{key}",
                    published=DateValue(published, "given"),
                    language=Language(declared="id", detected="id", score=0.99),
                )
                rows.append(ArticleRow(
                    key=key, record_id=key, input=tmp_input, article=article, url_norm=f"{outlet}/{key}",
                    outlet=outlet, day=day.isoformat(), lead=text[:400], word_count=len(text.split()),
                    text_hash=text_fingerprint(text), title_index=title_index, text_index=text_index,
                ))
                members.append(key)
                outlets.append(outlet)
                times.append(published)
            if copies > 1:
                clusters.append(CopyCluster(
                    id=f"copy:{src['id']}", members=sorted(members), original_id=members[0],
                    original_outlet=outlets[0], evidence="earliest",
                    similarity={k: (1.0 if j == 0 else 0.95) for j, k in enumerate(members)},
                ))
            stories.append(Story(id=f"story:{src['id']}", members=members, outlets=sorted(set(outlets)),
                                 outlet_count=len(set(outlets)), first=min(times), last=max(times),
                                 label=src["title"]))
            if len(rows) >= batch:
                store.write(rows)
                n += len(rows)
                rows = []
                print(f"  {n:,} articles written ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        store.write(rows, finished_inputs=[tmp_input])
        n += len(rows)
        print(f"  corpus stage: {len(clusters):,} copy clusters, {len(stories):,} stories", file=sys.stderr)
        run_corpus_stage(store, copies=lambda _c: clusters, stories=lambda _c: stories)
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built {db} with {n:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return n


def query_mix(db: Path, n: int, seed: int) -> list[str]:
    """Search texts built from title words of the store: words, pairs, phrases and ORs."""
    import sqlite3

    from warta.page.phrases import phrase_set

    stop = phrase_set("stopwords_id.txt") | phrase_set("stopwords_en.txt")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    titles = [r[0] for r in conn.execute("SELECT title FROM articles WHERE title IS NOT NULL ORDER BY random() LIMIT 5000")]
    conn.close()
    rng = random.Random(seed)
    queries = []
    for _ in range(n):
        ws = [w for w in re.findall(r"[A-Za-z]{4,}", rng.choice(titles)) if w.lower() not in stop]
        if len(ws) < 2:
            continue
        kind = rng.random()
        if kind < 0.4:
            queries.append(ws[0])
        elif kind < 0.7:
            queries.append(f"{ws[0]} {ws[1]}")
        elif kind < 0.85:
            queries.append(f'"{ws[0]} {ws[1]}"')
        else:
            queries.append(f"{ws[0]} OR {ws[-1]}")
    return queries


WRK_SCRIPT = """
local paths = {}
local counter = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  counter = math.random(#paths)
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
local think = tonumber(os.getenv("WARTA_THINK_MS") or "0")
function delay()
  if think > 0 then return math.random(0, 2 * think) end
  return 0
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "us": %d, "p50": %d, "p95": %d, "p99": %d, "mean": %f, "errors": %d, "non2xx": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def wrk_load(base: str, paths: list[str], clients: int, seconds: float, think: float) -> dict[str, Any]:
    """``clients`` concurrent keep-alive connections from wrk (2 threads) for ``seconds``,
    cycling through ``paths``; with ``think`` > 0 each connection pauses a random 0…2×think s
    between requests. wrk stops by itself when the time is up."""
    import tempfile

    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    with tempfile.TemporaryDirectory() as tmp:
        script, listing = Path(tmp) / "paths.lua", Path(tmp) / "paths.txt"
        script.write_text(WRK_SCRIPT)
        listing.write_text("\n".join(paths) + "\n")
        env = {**os.environ, "WARTA_THINK_MS": str(int(think * 1000))}
        cmd = ["wrk", "-t", str(min(2, clients)), "-c", str(clients), "-d", f"{int(seconds)}s", "--timeout", "30s",
               "-s", str(script), base + "/", "--", str(listing)]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 60).stdout
    line = next((ln for ln in out.splitlines() if ln.startswith("WRK ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no summary: {out[-500:]}")
    r = json.loads(line[4:])
    secs = r["us"] / 1e6
    return {"requests": r["requests"], "seconds": round(secs, 2), "rps": round(r["requests"] / secs, 1),
            "p50_ms": round(r["p50"] / 1000, 1), "p95_ms": round(r["p95"] / 1000, 1),
            "p99_ms": round(r["p99"] / 1000, 1), "mean_ms": round(r["mean"] / 1000, 1),
            "statuses": {"errors": r["errors"], "non-2xx": r["non2xx"]}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(db: Path, workers: int) -> Iterator[str]:
    """``warta serve`` in a child process on a free loopback port."""
    import httpx

    port = free_port()
    cmd = [sys.executable, "-m", "warta", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/totals", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"warta serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Build (or reuse) the store, serve it, load it; return the figures."""
    import sqlite3
    from urllib.parse import urlencode

    db = Path(args.store)
    if args.rebuild or not db.exists():
        build_store(Path(args.source), db, args.copies)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 5000")]
    conn.close()
    queries = query_mix(db, 2000, args.seed)
    rng = random.Random(args.seed)
    endpoints = {
        "search": [f"/api/search?{urlencode({'q': q})}" for q in queries],
        "article": [f"/api/articles/{rng.choice(ids)}" for _ in range(2000)],
        "counts": [f"/api/counts?{urlencode({'q': q})}" for q in queries],
    }
    results: dict[str, Any] = {"articles": articles, "clients": args.clients, "workers": args.workers,
                               "queries": len(set(queries)), "endpoints": {}}
    results["think"] = args.think
    with serving(db, args.workers) as base:
        wrk_load(base, endpoints["search"][-200:], 4, 5, 0.0)  # warm-up, with other queries
        for name, paths in endpoints.items():
            if args.only and name not in args.only:
                continue
            runs = {
                "1 client": lambda p=paths: wrk_load(base, p, 1, args.seconds, 0.0),
                f"{args.clients} interactive": lambda p=paths: wrk_load(base, p, args.clients, args.seconds, args.think),
                f"{args.clients} saturation": lambda p=paths: wrk_load(base, p, args.clients, args.seconds, 0.0),
            }
            for mode, go in runs.items():
                if "interactive" in mode and args.think == 0.0:
                    continue
                got = go()
                results["endpoints"][f"{name} ({mode})"] = got
                print(name, mode, got, file=sys.stderr)
    from benchmarks.machine import machine_info

    results["machine"] = machine_info(None)
    return results


def report(results: dict[str, Any], command: str) -> str:
    """The markdown table of the results."""
    m = results["machine"]
    lines = [
        f"Store: {results['articles']:,} articles synthesised from CLICK-ID; {results['queries']:,} distinct "
        f"search queries from its titles. Server: `warta serve`, {results['workers']} uvicorn worker(s). "
        "Load from wrk on loopback, on the same machine: *1 client* is one connection sending one "
        f"request at a time (the service time); *{results['clients']} interactive* is wrk with {results['clients']} concurrent "
        f"keep-alive connections, each pausing 0–{2 * results['think']:g} s between requests as people "
        f"reading the answers do; *{results['clients']} saturation* is wrk with {results['clients']} "
        "connections sending back to back (the server's capacity; latency is then mostly queueing). "
        "Paths cycle through the query mix; each run is bounded in time and stops by itself.",
        "",
        "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | statuses |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in results["endpoints"].items():
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses"].items()))
        lines.append(f"| `{name}` | {r['requests']:,} | {r['rps']:,} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {statuses} |")
    lines += [
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, load average {m['load_average_1m']} at the start "
        f"(shared with other jobs), Python {m['python']}, {m['date']}, warta {m['warta_revision']}.",
        f"Command: `{command}`",
    ]
    return "\n".join(lines)


def write_between_markers(path: Path, text: str) -> None:
    """Replace the text between the serve markers of ``path`` (appending a section if absent)."""
    doc = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{START}\n{text}\n{END}"
    if START in doc and END in doc:
        head, rest = doc.split(START, 1)
        doc = head + block + rest.split(END, 1)[1]
    else:
        doc = doc.rstrip() + "\n\n## Explorer (`warta serve`)\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--source", default=str(DEFAULT_SOURCE), help="CLICK-ID articles.jsonl.gz")
    p.add_argument("--store", default=str(DEFAULT_STORE), help="where to build (and reuse) the store")
    p.add_argument("--copies", type=int, default=4, help="copies of each source article (4 → ≥ 100k)")
    p.add_argument("--rebuild", action="store_true", help="build the store even if it exists")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconds", type=float, default=30.0, help="seconds per run (bound)")
    p.add_argument("--workers", type=int, default=1, help="uvicorn workers")
    p.add_argument("--think", type=float, default=0.5,
                   help="mean seconds between a client's requests in the interactive run (0: skip it)")
    p.add_argument("--only", nargs="*", help="endpoints to run: search article counts")
    p.add_argument("--seed", type=int, default=20240619)
    p.add_argument("--out", help="markdown file to update between the serve markers")
    args = p.parse_args(argv)
    results = run(args)
    command = "python -m benchmarks.serve " + " ".join(a for a in (argv or sys.argv[1:]))
    text = report(results, command.strip())
    print(text)
    if args.out:
        write_between_markers(Path(args.out), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
