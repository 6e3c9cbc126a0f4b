"""Per-record steps, in the order :func:`default_steps` chains them."""

from __future__ import annotations

from warta.pipeline.base import Step
from warta.pipeline.steps.enrich import EnrichStep
from warta.pipeline.steps.extract import ExtractStep
from warta.pipeline.steps.index import IndexTextStep
from warta.pipeline.steps.keys import KeysStep
from warta.pipeline.steps.language import LanguageStep
from warta.pipeline.steps.quality import QualityStep

__all__ = [
    "EnrichStep",
    "ExtractStep",
    "IndexTextStep",
    "KeysStep",
    "LanguageStep",
    "QualityStep",
    "default_steps",
]


def default_steps() -> list[Step]:
    """extract/repair → language → enrichment hook → quality → keys → index text."""
    return [ExtractStep(), LanguageStep(), EnrichStep(), QualityStep(), KeysStep(), IndexTextStep()]
