"""The pipeline's building blocks: :class:`Record` (what a reader yields), :class:`Item` (what
flows through the steps), :class:`Step` and :class:`RunContext`.

A step takes a stream of items and yields items (datatrove's shape). The base class owns the loop
and the error handling: a step only implements :meth:`Step.process` for one item, and any error it
raises turns the item into a reject with the error's code as the reason. An item that is already
a reject passes through untouched, so nothing is ever silently dropped.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Literal

import msgspec

from warta.errors import WartaError
from warta.store.rows import ArticleRow, RejectRow, Row

DEFAULT_RECORD_BYTES = 20 * 1024 * 1024
"""Records larger than this are rejected with ``input-too-large`` without being read whole."""


class Record(msgspec.Struct, kw_only=True):
    """One input record as a reader found it.

    ``key`` locates it in its input (``<input>#<position>``) and is unique within a run;
    ``record_id`` is the record's own id (WARC-Record-ID, a JSONL id field) or the key.
    A reader that cannot read a record sets ``reject`` (a reason code) instead of ``payload``.
    """

    key: str
    record_id: str
    input: str
    payload: bytes | str = b""
    kind: Literal["auto", "html", "text"] = "auto"
    url: str | None = None
    http_charset: str | None = None
    fetched: str | None = None
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    size: int | None = None
    reject: str | None = None
    detail: str | None = None
    progress: int = 0
    """Bytes of the input consumed up to this record (for the progress bar)."""
    warnings: tuple[str, ...] = ()
    """What the reader dropped from the record's metadata, and why (copied to the article)."""


class RunContext(msgspec.Struct, kw_only=True, frozen=True):
    """Settings every step sees. Frozen and small: it is pickled to each worker."""

    timeout: float | None = 10.0
    max_bytes: int = DEFAULT_RECORD_BYTES
    enrichers: tuple[str, ...] = ()
    """``module:function`` names of enrichment hooks (Article → Article)."""


class Item(msgspec.Struct, kw_only=True):
    """A record on its way through the steps: it becomes an article row or a reject row."""

    record: Record
    row: ArticleRow | None = None
    reject: RejectRow | None = None

    def rejected(self, reason: str, detail: str | None = None) -> Item:
        """This item turned into a reject."""
        rec = self.record
        url = self.row.article.url if self.row else rec.url
        self.reject = RejectRow(
            key=rec.key,
            record_id=rec.record_id,
            input=rec.input,
            reason=reason,
            detail=(detail or "")[:500] or None,
            url=url,
            size=rec.size if rec.size is not None else _size(rec.payload),
        )
        self.row = None
        return self

    def result(self) -> Row:
        """The row this item ends as."""
        if self.reject is not None:
            return self.reject
        if self.row is None:
            return self.rejected("internal-error", "no step produced an article").result()
        return self.row


class Step(ABC):
    """One stage of the per-record pipeline. Subclasses implement :meth:`process`."""

    name: ClassVar[str] = "step"

    @abstractmethod
    def process(self, item: Item, ctx: RunContext) -> Item:
        """Work on one item that is not a reject; return it, or ``item.rejected(reason)``."""

    def run(self, items: Iterable[Item], ctx: RunContext) -> Iterator[Item]:
        """Apply :meth:`process` to each item; errors become rejects with a reason code."""
        for item in items:
            if item.reject is not None:
                yield item
                continue
            try:
                yield self.process(item, ctx)
            except WartaError as exc:
                yield item.rejected(exc.code, str(exc))
            except Exception as exc:  # one record must never end the run
                yield item.rejected("internal-error", f"{self.name}: {type(exc).__name__}: {exc}")


def run_steps(records: Sequence[Record], steps: Sequence[Step], ctx: RunContext) -> list[Row]:
    """Run records through the steps; one row per record, in order. This is the unit of work that
    every executor ships to a worker."""
    items: Iterable[Item] = (_item(rec) for rec in records)
    for step in steps:
        items = step.run(items, ctx)
    return [item.result() for item in items]


def _item(rec: Record) -> Item:
    item = Item(record=rec)
    if rec.reject is not None:
        item.rejected(rec.reject, rec.detail)
    return item


def _size(payload: bytes | str) -> int:
    return len(payload) if isinstance(payload, bytes) else len(payload.encode("utf-8", "ignore"))
