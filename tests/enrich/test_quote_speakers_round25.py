"""Quote round 25: general rules of how Indonesian news names speakers, each with a new
example sentence (not a gold article's). Mentions are written by hand, so the tests do not
depend on one NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions
from warta.enrich.quotes import find_quotes


def test_so_said_a_name_after_a_quote() -> None:
    # '"…," demikian Hartono.': "demikian" and a name, the speech verb left out
    text = (
        "Ketua panitia Budi Hartono menyebut persiapan lomba sudah rampung.\n\n"
        '"Semua peserta sudah mendaftar ulang sejak pagi," demikian Hartono.'
    )
    mentions = hand_mentions(text, ("Budi Hartono", "PERSON"), ("Hartono", "PERSON"))
    assert direct_speakers(text, mentions) == ["Budi Hartono"]


def test_so_said_a_pronoun_after_a_quote() -> None:
    # '"…," demikian dia.': the pronoun stands for the one spoken of before
    text = (
        "Pelatih Andi Wijaya puas dengan hasil latihan timnya.\n\n"
        '"Semoga hasil ini menjadi bekal untuk laga berikutnya," demikian dia.'
    )
    mentions = hand_mentions(text, ("Andi Wijaya", "PERSON"))
    assert direct_speakers(text, mentions) == ["Andi Wijaya"]


def test_two_people_acting_together_are_no_pronoun_cue() -> None:
    # "Rina dan Sari akan …": two people act; "katanya" is the one who spoke before
    text = (
        '"Anak-anak sudah berlatih keras selama sebulan," kata Dedi Kurnia, pelatih tim.\n\n'
        "Rencananya, Rina dan Sari akan tampil di final pekan depan.\n\n"
        '"Kami yakin mereka bisa membawa pulang medali," katanya.'
    )
    mentions = hand_mentions(
        text, ("Dedi Kurnia", "PERSON"), ("Rina", "PERSON"), ("Sari", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Dedi Kurnia", "Dedi Kurnia"]


def test_the_second_of_two_people_is_no_pronoun_cue_either() -> None:
    # "… bagi Rina dan Sari sebelum …": neither of the two named together speaks
    text = (
        '"Persiapan sudah matang," kata Dedi Kurnia, pelatih tim.\n\n'
        "Jadi, tak heran bila latihan khusus diberikan kepada Rina dan Sari sebelum final.\n\n"
        '"Kami yakin mereka bisa membawa pulang medali," katanya.'
    )
    mentions = hand_mentions(
        text, ("Dedi Kurnia", "PERSON"), ("Rina", "PERSON"), ("Sari", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Dedi Kurnia", "Dedi Kurnia"]


def test_a_nickname_with_no_full_form_is_the_person_before() -> None:
    # "pria yang karib disapa Tole ini": the nickname of the one spoken of before
    text = (
        '"Timnya tampil tanpa persiapan khusus," kata Bambang Sutrisno dalam rilisnya.\n\n'
        "Dengan hasil itu, pria yang karib disapa Tole ini berharap timnya lolos ke final.\n\n"
        '"Semoga ini menjadi modal untuk musim depan," demikian dia.'
    )
    mentions = hand_mentions(text, ("Bambang Sutrisno", "PERSON"), ("Tole", "PERSON"))
    assert direct_speakers(text, mentions) == ["Bambang Sutrisno", "Bambang Sutrisno"]


def test_an_invisible_mark_garbled_after_a_name_is_no_part_of_it() -> None:
    # "Rudi Hartanto'Äé mengatakan": a zero-width mark's bytes read as Mac Roman
    text = (
        "Pengamat ekonomi Rudi Hartanto'Äé mengatakan harga beras akan turun.\n\n"
        '"Stok di gudang masih cukup sampai akhir tahun," kata Rudi Hartanto\'Äé di Jakarta.'
    )
    mentions = hand_mentions(text, ("Rudi Hartanto", "PERSON"))
    found = [q for q in find_quotes(text, "id", mentions=mentions) if q.kind == "direct"]
    assert [q.speaker for q in found] == ["Rudi Hartanto"]
    assert found[0].text == text[found[0].start : found[0].end]


def test_a_birthplace_description_with_commas_is_the_person_before() -> None:
    # "urai perempuan kelahiran Tanjung Pinang, Kepulauan Riau, 3 Mei 1970 ini"
    text = (
        "Calon hakim Sri Wahyuni menjawab pertanyaan para anggota dewan.\n\n"
        '"Saya tidak punya rumah mewah, tapi cukup," urai perempuan kelahiran Tanjung Pinang, '
        "Kepulauan Riau, 3 Mei 1970 ini."
    )
    mentions = hand_mentions(
        text,
        ("Sri Wahyuni", "PERSON"),
        ("Tanjung Pinang", "LOCATION"),
        ("Kepulauan Riau", "LOCATION"),
    )
    assert direct_speakers(text, mentions) == ["Sri Wahyuni"]


def test_a_quoted_handle_inside_a_name() -> None:
    # 'Rizky "Zeus" Pratama': a player's handle, no quote; "ujar Zeus" is Rizky Pratama
    text = (
        'Kapten tim, Rizky "Zeus" Pratama menjelaskan persiapan timnya. "Kami masih latihan '
        'seperti biasa setiap hari," ujar Zeus.'
    )
    mentions = hand_mentions(text, ("Rizky", "PERSON"), ("Pratama", "PERSON"))
    found = [q for q in find_quotes(text, "id", mentions=mentions) if q.kind == "direct"]
    assert [(q.speaker, q.text[:4]) for q in found] == [("Rizky Pratama", "Kami")]


def test_people_a_list_names_are_not_the_subject() -> None:
    # "… menangkap dua pelaku, yakni Joni (30) dan Asep (25)": the suspects are what the
    # sentence is about; "terangnya" is the police officer's
    text = (
        '"Barang bukti kami sita di lokasi," kata Kapolres AKBP Hendra Gunawan.\n\n'
        "Dari lokasi itu, polisi juga menangkap dua pelaku, yakni Joni (30) dan Asep (25).\n\n"
        '"Keduanya warga setempat," terangnya.'
    )
    mentions = hand_mentions(
        text, ("Hendra Gunawan", "PERSON"), ("Joni", "PERSON"), ("Asep", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Hendra Gunawan", "Hendra Gunawan"]
