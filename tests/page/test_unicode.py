"""Unicode normalisation: the batched form gives each text exactly what the one-by-one form gives."""

from __future__ import annotations

import pytest

from warta.article import Paragraph
from warta.page import unicode
from warta.page.chrome import is_breadcrumb
from warta.page.text import repair_paragraphs
from warta.page.unicode import normalise_text, normalise_texts

CLEAN = [  # only NFC, spaces and invisible characters to handle: no ftfy fixer touches these
    "Plain ASCII text.",
    "Kata \u201ckami\u201d \u2014 dengan\u00a0spasi\u2009tipis dan zero\u200bwidth.",
    "",
    "soft\u00adhyphen and a\u202fnarrow space",
]
# Each of these needs ftfy or sits on ftfy's lists: done alone, the others still in one pass.
COMBINING = "\u0301combining mark first, then e\u0301 decomposed"  # NFC gives an accented letter
IDEOGRAPHIC = "\u3000ideographic space"  # a width form
LIGATURE = "Caf\u00e9 \ufb01nance"
MOJIBAKE = "Presiden mengatakan \u00e2\u20ac\u0153kami siap\u00e2\u20ac\x9d kepada wartawan."


@pytest.mark.parametrize(
    "texts",
    [
        CLEAN,
        [*CLEAN, MOJIBAKE],
        [COMBINING, *CLEAN, IDEOGRAPHIC, LIGATURE, MOJIBAKE, *CLEAN],
        [
            "line one\u00a0\nline two \u201cquoted\u201d",
            "second \u2013 text",
        ],  # a line break inside
        ["only ascii", "here too"],
        [],
        ["\u00e9" * 20_000, "short \u00e9"],  # over ftfy's length limit
    ],
)
def test_batched_normalisation_equals_one_by_one(texts: list[str]) -> None:
    assert normalise_texts(texts) == [normalise_text(t) for t in texts]


def test_clean_texts_are_done_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [normalise_text(t) for t in CLEAN]

    def one_by_one(text: str) -> str:
        raise AssertionError("clean texts take the batched path")

    monkeypatch.setattr(unicode, "normalise_text", one_by_one)
    assert normalise_texts(CLEAN) == expected


def test_only_texts_that_need_more_are_done_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [CLEAN[1], MOJIBAKE, CLEAN[3], LIGATURE]
    expected = [normalise_text(t) for t in texts]
    alone: list[str] = []

    def one_by_one(text: str) -> str:
        alone.append(text)
        return expected[texts.index(text)]

    monkeypatch.setattr(unicode, "normalise_text", one_by_one)
    assert normalise_texts(texts) == expected
    assert alone == [MOJIBAKE, LIGATURE]


def test_batched_normalisation_repairs_mojibake() -> None:
    out = normalise_texts(["Caf\u00e9", MOJIBAKE])
    assert out[1] == "Presiden mengatakan \u201ckami siap\u201d kepada wartawan."


def test_repair_paragraphs_normalises_each_paragraph() -> None:
    paras = [
        Paragraph(
            "Kata\u00a0\u201ckami\u201d di\u200bsini, kata dia kepada wartawan pada hari Senin pagi."
        ),
        Paragraph("  code\n  kept  ", "code"),
    ]
    rep = repair_paragraphs(paras)
    assert [p.text for p in rep.paragraphs] == [
        "Kata \u201ckami\u201d disini, kata dia kepada wartawan pada hari Senin pagi.",
        "code kept",
    ]


def test_breadcrumb_needs_a_separator() -> None:
    assert is_breadcrumb("Home » News » Regional")
    assert is_breadcrumb("A | B | C")
    assert not is_breadcrumb("Home News Regional Sport")
    assert not is_breadcrumb("Harga naik 2,5 persen pada 13/6 menurut data terbaru kementerian")
