"""One fuzz chunk, run in its own process by :mod:`fuzz.run`: N hypothesis inputs through ``extract``.

Before each call the input is pickled to ``<out>/inflight-<seed>.pkl``, so when this process hangs
in C or dies from a signal, the parent knows the input that did it. Outcomes are counted by error
code; inputs that crash (an exception that is not a plain :class:`~warta.errors.WartaError`, or
a broken invariant) or time out are saved under ``<out>/crashes`` and ``<out>/timeouts``. The
counts are printed as one JSON line at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from fuzz.soup import any_input
from warta.article import Article
from warta.errors import ExtractionFailed, ExtractionTimeout, WartaError
from warta.extract import extract


def check(data: bytes | str, timeout: float) -> tuple[str, str | None]:
    """Run one input; return its outcome and, for a failure, a report to save."""
    try:
        article = extract(data, timeout=timeout)
    except ExtractionTimeout:
        return "timeout", None
    except ExtractionFailed:
        return "crash", traceback.format_exc()
    except WartaError as exc:
        return exc.code, None
    except Exception:
        return "escaped", traceback.format_exc()  # extract let a non-WartaError through
    problems = []
    if article.text != "\n\n".join(p.text for p in article.paragraphs):
        problems.append("text is not the paragraphs joined by a blank line")
    try:
        if Article.from_json(article.to_json()) != article:
            problems.append("JSON round trip changed the article")
    except Exception:
        problems.append("JSON round trip failed:\n" + traceback.format_exc())
    if problems:
        return "invariant", "\n".join(problems)
    return "article", None


def mutations(corpus: list[bytes]) -> st.SearchStrategy[bytes]:
    """Real pages cut, spliced with noise, with a slice repeated or removed."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        page = draw(st.sampled_from(corpus))
        rng = random.Random(draw(st.integers(0, 2**32)))
        for _ in range(rng.randint(1, 4)):
            a, b = sorted(rng.randrange(len(page) + 1) for _ in range(2))
            op = rng.randrange(5)
            if op == 0:
                page = page[:a]
            elif op == 1:
                page = page[:a] + rng.randbytes(rng.randint(1, 32)) + page[a:]
            elif op == 2:
                page = page[:a] + page[b:]
            elif op == 3:
                page = page[:a] + page[a : min(b, a + 200)] * rng.randint(2, 2000) + page[a:]
            else:
                page = page.replace(b"charset=", b"charset=x-" + rng.randbytes(3), 1)
        return page

    return mutate()


def load_corpus(folders: list[Path]) -> list[bytes]:
    """Page bytes (``.html``, ``.html.gz``) from folders that exist."""
    import gzip

    pages = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.htm*")):
                data = path.read_bytes()
                pages.append(gzip.decompress(data) if path.suffix == ".gz" else data)
    return pages


def main(argv: list[str] | None = None) -> int:
    """Run one chunk and print its counts as JSON."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--examples", type=int, default=500)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, action="append", default=[])
    args = ap.parse_args(argv)

    out: Path = args.out
    for sub in ("crashes", "timeouts"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    inflight = out / f"inflight-{args.seed}.pkl"
    counts: Counter[str] = Counter()
    corpus = load_corpus(args.corpus)
    inputs = any_input() if not corpus else st.one_of(any_input(), mutations(corpus))

    def save(kind: str, data: bytes | str, report: str) -> None:
        blob = pickle.dumps(data)
        name = hashlib.sha1(blob).hexdigest()[:16]
        (out / kind / f"{name}.pkl").write_bytes(blob)
        (out / kind / f"{name}.txt").write_text(report, encoding="utf-8", errors="replace")

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def run(data: bytes | str) -> None:
        inflight.write_bytes(pickle.dumps(data))
        start = time.monotonic()
        outcome, report = check(data, args.timeout)
        elapsed = time.monotonic() - start
        counts[outcome] += 1
        counts["inputs"] += 1
        if elapsed > args.timeout * 1.5:
            counts["over-bound"] += 1
            save("timeouts", data, f"took {elapsed:.1f} s (bound {args.timeout} s): {outcome}")
        if outcome == "timeout":
            save("timeouts", data, f"ExtractionTimeout after {elapsed:.1f} s")
        elif report is not None:
            save("crashes", data, report)

    run()
    inflight.unlink(missing_ok=True)
    print(json.dumps(dict(counts)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
