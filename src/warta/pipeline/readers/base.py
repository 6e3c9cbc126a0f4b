"""What every reader shares: the input description, the reader settings, and the Reader base."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar, Literal

import msgspec

from warta.pipeline.base import DEFAULT_RECORD_BYTES, Record

InputKind = Literal["warc", "jsonl", "page"]


class InputSpec(msgspec.Struct, frozen=True, kw_only=True):
    """One input file: its path (resolved, see :func:`~warta.pipeline.readers.expand_inputs`),
    what it holds (from its name as given, before any symlink is followed), and its size and
    modification time on disk (its fingerprint in the ledger)."""

    path: str
    kind: InputKind
    size: int | None = None
    mtime_ns: int | None = None


class ReaderConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Reader settings. The JSONL field names are configurable because every tool exports its
    own shape; the defaults read warta's own output and most scraper exports."""

    id_field: str = "id"
    url_field: str = "url"
    html_field: str = "html"
    text_field: str = "text"
    date_field: str = "published"
    title_field: str = "title"
    outlet_field: str = "outlet"
    max_bytes: int = DEFAULT_RECORD_BYTES


class Reader(ABC):
    """Turns one input into records. A record it cannot read becomes a record with ``reject``
    set; an input it cannot open becomes one such record, keyed ``<path>#open``."""

    kind: ClassVar[InputKind]

    def __init__(self, config: ReaderConfig | None = None) -> None:
        self.config = config or ReaderConfig()

    @abstractmethod
    def read(self, spec: InputSpec) -> Iterator[Record]:
        """Yield the input's records in their order."""

    def unreadable(
        self,
        spec: InputSpec,
        exc: BaseException,
        position: str | None = "open",
        reason: str = "unreadable",
    ) -> Record:
        """The record that stands for a whole input (or its rest) that could not be read.
        Its key is ``<path>#<position>``, or the path itself when ``position`` is None."""
        key = spec.path if position is None else f"{spec.path}#{position}"
        return Record(
            key=key,
            record_id=key,
            input=spec.path,
            reject=reason,
            detail=f"{type(exc).__name__}: {exc}",
            size=spec.size,
        )
