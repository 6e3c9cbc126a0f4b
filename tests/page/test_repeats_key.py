"""The repeat key is the text's word runs, casefolded, joined by single spaces."""

import random
import re

import pytest

from warta.page.repeats import _key


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "-- * --",
        "Hello,  World!",
        "  leading and trailing  ",
        "Straße GROSS ǅ",
        "snake_case and 3,14 (x)\t\ntab",
        "Baca juga: «Jokowi» — 12/3/2024",
        "\x1fcell\x1f | other\u00a0nbsp\u2028sep",
        "日本語のテキスト、句読点。",
    ],
)
def test_key_is_words_joined(text: str) -> None:
    assert _key(text) == " ".join(re.findall(r"\w+", text.casefold()))


def test_ascii_key_is_the_regular_expression_key() -> None:
    # Every ASCII character, in runs and alone: the byte-table path gives the regex path's key.
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(128)]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert text.isascii()
        assert _key(text) == " ".join(re.findall(r"\w+", text.casefold()))
