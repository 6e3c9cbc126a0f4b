"""The compiled word count of the Malay check (warta.page._cfeat.letter_words) equals the
regular-expression count, and its guard."""

from __future__ import annotations

import random

import pytest

from warta.lang import detect as D

cfeat = pytest.importorskip("warta.page._cfeat", reason="the compiled word count is not built")

_PIECES = [
    "yang", "dan", "di", "ke", "Yang", "the", "of", "x_y", "_", "9", "٣", "²", "Ⅻ", "½", "ǅ", "é",
    "e\u0301", "İ", "東京", "𝟘", "𝐀", "-", "’", " ", "\u00a0", "\n", "tersebut", "tersebutlah",
]  # fmt: skip


def test_the_compiled_count_is_used_where_built() -> None:
    assert D.LETTER_WORDS_STATUS == "compiled"


@pytest.mark.parametrize("seed", range(30))
def test_same_counts_as_the_regular_expression(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES) for _ in range(rng.choice((0, 1, 10, 200, 1500))))
    for limit in (0, 1, 8, 300):
        expected = D._letter_words(text, limit, D._MALAY_FUNCTION_WORDS)
        got = cfeat.letter_words(text, limit, D._MALAY_FUNCTION_WORDS, D._MALAY_MAX_LEN)
        assert tuple(got) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Presiden mengatakan bahwa pemerintah akan terus mendukung para petani di desa.",
        "The minister said that the government would keep supporting farmers in the villages.",
        "Di sini, dan di sana: yang 2024 ke-3 " * 100,
    ],
)
def test_looks_malay_is_the_same_either_way(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = D._looks_malay(text)
    monkeypatch.setattr(D, "_LETTER_WORDS", None)
    assert D._looks_malay(text) == compiled


def test_the_check_rejects_a_count_that_differs() -> None:
    assert D.check_letter_words(cfeat.letter_words) is None

    def one_more_hit(text: str, limit: int, vocabulary: frozenset[str], max_len: int) -> tuple[int, int]:
        count, hits = cfeat.letter_words(text, limit, vocabulary, max_len)
        return count, hits + (count > 5)

    problem = D.check_letter_words(one_more_hit)
    assert problem is not None and "!=" in problem
