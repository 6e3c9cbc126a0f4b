"""Read a benchmark set in ../shared/bench's plain format: pages/<id>.html.gz and gold.jsonl.gz."""

from __future__ import annotations

import ast
import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_ROOT = Path(os.environ.get("WARTA_BENCH", Path(__file__).resolve().parents[2] / "shared" / "bench"))
SETS = ("scrapinghub", "wcxb-dev", "mozilla-readability", "id-news-dev")


@dataclass
class Page:
    """One benchmark page: its raw bytes and its gold."""

    id: str
    html: bytes
    url: str | None
    gold: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.gold.get("text") or ""

    def listish(self, key: str) -> list[str]:
        """A gold field that may be a list or a Python-literal string of a list."""
        value = self.gold.get(key)
        if value is None:
            return []
        if isinstance(value, list):
            return [str(v) for v in value]
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [str(value)]
        return [str(v) for v in parsed] if isinstance(parsed, list) else [str(parsed)]


def load(name: str, root: Path = BENCH_ROOT) -> Iterator[Page]:
    """The pages of one set, in gold order."""
    base = root / name
    with gzip.open(base / "gold.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)
            path = base / "pages" / f"{gold['id']}.html.gz"
            html = gzip.decompress(path.read_bytes())
            url = gold.get("url")
            yield Page(id=str(gold["id"]), html=html, url=None if url in (None, "None") else url, gold=gold)
