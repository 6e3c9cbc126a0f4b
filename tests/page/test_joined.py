"""Paragraphs a scraper joined with commas (CLICK-ID style) are cut back into paragraphs, and
nothing of the body is lost on the way."""

from __future__ import annotations

import re

from warta.extract import extract
from warta.page.joined import split_joined

JOINED = (
    "- Badan Meteorologi Klimatologi dan Geofisika (BMKG) menyampaikan peringatan dini "
    "gelombang tinggi di sejumlah provinsi hari ini, Selasa (10/9/2019).,Peringatan dini "
    'tersebut disampaikan pada situs resmi BMKG pada Selasa pagi.,,Baca juga:,,"Kami minta '
    'nelayan tidak melaut dulu sampai gelombang reda," kata Kepala BMKG Dwikorita Karnawati '
    "kepada wartawan.,Sementara itu, ada dua provinsi yang berpotensi angin kencang dan hujan "
    "lebat.,Reporter: Anggun P. Situmorang,Sumber: Merdeka.com"
)


def test_a_joined_line_is_cut_at_its_seams() -> None:
    parts = split_joined(JOINED)
    assert parts == [
        "- Badan Meteorologi Klimatologi dan Geofisika (BMKG) menyampaikan peringatan dini "
        "gelombang tinggi di sejumlah provinsi hari ini, Selasa (10/9/2019).",
        "Peringatan dini tersebut disampaikan pada situs resmi BMKG pada Selasa pagi.",
        "Baca juga:",
        '"Kami minta nelayan tidak melaut dulu sampai gelombang reda," kata Kepala BMKG '
        "Dwikorita Karnawati kepada wartawan.",
        "Sementara itu, ada dua provinsi yang berpotensi angin kencang dan hujan lebat.",
        "Reporter: Anggun P. Situmorang",
        "Sumber: Merdeka.com",
    ]


def test_prose_commas_and_emptied_links_are_not_seams() -> None:
    prose = (
        "Kuasa hukum korban, Sukdar S.H., M.H., menyoroti sikap lapas. Menurut dia, narapidana "
        "korupsi seharusnya diawasi ketat, dll., dan pihak lapas wajib menjelaskan. Kabar itu "
        "datang dari putra bungsu Presiden Joko Widodo,,Pangarep. Bisnis kuliner yang ia rintis "
        "tiba-tiba menjadi perdebatan publik di media sosial dan di kalangan pengusaha muda."
    )
    assert split_joined(prose) == [prose]


def test_one_seam_or_a_short_line_is_left_alone() -> None:
    single = "Kalimat pertama " * 12 + "kata dia.,Berikutnya " + "kalimat kedua " * 8 + "selesai."
    assert split_joined(single) == [single]
    assert len(split_joined(single + ",Ketiga " + "kalimat " * 5 + "selesai.")) == 3
    short = "Satu.,Dua.,Tiga."
    assert split_joined(short) == [short]


def test_a_related_title_glued_to_a_quote_is_cut_before_the_quote() -> None:
    line = (
        "Pelatih Badak Lampung FC, Milan Petrovic mengaku anak asuhnya sudah siap tempur "
        "melawan Persela.,Baca Juga: Musim 2019-2020 Jadi Musim Pengharapan Bagi James Rodriguez "
        'di Madrid,"Semua bisa main tidak ada cedera dan akumulasi kartu," ucapnya.,Milan '
        "secara khusus mempersiapkan lini pertahanan."
    )
    parts = split_joined(line)
    assert (
        parts[1]
        == "Baca Juga: Musim 2019-2020 Jadi Musim Pengharapan Bagi James Rodriguez di Madrid"
    )
    assert parts[2].startswith('"Semua bisa main')


def test_extract_reads_a_joined_text_as_paragraphs_and_keeps_every_body_word() -> None:
    article = extract(JOINED, input="text", enrich=False)
    texts = [p.text for p in article.paragraphs]
    assert len(texts) == 4
    assert article.title is None  # the first paragraph is body, not a headline
    assert not any(t.startswith(("Baca juga", "Reporter", "Sumber")) for t in texts)
    body_words = set(re.findall(r"\w+", " ".join(texts)))
    for part in split_joined(JOINED):
        if not part.startswith(("Baca juga", "Reporter", "Sumber")):
            assert set(re.findall(r"\w+", part)) <= body_words, part
    assert [(b.role, b.name) for b in article.bylines] == [
        ("Reporter", "Anggun P. Situmorang"),
        ("Sumber", "Merdeka.com"),
    ]


def test_a_quoted_csv_row_or_a_list_of_titles_is_not_cut() -> None:
    row = ",".join(f'"{name}","{n}.{n:03d}.{n:03d}"' for n, name in enumerate(
        ["Aceh", "Sumatera Utara", "Riau", "Jambi", "Bengkulu", "Lampung", "Banten", "Bali",
         "Sumatera Selatan", "Sumatera Barat"], start=1))  # fmt: skip
    assert len(row) >= 200
    assert split_joined(row) == [row]
    titles = "Dr.,Ir.,Prof.,Drs.,M.Si.,S.H.,M.H.," * 8
    assert split_joined(titles) == [titles]


def test_a_seam_after_a_paragraph_that_ended_with_a_space() -> None:
    # "… tumbuh. ,Pada …": the paragraph ended with a space before the scraper's comma.
    line = (
        "PDB perikanan secara nasional terus tumbuh dari tahun ke tahun menurut data kementerian. "
        ',Pada triwulan II 2019, misalnya, PDB perikanan tumbuh lebih cepat dari perkiraan para '
        'ekonom di Jakarta. ,"Kami optimistis target tahun ini tercapai," kata menteri kepada '
        "wartawan di kantornya."
    )
    assert split_joined(line) == [
        "PDB perikanan secara nasional terus tumbuh dari tahun ke tahun menurut data kementerian.",
        "Pada triwulan II 2019, misalnya, PDB perikanan tumbuh lebih cepat dari perkiraan para "
        "ekonom di Jakarta.",
        '"Kami optimistis target tahun ini tercapai," kata menteri kepada wartawan di kantornya.',
    ]
    emptied = "Warga menggeruduk , dan , Barat. Mereka datang dari berbagai kota untuk menuntut " * 4
    assert split_joined(emptied) == [emptied]  # an emptied link's " , " inside a sentence


def test_a_campaign_tag_cut_out_of_a_joined_line_is_chrome() -> None:
    text = (
        "Kulit Sehat dengan Cara Alami\n"
        "Merawat kulit wajah tidak harus mahal, kata dokter kulit di Jakarta kepada wartawan.,"
        "Bahan alami di dapur bisa membantu kulit tetap lembap dan cerah setiap hari tanpa biaya "
        "besar.,Madu dan lidah buaya adalah dua bahan yang paling mudah ditemukan dan aman dipakai "
        "oleh hampir semua jenis kulit wajah.,#GrowFearless with FIMELA\n"
    )
    article = extract(text, input="text", enrich=False)
    assert [p.text[:12] for p in article.paragraphs] == ["Merawat kuli", "Bahan alami ", "Madu dan lid"]


def test_holes_left_by_emptied_links_are_flagged() -> None:
    story = (
        "Banjir Rendam Aceh\n"
        "BANDA ACEH - Badan Penanggulangan  , (BPBD) Provinsi Aceh mencatat ratusan rumah terendam "
        "banjir sejak Selasa pagi, kata petugas kepada wartawan.\n"
        "Warga mulai mengungsi ke balai desa dan dapur umum sudah disiapkan oleh pemerintah.\n"
    )
    assert "link-text-lost" in extract(story, input="text", enrich=False).warnings
    whole = story.replace("  , (BPBD)", " (BPBD)")
    assert "link-text-lost" not in extract(whole, input="text", enrich=False).warnings
