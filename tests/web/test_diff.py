"""What each copy changed: the sentence diff (warta.store.diffs), its API and page, and the
copies section of the article page with the shared source and each copy's counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.store.test_sources_store import build_copies_store
from warta.store.diffs import MAX_PAIRS, diff_texts, sentences, word_diff
from warta.web.app import create_app


def test_sentences_end_at_stops_not_at_abbreviations_or_initials() -> None:
    text = (
        'Wakil Ketua KPK Laode M. Syarif bicara. "Ini penting," kata Prof. dr. Azis Rani. '
        "B.J. Habibie dirawat di RSPAD, Selasa (10/9/2019). Harga Rp 1.5 juta? Ya!\n\n\"Aman.\" Kata dia."
    )
    assert sentences(text) == [
        "Wakil Ketua KPK Laode M. Syarif bicara.",
        '"Ini penting," kata Prof. dr. Azis Rani.',
        "B.J. Habibie dirawat di RSPAD, Selasa (10/9/2019).",
        "Harga Rp 1.5 juta?",
        "Ya!",
        '"Aman."',
        "Kata dia.",
    ]


def test_added_dropped_and_changed_sentences() -> None:
    before = "Satu dua tiga. Empat lima enam tujuh delapan. Sembilan sepuluh. Sebelas dua belas."
    after = "Satu  DUA tiga. Sebelas dua belas. Empat lima enam tujuh delapan sembilan. Sesuatu yang baru sekali."
    d = diff_texts(before, after)
    # case and spaces are no change; a moved sentence is neither added nor dropped
    assert d["counts"] == {"before": 4, "after": 4, "same": 2, "holes": 0, "added": 1, "dropped": 1, "changed": 1}
    assert d["added"] == ["Sesuatu yang baru sekali."]
    assert d["dropped"] == ["Sembilan sepuluh."]
    assert d["changed"][0]["before"] == "Empat lima enam tujuh delapan."
    assert d["changed"][0]["words"] == [
        {"op": "same", "text": "Empat lima enam tujuh delapan"},
        {"op": "ins", "text": " sembilan"},
        {"op": "same", "text": "."},
    ]


def test_curly_quotes_and_a_repeated_sentence() -> None:
    d = diff_texts("“Aman,” katanya. Aman.", '"Aman," katanya. Aman. Aman.')
    assert d["counts"]["added"] == 1 and d["added"] == ["Aman."]  # printed twice, once before
    assert d["counts"]["dropped"] == 0 and d["counts"]["changed"] == 0


def test_word_diff_keeps_the_printed_words_and_spaces() -> None:
    runs = word_diff("kata Rini dalam keterangan resmi, Senin (9/9/2019).", "kata Rini di Jakarta, Selasa (10/9/2019).")
    assert "".join(r["text"] for r in runs if r["op"] != "del") == "kata Rini di Jakarta, Selasa (10/9/2019)."
    assert "".join(r["text"] for r in runs if r["op"] != "ins") == "kata Rini dalam keterangan resmi, Senin (9/9/2019)."
    assert {"op": "del", "text": " Senin"} in runs and {"op": "ins", "text": " Selasa"} in runs


def test_unrelated_sentences_are_not_paired_and_long_texts_are_not_paired_at_all() -> None:
    d = diff_texts("Harga beras naik tajam.", "Tim nasional kalah dari Thailand.")
    assert (d["counts"]["added"], d["counts"]["dropped"], d["counts"]["changed"]) == (1, 1, 0)
    n = int(MAX_PAIRS**0.5) + 2
    before = " ".join(f"Kalimat lama nomor {i} tentang harga." for i in range(n))
    after = " ".join(f"Kalimat baru nomor {i} tentang harga." for i in range(n))
    d = diff_texts(before, after)
    assert (d["counts"]["added"], d["counts"]["dropped"], d["counts"]["changed"]) == (n, n, 0)


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, int]]]:
    path: Path = tmp_path_factory.mktemp("diff") / "s.db"
    ids = build_copies_store(path)
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c, ids


def test_the_diff_api(copies: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = copies
    r = client.get(f"/api/articles/{ids['ptpn-kompas']}/diff/{ids['ptpn-tempo']}")
    assert r.status_code == 200
    d = r.json()
    assert d["ok"] and d["same_cluster"] is True
    assert (d["before"]["outlet"], d["after"]["outlet"]) == ("kompas.com", "tempo.co")
    assert (d["before"]["role"], d["after"]["role"], d["basis"]) == ("original", "copy", "original")
    assert "text" not in d["before"]
    assert d["counts"] == {"before": 3, "after": 3, "same": 0, "holes": 0, "added": 1, "dropped": 1, "changed": 2}
    assert d["added"] == ["KPK menduga Dolly menerima suap 345.000 dolar Singapura."]
    assert d["dropped"] == ["Rini juga memberhentikan Dolly dari jabatannya sebagai Direktur Utama."]
    r = client.get(f"/api/articles/{ids['ptpn-kompas']}/diff/{ids['pasar-a']}")
    assert r.status_code == 200 and r.json()["same_cluster"] is False
    assert client.get(f"/api/articles/{ids['ptpn-kompas']}/diff/999999").status_code == 404
    assert client.get(f"/api/articles/{ids['ptpn-kompas']}/diff/{2**70}").status_code == 404
    assert client.get(f"/api/articles/{ids['ptpn-kompas']}/diff/abc").status_code in (400, 422)


def test_the_copies_carry_their_diff_counts_and_the_shared_source(copies: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = copies
    cluster = client.get(f"/api/articles/{ids['ptpn-tempo']}").json()["cluster"]
    assert cluster["source"] == "press-release" and cluster["source_count"] == 3
    diffs = {m["id"]: m["diff"] for m in cluster["members"]}
    assert diffs[ids["ptpn-kompas"]] is None  # the original
    assert diffs[ids["ptpn-liputan6"]]["changed"] == 1 and diffs[ids["ptpn-liputan6"]]["added"] == 0
    assert diffs[ids["ptpn-tribun"]] == {"before": 3, "after": 3, "same": 2, "holes": 0, "added": 1, "dropped": 1, "changed": 0}
    csv = client.get(f"/api/articles/{ids['ptpn-tempo']}/copies?format=csv")
    assert csv.status_code == 200 and "cites" in csv.text.splitlines()[0]


def test_the_article_page_says_shared_source_beside_the_likely_original(copies: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = copies
    html = client.get(f"/article/{ids['ptpn-tempo']}?lang=en").text
    assert "Shared source: a written statement or press release (cited by 3 of 4 outlets)" in html
    assert "likely original" in html
    assert "seperti dalam keterangan tertulis yang diterima Tempo" in html
    assert f'href="/article/{ids["ptpn-kompas"]}/diff/{ids["ptpn-tempo"]}"' in html
    assert "+1 −1 ~2" in html
    # no shared source: no line, but the one member's evidence is listed
    html = client.get(f"/article/{ids['pasar-a']}?lang=en").text
    assert "Shared source" not in html and "jumpa pers" in html
    html = client.get(f"/article/{ids['gempa-c']}?lang=en").text
    assert "Shared source: the Antara wire (cited by 2 of 3 outlets)" in html
    html = client.get(f"/article/{ids['bayi-t1']}?lang=en").text
    assert "The copies name kompas.com as their source, an outlet of this cluster (named by 2 of 2 outlets)" in html


def test_the_diff_page_marks_words_and_escapes_page_text(copies: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = copies
    r = client.get(f"/article/{ids['ptpn-kompas']}/diff/{ids['ptpn-tempo']}?lang=en")
    assert r.status_code == 200
    assert "What tempo.co changed" in r.text
    assert "<del> menunjuk</del><ins> mengangkat</ins>" in r.text
    assert "+1 sentences, −1, 2 changed" in r.text
    r = client.get(f"/article/{ids['ptpn-kompas']}/diff/{ids['ptpn-tribun']}")
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<b>tebal" not in r.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in r.text
    assert client.get(f"/article/{ids['ptpn-kompas']}/diff/999999").status_code == 404


def test_scraper_holes_are_not_edits() -> None:
    before = (
        "Menteri , Rini Soemarno menunjuk Seger Budiardjo sebagai pelaksana tugas (Plt) , PT Perkebunan Nusantara III. "
        "Ia juga menjabat Direktur Produksi PTPN III."
    )
    after = (
        "Menteri BUMN , menunjuk , sebagai pelaksana tugas (Plt) Direktur Utama PT Perkebunan Nusantara III. "
        "Ia juga menjabat Direktur Produksi ,."
    )
    d = diff_texts(before, after)
    assert d["counts"] == {"before": 2, "after": 2, "same": 2, "holes": 2, "added": 0, "dropped": 0, "changed": 0}
    assert d["changed"] == [] and d["holes"][0]["before"].startswith("Menteri , Rini")
    words = d["holes"][0]["words"]
    # the copy's holes hold the original's words; the original's hole holds the copy's
    assert [r for r in words if r["op"] == "hole"] == [
        {"op": "hole", "text": "Rini Soemarno"}, {"op": "hole", "text": "Seger Budiardjo"},
    ]
    assert [r["text"] for r in words if r["op"] == "filled"] == [" BUMN", " Direktur Utama"]
    assert d["holes"][1]["words"][-2:] == [{"op": "hole", "text": "PTPN III"}, {"op": "same", "text": "."}]
    # the other way round: still only holes
    assert diff_texts(after, before)["counts"]["changed"] == 0


def test_a_real_edit_beside_a_hole_is_a_change_and_a_hole_hides_no_clause() -> None:
    d = diff_texts("Kepala Kantor Bea Cukai Wilayah hadir, Senin.", "Kepala Kantor , Wilayah hadir, Selasa.")
    assert d["counts"]["changed"] == 1 and d["counts"]["holes"] == 0
    assert d["changed"][0]["words"] == [
        {"op": "same", "text": "Kepala Kantor"},
        {"op": "hole", "text": "Bea Cukai"},
        {"op": "same", "text": " Wilayah hadir,"},
        {"op": "del", "text": " Senin"},
        {"op": "ins", "text": " Selasa"},
        {"op": "same", "text": "."},
    ]
    # a clause longer than a link's text is an edit, hole or not
    long = "Ia hadir , lalu pulang."
    full = "Ia hadir bersama seluruh jajaran pimpinan daerah dan para tamu undangan lainnya, lalu pulang."
    d = diff_texts(full, long)
    assert d["counts"]["holes"] == 0 and d["counts"]["same"] == 0
    # a comma after a word is prose, not a hole
    assert word_diff("Harga naik, kata dia.", "Harga naik, kata dia.") == [{"op": "same", "text": "Harga naik, kata dia."}]


def test_a_diff_keeps_its_labels_whichever_order_the_url_gives(copies: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = copies
    original, copy = ids["ptpn-kompas"], ids["ptpn-tempo"]
    there = client.get(f"/api/articles/{original}/diff/{copy}").json()
    back = client.get(f"/api/articles/{copy}/diff/{original}").json()
    assert there == back
    assert (back["before"]["id"], back["before"]["role"], back["after"]["id"], back["after"]["role"]) == (
        original, "original", copy, "copy"
    )
    for a, b in ((original, copy), (copy, original)):
        html = client.get(f"/article/{a}/diff/{b}?lang=en").text
        assert "What tempo.co changed" in html
        assert f'<tr data-role="original"><td>original</td><td><a href="/article/{original}">' in html
        assert f'<tr data-role="copy"><td>copy</td><td><a href="/article/{copy}">' in html
    # neither is the original: the earlier (tempo 09:00) before the later (liputan6 12:00)
    tempo, liputan6 = ids["ptpn-tempo"], ids["ptpn-liputan6"]
    for a, b in ((tempo, liputan6), (liputan6, tempo)):
        d = client.get(f"/api/articles/{a}/diff/{b}").json()
        assert (d["basis"], d["before"]["id"], d["before"]["role"], d["after"]["id"], d["after"]["role"]) == (
            "earlier", tempo, "earlier", liputan6, "later"
        )
        html = client.get(f"/article/{a}/diff/{b}?lang=en").text
        assert "What liputan6.com has differently from tempo.co" in html and ">earlier</td>" in html and ">later</td>" in html


def test_the_diff_page_marks_holes_as_markup_and_escapes_their_text(copies: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = copies
    d = client.get(f"/api/articles/{ids['lubang-k']}/diff/{ids['lubang-t']}").json()
    assert (d["counts"]["holes"], d["counts"]["changed"]) == (1, 1)
    html = client.get(f"/article/{ids['lubang-t']}/diff/{ids['lubang-k']}?lang=en").text
    assert "1 the same but for text the scraper lost" in html
    title = "text the page&#39;s link held, lost by the scraper"
    assert f'<span class="hole" title="{title} · the other has: Rini Soemarno">[…]</span>' in html
    # a hole beside a real edit (Senin → Selasa) is marked too, its words escaped in the title
    assert f'<span class="hole" title="{title} · the other has: Gedung &#34;Kementerian&#34; BUMN">[…]</span>' in html
    assert "<del> Senin</del><ins> Selasa</ins>" in html
    assert '<span class="filled" title="the scraper lost this text (a link&#39;s) in the other article"> BUMN</span>' in html
    assert "&lt;i&gt;itu&lt;/i&gt;" in html and "<i>itu" not in html
    # the copies table counts it as the same sentence: one changed, not two
    page = client.get(f"/article/{ids['lubang-k']}?lang=en").text
    assert "+0 −0 ~1" in page
