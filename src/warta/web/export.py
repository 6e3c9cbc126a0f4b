"""Lists as JSON or CSV, small ones in one body and large ones streamed, so an export of a whole
corpus neither truncates nor holds the corpus in memory.

JSON lists are ``{"ok": true, ...meta, "items": [...], "count": n}`` (``count``: the items sent,
written after them when streamed); ``X-Total-Count`` carries the whole list's length when known. CSV cells that a spreadsheet would run as
a formula (starting with ``= + - @``, tab or CR) get a leading apostrophe (OWASP's CSV-injection
advice): article titles are untrusted. The JSON export is the lossless one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import msgspec
from starlette.responses import Response, StreamingResponse

from warta.pipeline.writers.csvfile import csv_cell

Format = Literal["json", "csv"]
CHUNK_BYTES = 64 * 1024
_encoder = msgspec.json.Encoder()


def csv_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text in chunks of about :data:`CHUNK_BYTES`; the header is the first row's keys."""
    buf = io.StringIO()
    writer: Any = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore", lineterminator="\r\n")
            writer.writeheader()
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        if buf.tell() >= CHUNK_BYTES:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    if buf.tell():
        yield buf.getvalue()


def json_chunks(rows: Iterable[dict[str, Any]], meta: dict[str, Any]) -> Iterator[bytes]:
    """A JSON object ``{"ok": true, **meta, "items": [...]}`` in chunks; a paged list's (with a
    ``total`` in ``meta`` and no ``count``) gets its ``count`` after the items (how many were sent)."""
    head = _encoder.encode({"ok": True, **meta})
    parts = [head[:-1] + (b',"items":[' if len(head) > 2 else b'"items":[')]
    size, n = len(parts[0]), 0
    for row in rows:
        piece = (b"," if n else b"") + _encoder.encode(row)
        n += 1
        parts.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            yield b"".join(parts)
            parts, size = [], 0
    tail = "total" in meta and "count" not in meta
    parts.append(b'],"count":' + str(n).encode() + b"}" if tail else b"]}")
    yield b"".join(parts)


def list_response(
    rows: Iterable[dict[str, Any]],
    fmt: Format,
    *,
    name: str,
    meta: dict[str, Any] | None = None,
    stream: bool = False,
) -> Response:
    """A list as JSON or CSV (downloaded as ``name.csv``); ``stream`` sends it as it is read.
    A ``total`` in ``meta`` (the whole list's length) is sent as ``X-Total-Count`` too, the
    only place a CSV can say it."""
    meta = meta or {}
    headers = {"X-Total-Count": str(meta["total"])} if isinstance(meta.get("total"), int) else {}
    if fmt == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{_safe_name(name)}.csv"'
        media = "text/csv; charset=utf-8"
        if stream:
            return StreamingResponse(csv_chunks(rows), media_type=media, headers=headers)
        return Response("".join(csv_chunks(rows)), media_type=media, headers=headers)
    if stream:
        return StreamingResponse(json_chunks(rows, meta), media_type="application/json", headers=headers)
    return Response(b"".join(json_chunks(rows, meta)), media_type="application/json", headers=headers)


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:80] or "export"
