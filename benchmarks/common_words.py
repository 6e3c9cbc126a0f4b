"""Build ``src/warta/assets/common_words.txt``: Indonesian words the news writes in lower case.

    python -m benchmarks.common_words [--corpus PATH] [--min-count 40]

A capitalised word at a sentence start ("Situasi", "Cerita", "Kurang") says nothing about being a
name; this list, counted over the CLICK-ID corpus (gold articles left out), lets the quote
attributor drop such words from a speaker's name. A word is kept when it appears at least
``--min-count`` times in lower case and at most one time in ten capitalised after a lower-case
word (that is, in mid-sentence, where only names and titles are capitalised).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "clickid" / "articles.jsonl.gz"
GOLD = ROOT / "tests" / "fixtures" / "quotes" / "gold.jsonl"
OUT = ROOT / "src" / "warta" / "assets" / "common_words.txt"
_WORD = re.compile(r"(?<![\w@#.-])([A-Za-z][a-z]{2,})(?![\w@-])")


def build(corpus: Path, min_count: int) -> list[str]:
    """The common lower-case words of ``corpus``, most frequent first."""
    skip = {json.loads(line)["id"] for line in GOLD.read_text(encoding="utf-8").splitlines()}
    lower: Counter[str] = Counter()
    capital_mid: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in skip:
                continue
            text = record["text"]
            for match in _WORD.finditer(text):
                word = match.group(1)
                if word[0].islower():
                    lower[word] += 1
                else:
                    before = text[max(0, match.start() - 2) : match.start()]
                    if len(before) == 2 and before[1] == " " and before[0].islower():
                        capital_mid[word.lower()] += 1
    return [
        word
        for word, count in lower.most_common()
        if count >= min_count and capital_mid[word] * 10 <= count
    ]


def main() -> None:
    """Write the list."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--min-count", type=int, default=40)
    args = parser.parse_args()
    words = build(args.corpus, args.min_count)
    header = (
        "# Lower-case Indonesian news words, sorted (python -m "
        "benchmarks.common_words;\n# counted over the CLICK-ID corpus, CC BY 4.0).\n"
    )
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
