"""JSONL writer: one flat JSON object a line (``datasets.load_dataset("json", ...)`` and DuckDB's
``read_json_auto`` read it as it is)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import msgspec


def write_jsonl(rows: Iterable[dict[str, Any]], path: str) -> int:
    """Write rows to ``path`` atomically (a temporary file renamed at the end); return the count."""
    encoder = msgspec.json.Encoder()
    tmp = f"{path}.partial"
    n = 0
    with open(tmp, "wb") as fh:
        for row in rows:
            fh.write(encoder.encode(row))
            fh.write(b"\n")
            n += 1
    os.replace(tmp, path)
    return n
