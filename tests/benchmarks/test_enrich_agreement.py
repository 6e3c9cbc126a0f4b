"""The second-annotator agreement that benchmarks.enrich --agreement prints."""

import json
from pathlib import Path

from benchmarks.enrich import agreement

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "quotes" / "gold.jsonl"

ARTICLE = {
    "id": "a",
    "split": "x",
    "text": 'Budi Santoso datang. "Kami siap bekerja keras," kata Budi. Ani mengatakan bahwa '
    'semua baik. "Tidak ada masalah," ujar Ani.',
    "quotes": [
        {
            "speaker": "Budi Santoso",
            "cue": "kata Budi",
            "starts": "Kami siap bekerja",
            "kind": "direct",
        },
        {"speaker": "Ani", "cue": "mengatakan", "starts": "semua baik", "kind": "indirect"},
        {"speaker": "Ani", "cue": "ujar Ani", "starts": "Tidak ada masalah", "kind": "direct"},
    ],
}


def test_an_identical_second_annotation_agrees_fully() -> None:
    s = agreement([ARTICLE], [{"id": "a", "quotes": ARTICLE["quotes"]}])
    assert s["direct_precision"] == s["direct_recall"] == 1.0
    assert s["indirect_precision"] == s["indirect_recall"] == 1.0


def test_a_different_speaker_or_a_missed_quote_counts_against() -> None:
    second = [
        {"speaker": "Budi", "cue": "kata Budi", "starts": "Kami siap", "kind": "direct"},
        {"speaker": "Ani", "cue": "mengatakan", "starts": "semua baik", "kind": "indirect"},
    ]
    s = agreement([ARTICLE], [{"id": "a", "quotes": second}])
    assert (s["direct_precision"], s["direct_recall"]) == (0.0, 0.0)  # "Budi" is not the gold name
    assert (s["loose_precision"], s["loose_recall"]) == (1.0, 0.5)  # same person, one quote missed
    assert s["indirect_recall"] == 1.0


def test_the_committed_second_annotation_covers_gold_articles() -> None:
    gold = {json.loads(line)["id"] for line in GOLD.open(encoding="utf-8")}
    second = [json.loads(line) for line in GOLD.with_name("second_annotation.jsonl").open()]
    assert len(second) >= 40 and all(row["id"] in gold for row in second)
