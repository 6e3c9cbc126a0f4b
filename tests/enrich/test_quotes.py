"""Quote attribution: the seed's quotes, small cases, and the hand-annotated gold."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from benchmarks.enrich import match_quotes
from tests.enrich.hand_mentions import hand_mentions
from warta.enrich.entities import model_mentions
from warta.enrich.ner.tagger import Mention
from warta.enrich.quotes import find_quotes
from warta.enrich.speakers import NameIndex, PersonModel, name_runs, person_in

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_seed_quotes() -> None:
    expected = json.loads(
        (SAMPLES / "text" / "prokalteng-putin-korea-utara.expected.json").read_text("utf-8")
    )
    text = "\n\n".join(expected["paragraphs"])
    found = [q for q in find_quotes(text, "id") if q.kind == "direct"]
    assert [(q.speaker, q.text[:25]) for q in found] == [
        (e["speaker"], e["starts"][:25]) for e in expected["quotes"]
    ]
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
    assert found[1].cue == "kata Yang"
    assert found[2].cue is None  # a continuation


def test_cue_forms() -> None:
    text = (
        "Menteri Keuangan Sri Mulyani Indrawati hadir di Jakarta.\n\n"
        "“Kami siap,” ujar Sri Mulyani.\n\n"
        "Ia menambahkan, anggaran cukup untuk tahun ini.\n\n"
        "“Tidak ada masalah,” katanya.\n\n"
        "Presiden Joko Widodo mengatakan, “Semua harus bekerja keras untuk rakyat banyak.”\n\n"
        "Menurut Widodo, program itu akan berlanjut sampai akhir tahun."
    )
    found = find_quotes(text, "id")
    direct = [(q.speaker, q.text) for q in found if q.kind == "direct"]
    assert direct == [
        ("Sri Mulyani Indrawati", "Kami siap"),
        ("Sri Mulyani Indrawati", "Tidak ada masalah"),
        ("Joko Widodo", "Semua harus bekerja keras untuk rakyat banyak."),
    ]
    indirect = [(q.speaker, q.text[:8]) for q in found if q.kind == "indirect"]
    assert ("Sri Mulyani Indrawati", "anggaran") in indirect
    assert ("Joko Widodo", "program ") in indirect


def test_english_quotes() -> None:
    text = (
        "Prime Minister Anthony Albanese visited Sydney on Monday.\n\n"
        '"We will rebuild every home," said Albanese.\n\n'
        '"It will take years," Jane Smith said.'
    )
    found = [(q.speaker, q.text[:10]) for q in find_quotes(text, "en")]
    assert found == [("Anthony Albanese", "We will re"), ("Jane Smith", "It will ta")]


def test_english_possessor_is_not_the_speaker() -> None:
    text = (
        "The new model arrives in showrooms next spring.\n\n"
        '"There is real muscle-car DNA in this one," said Car Talk’s John Paul.\n\n'
        "The show tested it for a week on winter roads.\n\n"
        '"It handles snow better than any car we tried this year," said Car Talk’s.'
    )
    found = [(q.speaker, q.text[:9]) for q in find_quotes(text, "en") if q.kind == "direct"]
    assert found == [("John Paul", "There is "), (None, "It handle")]


def test_a_role_whose_name_the_scraper_dropped_is_not_the_story_subject() -> None:
    # The suspect the story is about does not speak for the agency's deputy chair, whose name
    # the scraper emptied ("Wakil Ketua , ,"): nobody is named rather than the wrong person.
    text = (
        "Bambang Irianto terjerat kasus dugaan suap perdagangan minyak mentah.\n\n"
        '"Untuk kepentingan penyidikan, tim menggeledah lima lokasi," ungkap Wakil Ketua , , di '
        "Gedung Merah Putih, Jakarta, Selasa (10/9).\n\n"
        '"Kami siap bekerja sama," kata Kapolres AKBP Budi Santoso, di kantornya.'
    )
    found = [q.speaker for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [None, "Budi Santoso"]


def test_an_unnamed_new_speaker_goes_on_speaking() -> None:
    # The scraper dropped the analyst's name ("Pengamat politik ,"); the "-nya" cues after it are
    # the analyst's too while nobody else is named, not the president's the story is about. A
    # role the article printed before ("Menteri Keuangan, , Sri") is someone it has met: there
    # the pronoun cue goes on to the person named.
    text = (
        "Presiden Joko Widodo menerima surat DPR soal revisi undang-undang itu.\n\n"
        '"Presiden dapat segera mengambil posisi," ujar Pengamat politik , kepada wartawan, '
        "Selasa (10/9).\n\nRibuan akademisi telah menyatakan menolak usulan revisi ini.\n\n"
        '"Pikiran mereka dapat menjadi dasar bagi pemerintah," jelasnya.'
    )
    found = [q.speaker for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [None, None]
    met = (
        "Menteri Keuangan, , Sri Wahyuni, mengatakan ekonomi digital tumbuh cepat.\n\n"
        '"Angka ini membuat kita iri," kata Menteri ,.\n\nIa juga memuji para pendiri.\n\n'
        '"Nama ini sudah dikenal di setiap rumah," imbuh dia.'
    )
    found = [q.speaker for q in find_quotes(met, "id") if q.kind == "direct"]
    assert found[-1] == "Sri Wahyuni"


def test_other_languages_give_nothing() -> None:
    assert find_quotes("« Nous sommes prêts », a dit le ministre.", "fr") == []
    assert find_quotes("", "id") == []


def test_scare_quotes_are_not_quotes() -> None:
    text = 'Ia memakai kemeja warna "peach" dan kacamata "frame" tebal saat sidang.'
    assert find_quotes(text, "id") == []


def test_glued_paragraphs_and_link_lines() -> None:
    text = (
        "Misano - Jorge Lorenzo menepis anggapan bosnya. Insiden itu adalah bukti.Juara tiga kali"
        " itu memang sulit. Baca juga: Rival Lebih Tangguh di MisanoSituasi Lorenzo diperburuk"
        ' cedera."Dia adalah bos," Lorenzo mengatakan, dilansir Crash.Baca juga: Marquez Tak'
        ' Gila di San Marino"Tapi seseorang mengatakan bahwa aku tidak berusaha keras."'
    )
    found = [(q.speaker, q.text[:12]) for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [("Jorge Lorenzo", "Dia adalah b"), ("Jorge Lorenzo", "Tapi seseora")]


def test_handles_stay_whole() -> None:
    text = (
        'Akun @cd_ef misalnya, membandingkan dengan sinetron. "Sinetron enggak disanksi,"'
        ' tulis dia.\n\n"Kenapa kartun harus disanksi? Tolong jelaskan," tulis netizen dengan'
        " akun @ab.cd di Instagram."
    )
    found = [(q.speaker, q.text[:10]) for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [("@cd_ef", "Sinetron e"), ("@ab.cd", "Kenapa kar")]


def test_pronoun_cue_skips_names_inside_quotes() -> None:
    text = (
        "Budi Santoso, putra aktor Joko Santoso, kini main film. Setelah jadi pemeran utama,"
        ' kini ia bermain bersama Rina Band.\n\n"Di sini sebagai Lido, teman Sari Rina Band'
        ' di sekolah," jelasnya.\n\nFilm itu tayang pekan depan. "Genrenya drama," tuturnya.'
    )
    found = [(q.speaker, q.text[:10]) for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [("Budi Santoso", "Di sini se"), ("Budi Santoso", "Genrenya d")]


def test_subheadings_are_not_speakers() -> None:
    text = (
        "Andi Kurniawan menyebutkan lima faktor. Tak hanya itu, ia juga menyebutkan"
        " faktor lain sebagai berikut: Kurang Motivasi Kurangnya motivasi membuat orang malas."
        ' "Mereka tidak tahu manfaatnya," kata dia.'
    )
    found = [(q.speaker, q.text) for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [("Andi Kurniawan", "Mereka tidak tahu manfaatnya")]


@cache
def _mentions(text: str) -> list[Mention] | None:
    return model_mentions(text, "id")


def _scores(articles: list[dict], kind: str = "direct") -> tuple[float, float]:
    """(precision, recall) of (opening words, speaker) pairs, counted by
    ``benchmarks.enrich.match_quotes`` as the benchmark counts them, on quotes read with the NER
    model's mentions as annotate() shares them."""
    hits = found_n = gold_n = 0
    for article in articles:
        found = find_quotes(article["text"], "id", mentions=_mentions(article["text"]))
        tp, n_found, n_gold = match_quotes(found, article["quotes"], kind)
        hits, found_n, gold_n = hits + tp, found_n + n_found, gold_n + n_gold
    return hits / found_n, hits / gold_n


def test_gold_is_large_enough() -> None:
    articles = [json.loads(line) for line in (FIXTURES / "quotes" / "gold.jsonl").open()]
    assert len(articles) >= 20
    assert sum(len(a["quotes"]) for a in articles) >= 60
    heldout2 = [a for a in articles if a["split"] == "heldout2"]
    assert len(heldout2) >= 10 and sum(len(a["quotes"]) for a in heldout2) >= 40
    for article in articles:
        for quote in article["quotes"]:
            assert quote["starts"] in article["text"]


def test_gold_quote_attribution() -> None:
    """Floors under the measured scores (with the NER model's mentions, as annotate() reads
    quotes), to catch regressions; a little room is left for a retrained NER model.

    dev … heldout69 are development data, heldout70-73 held out: each heldoutN part was
    annotated blind, scored once as it came (its first, blind score is in docs/benchmarks.md,
    "Quotes"), and only then used to write rules (heldout22-24 in round 14, heldout25-27 in
    round 15, heldout20-21 and heldout28-30 in round 16, heldout31-33 in round 17, heldout34-36
    in round 18; round 19 read the errors of all of them and raised the floors of the parts it
    moved). heldout37-39 were scored blind after round 18, heldout40-42 before and after round
    19; round 20 read every part, heldout37-42 included; heldout43-45 (CLICK-ID lines
    2,000-14,999) were scored blind before and after round 20, then read by round 21.
    heldout46-51 (lines 2,000-14,999) were scored blind (heldout46-48 after the review of rounds
    19-20 and after round 21, heldout49-51 before and after round 21), then read by round 22.
    heldout52-55 (lines 2,000-14,999) were scored blind before and after round 22, then read by
    round 23. heldout56-59 (lines 2,000-14,999) were scored blind before and after rounds 22 and
    23, then read by round 24. heldout60-63 (lines 2,000-14,999, annotated blind in session 8
    and scored at round 23's rules, then again at round 24's) were read by round 25.
    heldout64-69 (lines 2,000-14,999, annotated blind in session 9, scored at rounds 23-25)
    were read by round 26. heldout70-73 (lines 2,000-14,999, annotated blind at the end of
    session 9, scored at rounds 23 to 26 with the same figures) are HELD OUT: no rule has been
    written from them.
    Blind parts are scored by the lead outside this repository before they are committed."""
    articles = [json.loads(line) for line in (FIXTURES / "quotes" / "gold.jsonl").open()]
    floors = {  # split: (direct P, direct R, indirect P, indirect R)
        "dev": (0.98, 0.98, 0.84, 0.96),
        "heldout": (0.97, 0.97, 0.73, 0.90),
        "heldout2": (0.97, 0.97, 0.82, 0.90),
        "heldout3": (0.97, 0.97, 0.79, 0.68),
        "heldout4": (0.96, 0.96, 0.79, 0.55),
        "heldout5": (0.95, 0.95, 0.78, 0.53),
        "heldout6": (0.96, 0.98, 0.89, 0.60),
        "heldout7": (0.92, 0.91, 0.78, 0.49),
        "heldout8": (0.92, 0.89, 0.85, 0.50),
        "heldout9": (0.92, 0.89, 0.84, 0.54),
        "heldout10": (0.93, 0.93, 0.81, 0.50),
        "heldout11": (0.93, 0.93, 0.77, 0.53),
        "heldout12": (0.91, 0.91, 0.84, 0.50),
        "heldout13": (0.92, 0.90, 0.75, 0.39),
        "heldout14": (0.81, 0.76, 0.63, 0.33),
        "heldout15": (0.83, 0.80, 0.75, 0.51),
        "heldout16": (0.94, 0.93, 0.82, 0.66),
        "heldout17": (0.91, 0.92, 0.87, 0.58),
        "heldout18": (0.88, 0.88, 0.68, 0.42),
        "heldout19": (0.91, 0.92, 0.84, 0.55),
        "heldout20": (0.85, 0.87, 0.87, 0.58),
        "heldout21": (0.87, 0.86, 0.80, 0.51),
        "heldout22": (0.90, 0.89, 0.87, 0.63),
        "heldout23": (0.91, 0.90, 0.79, 0.50),
        "heldout24": (0.83, 0.84, 0.78, 0.58),
        "heldout25": (0.89, 0.88, 0.71, 0.43),
        "heldout26": (0.87, 0.86, 0.84, 0.53),
        "heldout27": (0.85, 0.85, 0.77, 0.53),
        "heldout28": (0.88, 0.85, 0.63, 0.42),
        "heldout29": (0.84, 0.83, 0.72, 0.52),
        "heldout30": (0.84, 0.84, 0.78, 0.57),
        "heldout31": (0.90, 0.92, 0.85, 0.50),
        "heldout32": (0.86, 0.84, 0.79, 0.61),
        "heldout33": (0.95, 0.93, 0.83, 0.48),
        "heldout34": (0.76, 0.78, 0.47, 0.29),
        "heldout35": (0.58, 0.57, 0.70, 0.45),
        "heldout36": (0.89, 0.89, 0.79, 0.51),
        "heldout37": (0.83, 0.83, 0.78, 0.54),
        "heldout38": (0.80, 0.81, 0.77, 0.52),
        "heldout39": (0.85, 0.85, 0.83, 0.55),
        "heldout40": (0.97, 0.96, 0.88, 0.60),
        "heldout41": (0.92, 0.92, 0.77, 0.53),
        "heldout42": (0.85, 0.85, 0.75, 0.47),
        "heldout43": (0.83, 0.83, 0.84, 0.47),
        "heldout44": (0.78, 0.77, 0.68, 0.38),
        "heldout45": (0.87, 0.87, 0.74, 0.45),
        "heldout46": (0.79, 0.75, 0.82, 0.57),
        "heldout47": (0.81, 0.81, 0.78, 0.62),
        "heldout48": (0.96, 0.94, 0.81, 0.53),
        "heldout49": (0.95, 0.89, 0.72, 0.45),
        "heldout50": (0.86, 0.86, 0.81, 0.56),
        "heldout51": (0.92, 0.92, 0.74, 0.58),
        "heldout52": (0.93, 0.93, 0.84, 0.61),
        "heldout53": (0.91, 0.90, 0.88, 0.63),
        "heldout54": (0.85, 0.81, 0.83, 0.49),
        "heldout55": (0.87, 0.87, 0.81, 0.50),
        # annotated blind, scored at rounds 21-23, read by round 24
        "heldout56": (0.89, 0.89, 0.82, 0.53),
        "heldout57": (0.91, 0.86, 0.80, 0.54),
        "heldout58": (0.95, 0.95, 0.79, 0.62),
        "heldout59": (0.96, 0.96, 0.88, 0.58),
        # annotated blind in session 8, scored at rounds 23 and 24, read by round 25
        "heldout60": (0.86, 0.83, 0.89, 0.49),
        "heldout61": (0.83, 0.86, 0.77, 0.42),
        "heldout62": (0.92, 0.91, 0.80, 0.65),
        "heldout63": (0.91, 0.88, 0.72, 0.68),
        # annotated blind in session 9, scored at rounds 23-25, read by round 26
        "heldout64": (0.94, 0.94, 0.86, 0.58),
        "heldout65": (0.82, 0.81, 0.68, 0.47),
        "heldout66": (0.77, 0.76, 0.72, 0.53),
        "heldout67": (0.74, 0.75, 0.71, 0.49),
        "heldout68": (0.88, 0.84, 0.84, 0.53),
        "heldout69": (0.91, 0.91, 0.78, 0.44),
        # held out: annotated blind at the end of session 9, scored at rounds 23-26 (same figures)
        "heldout70": (0.91, 0.87, 0.88, 0.59),
        "heldout71": (0.78, 0.77, 0.75, 0.51),
        "heldout72": (0.93, 0.91, 0.78, 0.55),
        "heldout73": (0.96, 0.93, 0.81, 0.54),
    }
    # (heldout3-4's annotator left "X mengaku + clause" out, and the first annotator (dev,
    # heldout, heldout2) hopes and requests ("berharap …", "meminta … agar"), which the later
    # parts count as indirect speech: their indirect precision floors are lower since warta
    # reads them)
    for split, (dp, dr, ip, ir) in floors.items():
        part = [a for a in articles if a["split"] == split]
        precision, recall = _scores(part)
        assert precision >= dp and recall >= dr, (split, precision, recall)
        precision, recall = _scores(part, "indirect")
        assert precision >= ip and recall >= ir, (split, precision, recall)
    precision, recall = _scores(articles)
    assert precision >= 0.895 and recall >= 0.888
    precision, recall = _scores(articles, "indirect")
    assert precision >= 0.80 and recall >= 0.56


def _direct(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text[:12]) for q in find_quotes(text, "id") if q.kind == "direct"]


def _indirect(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text[:12]) for q in find_quotes(text, "id") if q.kind == "indirect"]


def test_long_role_keeps_the_name_whole() -> None:
    text = (
        '"Mobil ini kurang laku," ujar Manajer Bursa Mobil Bekas WTC Mangga Dua Herjanto'
        ' Kosasih, Senin.\n\n"Harganya turun terus," ucap Herjanto.'
    )
    assert _direct(text) == [
        ("Herjanto Kosasih", "Mobil ini ku"),
        ("Herjanto Kosasih", "Harganya tur"),
    ]


def test_organisation_kind_before_a_name() -> None:
    assert person_in("Ketua Umum Partai Golkar Airlangga Hartarto") == "Airlangga Hartarto"
    text = (
        "Gitaris grup band Ungu Franco Wellyjat alias Enda siap maju.\n\n"
        '"Saya siap bertarung di pilkada," ucap Enda.'
    )
    assert _direct(text) == [("Franco Wellyjat", "Saya siap be")]


def test_unnamed_speakers_get_no_name() -> None:
    text = (
        'Penyanyi Budi Santoso menyapa penonton. "Halo semua, sudah makan?," tanya Budi.\n\n'
        '"Belum," jawab para penonton. "Apa dia model?" tanya seorang wanita.\n\n'
        '"Dia lebih cantik sebelumnya," komentar netter.'
    )
    assert _direct(text) == [
        ("Budi Santoso", "Halo semua, "),
        (None, "Belum"),
        (None, "Apa dia mode"),
        (None, "Dia lebih ca"),
    ]


def test_places_and_things_are_no_speakers() -> None:
    text = (
        '"Acara ini membuka peluang komika," ungkap Fico Fachriza.\n\n'
        "Festival dihelat di JIExpo Kemayoran pada Agustus.\n\n"
        '"Karena saya adalah pelaku, saya mendukung penuh," jelas cowok yang kini berusia 25'
        " tahun tersebut.\n\n"
        "Router Linksys MR8300 dijual mulai hari ini di Jakarta.\n\n"
        '"Router ini punya empat antena yang kuat," tuturnya.'
    )
    assert [s for s, _ in _direct(text)] == ["Fico Fachriza"] * 3


def test_a_band_with_a_number_is_no_person() -> None:
    text = (
        "Penonton menunggu, meskipun Duta belum bernyanyi.\n\n"
        '"Apa kabar semuanya?" sapa sang vokalis Sheila On 7.\n\n'
        '"Sehat selalu ya," ucap Duta.'
    )
    assert [s for s, _ in _direct(text)] == ["Duta", "Duta"]


def test_role_then_comma_then_name() -> None:
    text = (
        '"Presiden bisa menarik suratnya," kata peneliti PSHK, Agil Oktaryal di Jakarta.\n\n'
        '"Kami menyayangkan pertemuan itu," kata Duta Besar Cina untuk Jerman, Ken Wu.\n\n'
        '"Tilang hari ini tidak jauh beda," jelas Kepala Satuan Lalu Lintas, Kompol Joko'
        " Admoko."
    )
    assert [s for s, _ in _direct(text)] == ["Agil Oktaryal", "Ken Wu", "Joko Admoko"]


def test_name_before_its_role() -> None:
    text = '"Tahun ini ada kejutan," kata Lenni Tedja Direktur Jakarta Fashion Week, Rabu.'
    assert _direct(text) == [("Lenni Tedja", "Tahun ini ad")]


def test_capitalised_description_with_a_demonstrative_is_an_anaphor() -> None:
    text = (
        '"Dialog harus inklusif," ujar rohaniwan Franz Magnis.\n\n'
        '"Para pihak membahas semua akar masalah," tutur Guru Besar Filsafat STF'
        " Driyarkara ini."
    )
    assert [s for s, _ in _direct(text)] == ["Franz Magnis", "Franz Magnis"]


def test_unknown_cue_words_after_a_comma() -> None:
    text = (
        'Pelatih Roxy Dolas senang. "Kami menang," terang Roxy.\n\n'
        '"Stadion ini sangat bagus," pujinya.\n\n'
        '"Ibu saya sampai sedih," uca Roxy.'
    )
    assert [s for s, _ in _direct(text)] == ["Roxy Dolas"] * 3


def test_appositive_introduces_a_one_word_speaker() -> None:
    text = (
        "Korban tinggal di Kelurahan Jatimelati, Pondok Melati, Kota Bekasi.\n\n"
        "Rahmat, Ketua RT setempat menuturkan jika korban sakit. Kabar itu dari dokter.\n\n"
        '"Dengar cerita meninggalnya itu dia sakit infeksi di leher," katanya.'
    )
    assert _direct(text) == [("Rahmat", "Dengar cerit")]


def test_officer_corps_and_initials() -> None:
    text = (
        'Kapendam Kolonel Inf Zeni Djunaidi membenarkan. "Benar, luka ringan," ungkapnya.\n\n'
        "Tilang berlaku pukul 06.00-10.00 WIB. Dia menyatakan uji coba hanya di koridor baru."
    )
    found = find_quotes(text, "id")
    assert [q.speaker for q in found] == ["Zeni Djunaidi", "Zeni Djunaidi"]


def test_indirect_kata_in_the_middle() -> None:
    text = (
        "Ahmad Husri, tokoh masyarakat, hadir.\n\n"
        "Gegar budaya, kata Ahmad Husri, bisa terjadi jika warga tidak siap.\n\n"
        "Kata Husri, sangat mungkin warga menolak.\n\n"
        '"Kami siap," kata Husri, Senin (5/9/2019).'
    )
    # in the middle of a sentence the report is the whole sentence
    assert _indirect(text) == [
        ("Ahmad Husri", "Gegar budaya"),
        ("Ahmad Husri", "sangat mungk"),
    ]


def test_indirect_organisations() -> None:
    text = (
        "Menurut KPI, program itu melanggar pedoman penyiaran.\n\n"
        "Organisasi Kesehatan Dunia (WHO) menyebutkan, kurang gerak berbahaya bagi jantung.\n\n"
        "Pihak Kepolisian Wales Selatan mengatakan bahwa tak ada penangkapan malam itu.\n\n"
        "Aturan tersebut menyebutkan lembaga wajib melindungi anak.\n\n"
        "Peraturan KPI yang menyebutkan lembaga penyiaran wajib patuh."
    )
    assert _indirect(text) == [
        ("KPI", "program itu "),
        ("Organisasi Kesehatan Dunia", "kurang gerak"),
        ("Kepolisian Wales Selatan", "tak ada pena"),
    ]


def test_indirect_pronouns_and_anaphors() -> None:
    text = (
        "Aktor Indra Birowo hadir bersama istrinya. Pria berusia 44 tahun ini bahkan menyatakan"
        " bahwa ia selalu mencoba peka.\n\n"
        "Namun, ia menerangkan lagi, pekerjaan tidak boleh mengganggu keluarga.\n\n"
        "Menurut ayah dua anak itu, liburan harus direncanakan.\n\n"
        "Akun @budi misalnya, menyebut sinetron yang menurutnya tidak ditindak."
    )
    assert _indirect(text)[:3] == [
        ("Indra Birowo", "ia selalu me"),
        ("Indra Birowo", "pekerjaan ti"),
        ("Indra Birowo", "liburan haru"),
    ]
    assert all(q.cue != "menurutnya" for q in find_quotes(text, "id"))


def test_indirect_with_an_inserted_clause_or_an_addressee() -> None:
    text = (
        "Humas Bandara Lombok, Eka Asmadi, saat dihubungi dari Mataram, Kamis, mengatakan,"
        "pembatalan penerbangan dimulai pagi ini.\n\n"
        "Gatot Edy Pranomo menekankan kepada seluruh anggota, jika terjadi salah paham, harus"
        " saling mengingatkan."
    )
    assert _indirect(text) == [
        ("Eka Asmadi", "pembatalan p"),
        ("Gatot Edy Pranomo", "jika terjadi"),
    ]


def test_indirect_speech_ends_at_a_glued_paragraph() -> None:
    text = (
        'Menurut Annisa Fitri, internet terputus siang hari.,"Mengganggu sih," kata'
        " Annisa.,Gangguan pulih malam."
    )
    indirect = [q for q in find_quotes(text, "id") if q.kind == "indirect"]
    assert [q.text for q in indirect] == ["internet terputus siang hari."]


def test_speaker_is_named_right_before_the_speech_verb() -> None:
    text = (
        "Prakirawan BMKG Stasiun Meteorologi Cilacap, Jawa Tengah, Rendi Krisnawan mengatakan,"
        ' badai bergerak ke barat.\n\n"Gelombang bisa mencapai enam meter," katanya.'
    )
    assert _direct(text) == [("Rendi Krisnawan", "Gelombang bi")]


def test_organisation_glued_before_a_name_is_dropped() -> None:
    text = (
        "Bukalapak melakukan penataan diri. Chief of Strategy Officer of Bukalapak Teddy Oetomo"
        ' mengungkapkan, perusahaan harus untung.\n\n"Kami ingin tumbuh," kata Teddy.'
    )
    found = [(q.kind, q.speaker) for q in find_quotes(text, "id")]
    assert found == [("indirect", "Teddy Oetomo"), ("direct", "Teddy Oetomo")]


def test_a_new_subject_after_sementara_itu() -> None:
    text = (
        '"Kami siap," kata Manajer Haruna Soemitro.\n\n'
        "Sementara itu, Pelatih Madura United Rasiman menyatakan, timnya berlatih keras."
        ' Madura United FC kini di peringkat tiga.\n\n"Target saya memperbaiki posisi," katanya.'
        '\n\n"Kami waspada," kata Rasiman.'
    )
    assert [s for s, _ in _direct(text)] == ["Haruna Soemitro", "Rasiman", "Rasiman"]


def test_short_name_for_a_one_word_speaker() -> None:
    text = (
        "Menteri Rudiantara menyebutkan, unicorn baru segera lahir. Rudiantara mengatakan,"
        ' investor tertarik.\n\n"Startup itu dapat dana besar," ujar Rudi di Jakarta.'
    )
    assert _direct(text) == [("Rudiantara", "Startup itu ")]


def test_scare_quotes_before_yakni_are_no_quotes() -> None:
    text = (
        'Bandara itu masuk kategori "tempat-tempat yang dilindungi", yakni area dengan kontrol'
        " khusus demi keselamatan publik."
    )
    assert find_quotes(text, "id") == []


def test_pronouns_possessives_and_function_words_are_no_names() -> None:
    text = (
        'Pelatih Indra Sjafri memuji timnya. "Kami bermain baik," Dia menambahkan.\n\n'
        '"Anak saya pulang malam," kata Ibunya.\n\n'
        '"Kami akan terus berlatih," ujar Indra. "Semua siap," ujar Meski demikian.'
    )
    assert [s for s, _ in _direct(text)] == ["Indra Sjafri", None, "Indra Sjafri", "Indra Sjafri"]


def test_roles_with_a_coordination_and_nicknames_in_brackets() -> None:
    text = (
        "Menteri Pemuda dan Olahraga Imam Nahrawi menyampaikan permintaan maaf kepada Malaysia."
        "\n\nWakil Presiden Jusuf Kalla (JK) menyatakan, pemerintah akan membantu."
    )
    assert [s for s, _ in _indirect(text)] == ["Imam Nahrawi", "Jusuf Kalla"]


def test_pronoun_goes_to_who_spoke_since_the_last_quote() -> None:
    text = (
        '"Kami membangun jalan baru," kata Gubernur Edy Rahmayadi.\n\n'
        "Selanjutnya, Asisten Perekonomian DIY Trisaktiyana menjelaskan dukungan pemerintah."
        ' Hal ini dilakukan agar pembangunan merata.\n\n"Kami juga membuat akses jalan," paparnya.'
    )
    assert [s for s, _ in _direct(text)] == ["Edy Rahmayadi", "Trisaktiyana"]


def test_name_at_the_end_of_a_lower_case_description() -> None:
    text = (
        '"Orang pintar memakai uang dengan bijak," kata pakar keuangan dan penulis di Amerika'
        ' Serikat Lynnette Khalfani-Cox.\n\n"Mobil baru dua tahun lalu," kata warga setempat.'
    )
    assert [s for s, _ in _direct(text)] == ["Lynnette Khalfani-Cox", None]


def test_organisation_after_its_kind_is_no_speaker() -> None:
    text = (
        "Takmir Masjid Agung Baiturrahman Sukoharjo mengamankan seorang pria.\n\n"
        "Kasatreskrim Polres Sukoharjo, AKP Gede Yoga, membenarkan kejadian tersebut. Peristiwa"
        " terjadi pada Minggu malam.\n\n"
        '"Kemarin dari pihak takmir yang menangkap pria tersebut," katanya.'
    )
    assert _direct(text) == [("Gede Yoga", "Kemarin dari")]


def test_initials_stand_for_the_full_name() -> None:
    text = (
        "Wakil Presiden Jusuf Kalla atau JK kembali mengingatkan pentingnya pengeras suara.\n\n"
        '"Memang kadang-kadang masjid mengganggu juga," kata JK.\n\n'
        "JK mengingatkan bahwa masjid harus memakmurkan masyarakatnya."
    )
    assert _direct(text) == [("Jusuf Kalla", "Memang kadan")]
    assert _indirect(text) == [("Jusuf Kalla", "masjid harus")]
    # without a full name the initials stay
    assert _direct('"Hari ini libur," kata JK.') == [("JK", "Hari ini lib")]


def test_short_name_takes_the_rest_of_the_full_name() -> None:
    text = (
        "Menteri Hukum dan Hak Asasi Manusia Yasonna Hamonangan Laoly membantah tudingan itu.\n\n"
        '"Tidak ada penghilangan kekhususan," kata Yasonna di Kompleks Parlemen.\n\n'
        "Pakar hukum pidana dari Universitas Trisakti Abdul Fickar Hadjar menyoroti pasal 46.\n\n"
        '"Korupsi menjadi dianggap perkara biasa," kata Fickar.'
    )
    assert [s for s, _ in _direct(text)] == ["Yasonna Hamonangan Laoly", "Abdul Fickar Hadjar"]


def test_a_glued_link_title_is_no_speaker() -> None:
    text = (
        "Jakarta - Brandon Jawato mengaku senang bisa memperkuat timnas basket Indonesia."
        ' Timnas dibebani target medali emas."Sebuah kehormatan bagi saya bisa bergabung,"'
        " kata Jawato.Baca juga: Dua Pemain Asing Gabung, Komposisi Timnas Basket Kian Mantap"
        '"Pengalaman saya saat di ABL akan saya bawa ke sini," ujar pebasket berusia 26 tahun ini.'
    )
    assert [s for s, _ in _direct(text)] == ["Brandon Jawato", "Brandon Jawato"]


def test_a_stage_name_in_capitals_and_a_repeated_one_word_name() -> None:
    text = (
        '"Senang banget bisa ikut acara ini," ujar NIKI saat wawancara.\n\n'
        "Meski deg-degan, NIKI yakin dirinya bisa tampil baik."
        ' "Aku deg-degan tapi siap," tutur penyanyi kelahiran Jakarta, 24 Januari 1999 itu.\n\n'
        "Niki mengadopsi seorang anak bersama suaminya.\n\n"
        'Niki juga lantas memberi selamat pada Ruben. "Selamat kak Ruben," ujar ibu tiga anak ini.'
    )
    assert [s for s, _ in _direct(text)] == ["NIKI", "NIKI", "Niki"]


def test_unnamed_description_then_a_one_word_name_and_an_answer() -> None:
    text = (
        '"Hari ini libur, tidak bawa bekal dulu," kata Jusuf Kalla kepada wartawan.\n\n'
        '"Pak, aku lagi hamil, nama yang baik apa pak?" kata salah satu reporter Tvone,'
        ' Paramitha.\n\n"Kalau perempuan ada Fani," jawab ,.'
    )
    assert [s for s, _ in _direct(text)] == ["Jusuf Kalla", "Paramitha", "Jusuf Kalla"]


def test_a_quote_about_the_subject_is_not_by_the_subject() -> None:
    text = (
        "Kabid Humas Polda Sulsel Kombes Pol Dicky Sondani mengatakan Aminah sakit hati.\n\n"
        '"Aminah melakukan perbuatan tersebut karena sakit hati," katanya.\n\n'
        "Mendengar informasi itu, Aminah kemudian menuju ke rumah suaminya.\n\n"
        '"Aminah lalu pulang ke rumah dan menanyakan kabar tersebut," ungkapnya.'
    )
    assert [s for s, _ in _direct(text)] == ["Dicky Sondani", "Dicky Sondani"]


def test_documents_speak_for_nobody() -> None:
    text = (
        "Sheriff Palm Beach County membuka kembali kasus itu.\n\n"
        '"Moldt meninggalkan klub malam sekitar pukul 23.00," sambung laporan itu.\n\n'
        '"Dia tidak tampak mabuk," kata laporan tersebut.'
    )
    assert [s for s, _ in _direct(text)] == [None, None]


def test_role_words_before_a_full_name_and_after_a_comma() -> None:
    text = (
        '"Sebenarnya tidak berubah, tetap 25 ruas jalan," ujar Kepala Dinas Perhubungan'
        " (Kadishub) DKI Jakarta Syafrin Liputo di Balai Kota.\n\n"
        "Menteri Dalam Negeri Tjahjo belum bisa memastikan hal itu.\n\n"
        '"Kalau dilanjutkan saya jamin pasti dilanjutkan," kata Tjahjo.\n\n'
        '"Kami memohon maaf atas ketidaknyamanan itu," tutur Corporate Communication & Community'
        " Development Group Head,PT Jasa Marga (Persero) Tbk Dwimawu Heru Santoso dalam keterangan."
    )
    assert [s for s, _ in _direct(text)] == ["Syafrin Liputo", "Tjahjo", "Dwimawu Heru Santoso"]


def test_accounts_and_nicknames() -> None:
    text = (
        '"Idola ku dari masa ke masa," tulis akun idong15.\n\n'
        '"You look gorgeous sist," tutur akun bernama achamilan83.\n\n'
        "Pencetak dua gol, Alberto Goncalves, mengatakan timnas siap.\n\n"
        '"Kami sekarang fokus untuk pertandingan besok," ujar Beto sapaan Alberto.'
    )
    assert [s for s, _ in _direct(text)] == ["idong15", "achamilan83", "Alberto Goncalves"]


def test_more_indirect_speech_shapes() -> None:
    text = (
        "Perdana Menteri Mahathir Mohamad mengatakan Malaysia akan terus menampung penceramah.\n\n"
        "Meski demikian, Yasonna Laoly mengaku bahwa pembahasan RKUHP tidak tertutup.\n\n"
        "NIKI mengaku sempat deg-degan sebelum naik panggung.\n\n"
        "Radit Wijaya lantas menjelaskan jika ia berencana membangun rumahnya.\n\n"
        "Dia mengklaim perubahan itu demi menyempurnakan undang-undang.\n\n"
        "Hal itu dilakukan lanjut Radit, karena rumahnya terlalu kecil.\n\n"
        "Kemudian setelah itu, kata Radit ingin mengurus keluarganya."
    )
    assert _indirect(text) == [
        ("Mahathir Mohamad", "Malaysia aka"),
        ("Yasonna Laoly", "pembahasan R"),
        ("Radit Wijaya", "ia berencana"),
        ("Radit Wijaya", "perubahan it"),
        ("Radit Wijaya", "Hal itu dila"),
        ("Radit Wijaya", "Kemudian set"),
    ]


def test_a_place_glued_before_a_name_is_dropped() -> None:
    text = (
        "Kepulauan Solomon memutus hubungan dari Taiwan ke China.\n\n"
        "Menteri Luar Negeri Taiwan Joseph Wu mengatakan bahwa pemerintah menyesalkan keputusan"
        " itu.\n\nWu mengatakan bahwa China memakai sarana moneter."
    )
    assert [s for s, _ in _indirect(text)] == ["Joseph Wu", "Joseph Wu"]


def test_relatives_professions_places_and_long_roles() -> None:
    text = (
        '"Pelaku sudah kami tangkap semalam," kata orangtua Bunga, DM.\n\n'
        '"Empat hal ini sangat sensitif," kata Psikolog Meity Arianty.\n\n'
        '"Kondisinya masih fluktuatif," kata Petugas Pos Pengamatan Gunung Slamet Sukedi.\n\n'
        '"Jadi sekarang naik 63 persen," ujar Kepala Sub Direktorat Penegakan Hukum Ditlantas'
        " Polda Metro Jaya Ajun Komisaris Besar Muhammad Nasir saat dihubungi.\n\n"
        '"Harga turun," ujar Mendag Enggar di Jakarta.'
    )
    assert [s for s, _ in _direct(text)] == [
        "DM",
        "Meity Arianty",
        "Sukedi",
        "Muhammad Nasir",
        "Enggar",
    ]


def test_no_speaker_from_a_phrase_before_a_place_or_after_a_relation() -> None:
    text = (
        "Menurut Mendag, India menyatakan masih mempertimbangkan rencana itu.\n\n"
        "Syahrul, Direktur LBH Banda Aceh selaku kuasa hukum Saiful Mahdi menyebutkan,"
        " pemanggilan hari ini sebagai tersangka."
    )
    assert [s for s, _ in _indirect(text)] == []


# The NER model's word on names (PersonModel), with mentions written by hand so that these
# tests do not depend on one trained model.



def test_model_gives_the_full_name_the_rules_cut() -> None:
    text = (
        "Mason Greenwood mendapatkan pujian Ole Gunnar Solskjaer.\n\n"
        "“Dia seorang finisher alami,” kata Solskjaer."
    )
    mentions = hand_mentions(text, ("Ole Gunnar Solskjaer", "PERSON"), ("Solskjaer", "PERSON"))
    found = find_quotes(text, "id", mentions=mentions)
    assert [q.speaker for q in found if q.kind == "direct"] == ["Ole Gunnar Solskjaer"]


def test_model_full_name_only_seen_at_a_sentence_start_is_none() -> None:
    text = "Oh Niki senang. Ia datang ke Niki Studio kemarin."
    model = PersonModel(text, hand_mentions(text, ("Oh Niki", "PERSON")))
    assert model.full_name("Niki") == "Niki"


def test_model_full_name_after_a_role_and_comma_joins_both_short_names() -> None:
    # "…, Agus Sugeng Widodo mengatakan" is mid-sentence, not a sentence start; the article
    # then calls him both "Agus" and "Sugeng"
    text = (
        "Group Head PT Bandar Udara Internasional Jawa Barat atau BIJB, Agus Sugeng Widodo "
        "mengatakan Garuda berhenti terbang.\n\n"
        '"Itu kebijakan internal mereka," kata Agus.\n\n'
        '"Ini kan LCC semua," ujar Sugeng.'
    )
    mentions = hand_mentions(text, ("Agus Sugeng Widodo", "PERSON"), ("BIJB", "ORGANIZATION"))
    found = find_quotes(text, "id", mentions=mentions)
    assert [q.speaker for q in found if q.kind == "direct"] == ["Agus Sugeng Widodo"] * 2
    # a scraper's paragraph break (".,Name") still opens a sentence
    text = "Ia pulang.,Oh Niki senang. Ia datang ke Niki Studio kemarin."
    model = PersonModel(text, hand_mentions(text, ("Oh Niki", "PERSON")))
    assert model.full_name("Niki") == "Niki"


def test_model_organisation_is_no_speaker_of_a_pronoun_cue() -> None:
    text = (
        "Menteri Kesehatan Nila Moeloek meninjau Kalimantan.\n\n"
        "“Kalau sudah musim kemarau yang utama itu air,” katanya.\n\n"
        "Tim memantau Puskesmas Pulang Pisau yang bermasalah karena kabut asap.\n\n"
        "“Kita datangi, kita beri oksigen konsentrator,” katanya."
    )
    mentions = hand_mentions(text, ("Nila Moeloek", "PERSON"), ("Puskesmas Pulang Pisau", "ORGANIZATION"))
    speakers = [q.speaker for q in find_quotes(text, "id", mentions=mentions)]
    assert speakers[:2] == ["Nila Moeloek", "Nila Moeloek"]


def test_model_a_tagged_place_alone_does_not_veto_a_name() -> None:
    text = "Komplain datang dari Helen Bond, tetangga Charlotte."
    model = PersonModel(text, hand_mentions(text, ("Helen Bond", "PLACE")))
    at = text.index("Helen")
    assert not model.is_other("Helen Bond", at)  # no common word, no repeated place
    text = "Observatorium Suriah mengatakan serangan di Suriah menewaskan 10 orang di Suriah."
    model = PersonModel(text, hand_mentions(text, ("Suriah", "PLACE")))
    assert model.is_other("Observatorium Suriah", 0)


def test_model_person_after_a_comma_replaces_an_untagged_phrase() -> None:
    text = (
        "“Semeru itu tolak ukur kegiatan petualangan,” ujar perwakilan pendaki dari Kerabat "
        "Pencinta Alam (KPA), Amirnan kepada wartawan."
    )
    mentions = hand_mentions(text, ("Amirnan", "PERSON"), ("KPA", "ORGANIZATION"))
    assert [q.speaker for q in find_quotes(text, "id", mentions=mentions)] == ["Amirnan"]
    # an organisation the model tags keeps speaking: "tulis KPI"
    text = "“Yakni memukul wajah dengan papan,” tulis KPI dalam rilisnya, Senin."
    mentions = hand_mentions(text, ("KPI", "ORGANIZATION"))
    assert [q.speaker for q in find_quotes(text, "id", mentions=mentions)] == ["KPI"]


def test_model_one_word_person_subject_of_a_pronoun_cue() -> None:
    text = (
        "Acara itu dibantu oleh Fitri Salhuteru.\n\n"
        "Bagi Niki, Sukabumi spesial sebab di sanalah ia tahu dirinya hamil. "
        "“Awal Niki hamil, di sini Niki tahunya,” lanjutnya."
    )
    mentions = hand_mentions(text, ("Fitri Salhuteru", "PERSON"), ("Niki", "PERSON"))
    direct = [q.speaker for q in find_quotes(text, "id", mentions=mentions) if q.kind == "direct"]
    assert direct == ["Niki"]


def test_arabic_article_keeps_the_given_name() -> None:
    assert person_in("Turki al-Maliki") == "Turki al-Maliki"
    assert person_in("Menteri Luar Negeri Adel al-Jubeir") == "Adel al-Jubeir"


def test_a_relation_with_dari_is_no_subject() -> None:
    text = (
        "“Saya kebetulan berangkat ke Budapest,” ungkap Rio Febrian.\n\n"
        "Rio Febrian pun langsung bergegas pulang. Suami dari Sabria Kono itu akhirnya tak bisa "
        "melanjutkan pekerjaannya. “Yaudah terus berangkat ke Budapest,” ujarnya."
    )
    assert [s for s, _ in _direct(text)] == ["Rio Febrian", "Rio Febrian"]


def test_a_source_speaks_for_nobody_and_pihaknya_is_a_pronoun() -> None:
    text = (
        "Pasukan Quds dikabarkan mundur dari Albu Kamal.\n\n"
        "“Jet tempur Saudi memantau perubahan posisi milisi,” kata sumber tersebut."
    )
    assert _direct(text) == [(None, "Jet tempur S")]
    text = (
        "Kasatreskrim Polres Sukoharjo, AKP Gede Yoga, membenarkan kejadian itu.\n\n"
        "“Sempat dikira mencuri sepeda motor,” ujar dia.\n\n"
        "Dari hasil pemeriksaan, Indratmoko ternyata memiliki gangguan kejiwaan. Pihaknya pun "
        "tidak melanjutkan proses hukum.\n\n"
        "“Sudah kami periksa, dia memang punya riwayat,” tutupnya."
    )
    assert [s for s, _ in _direct(text)] == ["Gede Yoga", "Gede Yoga"]


def test_lower_case_pronoun_cue_after_a_quote() -> None:
    text = (
        "Eka Hidayat Taufik berbicara di Kantor DPRD Kota Bekasi.\n\n"
        "“Sekarang pengembangan perumahan itu vertikal,” ia menjelaskan."
    )
    assert _direct(text) == [("Eka Hidayat Taufik", "Sekarang pen")]


def test_a_defined_term_is_no_quote_but_a_one_word_answer_is() -> None:
    text = (
        "Trump mengatakan AS memiliki banyak pilihan. “Ada opsi pamungkas dan ada opsi lain,” "
        "katanya, menjelaskan “opsi pamungkas” berarti perang."
    )
    assert _direct(text) == [("Trump", "Ada opsi pam")]
    text = "Mahathir Mohamad hadir. Dia mengatakan “rumit” ketika ditanya soal Zakir."
    assert _direct(text) == [("Mahathir Mohamad", "rumit")]


def test_a_quote_glued_after_a_number_opens_a_paragraph() -> None:
    text = (
        "Valentino Rossi mengatakan Marquez senang.Baca juga: Marquez Jadi Pesaing di 2020"
        '"Tampaknya bagi saya, Marquez sangat senang karena menang," kata Rossi.'
    )
    assert _direct(text) == [("Valentino Rossi", "Tampaknya ba")]


def test_a_capitalised_cue_after_a_comma_closed_quote() -> None:
    text = (
        "Andi Rianto tampil bersama Magenta Orchestra.\n\n"
        "“Saya dan Magenta Orchestra akan membawakan lagu religi,” Ucap Andi Rianto kemarin."
    )
    found = find_quotes(text, "id")
    assert [(q.speaker, q.cue) for q in found] == [("Andi Rianto", "Ucap Andi Rianto")]


def test_model_one_word_names_the_model_does_not_take() -> None:
    # "teriak vokalis Seringai, Arian": the band gives way to the person after the comma
    text = (
        "“Ketika keinginan untuk hidup dibungkam,” teriak vokalis Seringai, Arian seraya bernyanyi."
    )
    mentions = hand_mentions(text, ("Arian", "PERSON"))
    assert [q.speaker for q in find_quotes(text, "id", mentions=mentions)] == ["Arian"]
    # the last word of a lower-case description is no name: the subject before speaks
    text = (
        "Theo L Sambuaga menjenguk Habibie di rumah sakit.\n\n"
        "“Saya sempat melihat dari kaca,” kata mantan Menteri Negara Perumahan Rakyat itu kemarin."
    )
    mentions = hand_mentions(text, ("Theo L Sambuaga", "PERSON"), ("Habibie", "PERSON"))
    assert [q.speaker for q in find_quotes(text, "id", mentions=mentions)] == ["Theo L Sambuaga"]
    # one word left of a role is no subject: "Kepala Negara menerangkan"
    text = (
        "“Kita semuanya adalah sahabat,” ujar Jokowi.\n\n"
        "Kepala Negara menerangkan, ekonomi dunia saat ini sedang tidak ramah.\n\n"
        "“Kita harus mampu membentengi diri,” imbuhnya."
    )
    mentions = hand_mentions(text, ("Jokowi", "PERSON"))
    direct = [q.speaker for q in find_quotes(text, "id", mentions=mentions) if q.kind == "direct"]
    assert direct == ["Jokowi", "Jokowi"]


def test_clause_opener_is_no_first_name() -> None:
    text = (
        'Ozil bermain 71 menit.,Namun Emery menegaskan Arsenal akan bangkit.,"Kami ingin '
        'mengendalikan setiap pertandingan dengan bola," kata dia.'
    )
    assert _direct(text) == [("Emery", "Kami ingin m")]
    assert person_in("Bahkan Cak Imin") == "Cak Imin"


def test_role_word_as_family_name() -> None:
    assert person_in("Christine Hakim") == "Christine Hakim"
    assert person_in("Dr Brian Kantor") == "Brian Kantor"
    assert person_in("Ketua Hakim") is None  # a role after a role stays a role
    text = (
        "Ketua Komite Seleksi Film Indonesia (KSFI) Christine Hakim mengatakan ada pertimbangan."
        ',"Kami sepakat memilih film itu," kata Christine.'
    )
    assert _direct(text) == [("Christine Hakim", "Kami sepakat")]


def test_subject_with_title_then_continuation() -> None:
    text = (
        "Dr Brian Kantor, seorang dokter gigi, mengatakan bahwa menyikat gigi "
        'setelah makan tidak baik.,"Makanan dengan kadar pH rendah sangat buruk," katanya. '
        '"Tetapi kita juga harus waspada terhadap makanan manis."'
    )
    found = find_quotes(text, "id", mentions=model_mentions(text, "id"))
    assert [(q.speaker, q.text[:12]) for q in found if q.kind == "direct"] == [
        ("Brian Kantor", "Makanan deng"),
        ("Brian Kantor", "Tetapi kita "),
    ]


def test_cue_naming_a_nickname() -> None:
    text = (
        "Ketua Umum PKB Muhaimin Iskandar bertemu Presiden Joko Widodo di Istana.,"
        '"Yang namanya kerja sama demi rakyat siap," kata politikus yang disapa Cak Imin di '
        'kantor DPP PKB.,"Iyalah, tidak apa-apa," imbuhnya.'
    )
    assert _direct(text) == [
        ("Muhaimin Iskandar", "Yang namanya"),
        ("Muhaimin Iskandar", "Iyalah, tida"),
    ]


def test_cabinet_name_is_no_person() -> None:
    assert person_in("Kabinet Kerja Jokowi") == "Jokowi"
    text = (
        '"Perkenankan saya atas nama seluruh rakyat Indonesia berduka," jelas Jokowi dalam '
        "konferensi pers.,Sejumlah menteri di Kabinet Kerja Jokowi juga berduka."
    )
    assert _direct(text) == [("Jokowi", "Perkenankan ")]


def test_organisation_speaking_beside_its_spokeswoman() -> None:
    text = (
        'Tokopedia menarik produk tembakau.,"Mulai 19 September 2019, produk tembakau tidak '
        'lagi bisa dimunculkan," tulis Tokopedia.,VP of Corporate Communications Tokopedia '
        'Nuraini Razak mengatakan hal itu.,"Kami mengambil langkah ini," kata Nuraini.'
    )
    assert _direct(text) == [("Tokopedia", "Mulai 19 Sep"), ("Nuraini Razak", "Kami mengamb")]


def test_appositive_name_before_its_office() -> None:
    text = (
        "Hal Eddins, Chief Economist Capital Investment Counsel, mengatakan walau iPhone baru "
        "mungkin tidak terlalu menarik, layanan streaming akan laku."
    )
    assert _indirect(text) == [("Hal Eddins", "walau iPhone")]
    text = (
        "Melansir laman itu,, Dr Brian Kantor, dokter gigi kosmetik Lowenberg, Lituchy & Kantor "
        "di New York, Amerika Serikat, mengatakan bahwa menyikat gigi setelah makan tidak baik."
        ',"Makanan dengan kadar pH rendah sangat buruk," katanya.'
    )
    assert _direct(text) == [("Brian Kantor", "Makanan deng")]
    assert _indirect(text) == [("Brian Kantor", "menyikat gig")]
    # a role opening the sentence is no name: the subject after it speaks
    text = (
        "Sementara itu, Kabid Humas Polda Metro Jaya, Kombes Argo Yuwono mengatakan jika "
        "korban telah mencabut laporannya."
    )
    assert _indirect(text) == [("Argo Yuwono", "korban telah")]


def test_according_to_is_no_first_name() -> None:
    assert person_in("Menurut al-Maliki") == "al-Maliki"
    assert person_in("Turki al-Maliki") == "Turki al-Maliki"


def test_appositive_needs_a_description() -> None:
    text = (
        "Warga Parepare, Sekar Ayu Eka, kepada wartawan mengatakan masyarakat datang ke "
        "alun-alun sejak pagi."
    )
    assert _indirect(text) == [("Sekar Ayu Eka", "masyarakat d")]
    text = (
        "Pelatih Barcelona, Ernesto Valverde, memberikan tanggapan soal rumor yang mengatakan "
        "hubungan klub dengan Lionel Messi memburuk."
    )
    assert all(speaker != "Ernesto Valverde" for speaker, _ in _indirect(text))


def test_account_without_at_sign_stays_the_speaker_with_the_model() -> None:
    # The model never tags an account as a person; that must not hand its comment to the
    # person the article is about.
    text = (
        "Aurelie Moeremans mengunggah foto bersama kekasihnya.\n\n"
        "“Kamu cari pengganti yg gimana?” ujar akun tommyndp.\n\n"
        "“Maksudnya putus dan lanjut ke pernikahan hehe,” tandas akun lafema_fiscarina."
    )
    mentions = hand_mentions(text, ("Aurelie Moeremans", "PERSON"))
    speakers = [q.speaker for q in find_quotes(text, "id", mentions=mentions)]
    assert speakers == ["tommyndp", "lafema_fiscarina"]


def test_leading_comma_of_a_dropped_link_is_cut_from_the_quote() -> None:
    text = (
        "Pengamat politik Lucius Karus menilai penetapan itu janggal.\n\n"
        '" , yang baru disahkan sehari sebelum penetapan tersangka," ucap dia.'
    )
    quotes = [q for q in find_quotes(text, "id") if q.kind == "direct"]
    assert [(q.speaker, q.text[:15]) for q in quotes] == [("Lucius Karus", "yang baru disah")]
    assert text[quotes[0].start : quotes[0].end] == quotes[0].text


def test_a_doubled_letter_more_or_less_is_the_same_name() -> None:
    text = (
        "Film itu mendapat kritikan dari pendakwah bernama Maaher Atthuwailibi. Selain itu, "
        'Maher juga menyayangkan judul film tersebut. "Santri mana? santri liberal?" kata dia.'
    )
    assert _direct(text) == [("Maaher Atthuwailibi", "Santri mana?")]
    names = NameIndex("Pelatih Budi Santoso dan pendakwah Maaher Atthuwailibi hadir.")
    assert names.canonical("Maher") == "Maaher Atthuwailibi"
    assert names.canonical("Budiman") == "Budiman"  # another name, not a spelling slip
    assert names.canonical("Bodi") == "Bodi"


def test_pronoun_before_a_verb_glued_to_the_next_paragraph() -> None:
    text = (
        '"Anthony harus lebih ekstra fokus," kata Susy dalam rilis PBSI, Selasa (17/8/2019).'
        '"Sudah saatnya juga dia membuktikan diri," dia menambahkanDi babak pertama, Anthony '
        "bertemu Kento Momota."
    )
    assert _direct(text) == [("Susy", "Anthony haru"), ("Susy", "Sudah saatny")]


def test_a_thing_said_by_the_person_the_sentence_names() -> None:
    text = (
        "Fakta tersebut dibeberkan Senior Officer Advokasi Pusat Kajian dan Perlindungan Anak "
        "(PKPA) Sumut, Azmiati Zuliah.,,Sejak 2018 hingga 2019, ada peningkatan kasus.,,"
        '"Kasus yang baru kami tangani, masalahnya adalah keluarga," katanya.'
    )
    assert _direct(text) == [("Azmiati Zuliah", "Kasus yang b")]
    # a thing that is not said ("Hal itu berdasarkan …") names no speaker: the last one goes on
    text = (
        '"Memohon pemulangan tim medis kita," minta Widyastuti. Hal itu berdasarkan pada surat '
        'resmi dari Polda Metro Jaya.,"Kami memastikan juga bahwa tim medis aman," tuturnya.'
    )
    assert [s for s, _ in _direct(text)] == ["Widyastuti", "Widyastuti"]


def test_a_firm_or_a_programme_word_is_no_name() -> None:
    assert person_in("Kepala Riset Valbury Sekuritas Alfiansyah") == "Alfiansyah"
    assert person_in("Youtube Hotman Paris Show") is None
    text = (
        "Kepala Riset Valbury Sekuritas Alfiansyah mengatakan sentimen pasar membaik. "
        '"IHSG berpeluang menguat," ujar Alfiansyah.'
    )
    assert _direct(text) == [("Alfiansyah", "IHSG berpelu")]


def test_a_person_description_opening_a_sentence_is_the_person_before() -> None:
    text = (
        '"Buat saya itu personal sekali," jelas Nia Dinata dalam sebuah video.,Mengenai dua '
        "calon presiden, Joko Widodo dan Prabowo Subianto, Nia Dinata punya pandangannya "
        "sendiri. Sutradara film Berbagi Suami ini mengaku sudah menjatuhkan pilihannya.,"
        '"Walaupun tidak mudah, beliau fokus bekerja," sambungnya.'
    )
    assert [s for s, _ in _direct(text)] == ["Nia Dinata", "Nia Dinata"]


def test_a_stray_mark_after_a_name_is_dropped() -> None:
    text = (
        "Julukan itu semula menyulut amarah Andika Mahesa'. Kini Andika menerimanya.,"
        '"Awalnya marahlah, tapi itu yang Tuhan bilang," ujar Andika saat diwawancarai.'
    )
    assert _direct(text) == [("Andika Mahesa", "Awalnya mara")]


def test_short_answer_after_an_answer_verb() -> None:
    text = (
        "Terdakwa Yayan Hendrawan alias Ibing yang menjadi sopir ambulans\xa0menjawab, "
        '"banyak kejanggalan.",Purwanto pun langsung menimpali, "kalau masalah itu nanti. Ada '
        'waktunya."'
    )
    assert _direct(text) == [("Yayan Hendrawan", "banyak kejan"), ("Purwanto", "kalau masala")]
    # the verb with its object is no cue: the quoted term after it is nobody's quote
    text = 'Ia menjawab pertanyaan soal "lahan tidur" dengan singkat.'
    assert _direct(text) == []


def test_capitalised_cue_after_a_long_quote_closed_without_a_comma() -> None:
    text = (
        "Dirinya pun mendapatkan skor sebesar 350. “Penampilan yang sangat luar biasa, saya "
        "sangat merasakan karena saya seorang ibu” Ungkap Mamah Dedeh."
    )
    assert _direct(text) == [("Mamah Dedeh", "Penampilan y")]
    # a short title before a capitalised word is no quote
    assert _direct("Film “Dua Garis” Ucapan itu viral.") == []


def test_opinion_verbs_report_speech_only_with_bahwa() -> None:
    text = "Pengamat hukum Donal Fariz lantas mengkritik bahwa revisi UU KPK tidak termuat."
    assert _indirect(text) == [("Donal Fariz", "revisi UU KP")]
    text = "Pelatih Albert Celades menilai Chelsea sebagai tim yang hebat."
    assert _indirect(text) == []


def test_a_preposition_opening_a_sentence_is_no_first_name() -> None:
    assert person_in("Kepada Raffi Ahmad", sentence_start=True) == "Raffi Ahmad"
    assert person_in("Bagi Niki") == "Niki"


def test_pronoun_cue_passes_over_a_name_before_a_passive_verb() -> None:
    # the one arrested is the news; the quote is by the one named before
    text = (
        "Wakil Wali Kota Medan Akhyar Nasution menuding proposal bantuan dana punya andil.\n\n"
        "Diketahui, Dzulmi ditangkap diduga berkaitan dengan pemberian uang.\n\n"
        '"Kepada masyarakat juga tolong kami jangan dibebani," ucapnya.'
    )
    assert _direct(text) == [("Akhyar Nasution", "Kepada masya")]
    # one reached for a word speaks: "dihubungi" is no passive of what happens to him
    text = (
        "Wakil Wali Kota Medan Akhyar Nasution menuding proposal bantuan dana punya andil.\n\n"
        "Terpisah, Dzulmi Eldin dihubungi wartawan.\n\n"
        '"Saya belum tahu soal itu," ucapnya.'
    )
    assert _direct(text) == [("Dzulmi Eldin", "Saya belum t")]


def test_cue_after_a_person_description_skips_the_names_of_its_clause() -> None:
    text = (
        "Pelatih Mauricio Pochettino lega melihat Greenwood.\n\n"
        '"Dia memang layak mencetak gol," kata Pochettino.\n\n'
        "Ketika mengomentari kepergian Alexis Sanchez dan Lukaku, bos Manchester United itu "
        'mengatakan, "Bagi saya, keputusan itu sungguh tepat."'
    )
    assert [s for s, _ in _direct(text)] == ["Mauricio Pochettino"] * 2


def test_term_glossed_with_its_acronym_is_no_speaker() -> None:
    text = (
        "CEO Tokopedia, William Tanuwijaya, bicara soal gudang.\n\n"
        "Adapun konsep gudang tersebut akan menggunakan kecerdasan buatan (Artificial "
        "Intelligence/AI) yang dapat mendata kebutuhan toko.\n\n"
        '"Ketika sudah buka gudang, modal kerja tidak bisa balik lagi," jelasnya.'
    )
    assert [s for s, _ in _direct(text)] == ["William Tanuwijaya"]


def test_reported_clause_opening_with_a_longer_name_or_an_acronym() -> None:
    text = (
        "Group Head PT BIJB, Agus Sugeng Widodo mengatakan Garuda Indonesia menghentikan "
        "layanannya di Bandara Kertajati.\n\n"
        "Kapolres Muhlis Suhani mengatakan FL melakukan penikaman karena tidak terima ditegur.\n\n"
        "Ketua RT Budi Santoso mengatakan Senin (2/9) warga berkumpul di balai desa."
    )
    assert _indirect(text) == [
        ("Agus Sugeng Widodo", "Garuda Indon"),
        ("Muhlis Suhani", "FL melakukan"),
    ]


def test_a_name_said_inside_a_quote_is_no_full_name_for_the_model() -> None:
    text = (
        "Penyanyi Kikan eks Cokelat sibuk menyiapkan album.\n\n"
        '"Orang sampai hari ini memanggil saya Kikan Cokelat," kata Kikan.'
    )
    inside = text.index("Kikan Cokelat")
    mentions = [
        Mention("Kikan", "PERSON", text.index("Kikan"), text.index("Kikan") + 5),
        Mention("Kikan Cokelat", "PERSON", inside, inside + 13),
    ]
    found = find_quotes(text, "id", mentions=mentions)
    assert [q.speaker for q in found] == ["Kikan"]
    assert PersonModel(text, mentions).full_names == ["Kikan Cokelat"]  # without the quotes


def test_initials_after_a_rank_open_the_name() -> None:
    assert person_in("Kapolres Bogor AKBP AM Dicky Pastika Gading") == "AM Dicky Pastika Gading"
    assert person_in("Ketua DPR RI Puan Maharani") == "Puan Maharani"
    assert person_in("AKBP Budi Santoso") == "Budi Santoso"


def test_a_short_name_after_atau_is_an_alias() -> None:
    text = (
        "Sidang eks Ketua Umum PPP Romahurmuziy atau Romi ditunda.\n\n"
        '"Saya sakit," kata Romi.\n\n'
        "Pilihannya Jokowi atau Prabowo.\n\n"
        '"Kami memilih," kata Prabowo.'
    )
    assert [s for s, _ in _direct(text)] == ["Romahurmuziy", "Prabowo"]


def test_a_quote_glued_to_a_link_title() -> None:
    text = (
        "Denzel masih mencoba masuk ke dalam sistem.Baca juga: Sejauh Mana Persiapan Timnas"
        ' Menuju Kualifikasi FIBA Asia 2021?"Tetapi dia merupakan salah satu pemain penting'
        ' bagi kami," kata pelatih Rajko Toroman.'
    )
    assert _direct(text) == [("Rajko Toroman", "Tetapi dia m")]


def test_the_side_of_an_organisation_is_no_speaker() -> None:
    text = (
        "Kasubdit Gakkum Ditlantas AKBP Muhammad Nasir mengatakan tilang diperluas.\n\n"
        '"Kami mulai Oktober," kata Nasir.\n\n'
        "Baik pihak Ditlantas maupun Jasa Marga perlu berdiskusi.\n\n"
        '"Tahapannya masih proses," jelasnya.'
    )
    assert [s for s, _ in _direct(text)] == ["Muhammad Nasir"] * 2


def test_the_bench_is_no_person() -> None:
    assert person_in("Majelis Hakim") is None
    assert person_in("Christine Hakim") == "Christine Hakim"
    text = (
        '"Kami minta dokter memeriksa," ungkap Jaksa Wawan Yunarwanto.,"Layak sidang,"'
        " ungkap Jaksa Wawan,Majelis Hakim bermusyawarah."
    )
    assert [s for s, _ in _direct(text)] == ["Wawan Yunarwanto"] * 2


def test_a_relative_before_an_appositive_name() -> None:
    text = (
        "Sinta Nuriyah kecewa.\n\n"
        "Putri Sinta, Alissa Wahid, sempat bercerita tentang kesedihan ibunya."
        ' "Ibu saya menangis sejak pagi sampai siang hari," katanya.'
    )
    assert [s for s, _ in _direct(text)] == ["Alissa Wahid"]


def test_a_word_in_marks_inside_a_quote() -> None:
    text = (
        'Pedagang beralih ke Bright Gas.\n\n"Saya biasanya pakai tabung "melon" 3 KG, yang'
        ' subsidi," ujar Suyanto.'
    )
    assert _direct(text) == [("Suyanto", "Saya biasany")]
    assert find_quotes(text, "id")[0].text.endswith("yang subsidi")


def test_a_long_subject_after_sementara_itu() -> None:
    text = (
        '"Anggaran kami hemat," kata Bupati Abdullah Azwar Anas.\n\n'
        "Sementara itu, Tenaga Ahli Menteri Pariwisata Bidang Management Calendar of Event"
        " (CoE) Esthy Reko Astuti berharap festival dipertahankan.\n\n"
        '"Ini sudah digelar delapan kali," katanya.'
    )
    assert [s for s, _ in _direct(text)] == ["Abdullah Azwar Anas", "Esthy Reko Astuti"]


def test_a_name_contracted_from_two_words() -> None:
    text = (
        "Presiden Joko Widodo meninjau Riau.\n\n"
        '"Aturan main kita tetap sama," kata Jokowi.\n\n'
        "Budi Santoso hadir.\n\n"
        '"Kami siap," kata Budiman.'
    )
    assert [s for s, _ in _direct(text)] == ["Joko Widodo", "Budiman"]


def test_a_name_written_in_lower_case_once() -> None:
    text = (
        "Direktur Penyuluhan DJP hestu Yoga Saksama menyambut baik langkah itu.\n\n"
        "Hestu menjelaskan, perusahaan asing wajib patuh.\n\n"
        '"Kami sangat mengapresiasi hal tersebut," kata dia.'
    )
    assert [s for s, _ in _direct(text)] == ["Hestu Yoga Saksama"]


def test_indirect_kata_before_a_capital_and_more_report_verbs() -> None:
    text = (
        "Bambang Saputra menyesalkan langkah itu.\n\n"
        "Padahal, kata dia, KPK bukanlah lembaga politik.\n\n"
        "Untuk itu kata Bambang, hukum harus berdaulat.\n\n"
        "Seorang anggota dewan, Haji Atta Jan Haqbayan mengatakan 20 mayat telah dievakuasi.\n\n"
        "Ketua YLBHI Asfinawati menuding pemerintah membohongi publik.\n\n"
        "Bahkan, ia menilai framing tersebut hanya memancing emosi."
    )
    assert _indirect(text) == [
        ("Bambang Saputra", "Padahal, kat"),  # the whole sentence, as in the middle
        ("Bambang Saputra", "Untuk itu ka"),
        ("Atta Jan Haqbayan", "20 mayat tel"),
        ("Asfinawati", "pemerintah m"),
        ("Asfinawati", "framing ters"),
    ]


def test_a_role_alone_after_the_cue_names_its_holder() -> None:
    text = (
        "Kapolres Bogor AKBP Budi Santoso meninjau lokasi.\n\n"
        "Warga Andi Wijaya melapor kemarin.\n\n"
        '"Kami siap mengamankan," kata Kapolres.\n\n'
        '"Aman," kata Andi.'
    )
    assert [s for s, _ in _direct(text)] == ["Budi Santoso", "Andi Wijaya"]


def test_a_cut_out_link_leaves_the_role_and_name_together() -> None:
    text = (
        '"Kami memilih sekolah ini karena unik," ujar Direktur Program Bakti Pendidikan ,,'
        " Primadi Serad.,Nantinya ia menambahkan hal lain."
    )
    assert _direct(text) == [("Primadi Serad", "Kami memilih")]


def test_a_middle_initial_without_its_dot_stays_in_the_name() -> None:
    assert person_in("Direktur Bakti Budi S Wibowo") == "Budi S Wibowo"
    assert person_in("Kepala Kantor Kota Banjarmasin H Sofrayani") != "Banjarmasin H Sofrayani"


def test_a_cue_whose_name_was_cut_out_goes_to_the_one_spoken_of() -> None:
    text = (
        '"Aku ingin bertemu dia," ujar Addie Muljadi kepada wartawan.,Sebelumnya, dalam akun'
        ' twitter pribadinya, , mengunggah video Alief Gustakhiyat.,"Ini keren. Ada yang tahu'
        ' namanya?" kicau , melalui akunnya.'
    )
    assert _direct(text) == [("Addie Muljadi", "Aku ingin be"), ("Addie Muljadi", "Ini keren. A")]


def test_the_owner_of_a_thing_is_not_the_subject() -> None:
    text = (
        '"Ya jujur aku suka gayanya," ujar Addie Muljadi.,Tak hanya itu, tampilan Alief'
        ' Gustakhiyat yang sederhana juga membuat Addie tertarik.,"Aku pengagum gitaris'
        ' banyak," kata dia.'
    )
    assert _direct(text)[-1] == ("Addie Muljadi", "Aku pengagum")


def test_a_spokesperson_of_an_acronym_is_unnamed() -> None:
    text = (
        'Menteri itu bicara.,"Setiap pertanyaan harus dikembalikan ke pihak berwenang,"'
        " ujar juru bicara AFP."
    )
    assert _direct(text) == [(None, "Setiap perta")]


def test_a_quote_inside_a_quote_closes_with_it() -> None:
    text = (
        'Kourtney Kardashian bicara.,"Tanpa sadar status itu membuat kita bertanya seperti, '
        '"kapan semua ini cukup?" ucap Kourtney di acara itu.'
    )
    assert _direct(text) == [("Kourtney Kardashian", "Tanpa sadar ")]


def test_a_title_in_marks_and_a_mark_before_a_stop_are_no_quotes() -> None:
    text = (
        '"Ya, ini pertama kali," jawab Lee Do Hyun.,,,"Hotel Del Luna" sendiri selalu'
        ' menduduki peringkat 1.,Sementara itu, "Hotel Del Luna" digantikan oleh "," yang'
        ' sedang menayangkan ",". Drama itu dibintangi oleh sederet nama besar mulai dari.'
    )
    assert _direct(text) == [("Lee Do Hyun", "Ya, ini pert")]


def test_a_link_with_its_title_cut_out_ends_at_its_colon() -> None:
    text = (
        "Berita lain.,Baca juga:,,Baca juga:,,Juru bicara polisi Frans Barung Mangera"
        ' mengatakan kepada wartawan jika red notice akan keluar. "Setelah itu kami akan'
        ' bekerja dengan polisi internasional," katanya.'
    )
    assert _direct(text) == [("Frans Barung Mangera", "Setelah itu ")]


def test_a_relative_described_after_the_cue_is_the_one_spoken_of() -> None:
    text = (
        "Presiden Komisaris PT Mustika, Putri Kuswisnuwardhani, mengungkapkan, perusahaan akan"
        ' mendukung sekolah itu.,"Tidak hanya itu, kami berkomitmen menyalurkan lulusan,"'
        " ungkap putri dari BRA Mooryati Soedibyo."
    )
    assert _direct(text) == [("Putri Kuswisnuwardhani", "Tidak hanya ")]


def test_words_quoted_inside_a_report_are_the_subjects() -> None:
    text = (
        'Veronica Koman dalam sebuah pernyataan mengatakan bahwa ada "kampanye pemerintah'
        ' yang luas untuk menekan saya agar diam", termasuk intimidasi polisi. Zebra itu'
        ' memiliki pola "tutul" alih-alih "garis yang biasa dimiliki zebra".'
    )
    assert _direct(text) == [("Veronica Koman", "kampanye pem")]


def test_passive_nya_and_more_indirect_links() -> None:
    text = (
        '"Pemeriksaan berjalan lancar," kata Kepala Kantor Budi Santoso.Dikatakannya, data'
        " kesehatan calon jemaah akan dicek.,Taro Kono lebih lanjut mengatakan, Jepang tidak"
        " akan ikut.,Maskapai Malindo Air mengimbau dan menyarankan penumpang mengganti sandi."
    )
    assert _indirect(text) == [("Budi Santoso", "data kesehat"), ("Taro Kono", "Jepang tidak")]


def _people(text: str, names: list[str]) -> list[Mention]:
    """Hand-made NER mentions: each name as a PERSON at each place it stands in ``text``."""
    found = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            found.append(Mention(text=name, type="PERSON", start=at, end=at + len(name)))
            at = text.find(name, at + len(name))
    return found


def test_the_models_four_word_name_is_kept_whole() -> None:
    # the rules keep three words after a role; the model's four-word name wins when the word
    # they drop is a name word
    text = (
        "Sementara itu, Ketua TP PKK Muba, Thia Yufada Dodi Reza menyebutkan pihaknya ikut"
        ' pameran. "Ada jaket bomber dan payung yang dipamerkan," ungkapnya.'
    )
    mentions = _people(text, ["Thia Yufada Dodi Reza"])
    found = [(q.speaker, q.kind) for q in find_quotes(text, "id", mentions=mentions)]
    assert ("Thia Yufada Dodi Reza", "direct") in found


def test_the_models_name_with_a_middle_initial_after_cut_link_commas() -> None:
    text = (
        '"Kami memilih sekolah ini karena unik," ujar Direktur Program Bakti Pendidikan ,,'
        ' Primadi H Serad.\n\n"Kami memberikan beberapa fasilitas," kata Serad.'
    )
    mentions = _people(text, ["Primadi H Serad", "Serad"])
    found = [q.speaker for q in find_quotes(text, "id", mentions=mentions) if q.kind == "direct"]
    assert found == ["Primadi H Serad", "Primadi H Serad"]


def test_a_window_never_cuts_a_name_word() -> None:
    assert name_runs("kata Kartika Putri merasa", 0, 15) == [(5, 18)]


def test_initials_as_a_family_name() -> None:
    text = (
        "Psikolog Anak dan Keluarga Astrid WEN menyambut baik pengesahan RUU ini."
        ' "Ini perlu disyukuri," tutur Astrid kepada wartawan.'
    )
    assert _direct(text) == [("Astrid WEN", "Ini perlu di")]
    # an acronym the article also writes alone is no family name
    text = (
        'Pegawai Anies DKI bekerja. "Ini perlu disyukuri," tutur Anies kepada wartawan. Pemprov'
        " DKI menyambut baik."
    )
    assert _direct(text) == [("Anies", "Ini perlu di")]


def test_a_quote_that_names_its_candidate_in_full_is_about_him() -> None:
    text = (
        "Netter kembali membahas kemampuan berakting Rain. Menurut mereka akting pemilik nama"
        " asli Jung Ji Hoon itu sangat luar biasa.\n\n"
        '"Akting Jung Ji Hoon luar biasa. Aku menangis ketika dia dihipnotis, semangat!"\n\n'
        '"Aktingnya selama adegan dia dihipnotis adalah yang terbaik, aku sangat tegang!"'
    )
    assert [s for s, _t in _direct(text)] == [None, None]


def test_a_relative_described_by_her_spouse_is_the_one_before() -> None:
    text = (
        '"Cantik itu gak melulu tentang kulit putih," tutur Zee Zee Shahab di Instagram.\n\n'
        "Lebih lanjut, istri presenter Prabu Revolusi ini mengatakan bahwa perilaku paling"
        ' penting.\n\n"Cantik gak melulu tentang fisik. Fisik akan menua," tegas ,.'
    )
    assert [s for s, _t in _direct(text)] == ["Zee Zee Shahab", "Zee Zee Shahab"]


def test_a_time_phrase_with_ini_is_no_anaphor() -> None:
    text = (
        "Direktur Finansial PT Waskita Karya (Persero) Tbk Haris Gunawan mengungkapkan hal itu."
        '\n\n"Ini sudah ada investor lokal yang minat," kata Haris menjawab pertanyaan ,, belum'
        " lama ini."
    )
    found = [(q.speaker, q.cue) for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [("Haris Gunawan", "kata Haris")]


def test_a_name_after_asal_is_a_place() -> None:
    text = (
        '"Ini sudah ada investor lokal yang minat," kata Haris Gunawan.\n\nKedua ruas ini akan'
        ' dilepas ke calon investor asal Hong Kong. "Dua ruas itu sudah laku," ungkapnya.'
    )
    assert [s for s, _t in _direct(text)] == ["Haris Gunawan", "Haris Gunawan"]


def test_a_link_glued_after_a_bracket_names_nobody() -> None:
    text = (
        '"Betul, tekanan pastinya lebih besar," kata Febi Widhiyanto di GBK, Rabu'
        " (11/9/2019).Baca juga: Indonesia Pede Curi Poin Nomor Tunggal"
        '"Sekarang kami menurunkan Rifqi dan Ari," dia menjelaskan.'
    )
    assert [s for s, _t in _direct(text)] == ["Febi Widhiyanto", "Febi Widhiyanto"]


def test_a_nickname_in_brackets_after_the_full_name() -> None:
    text = (
        "Ketua Fraksi Partai Demokrat Edhie Baskoro Yudhoyono (Ibas) mengatakan acara itu"
        ' tertutup. "Memang ini kan internal," kata Ibas.'
    )
    assert _direct(text) == [("Edhie Baskoro Yudhoyono", "Memang ini k")]
    # an organisation's acronym in brackets is no nickname
    text = 'Badan Pengawas Pemilu (Bawaslu) siap. "Kami siap mengawasi," kata Bawaslu.'
    assert "Pengawas Pemilu" not in [s for s, _t in _direct(text)]


def test_the_quote_after_the_topic_moves_to_another_person() -> None:
    text = (
        '"Sudah padam," kata Junita Parjanti memberikan laporan.\n\nSementara itu, Gubernur'
        " Jawa Tengah, Ganjar Pranowo mengapresiasi usaha para relawan. Meski begitu, dia tetap"
        ' meminta relawan siaga.\n\n"Dari laporan tadi, sudah tidak ada lagi titik api,"'
        " kata dia."
    )
    assert [s for s, _t in _direct(text)] == ["Junita Parjanti", "Ganjar Pranowo"]


def test_a_one_word_name_described_as_a_person_is_the_subject() -> None:
    text = (
        '"Harganya naik lagi," kata Maryati, warga Palangka Raya.\n\nKarliansyah warga'
        " Palangka Raya lainnya juga mengatakan hal yang serupa.\n\n"
        '"Memang di pangkalan masih ada yang jual sesuai HET," katanya.'
    )
    assert [s for s, _t in _direct(text)] == ["Maryati", "Karliansyah"]


def test_a_continuation_that_names_the_person_between_keeps_its_speaker() -> None:
    text = (
        "Sementara itu, Ketua TP PKK Muba, Thia Yufada Dodi Reza menyebutkan pihaknya memamerkan"
        " produk unggulan Muba yakni Gambo Muba. Menurut Thia, Gambo Muba merupakan produk yang"
        ' mengangkat ekonomi petani.,"Ada jaket bomber dan payung," imbuhnya. Ditambahkannya'
        ' kualitas getah gambir Muba ini sangat terbaik.,"Pemesanan produk gambo Muba lainnya'
        ' juga sudah banyak. Kami berharap pengerajin Gambo Muba tetap semangat."'
    )
    # the model took the product for a person, as it did in the article this comes from
    mentions = _people(text, ["Thia Yufada Dodi Reza", "Gambo Muba", "Thia"])
    mentions += [m for m in _people(text, ["Muba"]) if text[m.start - 6 : m.start] != "Gambo "]
    found = [q.speaker for q in find_quotes(text, "id", mentions=mentions) if q.kind == "direct"]
    assert found == ["Thia Yufada Dodi Reza", "Thia Yufada Dodi Reza"]


def test_a_report_verb_with_whom_or_where_before_its_link() -> None:
    text = (
        "Juru bicara kepolisian Jawa Timur Frans Barung Mangera mengatakan kepada The Guardian"
        " jika Veronica tidak melapor ke pihak berwenang."
    )
    assert _indirect(text) == [("Frans Barung Mangera", "Veronica tid")]


def test_the_person_before_dari_and_a_description_speaks() -> None:
    text = (
        "Leonardo Deras dari perusahaan listrik negara Honduras mengatakan pada konferensi pers"
        " bahwa pemadaman terjadi karena kelebihan daya."
    )
    assert _indirect(text) == [("Leonardo Deras", "pemadaman te")]


def test_a_weak_verb_with_a_comma_reports() -> None:
    text = (
        '"Jangan ganggu presiden," kata Irma Suryani kepada wartawan.\n\nIa mengaku, NasDem'
        " telah menyerahkan nama-nama kader. Ia mengaku sempat deg-degan."
    )
    assert _indirect(text) == [("Irma Suryani", "NasDem telah")]


def test_unnamed_sources_report_without_a_speaker() -> None:
    text = (
        "Molloy dibebaskan dari penjara sebulan sebelum kejadian.\n\nJaksa penuntut umum menyebut"
        " bahwa Molloy sempat melaju dengan kecepatan tinggi. Sumber tersebut juga mengatakan"
        " bahwa pasangan itu diperlakukan sama. Sebab menurut mereka, akting Rain luar biasa."
    )
    assert _indirect(text) == [
        (None, "Molloy sempa"),
        (None, "pasangan itu"),
        (None, "akting Rain "),
    ]


def test_indirect_gold_openings_start_after_the_link_word() -> None:
    # the scorer is the plain rule: gold rows start after a link word "jika"/"bahwa", as
    # the found passages do; it forgives no link word and no leading punctuation
    text = "Frans mengatakan jika Veronica tidak melapor ke pihak berwenang."
    found = find_quotes(text, "id")
    gold = [{"kind": "indirect", "speaker": "Frans", "starts": "Veronica tidak melapor"}]
    assert match_quotes(found, gold, "indirect") == (1, 1, 1)
    gold = [{"kind": "indirect", "speaker": "Frans", "starts": "jika Veronica tidak melapor"}]
    assert match_quotes(found, gold, "indirect") == (0, 1, 1)
    text = 'Dia berkata, ",. Bagaimana kemudian media menagih janji itu," kata Riza Rahman.'
    found = find_quotes(text, "id")
    assert [q.text[:9] for q in found if q.kind == "direct"] == ["Bagaimana"]
    gold = [{"kind": "direct", "speaker": "Riza Rahman", "starts": ",. Bagaimana kemudian"}]
    assert match_quotes(found, gold, "direct")[0] == 0


def test_an_organisations_expert_after_dari_speaks() -> None:
    text = (
        "Seorang ahli hukum pidana dari Universitas Trisakti Abdul Ficar Hadjar menilai bahwa"
        " RKUHP ini merupakan bentuk dari sikap arogan."
    )
    assert _indirect(text) == [("Abdul Ficar Hadjar", "RKUHP ini me")]


# Round 10: heldout12 and heldout13 became development data.


def test_nickname_of_an_office_is_its_holder_never_its_place() -> None:
    text = (
        "Gibran menemui Wali Kota Surakarta, FX Hadi Rudyatmo, pada hari Rabu.\n\n"
        "Usai pertemuan, Rudy, sapaan akrab Wali Kota Surakarta, menjelaskan hal itu.\n\n"
        '"Nanya-nanya iya wajarlah," kata Rudy, Rabu.'
    )
    assert _direct(text) == [("FX Hadi Rudyatmo", "Nanya-nanya ")]


def test_stage_name_stays_the_name_the_article_uses() -> None:
    # a real name printed once, not in apposition, is no alias (review finding 1)
    text = (
        "Penyanyi Cut Keke tampil di Jakarta. Perempuan bernama asli Cut Zudiake itu masih"
        ' tampak awet muda.\n\n"Aku rajin perawatan," ujar Cut Keke, Selasa.'
    )
    assert _direct(text) == [("Cut Keke", "Aku rajin pe")]


def test_bare_nickname_after_an_honorific_is_the_full_name() -> None:
    text = (
        "Kepala Dinas Pemuda dan Olahraga Kota Pekanbaru Zulfahmi Adrian optimis acara Gowes"
        " Nusantara Etape Pekanbaru Smart City tetap digelar. Hal itu disampaikan pria yang"
        ' akrab disapa Bang Zoel ini.\n\n"Mudah-mudahan asap sudah hilang," harap Zoel.'
    )
    assert _direct(text) == [("Zulfahmi Adrian", "Mudah-mudaha")]


def test_nickname_used_before_it_is_declared_stays_itself() -> None:
    text = (
        "Kisah itu ditulis oleh Wiyono, saksi hidup sang mendiang. Ia kembali ke pangkuan Sang"
        " Ilahi kemarin, kata pria yang akrab disapa Mas Wiyono itu.\n\n"
        '"Kami ikut mempersiapkan pemakaman," ungkap Wiyono.'
    )
    assert _direct(text) == [("Wiyono", "Kami ikut me")]


def test_initials_as_the_family_name_after_a_rank() -> None:
    text = '"Sudah ada 19 tersangka," ujar Kapolda Jambi Irjen Pol Muchlis AS, Rabu.'
    assert _direct(text) == [("Muchlis AS", "Sudah ada 19")]
    assert person_in("Dari AS") is None
    assert person_in("Kepala SMK Ichthus KL") is None


def test_an_initial_with_its_dot_does_not_end_the_name() -> None:
    text = '"Ini kebanggaan diri untukku," ucap J. K Rowling.'
    assert _direct(text) == [("J. K Rowling", "Ini kebangga")]


def test_verb_to_whom_then_the_quote() -> None:
    text = 'Juncker mengatakan kepada parlemen, "Brexit tanpa perjanjian mungkin pilihan Inggris."'
    assert _direct(text) == [("Juncker", "Brexit tanpa")]


def test_names_in_the_cue_clause_are_no_new_speaker() -> None:
    text = (
        'Imam Nahrawi menyatakan siap.\n\n"Saya tidak bisa menduga-duga," kata Menpora di'
        " kediamannya, Kompleks Menteri, Widya Candra, Jakarta Selatan, Rabu.\n\n"
        '"Tentu saya sebagai warga negara punya hak juga untuk memberikan jawaban."'
    )
    assert [speaker for speaker, _ in _direct(text)] == ["Imam Nahrawi", "Imam Nahrawi"]


def test_long_role_then_a_comma_then_the_name() -> None:
    text = (
        '"Risiko bunuh diri bisa meningkat," kata Sekretaris PP Perhimpunan Dokter Spesialis'
        " Kedokteran Jiwa Indonesia (PDSKJI), Dr Agung Frijanto."
    )
    assert _direct(text) == [("Agung Frijanto", "Risiko bunuh")]


def test_one_of_a_group_brought_in_is_the_next_pronoun() -> None:
    text = (
        "Sekretaris Jenderal DPR, Indra Iskandar menerima mahasiswa.\n\n"
        '"Semua dibahas," ujar Indra di Senayan.\n\n'
        "Salah satu perwakilan dari BEM UI, Manik Marganamahendra. Ia menyatakan pihaknya"
        ' kecewa.\n\n"Kami sangat menyesalkan revisi UU KPK," tutur dia.'
    )
    assert [speaker for speaker, _ in _direct(text)] == ["Indra Iskandar", "Manik Marganamahendra"]


def test_an_answer_by_nobody_named_is_not_the_askers() -> None:
    text = (
        '"Apakah RUU ini dapat kita setujui untuk diproses lebih lanjut?," ujar Wakil Ketua'
        " Baleg DPR Sarmuji dalam rapat, Kompleks Parlemen, Senayan, Jakarta, Rabu"
        ' (18/9/2019).,"Setuju," jawab anggota Baleg di ruang rapat.'
    )
    found = find_quotes(text, "id", mentions=_mentions(text))
    assert [(q.speaker, q.text[:12]) for q in found if q.kind == "direct"] == [
        ("Sarmuji", "Apakah RUU i"),
        (None, "Setuju"),
    ]


def test_an_unnamed_voice_goes_on_unnamed() -> None:
    text = (
        '"Petugas menemukan korban tidak responsif," demikian pernyataan dari Kepolisian Menlo'
        ' Park.\n\n"Kami sedih mengetahui kabar ini," kata seorang juru bicara Facebook. "Kami'
        ' bekerja sama dengan polisi dalam penyelidikan mereka."'
    )
    assert [speaker for speaker, _ in _direct(text)] == ["Kepolisian Menlo Park", None, None]


def test_an_unnamed_voice_gives_way_to_one_named_in_between() -> None:
    text = (
        'Salah satu tetangganya mengatakan, "Kami melihat sebuah tenda besar didirikan."\n\n'
        "Tetangga lain yang bernama Dewi Jones mengatakan bahwa warga harus dihargai. "
        '"Jika anda tinggal di desa, tentunya anda harus menghargai para tetangga."'
    )
    assert [speaker for speaker, _ in _direct(text)] == [None, "Dewi Jones"]


def test_a_title_opens_the_name_after_a_long_office() -> None:
    text = (
        "Direktur Jenderal Pencegahan dan Pengendalian Penyakit, Dr. Anung Sugihantono juga"
        " mengatakan, perilaku bunuh diri mencapai angka kritis."
    )
    assert _indirect(text) == [("Anung Sugihantono", "perilaku bun")]


# Reviewer's findings on quote rounds 7-10 (/work/notes/review_quotes.md), one test each.


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, "id")]


def test_real_name_of_another_person_is_no_alias() -> None:
    # 1: "bernama asli" names the suspect, not the police chief who speaks
    text = (
        "Kapolsek Menteng AKBP Budi Santoso mengatakan polisi telah menangkap pelaku. Pelaku"
        " yang bernama asli Ahmad Sukri itu ditangkap di rumahnya."
    )
    assert "Ahmad Sukri" not in _speakers(text)
    assert "Budi Santoso" in _speakers(text)
    # a real name printed once is no name to rename the speaker with
    text = (
        "Aktris Ha Ji Won kembali membintangi drama baru. Pemilik nama asli Jeon Hae Rim itu"
        ' tampil memukau.\n\n"Aku sangat menikmati peran ini," kata Ha Ji Won.'
    )
    assert _direct(text) == [("Ha Ji Won", "Aku sangat m")]


def test_real_name_in_apposition_maps_to_the_name_the_article_uses() -> None:
    text = (
        "Penyanyi Cut Keke, yang bernama asli Cut Zudiake, tampil di Jakarta.\n\n"
        '"Aku rajin perawatan," ujar Cut Zudiake, Selasa.'
    )
    assert _direct(text) == [("Cut Keke", "Aku rajin pe")]


def test_club_in_brackets_is_no_alias_of_the_player() -> None:
    # 2
    text = (
        "Pemain terbaik pekan ini adalah Marc Klok (Persija). Gelandang itu mencetak dua gol.\n\n"
        '"Kami bangga dengan penampilan tim," tulis Persija di akun resmi mereka.'
    )
    assert "Marc Klok" not in _speakers(text)
    text = (
        "Gol tunggal dicetak Ezra Walian (Persib) pada menit ke-80.\n\n"
        '"Kemenangan ini untuk bobotoh," kata Persib dalam keterangannya.'
    )
    assert "Ezra Walian" not in _speakers(text)
    # a short name made from the full one still is
    text = 'Edhie Baskoro Yudhoyono (Ibas) hadir di Jakarta.\n\n"Kami siap," kata Ibas, Senin.'
    assert _direct(text) == [("Edhie Baskoro Yudhoyono", "Kami siap")]


def test_role_holder_skips_compound_roles() -> None:
    # 3
    text = (
        "Presiden Joko Widodo membuka rapat kabinet di Istana. Wakil Presiden Ma'ruf Amin juga"
        ' hadir.\n\n"Kita harus bekerja lebih cepat lagi," kata Presiden.'
    )
    assert _direct(text) == [("Joko Widodo", "Kita harus b")]
    text = (
        "Kapolres Bogor AKBP Hendra Gunawan meninjau lokasi. Mantan Kapolres Bogor AKBP Andi"
        ' Dicky ikut mendampingi.\n\n"Jalur ini rawan longsor," kata Kapolres.'
    )
    assert _direct(text) == [("Hendra Gunawan", "Jalur ini ra")]


def test_role_holder_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    # 3: each occurrence of the role is read once, however many cues name it
    from warta.enrich.quotes import cue_names

    calls = 0
    original = cue_names.name_runs

    def counting(*args: Any, **kwargs: Any) -> list[tuple[int, int]]:
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(cue_names, "name_runs", counting)
    unit = '"Kami siap," kata Kapolres. '
    text = "Kapolres Bogor AKBP Hendra Gunawan hadir. " + unit * (50_000 // len(unit))
    found = find_quotes(text, "id")
    assert len(found) > 1500
    assert {q.speaker for q in found} == {"Hendra Gunawan"}
    occurrences = text.count("Kapolres")
    assert calls <= 3 * occurrences


def test_person_nouns_in_wan_are_no_possessions() -> None:
    # 4
    text = (
        "Acara itu dihadiri ilmuwan Budi Santoso dari LIPI.\n\n"
        '"Penelitian ini butuh waktu lama," ujarnya.'
    )
    assert _direct(text) == [("Budi Santoso", "Penelitian i")]
    text = (
        "Diskusi itu menghadirkan sejarawan Anhar Gonggong di Jakarta.\n\n"
        '"Sejarah harus ditulis dengan jujur," katanya.'
    )
    assert _direct(text) == [("Anhar Gonggong", "Sejarah haru")]


def test_given_names_putri_and_putra_are_no_relatives() -> None:
    # 5
    text = (
        "Putri Maharani, warga Bekasi, mengaku rumahnya terendam sejak pagi.\n\n"
        '"Airnya sudah setinggi lutut sejak subuh," katanya.'
    )
    assert _direct(text) == [("Putri Maharani", "Airnya sudah")]
    text = (
        "Putra Siregar, pemilik toko, mengatakan tokonya kebanjiran.\n\n"
        '"Semua barang rusak," katanya.'
    )
    assert _direct(text) == [("Putra Siregar", "Semua barang")]


def test_a_choice_between_two_names_is_no_alias() -> None:
    # 6
    text = (
        "Partai itu belum memutuskan apakah akan mengusung Andi Arief atau Andika sebagai calon."
        '\n\n"Kami masih menunggu survei," kata Andika.'
    )
    assert _direct(text) == [("Andika", "Kami masih m")]
    text = (
        "Pilihan ada di antara Budi Hartono atau Budiman untuk posisi itu.\n\n"
        '"Saya siap," kata Budiman.'
    )
    assert _direct(text) == [("Budiman", "Saya siap")]
    # a contraction still is one
    text = 'Muhammad Romahurmuziy atau Romi hadir di Jakarta.\n\n"Kami solid," kata Romi, Senin.'
    assert _direct(text) == [("Muhammad Romahurmuziy", "Kami solid")]


def test_nickname_goes_to_the_name_in_its_clause() -> None:
    # 7
    text = (
        "Ketua RT Dadang Suherman melaporkan kejadian itu. Korban, Ahmad Fauzi yang akrab"
        ' disapa Dede, dibawa ke rumah sakit.\n\n"Saya kaget sekali," kata Dede.'
    )
    assert _direct(text) == [("Ahmad Fauzi", "Saya kaget s")]
    text = (
        "Camat Sukmajaya Slamet Riyadi meninjau lokasi kebakaran. Pemilik rumah, Ahmad"
        ' Syaifullah yang akrab disapa Sule, selamat.\n\n"Saya sempat pingsan," kata Sule.'
    )
    assert _direct(text) == [("Ahmad Syaifullah", "Saya sempat ")]


def test_partial_quote_gives_up_across_a_source_noun() -> None:
    # 8
    text = (
        "Jokowi mengaku heran dengan tudingan Prabowo Subianto bahwa pemerintah"
        ' "tidak pernah peduli pada rakyat kecil" selama ini.'
    )
    assert "Jokowi" not in [q.speaker for q in find_quotes(text, "id", mentions=_mentions(text))]
    text = (
        "Prabowo mengaku heran dengan tuduhan Jokowi bahwa oposisi"
        ' "tidak punya program yang jelas" selama ini.'
    )
    found = find_quotes(text, "id", mentions=_mentions(text))
    assert "Prabowo" not in [q.speaker for q in found]
    # the subject's own words still are hers
    text = (
        'Veronica Koman mengatakan bahwa ada "kampanye pemerintah untuk menekan saya agar diam"'
        " di media sosial."
    )
    found = find_quotes(text, "id", mentions=_mentions(text))
    assert [q.speaker for q in found if q.kind == "direct"] == ["Veronica Koman"]


def test_a_capital_before_a_stop_is_not_always_an_initial() -> None:
    # 9
    text = (
        "Rumah Suparno berada di nomor 5 Blok C. Dia mengatakan banjir datang tengah malam.\n\n"
        '"Airnya cepat sekali naik," katanya.'
    )
    # "C." is no initial gluing "Dia" to a name, and "Blok C" no person
    assert all(s is None or ("Dia" not in s and "Blok" not in s) for s in _speakers(text))
    text = (
        "Rapat digelar di Gedung B. Menurut Ketua DPRD Budi Santoso, anggaran sudah cukup.\n\n"
        '"Kami akan bahas lagi," ujarnya.'
    )
    assert _direct(text) == [("Budi Santoso", "Kami akan ba")]


def test_has_name_word_at_the_start() -> None:
    # 10
    from warta.enrich.speakers.index import _has_name_word

    assert _has_name_word("Zoel datang. Lalu X", "Zoel", 0)
    assert not _has_name_word("Zoeldatang. Lalu X", "Zoel", 0)
    assert not _has_name_word("xZoel", "Zoel", 0)


def test_described_person_after_a_comma() -> None:
    # 11: "Maryati, ibu rumah tangga"
    text = (
        "Maryati, ibu rumah tangga di Bekasi, kesal karena harga beras naik.\n\n"
        '"Uang belanja tidak cukup," katanya.'
    )
    assert _direct(text) == [("Maryati", "Uang belanja")]


# Round 11: name forms and cue phrases the blind parts heldout14-16 showed (mechanisms, each
# written as a new example, not the article's sentence).


def test_initial_before_a_name_stays() -> None:
    text = (
        "Menteri Perhubungan, B. Sutanto Wiryo, meninjau pelabuhan.\n\n"
        '"Kapal harus berangkat tepat waktu," kata Sutanto.'
    )
    assert _direct(text) == [("B. Sutanto Wiryo", "Kapal harus ")]


def test_one_letter_slip_in_a_name_goes_to_the_full_name() -> None:
    text = (
        "Ketua lembaga itu, Darmawangsa Putra Hendrik, hadir di Istana.\n\n"
        '"Laporan sudah kami serahkan," kata Darmawansa.'
    )
    assert _direct(text) == [("Darmawangsa Putra Hendrik", "Laporan suda")]
    # a short name is never matched by one letter: "Fajri" is not "Fajar"
    text = 'Pelatih Fajar Sutrisno memimpin latihan.\n\n"Kami siap," kata Fajri.'
    assert _direct(text) == [("Fajri", "Kami siap")]


def test_one_letter_slip_in_a_two_word_name() -> None:
    text = (
        "Ketua DPRD Prasetio Edi Marsudi membuka rapat. Pimpinan lain adalah Prasetyo Edi"
        " dari fraksi terbesar.\n\n"
        '"Anggaran harus dibahas," kata Prasetyo.'
    )
    assert _direct(text) == [("Prasetio Edi Marsudi", "Anggaran har")]


def test_place_before_a_one_word_name() -> None:
    text = (
        "Para pengungsi asal Somalia dan Sudan tidur di trotoar. Seorang pengungsi asal"
        " Somalia Abdi menuturkan kisahnya.\n\n"
        '"Kami tidak punya tempat," kata Abdi.'
    )
    assert _direct(text) == [("Abdi", "Kami tidak p")]


def test_one_name_after_a_role_and_a_comma() -> None:
    text = (
        "DPRD menyurati partai.\n\n"
        '"Kami sudah bersurat," ujar Wakil Ketua Sementara DPRD DKI, Syarif, di kantornya.'
    )
    assert _direct(text) == [("Syarif", "Kami sudah b")]


def test_link_title_ending_in_a_question_glued_to_the_text() -> None:
    text = (
        "Tim berangkat ke Taiwan.Baca juga: Siapkah Timnas Menuju Kualifikasi 2021?Ajang ini"
        ' jadi penilaian. "Ini turnamen yang berat," kata pelatih kepala, Rajko Toroman.'
    )
    assert _direct(text) == [("Rajko Toroman", "Ini turnamen")]


def test_lugas_is_a_cue() -> None:
    text = 'Warga Nirma Retnaning kaget.\n\n"Warga tidak tahu sama sekali," lugas dia.'
    assert _direct(text) == [("Nirma Retnaning", "Warga tidak ")]


def test_relative_noun_opening_a_sentence_is_the_person_before() -> None:
    text = (
        "Pebalap Ananda Wirawan suka bersepeda. Suami dari artis Melati Kusuma ini pun"
        ' mengungkapkan alasannya."Saya suka sepeda lipat," ujarnya.'
    )
    assert _direct(text) == [("Ananda Wirawan", "Saya suka se")]


def test_another_one_unnamed() -> None:
    text = (
        '"Cantik sekali!" komentar netizen. "Dia seperti bintang," sahut yang lain.'
        ' "Aku tidak bosan," pungkas lainnya.'
    )
    assert _speakers(text) == [None, None, None]


def test_roman_numeral_of_a_commission_is_no_initial() -> None:
    text = 'Wakil Ketua Komisi V Lasarus membacakan laporan.\n\n"RUU ini penting," kata Lasarus.'
    assert _direct(text) == [("Lasarus", "RUU ini pent")]


def test_reported_clause_without_subject_or_link_word() -> None:
    # "Dia mengatakan akan …": the clause's subject is the speaker, left out
    text = "Kepala Dinas Budi Santoso hadir. Dia mengatakan akan mengecek keterisian hotel di kota."
    assert _indirect(text) == [("Budi Santoso", "akan mengece")]
    # a weak verb reports with a clause opener: "mengaku tidak tahu", "mengaku pihaknya …"
    text = "Pebalap Danilo Petrucci kecewa. Ia mengaku tidak tahu mengapa motornya melambat."
    assert _indirect(text) == [("Danilo Petrucci", "tidak tahu m")]
    # but not a feeling
    text = "Penyanyi Rina Sari tampil. Ia mengaku sempat deg-degan sebelum naik panggung."
    assert _indirect(text) == []


# Round 12: from heldout17-18's errors (each written as a new example).


def _direct_with_model(text: str) -> list[tuple[str | None, str]]:
    found = find_quotes(text, "id", mentions=_mentions(text))
    return [(q.speaker, q.text[:12]) for q in found if q.kind == "direct"]


def test_form_of_address_is_not_part_of_the_name() -> None:
    text = (
        "Gubernur mencoba mobil listrik. Pria yang akrab disapa Kang Dedi ini tersenyum.\n\n"
        '"Saya merasa nyaman," kata Dedi.'
    )
    assert _direct(text) == [("Dedi", "Saya merasa ")]


def test_a_thing_named_before_is_no_nickname_owner() -> None:
    text = (
        "Pemerintah memperkenalkan Mobil Kancil di Bekasi.\n\nPada kesempatan itu pria yang"
        ' akrab disapa Kang Emil ini mencoba mobil itu. "Mobilnya enak," kata Emil.'
    )
    assert _direct(text) == [("Emil", "Mobilnya ena")]


def test_drs_is_a_title() -> None:
    text = (
        "Ketua Umum Komjen Pol (purn) Drs Oegroseno hadir.\n\n"
        '"Kami mengalami kerugian," kata Oegroseno.'
    )
    assert _direct(text) == [("Oegroseno", "Kami mengala")]


def test_airline_before_a_name_is_an_organisation() -> None:
    text = (
        "Juru Bicara Mesa Airlines LeKesha Brown mengatakan penerbangan dibatalkan.\n\n"
        '"Kami minta maaf," kata Brown.'
    )
    # (with the model's mentions, as annotate() reads quotes: the model tags the whole run)
    assert _direct_with_model(text) == [("LeKesha Brown", "Kami minta m")]


def test_a_quote_naming_someone_in_lower_case_is_not_theirs() -> None:
    text = (
        '"Latihannya berat," kata Sheryl Sheinafia. Ia belajar bela diri dengan Susan.'
        " Apalagi Susan memang sempat belajar bela diri.\n\n"
        '"Aku banyak diskusi sama mbak susan soal karakternya," ucapnya.'
    )
    assert _direct_with_model(text)[-1] == ("Sheryl Sheinafia", "Aku banyak d")


def test_one_letter_slip_of_a_one_word_speaker() -> None:
    text = (
        "Pengurus masjid, Sasmito, mengatakan bahwa korban diamuk massa. Sasmito menegaskan"
        ' bahwa korban dilindungi.\n\n"Sebenarnya kami menolong," tegas Sasmita.'
    )
    assert _direct(text) == [("Sasmito", "Sebenarnya k")]


def test_two_apostrophes_as_quote_marks() -> None:
    text = "''Maaf ya, ada yang lain?'' ucap Marsha Aruan di Senayan. ''Terima kasih.''"
    quotes = [q for q in find_quotes(text, "id") if q.kind == "direct"]
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Marsha Aruan", "Maaf ya, ada yang lain?"),
        ("Marsha Aruan", "Terima kasih."),
    ]
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text


# Round 13: from heldout19's errors (each written as a new example).


def test_nickname_given_with_begitu() -> None:
    text = (
        '"Desa harus maju," kata Ridwan Kamil di Bandung.\n\n'
        "Menurut Emil, begitu pria ini biasa disapa, anggaran hanya cukup sedikit.\n\n"
        '"Kita butuh swasta," ungkapnya.'
    )
    assert _direct(text) == [("Ridwan Kamil", "Desa harus m"), ("Ridwan Kamil", "Kita butuh s")]
    assert NameIndex(text).aliases == {"Emil": "Ridwan Kamil"}


def test_baleg_and_menkumham_are_no_names() -> None:
    text = '"Apakah RUU ini disetujui?" tanya Ketua Baleg Supratman Andi.'
    assert _direct(text) == [("Supratman Andi", "Apakah RUU i")]
    text = '"Kami sepakat," kata Menkumham Yasonna Laoly.'
    assert _direct(text) == [("Yasonna Laoly", "Kami sepakat")]


def test_link_title_ending_in_a_number_glued_to_the_text() -> None:
    text = (
        "Baca juga: Kemenpora dan Papua Finalisasi Cabor PON 2020Bahkan, finalisasi batal."
        ' Menpora Imam Nahrawi hadir. "Ya, ini masih digodok," kata Imam.'
    )
    assert _direct(text) == [("Imam Nahrawi", "Ya, ini masi")]


def test_the_first_spelling_of_a_full_name_wins() -> None:
    text = 'Penyanyi Rendy Pandugo menjadi juri.\n\n"Saya juri musik," ujar Randy Pandugo.'
    assert _direct(text) == [("Rendy Pandugo", "Saya juri mu")]


# Review of rounds 11-13: rules that misfired on ordinary sentences (each a new example).


def test_short_names_one_letter_apart_are_two_people() -> None:
    # the name at the cue is printed more often than the full name it is one letter from
    text = (
        "Kepala Satuan Reserse AKP Hendro memimpin penangkapan. Salah satu tersangka adalah"
        ' Hendra Sirait.\n\n"Kami sudah menahan enam orang," kata Hendro.\n\n'
        '"Mereka kami periksa," ujar Hendro.'
    )
    assert _direct(text) == [("Hendro", "Kami sudah m"), ("Hendro", "Mereka kami ")]
    # a letter changed into one that is no spelling of it, each name printed once
    text = (
        "Kepala Dinas Wahyuni Lestari hadir di rapat. Camat setempat juga hadir.\n\n"
        '"Jalan itu rusak berat," kata Wahyudi.'
    )
    assert _direct(text) == [("Wahyudi", "Jalan itu ru")]
    # a spelling variant ("q" for "k") printed more often than the full name still is one
    text = (
        "Kepala Bappeda Taufik Budi Santoso memaparkan rencana itu.\n\n"
        '"Kantor harus dekat," kata Taufiq.\n\n"Biayanya dihitung," tutur Taufiq.'
    )
    assert _direct(text) == [
        ("Taufik Budi Santoso", "Kantor harus"),
        ("Taufik Budi Santoso", "Biayanya dih"),
    ]


def test_a_swapped_last_vowel_is_another_person() -> None:
    # "Putri" and "Putra": a sister and a brother, not a misspelt first name
    text = (
        "Dua saksi diperiksa, Putri Hasibuan dan Putra Hasibuan.\n\n"
        '"Saya melihat mobil itu," kata Putra Hasibuan.'
    )
    assert _direct(text) == [("Putra Hasibuan", "Saya melihat")]


def test_a_common_word_is_no_spelling_of_a_name() -> None:
    # "Park Sudah" (a capitalised "sudah" after a name) printed first is no spelling of "Sudal"
    text = (
        'Kejadian itu membuat Park Sudah tidak bisa tidur.\n\n"Saya kaget sekali," kata Park Sudal.'
    )
    assert _direct(text) == [("Park Sudal", "Saya kaget s")]


def test_a_slip_of_a_known_speaker_is_printed_once() -> None:
    # "Suryani" speaks twice: another person than Suryadi, whom the article names more
    text = (
        "Kepala desa, Suryadi, mengatakan bahwa jalan rusak. Suryadi menegaskan bahwa dana"
        " kurang. Menurut Suryadi, warga sudah mengeluh.\n\n"
        '"Kami sudah mengusulkan perbaikan," kata Suryani.\n\n'
        '"Belum ada jawaban," tambah Suryani.'
    )
    assert _direct(text) == [("Suryani", "Kami sudah m"), ("Suryani", "Belum ada ja")]


def test_a_korean_family_name_is_no_form_of_address() -> None:
    text = 'Penyanyi Kang Daniel tiba di Jakarta.\n\n"Saya senang sekali," kata Daniel.'
    assert _direct(text) == [("Kang Daniel", "Saya senang ")]


def test_akan_before_a_thing_is_no_reported_clause() -> None:
    text = "Pakar kesehatan Nadia Lestari hadir. Nadia juga mengingatkan akan bahaya banjir."
    assert _indirect(text) == []
    text = "Dokter Budi Santoso hadir. Budi mengatakan akan hal itu kepada wartawan."
    assert _indirect(text) == []
    text = "Dokter Budi Santoso hadir. Budi mengingatkan akan pentingnya cuci tangan."
    assert _indirect(text) == []
    # "akan" before a verb still opens one
    text = "Kepala Dinas Budi Santoso hadir. Dia mengatakan akan membawanya ke rumah sakit."
    assert _indirect(text) == [("Budi Santoso", "akan membawa")]


def test_dirinya_after_melaporkan_is_its_object() -> None:
    text = "Pengusaha Rina Wati marah. Ia melaporkan dirinya ke polisi karena takut diancam."
    assert _indirect(text) == []
    text = "Penyanyi Rina Wati hadir. Ia mengaku dirinya sempat gugup di panggung."
    assert _indirect(text) == [("Rina Wati", "dirinya semp")]


def test_a_capitalised_relative_word_in_a_name_is_no_relative() -> None:
    # "Anak Agung" opens a Balinese name: the man named speaks, not the minister before
    text = (
        "Menteri Rudi Hartono membuka acara. Sementara itu, Anak Agung Ngurah itu mengatakan"
        " bahwa pura itu dipugar."
    )
    speakers = [q.speaker for q in find_quotes(text, "id") if q.kind == "indirect"]
    assert speakers == ["Agung Ngurah"]


def test_a_name_that_is_a_common_word_in_her_own_quote() -> None:
    # "indah" in the quote is an adjective, not Indah named by someone else
    text = (
        "Pengusaha Indah Permatasari membuka toko baru. Budi Santoso datang bersama rombongan."
        ' "Tokonya bagus," kata Budi Santoso.\n\nIndah Permatasari lalu berkeliling.'
        ' "Pemandangannya indah sekali dari sini," ujarnya.'
    )
    assert _direct(text) == [
        ("Budi Santoso", "Tokonya bagu"),
        ("Indah Permatasari", "Pemandangann"),
    ]


def test_two_apostrophes_after_a_number_are_inches() -> None:
    text = (
        "Layarnya 14'' dan bobotnya ringan. \"Kami menjualnya murah,\" kata Andi Wijaya."
        ' "Stok terbatas," ujarnya.'
    )
    assert _direct(text) == [("Andi Wijaya", "Kami menjual"), ("Andi Wijaya", "Stok terbata")]


def test_digits_inside_a_model_name_do_not_end_a_link_title() -> None:
    # the title runs on past "S10Plus": its quoted words are no one's quote in the text
    text = (
        'Baca juga: Galaxy S10Plus Dirilis di Jakarta dengan harga "murah sekali" kata'
        ' pengamatBudi Santoso hadir. "Kami siap," kata Budi.'
    )
    assert _direct(text) == [("Budi Santoso", "Kami siap")]


def test_hopes_and_requests_are_reported_speech() -> None:
    text = "Pebalap Andrea Dovizioso kecewa. Ia berharap mekanik bisa memecahkan masalah motornya."
    assert _indirect(text) == [("Andrea Dovizioso", "mekanik bisa")]
    text = "Ketua RT Rahmat Hidayat hadir. Rahmat meminta agar warga turut menjaga kebersihan."
    assert _indirect(text) == [("Rahmat Hidayat", "agar warga t")]
    text = "Pelatih Budi Santoso hadir. Budi mendesak Presiden Joko Widodo agar segera bertindak."
    assert _indirect(text) == [("Budi Santoso", "Presiden Jok")]
    # asking for a thing is no request to report
    text = "Artis Rina Sari hadir. Rina meminta maaf kepada penggemar untuk keterlambatannya."
    assert _indirect(text) == []
    text = "Artis Rina Sari hadir. Rina meminta nomor telepon panitia acara."
    assert _indirect(text) == []


def test_an_opinion_whose_clause_opens_with_a_name() -> None:
    text = "Pebalap Valentino Rossi hadir. Rossi menilai Marc Marquez kini lebih senang balapan."
    assert _indirect(text) == [("Valentino Rossi", "Marc Marquez")]


# Round 14: from heldout22-24's errors (each written as a new example).


def test_a_given_name_before_a_middle_initial() -> None:
    text = (
        '"Persiapan sudah matang," ujar Sekretaris Kementerian (Sesmenpora), Gatot S. Dewa'
        ' Broto di kantornya.\n\n"Kami sudah konsolidasi," kata Gatot.'
    )
    assert _direct(text) == [
        ("Gatot S. Dewa Broto", "Persiapan su"),
        ("Gatot S. Dewa Broto", "Kami sudah k"),
    ]
    # not an organisation the text names alone too
    text = (
        "Maskapai Garuda Indonesia menunda penerbangan. VP Corporate Secretary Garuda M. Ikhsan"
        ' Rosan hadir.\n\n"Kami minta maaf," kata Ikhsan.'
    )
    assert _direct(text) == [("M. Ikhsan Rosan", "Kami minta m")]


def test_a_contraction_that_skips_letters() -> None:
    text = (
        "Ketua DPR Bambang Soesatyo hadir di Senayan.\n\n"
        '"Pengesahan kami tunda," kata Bamsoet.'
    )
    assert _direct(text) == [("Bambang Soesatyo", "Pengesahan k")]


def test_pastor_is_a_title() -> None:
    text = 'Di gereja itu, Pastor Alexander menjelaskan hal itu. "Semua penyakit ada obatnya," jelasnya.'
    assert _direct(text) == [("Alexander", "Semua penyak")]


def test_police_ranks_are_titles() -> None:
    text = 'Petugas Brigadir M. Syamrego hadir.\n\n"Dia malah sengaja memukul," kata Syamrego.'
    assert _direct(text) == [("M. Syamrego", "Dia malah se")]


# Round 15: from heldout25-27's errors (each written as a new example).


def test_balinese_names_keep_their_i() -> None:
    text = 'Kapolsek Kuta Kompol I Wayan Sudarma hadir.\n\n"Tersangka kami tangkap," ujar Wayan Sudarma.'
    assert _direct(text) == [("I Wayan Sudarma", "Tersangka ka")]


def test_a_bare_specialist_degree_is_no_name() -> None:
    text = '"Angka ini masih naik," ujar dr Zainal Abidin Sp, Kamis.'
    assert _direct(text) == [("Zainal Abidin", "Angka ini ma")]


def test_model_organisation_before_a_person_leaves_the_name() -> None:
    # "CEO Persib Tono Sumarno": the capitalised run holds the club and the man; the model
    # ends the organisation where the person begins, and the club is named alone elsewhere
    text = (
        "Persib siap menghadapi laga tandang pekan depan.\n\n"
        '"Kami tidak akan mengganti pelatih," ujar CEO Persib Tono Sumarno kepada wartawan.'
    )
    mentions = hand_mentions(text, ("Persib", "ORGANIZATION"), ("Tono Sumarno", "PERSON"))
    found = find_quotes(text, "id", mentions=mentions)
    assert [q.speaker for q in found if q.kind == "direct"] == ["Tono Sumarno"]
    # an organisation the model reads from further left: "Universitas Pattimura Hendra Latuny"
    text = "Rektor Universitas Pattimura Hendra Latuny mengatakan kampus dibuka kembali pekan ini."
    model = PersonModel(
        text,
        hand_mentions(text, ("Universitas Pattimura", "ORGANIZATION"), ("Hendra Latuny", "PERSON")),
    )
    assert model.without_organisation("Pattimura Hendra Latuny") == "Hendra Latuny"


def test_model_organisation_cut_keeps_a_given_name() -> None:
    # the model misreads a given name as an organisation's word: "Gita" never stands alone
    text = '"Tidurlah cukup," kata Gita Prameswari, pelatih kebugaran.'
    model = PersonModel(
        text, hand_mentions(text, ("Gita", "ORGANIZATION"), ("Prameswari", "PERSON"))
    )
    assert model.without_organisation("Gita Prameswari") == "Gita Prameswari"
    # a rank inside the model's organisation starts the name: "Kolonel Arif Budiman"
    text = "Juru bicara Kementerian Pertahanan Kolonel Arif Budiman mengatakan latihan selesai."
    model = PersonModel(
        text,
        hand_mentions(text, ("Kementerian Pertahanan Kolonel Arif", "ORGANIZATION"), ("Budiman", "PERSON")),
    )
    assert model.without_organisation("Arif Budiman") == "Arif Budiman"
    # the text prints the person from the first word elsewhere: no cut
    text = "Kanal YouTube Rani Safitri ramai. Rani Safitri lalu menjawab."
    model = PersonModel(
        text,
        [
            Mention("YouTube Rani", "ORGANIZATION", 5, 17),  # type: ignore[arg-type]
            Mention("Safitri", "PERSON", 18, 25),  # type: ignore[arg-type]
            Mention("Rani Safitri", "PERSON", 33, 45),  # type: ignore[arg-type]
        ],
    )
    assert model.without_organisation("Rani Safitri") == "Rani Safitri"


def test_surname_keeps_the_word_that_opens_a_three_word_name() -> None:
    # "Kata Hidayat" after "Kombes Pol Muhammad Arief Hidayat": "Muhammad" opens the name,
    # it is no place or organisation before it (as "Rusia" in "Rusia Vladimir Putin" is)
    text = (
        "Kabid Humas Polda Riau Kombes Pol Muhammad Arief Hidayat mengatakan kedua pelaku "
        'ditangkap.\n\n"Barang bukti sudah kami amankan," kata Hidayat.'
    )
    assert [q.speaker for q in find_quotes(text, "id") if q.kind == "direct"] == [
        "Muhammad Arief Hidayat"
    ]
    text = 'Ia bertemu Mas Bagus Santoso kemarin.\n\n"Kami sepakat," kata Santoso.'
    assert [q.speaker for q in find_quotes(text, "id") if q.kind == "direct"] == ["Bagus Santoso"]


def test_masked_handle_keeps_its_asterisks() -> None:
    text = '"Cantik sekali walau tanpa riasan," tulis @mawarmerah*** di kolom komentar.'
    assert [q.speaker for q in find_quotes(text, "id")] == ["@mawarmerah***"]


def test_passive_verb_opening_a_sentence_is_no_name() -> None:
    # "Dijelaskan Rudi, …": the passive's agent speaks, the verb is no first name
    text = (
        "Kepala Seksi Pidana Khusus Rudi Hartanto mengatakan berkas sudah lengkap.\n\n"
        "Dipaparkan Rudi, tersangka ditahan sejak Juni.\n\n"
        '"Penahanan kami perpanjang sampai Agustus," katanya.'
    )
    speakers = [q.speaker for q in find_quotes(text, "id") if q.kind == "direct"]
    assert speakers == ["Rudi Hartanto"]


def test_capitalised_particle_finds_the_full_name() -> None:
    text = (
        "Penyerang Robin van Persie hadir di acara itu.\n\n"
        '"Saya senang kembali," kata Van Persie.'
    )
    assert [q.speaker for q in find_quotes(text, "id")] == ["Robin van Persie"]


def test_the_spelling_printed_far_more_often_wins() -> None:
    # "Gibaran" once, then "Gibran" four times: the first print is the slip
    text = (
        "Gibaran Rakabuming datang ke Istana.\n\n"
        '"Kami bicara soal Solo," kata Gibran Rakabuming.\n\n'
        '"Beliau meluangkan waktu," ujar Gibran.\n\n'
        "Gibran pulang sore hari. Gibran lalu ke Solo."
    )
    assert [q.speaker for q in find_quotes(text, "id")] == ["Gibran Rakabuming"] * 2
    # once against twice: the first spelling stands
    text = (
        "Rendy Pandugo merilis lagu baru.\n\n"
        '"Lagu ini personal," kata Randy Pandugo.\n\n'
        '"Saya menulisnya di Bali," ujar Randy.'
    )
    assert [q.speaker for q in find_quotes(text, "id")] == ["Rendy Pandugo"] * 2


def test_affixed_word_is_no_speaker_of_a_pronoun_cue() -> None:
    # "… Komisi Pemilihan Umum dan Komisi Pemberantasan Korupsi.": after "dan" the rules
    # read a role's end and a name; a pe-…-an noun is an office's field, never a name
    text = (
        "Ketua BPK Agung Firman Sampurna menyerahkan laporan itu.\n\n"
        "Dua lembaga yang memperoleh opini itu ialah Komisi Pemilihan Umum dan Komisi "
        'Pemberantasan Korupsi.\n\n"Kami akan terus mendampingi," ucapnya.'
    )
    mentions = hand_mentions(
        text,
        ("Agung Firman Sampurna", "PERSON"),
        ("Komisi Pemilihan Umum", "ORGANIZATION"),
        ("Komisi Pemberantasan Korupsi", "ORGANIZATION"),
    )
    found = find_quotes(text, "id", mentions=mentions)
    assert [q.speaker for q in found if q.kind == "direct"] == ["Agung Firman Sampurna"]


def test_two_word_name_without_its_middle_name() -> None:
    text = (
        "Ketua DPD Golkar Sulut Christiany Eugenia Paruntu hadir.\n\n"
        '"Kami solid," kata Christiany Paruntu.'
    )
    assert [q.speaker for q in find_quotes(text, "id")] == ["Christiany Eugenia Paruntu"]


def test_haji_before_a_name_is_a_title() -> None:
    text = '"Kami berharap pelaku segera ditangkap," ungkap Haji Safrudin, tokoh warga.'
    assert [q.speaker for q in find_quotes(text, "id")] == ["Safrudin"]


def test_each_speaker_says_how_it_was_found() -> None:
    text = (
        'Yang Moo Jin menilai pertemuan itu penting. "Ini langkah besar," kata Yang Moo Jin.\n\n'
        '"Kedua negara butuh waktu."\n\n'
        'Ia juga menyebut ancaman sanksi. "Sanksi tidak akan berhasil," ujarnya.\n\n'
        '"Kami tidak tahu," kata seorang warga.'
    )
    found = [(q.speaker, q.attribution) for q in find_quotes(text, "id") if q.kind == "direct"]
    assert found == [
        ("Yang Moo Jin", "named"),
        ("Yang Moo Jin", "continued"),
        ("Yang Moo Jin", "pronoun"),
        (None, None),
    ]
