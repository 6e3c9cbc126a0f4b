"""The benchmark harness on tiny fake sets: runners, scorers, tables, the docs writer, C4 rules."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks import c4, harness
from benchmarks.data import Page
from benchmarks.report import set_table, write_between
from benchmarks.runner import (
    Call,
    TextInput,
    Tool,
    ToolUnavailable,
    check_runs,
    run_tools,
    timed_call,
)
from benchmarks.scoring import score_set
from benchmarks.textmode import justext_text

GOLD_A = "The council approved the new budget on Monday after a long debate about schools."
GOLD_B = "Heavy rain flooded three villages, and the district opened two shelters for families."


def _pages() -> list[Page]:
    return [
        Page(
            "a",
            f"<html><body><nav>Home News</nav><p>{GOLD_A}</p></body></html>".encode(),
            None,
            {
                "id": "a",
                "text": GOLD_A,
                "page_type": "article",
                "with": [GOLD_A[:20]],
                "without": ["Home News"],
            },
        ),
        Page(
            "b",
            f"<html><body><p>{GOLD_B}</p><footer>Share this</footer></body></html>".encode(),
            None,
            {
                "id": "b",
                "text": GOLD_B,
                "page_type": "forum",
                "with": [GOLD_B[:20]],
                "without": ["Share this"],
            },
        ),
    ]


def _perfect(page: Page) -> str:
    return page.text


def _crash(page: Page) -> str:
    raise RuntimeError("boom")


def test_perfect_tool_scores_one_and_crash_counts_as_empty() -> None:
    pages = _pages()
    calls = run_tools([Tool("perfect", "", _perfect), Tool("crash", "", _crash)], pages)
    perfect = score_set("scrapinghub", "perfect", pages, calls["perfect"])
    crash = score_set("scrapinghub", "crash", pages, calls["crash"])
    assert perfect.f1 == pytest.approx(1.0) and perfect.empty == 0
    assert crash.f1 == 0.0 and crash.empty == 2 and crash.errors == {"RuntimeError": 2}
    assert perfect.pages_per_second > 0


def test_word_sets_report_snippets_and_page_types() -> None:
    pages = _pages()
    calls = [Call(GOLD_A + " Home News", 0.1), Call("", 0.1)]
    score = score_set("wcxb-dev", "t", pages, calls)
    assert score.snippets == (1, 2, 1, 2)
    assert score.by_type == {
        "article": pytest.approx(score.per_page[0]["f1"], abs=1e-4),
        "forum": 0.0,
    }
    assert score.per_page[0]["precision"] < 1.0 and score.per_page[0]["recall"] == 1.0


def test_id_news_listing_pages_are_described_not_scored() -> None:
    pages = [*_pages(), Page("list", b"<p>x</p>", None, {"id": "list", "page_type": "listing"})]
    calls = [Call(GOLD_A, 0.1), Call(GOLD_B, 0.1), Call("one two three", 0.1)]
    score = score_set("id-news-dev", "t", pages, calls)
    assert score.scored == 2 and score.unscored == 1 and score.f1 == pytest.approx(1.0)
    assert score.unscored_mean_words == 3 and score.unscored_nonempty == 1
    # On a set that is not id-news-dev, a page without gold is scored (WCXB counts it).
    assert score_set("wcxb-dev", "t", pages, calls).scored == 3


def test_timeout_counts_as_empty() -> None:
    def spin(_: object) -> str:
        while True:
            pass

    call = timed_call(spin, None, 0.05)
    assert call.error == "timeout" and call.text == ""


def test_a_tool_that_does_not_import_stops_the_run() -> None:
    def broken(_: object) -> str:
        import warta.no_such_module  # noqa: F401

        return ""

    check_runs(Tool("crash", "", _crash), _pages()[0])  # a crash on one page is a result
    with pytest.raises(ToolUnavailable, match="broken cannot run"):
        check_runs(Tool("broken", "", broken), None)


def test_table_has_a_row_per_tool_with_ratios() -> None:
    pages = _pages()
    scores = [
        score_set(
            "wcxb-dev",
            "trafilatura",
            pages,
            [Call(GOLD_A, 0.5, cpu_seconds=0.4), Call(GOLD_B, 0.5, cpu_seconds=0.4)],
        ),
        score_set(
            "wcxb-dev",
            "fast",
            pages,
            [Call(GOLD_A, 0.1, cpu_seconds=0.08), Call("", 0.1, cpu_seconds=0.08)],
        ),
    ]
    table = set_table("wcxb-dev", scores, "trafilatura")
    rows = [
        line
        for line in table.splitlines()
        if line.startswith("| fast") or line.startswith("| trafilatura")
    ]
    assert len(rows) == 4  # the main table and the page-type table
    assert "5.00×" in rows[1] and "0.50×" in rows[1]  # five times faster, half the F1


def test_write_between_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    doc = tmp_path / "bench.md"
    write_between(doc, "extraction", "first")
    doc.write_text(doc.read_text() + "\n## Other\n\nkept\n")
    write_between(doc, "extraction", "second")
    write_between(doc, "textmode", "text tables")
    text = doc.read_text()
    assert "first" not in text and "second" in text and "kept" in text and "text tables" in text
    assert text.count("## Extraction") == 2 and text.index("second") < text.index("## Other")


def test_c4_rules() -> None:
    good = "The mayor said the bridge will reopen next week. Traffic will be diverted."
    text = "\n".join(
        [
            good,
            "Home",
            "Read more about this story here",
            "This site uses cookies to work.",
            "Please enable JavaScript to view the comments.",
            good,
            good,
        ]
    )
    assert c4.clean(text).splitlines() == [good, good, good]
    assert c4.clean(good) == ""  # two sentences: the page is dropped
    assert c4.clean(good, page_rules=False) == good
    assert (
        c4.clean(text + "\nvar x = {a: 1}; call it done.") == ""
    )  # a curly bracket drops the page


def test_harness_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "bench"
    (root / "scrapinghub" / "pages").mkdir(parents=True)
    with gzip.open(root / "scrapinghub" / "gold.jsonl.gz", "wt") as fh:
        for page in _pages():
            fh.write(json.dumps(page.gold) + "\n")
            (root / "scrapinghub" / "pages" / f"{page.id}.html.gz").write_bytes(
                gzip.compress(page.html)
            )
    monkeypatch.setattr(
        harness, "pin_to_one_core", lambda cpu: None
    )  # leave pytest's affinity alone
    registry = {
        "perfect": Tool("perfect", "gold text", _perfect),
        "crash": Tool("crash", "raises", _crash),
    }
    argv = [
        "--sets",
        "scrapinghub",
        "--tools",
        "perfect",
        "crash",
        "--out",
        str(tmp_path / "b.md"),
        "--raw-dir",
        str(tmp_path / "raw"),
        "--bench-root",
        str(root),
    ]
    args = harness.parser("x", "", list(registry), list(registry)).parse_args(argv)
    report = harness.run(
        mode="extraction",
        module="benchmarks.extraction",
        args=args,
        argv=argv,
        registry=registry,
        make_inputs=lambda s, p: p,
        reference="perfect",
        intro="Intro.",
    )
    assert "| perfect | 1.000 | 1.000 | **1.000** |" in report
    assert "<!-- extraction:start -->" in (tmp_path / "b.md").read_text()
    raw = json.loads((tmp_path / "raw" / "extraction" / "scrapinghub.json").read_text())
    assert [t["tool"] for t in raw["tools"]] == ["perfect", "crash"]
    assert raw["tools"][1]["per_page"][0]["error"] == "RuntimeError"
    assert raw["tools"][1]["per_page"][0]["detail"] == "boom"


def test_justext_text_mode_drops_short_boilerplate_lines() -> None:
    pytest.importorskip("justext")
    body = (
        "The district government said on Tuesday that the new hospital would open in March and that "
        "it would serve more than forty villages in the area, which until now had no clinic at all. "
        "Doctors from the provincial capital will work there in turns until the new staff are hired."
    )
    out = justext_text(TextInput("p", "\n".join(["Home", "Login", body, "Share"]), lang="en"))
    assert out == body


def test_readability_text_keeps_blocks_apart() -> None:
    lxml_html = pytest.importorskip("lxml.html")
    from benchmarks.tools import element_text

    root = lxml_html.fromstring(
        "<div><p>It ended.</p><p>Next <b>day</b><!-- c -->,  rain</p>tail<br>x</div>"
    )
    assert element_text(root) == "It ended.\nNext day, rain\ntail\nx"


def test_warta_errors_count_as_empty_and_by_name() -> None:
    from benchmarks.tools import warta_html

    call = timed_call(warta_html, Page("empty", b"   ", None), None)
    assert call.text == "" and call.error == "EmptyInput"


def test_a_missing_file_behind_an_error_stops_the_run() -> None:
    def wrapped(_: object) -> str:
        try:
            Path("/nonexistent/model.npz").read_bytes()
        except OSError as exc:
            raise ValueError("extraction failed") from exc
        return ""

    with pytest.raises(ToolUnavailable, match="FileNotFoundError"):
        check_runs(Tool("wrapped", "", wrapped), None)


def test_tools_run_side_by_side_page_by_page() -> None:
    order: list[tuple[str, int]] = []

    def tool(name: str) -> Tool[int]:
        def fn(item: int) -> str:
            order.append((name, item))
            return str(item)

        return Tool(name, "", fn)

    calls = run_tools([tool("a"), tool("b")], [1, 2, 3, 4, 5], warmup=0, turn_pages=2)
    assert [c.text for c in calls["a"]] == [c.text for c in calls["b"]] == ["1", "2", "3", "4", "5"]
    assert order == [
        ("a", 1), ("a", 2), ("b", 1), ("b", 2),
        ("b", 3), ("b", 4), ("a", 3), ("a", 4),
        ("a", 5), ("b", 5),
    ]  # fmt: skip
