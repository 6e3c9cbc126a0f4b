"""Round 20 of the quote rules: mechanisms read over many articles and outlets, each with a new
example sentence (none copied from the gold). Mentions are written by hand, so the tests do
not depend on one trained NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions


def test_a_role_word_inside_the_models_person_is_part_of_the_name() -> None:
    # "Hakim" (judge) is on the role list, so the rules cut "Arif Hakim Nasution" to its last
    # word; the model's person, a given name before the word, keeps it whole
    text = (
        "Kepala Dinas Pertanian Arif Hakim Nasution meninjau sawah di Deli Serdang.\n\n"
        '"Panen tahun ini lebih baik," kata Arif.\n\n'
        '"Kami tambah pupuknya," ujar Nasution.'
    )
    mentions = hand_mentions(
        text,
        ("Arif Hakim Nasution", "PERSON"),
        ("Arif", "PERSON"),
        ("Nasution", "PERSON"),
        ("Deli Serdang", "PLACE"),
    )
    assert direct_speakers(text, mentions) == ["Arif Hakim Nasution", "Arif Hakim Nasution"]


def test_a_role_word_opening_the_models_span_stays_a_role() -> None:
    # "Ketua Hakim" is an office before the name, whatever the model's span holds
    text = 'Ketua Hakim Bambang Wirasena membacakan putusan.\n\n"Terdakwa bersalah," kata Bambang.'
    mentions = hand_mentions(text, ("Ketua Hakim Bambang Wirasena", "PERSON"), ("Bambang", "PERSON"))
    assert direct_speakers(text, mentions) == ["Bambang Wirasena"]


def test_a_short_name_printed_once_one_letter_off_is_a_slip() -> None:
    # "Irwan" is never introduced; the article names "Irfan Maulana" and calls him "Irfan"
    text = (
        "Ketua panitia Irfan Maulana mengatakan lomba diikuti 300 pelari.\n\n"
        '"Pesertanya datang dari tujuh provinsi," kata Irfan.\n\n'
        '"Tahun depan kami buka untuk pelari asing," ujar Irwan.'
    )
    assert direct_speakers(text, []) == ["Irfan Maulana", "Irfan Maulana"]


def test_a_short_name_printed_twice_is_a_person_of_its_own() -> None:
    text = (
        "Ketua panitia Irfan Maulana membuka lomba.\n\n"
        "Irwan, seorang pelari, datang dari Bogor.\n\n"
        '"Saya berlatih tiga bulan," ujar Irwan.'
    )
    assert direct_speakers(text, []) == ["Irwan"]


def test_negara_ends_an_office_and_is_no_name() -> None:
    # "Menteri Sekretaris Negara", "Kepala Negara": the state, not a word of anyone's name
    text = (
        "Menteri Sekretaris Negara Haryanto Wibowo hadir di Istana Bogor.\n\n"
        '"Berkasnya sudah lengkap," kata Haryanto.\n\n'
        '"Kita tunggu sampai pekan depan," ucap Kepala Negara.'
    )
    speakers = direct_speakers(text, [])
    assert speakers[0] == "Haryanto Wibowo"
    assert "Negara" not in (speakers[1] or "")


def test_a_role_the_rules_read_as_nobody_gives_the_models_person_after_its_comma() -> None:
    # "Kamis" is a weekday for the rules, so they read no name after the role; the model's
    # person after the role's comma speaks
    text = (
        "Revisi undang-undang itu dibahas DPR pekan ini.\n\n"
        '"Semua usulan harus dibuka ke publik," kata Pakar Hukum Tata Negara, Hendrikus Kamis '
        "di kampusnya, Senin."
    )
    mentions = hand_mentions(text, ("Hendrikus", "PERSON"), ("DPR", "ORGANIZATION"))
    assert direct_speakers(text, mentions) == ["Hendrikus"]


def test_a_sentence_opening_menurutnya_goes_on_with_the_last_speaker() -> None:
    # the people a "Menurutnya, …" sentence names are what the speaker reports, not speakers
    text = (
        "Kepala Sekolah Dasar Negeri 4 Cimahi, Wulan Sari mengatakan siswa libur dua hari.\n\n"
        '"Gedungnya sedang diperbaiki," kata Wulan.\n\n'
        "Menurutnya, Bupati Cimahi Agus Hermawan sudah meninjau gedung itu kemarin.\n\n"
        '"Kami berharap perbaikan selesai pekan ini," ujarnya.'
    )
    mentions = hand_mentions(
        text, ("Wulan Sari", "PERSON"), ("Wulan", "PERSON"), ("Agus Hermawan", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Wulan Sari", "Wulan Sari"]


def test_a_platform_after_a_preposition_is_not_the_subject_of_a_cue_before_a_quote() -> None:
    text = (
        "Kabar perceraian itu akhirnya dijawab.\n\n"
        'Dalam unggahan di Instagram, penyanyi Laras Ayuningtyas mengatakan, "Kami tetap berteman baik."'
    )
    mentions = hand_mentions(
        text, ("Laras Ayuningtyas", "PERSON"), ("Laras", "PERSON"), ("Instagram", "ORGANIZATION")
    )
    assert direct_speakers(text, mentions) == ["Laras Ayuningtyas"]


def test_a_short_name_takes_the_full_name_the_person_gives_inside_a_quote() -> None:
    # the scraper kept the full name only where she introduces herself in her own words
    text = (
        "Ketua koperasi itu membuka rapat anggota di Sleman.\n\n"
        '"Hari ini saya Ratih Kusumawati mempertanggungjawabkan laporan tahun lalu," kata '
        "Ratih.\n\n"
        '"Sisa hasil usaha naik sepuluh persen," ujar Ratih.'
    )
    mentions = hand_mentions(text, ("Ratih Kusumawati", "PERSON"), ("Ratih", "PERSON"))
    assert direct_speakers(text, mentions) == ["Ratih Kusumawati", "Ratih Kusumawati"]
    # a two-word name inside a quote the model does not call a person gives nothing
    assert direct_speakers(text, hand_mentions(text, ("Ratih", "PERSON"))) == ["Ratih", "Ratih"]
