"""One file, one page: HTML or text, optionally gzipped. Folders expand to such files."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import msgspec

from warta.pipeline.base import Record
from warta.pipeline.readers.base import InputSpec, Reader

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text", ".md")


class PageReader(Reader):
    """A single page file (``.html``, ``.txt``, their ``.gz``, or anything else, sniffed).

    The record id is the path. The file is read up to the size limit only: a larger file is
    rejected with ``input-too-large``; a broken gzip stream with ``truncated``.
    """

    kind = "page"

    def read(self, spec: InputSpec) -> Iterator[Record]:
        limit = self.config.max_bytes
        base = Record(key=spec.path, record_id=spec.path, input=spec.path, kind=kind_from_name(spec.path))
        try:
            with open(spec.path, "rb") as fh:
                head = fh.read(2)
                fh.seek(0)
                if head == b"\x1f\x8b":
                    try:
                        with gzip.GzipFile(fileobj=fh) as gz:
                            data = gz.read(limit + 1)
                    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
                        yield _with(base, reject="truncated", detail=f"broken gzip stream: {exc}", size=spec.size)
                        return
                else:
                    data = fh.read(limit + 1)
        except OSError as exc:
            yield self.unreadable(spec, exc, position=None)
            return
        if len(data) > limit:
            yield _with(base, reject="input-too-large", detail=f"over {limit:,} bytes", size=len(data))
            return
        yield _with(base, payload=data, size=len(data), progress=spec.size or len(data))


def kind_from_name(path: str) -> Literal["auto", "html", "text"]:
    """``html`` or ``text`` from a file name, else ``auto`` (sniff the bytes)."""
    name = Path(path).name.lower().removesuffix(".gz")
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return "auto"


def _with(base: Record, **changes: object) -> Record:
    return msgspec.structs.replace(base, **changes)
