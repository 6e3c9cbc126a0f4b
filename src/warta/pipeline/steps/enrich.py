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


class EnrichStep(Step):
    """Runs the run's enrichers in order; an enricher that fails rejects the record with
    reason ``internal-error`` naming it (a bug to fix, not data to lose silently)."""

    name = "enrich"

    def process(self, item: Item, ctx: RunContext) -> Item:
        assert item.row is not None
        for name in ctx.enrichers:
            item.row.article = load_enricher(name)(item.row.article)
        return item
