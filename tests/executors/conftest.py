"""A small JSONL corpus of text articles for the engine tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

_WORDS = ["kota", "warga", "pasar", "jalan", "jembatan", "banjir", "presiden", "menteri", "sekolah", "rumah", "sakit", "polisi", "anggaran", "proyek", "pelabuhan", "terminal", "pedagang", "kios", "harga"]


@pytest.fixture
def text_corpus(tmp_path: Path) -> list[str]:
    """Two JSONL inputs: 60 articles over three outlets, one broken line, one copy."""
    rows = []
    for i in range(60):
        rnd = random.Random(i)
        paras = [" ".join(rnd.choice(_WORDS) for _ in range(30)).capitalize() + "." for _ in range(4)]
        rows.append({"id": f"d{i}", "url": f"https://o{i % 3}.co.id/berita/{i}",
                     "published": f"2019-09-1{i % 3}T10:00:00+07:00", "title": f"Berita {i}",
                     "text": "\n\n".join(paras)})
    rows.append(dict(rows[5], id="copy", url="https://lain.com/x"))
    a = tmp_path / "a.jsonl"
    b = tmp_path / "b.jsonl"
    a.write_text("".join(json.dumps(r) + "\n" for r in rows[:40]) + "{broken\n")
    b.write_text("".join(json.dumps(r) + "\n" for r in rows[40:]))
    return [str(a), str(b)]
