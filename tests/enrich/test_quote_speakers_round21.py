"""Quote round 21: general rules of how Indonesian news names speakers, each with a new
example sentence (not a gold article's). Mentions are written by hand, so the tests do not
depend on one NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions


def test_a_quote_naming_the_last_person_by_a_short_name_is_about_him() -> None:
    # "kata dia" after a sentence about Bambang Susanto: the quote calls him by the nickname
    # the article gives him ("Pak Bamsus", no word of his full name), so it is about him,
    # and the pronoun is the last speaker's
    text = (
        'Pengamat politik Rina Kartika menilai koalisi masih rapuh. "Partai kecil akan '
        'menunggu arah angin," ujar Rina.\n\nSementara itu, Bambang Susanto (Bamsus) '
        'belum menentukan sikap.\n\n"Saya kira Pak Bamsus masih menghitung peluang," '
        "kata dia."
    )
    mentions = hand_mentions(
        text,
        ("Rina Kartika", "PERSON"),
        ("Rina", "PERSON"),
        ("Bambang Susanto", "PERSON"),
        ("Bamsus", "PERSON"),
    )
    assert direct_speakers(text, mentions) == ["Rina Kartika", "Rina Kartika"]


def test_a_pronoun_cue_after_a_person_the_quote_does_not_name_stays_with_him() -> None:
    # the same shape, but the quote names nobody: "kata dia" is the man just introduced
    text = (
        'Pengamat politik Rina Kartika menilai koalisi masih rapuh. "Partai kecil akan '
        'menunggu arah angin," ujar Rina.\n\nSementara itu, Bambang Susanto belum '
        'menentukan sikap.\n\n"Saya masih menghitung peluang," kata dia.'
    )
    mentions = hand_mentions(
        text, ("Rina Kartika", "PERSON"), ("Rina", "PERSON"), ("Bambang Susanto", "PERSON")
    )
    assert direct_speakers(text, mentions)[0] == "Rina Kartika"
    assert direct_speakers(text, mentions)[1] in ("Bambang Susanto", None)


def test_a_lone_word_opening_sentences_that_the_model_never_calls_a_person_is_no_subject() -> None:
    # "Karung …" opens two sentences, as a one-word name would ("Niki juga …"), but the NER
    # model never tags it a person and no cue names it: a thing, and "ujarnya" goes on with
    # the last speaker
    text = (
        'Petani Budi Santoso menanam padi di Klaten. "Panen tahun ini bagus," kata Budi.'
        "\n\nKarung berisi gabah ditumpuk di gudang. Karung lain basah terkena hujan."
        '\n\n"Kami terpaksa berutang ke tetangga," ujarnya.'
    )
    mentions = hand_mentions(text, ("Budi Santoso", "PERSON"), ("Budi", "PERSON"), ("Klaten", "PLACE"))
    assert direct_speakers(text, mentions) == ["Budi Santoso", "Budi Santoso"]


def test_a_lone_name_the_model_calls_a_person_still_opens_sentences() -> None:
    text = (
        'Petani Budi Santoso menanam padi di Klaten. "Panen tahun ini bagus," kata Budi.'
        "\n\nWulan juga menanam jagung. Wulan menjual hasilnya ke pasar."
        '\n\n"Harga jagung naik," ujarnya.'
    )
    mentions = hand_mentions(text, ("Budi Santoso", "PERSON"), ("Budi", "PERSON"), ("Wulan", "PERSON"))
    assert direct_speakers(text, mentions) == ["Budi Santoso", "Wulan"]


def test_a_turn_to_a_new_subject_names_him_after_a_phrase_of_time_or_place() -> None:
    # "Sementara itu dalam jumpa pers, <role> <name> …. Namun ia …": the phrase before the
    # comma puts the name past the opener's reach, yet the sentence turns to him
    text = (
        'Menteri Perdagangan Ratna Dewi berjanji menurunkan harga beras. "Harga beras akan '
        'turun," kata Ratna kala itu.\n\nSementara itu dalam jumpa pers, juru bicara Asosiasi '
        "Pedagang Pasar Heru Prasetyo tidak menjawab langsung pertanyaan itu. Namun ia "
        'mengatakan pedagang menunggu kepastian.\n\n"Kami menunggu aturan tertulis dari '
        'pemerintah," ujarnya.'
    )
    mentions = hand_mentions(
        text,
        ("Ratna Dewi", "PERSON"),
        ("Ratna", "PERSON"),
        ("Asosiasi Pedagang Pasar", "ORGANIZATION"),
        ("Heru Prasetyo", "PERSON"),
    )
    assert direct_speakers(text, mentions) == ["Ratna Dewi", "Heru Prasetyo"]


def test_a_sentence_that_does_not_turn_keeps_its_reach() -> None:
    # no "Sementara itu": a name far after an opener and a comma is not the subject
    text = (
        'Menteri Perdagangan Ratna Dewi berjanji menurunkan harga beras. "Harga beras akan '
        'turun," kata Ratna kala itu.\n\nAdegan tersebut diulang dalam film, lalu Heru '
        'Prasetyo menonton. Dirinya mengatakan harga pasti turun.\n\n"Kami yakin," ujarnya.'
    )
    mentions = hand_mentions(
        text, ("Ratna Dewi", "PERSON"), ("Ratna", "PERSON"), ("Heru Prasetyo", "PERSON")
    )
    assert direct_speakers(text, mentions)[0] == "Ratna Dewi"
