"""The source an article names for itself (a written statement, a press conference, a wire,
another outlet) and the source most members of a copy cluster share."""

from __future__ import annotations

import pytest

from warta.pipeline.dedup.sources import Citation, cited_sources, shared_source, source_label


def kinds(text: str, **kw: str | None) -> list[str]:
    return [c.kind for c in cited_sources(text, **kw)]


@pytest.mark.parametrize(
    "text",
    [
        '"Keputusan ini berlaku mulai hari ini," kata Rini dalam keterangan resmi, Senin (9/9/2019).',
        "kata Rini Soemarno di Jakarta, seperti dalam keterangan tertulis yang diterima Tempo, Senin.",
        '"Jangan ragu," kata Rini dikutip dari keterangan tertulis, Selasa (10/9/2019).',
        "Keterangan tertulis yang diterima redaksi menyebutkan hal itu.",
        '"Usaha kecil dibantu," ujar Supari melalui siaran pers, Selasa (10/9/2019).',
        "Kepala Biro Humas dalam rilisnya kepada wartawan menyebutkan jadwal itu.",
        '"Pertanian penopangnya," ujar Bahlil melalui rilis tertulis, Selasa.',
        'The ministry said in a statement on Tuesday that the plant would close.',
        "According to a press release from the company, sales rose.",
    ],
)
def test_a_written_statement_is_read_in_indonesian_and_english(text: str) -> None:
    assert kinds(text) == ["press-release"]


@pytest.mark.parametrize(
    "text",
    [
        # the statement is the news, not where the words came from
        "Kemudian, novum kelima merupakan keterangan tertulis agen Biro Federal Investigasi AS.",
        # a product's release, and "antara" as "between" / "among"
        "Band itu merilis album baru, dan lagu itu dirilis pekan lalu.",
        "Ini usaha untuk adu domba antara kita dengan kita. Antara lain terkait undang-undang.",
        "Kebakaran melanda pasar pada Selasa malam.",
    ],
)
def test_ordinary_words_name_no_source(text: str) -> None:
    assert kinds(text) == []


def test_a_press_conference_is_its_own_kind() -> None:
    text = '"Kondisinya stabil," kata Thareq dalam jumpa pers di RSPAD, Jakarta. Lalu konferensi pers ditutup.'
    found = cited_sources(text)
    assert [c.kind for c in found] == ["press-conference"]
    assert found[0].phrase == "jumpa pers"
    assert found[0].context == '"Kondisinya stabil," kata Thareq dalam jumpa pers di RSPAD, Jakarta.'


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Jakarta (ANTARA) - Presiden meninjau lokasi banjir.", "wire:antara"),
        ("kata Dirjen Imigrasi di Bandung, seperti dikutip dari Antara, Selasa.", "wire:antara"),
        ("Dari pantauan Antara, pesan tersebut mulai muncul dinihari.", "wire:antara"),
        ("WASHINGTON (Reuters) - The Fed held rates.", "wire:reuters"),
        ("TOKYO (AP) — A quake struck.", "wire:ap"),
        ("officials told AFP on Monday.", "wire:afp"),
        ("seperti dilansir Xinhua, Senin.", "wire:xinhua"),
        ("Peristiwa itu seperti diberitakan Kompas.com sebelumnya.", "outlet:kompas"),
        ("Kecelakaan itu sebagaimana dikutip dari Surya.co.id, Selasa.", "outlet:surya"),
    ],
)
def test_a_wire_or_an_outlet_named_as_the_source(text: str, kind: str) -> None:
    assert kinds(text) == [kind]


def test_a_photo_credit_is_not_the_text_source() -> None:
    assert kinds("Presiden tiba di lokasi. (ANTARA FOTO/Hafidz Mubarak)") == []


def test_the_credit_and_the_dateline_are_read_too() -> None:
    found = cited_sources("Gempa mengguncang Lombok.", credit="ant", credit_outlet="ANTARA")
    assert [(c.kind, c.phrase, c.where) for c in found] == [("wire:antara", "(ant)", "credit")]
    found = cited_sources("Gempa mengguncang Lombok.", dateline="Mataram (ANTARA)")
    assert [(c.kind, c.where) for c in found] == [("wire:antara", "dateline")]
    # a credit code without a known outlet (an editor's initials, "adv") is no source
    assert cited_sources("Gempa mengguncang Lombok.", credit="adv") == []


def test_an_outlet_naming_itself_is_not_a_source() -> None:
    assert kinds("Jakarta (ANTARA) - Presiden meninjau.", outlet="antaranews.com") == []
    assert kinds("seperti diberitakan Kompas.com sebelumnya.", outlet="kompas.com") == []
    assert kinds("seperti diberitakan Kompas.com sebelumnya.", outlet="tribunnews.com") == ["outlet:kompas"]


def test_one_citation_per_kind_the_first_phrase() -> None:
    text = (
        "Hal itu disampaikan dalam keterangan tertulis, Senin. Kemudian ia menambahkan dalam siaran pers."
        " (ANTARA) juga melaporkannya."
    )
    found = cited_sources(text)
    assert [(c.kind, c.phrase) for c in found] == [("press-release", "dalam keterangan tertulis"), ("wire:antara", "(ANTARA)")]


def test_a_long_sentence_is_cut_around_the_phrase() -> None:
    text = "kata " * 100 + "kata Rini dalam keterangan resmi, Senin " + "lalu " * 100 + "."
    context = cited_sources(text)[0].context
    assert "dalam keterangan resmi" in context
    assert context.startswith("… ") and context.endswith(" …")
    assert len(context) < 230


def _c(kind: str) -> Citation:
    return Citation(kind=kind, phrase=kind, where="text")


def test_the_shared_source_is_cited_by_two_members_and_half_of_them() -> None:
    pr, wire = _c("press-release"), _c("wire:antara")
    found = shared_source([[pr], [pr], [], [pr]])
    assert found is not None and found.kind == "press-release" and found.cited_by == [0, 1, 3]
    assert shared_source([[pr], []]) is None  # one member citing is no shared source
    assert shared_source([[pr], [pr], [], [], []]) is None  # two of five is not most
    found = shared_source([[pr], [pr], [], []])  # two of four: half
    assert found is not None and found.cited_by == [0, 1]
    found = shared_source([[pr, wire], [pr, wire], [wire]])  # the most cited kind
    assert found is not None and found.kind == "wire:antara"
    found = shared_source([[pr, wire], [pr, wire]])  # a tie: the wire
    assert found is not None and found.kind == "wire:antara"
    assert shared_source([]) is None


def test_source_labels() -> None:
    assert source_label("wire:antara") == "Antara"
    assert source_label("wire:ap") == "AP"
    assert source_label("outlet:kompas") == "kompas"
    assert source_label("press-release") == "press-release"


def test_copies_naming_an_outlet_of_the_cluster_say_whom_they_copied() -> None:
    pr, kompas = _c("press-release"), _c("outlet:kompas")
    # two tribunnews copies quote "kepada Kompas.com"; all three carry the statement's paragraph
    members = [[pr], [pr, kompas], [pr, kompas]]
    outlets = ["kompas.com", "tribunnews.com", "tribunnews.com"]
    found = shared_source(members, outlets=outlets)
    assert found is not None and found.kind == "outlet:kompas" and found.cited_by == [1, 2]
    without = shared_source(members)  # without the outlets: the statement all three carry
    assert without is not None and without.kind == "press-release"
    # one copy naming the cluster's outlet: the outlet counts, two of three
    found = shared_source([[], [kompas], []], outlets=outlets)
    assert found is not None and found.kind == "outlet:kompas" and found.cited_by == [1]
    # an outlet outside the cluster is no more than any other kind
    found = shared_source([[kompas], [kompas], []], outlets=["suara.com", "okezone.com", "tempo.co"])
    assert found is not None and found.cited_by == [0, 1]
    assert shared_source([[kompas], [], []], outlets=["suara.com", "okezone.com", "tempo.co"]) is None


def test_an_old_report_recalled_is_background_not_a_source() -> None:
    text = "Harga cabai naik. Seperti diberitakan Kompas.com (1/11/2016), harga cabai pernah naik tajam."
    (old,) = cited_sources(text, outlet="tribunnews.com", day="2019-09-10T08:00:00+07:00")
    assert (old.kind, old.dated, old.background) == ("outlet:kompas", "2016-11-01", True)
    # a statement dated that week is a source; so is a month-name date; no day: nothing is judged
    (now,) = cited_sources("kata Rini dalam keterangan resmi, Senin (9/9/2019).", day="2019-09-10")
    assert (now.dated, now.background) == ("2019-09-09", False)
    (named,) = cited_sources("dikutip dari Surya.co.id (3 Januari 2018), harga naik.", day="2019-09-10")
    assert (named.dated, named.background) == ("2018-01-03", True)
    (undated,) = cited_sources(text, outlet="tribunnews.com")
    assert (undated.dated, undated.background) == (None, False)
    # a fresh citation of the same kind later in the text replaces a background one
    both = cited_sources(text + " Dilansir Kompas.com, Selasa (10/9), harga turun.", outlet="tribunnews.com", day="2019-09-10")
    assert [(c.kind, c.dated, c.background) for c in both] == [("outlet:kompas", "2019-09-10", False)]


def test_a_shared_source_is_counted_in_outlets() -> None:
    conference = [Citation(kind="press-conference", phrase="jumpa pers", where="text")]
    members = [conference, conference, conference, [], []]
    outlets = ["liputan6.com", "liputan6.com", "liputan6.com", "sindonews.com", "okezone.com"]
    assert shared_source(members, outlets=outlets) is None  # 1 outlet of 3, though 3 articles of 5
    found = shared_source(members, outlets=["liputan6.com", "liputan6.com", "sindonews.com", "sindonews.com", "okezone.com"])
    assert found is not None and found.outlets == ["liputan6", "sindonews"] and found.cited_by == [0, 1, 2]
    # all at one outlet: its own versions, no shared source
    assert shared_source([conference, conference], outlets=["tribunnews.com", "tribunnews.com"]) is None
    # an old report recalled by two outlets is no shared source either
    old = [Citation(kind="outlet:kompas", phrase="Kompas.com", where="text", dated="2016-11-01", background=True)]
    assert shared_source([old, old], outlets=["tribunnews.com", "suara.com"]) is None
