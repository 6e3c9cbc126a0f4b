"""Repair of already-extracted text: chrome lines, related lines, repeats, title, Unicode."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.article import Paragraph
from warta.page.chrome import is_chrome_line, is_date_line
from warta.page.related import related_label, related_title
from warta.page.repeats import collapse_repeats
from warta.page.text import _without_lead_debris, repair_paragraphs, repair_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"

P1 = (
    "Pemerintah Kota Medan meresmikan jembatan baru di atas Sungai Deli pada Senin pagi, "
    "disaksikan ratusan warga yang sudah menunggu sejak subuh."
)
P2 = (
    "Wali Kota mengatakan jembatan itu dibangun selama delapan bulan dengan biaya Rp 12 miliar "
    "dari anggaran daerah dan bantuan provinsi."
)
P3 = (
    "Warga berharap jembatan tersebut mempercepat perjalanan ke pasar dan sekolah, terutama saat "
    "musim hujan ketika jalan lama sering tergenang."
)
P4 = "Proyek berikutnya adalah perbaikan drainase di tiga kecamatan yang rawan banjir tahun ini."
TITLE = "Jembatan Baru di Sungai Deli Diresmikan"


def body(*paras: str) -> str:
    return "\n\n".join(paras)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "Baca Juga :  Singgung Prabowo, Isu Keretakan Disebut Begini",
            "Singgung Prabowo, Isu Keretakan Disebut Begini",
        ),
        ("Baca juga: Harga Emas Naik Lagi", "Harga Emas Naik Lagi"),
        ("BACA JUGA: Harga Emas Naik Lagi", "Harga Emas Naik Lagi"),
        ("baca juga » Harga Emas Naik Lagi", "Harga Emas Naik Lagi"),
        ("[Baca juga: Harga Emas Naik Lagi]", "Harga Emas Naik Lagi"),
        ("Baca Juga Harga Emas Naik Lagi", "Harga Emas Naik Lagi"),
        ("Simak juga: Video Banjir di Medan", "Video Banjir di Medan"),
        ("Lihat juga - Foto Banjir di Medan", "Foto Banjir di Medan"),
        ("Berita terkait: Banjir Rendam Tiga Kecamatan", "Banjir Rendam Tiga Kecamatan"),
        ("Read also: Floods hit northern Sumatra", "Floods hit northern Sumatra"),
        ("Related: Floods hit northern Sumatra", "Floods hit northern Sumatra"),
    ],
)
def test_related_line_variants(line: str, title: str) -> None:
    assert related_title(line) == title


@pytest.mark.parametrize(
    "line", ["Simak juga video ini", "Lihat juga bagaimana ia tumbuh.", "Baca selengkapnya"]
)
def test_not_related(line: str) -> None:
    assert related_title(line) is None


@pytest.mark.parametrize("line", ["BACA JUGA:", "Baca Juga", "Berita Terkait", "Read also:"])
def test_lone_related_label(line: str) -> None:
    assert related_label(line) is not None


def test_related_lines_move_to_links_including_next_line_form() -> None:
    text = body(
        TITLE,
        P1,
        "Baca juga: Harga Emas Naik Lagi",
        P2,
        "BACA JUGA:",
        "Banjir Rendam Tiga Kecamatan",
        P3,
    )
    rep = repair_text(text)
    assert [r.title for r in rep.related_links] == [
        "Harga Emas Naik Lagi",
        "Banjir Rendam Tiga Kecamatan",
    ]
    assert [p.text for p in rep.paragraphs] == [P1, P2, P3]


@pytest.mark.parametrize(
    "line",
    [
        "27.3 C",
        "28°C",
        "Sunday, September 8, 2024",
        "Rabu, 4 November 2015 | 21:04 WIB",
        "2 jam lalu",
        "Terpopuler",
        "Artikel Terbaru",
        "Berita Terkini",
        "Populer",
        "Trending",
        "Most Read",
        "Komentar (12)",
        "74 komentar",
        "dibaca 53,203 kali",
        "Share on Facebook",
        "Bagikan artikel ini",
        "Copyright © 2024 Kompas.com. All rights reserved.",
        "Home » News » Regional",
        "detikNews · Berita · Internasional · Kolom · Wawancara · Lapsus",
        "prostitusi, pelajar prostitusi, praktik prostitusi, pelajar",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Warga menulis komentar pedas di media sosial pada Minggu (8/9).",
        "Pada Minggu, 8 September 2024, polisi datang ke lokasi kejadian.",
        "Share of renewable power rose to 20 percent last year, the ministry said.",
        "Jembatan Baru di Sungai Deli Diresmikan",
        "Harga naik 2,5 persen",
        P1,
    ],
)
def test_real_text_is_not_chrome(line: str) -> None:
    assert not is_chrome_line(line)


def test_date_line() -> None:
    assert is_date_line("Senin (9/9/2019)")
    assert not is_date_line("Senin pagi polisi datang")


def test_header_and_footer_chrome_dropped_real_paragraphs_kept() -> None:
    komentar = "Unggahan itu mendapat ribuan komentar dari warganet sejak Minggu, 8 September 2024."
    text = "\n".join(
        [
            "27.3 C",
            "Jakarta",
            "Sunday, September 8, 2024",
            "",
            TITLE,
            "",
            P1,
            komentar,
            P2,
            "Share",
            "Komentar",
            "Terpopuler",
            "Artikel Terbaru",
        ]
    )
    rep = repair_text(text)
    assert rep.title == TITLE
    assert [p.text for p in rep.paragraphs] == [P1, komentar, P2]
    for junk in ("27.3 C", "Jakarta", "Terpopuler", "Share"):
        assert junk in rep.removed


def test_short_real_lines_inside_body_survive() -> None:
    text = body(
        TITLE,
        P1,
        "Polisi menyerahkan Komeng bersama senjata api jenis AK-56.",
        "Harga Tiket Naik",
        P2,
        P3,
    )
    rep = repair_text(text)
    texts = [p.text for p in rep.paragraphs]
    assert "Polisi menyerahkan Komeng bersama senjata api jenis AK-56." in texts
    assert "Harga Tiket Naik" in texts


def test_full_repeat_collapsed() -> None:
    rep = repair_text(body(TITLE, P1, P2, P3, " ", P1, P2, P3, "Terpopuler"))
    assert [p.text for p in rep.paragraphs] == [P1, P2, P3]
    assert "repeated-body-collapsed" in rep.warnings


def test_partial_repeat_collapsed() -> None:
    rep = repair_text(body(TITLE, P1, P2, P3, P4, P1, P2))
    assert [p.text for p in rep.paragraphs] == [P1, P2, P3, P4]
    assert "repeated-body-collapsed" in rep.warnings


def test_single_repeated_paragraph_and_truncated_copy() -> None:
    kept, warnings = collapse_repeats([P1, P2, P1, P3, P2[:80]])
    assert kept == [0, 1, 3]
    assert warnings == ["repeated-body-collapsed"] or warnings == ["repeated-paragraph-dropped"]
    kept, warnings = collapse_repeats([P1, P2, P1, P3])
    assert kept == [0, 1, 3]
    assert warnings == ["repeated-paragraph-dropped"]


def test_short_line_recurring_on_its_own_survives() -> None:
    kept, warnings = collapse_repeats([P1, "***", P2, "***", P3])
    assert kept == [0, 1, 2, 3, 4]
    assert warnings == []


def test_unicode_normalised() -> None:
    mojibake = "Presiden\u00a0Joko Widodo mengatakan â€œkami siapâ€\x9d kepada wartawan di Istana pada Senin."
    rep = repair_text(body(TITLE, P1, mojibake, P2))
    texts = [p.text for p in rep.paragraphs]
    assert (
        "Presiden Joko Widodo mengatakan “kami siap” kepada wartawan di Istana pada Senin." in texts
    )
    assert all("\u00a0" not in t for t in texts)


def test_hard_wrapped_blocks_are_joined() -> None:
    wrapped = (
        "Pemerintah Kota Medan meresmikan jembatan baru di atas Sungai Deli pada\n"
        "Senin pagi, disaksikan ratusan warga yang sudah menunggu sejak subuh dan\n"
        "membawa spanduk.\n\n"
        "Wali Kota mengatakan jembatan itu dibangun selama delapan bulan dengan biaya\n"
        "Rp 12 miliar dari anggaran daerah dan bantuan provinsi yang cair tahun lalu\n"
        "menurut laporan dinas.\n"
    )
    rep = repair_text(wrapped)
    assert len(rep.paragraphs) == 2
    assert rep.paragraphs[0].text.endswith("dan membawa spanduk.")


def test_whole_page_lines(fixtures: Path) -> None:
    """The visible text of a real news page, nav and widgets included (a few real lines)."""
    rep = repair_text((FIXTURES / "kompas-page-lines.txt").read_text(encoding="utf-8"))
    texts = [p.text for p in rep.paragraphs]
    assert rep.title == "Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan"
    assert texts[0].startswith("LHOKSEUMAWE, KOMPAS.com – Penyidik")
    assert "Polisi menyerahkan Komeng bersama senjata api jenis AK-56." in texts
    assert texts[-2:] == ["Penulis: Kontributor Lhokseumawe, Masriadi", "Editor: Ervan Hardoko"]
    assert any(t.startswith("“Langkah selanjutnya") for t in texts)
    assert len(rep.related_links) == 5
    assert not any("dibaca" in t or t in ("Tweet", "Terpopuler", "Regional") for t in texts)


def test_empty_text() -> None:
    rep = repair_text("\n \n")
    assert rep.paragraphs == [] and rep.title is None


def test_repair_paragraphs_is_gentle() -> None:
    paras = [
        Paragraph(TITLE, "heading"),
        Paragraph(P1),
        Paragraph("Baca juga: Harga Emas Naik Lagi"),
        Paragraph("Subjudul Tanpa Titik", "heading"),
        Paragraph("Share"),
        Paragraph(P2),
        Paragraph(P1),
    ]
    rep = repair_paragraphs(paras, title=TITLE)
    assert rep.title == TITLE
    assert [p.text for p in rep.paragraphs] == [P1, "Subjudul Tanpa Titik", P2]
    assert rep.paragraphs[1].kind == "heading"
    assert [r.title for r in rep.related_links] == ["Harga Emas Naik Lagi"]
    assert "repeated-paragraph-dropped" in rep.warnings


def test_dateline_debris_leaves_the_lead() -> None:
    """A dateline whose place and outlet were links a scraper dropped leaves "- " or ", - "
    before the lead; the lead is kept without it, and a dash before a lower-case word (a list
    item) or a negative number stays."""
    body = (
        "Warga mulai mengungsi ke balai kelurahan dan dapur umum sudah disiapkan oleh pemerintah "
        "kota sejak Selasa pagi."
    )
    for debris in ("- ", "- , ", ", , - ", "– "):
        text = debris + "Hujan deras membuat ratusan rumah di tepi sungai terendam banjir.\n" + body
        assert repair_text(text).paragraphs[0].text.startswith("Hujan deras"), debris
    for lead in ("-5 derajat suhu udara di puncak gunung pada pagi hari ini.", "- daftar isi"):
        assert _without_lead_debris(lead) == lead
