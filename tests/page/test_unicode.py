"""Unicode normalisation: the batched form gives each text exactly what the one-by-one form gives."""

from __future__ import annotations

from typing import Any

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


def _done_alone(monkeypatch: pytest.MonkeyPatch, texts: list[str]) -> list[str]:
    """The texts ``normalise_texts(texts)`` hands to ``normalise_text`` one by one (its output
    checked against normalising each text alone)."""
    expected = [normalise_text(t) for t in texts]
    alone: list[str] = []

    def one_by_one(text: str) -> str:
        alone.append(text)
        return expected[texts.index(text)]

    monkeypatch.setattr(unicode, "normalise_text", one_by_one)
    assert normalise_texts(texts) == expected
    return alone


def test_only_texts_that_need_more_are_done_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [CLEAN[1], MOJIBAKE, CLEAN[3], LIGATURE]
    assert _done_alone(monkeypatch, texts) == [MOJIBAKE, LIGATURE]


def test_a_text_with_a_line_break_is_done_alone_and_the_others_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = "line one\u00a0\nline two \u201cquoted\u201d"
    texts = [CLEAN[1], broken, CLEAN[3], MOJIBAKE]
    assert _done_alone(monkeypatch, texts) == [broken, MOJIBAKE]


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


ONE_LINE_CASES = [
    "Caf\u00e9 na esquina, 25 \u20ac o quilo \u2014 \u00e9 caro.",  # clue characters, no mojibake
    "Stra\u00dfe, \u00fcber, \u00e7a, \u00f1and\u00fa, 10\u00b2 m\u00b2",
    "e\u0301 decomposed, then \u00e9",  # NFC changes it
    "The caf\u00c3\u00a9 is open",  # mojibake: ftfy repairs it
    "\u00c3 line opening with the start-anchored case",
    "\u00e2\u20ac\u2122 quote mojibake",
    "\u00c2\u00a0no-break mojibake\n",  # with ftfy's final line break
]


@pytest.mark.parametrize("line", ONE_LINE_CASES)
def test_one_line_check_spares_ftfy_only_when_ftfy_changes_nothing(line: str) -> None:
    import unicodedata

    import ftfy

    composed = unicodedata.normalize("NFC", line)
    fixed = ftfy.fix_text(line, config=unicode._FTFY_CONFIG)
    if not unicode._needs_ftfy(line, composed, one_line=True):
        assert fixed == composed
    assert normalise_text(line) == unicode._plain_spaces(fixed)


def _badness_pattern() -> Any:
    import re
    import re._parser as sre_parse

    import ftfy.badness

    return sre_parse.parse(ftfy.badness.BADNESS_RE.pattern, re.VERBOSE)


def _characters(item: tuple[Any, Any]) -> list[str] | None:
    """The characters a one-character pattern item matches, if it is a plain set of them."""
    import re._constants as sre

    op, arg = item
    if op is sre.LITERAL:
        return [chr(arg)]
    if op is not sre.IN:
        return None
    chars: list[str] = []
    for sub_op, sub_arg in arg:
        if sub_op is sre.LITERAL:
            chars.append(chr(sub_arg))
        elif sub_op is sre.RANGE:
            chars.extend(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
        else:
            return None
    return chars


def test_every_badness_match_holds_a_clue_and_is_short() -> None:
    # What the clue prefilter and the windowed search (_is_bad) rely on, checked on ftfy's pattern:
    # each alternative has a one-character item whose characters are all clues, and no match is
    # longer than _BADNESS_WIDTH.
    pattern = _badness_pattern()
    ((op, (_, alternatives)),) = list(pattern)
    assert str(op) == "BRANCH"
    for alternative in alternatives:
        sets = [_characters(item) for item in alternative]
        assert any(
            chars and all(unicode._MOJIBAKE_CLUE.match(c) for c in chars) for chars in sets
        ), alternative
    assert pattern.getwidth()[1] <= unicode._BADNESS_WIDTH


@pytest.mark.parametrize(
    "text",
    [
        "x\u201a\u00f3\u00b0 y",  # MacRoman mojibake with no accented letter of the clue set
        "\u00c3 at the very start",
        "mid \u00c3 not at the start",
        "caf\u00e9 \u00e9t\u00e9 na\u00efve " * 10,  # many clues: searched whole
        "The caf\u00c3\u00a9 is open",
        "\u00e9",
        "plain",
        "\u0412\u0435\u0441\u043d\u0430 \u0432 \u0433\u043e\u0440\u043e\u0434\u0435",
    ],
)
def test_windowed_badness_is_ftfys(text: str) -> None:
    import ftfy.badness

    assert unicode._is_bad(text) == ftfy.badness.is_bad(text)
    assert normalise_text(text) == unicode._plain_spaces(ftfy.fix_text(text, config=unicode._FTFY_CONFIG))
