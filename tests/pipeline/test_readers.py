"""Readers: every record comes out, bad ones as rejects with a reason."""

from __future__ import annotations

import gzip
from pathlib import Path

from warta.pipeline.readers import (
    JsonlReader,
    PageReader,
    ReaderConfig,
    WarcReader,
    expand_inputs,
    input_kind,
)
from warta.pipeline.readers.base import InputSpec
from warta.pipeline.readers.warc import warc_response

HTML = b"<html><head><title>T</title></head><body><article><p>Isi berita.</p></article></body></html>"


def spec(path: Path, kind: str) -> InputSpec:
    return InputSpec(path=str(path), kind=kind, size=path.stat().st_size if path.exists() else None)  # type: ignore[arg-type]


def test_input_kinds_from_names() -> None:
    assert input_kind("a/crawl.warc.gz") == "warc"
    assert input_kind("x.warc") == "warc"
    assert input_kind("e.jsonl.gz") == "jsonl"
    assert input_kind("p.html.gz") == "page"
    assert input_kind("notes.txt") == "page"


def test_folders_expand_sorted_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.html", "a.txt", ".hidden.html", ".git/x.html", "c.jsonl"):
        (tmp_path / name).write_text("x")
    specs = expand_inputs([str(tmp_path), str(tmp_path / "a.txt")])
    names = [Path(s.path).relative_to(tmp_path).as_posix() for s in specs]
    assert names == ["a.txt", "b/2.html", "c.jsonl"]
    assert [s.kind for s in specs] == ["page", "page", "jsonl"]


def test_jsonl_records_and_rejects(make_jsonl, rows) -> None:  # type: ignore[no-untyped-def]
    good = rows(2)
    path = make_jsonl(
        "in.jsonl",
        [good[0], "{not json", "", "[1, 2]", {"id": "e", "text": "  "},
         {"id": "h", "html": "<p>x</p>", "text": "ignored"}, good[1]],
    )
    recs = list(JsonlReader().read(spec(path, "jsonl")))
    assert [r.reject for r in recs] == [None, "invalid-jsonl", "invalid-jsonl", "empty-input", None, None]
    assert recs[0].record_id == "doc-0" and recs[0].kind == "text"
    assert recs[0].published == good[0]["published"] and recs[0].outlet == "kompas.com"
    assert recs[1].key.endswith("#2") and recs[2].key.endswith("#4")  # blank line 3 is no record
    assert recs[4].kind == "html" and recs[4].payload == "<p>x</p>"


def test_jsonl_field_names_are_configurable(make_jsonl) -> None:  # type: ignore[no-untyped-def]
    path = make_jsonl("in.jsonl", [{"uid": 7, "body": "Teks berita.", "link": "http://a.id/1", "tgl": "2019-09-10"}])
    cfg = ReaderConfig(id_field="uid", text_field="body", url_field="link", date_field="tgl")
    (rec,) = JsonlReader(cfg).read(spec(path, "jsonl"))
    assert (rec.record_id, rec.payload, rec.url, rec.published) == ("7", "Teks berita.", "http://a.id/1", "2019-09-10")


def test_jsonl_oversized_line_is_rejected_and_skipped(make_jsonl, rows) -> None:  # type: ignore[no-untyped-def]
    big = {"id": "big", "text": "kata " * 5000}
    path = make_jsonl("in.jsonl", [big, rows(1)[0]])
    recs = list(JsonlReader(ReaderConfig(max_bytes=5000)).read(spec(path, "jsonl")))
    assert [r.reject for r in recs] == ["input-too-large", None]
    assert recs[0].size and recs[0].size > 20_000


def test_truncated_gzip_jsonl_keeps_records_before_the_cut(make_jsonl, rows) -> None:  # type: ignore[no-untyped-def]
    path = make_jsonl("in.jsonl.gz", rows(40), gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    recs = list(JsonlReader().read(spec(path, "jsonl")))
    assert recs[-1].reject == "truncated"
    assert all(r.reject is None for r in recs[:-1]) and len(recs) > 5


def _warc(tmp_path: Path, records: list[bytes], *, gz: bool = False, name: str = "c.warc") -> Path:
    path = tmp_path / (name + (".gz" if gz else ""))
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    return path


def test_warc_response_records(tmp_path: Path) -> None:
    path = _warc(
        tmp_path,
        [
            warc_response("http://a.id/1", HTML, record_id="1"),
            warc_response("http://a.id/doc.pdf", b"%PDF-1.4 ...", record_id="2", content_type="application/pdf"),
            warc_response("http://a.id/gone", b"<html>404</html>", record_id="3", status=404),
            warc_response("http://a.id/big", b"<p>" + b"x" * 5000 + b"</p>", record_id="4"),
            warc_response("http://a.id/2", HTML, record_id="5", content_type="text/html; charset=windows-1252"),
        ],
    )
    recs = list(WarcReader(ReaderConfig(max_bytes=4000)).read(spec(path, "warc")))
    assert [r.reject for r in recs] == [None, "non-html", "http-status", "input-too-large", None]
    first = recs[0]
    assert first.url == "http://a.id/1" and first.record_id == "<urn:uuid:1>"
    assert first.fetched and first.fetched.startswith("2019-09-16T10:00:00")
    assert first.payload == HTML and first.http_charset == "utf-8"
    assert recs[4].http_charset == "windows-1252"
    assert len({r.key for r in recs}) == 5


def test_truncated_warc_and_warc_gz(tmp_path: Path) -> None:
    records = [warc_response(f"http://a.id/{i}", HTML * 3, record_id=str(i)) for i in range(4)]
    for gz in (False, True):
        path = _warc(tmp_path, records, gz=gz, name=f"t{gz}.warc")
        data = path.read_bytes()
        path.write_bytes(data[:-40])
        recs = list(WarcReader().read(spec(path, "warc")))
        assert [r.reject for r in recs] == [None, None, None, "truncated"], gz


def test_not_a_warc_and_missing_file_are_unreadable(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a warc file\n" * 20)
    (rec,) = WarcReader().read(spec(junk, "warc"))
    assert rec.reject == "unreadable"
    missing = tmp_path / "missing.html"
    (rec,) = PageReader().read(spec(missing, "page"))
    assert rec.reject == "unreadable" and rec.key == str(missing)


def test_page_files(tmp_path: Path) -> None:
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress(HTML))
    (rec,) = PageReader().read(spec(page, "page"))
    assert rec.payload == HTML and rec.kind == "html" and rec.record_id == str(page)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    (rec,) = PageReader(ReaderConfig(max_bytes=1000)).read(spec(big, "page"))
    assert rec.reject == "input-too-large"
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(HTML * 50)[:60])
    (rec,) = PageReader().read(spec(broken, "page"))
    assert rec.reject == "truncated"


def test_a_50_mb_record_is_rejected_without_reading_it_whole(tmp_path: Path) -> None:
    body = b"<p>" + b"x" * (50 * 2**20) + b"</p>"
    warc = _warc(tmp_path, [warc_response("http://a.id/huge", body, record_id="h"),
                            warc_response("http://a.id/ok", HTML, record_id="ok")])
    recs = list(WarcReader().read(spec(warc, "warc")))
    assert [r.reject for r in recs] == ["input-too-large", None]
    line = tmp_path / "huge.jsonl"
    line.write_bytes(b'{"id": "h", "text": "' + b"x" * (50 * 2**20) + b'"}\n{"id": "ok", "text": "Teks."}\n')
    recs = list(JsonlReader().read(spec(line, "jsonl")))
    assert [(r.record_id, r.reject) for r in recs] == [(recs[0].key, "input-too-large"), ("ok", None)]
