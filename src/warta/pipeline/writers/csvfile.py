"""CSV writer: one row a line, a header of fixed columns (so an empty export still has one),
cells as the explorer's CSV downloads write them (:func:`warta.web.export.csv_cell`: lists joined
with ``; ``, records as JSON, spreadsheet formulas defused). Flat and lossy for nested fields;
JSONL and Parquet are the lossless exports."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO, Any

import msgspec

from warta.pipeline.writers.files import output_file

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_encoder = msgspec.json.Encoder()


def csv_cell(value: Any) -> str | int | float:
    """One CSV cell: lists joined with ``; ``, mappings as JSON, formulas defused (a leading
    ``=``, ``+``, ``-``, ``@`` gets a quote mark, so a spreadsheet shows page text as text).
    The explorer's CSV downloads use it too, so both read the same."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) if not isinstance(v, dict) else _encoder.encode(v).decode() for v in value)
    elif isinstance(value, dict):
        value = _encoder.encode(value).decode()
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def dump_csv(rows: Iterable[dict[str, Any]], fh: IO[str], columns: Sequence[str]) -> int:
    """Write ``columns`` as a header, then rows, to an open text file (stdout too; opened with
    ``newline=""``); return the rows written."""
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], path: str, columns: Sequence[str]) -> int:
    """Write rows to ``path`` as UTF-8 CSV, atomically
    (:func:`~warta.pipeline.writers.files.output_file`); return the count."""
    with output_file(path, "w", encoding="utf-8", newline="") as fh:
        return dump_csv(rows, fh, columns)
