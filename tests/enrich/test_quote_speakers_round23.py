"""Quote round 23: general rules of how Indonesian news names speakers, each with a new
example sentence (not a gold article's). Mentions are written by hand, so the tests do not
depend on one NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions
from warta.enrich.quotes import find_quotes


def test_someone_giving_a_message_after_menurut_speaks_next() -> None:
    # "Menurut Rudi, …" opened Rudi's account, but "Sinta juga memberi pesan …" names the
    # one whose words follow (a message, advice: "berpesan", "memberikan saran")
    text = (
        "Menurut Rudi Hartono, latihan pernapasan perlu dilakukan setiap pagi. Gerakannya "
        "sederhana dan bisa dilakukan di rumah.\n\nSetelah sesi itu, Sinta Maharani juga "
        'memberi pesan bagi para peserta. "Jangan menyerah di minggu pertama, hasilnya baru '
        'terasa sebulan kemudian," katanya.'
    )
    mentions = hand_mentions(text, ("Rudi Hartono", "PERSON"), ("Sinta Maharani", "PERSON"))
    assert direct_speakers(text, mentions) == ["Sinta Maharani"]


def test_a_message_with_agar_is_reported_speech() -> None:
    text = "Kapolres Budi Santoso berpesan agar warga tidak menyalakan petasan saat malam takbiran."
    mentions = hand_mentions(text, ("Budi Santoso", "PERSON"))
    indirect = [q for q in find_quotes(text, "id", mentions=mentions) if q.kind == "indirect"]
    assert [q.speaker for q in indirect] == ["Budi Santoso"]


def test_a_passive_speech_verb_with_its_agent_opens_an_account() -> None:
    # "Diakui Laras, …" is Laras's account as "Menurut Laras, …" would be: the sentence after
    # names her husband, but "katanya" is still hers
    text = (
        "Penyanyi Laras Ayuningtyas kini rajin bersepeda. Diakui Laras Ayuningtyas, saat "
        "bersepeda pagi, dirinya kerap mengajak suami, Bima Pradana.\n\n"
        '"Kalau akhir pekan kami bisa sampai dua puluh kilometer," katanya.'
    )
    mentions = hand_mentions(text, ("Laras Ayuningtyas", "PERSON"), ("Bima Pradana", "PERSON"))
    quotes = find_quotes(text, "id", mentions=mentions)
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Laras Ayuningtyas"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [(q.speaker, q.cue) for q in indirect] == [("Laras Ayuningtyas", "Diakui")]


def test_ditambahkan_oleh_with_bahwa_is_reported_speech() -> None:
    text = "Ditambahkan oleh Hendra Gunawan bahwa jalan itu akan ditutup selama dua minggu."
    mentions = hand_mentions(text, ("Hendra Gunawan", "PERSON"))
    indirect = [q for q in find_quotes(text, "id", mentions=mentions) if q.kind == "indirect"]
    assert [q.speaker for q in indirect] == ["Hendra Gunawan"]


def test_a_platform_before_a_name_is_no_part_of_it() -> None:
    # "kanal YouTube Raka": the channel's platform, not the first word of Raka's name
    text = (
        "Perjalanan itu direkam dan diunggah ke kanal YouTube Raka.\n\nRaka mengaku "
        'perjalanan itu melelahkan. "Jalurnya menanjak terus sepanjang hari," katanya.'
    )
    assert direct_speakers(text, None) == ["Raka"]
    mentions = hand_mentions(text, ("YouTube Raka", "PERSON"), ("Raka", "PERSON"))
    assert direct_speakers(text, mentions) == ["Raka"]


def test_a_relative_named_with_which_one_speaks_for_himself() -> None:
    # "kata putra sulung Sutrisno, Bayu Aji": the eldest son speaks, not his father
    text = (
        "Pengusaha batik Sutrisno Wibowo meninggal dunia pada usia 80 tahun.\n\n"
        '"Bapak pergi dengan tenang di rumah," kata putra sulung Sutrisno, Bayu Aji, di '
        "Pekalongan."
    )
    mentions = hand_mentions(
        text, ("Sutrisno Wibowo", "PERSON"), ("Sutrisno", "PERSON"), ("Bayu Aji", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Bayu Aji"]


def test_two_letters_swapped_in_a_printed_name_are_a_misprint() -> None:
    # "Fahrduin" for "Fahrudin": the same person, the news swapped two letters
    text = (
        "Kepala Dinas Pendidikan Kota Sorong Fahrudin Wenda meninjau sekolah itu, Senin.\n\n"
        'Fahrduin mengatakan, sekolah akan dibuka lagi pekan depan. "Kami menunggu hasil '
        'rapat dengan orang tua murid," ujarnya.'
    )
    mentions = hand_mentions(text, ("Fahrudin Wenda", "PERSON"), ("Fahrduin", "PERSON"))
    assert direct_speakers(text, mentions) == ["Fahrudin Wenda"]


def test_a_place_between_commas_before_a_speaker_is_no_speaker() -> None:
    # "Universitas Negeri Jember (Unej), Jember, Sari Handayani mengatakan": the town the
    # model tags as a place is the university's, not a speaker's one-word name
    text = (
        "Kepala Pusat Studi Pangan Universitas Negeri Jember (Unej), Jember, Sari Handayani "
        "mengatakan, harga beras naik karena panen tertunda."
    )
    mentions = hand_mentions(
        text,
        ("Universitas Negeri Jember", "ORGANIZATION"),
        ("Jember", "PLACE"),
        ("Sari Handayani", "PERSON"),
    )
    indirect = [q for q in find_quotes(text, "id", mentions=mentions) if q.kind == "indirect"]
    assert [q.speaker for q in indirect] == ["Sari Handayani"]
