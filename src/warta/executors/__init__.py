"""Engines that run the per-record steps: ``local`` (multiprocessing) and ``ray``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from warta.executors.base import Executor
from warta.executors.local import LocalExecutor, default_workers
from warta.pipeline.base import RunContext, Step

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "Executor", "LocalExecutor", "default_workers", "make_executor"]


def make_executor(
    engine: str,
    steps: Sequence[Step],
    ctx: RunContext,
    *,
    workers: int | None = None,
    ray_address: str | None = None,
) -> Executor[Any]:
    """The executor an engine name stands for (Ray is imported only when asked for)."""
    if engine == "local":
        return LocalExecutor(steps, ctx, workers=workers)
    if engine == "ray":
        from warta.executors.ray import RayExecutor

        return RayExecutor(steps, ctx, workers=workers, address=ray_address)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
