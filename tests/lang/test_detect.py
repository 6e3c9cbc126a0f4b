"""Language identification: Indonesian vs Malay vs English, and the (None, 0.0) cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.lang.detect import detect_language

INDONESIAN = (
    "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada hari Jumat. Menurut dia, "
    "pembangunan infrastruktur akan terus dilanjutkan agar perekonomian daerah semakin tumbuh."
)
MALAY = (
    "Perdana Menteri berkata kerajaan akan memperkenalkan dasar baharu bagi membantu rakyat yang "
    "terkesan akibat kenaikan kos sara hidup. Beliau berkata demikian ketika berucap di majlis itu."
)
ENGLISH = (
    "The government said on Friday that it would introduce new measures to help households "
    "struggling with the rising cost of living, officials told reporters in the capital."
)


@pytest.mark.parametrize(("text", "code"), [(INDONESIAN, "id"), (MALAY, "ms"), (ENGLISH, "en")])
def test_paragraphs(text: str, code: str) -> None:
    detected, score = detect_language(text)
    assert detected == code
    assert 0.5 < score <= 1.0


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Short sentences, where Indonesian and Malay share most words.
        ("Saya tidak tahu apakah dia akan datang besok pagi.", "id"),
        ("Polisi menangkap dua tersangka pencurian sepeda motor di Bekasi.", "id"),
        ("Polis menahan dua suspek kes kecurian motosikal di Johor Bahru semalam.", "ms"),
        ("Kerajaan akan menaikkan harga minyak bulan hadapan, kata menteri itu.", "ms"),
        ("The police arrested two suspects in the motorcycle theft case.", "en"),
    ],
)
def test_short_sentences(text: str, code: str) -> None:
    detected, score = detect_language(text)
    assert detected == code
    assert 0.0 < score <= 1.0


def test_other_languages_work() -> None:
    assert detect_language("Le gouvernement a annoncé vendredi de nouvelles mesures pour les ménages.")[0] == "fr"
    assert detect_language("政府は金曜日、家計を支援するための新たな措置を発表した。")[0] == "ja"


@pytest.mark.parametrize("text", ["", "   ", "ok", "12345 67890 !!! ???", "a b c d e", None, 42])
def test_too_short_or_not_text(text: object) -> None:
    assert detect_language(text) == (None, 0.0)  # type: ignore[arg-type]


def test_long_input_is_bounded() -> None:
    detected, score = detect_language(INDONESIAN * 500)
    assert detected == "id" and 0.0 < score <= 1.0


MALAY_NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "lang" / "malay_news.txt"


@pytest.mark.parametrize(
    "text",
    [
        # Religious and lifestyle Indonesian that lingua's Indonesian/Malay vote leaves at a near
        # tie on the Malay side; "bisa", "karena", "yaitu" are Indonesian, not Malay.
        "Bulan Muharram merupakan satu di antara empat bulan haram dalam Islam. Haram di sini "
        "memiliki arti sebagai waktu yang diharamkan menzalimi diri dan berbuat dosa. Amalan yang "
        "bisa dilakukan pada bulan ini antara lain berpuasa sunah dan bersedekah kepada anak "
        "yatim, karena pahalanya dilipatgandakan.",
        "Umat muslim dianjurkan membaca doa sebelum tidur. Doa ini mengandung permohonan "
        "perlindungan kepada Allah SWT dari segala keburukan, yaitu keburukan yang datang pada "
        "malam hari. Bacaan ini bisa diamalkan oleh siapa saja.",
    ],
)
def test_near_tie_is_decided_by_marker_words(text: str) -> None:
    assert detect_language(text)[0] == "id"


def test_malay_news_stays_malay() -> None:
    lines = [line for line in MALAY_NEWS.read_text(encoding="utf-8").splitlines() if line]
    assert len(lines) >= 15
    assert [detect_language(line)[0] for line in lines] == ["ms"] * len(lines)


def test_marker_words_do_not_overrule_a_clear_vote() -> None:
    from warta.lang.detect import _by_marker_words

    assert _by_marker_words("kerana bahawa iaitu", "id", 0.6) == ("ms", 0.5)
    assert _by_marker_words("karena bahwa kerana", "ms", 0.6) == ("ms", 0.6)  # 2 against 1
    assert _by_marker_words("karena bahwa yaitu kerana", "ms", 0.6) == ("id", 0.5)  # 3 against 1
    assert _by_marker_words("tidak ada apa-apa", "ms", 0.6) == ("ms", 0.6)
