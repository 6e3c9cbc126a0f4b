"""Step 5 (per record): the stemmed text the full-text index holds (see :mod:`warta.store.tokens`)."""

from __future__ import annotations

from warta.pipeline.base import Item, RunContext, Step
from warta.store.tokens import index_text


class IndexTextStep(Step):
    """Stems title and body in the worker, so the single writer only inserts."""

    name = "index"

    def process(self, item: Item, ctx: RunContext) -> Item:
        row = item.row
        assert row is not None
        language = row.article.language.best
        row.title_index = index_text(row.article.title, language)
        row.text_index = index_text(row.article.text, language)
        return item
