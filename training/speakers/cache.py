"""Cache the rules' direct quotes and the NER model's mentions for the gold articles, so that the
re-ranker experiments (:mod:`training.speakers.rerank`) iterate without re-running warta.

    .venv/bin/python -m training.speakers.cache [--out /tmp/s8r/dev.pkl]
    .venv/bin/python -m training.speakers.cache --final --out /tmp/s8r/final.pkl

Without ``--final`` it reads every gold part except the true held-out parts
(:data:`FINAL_PARTS`, heldout56-63); with ``--final`` it reads those parts only (for the
one scoring run at the end). Each record keeps the gold article (id, split, text, gold quotes),
the NER mentions as plain tuples and every quote ``find_quotes`` returns, as
``(speaker, cue, text, start, end, kind)``.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fixtures" / "quotes" / "gold.jsonl"
FINAL_PARTS = frozenset(f"heldout{n}" for n in range(56, 64))


def read_gold(final: bool) -> list[dict[str, Any]]:
    """The gold articles of the development parts, or (``final``) of the true held-out parts."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if (r["split"] in FINAL_PARTS) == final]


def build(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One cache record per article: the rules' quotes and the NER mentions."""
    from warta.enrich.entities import model_mentions
    from warta.enrich.quotes import find_quotes

    records = []
    for a in articles:
        mentions = model_mentions(a["text"], "id") or []
        quotes = find_quotes(a["text"], "id", mentions=mentions)
        records.append(
            {
                "id": a["id"],
                "split": a["split"],
                "text": a["text"],
                "gold": a["quotes"],
                "mentions": [(m.text, m.type, m.start, m.end) for m in mentions],
                "quotes": [(q.speaker, q.cue, q.text, q.start, q.end, q.kind) for q in quotes],
            }
        )
    return records


def main() -> None:
    """Write the cache."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/s8r/dev.pkl"))
    parser.add_argument("--final", action="store_true", help="the true held-out parts only")
    args = parser.parse_args()
    records = build(read_gold(args.final))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as f:
        pickle.dump(records, f)
    print(f"{len(records)} articles -> {args.out}")


if __name__ == "__main__":
    main()
