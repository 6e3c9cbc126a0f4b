"""``warta run`` / ``warta stats`` on user mistakes: one line, exit 2, nothing created."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.cli.main import main

TEXT = " ".join(["Pemerintah kota mengumumkan rencana pembangunan jalan baru ke pelabuhan."] * 8)


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "url": "https://kompas.com/a", "text": TEXT}) + "\n")
    return path


def _one_line_error(capsys: pytest.CaptureFixture[str], command: str) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"warta {command}: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--workers", "-1"], "--workers must be 1 or more"),
        (["--timeout", "-1"], "--timeout must be"),
        (["--max-mb", "0"], "--max-mb must allow"),
        (["--max-mb", "-3"], "--max-mb must be"),
        (["--batch-size", "0"], "--batch-size"),
        (["--enrich", "nomod_s8:x"], "No module named 'nomod_s8'"),
        (["--enrich", "notaspec"], "module:function"),
        (["--enrich", "os:getcwd"], "takes (), not one Article argument"),
        (["--max-mb", "1e30"], "--max-mb must be at most 1024"),
        (["--timeout", "1e300"], "--timeout must be at most 86400"),
    ],
)
def test_bad_options_exit_2_before_any_store(tmp_path: Path, jsonl: Path, capsys: pytest.CaptureFixture[str],
                                             extra: list[str], message: str) -> None:
    db = tmp_path / "s.db"
    assert main(["run", str(jsonl), "--db", str(db), "--quiet", *extra]) == 2
    assert message in _one_line_error(capsys, "run")
    assert not db.exists()


def test_bad_paths_exit_2(tmp_path: Path, jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["run", str(jsonl), str(tmp_path / "nothere.jsonl"), "--db", str(db), "--quiet"]) == 2
    assert "does not exist" in _one_line_error(capsys, "run")
    afile = tmp_path / "afile"
    afile.write_text("x")
    assert main(["run", str(jsonl), "--db", str(db), "--out", str(afile), "--quiet"]) == 2
    assert "--out" in _one_line_error(capsys, "run")
    assert main(["run", str(jsonl), "--db", str(db), "--out", str(db), "--quiet"]) == 2
    assert "is the store's path" in _one_line_error(capsys, "run")
    assert not db.exists()
    assert main(["run", str(jsonl), "--db", "/dev/null", "--quiet"]) == 2
    assert "not a regular file" in _one_line_error(capsys, "run")
    garbage = tmp_path / "x.db"
    garbage.write_text("garbage\n")
    for command in (["run", str(jsonl)], ["stats"]):
        for bad in (garbage, tmp_path):
            assert main([*command, "--db", str(bad)]) == 2
            line = _one_line_error(capsys, command[0])
            assert "not a SQLite database" in line or "is a directory" in line
    assert garbage.read_text() == "garbage\n"


def test_stats_of_a_sqlite_file_that_is_no_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert main(["stats", "--db", str(other)]) == 2
    assert "not a warta store" in _one_line_error(capsys, "stats")
    assert main(["stats", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store" in _one_line_error(capsys, "stats")


def test_interrupted_run_says_how_to_resume(tmp_path: Path, jsonl: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.pipeline.run as pipeline_run

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline_run, "run", interrupted)
    assert main(["run", str(jsonl), "--db", str(tmp_path / "s.db"), "--quiet"]) == 130
    assert "re-run the same command to resume" in capsys.readouterr().err


def test_good_run_then_stats(tmp_path: Path, jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    assert main(["run", str(jsonl), "--db", db, "--quiet", "--workers", "1"]) == 0
    assert "1 new records (1 articles, 0 rejects" in capsys.readouterr().err
    assert main(["stats", "--db", db]) == 0
    assert "every record accounted for" in capsys.readouterr().out


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_serve_port_out_of_range_exits_2(tmp_path: Path, port: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "s.db"), "--port", port]) == 2
    assert "--port must be 0-65535" in _one_line_error(capsys, "serve")
