"""WARC and WARC.gz: one record per ``response`` record, read with FastWARC.

The target URI becomes the article URL, the HTTP ``Content-Type`` charset is handed to the decoder,
and the WARC date is kept as the fetch date. Records are rejected with a reason when they are not
HTML or text (``non-html``: PDF, images…), not a 2xx answer (``http-status``), larger than the
limit (``input-too-large``), or cut short (``truncated``: the block is shorter than its declared
length, or its headers are incomplete, as at the end of a truncated file or gzip stream). A file
with no response record at all is one ``empty-input`` reject, so the input is accounted for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from warta.pipeline.base import Record
from warta.pipeline.readers.base import InputSpec, Reader

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


class WarcReader(Reader):
    """Reads ``.warc`` and ``.warc.gz`` files (other WARC record types are not input records)."""

    kind = "warc"

    def read(self, spec: InputSpec) -> Iterator[Record]:
        from fastwarc.stream_io import GzipReader
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        try:
            fh = open(spec.path, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:
            yield self.unreadable(spec, exc)
            return
        try:
            gzipped = fh.read(2) == b"\x1f\x8b"
            fh.seek(0)
            stream: Any = GzipReader(fh) if gzipped else fh
            records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
            last = 0
            found = False
            try:
                for warc in records:
                    last = warc.stream_pos
                    found = True
                    yield self._record(spec, warc, progress=fh.tell())
            except Exception as exc:  # FastWARC raises OSError or ValueError on a broken stream
                yield self.unreadable(spec, exc, position=f"{last}+")
                return
            if not found:  # an empty file, or no response record: account for the input
                yield Record(
                    key=f"{spec.path}#empty",
                    record_id=f"{spec.path}#empty",
                    input=spec.path,
                    reject="empty-input",
                    detail="no WARC response record could be read from the file",
                    size=spec.size,
                )
        finally:
            fh.close()

    def _record(self, spec: InputSpec, warc: Any, *, progress: int) -> Record:
        key = f"{spec.path}#{warc.stream_pos}"
        headers = warc.headers
        record_id = headers.get("WARC-Record-ID") or key
        url = headers.get("WARC-Target-URI")
        date = warc.record_date
        fetched = date.isoformat() if date is not None else None
        base: dict[str, Any] = {
            "key": key,
            "record_id": record_id,
            "input": spec.path,
            "url": url,
            "fetched": fetched,
            "progress": progress,
        }
        length = warc.content_length
        if length > self.config.max_bytes:
            return Record(
                **base, reject="input-too-large", detail=f"{length:,} bytes", size=length
            )
        status = warc.http_headers.status_code if warc.is_http else None
        if url is None or date is None or (warc.is_http and status is None):
            return Record(**base, reject="truncated", detail="incomplete record headers", size=length)
        body = warc.reader.read(length + 1)
        if len(body) < length:
            return Record(
                **base,
                reject="truncated",
                detail=f"record holds {len(body):,} of its {length:,} bytes",
                size=len(body),
            )
        if status is not None and not 200 <= status < 300:
            return Record(**base, reject="http-status", detail=f"HTTP {status}", size=length)
        ctype = (warc.http_content_type or "").split(";")[0].strip().lower()
        if ctype and ctype not in PAGE_TYPES:
            return Record(**base, reject="non-html", detail=f"Content-Type {ctype}", size=length)
        return Record(
            **base,
            payload=body,
            size=len(body),
            kind="text" if ctype == "text/plain" else "auto",
            http_charset=warc.http_charset,
        )


def warc_response(
    uri: str,
    body: bytes,
    *,
    record_id: str,
    date: str = "2019-09-16T10:00:00Z",
    content_type: str = "text/html; charset=utf-8",
    status: int = 200,
) -> bytes:
    """One WARC/1.0 response record as bytes (for tests and benchmark corpora).

    Hand-written rather than FastWARC's writer: a record is ten header lines, and tests need
    to build deliberately broken ones too.
    """
    http = (
        f"HTTP/1.1 {status} OK\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\nWARC-Date: {date}\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"
