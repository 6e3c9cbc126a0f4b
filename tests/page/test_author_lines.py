"""Lines that only restate a page's authors with a role or a date leave the edges of an HTML body."""

from __future__ import annotations

import pytest

from warta.article import Paragraph
from warta.page.author_lines import is_author_line
from warta.page.text import repair_paragraphs


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Mike Brown Published: 12:01 AM, 04/05/2015", ["Mike Brown"]),
        ("JANE DOE | Staff Writer", ["Jane Doe"]),
        ("By Jane Doe and John Roe, Updated March 3, 2018", ["Jane Doe", "John Roe"]),
        ("Mike Brown", ["Mike Brown"]),
    ],
)
def test_author_lines(line: str, authors: list[str]) -> None:
    assert is_author_line(line, authors)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Mike Brown, 45, was arrested on Monday.", ["Mike Brown"]),
        ("Mike Brown covers city hall for The Herald.", ["Mike Brown"]),
        ("Jane Doe Published: 12:01 AM", ["Mike Brown"]),  # not an author of the page
        ("Mike Brown Published: 12:01 AM", []),
    ],
)
def test_not_author_lines(line: str, authors: list[str]) -> None:
    assert not is_author_line(line, authors)


def test_only_the_edges_of_a_body_are_asked() -> None:
    words = "council budget roads schools parks police water transit housing libraries".split()
    prose = [
        Paragraph(f"The {w} plan was approved by the council on Monday after a long debate.")
        for w in words
    ]
    paras = [
        Paragraph("Mike Brown Published: 12:01 AM, 04/05/2015"),
        *prose[:5],
        Paragraph("Mike Brown"),
        *prose[5:],
    ]
    out = repair_paragraphs(paras, authors=["Mike Brown"])
    assert [p.text for p in out.paragraphs] == [p.text for p in paras[1:]]  # the middle stays
    assert out.removed == ["Mike Brown Published: 12:01 AM, 04/05/2015"]
