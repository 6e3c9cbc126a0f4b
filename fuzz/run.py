"""Fuzz ``warta.extract`` for a while: hypothesis at volume, one subprocess per chunk.

Usage::

    python -m fuzz.run --seconds 300                  # about 5 minutes
    python -m fuzz.run --seconds 60 --corpus DIR      # also mutate real pages from DIR
    python -m fuzz.run --replay fuzz-out/crashes/ab12.pkl   # re-run one saved input, traceback

Each chunk runs ``python -m fuzz.worker`` with a fresh seed on ``--examples`` inputs (tag soup,
encoded soup, scraped text, raw bytes, and mutations of the ``--corpus`` pages). The parent
watches it: a chunk whose current input makes no progress for ``--hard-limit`` seconds has
escaped the time bound (a hang in C, which SIGALRM cannot interrupt) and is killed; a chunk that
dies from a signal crashed the process. Either way the input it was on is saved. Counts are
summed and printed at the end; the exit status is 1 when anything crashed, hung, escaped the
bound or broke an invariant.

Outcomes: ``article``; an error code (``no-content``, ``empty-input``, ``binary-input``, ...:
typed errors, fine); ``timeout`` (an ExtractionTimeout: bounded, but each is saved for a look);
``crash`` (ExtractionFailed: a bug in a step), ``escaped`` (a non-WartaError out of extract),
``invariant`` (text or JSON round trip broken), ``hang`` (killed by the watchdog), ``died``
(the process died from a signal), ``over-bound`` (took over 1.5 times the bound).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

BAD = ("crash", "escaped", "invariant", "hang", "died", "over-bound")
DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "bad",
    Path(__file__).resolve().parents[2] / "shared" / "bench" / "id-news-dev" / "pages",
)


def run_chunk(
    seed: int, args: argparse.Namespace, corpus: list[Path]
) -> tuple[Counter[str], str]:
    """Run one worker; return its counts and a note about how it ended."""
    out: Path = args.out
    cmd = [
        sys.executable, "-m", "fuzz.worker", "--seed", str(seed), "--examples",
        str(args.examples), "--timeout", str(args.timeout), "--out", str(out),
    ]  # fmt: skip
    for folder in corpus:
        cmd += ["--corpus", str(folder)]
    inflight = out / f"inflight-{seed}.pkl"
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    last_change, last_mtime = time.monotonic(), 0.0
    while proc.poll() is None:
        time.sleep(0.25)
        mtime = inflight.stat().st_mtime if inflight.exists() else 0.0
        if mtime != last_mtime:
            last_mtime, last_change = mtime, time.monotonic()
        elif time.monotonic() - last_change > args.hard_limit:
            proc.kill()
            proc.wait()
            _keep(inflight, out / "hangs", seed)
            return Counter(hang=1), f"seed {seed}: hang, input saved"
    stdout = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        _keep(inflight, out / "died", seed)
        return Counter(died=1), f"seed {seed}: worker exited {proc.returncode}"
    lines = [ln for ln in stdout.splitlines() if ln.startswith("{")]
    return Counter(json.loads(lines[-1]) if lines else {}), f"seed {seed}: ok"


def _keep(inflight: Path, folder: Path, seed: int) -> None:
    if inflight.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.move(str(inflight), folder / f"seed-{seed}.pkl")


def replay(path: Path, timeout: float) -> int:
    """Run one saved input in this process and print what happens."""
    from warta.extract import extract

    data = pickle.loads(path.read_bytes())
    print(f"input: {type(data).__name__}, {len(data):,} long, starts {data[:120]!r}")
    start = time.monotonic()
    try:
        article = extract(data, timeout=timeout)
    except Exception:
        traceback.print_exc()
        print(f"after {time.monotonic() - start:.2f} s")
        return 1
    print(f"article after {time.monotonic() - start:.2f} s: {article.title!r}, "
          f"{len(article.paragraphs)} paragraphs, warnings {article.warnings}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Fuzz until the time is up; print the counts."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seconds", type=float, default=300, help="how long to fuzz (300)")
    ap.add_argument("--examples", type=int, default=400, help="inputs per chunk (400)")
    ap.add_argument("--timeout", type=float, default=10.0, help="extract's bound (10)")
    ap.add_argument("--hard-limit", type=float, default=30.0,
                    help="seconds one input may take before the chunk is killed (30)")
    ap.add_argument("--seed", type=int, default=None, help="first chunk's seed (random)")
    ap.add_argument("--out", type=Path, default=Path("fuzz-out"), help="where inputs go")
    ap.add_argument("--corpus", type=Path, action="append", default=None,
                    help="a folder of pages to mutate (default: tests/fixtures/bad and, when "
                    "present, ../shared/bench/id-news-dev/pages)")
    ap.add_argument("--replay", type=Path, default=None, help="re-run one saved .pkl input")
    args = ap.parse_args(argv)
    if args.replay:
        return replay(args.replay, args.timeout)

    args.out.mkdir(parents=True, exist_ok=True)
    args.out = args.out.resolve()
    corpus = [p.resolve() for p in (args.corpus or DEFAULT_CORPUS) if p.is_dir()]
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    totals: Counter[str] = Counter()
    chunks = 0
    start = time.monotonic()
    while time.monotonic() - start < args.seconds:
        counts, note = run_chunk(seed, args, corpus)
        totals.update(counts)
        chunks += 1
        print(f"[{time.monotonic() - start:6.0f} s] {note}: {dict(counts)}", flush=True)
        seed += 1
    elapsed = time.monotonic() - start
    print(f"\n{chunks} chunks, {totals['inputs']:,} inputs in {elapsed:.0f} s")
    for key, value in sorted(totals.items()):
        print(f"  {key:16} {value:,}")
    bad = {k: totals[k] for k in BAD if totals[k]}
    print(f"bad outcomes: {bad or 'none'}; saved inputs under {args.out}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
