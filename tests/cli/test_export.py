"""``warta export``: a store out to JSONL, Parquet or CSV, to a file, a folder or stdout; one
summary line on stderr; a user mistake is one line and exit 2, with no file written."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from collections import Counter
from pathlib import Path

import pytest

from tests.store import test_export as stores
from tests.web.store_builder import build_store
from tests.web.test_quote_filter import ARTICLES, EXPECTED, build_marked_store, drop_attribution
from warta.cli import export_cmd
from warta.cli.main import main
from warta.pipeline.writers import export as run_export
from warta.store import explore
from warta.store import export as store_export
from warta.store.db import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-export") / "store.db"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def alias_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stores.build_alias_store(tmp_path_factory.mktemp("cli-aliases") / "store.db")


def summary(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("warta export: "), err
    return err[0]


@pytest.fixture(scope="module")
def marked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_marked_store(tmp_path_factory.mktemp("cli-marked") / "store.db")


def test_the_cli_choices_are_the_store_s() -> None:
    assert export_cmd.WHATS == store_export.WHATS
    assert export_cmd.STATUSES == store_export.STATUSES
    assert export_cmd.ATTRIBUTIONS == explore.ATTRIBUTIONS


def test_articles_to_parquet_equal_warta_run_out(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "articles.parquet"
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    line = summary(capsys)
    assert "10 articles (status all)" in line and f"written to {out} (parquet)" in line
    with open_store(db) as store:  # the writer `warta run --out` uses, on the same store
        [articles, _rejects] = run_export(store, str(tmp_path / "run"), "parquet")
    assert pq.read_table(out).equals(pq.read_table(articles))


def test_quotes_of_a_person_to_csv_under_every_name(alias_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "jokowi.csv"
    assert main(["export", "--db", str(alias_db), "--what", "quotes", "--entity", "Jokowi", "--out", str(out)]) == 0
    line = summary(capsys)
    assert "2 quotes" in line and "speaker Joko Widodo [PERSON" in line
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == store_export.COLUMNS["quotes"]
    assert sorted(r["speaker"] for r in rows) == ["Joko Widodo", "Jokowi"]
    assert {r["attribution"] for r in rows} == {"named"}


def test_jsonl_to_stdout_and_a_folder(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db), "--what", "stories", "--outlet", "kompas.com", "--out", "-"]) == 0
    captured = capsys.readouterr()
    stories = [json.loads(line) for line in captured.out.splitlines()]
    assert sorted(s["story_id"] for s in stories) == ["story-pangan", "story-putin"]
    assert "2 stories" in captured.err and "standard output" in captured.err
    assert main(["export", "--db", str(db), "--what", "entities", "--format", "csv", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "entities.csv").read_text(encoding="utf-8").startswith("entity_id,name,type,")


def test_csv_to_stdout_with_a_search_and_days(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", "--db", str(db), "--query", "gempa", "--since", "2024-06-12", "--until", "2024-06-12",
            "--format", "csv", "--out", "-"]  # fmt: skip
    assert main(args) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["id"] for r in rows) == ["gempa-suara", "gempa-tribun"]


def test_csv_cells_are_defused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = stores.alias_article(5, "Budi", "Budi", "Jalan tol dibuka.")
    spec["title"] = "=HYPERLINK(\"http://evil.example\")"
    path = stores.build_alias_store(tmp_path / "s.db", [spec])
    assert main(["export", "--db", str(path), "--format", "csv", "--out", "-"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["title"].startswith("'=")


def test_an_older_store_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = stores.build_alias_store(tmp_path / "old.db")
    stores.make_old(path)
    before = path.read_bytes()
    for what in store_export.WHATS:
        assert main(["export", "--db", str(path), "--what", what, "--out", str(tmp_path / f"{what}.jsonl")]) == 0
    quotes = [json.loads(x) for x in (tmp_path / "quotes.jsonl").read_text().splitlines()]
    assert len(quotes) == 3 and {q["attribution"] for q in quotes} == {None}
    assert path.read_bytes() == before  # read-only: not migrated


@pytest.mark.parametrize(
    ("extra", "marks"),
    [
        (["--attribution", "named"], ["named"]),
        (["--attribution", "named,role"], ["named", "role"]),
        (["--attribution", "pronoun", "--attribution", "Context"], ["pronoun", "context"]),
        (["--attribution", "all"], list(EXPECTED)),
        ([], list(EXPECTED)),
    ],
)
def test_quotes_by_attribution(marked_db: Path, capsys: pytest.CaptureFixture[str], extra: list[str],
                               marks: list[str]) -> None:
    args = ["export", "--db", str(marked_db), "--what", "quotes", "--entity", "Joko Widodo", "--format", "csv",
            "--out", "-", *extra]  # fmt: skip
    assert main(args) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert Counter(r["attribution"] for r in rows) == {k: v for k, v in EXPECTED.items() if k in marks}
    said = "attribution " + ", ".join(marks)
    assert (said in captured.err) is (len(marks) < len(EXPECTED))


def test_quotes_by_attribution_without_a_speaker_and_with_other_filters(marked_db: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", "--db", str(marked_db), "--what", "quotes", "--attribution", "named", "--outlet", "tempo.co",
            "--out", "-"]  # fmt: skip
    assert main(args) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == ARTICLES // 2 and {(r["attribution"], r["outlet"]) for r in rows} == {("named", "tempo.co")}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--what", "quotes", "--attribution", "sure"],
         "--attribution: 'sure' is not one of named, role, pronoun, continued, context, all"),
        (["--what", "quotes", "--attribution", "named,guess"], "'guess' is not one of"),
        (["--attribution", "named"], "attribution selects quotes only"),
        (["--what", "entities", "--attribution", "named"], "attribution selects quotes only"),
    ],
)
def test_a_bad_attribution_is_one_line_and_exit_2(marked_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 extra: list[str], message: str) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["export", "--db", str(marked_db), "--out", str(out), *extra]) == 2
    assert message in summary(capsys)
    assert not list(tmp_path.iterdir())


def test_an_older_store_cannot_filter_by_attribution(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_marked_store(tmp_path / "old.db")
    drop_attribution(path)
    out = tmp_path / "q.jsonl"
    assert main(["export", "--db", str(path), "--what", "quotes", "--attribution", "named", "--out", str(out)]) == 2
    assert "migration 7" in summary(capsys) and not out.exists()
    assert main(["export", "--db", str(path), "--what", "quotes", "--attribution", "all", "--out", str(out)]) == 0
    assert len(out.read_text().splitlines()) == sum(EXPECTED.values())


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--query", '"unbalanced'], "unbalanced quote"),
        (["--query", "title:kpk"], "column filters"),
        (["--since", "2019-13-01"], "--since must be a day"),
        (["--since", "2024-06-19", "--until", "2024-06-18"], "is after --until"),
        (["--entity", "Nobody Here"], "no entity is named 'Nobody Here'"),
        (["--what", "rejects", "--outlet", "kompas.com"], "rejects cannot be filtered"),
        (["--format", "parquet"], "ends in .jsonl but --format is parquet"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          extra: list[str], message: str) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["export", "--db", str(db), "--out", str(out), *extra]) == 2
    line = summary(capsys)
    assert message in line and "Traceback" not in line
    assert not out.exists() and not list(tmp_path.iterdir())


def test_bad_targets_exit_2(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        (["--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "x.jsonl")], "no store at"),
        (["--db", str(db), "--out", "-", "--format", "parquet"], "Parquet cannot go to standard output"),
        (["--db", str(db), "--out", str(tmp_path / "no" / "x.csv")], "does not exist"),
        (["--db", str(db), "--out", str(db), "--format", "jsonl"], "is the store itself"),
    ]
    for args, message in cases:
        assert main(["export", *args]) == 2
        assert message in summary(capsys)
    notastore = tmp_path / "notes.txt"
    notastore.write_text("not a database " * 100)
    assert main(["export", "--db", str(notastore), "--out", str(tmp_path / "x.jsonl")]) == 2
    assert "not a SQLite database" in summary(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_failed_export_keeps_the_old_file_and_leaves_no_partial(db: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "quotes.jsonl"
    out.write_text("earlier export\n")

    def broken(*_args: object) -> object:
        yield {"quote_id": 1}
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store_export, "export_table", broken)
    with pytest.raises(RuntimeError):
        main(["export", "--db", str(db), "--what", "quotes", "--out", str(out)])
    assert out.read_text() == "earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.jsonl"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_is_written_not_replaced(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["export", "--db", str(db), "--what", "quotes", "--format", "csv", "--out", str(fifo)]) == 0
    reader.join(timeout=10)
    assert got and got[0].startswith(b"quote_id,")
    assert not fifo.is_file()  # still the pipe (renaming over it would have made a plain file)
