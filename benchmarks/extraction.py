"""HTML-mode extraction benchmark: warta and its peers on the same pages, one core, one run.

Run from the repo root::

    python -m benchmarks.extraction                       # all sets, default tools, tables to stdout
    python -m benchmarks.extraction --out docs/benchmarks.md
    python -m benchmarks.extraction --sets scrapinghub --tools warta trafilatura --limit 30

Each tool gets the page's raw bytes (see :mod:`benchmarks.tools` for the exact calls); its time
includes decoding. Per-page numbers go to ``bench-out/extraction/<set>.json``.
"""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks import harness
from benchmarks.data import Page
from benchmarks.tools import DEFAULT_HTML_TOOLS, HTML_TOOLS, REFERENCE_TOOL

INTRO = """
HTML mode: every tool reads the page's raw bytes (resiliparse, which takes a str, decodes them with
its own detector inside the timed call) and returns its main text. All tools run in one process
pinned to one core, side by side in turns of 20 pages (every tool reads pages 1–20, then every
tool pages 21–40, the tools' order turning each time, so that a shared machine's changing load
falls on all of them alike); each is warmed up on the first 3 pages (untimed), then every call is timed, wall clock (`time.perf_counter`) and CPU (`time.process_time`).
pages/s = pages / the sum of wall times; pages/CPU-s the same with CPU time, which other work on a
shared machine moves less, so the speed ratio uses it. A call that raises or runs past the time
bound counts as empty output (column *errors*; *empty* counts every page with no output). Ratios
are against trafilatura with comments off, the setting of the scrapinghub README's 0.960.
"""


def _pages(set_name: str, pages: list[Page]) -> list[Page]:
    return pages


NOTES = {
    "wcxb-dev": """**warta's wcxb-dev row is in-sample**: the shipped block classifier was trained on all of
wcxb-dev, so this row flatters it. The honest wcxb-dev figure is the 5-fold cross-validation of
`python -m training.train_blocks --cv-only` (train on four folds, score the fifth): word F1
**0.828** (P 0.835, R 0.865) against trafilatura's 0.823; by type article 0.943, documentation
0.927, service 0.824, product 0.640, forum 0.625, listing 0.582, collection 0.577. The page-type
table above is in-sample for warta too."""
}
"""Notes printed under a set's table."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the HTML-mode benchmark; see ``--help``."""
    return harness.main(
        argv,
        mode="extraction",
        description="warta and its peers on the extraction benchmarks (HTML mode)",
        registry=HTML_TOOLS,
        default_tools=DEFAULT_HTML_TOOLS,
        make_inputs=_pages,
        reference=REFERENCE_TOOL,
        intro=INTRO,
        notes=NOTES,
    )


if __name__ == "__main__":
    raise SystemExit(main())
