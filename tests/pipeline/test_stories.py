"""Story grouping."""

from __future__ import annotations

from warta.pipeline.stories import StoryCandidate, group_stories


def _doc(i: str, outlet: str, when: str, title: str, lead: str = "") -> StoryCandidate:
    return StoryCandidate(id=i, outlet=outlet, published=when, title=title, lead=lead)


QUAKE = "Gempa magnitudo 6,2 mengguncang Kabupaten Mamuju Sulawesi Barat, warga mengungsi ke perbukitan"
BUDGET = "DPR mengesahkan anggaran pendapatan belanja negara tahun depan dalam rapat paripurna"


def test_same_event_at_several_outlets_is_one_story() -> None:
    docs = [
        _doc("a", "kompas.com", "2019-09-16T08:00:00+07:00", "Gempa Guncang Mamuju", QUAKE),
        _doc("b", "tempo.co", "2019-09-16T09:00:00+07:00", "Warga Mamuju Mengungsi Usai Gempa", QUAKE + " malam ini"),
        _doc("c", "okezone.com", "2019-09-16T10:30:00+07:00", "Gempa Mamuju, Warga Mengungsi", "Gempa mengguncang Mamuju Sulawesi Barat"),
        _doc("d", "tempo.co", "2019-09-16T11:00:00+07:00", "DPR Sahkan APBN", BUDGET),
        _doc("e", "kompas.com", "2019-09-16T12:00:00+07:00", "Paripurna DPR Sahkan Anggaran", BUDGET),
    ]
    stories = group_stories(docs)
    by_member = {m: s.id for s in stories for m in s.members}
    assert by_member["a"] == by_member["b"] == by_member["c"]
    assert by_member["d"] == by_member["e"] != by_member["a"]
    top = stories[0]
    assert top.outlet_count == 3 and top.members == ["a", "b", "c"] and top.label == "Gempa Guncang Mamuju"
    assert sum(len(s.members) for s in stories) == len(docs)


def test_time_window_splits_the_same_words_weeks_apart() -> None:
    docs = [
        _doc("a", "kompas.com", "2019-09-01T08:00:00+07:00", "Gempa Guncang Mamuju", QUAKE),
        _doc("b", "tempo.co", "2019-09-20T08:00:00+07:00", "Gempa Guncang Mamuju", QUAKE),
    ]
    assert len(group_stories(docs)) == 2


def test_output_is_deterministic_and_handles_empty_and_undated() -> None:
    assert group_stories([]) == []
    docs = [_doc(str(i), f"o{i}", "", "Gempa Mamuju", QUAKE) for i in range(4)]
    first = group_stories(docs)
    assert group_stories(list(reversed(docs))) == first
    assert len(first) == 1 and first[0].first is None
