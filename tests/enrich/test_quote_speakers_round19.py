"""Round 19 of the quote rules: mechanisms read over many articles and outlets, each with a new
example sentence (none copied from the gold). Mentions are written by hand, so the tests do
not depend on one trained NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions


def test_a_pronoun_cue_skips_a_thing_the_model_never_calls_a_person() -> None:
    # a car model named between the speaker and "ujarnya": the speaker goes on
    text = (
        "Kepala Cabang Dealer Sentosa Motor Bandung, Rudi Hartanto mengatakan penjualan naik.\n\n"
        '"Pembeli tahun ini lebih banyak dari tahun lalu," kata Rudi.\n\n'
        "Mobil yang paling laris adalah Mitsubishi Xpander Cross dengan 40 unit.\n\n"
        '"Stoknya masih ada sampai akhir bulan," ujarnya.'
    )
    mentions = hand_mentions(text, ("Rudi Hartanto", "PERSON"), ("Rudi", "PERSON"))
    assert direct_speakers(text, mentions) == ["Rudi Hartanto", "Rudi Hartanto"]
    # without the model's word the capitalisation rules decide alone, as before
    assert direct_speakers(text, [])[0] == "Rudi Hartanto"


def test_a_place_is_no_speaker_of_a_pronoun_cue() -> None:
    text = (
        "Menteri Perdagangan Teguh Wibisono berbicara di depan para investor.\n\n"
        '"Kita harus membuka pasar baru," kata Teguh.\n\n'
        "Pertemuan itu digelar di Hotel Grand Hyatt, Kuala Lumpur, pada Senin.\n\n"
        '"Ekspor harus naik dua kali lipat," ujarnya.'
    )
    mentions = hand_mentions(
        text,
        ("Teguh Wibisono", "PERSON"),
        ("Teguh", "PERSON"),
        ("Hotel Grand Hyatt", "PLACE"),
        ("Kuala Lumpur", "PLACE"),
    )
    assert direct_speakers(text, mentions) == ["Teguh Wibisono", "Teguh Wibisono"]


def test_a_name_the_model_misses_still_speaks_when_a_cue_or_a_verb_names_it() -> None:
    # the model tags nobody, but "kata Wulandari" names her: she stays the speaker
    text = (
        'Penyanyi Wulandari Kusuma tampil di Bandung.\n\n"Saya senang," kata Wulandari Kusuma.'
        '\n\nIa lalu bernyanyi.\n\n"Terima kasih semuanya," ujarnya.'
    )
    assert direct_speakers(text, []) == ["Wulandari Kusuma", "Wulandari Kusuma"]
    assert direct_speakers(text, hand_mentions(text, ("Bandung", "PLACE"))) == ["Wulandari Kusuma"] * 2
    # a name before a speech verb is a person, even one the model reads as an organisation
    text = (
        "Ketua Asosiasi Petani Kopi Benny Untoro mengaku mendukung kebijakan itu.\n\n"
        '"Petani kecil paling terbantu," ujarnya.'
    )
    mentions = hand_mentions(text, ("Benny Untoro", "ORGANIZATION"))
    assert direct_speakers(text, mentions) == ["Benny Untoro"]


def test_a_name_after_a_rank_speaks_whatever_the_model_reads() -> None:
    # "Kapolsek Sukamaju Kompol Hendra Saputra" read whole as a place by the model
    text = (
        "Kapolsek Sukamaju Kompol Hendra Saputra akan memeriksa laporan itu.\n\n"
        '"Kami cek dulu," ucapnya.'
    )
    mentions = hand_mentions(text, ("Sukamaju Kompol Hendra Saputra", "PLACE"))
    assert direct_speakers(text, mentions) == ["Hendra Saputra"]


def test_initials_printed_before_a_name_are_part_of_it() -> None:
    text = (
        "Wakil Gubernur Sulawesi Tengah RS Lamanda meninjau banjir di Palu.\n\n"
        '"Kami kirim bantuan hari ini," kata Lamanda.\n\n'
        'Camat Palu Barat, M. Yusran Tahir, ikut hadir. "Air sudah surut," ujar Yusran Tahir.'
    )
    mentions = hand_mentions(
        text,
        ("Sulawesi Tengah", "PLACE"),
        ("Lamanda", "PERSON"),
        ("Palu", "PLACE"),
        ("Yusran Tahir", "PERSON"),
    )
    # "RS" is also a hospital's kind ("RS Siloam"): only the dotted initial is kept here
    assert direct_speakers(text, mentions) == ["Lamanda", "M. Yusran Tahir"]
    text = text.replace("RS Lamanda", "HB Lamanda")
    mentions = hand_mentions(
        text, ("Sulawesi Tengah", "PLACE"), ("Lamanda", "PERSON"), ("Yusran Tahir", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["HB Lamanda", "M. Yusran Tahir"]


def test_capitals_that_stand_alone_or_belong_to_a_place_are_no_initials() -> None:
    # "BP" is printed alone too: the authority, not its head's initials
    text = (
        "BP menahan izin itu. Kepala BP Edy Putra Irawady menjelaskan alasannya.\n\n"
        '"Izinnya belum lengkap," kata Edy Putra Irawady.'
    )
    mentions = hand_mentions(text, ("Edy Putra Irawady", "PERSON"))
    assert direct_speakers(text, mentions) == ["Edy Putra Irawady"]
    # "KT" inside the model's place: "Jalan Tol KT" is the road, not part of the name
    text = (
        "Kepala Proyek Jalan Tol KT Sugeng Riyadi meninjau lokasi.\n\n"
        '"Selesai bulan depan," kata Sugeng Riyadi.'
    )
    mentions = hand_mentions(text, ("Jalan Tol KT", "PLACE"), ("Sugeng Riyadi", "PERSON"))
    assert direct_speakers(text, mentions) == ["Sugeng Riyadi"]


def test_a_pronoun_cue_before_anyone_is_named_goes_to_the_next_sentence_subject() -> None:
    # the article opens with the quote; the singer is named right after it
    text = (
        '"Latihannya tiap hari, dari pagi sampai sore," kata dia di Jakarta, Senin.\n\n'
        "Rania Safitri mengaku senang bisa tampil lagi di panggung besar."
    )
    mentions = hand_mentions(text, ("Rania Safitri", "PERSON"), ("Jakarta", "PLACE"))
    assert direct_speakers(text, mentions) == ["Rania Safitri"]
    # a name inside the next sentence that is not its subject says nothing of the speaker
    text = (
        '"Aku tak suka caranya," tulisnya di Instagram.\n\n'
        "Warganet menyadari unggahan itu menyindir Dimas Arya."
    )
    mentions = hand_mentions(text, ("Dimas Arya", "PERSON"), ("Instagram", "ORGANIZATION"))
    assert direct_speakers(text, mentions) == [None]


def test_an_acronym_speaker_takes_the_name_the_text_prints_before_it() -> None:
    text = (
        "Badan Meteorologi Nasional Filipina (PAGASA) memperingatkan badai besar.\n\n"
        '"Warga pesisir harus mengungsi malam ini," kata PAGASA.'
    )
    mentions = hand_mentions(text, ("Badan Meteorologi Nasional Filipina", "ORGANIZATION"))
    assert direct_speakers(text, mentions) == ["Badan Meteorologi Nasional Filipina"]
    # the officer's role before the organisation is no part of its name
    text = (
        "Ketua Asosiasi Nelayan Pantura (ANP) Darto Wibowo menolak aturan itu.\n\n"
        '"Kami dirugikan," tulis ANP dalam rilisnya.'
    )
    mentions = hand_mentions(
        text, ("Asosiasi Nelayan Pantura", "ORGANIZATION"), ("Darto Wibowo", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Asosiasi Nelayan Pantura"]
    # no name printed before it: the acronym stays
    text = '"Kami akan menyelidiki," tulis KPAI dalam rilisnya.'
    assert direct_speakers(text, []) == ["KPAI"]
