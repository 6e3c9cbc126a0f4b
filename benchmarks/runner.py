"""Run extraction tools over pages on one core, side by side, with a time bound a call.

Every tool is a plain function from one input (a :class:`~benchmarks.data.Page` in HTML mode, a
:class:`TextInput` in text mode) to the text it keeps. :func:`run_tools` warms every tool up on the
first few inputs (untimed), then times each call with :func:`time.perf_counter` and
:func:`time.process_time`, in turns of :data:`TURN_PAGES` pages: every tool reads pages 1–20, then
every tool pages 21–40, and so on, the order of the tools turning each time. On a shared machine
whose load changes over a run of minutes, each tool then meets the same load, and the ratio of two
tools' speeds does not depend on which one happened to run while another job was busy (run one
tool after the other, the same code measured 1.7× to 2.3× trafilatura's speed on back-to-back
runs). Turns of several pages rather than one: switching tools at every page evicts each tool's
working set (its models, compiled patterns, caches) from the CPU caches before every call, which
no real run of one tool over many pages does (on scrapinghub, warta and trafilatura alone:
switching at every page took 6 % and 4 % more time a page than turns of 20). A call that raises gives
``""`` and its error's name; a call that runs past the bound is interrupted by ``SIGALRM`` (at the next
Python bytecode: C code such as lxml cannot be interrupted mid-call) and counts as empty.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_BOUND = 30.0
"""Seconds one call may take before it is cut off and counted as empty."""

WARMUP_PAGES = 3

TURN_PAGES = 20
"""Pages each tool reads in one turn of :func:`run_tools`."""


class CallTimeout(Exception):
    """One tool call ran past its time bound."""


class ToolUnavailable(Exception):
    """A tool cannot run at all (its package, or a module of it, does not import)."""


@dataclass(frozen=True)
class Tool(Generic[T]):
    """A benchmarked tool: its name in the tables, the exact call it makes, and the call."""

    name: str
    call: str
    """The exact call, for the docs (e.g. ``trafilatura.extract(html_bytes, include_comments=False)``)."""
    fn: Callable[[T], str]
    setup: Callable[[], None] | None = None
    """Run once, untimed, before the warm-up pages: loads what the tool builds lazily once per
    process (language models, classifiers), so that start-up cost is not spread over the timed
    pages. A corpus run pays it once; the timed pages measure the per-page cost."""


@dataclass(frozen=True)
class TextInput:
    """One text-mode input: the whole visible text of a page, and what a cleaner may know of it."""

    id: str
    text: str
    lang: str | None = None
    url: str | None = None


@dataclass
class Call:
    """The outcome of one timed call."""

    text: str
    seconds: float
    """Wall-clock seconds (``time.perf_counter``)."""
    error: str | None = None
    detail: str | None = None
    """The error's message (cut to 300 characters), for the per-page dump."""
    cpu_seconds: float | None = None
    """CPU seconds of this process (``time.process_time``): less moved by other work on a shared
    machine than wall time. None where not measured."""


def pin_to_one_core(cpu: int | None = None) -> int | None:
    """Pin this process to one CPU (the last allowed one unless ``cpu`` is given); return it.

    Returns None where the platform cannot pin (then timings are on however many cores the OS uses).
    """
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu is not None else allowed[-1]
    os.sched_setaffinity(0, {chosen})
    return chosen


@contextmanager
def time_bound(seconds: float | None) -> Iterator[None]:
    """Raise :class:`CallTimeout` inside the block once it has run ``seconds`` (main thread only)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise CallTimeout(f"call took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed_call(fn: Callable[[T], str], item: T, bound: float | None) -> Call:
    """Call ``fn(item)`` under the time bound; an exception or a timeout gives empty text."""
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        with time_bound(bound):
            text = fn(item)
        error = detail = None
    except CallTimeout:
        text, error, detail = "", "timeout", None
    except Exception as exc:  # a peer's crash is a result to count, not a bench crash
        text, error, detail = "", type(exc).__name__, str(exc)[:300]
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    return Call(
        text=text or "", seconds=seconds, error=error, detail=detail, cpu_seconds=cpu_seconds
    )


def _missing_piece(exc: BaseException | None) -> BaseException | None:
    """The ImportError or FileNotFoundError in an exception's chain of causes, if any."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, ImportError | FileNotFoundError):
            return exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def check_runs(tool: Tool[T], item: T) -> None:
    """Call ``tool`` once on ``item``; raise :class:`ToolUnavailable` if a module or file is missing.

    Without this check, a tool whose install is broken (a module that does not import, a model
    file not there) would "score" 0 on every page, and a run of many minutes would be wasted on a
    table that looks like a result. Any other failure on this one page is a result, counted in the
    timed run.
    """
    try:
        with time_bound(DEFAULT_BOUND):
            tool.fn(item)
    except Exception as exc:
        missing = _missing_piece(exc)
        if missing is not None:
            raise ToolUnavailable(
                f"{tool.name} cannot run: {type(missing).__name__}: {missing}"
            ) from exc


def run_tools(
    tools: Sequence[Tool[T]],
    items: Sequence[T],
    *,
    bound: float | None = DEFAULT_BOUND,
    warmup: int = WARMUP_PAGES,
    turn_pages: int = TURN_PAGES,
    progress: Callable[[str], None] | None = None,
) -> dict[str, list[Call]]:
    """Run every tool's ``setup`` and untimed warm-up, then time every tool on every item, in
    turns of ``turn_pages`` items, the tools' order turning with each turn (see the module
    docstring); the calls of each tool by name, in item order."""
    for tool in tools:
        if tool.setup is not None:
            tool.setup()
        for item in items[:warmup]:
            timed_call(tool.fn, item, bound)
    gc.collect()
    calls: dict[str, list[Call]] = {tool.name: [] for tool in tools}
    for n, start in enumerate(range(0, len(items), turn_pages)):
        chunk = items[start : start + turn_pages]
        turn = n % len(tools) if tools else 0
        for tool in [*tools[turn:], *tools[:turn]]:
            for item in chunk:
                calls[tool.name].append(timed_call(tool.fn, item, bound))
        if progress and (start // turn_pages + 1) % 10 == 0:
            progress(f"  {start + len(chunk)}/{len(items)} pages")
    return calls


def pages_per_second(calls: Sequence[Call], *, cpu: bool = False) -> float:
    """Pages divided by the total wall seconds of the calls (CPU seconds with ``cpu=True``)."""
    total = sum((c.cpu_seconds or 0.0) if cpu else c.seconds for c in calls)
    return len(calls) / total if total > 0 else 0.0
