"""Quote round 22: general rules of how Indonesian news names speakers, each with a new
example sentence (not a gold article's). Mentions are written by hand, so the tests do not
depend on one NER model."""

from __future__ import annotations

from tests.enrich.hand_mentions import direct_speakers, hand_mentions
from warta.enrich.quotes import find_quotes
from warta.enrich.speakers import name_runs


def test_a_report_opened_by_menurut_is_the_named_persons_account() -> None:
    # "Menurut Darmawan, …" opens his account; the sentence after it is about his daughter
    # Nina, but "katanya" is still Darmawan's words, not Nina's (nor the last speaker's)
    text = (
        'Kepala Puskesmas Sukamaju Hendra Wijaya membenarkan ada tiga pasien. "Semua sudah '
        'kami rujuk," kata Hendra.\n\nMenurut Darmawan, anaknya sempat dirawat dua hari. '
        'Nina Lestari lalu dibawa pulang ke rumah neneknya di Cianjur.\n\n"Sekarang dia sudah '
        'mau makan lagi," katanya.'
    )
    mentions = hand_mentions(
        text,
        ("Hendra Wijaya", "PERSON"),
        ("Hendra", "PERSON"),
        ("Darmawan", "PERSON"),
        ("Nina Lestari", "PERSON"),
        ("Cianjur", "PLACE"),
    )
    assert direct_speakers(text, mentions) == ["Hendra Wijaya", "Darmawan"]


def test_menurut_gives_way_to_someone_named_speaking_after_it() -> None:
    # a weak verb of speech after the report ("Nina mengakui") names who speaks next
    text = (
        'Kepala Puskesmas Sukamaju Hendra Wijaya membenarkan ada tiga pasien. "Semua sudah '
        'kami rujuk," kata Hendra.\n\nMenurut Darmawan, anaknya sempat dirawat dua hari. '
        'Nina Lestari mengakui sempat takut.\n\n"Sekarang saya sudah mau makan lagi," '
        "katanya."
    )
    mentions = hand_mentions(
        text,
        ("Hendra Wijaya", "PERSON"),
        ("Hendra", "PERSON"),
        ("Darmawan", "PERSON"),
        ("Nina Lestari", "PERSON"),
    )
    assert direct_speakers(text, mentions) == ["Hendra Wijaya", "Nina Lestari"]


def test_menurut_an_organisation_opens_no_persons_account() -> None:
    # "menurut World Health Organization": no person for the model, so the pronoun cue goes
    # to the person the sentences are about, as before
    text = (
        "Bahkan, menurut World Health Organization, kasus depresi akan naik. Psikiater "
        'Ratna Dewi menerima sepuluh pasien sebulan.\n\n"Sebagian besar masih muda," kata dia.'
    )
    mentions = hand_mentions(
        text, ("World Health Organization", "ORGANIZATION"), ("Ratna Dewi", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Ratna Dewi"]


def test_a_role_printed_in_english_joined_by_and_is_no_name() -> None:
    # "Sales and Service Director": "&", "and" or "of" join the words of a role printed in
    # English; its first word ("Customer", "Research") is no speaker, the name after it is
    text = (
        '"Permintaan naik dua kali lipat," kata Customer & Service Director PT Lintas Data, '
        'Wahyu Pratama.\n\n"Kami menambah gudang," ujar Research and Development Manager '
        "Sinta Maharani."
    )
    mentions = hand_mentions(
        text,
        ("PT Lintas Data", "ORGANIZATION"),
        ("Wahyu Pratama", "PERSON"),
        ("Sinta Maharani", "PERSON"),
    )
    assert direct_speakers(text, mentions) == ["Wahyu Pratama", "Sinta Maharani"]
    assert direct_speakers(text, None) == ["Wahyu Pratama", "Sinta Maharani"]


def test_two_names_joined_by_an_ampersand_are_not_merged() -> None:
    text = '"Kami siap tampil," ujar Dodi & Rini, duo asal Bandung.'
    assert direct_speakers(text, None) == ["Dodi"]


def test_a_degree_glued_by_a_dot_is_no_name() -> None:
    # "ST.MT", "Sp.OK", "S.Psi": the short word after the dot is the degree's tail, no
    # speaker of reported speech and no name run
    text = "Kepala Bidang Tata Ruang, Agus Salim ST.MT mengaku, izin itu belum terbit."
    assert [q.speaker for q in find_quotes(text, "id")] in ([], ["Agus Salim"])
    text = "Psikolog Maya Anggraini, S.Psi, menangani belasan kasus."
    assert "Psi" not in [text[lo:hi] for lo, hi in name_runs(text)]


def test_a_surname_glued_to_an_initial_stays_a_name() -> None:
    text = "Ketua perhimpunan, dr. Nusye E.Tamara, menjelaskan, bakteri itu menular."
    assert "Tamara" in [text[lo:hi] for lo, hi in name_runs(text)]


def test_nickname_declarations_in_their_other_forms() -> None:
    # "sapaan akrabnya", "sapaan karib" and a single dash declare a nickname as "sapaan akrab"
    # does: the quotes cued by the nickname go to the full name
    text = (
        "Pelatih kepala Bonifasius Hutapea memimpin latihan pagi.\n\n"
        '"Semua pemain wajib datang tepat waktu," kata Boni, sapaan akrabnya Bonifasius.\n\n'
        "Kiper muda Yohanes Kareth ikut berlatih. Anes -sapaan karib Yohanes Kareth- "
        'mengaku senang.\n\n"Saya belajar banyak," ujar Anes.'
    )
    mentions = hand_mentions(
        text,
        ("Bonifasius Hutapea", "PERSON"),
        ("Bonifasius", "PERSON"),
        ("Boni", "PERSON"),
        ("Yohanes Kareth", "PERSON"),
        ("Anes", "PERSON"),
    )
    assert direct_speakers(text, mentions) == ["Bonifasius Hutapea", "Yohanes Kareth"]


def test_a_clause_opening_the_sentence_does_not_hold_its_subject() -> None:
    # "Ketika Rudi …, Sari …": the sentence is about Sari, named after the clause's comma, so
    # "katanya" after it is hers; a phrase of time ("Saat itu Rudi …") is no such clause
    text = (
        'Pelatih Rudi Hartono memuji timnya. "Mereka bermain disiplin," kata Rudi.\n\n'
        "Ketika Rudi meminta pemain menambah latihan, Sari Wulandari langsung "
        'menyanggupi.\n\n"Kami siap berlatih dua kali sehari," katanya.'
    )
    mentions = hand_mentions(
        text, ("Rudi Hartono", "PERSON"), ("Rudi", "PERSON"), ("Sari Wulandari", "PERSON")
    )
    assert direct_speakers(text, mentions) == ["Rudi Hartono", "Sari Wulandari"]
    timed = text.replace(
        "Ketika Rudi meminta pemain menambah latihan, Sari Wulandari langsung menyanggupi.",
        "Saat itu Rudi meminta pemain menambah latihan, termasuk kapten Sari Wulandari.",
    )
    assert direct_speakers(timed, mentions) == ["Rudi Hartono", "Rudi Hartono"]


def test_the_agent_of_a_passive_relative_clause_is_not_the_subject() -> None:
    # "Rancangan yang disusun Bupati Anwar …": the sentence is about the draft; the one who
    # drew it up is named inside a clause, and "ujarnya" stays with the one named before
    text = (
        "Anggota DPRD Lina Marlina mengkritik anggaran daerah. Rancangan yang disusun Anwar "
        'Hidayat menuai kritik.\n\n"Banyak pos yang tidak perlu," ujarnya.'
    )
    mentions = hand_mentions(text, ("Lina Marlina", "PERSON"), ("Anwar Hidayat", "PERSON"))
    assert direct_speakers(text, mentions) == ["Lina Marlina"]
    # ... but what someone said ("seperti yang diungkap X", "tanggapan yang diberikan X")
    # names the speaker
    spoken = text.replace("Rancangan yang disusun", "Tanggapan yang diberikan")
    assert direct_speakers(spoken, mentions) == ["Anwar Hidayat"]


def test_a_name_before_a_passive_verb_after_an_adverb_is_no_subject() -> None:
    # "Dodi masih diperiksa": what happens to Dodi is the news, not his words; "katanya"
    # stays with the police chief who spoke
    text = (
        'Kapolsek Cibinong AKP Hendra Saputra membenarkan penangkapan itu. "Pelaku kami '
        'tangkap di rumahnya," kata Hendra.\n\nSaat ini Dodi Irawan masih diperiksa di '
        'Mapolsek Cibinong.\n\n"Kami juga menyita sepeda motor," katanya.'
    )
    mentions = hand_mentions(
        text,
        ("Hendra Saputra", "PERSON"),
        ("Hendra", "PERSON"),
        ("Dodi Irawan", "PERSON"),
        ("Mapolsek Cibinong", "ORGANIZATION"),
    )
    assert direct_speakers(text, mentions) == ["Hendra Saputra", "Hendra Saputra"]
