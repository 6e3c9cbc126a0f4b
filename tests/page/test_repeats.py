"""Repeated-body collapse: the prefix look-up against a scan of every earlier paragraph."""

from __future__ import annotations

import bisect
import random

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
