"""``warta extract``: one object per input, in order; bad inputs give `error`, never abort the run."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from warta.cli.main import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
REQUIRED = {
    "source", "title", "text", "paragraphs", "language", "published", "authors", "site_name",
    "url", "dateline", "credit", "related_links", "warnings", "error",
}  # fmt: skip
STORY = (
    "Banjir Rendam Rumah Warga {n}\n"
    "PALANGKA RAYA - Hujan deras membuat ratusan rumah di tepi sungai terendam banjir, "
    "kata petugas kepada wartawan pada Selasa pagi, berita nomor {n}.\n"
    "Warga mulai mengungsi ke balai kelurahan dan dapur umum sudah disiapkan oleh pemerintah.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]]]:
    status = main(["extract", *argv])
    out = capsys.readouterr().out
    return status, [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY.format(n=1), encoding="utf-8")
    return path


def test_bad_inputs_give_error_objects_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, story: Path
) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate at all" * 20)
    whole = gzip.compress(STORY.format(n=2).encode())
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4\n" + bytes(200))
    (tmp_path / "bytes.bin").write_bytes(bytes(range(256)) * 4)
    paths = [
        str(story), str(tmp_path / "missing.html"), str(tmp_path / "dir"),
        str(tmp_path / "empty.html"), str(tmp_path / "corrupt.html.gz"),
        str(tmp_path / "cut.txt.gz"), str(tmp_path / "doc.pdf"), str(tmp_path / "bytes.bin"),
        str(story),
    ]  # fmt: skip
    status, records = run(capsys, *paths)
    assert status == 1
    assert [r["source"] for r in records] == paths
    codes = [r["error_code"] for r in records]
    assert codes == [
        None, "io-error", "io-error", "empty-input", "bad-gzip", "bad-gzip", "binary-input",
        "binary-input", None,
    ]  # fmt: skip
    for record in records:
        assert record.keys() >= REQUIRED
        assert (record["error"] is None) == (record["error_code"] is None)
    assert "Hujan deras" in records[0]["text"]
    assert records[0]["text"] == "\n\n".join(records[0]["paragraphs"])


def test_all_good_exits_0(capsys: pytest.CaptureFixture[str], story: Path) -> None:
    status, records = run(capsys, str(story))
    assert status == 0
    assert records[0]["error"] is None
    assert records[0]["title"]


def test_gzip_and_its_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.format(n=3).encode()))
    status, records = run(capsys, str(path))
    assert status == 0
    assert "berita nomor 3" in records[0]["text"]


def test_a_gzip_bomb_reads_no_more_than_the_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"kata " * 2_000_000))  # 10 MB of text, 10 KB on disk
    status, records = run(capsys, "--max-bytes", "100000", str(path))
    assert status == 1
    assert records[0]["error_code"] == "input-too-large"


def test_oversized_html_is_cut_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = (FIXTURES / "article.html").read_bytes()
    path = tmp_path / "big.html"
    path.write_bytes(page.replace(b"</article>", b"</article>" + b"<!-- padding -->" * 5000))
    status, records = run(capsys, "--max-bytes", str(len(page) + 1000), str(path))
    assert records[0]["error"] is None, records[0]["error"]
    assert status == 0
    assert "input-truncated" in records[0]["warnings"]


def test_stdin_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(STORY.format(n=4).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    status, records = run(capsys, "-")
    assert status == 0
    assert records[0]["source"] == "-"
    assert "berita nomor 4" in records[0]["text"]


def test_python_m_warta_reads_stdin_and_exits_1_on_a_bad_path(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "warta", "extract", "-", str(tmp_path / "missing.txt")],
        input=STORY.format(n=5).encode(),
        capture_output=True,
        timeout=120,
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1, done.stderr
    assert [r["source"] for r in records] == ["-", str(tmp_path / "missing.txt")]
    assert "berita nomor 5" in records[0]["text"]
    assert records[1]["error_code"] == "io-error"


def test_thousand_paths_in_one_call_stay_in_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This tests the CLI's loop, not language identification: skip its ~10 ms per page.
    monkeypatch.setattr(sys.modules["warta.extract"], "detect_language", lambda text: (None, 0.0))
    paths = []
    for n in range(1050):
        path = tmp_path / f"{n:04d}.txt"
        path.write_text("" if n % 100 == 7 else STORY.format(n=n), encoding="utf-8")
        paths.append(str(path))
    status, records = run(capsys, *reversed(paths))
    assert status == 1
    assert [r["source"] for r in records] == paths[::-1]
    for record in records:
        n = int(Path(record["source"]).stem)
        if n % 100 == 7:
            assert record["error_code"] == "empty-input"
        else:
            assert f"berita nomor {n}." in record["text"], record


def test_undecodable_file_name_is_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    name = os.fsdecode(b"berita-\xff.txt")  # carries a lone surrogate, as sys.argv would
    try:
        (tmp_path / name).write_text(STORY.format(n=6), encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses undecodable names")
    status, records = run(capsys, str(tmp_path / name), str(tmp_path / os.fsdecode(b"\xfe")))
    assert status == 1
    assert records[0]["source"].endswith("berita-\ufffd.txt")
    assert "berita nomor 6" in records[0]["text"]
    assert records[1]["error_code"] == "io-error"


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_other_formats_keep_order_and_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, story: Path, fmt: str
) -> None:
    missing = str(tmp_path / "missing.txt")
    status = main(["extract", "--format", fmt, str(story), missing])
    out = capsys.readouterr().out
    assert status == 1
    if fmt == "json":
        records = json.loads(out)
        assert [r["source"] for r in records] == [str(story), missing]
    else:
        assert out.index("Hujan deras") < out.index(missing)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["extract", "--format", "xml", "x"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["extract", "--timeout", "-1", "x"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["extract", "--max-bytes", "0", "x"])
    assert info.value.code == 2


def test_help_documents_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = capsys.readouterr().out
    assert "exit status: 0 when every input gave an article; 1 when" in out


def test_no_enrich_flag_skips_enrichment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        "Judul Berita Hari Ini\n\n“Kami siap bekerja keras untuk warga,” kata Budi Santoso, Senin (16/9).\n"
        "Rapat berlangsung di Balai Kota Jakarta dan dihadiri para pejabat daerah.\n",
        encoding="utf-8",
    )
    main(["extract", "--no-enrich", str(page)])
    bare = json.loads(capsys.readouterr().out)
    main(["extract", str(page)])
    full = json.loads(capsys.readouterr().out)
    assert bare["quotes"] == [] and bare["entities"] == []
    assert full["quotes"] and full["quotes"][0]["speaker"] == "Budi Santoso"
