"""The Done-when test of the seed: `warta extract --format jsonl` on the seed page gives exactly
the expected reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.cli.main import main

SEED = Path(__file__).resolve().parents[1] / "samples" / "text"
SEED_TEXT = SEED / "prokalteng-putin-korea-utara.txt"
SEED_EXPECTED = SEED / "prokalteng-putin-korea-utara.expected.json"


@pytest.fixture
def record(capsys: pytest.CaptureFixture[str]) -> dict:
    status = main(["extract", "--format", "jsonl", str(SEED_TEXT)])
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 0
    assert len(out) == 1
    rec: dict = json.loads(out[0])
    assert rec["error"] is None
    return rec


@pytest.fixture
def expected() -> dict:
    data: dict = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    return data


def test_title_and_paragraphs_exact(record: dict, expected: dict) -> None:
    assert record["title"] == expected["title"]
    assert record["paragraphs"] == expected["paragraphs"]
    assert record["text"] == "\n\n".join(expected["paragraphs"])


def test_related_links(record: dict, expected: dict) -> None:
    assert [r["title"] for r in record["related_links"]] == expected["related_links"]


def test_no_header_or_footer_lines(record: dict, expected: dict) -> None:
    lines = {p.strip() for p in record["paragraphs"]}
    for junk in ("27.3 C", "Jakarta", "Sunday, September 8, 2024", "Terpopuler", "Artikel Terbaru"):
        assert junk not in lines
    assert "Baca Juga" not in record["text"]
    assert "\u00a0" not in record["text"]


def test_conventions_fields(record: dict, expected: dict) -> None:
    assert record["dateline"] == expected["dateline_source"] == "PROKALTENG.CO"
    assert record["credit"] == expected["credit"] == "jpc"
    assert record["credit_outlet"] == expected["credit_outlet"] == "JawaPos.com"
    assert record["paragraphs"][0].startswith("PROKALTENG.CO-Presiden")
    assert record["paragraphs"][-1].endswith("(jpc)")


def test_repeat_is_reported(record: dict) -> None:
    assert "repeated-body-collapsed" in record["warnings"]
    assert record["input_kind"] == "text"
    assert record["language"] == "id"
