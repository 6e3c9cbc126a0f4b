"""JSONL (and JSONL.gz): one JSON object a line, with configurable field names.

A line with an HTML field is read as HTML, else its text field as already-extracted text. The
date, title and outlet fields, when present, are kept as what the exporting tool knew, once checked
(:mod:`~warta.pipeline.readers.fields`: a date that is not ISO 8601 or lies in the future, a URL
that is not http(s), an outlet with whitespace inside are dropped with a warning). Blank lines
are not records. A field of the wrong JSON type is dropped with a warning (kept on the article's
``warnings``): an id must be a string or an integer (``1.0`` reads as ``1``), the URL, outlet,
HTML and text strings, and a title a string or a number (read as its text). A line that is not a
JSON object (bad JSON, bad UTF-8, nested too deeply), or that has no usable HTML or text because
those fields have the wrong type, is rejected (``invalid-jsonl``), an over-long one
(``input-too-large``) without being held in memory, and a gzip stream that ends early leaves one
``truncated`` reject for the rest of the file.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

import msgspec

from warta.pipeline.base import Record
from warta.pipeline.readers.base import InputSpec, Reader
from warta.pipeline.readers.fields import clean_date, clean_outlet, clean_url, show_value

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
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:
            return self._reject(spec, lineno, "invalid-jsonl", str(exc), len(line))
        except RecursionError:  # msgspec's own depth limit, far below any real record's nesting
            return self._reject(spec, lineno, "invalid-jsonl", "JSON nested too deeply", len(line))
        if not isinstance(obj, dict):
            return self._reject(spec, lineno, "invalid-jsonl", "the line is not a JSON object", len(line))
        key = f"{spec.path}#{lineno}"
        warnings: list[str] = []

        def note(warning: str | None) -> None:
            if warning:
                warnings.append(warning)

        given_id = _record_id(obj.get(cfg.id_field), cfg.id_field, note)
        url, warning = clean_url(_string(obj.get(cfg.url_field), cfg.url_field, note), cfg.url_field)
        note(warning)
        published, warning = clean_date(obj.get(cfg.date_field), cfg.date_field)
        note(warning)
        outlet, warning = clean_outlet(
            _string(obj.get(cfg.outlet_field), cfg.outlet_field, note), cfg.outlet_field
        )
        note(warning)
        title = _string(obj.get(cfg.title_field), cfg.title_field, note, numbers=True)
        before = len(warnings)
        html = _string(obj.get(cfg.html_field), cfg.html_field, note)
        text = _string(obj.get(cfg.text_field), cfg.text_field, note)
        unusable = warnings[before:]  # the HTML or text field had the wrong type
        fields: dict[str, Any] = {
            "key": key,
            "record_id": given_id or key,
            "input": spec.path,
            "url": url,
            "published": published,
            "title": title,
            "outlet": outlet,
            "progress": progress,
            "size": len(line),
            "warnings": tuple(warnings),
        }
        if html and html.strip():
            return Record(**fields, payload=html, kind="html")
        if text and text.strip():
            return Record(**fields, payload=text, kind="text")
        if unusable:
            return Record(**fields, reject="invalid-jsonl", detail="; ".join(unusable))
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


def _record_id(value: object, field: str, note: Callable[[str], None]) -> str | None:
    """The record's own id: a string, an integer, or an integral number (``1.0``, as pandas writes
    integer columns with gaps) as its integer; anything else is dropped with a warning (the record
    is then known by its key)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    # a float is exact only below 2**53: above it two ids may read as one integer
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    note(f"{field}: dropped {show_value(value)}, {_json_type(value)}, not a string or an integer")
    return None


def _string(
    value: object, field: str, note: Callable[[str], None], *, numbers: bool = False
) -> str | None:
    """A string field's value. A value of another JSON type is dropped with a warning, except a
    number where ``numbers`` allows it (a title such as ``2019``), which is read as its text
    (integral numbers without ``.0``), with a warning too."""
    if value is None or isinstance(value, str):
        return value
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        shown = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        note(f"{field}: the number {shown} read as text")
        return shown
    note(f"{field}: dropped {show_value(value)}, {_json_type(value)}, not a string")
    return None


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
