"""Quote round 24: general rules of how Indonesian news names speakers, each with a new
example sentence (not a gold article's). Mentions are written by hand, so the tests do not
depend on one NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions, mention_at
from warta.enrich.ner.tagger import Mention


def test_a_headline_glued_to_a_name_is_no_part_of_it() -> None:
    # "Baca juga: … Rossi Juara Meski 'Dikepung' …": the capitalised words of a link title
    # after the name are common words, and the model tags only "Rossi" there
    text = (
        "Pebalap Valentino Rossi menang di Mugello. Baca juga: MotoGP Italia: Rossi Juara Meski "
        "'Dikepung' 3 Rider HondaKepada wartawan, Rossi memuji timnya.\n\n"
        '"Saya senang sekali dengan hasil hari ini," ucap Rossi.'
    )
    mentions = hand_mentions(text, ("Valentino Rossi", "PERSON"), ("MotoGP Italia", "ORGANIZATION"))
    mentions += [mention_at(text, "Rossi", "PERSON", n) for n in (1, 2, 3)]
    mentions.sort(key=lambda m: m.start)
    assert direct_speakers(text, mentions) == ["Valentino Rossi"]


def test_a_party_before_a_name_after_its_word_is_cut() -> None:
    # "Fraksi Golkar Wardiman": the model tags "Golkar" alone as an organisation, after an
    # organisation's word, and the person right after it
    text = (
        "Anggota DPR dari Fraksi Golkar Wardiman menolak usulan itu. Partai itu menilai aturan "
        'tersebut belum matang.\n\n"Kami minta pembahasan ditunda dulu," kata Wardiman.'
    )
    mentions = hand_mentions(text, ("Golkar", "ORGANIZATION"), ("Wardiman", "PERSON"))
    assert direct_speakers(text, mentions) == ["Wardiman"]


def test_a_common_word_before_a_name_the_model_reads_as_an_organisation_stays() -> None:
    # "kata Bunga Lestari": a name's first word the model once tags as an organisation, with
    # no organisation's word before it, stays in the name
    text = (
        '"Air hangat membantu tidur lebih nyenyak," kata Bunga Lestari, pelatih yoga. '
        '"Cobalah setiap malam," kata Lestari.'
    )
    first = text.find("Bunga")
    mentions = sorted(
        [
            Mention("Bunga", "ORGANIZATION", first, first + 5),  # type: ignore[arg-type]
            mention_at(text, "Lestari", "PERSON"),
            mention_at(text, "Lestari", "PERSON", 1),
        ],
        key=lambda m: m.start,
    )
    assert direct_speakers(text, mentions) == ["Bunga Lestari", "Bunga Lestari"]


def test_a_doubles_pair_joined_by_a_hyphen_is_two_people() -> None:
    text = (
        "Ganda putra Kevin Sanjaya-Marcus Gideon menang di final. Kevin mengaku puas.\n\n"
        '"Kami tampil lepas hari ini," kata Kevin.\n\n"Lawan bermain sangat cepat," ujar Marcus.'
    )
    mentions = hand_mentions(
        text, ("Kevin Sanjaya", "PERSON"), ("Marcus Gideon", "PERSON"), ("Marcus", "PERSON")
    )
    mentions = [m for m in mentions if not (m.text == "Marcus" and text[m.end] == " ")]
    mentions += [mention_at(text, "Kevin", "PERSON", 1), mention_at(text, "Kevin", "PERSON", 2)]
    mentions.sort(key=lambda m: m.start)
    assert direct_speakers(text, mentions) == ["Kevin Sanjaya", "Marcus Gideon"]


def test_a_ticket_joined_by_a_hyphen_speaks_for_nobody_alone() -> None:
    text = (
        "Pasangan Budi Santoso-Rina Wijaya resmi mendaftar ke KPU dan berjanji membenahi "
        'pasar.,"Kami akan mulai dari pasar tradisional," kata dia.,Pendukung Budi Santoso '
        "dan Rina Wijaya memenuhi halaman kantor KPU."
    )
    # the model tags the ticket as one person where it is printed, each name where it stands
    pair = hand_mentions(text, ("Budi Santoso-Rina Wijaya", "PERSON"))
    alone = [
        m
        for m in hand_mentions(text, ("Budi Santoso", "PERSON"), ("Rina Wijaya", "PERSON"))
        if not any(p.start <= m.start < p.end for p in pair)
    ]
    assert direct_speakers(text, sorted(pair + alone, key=lambda m: m.start)) == [None]


def test_a_name_then_an_answer_verb_after_a_quote_tags_it() -> None:
    text = (
        '"Besok kita latihan pagi," kata Hendra.\n\n"Setuju, asal jangan terlalu pagi," '
        "Ahsan menimpali sambil tertawa."
    )
    assert direct_speakers(text, None) == ["Hendra", "Ahsan"]


def test_a_pronoun_before_an_answer_verb_is_no_name() -> None:
    text = 'Wartawan Dewi Lestari bertanya, "Berapa lama Anda di sini?" Ia menjawab, "Dua tahun."'
    assert "Ia" not in direct_speakers(text, None)


def test_a_reporting_clause_inside_a_sentence_opens_an_account() -> None:
    # "Andi, kata Rahmat, …": Rahmat reports; the pronoun cue after it is his
    text = (
        "Wali Kota Rahmat Hidayat bertemu Andi Wijaya di Bandung.\n\nAndi, kata Rahmat, "
        'ingin membangun taman baca di kampungnya.\n\n"Semoga tahun depan sudah jadi," '
        "ungkapnya."
    )
    mentions = hand_mentions(
        text, ("Rahmat Hidayat", "PERSON"), ("Andi Wijaya", "PERSON"), ("Rahmat", "PERSON")
    )
    mentions += [mention_at(text, "Andi", "PERSON", 1)]
    mentions = sorted(set(mentions), key=lambda m: m.start)
    assert direct_speakers(text, mentions) == ["Rahmat Hidayat"]


def test_words_relayed_by_someone_stay_the_speakers() -> None:
    # "kata Menteri Rina seperti disampaikan Dodi Firmansyah": Dodi relays Rina's words
    text = (
        "Menteri Rina Kusuma berpamitan kepada pegawai.,"
        '"Saya ingin semua tetap kompak sampai hari terakhir," kata Menteri Rina seperti '
        "disampaikan Dodi Firmansyah, Jumat (13/9/2019)."
    )
    assert direct_speakers(text, None) == ["Rina Kusuma"]


def test_a_doctor_title_with_a_dot_after_a_cue() -> None:
    text = (
        '"Minum air putih delapan gelas sehari," ujar dr. Sari Wulandari, dokter umum di '
        'Bogor.\n\n"Jangan tunggu haus," kata Prof. Budi Hartanto.'
    )
    assert direct_speakers(text, None) == ["Sari Wulandari", "Budi Hartanto"]


def test_khusus_opening_a_sentence_is_no_part_of_a_name() -> None:
    text = (
        "Komunitas sepeda lipat itu punya puluhan anggota. Khusus Tono, ia memodifikasi "
        'sepedanya untuk perjalanan jauh.\n\n"Saya suka tanjakan," ujar Tono.'
    )
    assert direct_speakers(text, None) == ["Tono"]


def test_an_agentless_passive_speech_verb_goes_on_with_the_last_speaker() -> None:
    # "Dikatakan, …" (it was said): the last speaker's account goes on, whoever it names
    text = (
        '"Asap masih tipis pagi ini," ujar Agus Wibowo, Kepala Pusdatin.,Dikatakan, Bupati '
        'Rudi Hartono sudah meninjau lokasi kebakaran kemarin sore.,"Besok ada tambahan dua '
        'helikopter," katanya.'
    )
    mentions = hand_mentions(text, ("Agus Wibowo", "PERSON"), ("Rudi Hartono", "PERSON"))
    assert direct_speakers(text, mentions) == ["Agus Wibowo", "Agus Wibowo"]


def test_a_short_form_of_a_one_word_name_takes_the_full_one() -> None:
    # "Taufiq" for "Taufiqulhadi", a one-word person the model tags before it
    text = (
        "Anggota Komisi III, Taufiqulhadi enggan berkomentar banyak.,Menurut Taufiq, "
        'keputusan itu terburu-buru.,"Harusnya dibahas dulu," kata Taufiq.'
    )
    mentions = sorted(
        [
            mention_at(text, "Taufiqulhadi", "PERSON"),
            Mention("Taufiq", "PERSON", text.find("Taufiq,"), text.find("Taufiq,") + 6),  # type: ignore[arg-type]
            Mention("Taufiq", "PERSON", text.rfind("Taufiq"), text.rfind("Taufiq") + 6),  # type: ignore[arg-type]
        ],
        key=lambda m: m.start,
    )
    assert direct_speakers(text, mentions) == ["Taufiqulhadi"]


def test_a_report_after_a_finished_quote_does_not_tag_it() -> None:
    # '"… perang.",Sebelumnya Gubernur X menyatakan jika …': a new report, not the quote's cue
    text = (
        '"Sudah tiga hari kami di sini," kata Abu Bakar, Minggu (15/9). "Sejak tahun 2013, '
        'karena perang.",Sebelumnya Gubernur DKI Anies Baswedan menyatakan jika nasib mereka '
        "menunggu keputusan pemerintah pusat."
    )
    assert direct_speakers(text, None) == ["Abu Bakar", "Abu Bakar"]


def test_words_quoted_in_a_sentence_go_to_the_name_before_its_verb() -> None:
    # "Setelah …, dengan mengalahkan X, Y mengungkapkan … bahwa … "…"": Y, named right before
    # the verb, not X of the clause before the comma
    text = (
        "Rudi Salim juara bertahan. Setelah laga itu, dengan mengalahkan Rudi Salim, Dedi "
        'Kurniawan mengungkapkan kepada wartawan bahwa ia bisa menang "karena doa ibu saya '
        'di kampung."'
    )
    mentions = hand_mentions(text, ("Rudi Salim", "PERSON"), ("Dedi Kurniawan", "PERSON"))
    assert direct_speakers(text, mentions) == ["Dedi Kurniawan"]


def test_a_sentence_opening_word_the_article_prints_in_lower_case_is_no_subject() -> None:
    # "Selidik punya selidik, …": the model's person is a common word opening a sentence
    text = (
        '"Aku jadi kepikiran dia terus sampai sekarang," terangnya.,Selidik punya selidik, ia '
        "sempat diberi camilan oleh gebetannya."
    )
    mentions = hand_mentions(text, ("Selidik", "PERSON"))
    assert direct_speakers(text, mentions) == [None]


def test_a_long_directorate_before_a_comma_then_its_head() -> None:
    text = (
        '"Komponen lokal harus jadi prioritas," ungkap Direktur Jenderal Industri Logam, '
        "Mesin, Alat Transportasi dan Elektronika (ILMATE) Kemenperin, Harjanto."
    )
    mentions = hand_mentions(text, ("Harjanto", "PERSON"), ("Kemenperin", "ORGANIZATION"))
    assert direct_speakers(text, mentions) == ["Harjanto"]


def test_a_name_then_its_own_clause_ending_with_a_demonstrative_is_no_anaphor() -> None:
    # "tanya Rudi untuk membuka topik tersebut": "tersebut" ends Rudi's clause, it does not
    # point back to someone described before
    text = (
        'Acara itu dibuka oleh pembawa acara Rudi Hartono dan Sinta Dewi. "Bagaimana kabar '
        'kalian semua malam ini?" tanya Rudi untuk membuka topik tersebut.'
    )
    mentions = hand_mentions(text, ("Rudi Hartono", "PERSON"), ("Sinta Dewi", "PERSON"))
    assert direct_speakers(text, mentions) == ["Rudi Hartono"]
