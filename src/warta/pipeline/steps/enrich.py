"""The enrichment hook: functions ``Article -> Article`` run on every article in the workers.

Issue 4's extractors (quotes, entities, date mentions) plug in here; the store already writes
``Article.quotes``, ``.entities`` and ``.dates`` into their tables. Hooks are named as
``module:function`` so the step stays picklable and each worker imports them itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

from warta.article import Article
from warta.pipeline.base import Item, RunContext, Step

Enricher = Callable[[Article], Article]


@lru_cache(maxsize=32)
def load_enricher(name: str) -> Enricher:
    """Import ``module:function``."""
    module, _, func = name.partition(":")
    if not module or not func:
        raise ValueError(f"an enricher is named module:function, not {name!r}")
    hook: Enricher = getattr(importlib.import_module(module), func)
    return hook


ENRICH_ERROR = "enrich-error"
"""Reject reason of a record whose hook raised or returned something else than an Article. It is
retried on a re-run (see :data:`warta.pipeline.ledger.RETRYABLE`): the fix is in the hook."""


class EnrichStep(Step):
    """Runs the run's enrichers in order. A hook that raises, or returns anything but an
    :class:`Article`, rejects the record with reason ``enrich-error`` and a detail naming the hook
    and what went wrong (a bug to fix, not data to lose silently; the run goes on)."""

    name = "enrich"

    def process(self, item: Item, ctx: RunContext) -> Item:
        assert item.row is not None
        for name in ctx.enrichers:
            try:
                result = load_enricher(name)(item.row.article)
            except Exception as exc:
                return item.rejected(ENRICH_ERROR, f"hook {name} raised {type(exc).__name__}: {exc}")
            if not isinstance(result, Article):
                shown = repr(result)
                shown = shown if len(shown) <= 80 else shown[:79] + "…"
                return item.rejected(
                    ENRICH_ERROR,
                    f"hook {name} returned {type(result).__name__} {shown}, not an Article",
                )
            item.row.article = result
        return item
