"""Exact keys and syndicated-copy detection."""

from __future__ import annotations

import random

from warta.pipeline.dedup import CopyCandidate, find_copies, normalise_url, text_fingerprint
from warta.pipeline.dedup.copies import outlet_key
from warta.pipeline.dedup.shingles import shingle_hashes

WORDS = ["pemerintah", "presiden", "menteri", "kota", "warga", "jalan", "banjir", "sekolah", "harga", "beras", "pasar", "polisi", "desa", "gubernur", "rapat", "anggaran", "proyek", "pembangunan", "rumah", "sakit", "pasien", "dokter", "petani", "panen", "hujan", "musim", "kemarau", "listrik", "air", "bersih", "bantuan", "sosial", "dana", "program", "laporan", "kasus", "hukum", "sidang", "hakim", "jaksa"]


def _article(seed: int, n: int = 220) -> str:
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(" ".join(words[i : i + 20]) + "." for i in range(0, n, 20))


def _edit(text: str, rate: float, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) if rng.random() < rate else w for w in text.split())


def test_normalise_url_drops_tracking_and_variants() -> None:
    a = normalise_url("https://www.Kompas.com/read/2019/09/16/berita/?utm_source=fb&b=2&a=1#top")
    b = normalise_url("http://m.kompas.com/read/2019/09/16/berita?a=1&b=2")
    assert a == b == "http://kompas.com/read/2019/09/16/berita?a=1&b=2"
    assert normalise_url("https://example.com/x/amp") == normalise_url("https://example.com/x")
    assert normalise_url(None) is None


def test_text_fingerprint_ignores_case_space_and_punctuation() -> None:
    assert text_fingerprint("Harga  beras NAIK!\n") == text_fingerprint("harga beras naik")
    assert text_fingerprint("harga beras naik") != text_fingerprint("harga beras turun")


def test_shingles_are_deterministic_and_unique() -> None:
    h1 = shingle_hashes("a b c d a b c d")
    h2 = shingle_hashes("A, b. c d a b c d")
    assert list(h1) == list(h2)
    assert len(h1) == 4  # abc, bcd, cda, dab
    assert len(shingle_hashes("")) == 0
    assert len(shingle_hashes("satu dua")) == 1


def test_finds_edited_trimmed_and_wrapped_copies_but_not_other_articles() -> None:
    base = _article(1)
    docs = [
        CopyCandidate(id="a", text=base, outlet="kompas.com", published="2019-09-16T10:00:00+07:00"),
        CopyCandidate(id="b", text=_edit(base, 0.03, 7), outlet="tribunnews.com", published="2019-09-16T11:00:00+07:00"),
        CopyCandidate(id="c", text=base[: len(base) // 2], outlet="okezone.com", published="2019-09-16T12:00:00+07:00"),
        CopyCandidate(id="d", text="Menu Beranda Nasional Daerah\n" + base + "\nHak cipta dilindungi", outlet="sindonews.com"),
    ]
    others = [CopyCandidate(id=f"z{i}", text=_article(100 + i), outlet="tempo.co") for i in range(5)]
    clusters = find_copies(docs + others)
    assert len(clusters) == 1
    (c,) = clusters
    assert c.members == ["a", "b", "c", "d"]
    assert c.original_id == "a" and c.evidence == "earliest" and c.original_outlet == "kompas.com"
    assert c.similarity["a"] == 1.0 and all(v >= 0.6 for v in c.similarity.values())


def test_output_does_not_depend_on_input_order() -> None:
    base = _article(2)
    docs = [CopyCandidate(id=str(i), text=_edit(base, 0.02, i), outlet=f"o{i}.com") for i in range(6)]
    docs += [CopyCandidate(id=f"x{i}", text=_article(50 + i)) for i in range(6)]
    first = find_copies(docs)
    random.Random(3).shuffle(docs)
    assert find_copies(docs) == first


def test_credit_names_the_original_outlet() -> None:
    base = _article(3)
    docs = [
        CopyCandidate(id="jp", text=base, outlet="jawapos.com", published="2019-09-16T12:00:00+07:00"),
        CopyCandidate(id="pk", text=base + " (jpc)", outlet="prokalteng.co", credit="jpc", credit_outlet="JawaPos.com", published="2019-09-16T09:00:00+07:00"),
    ]
    (c,) = find_copies(docs)
    assert c.original_id == "jp" and c.evidence == "credit"


def test_credit_to_an_outlet_outside_the_corpus() -> None:
    base = _article(4)
    docs = [
        CopyCandidate(id="a", text=base, outlet="a.com", credit="ant", credit_outlet="ANTARA"),
        CopyCandidate(id="b", text=base, outlet="b.com", credit="ant", credit_outlet="ANTARA"),
    ]
    (c,) = find_copies(docs)
    assert c.original_id is None and c.original_outlet == "ANTARA" and c.evidence == "credit"
    # similarity against the member that stands for the absent original, not 0.0 for all
    assert c.similarity == {"a": 1.0, "b": 1.0}


def test_template_boilerplate_does_not_merge_short_pages() -> None:
    boiler = " ".join(_article(9, 120).split())
    docs = [
        CopyCandidate(id=f"t{i}", text=_article(200 + i, 30) + " " + boiler, outlet="portal.com")
        for i in range(25)
    ]
    assert find_copies(docs) == []


def test_outlet_keys() -> None:
    assert outlet_key("JawaPos.com") == outlet_key("jawapos.com") == "jawapos"
    assert outlet_key("ANTARA") == outlet_key("antaranews.com") == outlet_key("ANTARA News") == "antara"
    assert outlet_key(None) is None
