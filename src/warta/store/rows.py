"""What the per-record stage hands to the store: one :class:`ArticleRow` or one :class:`RejectRow`
per input record. Plain msgspec Structs (no database code), so workers build them and they pickle
cheaply across processes and Ray."""

from __future__ import annotations

from typing import Any

import msgspec

from warta.article import Article


class ArticleRow(msgspec.Struct, kw_only=True):
    """An article with the fields the store indexes, computed in the worker."""

    key: str
    record_id: str
    input: str
    article: Article
    url_norm: str | None = None
    outlet: str | None = None
    fetched: str | None = None
    day: str | None = None
    lead: str | None = None
    word_count: int = 0
    text_hash: str = ""
    quality: dict[str, float] = msgspec.field(default_factory=dict)
    quality_flags: list[str] = msgspec.field(default_factory=list)
    title_index: str = ""
    text_index: str = ""


class RejectRow(msgspec.Struct, kw_only=True):
    """An input record that gave no article, and why."""

    key: str
    record_id: str | None
    input: str
    reason: str
    detail: str | None = None
    url: str | None = None
    size: int | None = None


Row = ArticleRow | RejectRow


def article_columns(row: ArticleRow) -> dict[str, Any]:
    """The ``articles`` columns of a row (without ids the store assigns)."""
    a = row.article
    return {
        "key": row.key,
        "record_id": row.record_id,
        "input": row.input,
        "url": a.url,
        "url_norm": row.url_norm,
        "canonical_url": a.canonical_url,
        "title": a.title,
        "text": a.text,
        "lead": row.lead,
        "language": a.language.best,
        "language_score": a.language.score,
        "published": a.published.value if a.published else None,
        "published_origin": a.published.origin if a.published else None,
        "fetched": row.fetched,
        "day": row.day,
        "dateline": a.dateline,
        "credit": a.credit,
        "credit_outlet": a.credit_outlet,
        "authors": msgspec.json.encode(a.authors).decode(),
        "input_kind": a.input_kind,
        "word_count": row.word_count,
        "text_hash": row.text_hash,
        "quality": msgspec.json.encode(row.quality).decode(),
        "quality_flags": msgspec.json.encode(row.quality_flags).decode(),
        "warnings": msgspec.json.encode(a.warnings).decode(),
        # The text is the `text` column already; the blob keeps the rest (see article_from_row).
        "article": msgspec.json.encode(msgspec.structs.replace(a, text="")),
        "title_index": row.title_index,
        "text_index": row.text_index,
    }


def article_from_row(blob: bytes, text: str) -> Article:
    """The Article a store row holds: its ``article`` blob with the ``text`` column put back."""
    article = Article.from_json(blob)
    article.text = text
    return article
