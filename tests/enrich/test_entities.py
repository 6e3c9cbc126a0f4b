"""The entities step: canonical names, mention counts, languages, and the seed article."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from tests.enrich.hand_mentions import mention_at
from warta.article import Article, Entity, Language, Paragraph, join_paragraphs
from warta.enrich.entities import (
    annotate,
    canonical_entities,
    find_entities,
    split_joined,
    without_openers,
)
from warta.enrich.ner import Mention

SEED_EXPECTED = (
    Path(__file__).resolve().parents[2]
    / "samples"
    / "text"
    / "prokalteng-putin-korea-utara.expected.json"
)


def _m(text: str, kind: str) -> Mention:
    return Mention(text, kind, 0, len(text))  # type: ignore[arg-type]


def test_short_person_names_merge_into_the_full_name() -> None:
    mentions = [
        _m("Putin", "PERSON"),
        _m("Vladimir  Putin", "PERSON"),
        _m("Yang", "PERSON"),
        _m("Yang Moo Jin", "PERSON"),
        _m("Putin", "PERSON"),
        _m("Rusia", "PLACE"),
    ]
    assert canonical_entities(mentions) == [
        Entity("Vladimir Putin", "PERSON", 3),
        Entity("Yang Moo Jin", "PERSON", 2),
        Entity("Rusia", "PLACE", 1),
    ]


def test_shared_short_name_goes_to_the_most_mentioned_full_name() -> None:
    mentions = [
        _m("Kim Yo Jong", "PERSON"),
        _m("Kim Jong Un", "PERSON"),
        _m("Kim Jong Un", "PERSON"),
        _m("Kim", "PERSON"),
    ]
    assert canonical_entities(mentions) == [
        Entity("Kim Jong Un", "PERSON", 3),
        Entity("Kim Yo Jong", "PERSON", 1),
    ]


def test_acronyms_merge_and_types_are_voted() -> None:
    mentions = [
        _m("Komisi Pemberantasan Korupsi", "ORGANIZATION"),
        _m("KPK", "ORGANIZATION"),
        _m("Jakarta", "PLACE"),
        _m("Jakarta", "ORGANIZATION"),
        _m("jakarta", "PLACE"),
        _m("Korea", "PLACE"),
    ]
    assert canonical_entities(mentions) == [
        Entity("Jakarta", "PLACE", 3),
        Entity("Komisi Pemberantasan Korupsi", "ORGANIZATION", 2),
        Entity("Korea", "PLACE", 1),
    ]


def test_hyphen_joined_names_count_for_each_part() -> None:
    text = "Putin dan Kim Jong Un: pertemuan Kim-Putin, poros Seoul-Moskow."
    mentions = [
        Mention("Putin", "PERSON", 0, 5),
        Mention("Kim Jong Un", "PERSON", 10, 21),
        Mention("Kim-Putin", "PERSON", 33, 42),
        Mention("Seoul-Moskow", "PLACE", 50, 62),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    parts = split_joined(mentions)
    assert [(m.text, m.type) for m in parts[2:4]] == [("Kim", "PERSON"), ("Putin", "PERSON")]
    assert all(text[m.start : m.end] == m.text for m in parts)
    assert canonical_entities(mentions) == [
        Entity("Putin", "PERSON", 2),
        Entity("Kim Jong Un", "PERSON", 2),
        Entity("Seoul-Moskow", "PLACE", 1),
    ]


def test_short_names_do_not_cross_types() -> None:
    mentions = [_m("Korea Utara", "PLACE"), _m("Korea", "PERSON")]
    names = {(e.name, e.type) for e in canonical_entities(mentions)}
    assert names == {("Korea Utara", "PLACE"), ("Korea", "PERSON")}


def test_other_languages_give_nothing() -> None:
    text = "President Vladimir Putin met Kim Jong Un in Pyongyang."
    assert find_entities(text, "en") == []
    assert find_entities(text, "zh") == []
    assert find_entities("", "id") == []


def test_seed_article_entities() -> None:
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    text = "\n\n".join(expected["paragraphs"])
    found = find_entities(text, "id")
    by_type: dict[str, set[str]] = {}
    for e in found:
        by_type.setdefault(e.type, set()).add(e.name)
    # All four people, with short forms merged into the full names.
    assert set(expected["entities"]["PERSON"]) <= by_type["PERSON"]
    counts = {e.name: e.mentions for e in found}
    assert counts["Vladimir Putin"] >= 8
    assert counts["Yang Moo Jin"] >= 3
    # Most places (the misses are listed in docs/ner.md).
    places = set(expected["entities"]["PLACE"])
    got = places & by_type["PLACE"]
    assert {"Rusia", "Korea Utara", "Korea Selatan", "Tiongkok", "Seoul", "Moskow"} <= got
    assert len(got) >= 9


def test_hook_fills_entities_and_pickles() -> None:
    paragraphs = [Paragraph("Gubernur Anies Baswedan meninjau banjir di Jakarta Utara, Senin.")]
    article = Article(
        paragraphs=paragraphs,
        text=join_paragraphs(paragraphs),
        language=Language(declared="id", detected="id", score=0.99),
    )
    hook = pickle.loads(pickle.dumps(annotate))
    out = hook(article)
    assert out is not article and article.entities == []
    assert Entity("Anies Baswedan", "PERSON", 1) in out.entities
    english = Article(
        text="The mayor visited Jakarta.", language=Language(detected="en", score=0.9)
    )
    assert annotate(english).entities == []


def test_a_capitalised_common_word_before_a_name_leaves_the_mention() -> None:
    text = (
        "Hal itu dikonfirmasi oleh Sekretaris Pribadi BJ Habibie, Rubijanto. "
        "BJ Habibie dirawat di RSPAD. Selain Budi Gunawan, hadir pula Jokowi. Budi Gunawan tiba."
    )
    mentions = [mention_at(text, "Pribadi BJ Habibie"), mention_at(text, "Selain Budi Gunawan")]
    got = without_openers(text, mentions)
    assert [m.text for m in got] == ["BJ Habibie", "Budi Gunawan"]
    assert [text[m.start : m.end] for m in got] == ["BJ Habibie", "Budi Gunawan"]


def test_a_name_whose_first_word_is_a_common_word_stays() -> None:
    # printed twice in full: a name ("yang" and "demi" are common words too)
    text = "Yang Moo Jin berkata. Menurut Yang Moo Jin, Moo Jin adalah marganya."
    mention = mention_at(text, "Yang Moo Jin")
    assert without_openers(text, [mention]) == [mention]
    # printed once, but the rest never stands alone
    text = "Penyanyi Demi Lovato tampil di Jakarta."
    mention = mention_at(text, "Demi Lovato")
    assert without_openers(text, [mention]) == [mention]
    # not a person
    text = "Pengadilan Negeri Jakarta menolak gugatan. Negeri Jakarta ramai."
    mention = mention_at(text, "Pengadilan Negeri Jakarta", "ORGANIZATION")
    assert without_openers(text, [mention]) == [mention]


def test_given_names_that_are_common_words_are_not_cut() -> None:
    text = "Sprinter Lalu Muhammad Zohri menang. Muhammad Zohri tersenyum. Bagus Wirata hadir. Wirata diam."
    mentions = [mention_at(text, "Lalu Muhammad Zohri"), mention_at(text, "Bagus Wirata")]
    assert without_openers(text, mentions) == mentions


def test_a_declared_nickname_is_the_same_person() -> None:
    text = (
        "Calon wakil presiden Sandiaga Salahuddin Uno (Sandi) berkunjung ke Bandung. Presiden "
        "Joko Widodo (Jokowi) menyambut kunjungan itu. Sandi mengatakan pihaknya siap. Jokowi "
        "juga hadir di Bandung bersama Sandi. Direktur Utama PT Pertamina (Persero) Nicke "
        "Widyawati ikut hadir."
    )
    people = {e.name: e.mentions for e in find_entities(text, "id") if e.type == "PERSON"}
    assert people["Sandiaga Salahuddin Uno"] == 4 and people["Joko Widodo"] == 3
    assert "Sandi" not in people and "Jokowi" not in people
    assert not any("(" in name for name in people)


def test_bracketed_person_mention_is_split() -> None:
    from warta.enrich.entities import split_bracketed
    from warta.enrich.ner.tagger import Mention

    text = "Sandiaga Salahuddin Uno (Sandi"
    org = Mention("Pertamina (Persero)", "ORGANIZATION", 0, 19)
    assert split_bracketed([Mention(text, "PERSON", 10, 10 + len(text)), org]) == [
        Mention("Sandiaga Salahuddin Uno", "PERSON", 10, 33),
        Mention("Sandi", "PERSON", 35, 40),
        org,
    ]


def test_a_facility_named_after_a_person_is_a_place() -> None:
    from warta.enrich.entities import facility_names
    from warta.enrich.ner.tagger import Mention

    text = "Ia dirawat di Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto. Gatot Soebroto lahir 1907."
    at = text.index("Gatot")
    later = text.index("Gatot", at + 1)
    found = facility_names(text, [Mention("Gatot Soebroto", "PERSON", at, at + 14),
                                  Mention("Gatot Soebroto", "PERSON", later, later + 14)])  # fmt: skip
    assert [m.type for m in found] == ["PLACE", "PERSON"]
    glued = "Kepala RSPAD Gatot Soebroto Letjen Albertus Budi Sulistya mengatakan"
    start = glued.index("Gatot")
    run = Mention(glued[start : glued.index(" mengatakan")], "PERSON", start, glued.index(" mengatakan"))
    assert facility_names(glued, [run])[0].type == "PERSON"  # a longer run holds someone else
