"""Step 2: language ID. The extractor already detects; this step fills in what is missing."""

from __future__ import annotations

from warta.article import Language
from warta.lang.detect import detect_language
from warta.pipeline.base import Item, RunContext, Step


class LanguageStep(Step):
    """Makes sure every article has a detected language (from its first 2,000 characters)."""

    name = "language"

    def process(self, item: Item, ctx: RunContext) -> Item:
        assert item.row is not None
        article = item.row.article
        if article.language.detected is None and article.text:
            code, score = detect_language(article.text[:2000])
            article.language = Language(
                declared=article.language.declared, detected=code, score=score
            )
        return item
