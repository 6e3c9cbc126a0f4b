"""Repeated-body collapse: the prefix look-up against a scan of every earlier paragraph."""

from __future__ import annotations

import bisect
import random

import pytest

from warta.page import repeats
from warta.page.repeats import _starts_one_of, collapse_repeats


def test_prefix_look_up_equals_a_scan() -> None:
    rng = random.Random(7)
    words = ["a", "ab", "abc", "b", "ba", "z", "kata", "katanya"]
    ordered: list[str] = []
    for _ in range(300):
        key = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        assert _starts_one_of(ordered, key) == any(e.startswith(key) for e in ordered), key
        if key not in ordered:
            bisect.insort(ordered, key)


def test_cut_off_copy_found_among_many_paragraphs() -> None:
    body = [
        f"Paragraf nomor {i} berisi kalimat yang cukup panjang untuk dihitung sebagai isi."
        for i in range(200)
    ]
    cut = body[57][:70]  # a truncated copy of an early paragraph, far below it
    kept, warnings = collapse_repeats(
        [*body, cut, "Paragraf penutup yang baru dan tidak pernah muncul sebelumnya di sini."]
    )
    assert kept == [*range(200), 201]
    assert warnings == ["repeated-paragraph-dropped"]


def test_the_no_repeat_test_never_hides_a_repeat(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paragraphs from a few words with noise, exact copies and cut-off copies: whenever the cheap
    # test says "no repeat", the full comparison of the keys finds none either.
    rng = random.Random(11)
    words = ["Harga", "beras", "naik", "dua", "persen", "pekan", "ini", "kata", "Kepala", "Dinas"]
    noise = ["", ",", ".", " —", "!!", "  ", "\u00a0", "İ", "ß"]
    checked = 0
    for _ in range(400):
        texts: list[str] = []
        for _ in range(rng.randrange(1, 8)):
            roll = rng.random()
            if texts and roll < 0.2:
                texts.append(rng.choice(texts).upper())  # a copy, case aside
            elif texts and roll < 0.35:
                source = rng.choice(texts)
                texts.append(source[: rng.randrange(1, len(source) + 1)])  # a cut-off copy
            else:
                length = rng.randrange(1, 30)
                texts.append(" ".join(rng.choice(words) + rng.choice(noise) for _ in range(length)))
        if not repeats._may_repeat(texts):
            checked += 1
            with monkeypatch.context() as patch:
                patch.setattr(repeats, "_may_repeat", lambda _texts: True)
                assert repeats.collapse_repeats(texts) == (list(range(len(texts))), [])
    assert checked > 50
