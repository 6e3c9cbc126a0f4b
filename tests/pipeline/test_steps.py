"""Per-record steps: errors become rejects, quality figures, keys, index text."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from warta.errors import NoContent
from warta.pipeline.base import Item, Record, RunContext, Step, run_steps
from warta.pipeline.steps import default_steps
from warta.pipeline.steps.keys import day_of, outlet_domain
from warta.pipeline.steps.quality import _dup_ngram_ratios, quality_figures, quality_flags
from warta.store.rows import ArticleRow, RejectRow
from warta.store.tokens import index_text


class Boom(Step):
    name = "boom"

    def process(self, item: Item, ctx: RunContext) -> Item:
        if item.record.key == "k1":
            raise NoContent("nothing here")
        if item.record.key == "k2":
            raise RuntimeError("bug")
        return item.rejected("kept-as-reject-for-test")


def test_step_errors_become_rejects_with_reasons() -> None:
    recs = [Record(key=f"k{i}", record_id=f"k{i}", input="in") for i in range(3)]
    recs.append(Record(key="k3", record_id="k3", input="in", reject="unreadable", detail="gone"))
    out = run_steps(recs, [Boom()], RunContext())
    assert [r.reason for r in out if isinstance(r, RejectRow)] == [
        "kept-as-reject-for-test", "no-content", "internal-error", "unreadable"
    ]
    assert "RuntimeError" in (out[2].detail or "")  # type: ignore[union-attr]


def test_default_steps_on_the_seed_text(seed_text: str) -> None:
    rec = Record(key="seed", record_id="seed", input="seed.txt", payload=seed_text.encode(),
                 kind="text", url="https://prokalteng.jawapos.com/nasional/01/06/2024/putin")
    (row,) = run_steps([rec], default_steps(), RunContext())
    assert isinstance(row, ArticleRow), row
    assert row.article.language.best == "id"
    assert row.outlet == "jawapos.com"
    assert row.word_count > 200 and len(row.text_hash) == 40
    assert row.quality["words"] == row.word_count or row.quality["words"] > 200
    assert "perintah" in row.text_index.split() or "presiden" in row.text_index.split()
    assert row.lead and row.lead in row.article.text.replace("\n\n", " ")


def test_given_title_and_date_fill_text_input() -> None:
    text = ("Pemerintah kota mengumumkan rencana pembangunan jalan baru yang akan menghubungkan "
            "pasar dan pelabuhan. Warga menyambut baik keputusan itu.") * 3
    rec = Record(key="k", record_id="k", input="i", payload=text, kind="text",
                 title="Jalan Baru", published="2019-09-10T08:00:00+07:00", outlet="www.Kompas.com")
    (row,) = run_steps([rec], default_steps(), RunContext())
    assert isinstance(row, ArticleRow), row
    assert row.article.title == "Jalan Baru"
    assert row.article.published and row.article.published.origin == "given"
    assert (row.day, row.outlet) == ("2019-09-10", "kompas.com")


def test_text_dates_resolve_against_the_records_own_date() -> None:
    # A weekday date without a year, and "kemarin", can only be placed by the page's date: the
    # record's, given before enrichment runs (it once ran first and dropped them).
    text = ("Pemerintah kota mengumumkan rencana pembangunan jalan baru pada Selasa (10/9) di balai "
            "kota, kata wali kota kepada wartawan. Rencana itu sudah dibahas kemarin bersama DPRD. ") * 2
    rec = Record(key="k", record_id="k", input="i", payload=text, kind="text",
                 published="2019-09-11T08:00:00+07:00")
    (row,) = run_steps([rec], default_steps(), RunContext())
    assert isinstance(row, ArticleRow), row
    values = {m.text: m.value for m in row.article.dates}
    assert values.get("Selasa (10/9)") == "2019-09-10"
    assert values.get("kemarin") == "2019-09-10"


def test_quality_figures_and_flags() -> None:
    good = ["Presiden meresmikan jembatan yang menghubungkan dua kota di Kalimantan pada hari ini."] * 1
    good += [f"Kalimat ke-{i} dari berita ini panjang dan wajar untuk dibaca orang banyak di kota." for i in range(8)]
    figures = quality_figures(good, "id")
    assert figures["words"] > 50 and figures["stop_words"] >= 2
    assert "gopher_too_short" not in quality_flags(figures)
    spam = ["• Klik di sini", "• Klik di sini", "• Klik di sini", "lorem ipsum {x}"]
    flags = quality_flags(quality_figures(spam, "id"))
    for flag in ("gopher_too_short", "gopher_dup_lines", "c4_lorem_ipsum", "c4_curly_bracket", "fineweb_short_lines"):
        assert flag in flags


def test_outlet_domains_and_days() -> None:
    assert outlet_domain("https://regional.kompas.com/read/1") == "kompas.com"
    assert outlet_domain("http://news.detik.co.id/x") == "detik.co.id"
    assert outlet_domain("https://www.bbc.co.uk/news") == "bbc.co.uk"
    assert outlet_domain(None) is None and outlet_domain("http://10.0.0.1/a") == "10.0.0.1"
    assert day_of("2019-09-10T08:00:00+07:00") == "2019-09-10" and day_of("10/09/2019") is None


def test_index_text_stems_indonesian_only() -> None:
    assert index_text("Pemerintahan memerintahkan", "id") == "perintah perintah"
    assert index_text("The Governments", "en") == "the governments"
    assert index_text(None, "id") == ""


def _naive_dup_ratio(words: list[str], n: int) -> float:
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    counts = Counter(grams)
    covered = [False] * len(words)
    for i, gram in enumerate(grams):
        if counts[gram] > 1:
            covered[i : i + n] = [True] * n
    return sum(len(w) for w, c in zip(words, covered, strict=True) if c) / max(sum(map(len, words)), 1)


def test_duplicate_ngram_shortcut_matches_the_definition() -> None:
    rnd = random.Random(7)
    for _ in range(200):
        vocab = [f"w{i}" for i in range(rnd.randint(2, 30))]
        words = [rnd.choice(vocab) for _ in range(rnd.randint(0, 150))]
        got = _dup_ngram_ratios(words, range(5, 11))
        for n in range(5, 11):
            assert got[f"dup_{n}gram_char_ratio"] == pytest.approx(_naive_dup_ratio(words, n))
