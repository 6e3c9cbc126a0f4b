"""Crash safety: a real ``warta run`` killed with SIGKILL at random moments, then re-run, ends
with the same store as an uninterrupted run (no record lost or doubled)."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from warta.pipeline.run import RunOptions, run
from warta.store.db import open_store
from warta.store.queries import reconciliation, snapshot


def _corpus(tmp_path: Path, make_jsonl, rows) -> list[str]:  # type: ignore[no-untyped-def]
    big = make_jsonl("big.jsonl", [*rows(150), "{bad line", *rows(40, start=150)])
    folder = tmp_path / "texts"
    folder.mkdir()
    for i, r in enumerate(rows(20, start=400)):
        (folder / f"{i:03d}.txt").write_text(r["title"] + "\n\n" + r["text"], encoding="utf-8")
    small = make_jsonl("small.jsonl.gz", rows(30, start=500), gz=True)
    return [str(big), str(folder), str(small)]


TOTAL = 190 + 1 + 20 + 30


def _stored(db: Path) -> int:
    """Records the ledger of a store being written counts (0 while it does not exist yet)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return int(conn.execute("SELECT coalesce(sum(records), 0) FROM inputs").fetchone()[0])
    except sqlite3.Error:
        return 0


def _command(inputs: list[str], db: Path) -> list[str]:
    return [sys.executable, "-m", "warta", "run", *inputs, "--db", str(db), "--quiet", "--workers", "2"]


def test_killed_runs_resume_to_the_same_store(tmp_path: Path, make_jsonl, rows) -> None:  # type: ignore[no-untyped-def]
    inputs = _corpus(tmp_path, make_jsonl, rows)
    reference = tmp_path / "reference.db"
    run(inputs, str(reference), RunOptions(workers=2, progress=False))

    seed = int(time.time())
    rnd = random.Random(seed)
    db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    interrupted = 0
    # Kill once early and once late, at a random share of the records stored (so the kills land
    # mid-run however fast the machine is), plus a random delay of a few milliseconds.
    for low, high in ((0.05, 0.5), (0.5, 0.95)):
        target = int(TOTAL * rnd.uniform(low, high))
        proc = subprocess.Popen(_command(inputs, db), env=env, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and _stored(db) < target:
            time.sleep(0.02)
        time.sleep(rnd.uniform(0, 0.05))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, mid-write or not
            interrupted += 1
        proc.wait()
    assert interrupted, f"the run finished before any kill (seed {seed})"
    done = subprocess.run(_command(inputs, db), env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-2000:]

    with open_store(reference) as a, open_store(db) as b:
        expected, got = snapshot(a.conn), snapshot(b.conn)
        rec = reconciliation(b.conn)
    assert rec.balanced and rec.records == TOTAL
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs (seed {seed})"
