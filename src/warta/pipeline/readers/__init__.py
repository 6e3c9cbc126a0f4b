"""Readers: inputs (files, folders, WARCs, JSONL) → :class:`~warta.pipeline.base.Record` streams.

:func:`expand_inputs` turns command-line paths into :class:`InputSpec` s (folders recursively, in
sorted order); :func:`reader_for` picks the reader of one input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from warta.pipeline.readers.base import InputKind, InputSpec, Reader, ReaderConfig
from warta.pipeline.readers.jsonl import JsonlReader
from warta.pipeline.readers.pages import PageReader
from warta.pipeline.readers.warc import WarcReader

__all__ = [
    "InputSpec",
    "JsonlReader",
    "PageReader",
    "Reader",
    "ReaderConfig",
    "WarcReader",
    "expand_inputs",
    "input_kind",
    "reader_for",
]

_READERS: dict[InputKind, type[Reader]] = {
    "warc": WarcReader,
    "jsonl": JsonlReader,
    "page": PageReader,
}


def input_kind(path: str) -> InputKind:
    """What a file holds, from its name: ``warc``, ``jsonl``, or one ``page``."""
    name = Path(path).name.lower()
    for suffix in (".gz", ".zst"):
        name = name.removesuffix(suffix)
    if name.endswith((".warc", ".arc")):
        return "warc"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "page"


def expand_inputs(paths: Iterable[str], *, empty: list[str] | None = None) -> list[InputSpec]:
    """The input files that ``paths`` name: files as they are, folders walked recursively (hidden
    files skipped, sorted). A file's kind comes from its name as given (a symlink
    ``news.jsonl -> blobs/abc123`` is JSONL); its path is resolved (``os.path.realpath``) so that
    one file spelled two ways is one input, and this is its ledger key. A path that does not exist
    is kept, so it is rejected as unreadable (``warta run`` refuses such paths before it starts).
    Folders in which no file was found are appended to ``empty`` when it is given."""
    specs: list[InputSpec] = []
    seen: set[str] = set()
    for raw in paths:
        if os.path.isdir(raw):
            # Walked as given (the top may be a symlink), so that names stay the ones the user sees.
            files = sorted(
                os.path.join(root, name)
                for root, dirs, names in os.walk(raw)
                for name in names
                if not name.startswith(".")
                and not any(part.startswith(".") for part in Path(root).relative_to(raw).parts)
            )
            if not files and empty is not None:
                empty.append(raw)
        else:
            files = [raw]
        for named in files:
            file = os.path.realpath(named)
            if file in seen:
                continue
            seen.add(file)
            try:
                stat = os.stat(file)
                size: int | None = stat.st_size
                mtime: int | None = stat.st_mtime_ns
            except OSError:
                size = mtime = None
            specs.append(InputSpec(path=file, kind=input_kind(named), size=size, mtime_ns=mtime))
    return specs


def reader_for(spec: InputSpec, config: ReaderConfig | None = None) -> Reader:
    """The reader for one input."""
    return _READERS[spec.kind](config)
