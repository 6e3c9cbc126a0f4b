"""JSONL writer: one flat JSON object a line (``datasets.load_dataset("json", ...)`` and DuckDB's
``read_json_auto`` read it as it is)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import msgspec

from warta.pipeline.writers.files import output_file


def dump_jsonl(rows: Iterable[dict[str, Any]], fh: IO[bytes]) -> int:
    """Write rows to an open binary file (stdout too) as they come; return the count."""
    encoder = msgspec.json.Encoder()
    n = 0
    for row in rows:
        fh.write(encoder.encode(row))
        fh.write(b"\n")
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], path: str) -> int:
    """Write rows to ``path`` atomically (:func:`~warta.pipeline.writers.files.output_file`);
    return the count."""
    with output_file(path, "wb") as fh:
        return dump_jsonl(rows, fh)
