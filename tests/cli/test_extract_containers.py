"""``warta extract`` on inputs that are not one page: WARC and JSON Lines files are refused with
``container-input`` (``warta run`` reads them), ``--url`` names one page only, several articles
in text or markdown are separated, and HTML read as text says so."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from warta.cli.main import main
from warta.errors import ContainerInput
from warta.extract import HTML_READ_AS_TEXT, extract
from warta.page.intake import sniff_kind

STORY = (
    "Banjir Rendam Rumah Warga\n"
    "PALANGKA RAYA - Hujan deras membuat ratusan rumah di tepi sungai terendam banjir, "
    "kata petugas kepada wartawan pada Selasa pagi.\n"
    "Warga mulai mengungsi ke balai kelurahan dan dapur umum sudah disiapkan oleh pemerintah.\n"
)
PAGE = (
    "<html><head><title>Banjir Rendam Rumah Warga</title></head><body><article>"
    "<h1>Banjir Rendam Rumah Warga</h1>"
    + "".join(f"<p>{line}</p>" for line in STORY.splitlines()[1:]) * 3
    + "</article></body></html>"
)
WARC = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/a\r\n"
    b"Content-Length: 10\r\n\r\nHTTP/1.1 2\r\n\r\n"
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(["extract", *argv])
    return status, capsys.readouterr().out


def _records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_warc_and_jsonl_files_are_refused_not_read_as_one_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(WARC * 3))
    lines = [json.dumps({"id": str(n), "text": STORY}) for n in range(3)]
    (tmp_path / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    paths = [str(tmp_path / n) for n in ("crawl.warc.gz", "pages.jsonl", "story.txt")]
    status, out = _run(capsys, "--no-enrich", *paths)
    records = _records(out)
    assert status == 1
    assert [r["error_code"] for r in records] == ["container-input", "container-input", None]
    assert "warta run" in records[0]["error"] and "warta run" in records[1]["error"]
    assert records[2]["title"] == "Banjir Rendam Rumah Warga"


@pytest.mark.parametrize(
    "source",
    [WARC, b"\xef\xbb\xbf\n" + WARC, b'{"text": "a"}\n{"text": "b"}\n', '  {"html": "<p>x</p>"}'],
)
def test_extract_api_raises_container_input(source: bytes | str) -> None:
    with pytest.raises(ContainerInput):
        extract(source, enrich=False)


def test_text_that_opens_with_a_brace_but_no_json_is_still_a_page() -> None:
    text = "{Banjir} " + STORY
    article = extract(text, input="text", enrich=False)
    assert "Hujan deras" in article.text
    # a page's metadata printed as text, then the page: one JSON object is no JSON Lines file
    meta = '{"title": "Banjir Rendam Rumah Warga", "location": "body"}\n'
    article = extract(meta + STORY, input="text", enrich=False)
    assert "Hujan deras" in article.text
    # "WARC/1.1" in prose is no record header
    article = extract("WARC/1.1 adalah format arsip web. " + STORY, input="text", enrich=False)
    assert "Hujan deras" in article.text


def test_jsonl_whose_first_record_is_long_is_refused() -> None:
    line = '{"id": "1", "html": "<p>' + "Hujan deras membuat banjir. " * 4000 + '</p>"}\n'
    assert len(line) > 65536
    with pytest.raises(ContainerInput):
        extract((line * 2).encode(), enrich=False)


def test_url_names_one_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    status = main(
        [
            "extract",
            "--url",
            "https://example.com/2019/09/10/a",
            *map(str, [tmp_path / "a.txt", tmp_path / "b.txt"]),
        ]
    )
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    assert "--url" in captured.err


@pytest.mark.parametrize(("fmt", "separator"), [("text", "\f" + "=" * 72), ("markdown", "---")])
def test_several_articles_are_separated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, separator: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    status, out = _run(capsys, "--no-enrich", "--format", fmt, str(path), str(path), str(path))
    assert status == 0
    assert out.count(separator + "\n") == 2
    status, out = _run(capsys, "--no-enrich", "--format", fmt, str(path))
    assert separator not in out


def test_html_read_as_text_is_flagged() -> None:
    article = extract(PAGE, input="text", enrich=False)
    assert HTML_READ_AS_TEXT in article.warnings
    assert HTML_READ_AS_TEXT not in extract(PAGE, enrich=False).warnings
    assert HTML_READ_AS_TEXT not in extract(STORY, input="text", enrich=False).warnings


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"<!DOCTYPE html><p>x", "html"),
        (b"\xef\xbb\xbf  <div class='a'>Berita</div>", "html"),  # a fragment opens with a tag
        (b"<p>Halo</p>", "html"),
        (b"note\n<html><head><meta charset=utf-8><title>x</title></head><body>", "html"),
        (b"Gunakan tag <p> untuk paragraf dan <div> untuk blok.", "text"),  # prose about HTML
        (b"JAKARTA - Harga beras naik.\n\nBaca Juga: <b>x</b>", "text"),
    ],
)
def test_sniff_tells_pages_from_prose_that_names_a_tag(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind


def test_text_that_names_a_tag_is_read_as_text() -> None:
    story = STORY + "\n\nPanduan menulis: gunakan tag <p> untuk setiap paragraf.\n"
    article = extract(story.encode(), enrich=False)
    assert HTML_READ_AS_TEXT not in article.warnings
    assert any("<p>" in p.text for p in article.paragraphs)


def test_published_dates_text_input_and_its_relative_dates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    status, out = _run(capsys, "--published", "2024-06-14T09:00:00+07:00", str(path))
    (record,) = _records(out)
    assert status == 0 and record["published"] == "2024-06-14T09:00:00+07:00"
    assert {"text": "pada Selasa pagi", "value": "2024-06-11"} in record["dates"]
    with pytest.raises(SystemExit) as info:
        main(["extract", "--published", "14/6", str(path)])
    assert info.value.code == 2 and "ISO 8601" in capsys.readouterr().err
