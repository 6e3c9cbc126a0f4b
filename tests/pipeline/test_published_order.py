"""Who published first: copy clusters and stories compare UTC instants, not the published text,
and a date alone never beats a timed article of its own day."""

from __future__ import annotations

import random

from warta.pipeline.dedup import CopyCandidate, find_copies
from warta.pipeline.stories import StoryCandidate, group_stories

WORDS = "pemerintah presiden menteri kota warga jalan banjir sekolah harga beras pasar polisi desa gubernur rapat anggaran proyek rumah sakit pasien dokter petani panen hujan".split()

WITA_9 = "2019-09-10T09:00:00+08:00"  # 01:00 UTC
WIB_830 = "2019-09-10T08:30:00+07:00"  # 01:30 UTC
WIB_6 = "2019-09-10T06:00:00+07:00"  # 23:00 UTC the day before
DAY = "2019-09-10"


def _text(seed: int = 7, n: int = 200) -> str:
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(" ".join(words[i : i + 20]) + "." for i in range(0, n, 20))


def _copies(published: dict[str, str | None]) -> list[CopyCandidate]:
    text = _text()
    return [
        CopyCandidate(id=id_, text=text, outlet=f"{id_}.example", published=value)
        for id_, value in published.items()
    ]


def test_the_original_is_the_earliest_instant_across_offsets() -> None:
    # "a" sorts first by id and its text "…08:30…" sorts first as a string: both would pick it.
    [cluster] = find_copies(_copies({"a": WIB_830, "b": WITA_9}))
    assert (cluster.original_id, cluster.evidence) == ("b", "earliest")


def test_a_date_alone_does_not_beat_a_timed_copy_of_its_day() -> None:
    [cluster] = find_copies(_copies({"a": DAY, "b": WIB_6, "c": None}))
    assert cluster.original_id == "b"
    [cluster] = find_copies(_copies({"a": "2019-09-09", "b": WIB_6}))
    assert cluster.original_id == "a"  # the day before: 06:00 WIB on the 10th is later


def _story(id_: str, published: str | None) -> StoryCandidate:
    return StoryCandidate(
        id=id_,
        outlet=f"{id_}.example",
        published=published,
        title="Banjir rendam ratusan rumah warga di pasar kota",
        lead="Banjir merendam ratusan rumah warga dan pasar kota setelah hujan deras semalam.",
    )


def test_a_story_is_first_seen_at_its_earliest_instant() -> None:
    [story] = group_stories([_story("a", WIB_830), _story("b", WITA_9), _story("c", DAY)])
    assert story.members == ["a", "b", "c"]
    assert (story.first, story.last) == (WITA_9, DAY)
    assert story.label == "Banjir rendam ratusan rumah warga di pasar kota"
    assert story.id == group_stories([_story("b", WITA_9)])[0].id  # named after its first article
