"""Builders of small synthetic corpora (JSONL, WARC, page folders) for the pipeline tests."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

WORDS = ["pemerintah", "kota", "mengumumkan", "rencana", "pembangunan", "jalan", "baru", "yang", "akan", "menghubungkan", "pasar", "pelabuhan", "dan", "terminal", "warga", "menyambut", "baik", "keputusan", "itu", "namun", "sebagian", "pedagang", "khawatir", "harga", "sewa", "kios", "naik", "setelah", "proyek", "selesai", "kepala", "dinas", "mengatakan", "anggaran", "sudah", "disiapkan", "sejak", "awal", "tahun", "dan", "pekerjaan", "dimulai", "bulan", "depan", "polisi", "akan", "mengatur", "lalu", "lintas", "selama", "pengerjaan", "berlangsung", "agar", "kemacetan", "tidak", "meluas", "ke", "permukiman", "sekitar", "sekolah", "rumah", "sakit"]


def article_text(seed: int, paragraphs: int = 4) -> str:
    """A deterministic Indonesian-looking body of a few paragraphs."""
    rnd = random.Random(seed)
    paras = []
    for _ in range(paragraphs):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(25, 40))]
        paras.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(paras)


def write_jsonl(path: Path, rows: list[dict[str, Any] | str], *, gz: bool = False) -> Path:
    """Write rows (dicts, or raw lines for broken input) as JSONL."""
    lines = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)
    data = lines.encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def news_rows(n: int, *, start: int = 0) -> list[dict[str, Any]]:
    """``n`` distinct text articles spread over three outlets."""
    outlets = ("kompas.com", "tempo.co", "okezone.com")
    return [
        {
            "id": f"doc-{i}",
            "url": f"https://www.{outlets[i % 3]}/read/2019/09/10/{i}/berita-{i}",
            "outlet": outlets[i % 3],
            "published": f"2019-09-{10 + i % 3:02d}T{8 + i % 10:02d}:00:00+07:00",
            "title": f"Berita nomor {i} tentang kota",
            "text": article_text(i),
        }
        for i in range(start, start + n)
    ]


@pytest.fixture
def make_jsonl(tmp_path: Path) -> Callable[..., Path]:
    """Write a JSONL file under tmp_path."""

    def make(name: str, rows: list[dict[str, Any] | str], gz: bool = False) -> Path:
        return write_jsonl(tmp_path / name, rows, gz=gz)

    return make


@pytest.fixture
def rows() -> Callable[..., list[dict[str, Any]]]:
    """The :func:`news_rows` builder."""
    return news_rows
