"""A copy cluster, read from the store, says what its members cite as their source (read from
the stored texts and credits at read time: a store built before the reading answers too)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.store_builder import INPUT, _row
from warta.pipeline.corpus import run_corpus_stage
from warta.pipeline.dedup import CopyCluster
from warta.store.db import open_store
from warta.store.readonly import connect_readonly
from warta.store.records import cluster, outlet

LEAD = "Menteri BUMN menunjuk Seger sebagai pelaksana tugas Direktur Utama PTPN III."
SAID = '"Keputusan ini berlaku mulai hari ini," kata Rini {how}, Senin (9/9/2019).'
FIRED = "Rini juga memberhentikan Dolly dari jabatannya sebagai Direktur Utama."


def _spec(key: str, outlet: str, hour: int, paragraphs: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "outlet": outlet,
        "url": f"https://{outlet}/read/{key}",
        "published": f"2019-09-10T{hour:02d}:00:00+07:00",
        "language": "id",
        "title": f"Plt Dirut PTPN III ({key})",
        "paragraphs": paragraphs,
        **extra,
    }


ARTICLES = [
    # Four outlets on one written statement: three say so, the fourth dropped the sentence.
    _spec("ptpn-kompas", "kompas.com", 6, [LEAD, SAID.format(how="dalam keterangan resmi"), FIRED]),
    _spec("ptpn-tempo", "tempo.co", 9, [
        LEAD.replace("menunjuk", "mengangkat"),
        SAID.format(how="seperti dalam keterangan tertulis yang diterima Tempo"),
        "KPK menduga Dolly menerima suap 345.000 dolar Singapura.",
    ]),
    _spec("ptpn-liputan6", "liputan6.com", 12, [LEAD, SAID.format(how="dikutip dari keterangan tertulis"), FIRED]),
    _spec("ptpn-tribun", "tribunnews.com", 16, [
        LEAD, FIRED, 'Sumber lain menulis <script>alert("x")</script> & <b>tebal</b> di sini.',
    ]),
    # Two outlets, only one naming a source: no shared source.
    _spec("pasar-a", "kompas.com", 7, ["Harga beras naik di Pasar Induk.", "Pedagang mengeluh sepi pembeli."]),
    _spec("pasar-b", "okezone.com", 8, [
        "Harga beras naik di Pasar Induk.", "Hal itu disampaikan dalam jumpa pers di kantor dinas, Selasa.",
    ]),
    # A wire story: two credit ANTARA, the third does not say.
    _spec("gempa-a", "suara.com", 10, ["Gempa mengguncang Lombok, Selasa."], credit="ant", credit_outlet="ANTARA"),
    _spec("gempa-b", "tribunnews.com", 11, ["Gempa mengguncang Lombok, Selasa."], credit="ant", credit_outlet="ANTARA"),
    _spec("gempa-c", "okezone.com", 12, ["Gempa mengguncang Lombok Selasa."]),
    # Copies that name the member they copied ("kepada Kompas.com"), all carrying a statement too.
    _spec("bayi-kompas", "kompas.com", 9, ['"Sudah diperiksa," kata Julkoisno, Selasa.', "Itu dalam keterangan resmi polisi."]),
    _spec("bayi-t1", "tribunnews.com", 10, ['"Sudah diperiksa," kata Julkoisno kepada Kompas.com, Selasa.', "Itu dalam keterangan resmi polisi."]),
    _spec("bayi-t2", "tribunnews.com", 11, ['"Sudah diperiksa," kata Julkoisno kepada Kompas.com, Selasa.', "Itu dalam keterangan resmi polisi."]),
    # Two versions at one outlet, both recalling a 2016 Kompas.com report: no shared source.
    _spec("lama-t1", "tribunnews.com", 13, [
        "Harga cabai naik lagi di Malang.", "Seperti diberitakan Kompas.com (1/11/2016), harga cabai pernah naik tajam.",
    ]),
    _spec("lama-t2", "tribunnews.com", 14, [
        "Harga cabai naik lagi di Malang hari ini.", "Seperti diberitakan Kompas.com (1/11/2016), harga cabai pernah naik tajam.",
    ]),
    # Three versions at liputan6 name a press conference; two other outlets do not: 1 of 3 outlets.
    *(
        _spec(f"nu-l{i}", "liputan6.com", 8 + i, ["Kader muda NU diminta menjaga persatuan.", f"Hal itu disampaikan dalam jumpa pers, Selasa ({i})."])
        for i in range(3)
    ),
    _spec("nu-s", "sindonews.com", 12, ["Kader muda NU diminta menjaga persatuan.", "Acara digelar di Jakarta."]),
    _spec("nu-o", "okezone.com", 13, ["Kader muda NU diminta menjaga persatuan.", "Acara digelar di Jakarta, Selasa."]),
    # A scraper dropped link text ("Menteri BUMN , menunjuk"), on both sides and with a real edit.
    _spec("lubang-k", "kompas.com", 6, [
        "Menteri , Rini Soemarno menunjuk Seger Budiardjo sebagai Plt Direktur Utama PTPN III.",
        'Keputusan <i>itu</i> berlaku mulai Senin di Gedung "Kementerian" BUMN Jakarta.',
    ]),
    _spec("lubang-t", "tribunnews.com", 16, [
        "Menteri BUMN , menunjuk , sebagai Plt Direktur Utama PTPN III.",
        "Keputusan <i>itu</i> berlaku mulai Selasa di , Jakarta.",
    ]),
]


def _copy(cid: str, keys: list[str], original: str | None, outlet: str) -> CopyCluster:
    return CopyCluster(
        id=cid, members=sorted(keys), original_id=original, original_outlet=outlet,
        evidence="earliest" if original else "credit", similarity={k: 1.0 if k == original else 0.8 for k in keys},
    )


CLUSTERS = [
    _copy("copy:ptpn", ["ptpn-kompas", "ptpn-tempo", "ptpn-liputan6", "ptpn-tribun"], "ptpn-kompas", "kompas.com"),
    _copy("copy:pasar", ["pasar-a", "pasar-b"], "pasar-a", "kompas.com"),
    _copy("copy:gempa", ["gempa-a", "gempa-b", "gempa-c"], None, "ANTARA"),
    _copy("copy:bayi", ["bayi-kompas", "bayi-t1", "bayi-t2"], "bayi-kompas", "kompas.com"),
    _copy("copy:lama", ["lama-t1", "lama-t2"], "lama-t1", "tribunnews.com"),
    _copy("copy:nu", ["nu-l0", "nu-l1", "nu-l2", "nu-s", "nu-o"], "nu-l0", "liputan6.com"),
    _copy("copy:lubang", ["lubang-k", "lubang-t"], "lubang-k", "kompas.com"),
]


def build_copies_store(path: Path) -> dict[str, int]:
    """A store with the clusters above (written through the store's own writer and corpus
    stage); returns the article ids by key."""
    with open_store(path) as store:
        store.input_state(INPUT, kind="jsonl", size=None)
        store.write([_row(s) for s in ARTICLES], finished_inputs=[INPUT])
        run_corpus_stage(store, copies=lambda _rows: CLUSTERS, stories=lambda _rows: [])
        return dict(store.conn.execute("SELECT key, id FROM articles").fetchall())


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[sqlite3.Connection, dict[str, int]]]:
    path = tmp_path_factory.mktemp("sources") / "s.db"
    ids = build_copies_store(path)
    c = connect_readonly(str(path))
    yield c, ids
    c.close()


def _cluster(conn: sqlite3.Connection, cid: str) -> dict[str, Any]:
    found = cluster(conn, cid)
    assert found is not None
    return found


def test_a_written_statement_cited_by_three_of_four(conn: tuple[sqlite3.Connection, dict[str, int]]) -> None:
    c, ids = conn
    k = _cluster(c, "copy:ptpn")
    assert (k["source"], k["source_label"], k["source_count"], k["source_in_cluster"]) == ("press-release", "press-release", 3, False)
    # the earliest member stays the likely original, beside the shared source
    assert k["original_id"] == ids["ptpn-kompas"] and k["head_id"] == ids["ptpn-kompas"]
    cited = {x["id"]: x for x in k["source_cited_by"]}
    assert set(cited) == {ids["ptpn-kompas"], ids["ptpn-tempo"], ids["ptpn-liputan6"]}
    tempo = cited[ids["ptpn-tempo"]]
    assert tempo["outlet"] == "tempo.co"
    assert tempo["citations"] == [{
        "kind": "press-release",
        "phrase": "dalam keterangan tertulis",
        "where": "text",
        "context": SAID.format(how="seperti dalam keterangan tertulis yang diterima Tempo"),
        "dated": "2019-09-09",
        "background": False,
    }]
    assert k["source_outlets"] == 4
    cites = {m["id"]: m["cites"] for m in k["members"]}
    assert cites[ids["ptpn-tribun"]] == []
    assert cites[ids["ptpn-liputan6"]] == ["press-release"]


def test_one_member_citing_is_evidence_but_no_shared_source(conn: tuple[sqlite3.Connection, dict[str, int]]) -> None:
    c, ids = conn
    k = _cluster(c, "copy:pasar")
    assert k["source"] is None and k["source_label"] is None and k["source_count"] == 0
    assert [(x["id"], [y["kind"] for y in x["citations"]]) for x in k["source_cited_by"]] == [
        (ids["pasar-b"], ["press-conference"])
    ]


def test_a_wire_credit_outside_the_corpus(conn: tuple[sqlite3.Connection, dict[str, int]]) -> None:
    c, ids = conn
    k = _cluster(c, "copy:gempa")
    assert (k["source"], k["source_label"], k["source_count"]) == ("wire:antara", "Antara", 2)
    assert k["original_id"] is None and k["head_id"] == min(ids["gempa-a"], ids["gempa-b"], ids["gempa-c"])
    assert {x["citations"][0]["where"] for x in k["source_cited_by"]} == {"credit"}


def test_copies_naming_a_member_outlet(conn: tuple[sqlite3.Connection, dict[str, int]]) -> None:
    c, ids = conn
    k = _cluster(c, "copy:bayi")
    # the copies' own words say whom they copied, over the statement every version carries
    assert (k["source"], k["source_label"], k["source_count"], k["source_in_cluster"]) == (
        "outlet:kompas", "kompas.com", 2, True
    )
    assert {m["id"]: m["cites"] for m in k["members"]}[ids["bayi-t1"]] == ["outlet:kompas", "press-release"]


def test_one_outlets_versions_and_an_old_report_are_no_shared_source(conn: tuple[sqlite3.Connection, dict[str, int]]) -> None:
    c, ids = conn
    k = _cluster(c, "copy:lama")
    assert k["source"] is None and k["source_count"] == 0 and k["source_outlets"] == 1
    # the citation stays listed as evidence, marked as background, and is not a member's source
    citations = [x for m in k["source_cited_by"] for x in m["citations"]]
    assert [(x["kind"], x["dated"], x["background"]) for x in citations] == [("outlet:kompas", "2016-11-01", True)] * 2
    assert all(m["cites"] == [] for m in k["members"])


def test_a_source_is_counted_in_outlets_not_articles(conn: tuple[sqlite3.Connection, dict[str, int]]) -> None:
    c, _ids = conn
    k = _cluster(c, "copy:nu")
    # three of five articles say "jumpa pers", but they are one outlet of three
    assert k["source"] is None and k["source_outlets"] == 3
    assert len(k["source_cited_by"]) == 3


def test_outlet_pages_leave_shared_source_clusters_out_of_who_copied_whom(
    conn: tuple[sqlite3.Connection, dict[str, int]],
) -> None:
    c, _ids = conn
    kompas = outlet(c, "kompas.com")
    # ptpn (a statement cited by 3 of 4 outlets) is left out; bayi (the copies name kompas.com),
    # pasar (no source) and lubang are copies
    assert kompas["copied_by"] == [{"outlet": "tribunnews.com", "count": 3}, {"outlet": "okezone.com", "count": 1}]
    assert kompas["shared_sources"] == 1
    tempo = outlet(c, "tempo.co")
    assert tempo["copied_from"] == [] and tempo["shared_sources"] == 1
    tribun = outlet(c, "tribunnews.com")
    assert tribun["copied_from"] == [{"outlet": "kompas.com", "count": 3}]
    assert tribun["shared_sources"] == 2  # ptpn, and the Antara wire story (gempa)
    liputan6 = outlet(c, "liputan6.com")
    assert liputan6["copied_by"] == [{"outlet": "okezone.com", "count": 1}, {"outlet": "sindonews.com", "count": 1}]
    assert liputan6["shared_sources"] == 1  # ptpn; the nu press conference is one outlet's: copies
