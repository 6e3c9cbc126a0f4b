"""The Ray engine: the same steps, as Ray tasks, on a local Ray or a cluster.

``ray`` is imported only when this engine is built (``pip install 'warta[ray]'``). With
``address=None`` a local Ray starts with ``workers`` CPUs (or joins the one ``RAY_ADDRESS`` names);
``address="ray://head:10001"`` or ``"auto"`` joins a running cluster. The steps and context go to the
object store once; batches are submitted through a window of ``2 × CPUs`` tasks and collected in
order, so the store ends up exactly as with the local engine. Every node needs warta installed (or
pass ``runtime_env={"py_modules": [warta]}``; see docs/pipeline.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from warta.executors.base import Executor, Meta
from warta.pipeline.base import Record, RunContext, Step, run_steps
from warta.store.rows import Row


def _ray_batch(steps: list[Step], ctx: RunContext, records: list[Record]) -> list[Row]:
    return run_steps(records, steps, ctx)


class RayExecutor(Executor[Meta]):
    """Runs batches as Ray tasks (one CPU each)."""

    name = "ray"

    def __init__(
        self,
        steps: Sequence[Step],
        ctx: RunContext,
        *,
        workers: int | None = None,
        address: str | None = None,
        runtime_env: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(steps, ctx)
        try:
            import ray
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "the Ray engine needs ray: pip install 'warta[ray]'"
            ) from exc
        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "configure_logging": False,
            }
            if runtime_env:
                kwargs["runtime_env"] = runtime_env
            if address is None and workers:
                kwargs["num_cpus"] = workers
            ray.init(address=address, **kwargs)
            self._started = True
        self.workers = max(1, int(ray.available_resources().get("CPU", workers or 1)))
        self._task = ray.remote(num_cpus=1, max_retries=3)(_ray_batch)
        self._steps_ref = ray.put(self.steps)
        self._ctx_ref = ray.put(ctx)

    def map(
        self, batches: Iterable[tuple[Meta, list[Record]]]
    ) -> Iterator[tuple[Meta, list[Row]]]:
        ray = self._ray
        window: deque[tuple[Meta, Any]] = deque()
        limit = 2 * self.workers
        for meta, records in batches:
            ref = self._task.remote(self._steps_ref, self._ctx_ref, records) if records else None
            window.append((meta, ref))
            while len(window) > limit:
                meta0, ref0 = window.popleft()
                yield meta0, ray.get(ref0) if ref0 is not None else []
        while window:
            meta0, ref0 = window.popleft()
            yield meta0, ray.get(ref0) if ref0 is not None else []

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()
            self._started = False
