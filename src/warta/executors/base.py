"""What an executor does: run the per-record steps over batches of records, somewhere, and give
the results back **in input order** with bounded memory (a sliding window of batches in flight).
In-order results are what make a run deterministic, and so resumable to the same final store."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from warta.pipeline.base import Record, RunContext, Step
from warta.store.rows import Row

Meta = TypeVar("Meta")


class Executor(ABC, Generic[Meta]):
    """Runs :func:`warta.pipeline.base.run_steps` on batches. Use as a context manager."""

    name = "executor"
    workers = 1

    def __init__(self, steps: Sequence[Step], ctx: RunContext) -> None:
        self.steps = list(steps)
        self.ctx = ctx

    @abstractmethod
    def map(
        self, batches: Iterable[tuple[Meta, list[Record]]]
    ) -> Iterator[tuple[Meta, list[Row]]]:
        """Results of each batch, in the order the batches came; ``Meta`` rides along unshipped."""

    def close(self) -> None:
        """Release workers."""

    def __enter__(self) -> Executor[Meta]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
