"""Single-line chrome rules: the fast paths give exactly what the plain regular expressions give."""

from __future__ import annotations

import re
import sys

import pytest

from warta.page import chrome
from warta.page.chrome import chrome_key, is_chrome_line, is_date_line

_ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_ignorecase_table_holds_every_non_ascii_letter_matching_an_ascii_one() -> None:
    # _has_copyright maps these before lower-casing; a character missing here could hide a match.
    found = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for match in re.finditer(letter, _ALL_CHARACTERS, re.IGNORECASE):
            if not match.group().isascii():
                found[match.group()] = letter
    assert found == {chr(code): value for code, value in chrome._IGNORECASE_ASCII.items()}


COPYRIGHT_LINES = [
    "Copyright 2024 Kompas",
    "COPYRİGHT 2020",  # dotted capital I: re.IGNORECASE matches it to "i", str.lower() does not
    "copyrıght 2020",  # dotless i
    "Hak Cipta Dilindungi Undang-undang",
    "hak cipta",
    "All rights reserved.",
    "ALL RIGHTS RESERVED",
    "\u212a",  # the Kelvin sign alone
    "all rightſ reserved",  # long s
    "(c) 2024 Tempo",
    "(C)\u00a02024",
    "© Detik",
    "Dilarang mengutip tanpa izin",
    "DILARANG KERAS MENGAMBIL konten",
    "Harga naik dua persen pekan ini.",
    "The copyrights of others",
    "",
]


@pytest.mark.parametrize("line", COPYRIGHT_LINES)
def test_copyright_test_is_the_regular_expression(line: str) -> None:
    assert chrome._has_copyright(line) == bool(chrome._COPYRIGHT.search(line))


def _old_chrome_key(line: str) -> str:
    key = chrome._EDGE.sub("", line.strip().lower())
    key = chrome._COUNT_PREFIX.sub("", key)
    key = chrome._COUNT_SUFFIX.sub("", key)
    return " ".join(chrome._EDGE.sub("", key).split())


KEY_LINES = [
    "Komentar (12)",
    "12. Share",
    "(3) Baca",
    "1) 2) 3) x",
    "Views 1.234k",
    "Dibaca 1.234 kali",
    "٣ komentar",  # a digit of another script
    "Share ›",
    "---",
    "",
    "Bagikan",
    "2 jam lalu",
    "(12)",
]


@pytest.mark.parametrize("line", KEY_LINES)
def test_chrome_key_is_the_substitutions(line: str) -> None:
    assert chrome_key(line) == _old_chrome_key(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Senin, 4 November 2015 | 21:04 WIB", True),
        ("2 jam lalu", True),
        ("12/06/2024", True),
        ("Harga beras naik", False),
        ("Senin depan kami rapat", False),
    ],
)
def test_date_lines(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_a_long_paragraph_is_never_chrome_but_a_long_breadcrumb_is() -> None:
    prose = "Warga menulis komentar pedas di media sosial pada Minggu (8/9) tentang harga beras. " * 5
    assert not is_chrome_line(prose)
    crumbs = " » ".join(["Berita", "Daerah", "Kalimantan Tengah", "Palangka Raya"] * 20)
    assert len(crumbs) > 300 and is_chrome_line(crumbs)


def test_edge_strip_is_the_substitution() -> None:
    import random

    rng = random.Random(3)
    alphabet = [*"ab_-. \n\t1", "«", "»", "“", "•", "٣", "\u00a0", "\u2028", "é", "ß", "\x1f"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        assert chrome._strip_edges(text) == chrome._EDGE.sub("", text), repr(text)


def _plain_breadcrumb(line: str) -> bool:
    """is_breadcrumb without its fast exits: the rule as first written."""
    parts = [p for p in chrome._BREADCRUMB_SEP.split(line) if p.strip()]
    if len(parts) < 3 and not (len(parts) == 2 and re.search(r"[»›]", line)):
        return False
    return all(len(p.split()) <= 4 and not chrome._SENTENCE_INSIDE.search(p) for p in parts)


def _plain_tag_list(line: str) -> bool:
    parts = [p.strip() for p in line.split(",")]
    if len(parts) < 4 or not all(parts) or chrome._SENTENCE_INSIDE.search(line) or line.rstrip()[-1:] in ".!?":
        return False
    return all(len(p.split()) <= 3 for p in parts) and sum(p[:1].islower() for p in parts) >= len(parts) - 1


def test_breadcrumb_and_tag_list_fast_exits_change_nothing() -> None:
    # The token bound of is_breadcrumb (at most 5 tokens a separator character, plus 4) and the
    # prose test run before the split in is_tag_list only skip work: random lines built from
    # words, separators glued or spaced, commas and sentence ends agree with the plain rules.
    import random

    rng = random.Random(5)
    words = "home news regional a b berita jakarta 8/9 x.com/a/b foo. bar! baz, Sport Terkini".split()
    seps = [" » ", "»", " › ", " > ", " | ", " / ", "/", "•", " • ", "·", ", ", " ", "\t/\t", "a•b"]
    found = 0
    for _ in range(4000):
        line = rng.choice(words)
        for _ in range(rng.randrange(0, 12)):
            line += rng.choice(seps) + " ".join(rng.choice(words) for _ in range(rng.randrange(1, 6)))
        assert chrome.is_breadcrumb(line) == _plain_breadcrumb(line), line
        assert chrome.is_tag_list(line) == _plain_tag_list(line), line
        found += _plain_breadcrumb(line)
    assert found > 100  # the lines do exercise both answers


def test_copyright_translation_only_when_needed() -> None:
    # Non-ASCII lines without the four mapped characters skip the translation; with them, not.
    assert chrome._has_copyright("“Berita” — hak cipta dilindungi")
    assert chrome._has_copyright("“Berita” — ALL RIGHTſ RESERVED")
    assert not chrome._has_copyright("“Berita” — İstanbul ıslak")


@pytest.mark.parametrize(
    "line",
    ["Table of Contents", "Sponsored Content", "Thanks for signing up!", "Story continues below",
     "Print This Page", "Rate this article", "Was this article helpful?"],
)  # fmt: skip
def test_in_article_furniture_labels_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


def test_a_sentence_with_a_furniture_phrase_is_not_chrome() -> None:
    assert not is_chrome_line("The table of contents of the report lists twelve chapters.")


@pytest.mark.parametrize(
    "line",
    ["Media playback is unsupported on your device", "Continue reading the main story",
     "Story continues below advertisement", "Image copyright Getty Images",
     "Image caption Rescue workers search the rubble of the market after the storm on Tuesday",
     "AP Photo/John Minchillo", "Photo by Jane Doe/Getty Images", "(Reuters/Kim Kyung-Hoon)",
     "FatCamera/Getty Images", "5 min read", "8-minute read", "Follow John Smith on Twitter",
     "Updated at 10:15 a.m. ET", "Posted: Mar 3, 2018 / 10:15 PM EST", "Sign up for our newsletter"],
)  # fmt: skip
def test_english_news_furniture_is_chrome(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    ["At 5 a.m. the troops moved in.", "The picture by Monet was sold.",
     "Follow the money on Facebook and you will see a pattern emerge.",
     "He followed the path on Twitter."],
)  # fmt: skip
def test_sentences_near_the_furniture_rules_are_not_chrome(line: str) -> None:
    assert not is_chrome_line(line)
