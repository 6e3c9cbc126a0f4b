"""A review of quote rounds 19 and 20: ordinary sentences on which a new rule gave a wrong
speaker or a wrong name form, each with the narrow fix's expectation, and the round's own
examples kept. Mentions are written by hand, so the tests do not depend on one NER model."""

from __future__ import annotations

import pytest

from tests.enrich.hand_mentions import direct_speakers, hand_mentions


@pytest.mark.parametrize("unit", ["RT", "RW", "SD", "TK", "NU", "PD", "GM", "MU", "KT"])
def test_two_capitals_after_a_head_role_are_its_organisation_not_initials(unit: str) -> None:
    # "Ketua RT Dodi Hermawan": the neighbourhood unit he heads, not "RT Dodi Hermawan"
    text = f'Ketua {unit} Dodi Hermawan hadir dalam rapat.\n\n"Kami mendukung," kata Dodi.'
    mentions = hand_mentions(text, ("Dodi Hermawan", "PERSON"), ("Dodi", "PERSON"))
    assert direct_speakers(text, mentions) == ["Dodi Hermawan"]


def test_initials_after_a_place_or_a_former_office_stay() -> None:
    text = 'Wali Kota Solo FX Hadi Rudyatmo meninjau pasar.\n\n"Harga stabil," kata Rudyatmo.'
    mentions = hand_mentions(text, ("Hadi Rudyatmo", "PERSON"), ("Rudyatmo", "PERSON"), ("Solo", "PLACE"))
    assert direct_speakers(text, mentions) == ["FX Hadi Rudyatmo"]


@pytest.mark.parametrize(
    ("short", "description"),
    [("Dedi", "pedagang sayur di pasar itu"), ("Anti", "salah satu atlet")],
)
def test_a_short_name_printed_once_but_introduced_is_no_slip(short: str, description: str) -> None:
    # printed once, one letter off "Dodi", but introduced right there: a person of their own
    text = (
        "Pelatih Dodi Hermawan memimpin latihan pagi itu.\n\n"
        '"Kami siap bertanding," kata Dodi.\n\n'
        f'"Saya masih gugup," ujar {short}, {description}.'
    )
    assert direct_speakers(text, []) == ["Dodi Hermawan", short]


def test_a_short_name_printed_once_bare_is_still_a_slip() -> None:
    text = (
        "Ketua panitia Irfan Maulana mengatakan lomba diikuti 300 pelari.\n\n"
        '"Pesertanya datang dari tujuh provinsi," kata Irfan.\n\n'
        '"Tahun depan kami buka untuk pelari asing," ujar Irwan.'
    )
    assert direct_speakers(text, []) == ["Irfan Maulana", "Irfan Maulana"]


def test_a_one_word_speaker_the_article_introduces_keeps_the_name_it_gives() -> None:
    # his quote names another Budi in full; he is "Budi, warga Cilincing"
    text = (
        "Budi, warga Cilincing, kecewa dengan pelayanan kelurahan.\n\n"
        '"Saya sudah lapor ke Pak Budi Gunawan, lurahnya, tapi tidak ditanggapi," kata Budi.'
    )
    mentions = hand_mentions(text, ("Budi Gunawan", "PERSON"), ("Budi", "PERSON"))
    assert direct_speakers(text, mentions) == ["Budi"]


def test_a_one_word_speaker_not_introduced_takes_the_quoted_full_name() -> None:
    text = (
        'Menpora hadir di Istana.\n\n"Saya Imam Nahrawi siap diperiksa," kata Imam.\n\n'
        '"Saya menghormati proses hukum," ujar Imam.'
    )
    mentions = hand_mentions(text, ("Imam Nahrawi", "PERSON"), ("Imam", "PERSON"))
    assert direct_speakers(text, mentions) == ["Imam Nahrawi", "Imam Nahrawi"]


@pytest.mark.parametrize(
    ("text", "tagged", "speaker"),
    [
        (
            'Pelatih asal Italia Fabio Capello mengatakan: "Kami siap bertanding."',
            (("Fabio Capello", "PERSON"), ("Italia", "PLACE")),
            "Fabio Capello",
        ),
        (
            'Duta Besar Indonesia untuk Jepang Heri Akhmadi mengatakan: "Semua WNI aman."',
            (("Heri Akhmadi", "PERSON"), ("Jepang", "PLACE"), ("Indonesia", "PLACE")),
            "Heri Akhmadi",
        ),
        (
            'Dalam unggahan di Instagram, penyanyi Laras Ayu mengatakan, "Kami tetap berteman."',
            (("Laras Ayu", "PERSON"), ("Instagram", "ORGANIZATION")),
            "Laras Ayu",
        ),
    ],
)
def test_a_name_after_a_preposition_is_skipped_only_in_a_phrase_a_comma_closes(
    text: str, tagged: tuple[tuple[str, str], ...], speaker: str
) -> None:
    assert direct_speakers(text, hand_mentions(text, *tagged)) == [speaker]


def test_a_role_naming_nobody_gives_no_person_the_phrase_after_its_comma_is_about() -> None:
    text = '"Pelaku sudah kami amankan," kata Kapolres, didampingi Kasat Reskrim AKP Budi Santoso.'
    assert direct_speakers(text, hand_mentions(text, ("Budi Santoso", "PERSON"))) == [None]


def test_a_role_naming_nobody_gives_the_person_right_after_its_last_comma() -> None:
    text = (
        '"Penyaluran dikawal aparat," ujar Unit Manager Communication, Relation and CSR PT '
        "Pertamina (Persero), Galih Nugroho, di Jayapura."
    )
    mentions = hand_mentions(text, ("Galih Nugroho", "PERSON"), ("PT Pertamina", "ORGANIZATION"))
    assert direct_speakers(text, mentions) == ["Galih Nugroho"]


def test_an_acronym_after_two_named_organisations_stands_for_the_last() -> None:
    text = (
        'Polri dan Komisi Pemberantasan Korupsi (KPK) menggelar rapat.\n\n"Kami sepakat," kata KPK.'
    )
    mentions = hand_mentions(text, ("Komisi Pemberantasan Korupsi", "ORGANIZATION"))
    assert direct_speakers(text, mentions) == ["Komisi Pemberantasan Korupsi"]


def test_an_english_organisation_with_and_keeps_its_whole_name() -> None:
    text = (
        "Food and Agriculture Organization (FAO) merilis laporan pangan.\n\n"
        '"Harga gandum naik," kata FAO.'
    )
    assert direct_speakers(text, hand_mentions(text)) == ["Food and Agriculture Organization"]
