"""Markdown tables of benchmark scores, and writing them between markers in a docs file."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.scoring import SetScore, metric_name

METRIC_LABEL = {
    "shingle": "ScrapingHub shingle P/R/F1",
    "word": "WCXB word P/R/F1 (per-page means)",
}


def _ratio(value: float, ref: float | None) -> str:
    return f"{value / ref:.2f}×" if ref else "–"


def _errors(errors: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(errors.items())) or "0"


def set_table(set_name: str, scores: Sequence[SetScore], reference: str | None) -> str:
    """One set's table: P, R, F1, pages/s, and ratios against the reference tool."""
    ref = next((s for s in scores if s.tool == reference), None)
    first = scores[0]
    lines = [
        f"**{set_name}** — {METRIC_LABEL[metric_name(set_name)]}, {first.scored} scored pages"
        + (f" ({first.unscored} pages without text gold not scored)" if first.unscored else "")
        + f", {first.pages} pages timed",
        "",
    ]
    head = [
        "tool",
        "P",
        "R",
        "F1",
        f"F1 / {reference}",
        "pages/s",
        "pages/CPU-s",
        f"speed / {reference} (CPU)",
        "empty",
        "errors",
    ]
    snippets = first.snippets is not None
    if snippets:
        head += ["`with` found", "`without` found (lower is better)"]
    if first.unscored_mean_words is not None:
        head += ["no-gold pages: mean words", "no-gold pages: non-empty"]
    lines += ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for s in scores:
        row = [
            s.tool,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"**{s.f1:.3f}**",
            _ratio(s.f1, ref.f1 if ref else None),
            f"{s.pages_per_second:.1f}",
            f"{s.pages_per_cpu_second:.1f}",
            _ratio(s.pages_per_cpu_second, ref.pages_per_cpu_second if ref else None),
            str(s.empty),
            _errors(s.errors),
        ]
        if snippets and s.snippets:
            wf, wt, wof, wot = s.snippets
            row += [
                f"{wf}/{wt} ({wf / wt:.1%})" if wt else "–",
                f"{wof}/{wot} ({wof / wot:.1%})" if wot else "–",
            ]
        if s.unscored_mean_words is not None:
            row += [f"{s.unscored_mean_words:.0f}", f"{s.unscored_nonempty}/{s.unscored}"]
        lines.append("| " + " | ".join(row) + " |")
    types = sorted({k for s in scores for k in s.by_type})
    if types:
        lines += [
            "",
            f"{set_name}, word F1 by page type:",
            "",
            "| tool | " + " | ".join(types) + " |",
            "|---|" + "|".join("---" for _ in types) + "|",
        ]
        for s in scores:
            lines.append(
                f"| {s.tool} | "
                + " | ".join(f"{s.by_type[t]:.3f}" if t in s.by_type else "–" for t in types)
                + " |"
            )
    return "\n".join(lines)


def tools_legend(calls: dict[str, str]) -> str:
    """Each tool's exact call, as a markdown list."""
    return "\n".join(f"- `{name}`: `{call}`" for name, call in calls.items())


def write_between(path: Path, name: str, content: str, *, heading: str = "## Extraction") -> None:
    """Put ``content`` between ``<!-- name:start -->`` and ``<!-- name:end -->`` in ``path``.

    Creates the file, or appends the markers under a new ``heading`` section, when they are missing;
    everything outside the markers is left as it is.
    """
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{content.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def dump_raw(path: Path, info: dict[str, Any], scores: Sequence[SetScore]) -> None:
    """Write the machine info and every tool's per-page numbers as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": info, "tools": [asdict(s) for s in scores]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
