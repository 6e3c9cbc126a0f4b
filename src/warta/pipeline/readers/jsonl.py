"""JSONL (and JSONL.gz): one JSON object a line, with configurable field names.

A line with an HTML field is read as HTML, else its text field as already-extracted text. The
date, title and outlet fields, when present, are kept as what the exporting tool knew, once checked
(:mod:`~warta.pipeline.readers.fields`: a date that is not ISO 8601 or lies in the future, a URL
that is not http(s), an outlet with whitespace inside are dropped with a warning). Blank lines
are not records. A line that is not a JSON object (bad JSON, bad UTF-8, nested too deeply), or
whose fields have the wrong JSON type, is rejected (``invalid-jsonl``), an over-long one
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
from warta.pipeline.readers.base import InputSpec, Reader, ReaderConfig
from warta.pipeline.readers.fields import clean_date, clean_outlet, clean_url

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
        bad = _wrong_types(obj, cfg)
        if bad:
            return self._reject(spec, lineno, "invalid-jsonl", bad, len(line))
        given_id = obj.get(cfg.id_field)
        warnings: list[str] = []
        url, warning = clean_url(_text(obj.get(cfg.url_field)), cfg.url_field)
        warnings += [warning] if warning else []
        published, warning = clean_date(obj.get(cfg.date_field), cfg.date_field)
        warnings += [warning] if warning else []
        outlet, warning = clean_outlet(_text(obj.get(cfg.outlet_field)), cfg.outlet_field)
        warnings += [warning] if warning else []
        fields: dict[str, Any] = {
            "key": key,
            "record_id": str(given_id) if given_id not in (None, "") else key,
            "input": spec.path,
            "url": url,
            "published": published,
            "title": _text(obj.get(cfg.title_field)),
            "outlet": outlet,
            "progress": progress,
            "size": len(line),
            "warnings": tuple(warnings),
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


def _wrong_types(obj: dict[str, Any], cfg: ReaderConfig) -> str | None:
    """Why the record's fields cannot be read (a field of the wrong JSON type), or None.

    The id may be a string or an integer; the URL, title, outlet, HTML and text fields must be
    strings (or null). The date field is checked on its own (:func:`clean_date`): a bad date is
    dropped with a warning, the record kept.
    """
    value = obj.get(cfg.id_field)
    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
        return f"field {cfg.id_field!r} is {_json_type(value)}, not a string or an integer"
    for name in (cfg.url_field, cfg.title_field, cfg.outlet_field, cfg.html_field, cfg.text_field):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return f"field {name!r} is {_json_type(value)}, not a string"
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


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
