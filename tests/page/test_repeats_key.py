"""The repeat key is the text's word runs, casefolded, joined by single spaces."""

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
