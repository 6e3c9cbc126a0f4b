"""Indonesian news conventions: datelines, closing tags, initials, desk codes, bylines."""

from __future__ import annotations

import pytest

from warta.article import Byline, Paragraph
from warta.lang.id.bylines import read_bylines
from warta.lang.id.conventions import is_convention_line, read_conventions
from warta.lang.id.credits import closing_tag, credit_outlet
from warta.lang.id.datelines import read_dateline

LEAD = "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin pagi."
LAST = "Bendungan itu diharapkan mengairi ribuan hektare sawah di tiga kabupaten."


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("PROKALTENG.CO-Presiden Rusia Vladimir Putin diperkirakan akan", "PROKALTENG.CO"),
        ("JAKARTA, KOMPAS.com - Presiden Joko Widodo akan", "JAKARTA, KOMPAS.com"),
        (
            "LHOKSEUMAWE, KOMPAS.com – Penyidik Polres Lhokseumawe melimpahkan",
            "LHOKSEUMAWE, KOMPAS.com",
        ),
        ("JAKARTA, KOMPAS.com—Presiden datang ke sini", "JAKARTA, KOMPAS.com"),
        ("REPUBLIKA.CO.ID, MEDAN -- Polisi menangkap dua orang", "REPUBLIKA.CO.ID, MEDAN"),
        ("Liputan6.com, Jakarta - Harga emas naik hari ini", "Liputan6.com, Jakarta"),
        (
            "Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan dibatalkan",
            "Mataram, NTB (ANTARA News)",
        ),
        ("TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi memeriksa", "TEMPO.CO, Jakarta"),
        ("Bisnis.com, JAKARTA - Harga saham naik", "Bisnis.com, JAKARTA"),
        ("JAKARTA (ANTARA) - Menteri Keuangan Sri Mulyani", "JAKARTA (ANTARA)"),
        ("Jakarta, CNN Indonesia -- Presiden Joko Widodo meminta", "Jakarta, CNN Indonesia"),
        ("SUARA.com - Aktris cantik itu datang", "SUARA.com"),
        ("JAKARTA - Polisi menangkap tiga orang", "JAKARTA"),
        ("Jakarta - Presiden Jokowi meminta menteri", "Jakarta"),
        ("LONDON (Reuters) - Britain said on Monday", "LONDON (Reuters)"),
    ],
)
def test_datelines(lead: str, dateline: str) -> None:
    assert read_dateline(lead) == dateline


@pytest.mark.parametrize(
    "lead",
    [
        "Presiden Jokowi - yang baru kembali - mengatakan",
        "Sementara itu, polisi - katanya - datang",
        "Pemerintah menaikkan harga BBM mulai pekan depan.",
        "JAKARTA - Banjir",
    ],
)
def test_not_datelines(lead: str) -> None:
    assert read_dateline(lead) is None


@pytest.mark.parametrize(
    ("paragraph", "credit", "initials", "desk"),
    [
        ("Rusia memiliki terlalu banyak hal yang dipertaruhkan”. (jpc)", "jpc", None, None),
        ("Harga naik lagi. (ant)", "ant", None, None),
        ("Harga naik lagi (fyk/ash)", None, "fyk/ash", None),
        ("Harga naik lagi. (Tin/Ysl)", None, "Tin/Ysl", None),
        ("Konser digelar malam ini. (kpl/sry)", "kpl", "kpl/sry", None),
        ("Sidang ditunda pekan depan. (H-4)", None, None, "H-4"),
        ("Sidang ditunda pekan depan. (Ant/P-2)", "Ant", None, "P-2"),
    ],
)
def test_closing_tags(
    paragraph: str, credit: str | None, initials: str | None, desk: str | None
) -> None:
    tag = closing_tag(paragraph)
    assert tag is not None
    assert (tag.credit, tag.editor_initials, tag.desk_code) == (credit, initials, desk)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Kasus itu ditangani Komisi Pemberantasan Korupsi (KPK).",
        "Ia tiba di Jakarta pada Senin (16/9/2019).",
        "Skornya 2-1 (babak pertama 1-0 untuk tuan rumah).",
    ],
)
def test_not_closing_tags(paragraph: str) -> None:
    assert closing_tag(paragraph) is None


def test_credit_table() -> None:
    assert credit_outlet("jpc") == "JawaPos.com"
    assert credit_outlet("ANT") == "ANTARA"
    assert credit_outlet("zzz") is None


@pytest.mark.parametrize(
    ("line", "bylines"),
    [
        ("Editor: Rina", [("Editor", "Rina")]),
        ("Editor : Ervan Hardoko", [("Editor", "Ervan Hardoko")]),
        ("Penulis/Editor: Ana Budi", [("Penulis/Editor", "Ana Budi")]),
        (
            "Pewarta: Aditya Ramadhan Editor: Heppy Ratna",
            [("Pewarta", "Aditya Ramadhan"), ("Editor", "Heppy Ratna")],
        ),
        ("Reporter: Ana | Editor: Budi", [("Reporter", "Ana"), ("Editor", "Budi")]),
        ("Redaktur: Andi Nur Aminah", [("Redaktur", "Andi Nur Aminah")]),
        ("Sumber: Merdeka.com", [("Sumber", "Merdeka.com")]),
        ("Penulis: Annesa K. Ramadhany", [("Penulis", "Annesa K. Ramadhany")]),
        (
            "Laporan Wartawan Tribunnews.com, Reza Deni",
            [("Laporan Wartawan Tribunnews.com", "Reza Deni")],
        ),
        ("By John Smith, Staff Writer", [("By", "John Smith")]),
        ("By Jane Doe and John Roe", [("By", "Jane Doe"), ("By", "John Roe")]),
        ("By Haley Hoekstra • March 12, 2025", [("By", "Haley Hoekstra")]),
        ("Oleh Ahmad Yani dan Budi Santoso", [("Oleh", "Ahmad Yani"), ("Oleh", "Budi Santoso")]),
    ],
)
def test_bylines(line: str, bylines: list[tuple[str, str]]) -> None:
    assert read_bylines(line) == [Byline(role=r, name=n) for r, n in bylines]


@pytest.mark.parametrize(
    "line",
    [
        "Oleh karena itu, pemerintah meminta warga tetap tenang.",
        "Sumber mengatakan: dia pergi. Lalu pulang ke rumah.",
        "Editor: pergi ke pasar untuk membeli sayur dan buah dan banyak lagi barang lainnya juga",
        "By Monday, officials said the storm would pass.",
        "By the end of the year, prices had doubled.",
        "By Tuesday, March 3",
        LEAD,
    ],
)
def test_not_bylines(line: str) -> None:
    assert read_bylines(line) == []
    assert not is_convention_line(line)


def test_dateline_and_credit_stay_in_text() -> None:
    paras = [Paragraph("PROKALTENG.CO-" + LEAD), Paragraph(LAST + " (jpc)")]
    conv = read_conventions(paras)
    assert conv.paragraphs == paras
    assert (conv.dateline, conv.credit, conv.credit_outlet) == (
        "PROKALTENG.CO",
        "jpc",
        "JawaPos.com",
    )


def test_byline_initials_and_desk_lines_leave_the_body() -> None:
    paras = [
        Paragraph("Laporan Wartawan Tribunnews.com, Reza Deni"),
        Paragraph("JAKARTA - " + LEAD),
        Paragraph(LAST),
        Paragraph("(fyk/ash)"),
        Paragraph("(H-4)"),
        Paragraph("Pewarta: Aditya Ramadhan Editor: Heppy Ratna"),
    ]
    conv = read_conventions(paras)
    assert [p.text for p in conv.paragraphs] == ["JAKARTA - " + LEAD, LAST]
    assert conv.dateline == "JAKARTA"
    assert conv.editor_initials == "fyk/ash"
    assert conv.desk_code == "H-4"
    assert [b.role for b in conv.bylines] == [
        "Laporan Wartawan Tribunnews.com",
        "Pewarta",
        "Editor",
    ]
    assert len(conv.removed) == 4


def test_middle_of_long_body_is_not_scanned() -> None:
    middle = [Paragraph(f"{LAST} Paragraf {i}.") for i in range(30)]
    paras = [Paragraph(LEAD), *middle[:10], Paragraph("Editor: Rina"), *middle[10:]]
    conv = read_conventions(paras)
    assert conv.bylines == []
    assert len(conv.paragraphs) == len(paras)


def test_empty_body() -> None:
    conv = read_conventions([])
    assert conv.paragraphs == [] and conv.dateline is None and conv.credit is None
