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


def expand_inputs(paths: Iterable[str]) -> list[InputSpec]:
    """The input files that ``paths`` name: files as they are, folders walked recursively (hidden
    files skipped, sorted). Paths are resolved (``os.path.realpath``), so one file spelled two ways
    is one input. A path that does not exist is kept, so it is rejected as unreadable (``warta
    run`` refuses such paths before it starts)."""
    specs: list[InputSpec] = []
    seen: set[str] = set()
    for raw in paths:
        path = os.path.realpath(raw)
        if os.path.isdir(path):
            files = sorted(
                os.path.realpath(os.path.join(root, name))
                for root, dirs, names in os.walk(path)
                for name in names
                if not name.startswith(".")
                and not any(part.startswith(".") for part in Path(root).relative_to(path).parts)
            )
        else:
            files = [path]
        for file in files:
            if file in seen:
                continue
            seen.add(file)
            try:
                stat = os.stat(file)
                size: int | None = stat.st_size
                mtime: int | None = stat.st_mtime_ns
            except OSError:
                size = mtime = None
            specs.append(InputSpec(path=file, kind=input_kind(file), size=size, mtime_ns=mtime))
    return specs


def reader_for(spec: InputSpec, config: ReaderConfig | None = None) -> Reader:
    """The reader for one input."""
    return _READERS[spec.kind](config)
