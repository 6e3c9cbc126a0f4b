"""JSONL (and JSONL.gz): one JSON object a line, with configurable field names.

A line with an HTML field is read as HTML, else its text field as already-extracted text. The
date, title and outlet fields, when present, are kept as what the exporting tool knew. Blank lines
are not records. A line that is not a JSON object is rejected (``invalid-jsonl``), an over-long one
(``input-too-large``) without being held in memory, and a gzip stream that ends early leaves one
``truncated`` reject for the rest of the file.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import IO, Any

import msgspec

from warta.pipeline.base import Record
from warta.pipeline.readers.base import InputSpec, Reader

_decoder = msgspec.json.Decoder()


class JsonlReader(Reader):
    """Reads ``.jsonl``/``.ndjson`` files, gzipped or not. Keys are ``<path>#<line number>``."""

    kind = "jsonl"

    def read(self, spec: InputSpec) -> Iterator[Record]:
        try:
            raw = open(spec.path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:
            yield self.unreadable(spec, exc)
            return
        try:
            gzipped = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            stream: Any = gzip.GzipFile(fileobj=raw) if gzipped else raw
            lineno = 0
            try:
                while True:
                    line = stream.readline(self.config.max_bytes + 1)
                    if not line:
                        break
                    lineno += 1
                    if len(line) > self.config.max_bytes and not line.endswith(b"\n"):
                        size = len(line) + _skip_line(stream)
                        yield self._reject(spec, lineno, "input-too-large", f"line of {size:,} bytes", size)
                        continue
                    if not line.strip():
                        continue
                    yield self._record(spec, lineno, line, progress=raw.tell())
            except (EOFError, OSError, zlib.error) as exc:
                yield self.unreadable(spec, exc, position=f"{lineno + 1}+", reason="truncated")
        finally:
            raw.close()

    def _record(self, spec: InputSpec, lineno: int, line: bytes, *, progress: int) -> Record:
        cfg = self.config
        try:
            obj = _decoder.decode(line)
        except msgspec.DecodeError as exc:
            return self._reject(spec, lineno, "invalid-jsonl", str(exc), len(line))
        if not isinstance(obj, dict):
            return self._reject(spec, lineno, "invalid-jsonl", "the line is not a JSON object", len(line))
        key = f"{spec.path}#{lineno}"
        given_id = obj.get(cfg.id_field)
        fields: dict[str, Any] = {
            "key": key,
            "record_id": str(given_id) if given_id not in (None, "") else key,
            "input": spec.path,
            "url": _text(obj.get(cfg.url_field)),
            "published": _text(obj.get(cfg.date_field)),
            "title": _text(obj.get(cfg.title_field)),
            "outlet": _text(obj.get(cfg.outlet_field)),
            "progress": progress,
            "size": len(line),
        }
        html, text = obj.get(cfg.html_field), obj.get(cfg.text_field)
        if isinstance(html, str) and html.strip():
            return Record(**fields, payload=html, kind="html")
        if isinstance(text, str) and text.strip():
            return Record(**fields, payload=text, kind="text")
        return Record(
            **fields,
            reject="empty-input",
            detail=f"no {cfg.html_field!r} or {cfg.text_field!r} field with content",
        )

    def _reject(self, spec: InputSpec, lineno: int, reason: str, detail: str, size: int) -> Record:
        key = f"{spec.path}#{lineno}"
        return Record(key=key, record_id=key, input=spec.path, reject=reason, detail=detail, size=size)


def _skip_line(stream: IO[bytes]) -> int:
    """Read to the end of the current line in chunks; return how many bytes were skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
