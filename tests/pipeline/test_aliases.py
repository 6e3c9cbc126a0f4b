"""Corpus-level alias learning (warta.pipeline.aliases): which declared forms are used, which
are left apart, and which form names a merged group. Pure functions; no store."""

from __future__ import annotations

from warta.article import Entity
from warta.enrich.entities import declared_forms
from warta.pipeline.aliases import learn, node_key, resolve, shipped_aliases, type_conflicts

ORG, PER, PLACE = "ORGANIZATION", "PERSON", "PLACE"


def test_declared_forms_reads_acronyms_and_nicknames_as_the_article_merge_does() -> None:
    kpk = Entity(name="Komisi Pemberantasan Korupsi", type="ORGANIZATION", mentions=3)
    pp = Entity(name="PT PP", type="ORGANIZATION")
    text = "Penyidik Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. KPK menyebut PT PP."
    assert declared_forms(text, [kpk, pp]) == [("KPK", kpk)]  # "PT PP" spells no acronym
    jokowi = Entity(name="Joko Widodo", type="PERSON")
    text = "Presiden Joko Widodo (Jokowi) meresmikan jembatan. Jokowi mengatakan itu penting."
    assert declared_forms(text, [jokowi]) == [("Jokowi", jokowi)]
    # The acronym must stand in the text as a word: "KPKnya" is not "KPK".
    assert declared_forms("Komisi Pemberantasan Korupsi dan KPKnya.", [kpk]) == []


def test_an_alias_two_outlets_declare_is_used() -> None:
    plan = learn([
        ("kompas.com", [("Iwan", "Helmi Kurniawan", PER)]),
        ("tempo.co", [("Iwan", "Helmi Kurniawan", PER)]),
    ])
    assert plan.links[("iwan", PER)] == (("helmi kurniawan", PER), "declared")
    assert plan.declared[("iwan", PER)] == 2


def test_one_outlets_short_alias_stays_apart_but_a_long_acronym_is_used() -> None:
    plan = learn([
        ("a.com", [("Iwan", "Helmi Kurniawan", PER), ("ERP", "Enterprise Resource Planning", ORG)]),
        ("a.com", [("Iwan", "Helmi Kurniawan", PER)]),  # a second story, same outlet
        ("b.com", [("APJII", "Asosiasi Penyelenggara Jasa Internet Indonesia", ORG)]),
    ])
    assert ("iwan", PER) not in plan.links and ("erp", ORG) not in plan.links
    assert set(plan.single_outlet) == {("iwan", PER), ("erp", ORG)}
    assert plan.links[("apjii", ORG)][0] == ("asosiasi penyelenggara jasa internet indonesia", ORG)


def test_an_alias_declared_for_two_names_stays_apart_unless_one_dominates() -> None:
    pp = [("x.com", [("PP", "PT PP Persero", ORG)]), ("y.com", [("PP", "PT PP Persero", ORG)])]
    pp += [("z.com", [("PP", "Partai Persatuan", ORG)])]
    kpk = [(f"o{i}.com", [("KPK", "Komisi Pemberantasan Korupsi", ORG)]) for i in range(10)]
    kpk += [("o0.com", [("KPK", "Kementerian Pendidikan dan Kebudayaan", ORG)])]
    plan = learn([*pp, *kpk])
    assert ("pp", ORG) not in plan.links
    assert plan.conflicts[("pp", ORG)] == {"pt pp persero": 2, "partai persatuan": 1}
    assert plan.links[("kpk", ORG)][0] == ("komisi pemberantasan korupsi", ORG)
    assert ("kpk", ORG) in plan.dominated


def test_spelling_variants_of_one_expansion_are_one_name() -> None:
    plan = learn([
        ("a.com", [("KPAI", "Komisi Perlindungan Anak Indonesia", ORG)]),
        ("b.com", [("KPAI", "Komisi Perlindungan Anak Indonesia", ORG)]),
        ("c.com", [("KPAI", "Komisi Perlidungan Anak Indonesia", ORG)]),  # a typo
    ])
    assert ("kpai", ORG) not in plan.conflicts
    assert plan.links[("komisi perlidungan anak indonesia", ORG)] == (
        ("komisi perlindungan anak indonesia", ORG), "spelling")


def test_the_shipped_list_settles_its_aliases() -> None:
    shipped = shipped_aliases()
    assert ("KPK", "Komisi Pemberantasan Korupsi", ORG) in shipped
    assert ("Jokowi", "Joko Widodo", PER) in shipped
    conflicting = [("a.com", [("JK", "Jusuf Kalla", PER)]), ("b.com", [("JK", "Jaka Kelana", PER)])]
    assert ("jk", PER) in learn(conflicting).conflicts
    plan = learn(conflicting, shipped)
    assert plan.links[("jk", PER)] == (("jusuf kalla", PER), "list")
    assert plan.settled_by_list == 1 and not plan.conflicts


def test_a_group_is_named_by_its_expansion_else_its_most_used_form() -> None:
    plan = learn([], [("PDIP", "Partai Demokrasi Indonesia Perjuangan", ORG),
                      ("PDI Perjuangan", "Partai Demokrasi Indonesia Perjuangan", ORG)])
    pdip, pdi, full = ("pdip", ORG), ("pdi perjuangan", ORG), (node_key("Partai Demokrasi Indonesia Perjuangan"), ORG)
    merge = resolve(plan, {pdip: 18, pdi: 14, full: 6})
    assert merge.target == {pdip: full, pdi: full}
    assert merge.source == {pdip: "list", pdi: "list"}
    # Without the full name in the corpus, the forms still join, under the most used one.
    assert resolve(plan, {pdip: 18, pdi: 14}).target == {pdi: pdip}


def test_types_stay_apart_and_are_counted() -> None:
    plan = learn([], [("RI", "Republik Indonesia", PLACE)])
    present = {("ri", PLACE): 82, ("ri", ORG): 45, ("republik indonesia", PLACE): 10}
    merge = resolve(plan, present)
    assert merge.target == {("ri", PLACE): ("republik indonesia", PLACE)}
    assert type_conflicts(present) == 1
