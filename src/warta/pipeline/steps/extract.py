"""Step 1: extract (HTML) or repair (text) one record into an Article, with the core."""

from __future__ import annotations

from warta.extract import extract
from warta.pipeline.base import Item, RunContext, Step
from warta.store.rows import ArticleRow


class ExtractStep(Step):
    """Runs :func:`warta.extract.extract` with the run's time bound and size limit.

    What the input itself declared wins where the page is silent: a JSONL ``title`` fills a
    missing title (and replaces a guessed one for text input, where no markup names the title),
    and a JSONL date becomes ``published`` (origin ``given``) when the page has none, or when the
    input is text.
    """

    name = "extract"

    def process(self, item: Item, ctx: RunContext) -> Item:
        rec = item.record
        article = extract(
            rec.payload,
            url=rec.url,
            input=rec.kind,
            http_charset=rec.http_charset,
            timeout=ctx.timeout,
            max_bytes=ctx.max_bytes,
            published=rec.published,  # before enrichment, which resolves the text's dates by it
        )
        if rec.url and not article.url:
            article.url = rec.url
        if rec.title and (not article.title or article.input_kind == "text"):
            article.title = rec.title
        if rec.outlet:
            article.extras = {**article.extras, "input_outlet": rec.outlet}
        if rec.warnings:
            article.warnings = [*article.warnings, *rec.warnings]
        item.row = ArticleRow(
            key=rec.key,
            record_id=rec.record_id,
            input=rec.input,
            article=article,
            fetched=rec.fetched,
            outlet=rec.outlet,
        )
        return item

