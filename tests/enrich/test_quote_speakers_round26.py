"""Quote round 26: how Indonesian news prints the fullest form of a speaker's name, each rule
with a new example sentence (not a gold article's). Mentions are written by hand, so the tests
do not depend on one NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions


def test_a_first_name_printed_only_before_the_rest_is_part_of_the_name() -> None:
    # "? Wisnu Adi Nugraha, kepala bengkel …", then "kata Nugraha": the fullest form is the
    # three words, not "Adi Nugraha"
    text = (
        "Lalu apa penyebab rem blong itu? Wisnu Adi Nugraha, kepala bengkel PT Maju Jaya, "
        "belum bisa memastikan.\n\n"
        '"Kami masih memeriksa sistem remnya," kata Nugraha.'
    )
    mentions = hand_mentions(text, ("Wisnu Adi Nugraha", "PERSON"), ("Nugraha", "PERSON"))
    assert direct_speakers(text, mentions) == ["Wisnu Adi Nugraha"]


def test_a_rank_acronym_before_the_first_name() -> None:
    # "kata Kapolsek Cibubur, AKP Aba Sutisna Key", then "ujar Sutisna Key"
    text = (
        '"Pelaku sudah kami tangkap," kata Kapolsek Cibubur, AKP Aba Sutisna Key, Senin.\n\n'
        '"Barang bukti juga sudah kami sita," ujar Sutisna Key.'
    )
    mentions = hand_mentions(text, ("Aba Sutisna Key", "PERSON"), ("Sutisna Key", "PERSON"))
    assert direct_speakers(text, mentions) == ["Aba Sutisna Key", "Aba Sutisna Key"]


def test_a_question_in_kah_opens_no_name() -> None:
    # "Benarkah Sinta Maharani …?": "-kah" asks, it is not her first name
    text = (
        "Benarkah Sinta Maharani kini pindah ke Eropa?\n\n"
        '"Aku cuma liburan sebentar," ujar Sinta Maharani kepada wartawan.\n\n'
        '"Tahun depan aku kembali," kata Maharani.'
    )
    mentions = hand_mentions(text, ("Sinta Maharani", "PERSON"), ("Maharani", "PERSON"))
    assert direct_speakers(text, mentions) == ["Sinta Maharani", "Sinta Maharani"]


def test_a_word_between_a_role_and_the_person_is_no_name() -> None:
    # "Koordinator Aksi Ahmad": "Aksi" completes the role, the model's person is "Ahmad"
    text = (
        "Ratusan orang berunjuk rasa di depan gedung dewan.\n\n"
        '"Kami menolak aturan itu," ujar Koordinator Aksi Ahmad di lokasi.\n\n'
        "Mereka menggelar aksi selama dua jam."
    )
    mentions = hand_mentions(text, ("Ahmad", "PERSON"))
    assert direct_speakers(text, mentions) == ["Ahmad"]


def test_a_short_given_name_before_the_model_person_stays() -> None:
    # "Wakil Gubernur Uu Ruzhan Ulama": a short first name the model leaves out stays
    text = (
        '"Program ini untuk warga desa," kata Wakil Gubernur Uu Ruzhan Ulama di Bandung.\n\n'
        "Ia meninjau lokasi bersama bupati."
    )
    mentions = hand_mentions(text, ("Ruzhan Ulama", "PERSON"))
    assert direct_speakers(text, mentions) == ["Uu Ruzhan Ulama"]


def test_a_police_rank_glued_to_its_corps_is_a_title() -> None:
    # "Kombespol Hendra Wijaya": "Kombes Pol" written as one word
    text = '"Kasus ini masih kami dalami," kata Kapolres Kombespol Hendra Wijaya, Senin.'
    mentions = hand_mentions(text, ("Kombespol Hendra Wijaya", "PERSON"))
    assert direct_speakers(text, mentions) == ["Hendra Wijaya"]
