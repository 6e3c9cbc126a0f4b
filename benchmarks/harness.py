"""The shared command line and main loop of the extraction and text-mode benchmarks.

For each set: load its pages, turn them into the mode's inputs, run every tool over all of them in
turn (same process, one core, warm-up first), score, print the set's table, and save the per-page
numbers under ``bench-out/<mode>/<set>.json``. At the end, optionally write the whole report between
the mode's markers in a docs file.
"""

from __future__ import annotations

import argparse
import itertools
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from benchmarks import data
from benchmarks.machine import machine_info, machine_markdown
from benchmarks.report import dump_raw, set_table, tools_legend, write_between
from benchmarks.runner import (
    DEFAULT_BOUND,
    TURN_PAGES,
    Tool,
    ToolUnavailable,
    check_runs,
    pin_to_one_core,
    run_tools,
)
from benchmarks.scoring import SetScore, score_set

T = TypeVar("T")


def parser(
    prog: str, description: str, tools: Sequence[str], default_tools: Sequence[str]
) -> argparse.ArgumentParser:
    """The options both benchmarks take."""
    p = argparse.ArgumentParser(prog=prog, description=description)
    p.add_argument(
        "--sets", nargs="+", default=list(data.SETS), choices=data.SETS, help="benchmark sets"
    )
    p.add_argument(
        "--tools", nargs="+", default=list(default_tools), choices=list(tools), help="tools to run"
    )
    p.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    p.add_argument("--out", type=Path, default=None, help="docs file to write the tables into")
    p.add_argument(
        "--raw-dir", type=Path, default=Path("bench-out"), help="where per-page JSON goes"
    )
    p.add_argument(
        "--cpu", type=int, default=None, help="CPU to pin to (default: the last allowed)"
    )
    p.add_argument(
        "--bound",
        type=float,
        default=DEFAULT_BOUND,
        help="seconds per call before it counts as empty",
    )
    p.add_argument(
        "--bench-root", type=Path, default=data.BENCH_ROOT, help="folder of the benchmark sets"
    )
    p.add_argument(
        "--turn",
        type=int,
        default=TURN_PAGES,
        help="pages each tool reads before the next tool's turn (1: switch at every page)",
    )
    return p


def command_line(module: str, argv: Sequence[str] | None) -> str:
    """The command as it was typed, for the report."""
    args = list(sys.argv[1:] if argv is None else argv)
    return " ".join(["python", "-m", module, *map(shlex.quote, args)])


def run(
    *,
    mode: str,
    module: str,
    args: argparse.Namespace,
    argv: Sequence[str] | None,
    registry: dict[str, Tool[T]],
    make_inputs: Callable[[str, list[data.Page]], list[T]],
    reference: str | None,
    intro: str,
    notes: dict[str, str] | None = None,
) -> str:
    """Run the benchmark the parsed ``args`` describe; return the report's markdown.

    ``notes``: text printed under a set's table (e.g. that warta's row on the set its model was
    trained on is in-sample, and the cross-validated figure)."""
    cpu = pin_to_one_core(args.cpu)
    info = machine_info(cpu)
    command = command_line(module, argv)
    tools = [registry[name] for name in args.tools]

    def progress(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    sections = []
    for set_name in args.sets:
        pages = list(itertools.islice(data.load(set_name, root=args.bench_root), args.limit))
        if not pages:
            continue
        progress(f"{set_name}: {len(pages)} pages")
        inputs = make_inputs(set_name, pages)
        for tool in tools:
            check_runs(tool, inputs[0])
        scores: list[SetScore] = []
        calls = run_tools(
            tools, inputs, bound=args.bound, turn_pages=args.turn, progress=progress
        )
        for tool in tools:
            scores.append(score_set(set_name, tool.name, pages, calls[tool.name]))
            progress(
                f"  {tool.name}: F1 {scores[-1].f1:.3f}, {scores[-1].pages_per_second:.1f} pages/s"
            )
        table = set_table(set_name, scores, reference if reference in args.tools else None)
        if notes and set_name in notes and "warta" in args.tools:
            table += "\n\n" + notes[set_name].strip()
        print(table + "\n", flush=True)
        sections.append(table)
        dump_raw(args.raw_dir / mode / f"{set_name}.json", {**info, "command": command}, scores)
    limited = (
        f"\n\n**Only the first {args.limit} pages of each set** (a development run)."
        if args.limit
        else ""
    )
    report = "\n\n".join(
        [
            intro.strip() + limited,
            machine_markdown(info, command),
            "Tools, with the exact call each one makes:\n\n"
            + tools_legend({t.name: t.call for t in tools}),
            *sections,
        ]
    )
    if args.out:
        write_between(args.out, mode, report)
        progress(f"wrote the {mode} tables into {args.out}")
    return report


def main(
    argv: Sequence[str] | None,
    *,
    mode: str,
    description: str,
    registry: dict[str, Tool[T]],
    default_tools: Sequence[str],
    make_inputs: Callable[[str, list[data.Page]], list[T]],
    reference: str | None,
    intro: str,
    notes: dict[str, str] | None = None,
) -> int:
    """A benchmark's command line (``python -m benchmarks.<mode>``): parse ``argv``, :func:`run`,
    and exit 2 when a tool cannot run at all."""
    module = f"benchmarks.{mode}"
    args = parser(f"python -m {module}", description, list(registry), default_tools).parse_args(argv)
    try:
        run(
            mode=mode,
            module=module,
            args=args,
            argv=argv,
            registry=registry,
            make_inputs=make_inputs,
            reference=reference,
            intro=intro,
            notes=notes,
        )
    except ToolUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
