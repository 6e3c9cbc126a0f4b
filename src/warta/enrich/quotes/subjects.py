"""Whom the sentences are about: the person a sentence names as its subject, the
person a pronoun cue ("katanya") stands for, sentence by sentence back from the cue, and the
appositive and anaphor patterns ("Dr Brian Kantor, dokter gigi …, mengatakan", "Pria berusia
44 tahun ini menyatakan") that decide it."""

from __future__ import annotations

import re
from bisect import bisect_left

from warta.enrich.quotes.marks import _SENTENCE_END, _within_ranges
from warta.enrich.quotes.names import (
    _ACRONYM,
    _HONORIFICS,
    _NAME_RUN,
    _PERSON_NOUNS,
    _PREPOSITION_BEFORE,
    _PRONOUNS,
    _RELATION_BEFORE,
    _RUN,
    _has_word,
    _is_handle,
)
from warta.enrich.quotes.state import _ReaderState
from warta.enrich.speakers import (
    after_organisation_kind,
    at_sentence_start,
    is_common_word,
    is_name_stopword,
    name_runs,
    person_at_run,
    person_in,
)
from warta.enrich.speakers.names import stopword_section

# A pronoun standing for a person in a sentence: the person is the one talked about before.
# "Pihaknya" (his side: the office the speaker stands for) too.
_PRONOUN = re.compile(
    r"(?<![\w-])(?:[Dd]ia|[Ii]a|[Bb]eliau|[Dd]irinya|[Pp]ihaknya|He|he|She|she)(?![\w-])"
)

# An organisation's name is followed by its abbreviation: "(BIL)", "(Satpel LH)".
# ... or one glossed with its acronym in brackets: "kecerdasan buatan (Artificial
# Intelligence/AI)", a term, no person.
_ACRONYM_AFTER = re.compile(r"\s*\((?:[A-Z][\w-]*\s?){1,3}\)|[ \t\xa0]*/[ \t\xa0]*[A-Z]{2,}\)")

# Nouns that describe the person just named: "Karliansyah warga Palangka Raya", "Aminah, ibu …".
_DESCRIBING_NOUNS = frozenset(
    "warga pria wanita perempuan lelaki pemuda remaja gadis ibu bapak mahasiswa mahasiswi siswa"
    " pelajar pedagang petani nelayan sopir pengemudi karyawan karyawati buruh pegawai guru"
    " penjual pembeli pengunjung penumpang pemilik penghuni korban saksi relawan".split()
)
# Words that open a sentence turning to another person: "Sementara itu, Gubernur …"; or
# bringing in one of a group: "Salah satu perwakilan dari BEM UI, Manik …. Ia menyatakan".
_TOPIC_SHIFT = re.compile(
    r"[\s,\"”]*(?:Sementara[ \t\xa0]+itu|Sedangkan|Di[ \t\xa0]+sisi[ \t\xa0]+lain|Di[ \t\xa0]+lain"
    r"[ \t\xa0]+pihak|Adapun|Meanwhile|Salah[ \t\xa0]+satu(?:nya)?|(?:Satu[ \t\xa0]+)?[Dd]i"
    r"[ \t\xa0]+antaranya)\b"
)

# Lower-case words before a name that make it the owner of a thing, not the one who acts:
# "tampilan Alief yang sederhana juga membuat Addie tertarik", "mengunggah video Alief".
_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<word>[a-z]+)[ \t\xa0]+\Z")
_POSSESSED = frozenset("milik video foto akun lagu karya rumah mobil".split())
_NOT_POSSESSED = frozenset("kemudian belakangan perlahan sebagian dengan bulan tahun".split())


def _possessor(text: str, position: int) -> bool:
    """True when the name at ``position`` follows a thing it owns: a listed noun, or a noun
    made with "-an" ("tampilan Alief", "pernyataan Jokowi"; not a "-kan" verb: "mengatakan",
    nor a person noun in "-wan"/"-man": "ilmuwan Budi", "sejarawan Anhar", "seniman Butet")."""
    before = _WORD_BEFORE.search(text, max(0, position - 20), position)
    if before is None:
        return False
    word = before.group("word")
    return word in _POSSESSED or (
        len(word) >= 6
        and word.endswith("an")
        and not word.endswith(("kan", "wan", "man"))
        and word not in _NOT_POSSESSED
    )


# The lower-case word after a name, a comma allowed: "Maryati, ibu rumah tangga".
_DESCRIBED_AFTER = re.compile(r",?[ \t\xa0]+([a-z]+)\b")
# A lower-case word right after a name that opens a sentence: the name is its subject.
_LOWER_WORD_AFTER = re.compile(r"[ \t\xa0]+[a-z]")

# A relative named by the person they belong to, at a sentence start: "Putri Sinta, Alissa
# Wahid, sempat bercerita" ("Ibu" and "Ayah" are not here: titles too, "Ibu Sri Mulyani").
_RELATIVE_OF = re.compile(
    r"(?:Putri|Putra|Istri|Suami|Anak|Kakak|Adik|Ayahanda|Ibunda|Cucu|Menantu|Keponakan)"
    r"[ \t\xa0]+[A-Z]"
)
# A name right after a comma: the relative's own name ("Putri Sinta, Alissa Wahid"), unlike a
# description ("Putri Maharani, warga Bekasi": Putri is her given name).
_NAME_AFTER_COMMA = re.compile(r",[ \t\xa0]*[A-Z]")
# What may join the capitalised runs of one long subject: spaces, brackets, commas, "of".
_SUBJECT_GAP = re.compile(r"[ \t\xa0,()]*(?:(?:of|for|and|the|dan|untuk)[ \t\xa0]+)?[ \t\xa0(]*")

# "pihak Ditlantas (maupun Jasa Marga)": the side of an organisation, never a person's name.
_PARTY_BEFORE = re.compile(
    r"(?<![\w-])pihak[ \t\xa0]+(?:(?:[A-Z][\w-]*[ \t\xa0]*){1,4},?[ \t\xa0]*"
    r"(?:maupun|dan|serta|atau)[ \t\xa0]+)?$"
)

# A name set off by a comma, then its description up to the verb: "Hal Eddins, Chief Economist
# Capital Investment Counsel, mengatakan", "Rossi, pebalap Monster Energy Yamaha mengatakan".
# What follows a name's comma that is no description of the person: an auxiliary or an
# adverb, a verb of their own ("memberikan", "berharap"), or a clause that ends in "yang".
_NO_DESCRIPTION = re.compile(
    r"(?:akan|telah|sudah|juga|pun|kemudian|lalu|kembali|sempat|tidak|belum|masih|pernah)\b"
    r"|(?:me|be[rl])[a-z]{4,}\b|.*[ \t\xa0]yang[ \t\xa0,]*\Z"
)

_APPOSITIVE = re.compile(
    rf"(?P<name>{_NAME_RUN}),[ \t\xa0]+(?P<role>[^.;!?\"“”\n]{{3,120}}?),?[ \t\xa0]*\Z"
)


def _appositive_speaker(reader: _ReaderState, position: int, subject_at: int | None) -> str | None:
    """The person named first in the sentence of a speech verb at ``position`` when a
    description of them runs from the comma after the name up to the verb, so that the
    capitalised words right before the verb are their office or company, not the speaker
    ("Dr Brian Kantor, dokter gigi kosmetik Lowenberg, Lituchy & Kantor di New York, Amerika
    Serikat, mengatakan" → Brian Kantor). The name opens its sentence or follows a comma."""
    text = reader.text
    floor = max(0, position - 200)
    head = max((m.end() for m in _SENTENCE_END.finditer(text, floor, position)), default=floor)
    for run in _RUN.finditer(text, head, position):
        before = text[head : run.start()].rstrip(' \t\xa0"“”')
        if before and not before.endswith(","):
            continue  # not "… tim Monster Energy Yamaha, Rossi": a name inside a clause
        match = _APPOSITIVE.match(text, run.start(), position)
        if (
            match is None
            or match.end("name") != run.end()
            or run.group().split()[0].lower() in _PERSON_NOUNS
        ):
            # "Melansir laman ,, Dr Brian Kantor, …": the name comes later; "Warga Parepare,
            # Sekar Ayu Eka, …": a description before the name
            continue
        if _NO_DESCRIPTION.match(match.group("role")):
            # "kakaknya, Ilham Akbar Habibie, akan menyampaikan", "Ernesto Valverde, memberikan
            # tanggapan soal rumor yang mengatakan": the verb's own clause, not a description
            return None
        if subject_at is not None and subject_at <= run.end():
            return None  # the subject is this name itself: the usual reading finds it
        # Read as inside a sentence: the comma and the description are evidence enough that
        # a sentence-opening "Hal Eddins" is a name, not "Hal ini"; one word must be a name
        # the article uses for a person.
        person = person_in(run.group())
        if person is None or not run.group().endswith(person):
            return None
        if any(w.rstrip(".") not in _HONORIFICS for w in run.group()[: -len(person)].split()):
            return None  # "Kabid Humas Polda Metro Jaya, Kombes Argo Yuwono": a role first
        full = reader.canonical(person, run.start())
        if full is None or (" " not in full and full not in reader.known):
            return None
        return full
    return None


# A passive verb right after a name: the name is the patient ("Dzulmi ditangkap", "Ahok
# divonis"). Verbs of being reached for a word ("dihubungi", "ditemui", "dikonfirmasi") are not
# such: the one reached then speaks.
_PATIENT_VERB_AFTER = re.compile(
    # (an adverb or two may stand before the verb: "Ricky masih diamankan", "Budi pun
    # langsung dibawa")
    r"[ \t\xa0]+(?:(?:telah|sudah|sempat|masih|akan|sedang|tengah|pun|juga|lalu|kemudian"
    r"|langsung|segera|kembali|baru)[ \t\xa0]+){0,2}"
    r"di(?!hubungi|temui|jumpai|konfirmasi|wawancara|tanya|mintai|kutip|lansir|sela|rinya)"
    r"[a-z]{4,}(?![\w-])"
)
# "… tersebut dibeberkan X", "Hal itu disampaikan oleh X": a thing said, and by whom.
_PASSIVE_SPEECH = re.compile(
    r"\s+(?:ini|itu|tersebut)(?:\s+(?:pun|juga|lah))*\s+di(?:sampaikan|ungkapkan|beberkan"
    r"|katakan|jelaskan|tegaskan|utarakan|paparkan|kemukakan|sebutkan|ucapkan|tuturkan|akui"
    r"|nyatakan|bongkar|ceritakan|terangkan|umumkan)\b"
)

# A sentence opening with a description of a person spoken of before: "Sutradara film Berbagi
# Suami ini mengaku", "Pria 40 tahun itu menambahkan" (the noun is checked against the list).
_PERSON_ANAPHOR_HEAD = re.compile(
    r"(?P<noun>[A-Z][a-z-]+)(?:[ \t\xa0]+[\w-]+){0,5}?[ \t\xa0]+(?:ini|itu|tersebut)"
    r"(?:[ \t\xa0]+(?:pun|juga|bahkan|lalu|kemudian|pun))?[ \t\xa0]+[a-z]"
)
# "istri presenter Prabu Revolusi ini", "putri Presiden Joko Widodo itu": a person described as
# someone's relative (a lower-case relation, up to three lower-case words, the relative's name,
# then "ini/itu/tersebut") is the person spoken of before, not the one named.
_RELATIONS = (
    "istri suami anak putra putri ibu ayah ibunda ayahanda kakak adik kekasih pacar tunangan"
    " menantu mertua cucu keponakan"
).split()
_RELATIVE_ANAPHOR = re.compile(
    rf"(?<![\w-])(?:(?:{'|'.join(_RELATIONS)})(?:[ \t\xa0]+[a-z][\w-]*){{0,3}}"
    # capitalised too, opening a sentence, with a lower-case word after it: "Suami dari artis
    # Marcella Zalianty ini pun …" (not a name: "Putri Tanjung ini", "Anak Agung Ngurah itu")
    rf"|(?:{'|'.join(r.capitalize() for r in _RELATIONS)})(?:[ \t\xa0]+[a-z][\w-]*){{1,3}})"
    r"(?:[ \t\xa0]+[A-Z][\w'’-]*){1,4}[ \t\xa0]+(?:ini|itu|tersebut)\b"
)
_ANAPHOR = re.compile(
    r"(?P<noun>[A-Za-z][\w-]*)(?:[ \t][\w-]+){0,6}?[ \t](?:ini|itu|tersebut)"
    r"(?:[ \t]+(?:pun|juga|bahkan|lalu|kemudian))?[ \t]+\Z"
)


# A passive verb in a relative clause right before a name: "Surpres yang dikeluarkan Jokowi
# menentukan …", "film yang dibintangi Dimas": the name is the agent inside a phrase about a
# thing, not whom the sentence is about; but not a name the person goes by ("yang disapa
# Dani"), nor who said something ("seperti yang diungkap Nate", "respon yang diberikan Won":
# a verb or a noun of speech, see ``_relative_agent``).
_RELATIVE_AGENT = re.compile(
    r"(?<![\w-])(?P<noun>[\w-]+)[ \t\xa0]+yang[ \t\xa0]+(?!di(?:sapa|panggil|sebut|kenal"
    r"|juluki|ungkap|sampaikan|katakan|jelaskan|tegaskan|utarakan|paparkan|kemukakan|tuturkan"
    r"|ucapkan|nyatakan|ceritakan|terangkan|umumkan|akui|tulis|unggah)\w*\b)di[a-z]{3,}"
    r"[ \t\xa0]+(?:oleh[ \t\xa0]+)?\Z"
)
# Nouns for what someone says: "respon yang diberikan X" names a speaker.
_SPEECH_NOUNS = frozenset(
    "respon respons tanggapan jawaban pernyataan keterangan penjelasan komentar pesan ucapan"
    " kritik saran usulan pendapat janji klaim".split()
)
# A subordinate clause opening a sentence ("Ketika X …, Y …", "Meski diisukan …, Atta …"),
# not a phrase of time or manner ("Saat itu", "Meski demikian", "Setelah ini").
_SUBORDINATE_OPENER = re.compile(
    r"(?:Ketika|Saat|Setelah|Sebelum|Meski|Meskipun|Walaupun|Walau|Jika|Kalau|Karena|Sejak"
    r"|Usai|Seusai|Selama|Sambil)[ \t\xa0]+(?!(?:itu|ini|demikian|begitu|pula|tersebut)\b)"
)
# A sentence that opens by saying whose words it reports, by a pronoun: "Menurutnya, …",
# "Menurut dia, …", "Kata dia, …".
_REPORTED_OPENER = re.compile(
    r"(?:Menurut(?:nya|[ \t\xa0]+(?:dia|ia|beliau))|Kata(?:nya|[ \t\xa0]+dia))[ \t\xa0]*,"
)


def _relative_agent(text: str, start: int) -> bool:
    """True when the name at ``start`` is the agent of a passive verb in a relative clause
    about a thing ("Surpres yang dikeluarkan Jokowi"), not about someone's words."""
    match = _RELATIVE_AGENT.search(text, max(0, start - 48), start)
    return match is not None and match.group("noun").lower() not in _SPEECH_NOUNS


def _titled(lead: str) -> bool:
    """True when the words ``lead`` before a name in its run end with a title or a role:
    "Kapolsek Medan Area Kompol" before "Anjas Asmara" marks a person, whatever the model
    reads the whole run as."""
    words = lead.split()
    # the asset's titles and roles only, not the office fields that read as roles inside a
    # longer one ("Pembangunan" of "Menteri Desa, Pembangunan Daerah Tertinggal")
    return bool(words) and words[-1].rstrip(".,").lower() in stopword_section("# titles and roles")


def _person_noun_anaphor(text: str, position: int) -> bool:
    """True when the clause before the cue at ``position`` is a description of a person
    spoken of before: "Pria berusia 44 tahun ini bahkan menyatakan", "Perupa ini mengatakan"."""
    floor = max(0, position - 80)
    start = max(text.rfind(mark, floor, position) for mark in ".,\n") + 1 or floor
    while start < position and text[start] in ' \t\xa0"”':
        start += 1
    match = _ANAPHOR.match(text, start, position)
    return match is not None and match.group("noun").lower() in _PERSON_NOUNS


# A second person joined to a subject: "Aero dan Aqsa akan …", "Raffi & Nagita".
_PAIR_AFTER = re.compile(
    r"[ \t\xa0]+(?:dan|serta|&)[ \t\xa0]+(?P<other>[A-Z][a-z])(?:[\w'’-]*[ \t\xa0]+[A-Z])"
    r"{0,3}[\w'’-]*[ \t\xa0]+[a-z]"
)

# A list opener right before a name: "yakni Juwarin (48), …", "di antaranya Budi".
_LIST_BEFORE = re.compile(
    r"(?<![\w-])(?:yakni|yaitu|antara[ \t\xa0]+lain|di[ \t\xa0]*antaranya)[ \t\xa0]*[,:]?[ \t\xa0]*\Z"
)
# The first of two people right before the second: "Yunho dan Changmin".
_PAIR_BEFORE = re.compile(
    r"(?<![\w-])[A-Z][a-z][\w'’-]*(?P<first_end>)[ \t\xa0]+(?:dan|serta|&)[ \t\xa0]+\Z"
)
# "yang akrab disapa Fully ini": the name someone goes by, then the anaphor's end.
_CALLED_BEFORE = re.compile(r"(?<![\w-])(?:di)?(?:sapa|panggil)[ \t\xa0]+\Z")
_THIS_AFTER = re.compile(r"[ \t\xa0]+(?:ini|itu)(?![\w-])")


class _Subjects(_ReaderState):
    """Whom the sentences are about: a sentence's subject, a pronoun cue's person."""

    def person_at(
        self, start: int, end: int, first_by: int | None = None, *, agent: bool = False
    ) -> str | None:
        """The first person named in ``text[start:end]`` outside quotes: a name of two or more
        words, or one word the article uses as a name elsewhere. With ``agent``, a name
        followed by a passive verb ("Dzulmi ditangkap …") is what happens to someone, not who
        acts or speaks, and is passed over."""
        text = self.text
        chained = -1  # the end of the last run, in a subject phrase that began by ``first_by``
        for lo, hi in name_runs(text, start, end):
            # "Sementara itu, Tenaga Ahli Menteri … Calendar of Event (CoE) Esthy Reko Astuti
            # berharap": one long capitalised subject goes on past the limit
            if (
                first_by is not None
                and lo >= first_by
                and (chained < 0 or not _SUBJECT_GAP.fullmatch(text, chained, lo))
            ):
                return None
            chained = hi
            if agent and _LIST_BEFORE.search(text, max(0, lo - 24), lo):
                # "… menangkap empat pelaku, yakni Juwarin (48), Eko (24) …": the people a list
                # names are what the sentence is about, not who acts or speaks in it
                return None
            if (
                agent
                and _CALLED_BEFORE.search(text, max(0, lo - 12), lo)
                and _THIS_AFTER.match(text, hi, hi + 10)
                and " " not in (self.canonical(text[lo:hi], lo) or " ")
            ):
                # "pria yang karib disapa Fully ini": a nickname of the person spoken of
                # before, which the text gives no full form of; that person, not a new one
                return None
            if agent and (
                _PATIENT_VERB_AFTER.match(text, hi)
                or _possessor(text, lo)
                or _relative_agent(text, lo)
            ):
                continue
            if (
                self._inside_quote(lo)
                or _ACRONYM_AFTER.match(text, hi, hi + 20)
                or _within_ranges(self.links, lo)
            ):
                # inside a quote or a "Baca juga" link, or an organisation with its acronym:
                # "… Lombok (BIL)"
                continue
            if (
                _PREPOSITION_BEFORE.search(text, max(0, lo - 12), lo)
                or text.startswith((" &", " of ", " for "), hi)
                or after_organisation_kind(text, lo)
                or _PARTY_BEFORE.search(text, max(0, lo - 60), lo)
            ):
                # a place, part of a role ("Channel Sales & Marketing Manager", "Bidang
                # Management Calendar of Event"), or a party
                # to something ("Baik pihak Ditlantas maupun Jasa Marga perlu berdiskusi")
                continue
            if _RELATION_BEFORE.search(text, max(0, lo - 22), lo):
                continue  # "mantan suami Barbie, Bagus …": the relative is not the subject
            if (
                _RELATIVE_OF.match(text, lo, hi)
                and text.startswith(",", hi)
                and _NAME_AFTER_COMMA.match(text, hi)
            ):
                continue  # "Putri Sinta, Alissa Wahid, …": the daughter, named next, acts
            if text[lo:hi] in self.known and _ACRONYM.fullmatch(text[lo:hi]):
                return text[lo:hi]  # "NIKI", a singer the article quotes by her stage name
            person = person_at_run(text, lo, hi, sentence_start=at_sentence_start(text, lo))
            people = self.people
            if (
                not person
                and people is not None
                and people.person_exactly(lo, hi)
                and " " not in text[lo:hi]
                and text[max(0, lo - 2) : lo].strip(" \t\xa0") == ","
            ):
                # "mantan suami Barbie, Bagus akhirnya …": a name that is also a word ("bagus",
                # good) is a person where the model says so, after a comma (not at a sentence
                # start, where the model is least sure)
                person = text[lo:hi]
            if not person:
                continue
            if people is not None:
                if self._not_a_person(person, lo, hi):
                    continue  # "Puskesmas Pulang Pisau": an organisation for the model
                at = lo + text[lo:hi].rfind(person)
                if " " not in person and people.person_at(at, at + len(person)):
                    full = self.canonical(person, lo)
                    if full and not people.is_other(full):
                        if agent and (self._paired(lo, hi) or self._second_of_pair(lo)):
                            return None
                        return full  # "Bagi Niki, …": a person for the model
            if " " not in person and not person.startswith("@") and person not in self.known:
                full = self.canonical(person, lo)
                if (full is None or " " not in full) and not self._described_person(hi):
                    continue
                person = full or person
            full = self.canonical(person, lo)
            if people is not None and full and not full.startswith("@"):
                if people.is_other(full):
                    continue  # "Puskesmas" for "Puskesmas Pulang Pisau"
                if not people.is_person(full) and any(is_common_word(w) for w in full.split()):
                    continue  # "Upah riil-nya naik": a word, no person for the model
                if (
                    self._never_a_person(full, person)
                    and not self._described_person(hi)
                    and not _titled(text[lo:at])
                ):
                    continue  # "Nissan Terra", "New York", "Daerah Tertinggal": a thing
            if agent and (self._paired(lo, hi) or self._second_of_pair(lo)):
                return None
            return full
        return None

    def _paired(self, lo: int, hi: int) -> bool:
        """True when the person named by the run ``text[lo:hi]`` acts together with another
        person joined by "dan" ("Aero dan Aqsa akan turun …", "Imam Nahrawi dan Miftahul Ulum
        sudah …"): two people, so a singular pronoun cue ("demikian dia", "katanya") stands
        for neither, but for someone named before. Both must be people for the NER model (not
        "Menteri Komunikasi dan Informatika Rudiantara")."""
        text = self.text
        pair = _PAIR_AFTER.match(text, hi, hi + 60)
        people = self.people
        if pair is None or people is None or not people.person_at(lo, hi):
            return False
        other = _RUN.match(text, pair.start("other"))
        if other is None:
            return False
        return people.person_at(other.start(), other.end()) and bool(
            person_at_run(text, other.start(), other.end())
        )

    def _second_of_pair(self, lo: int) -> bool:
        """True when the run at ``lo`` is the second of two people joined by "dan" ("…
        diberikan Yunho dan Changmin untuk …"), the first a person for the NER model."""
        pair = _PAIR_BEFORE.search(self.text, max(0, lo - 40), lo)
        people = self.people
        return (
            pair is not None
            and people is not None
            and people.person_at(pair.start(), pair.start("first_end"))
        )

    def subject_before(self, position: int) -> str | None:
        """The person a pronoun cue ("katanya", "kata dia") at ``position`` stands for.

        Sentence by sentence back from ``position``: the first person named outside quotes in
        the nearest sentence that names one; a sentence whose pronoun ("ia", "dirinya") or
        anaphor ("Kakak Raoul Salim ini") comes before any name is about the person before it,
        that is, the last speaker when there is one; reaching the last quote gives its speaker.
        """
        starts = self.sentence_starts
        floor = max(0, position - 600)
        reporter = self._according_to(max(self.last_close, floor), position)
        if reporter:
            return reporter
        at = bisect_left(starts, position)
        end = position
        while at > 0:
            at -= 1
            begin = starts[at]
            if begin < floor:
                break
            if begin >= end:
                continue
            if begin <= self.last_close < end and self.last_speaker:
                return self.last_speaker  # back at the last quote: its speaker goes on
            quote_at = self._quote_at(begin)
            if quote_at is not None and quote_at[1] >= end:
                end = begin
                continue
            found = self._subject_in(begin, end)
            if found and self._common_here(found):
                found = None  # "Demi …", "Ruang …": a word the article also prints in lower case
            if found == "":
                # A pronoun, or "Hal ini" going on about someone: the one who spoke since
                # the last quote ("DIY Trisaktiyana menjelaskan …. Hal ini …"), else its speaker.
                recent = self._last_reporter(max(self.last_close, floor), begin)
                if recent:
                    return recent
                shifted = self._shifted_subject(at, max(self.last_close, floor))
                if shifted:
                    return shifted
                if self.last_speaker:
                    return self.last_speaker
            elif found is not None:
                return found
            end = begin
        return self.last_speaker

    def subject_after(self, position: int, limit: int = 320) -> str | None:
        """The person a pronoun cue at ``position`` stands for when nobody is named before it
        (an article that opens with a quote): the first sentence after it, within ``limit``
        characters, whose subject is a named person ('"…," kata dia. Isyana mengaku …').
        Sentences inside quotes are passed over; a sentence that names nobody goes on to the
        next."""
        starts = self.sentence_starts
        stop = min(len(self.text), position + limit)
        at = bisect_left(starts, position + 1)
        while at < len(starts) and starts[at] < stop:
            begin = starts[at]
            end = starts[at + 1] if at + 1 < len(starts) else len(self.text)
            at += 1
            if self._inside_quote(begin):
                continue
            found = self._opening_subject(begin, min(end, stop))
            if found:
                return found
        return None

    def _opening_subject(self, start: int, end: int) -> str | None:
        """The person whose name opens the sentence ``text[start:end]`` and acts in it
        ("Isyana mengaku …", "Raffi Ahmad juga sempat …"), not one named later in it ("Netizen
        menyadari cara penulisan nama Bewhy"), nor a thing ("Bus itu …")."""
        text = self.text
        head = text[start:end].lstrip(' ,"“”-–\t\xa0')
        offset = start + (len(text[start:end]) - len(head))
        run = _RUN.match(text, offset, end)
        if run is None or not _LOWER_WORD_AFTER.match(text, run.end(), end):
            return None
        person = person_at_run(text, run.start(), run.end(), sentence_start=True)
        if not person or self._inside_quote(run.start()):
            return None
        lead = text[run.start() : run.end()].rsplit(person, 1)[0].split()
        if not all(is_name_stopword(word) for word in lead):
            return None  # "Alasan Bewhy menulis …", "Terlihat Anwar …": the name is no subject
        full = self.canonical(person, run.start())
        people = self.people
        if full and self._common_here(full):
            return None  # "Selidik punya selidik, …": a word printed in lower case too
        if not full or (people is not None and not people.is_person(full)):
            return None  # "Bus itu", "Netizen menyadari": no person for the model
        if people is None and " " not in full and full not in self.known:
            return None
        return full

    def _described_person(self, end: int) -> bool:
        """True when a one-word name ending at ``end`` is described as a person right after
        it: "Karliansyah warga Palangka Raya lainnya juga mengatakan", "Maryati, ibu rumah
        tangga"."""
        after = _DESCRIBED_AFTER.match(self.text, end, end + 24)
        return after is not None and after.group(1) in _DESCRIBING_NOUNS

    def _shifted_subject(self, at: int, floor: int) -> str | None:
        """The person named by the sentence before sentence ``at`` when it turns to a new
        subject after the last quote (``floor``): "Sementara itu, Gubernur Jawa Tengah, Ganjar
        Pranowo mengapresiasi …. Meski begitu, dia …" is about Ganjar, not the last speaker."""
        if at < 1:
            return None
        begin, end = self.sentence_starts[at - 1], self.sentence_starts[at]
        if begin <= floor or not _TOPIC_SHIFT.match(self.text, begin, end):
            return None
        found = self._subject_in(begin, end)
        return found or None

    def _according_to(self, start: int, end: int) -> str | None:
        """The person named by the last "Menurut X" in ``text[start:end]`` (outside quotes),
        when nobody is named before a speech verb after it: a report opened by "Menurut X, …"
        is X's account, whoever its sentences are about ("Menurut Darmawan, anaknya sempat
        dirawat …. Nina lalu dibawa pulang …" then '"…," katanya' is Darmawan's). None when
        the text names no person there ("Menurut polisi", "Menurut dia")."""
        text = self.text
        if self._passive_openers is None:
            self._passive_openers = list(self.patterns["passive_by"].finditer(text))
        # "Diakui X, …" (a passive verb of speech and its agent) opens X's account too
        passive = [m for m in self._passive_openers if start <= m.start() and m.end() <= end]
        if self._inner_reports is None:
            self._inner_reports = list(self.patterns["inner_kata"].finditer(text))
        passive += [m for m in self._inner_reports if start <= m.start() and m.end() <= end]
        menurut = text.find("enurut", start, end) >= 0
        found: tuple[int, str] | None = None
        if self._bare_passives is None:
            self._bare_passives = list(self.patterns["passive_bare"].finditer(text))
        for bare in self._bare_passives:
            if start <= bare.start() and bare.end() <= end and not self._inside_quote(bare.start()):
                # "Dikatakan, …": the one who spoke last goes on
                who = self._last_reporter(start, bare.start(), weak=True) or self.last_speaker
                if who:
                    found = (bare.end(), who)
        if not menurut and not passive:
            if found is None or self._last_reporter(found[0], end, weak=True):
                return None
            return found[1]
        openers = sorted(
            [*(self.patterns["menurut"].finditer(text, start, end) if menurut else ()), *passive],
            key=lambda match: match.start(),
        )
        for match in openers:
            who = match.group("who")
            if (
                not who
                or who.lower() in _PRONOUNS
                or self._inside_quote(match.start())
                or text[max(0, match.start() - 5) : match.start()].strip() == "yang"
            ):
                continue  # "yang menurutnya …": an opinion inside a clause, not a report
            person = person_in(who)
            if not person or self._not_a_person(person, match.start("who"), match.end("who")):
                continue
            full = self.canonical(person, match.start("who"))
            if (
                full
                # (a person for the NER model: not "menurut World Health Organization")
                and (self.people is None or self.people.is_person(full))
                and (found is None or match.end() > found[0])
            ):
                found = (match.end(), full)
        if found is None or self._last_reporter(found[0], end, weak=True):
            return None  # "Menurut X, …. Y mengakui, …": Y speaks last
        return found[1]

    def _last_reporter(self, start: int, end: int, *, weak: bool = False) -> str | None:
        """The last person in ``text[start:end]`` named right before a speech verb (with
        ``weak``, a verb of thought or a weak one too: "Y mengakui", "Y menilai")."""
        found = None
        pattern = self.patterns["any_speaker_verb" if weak else "speaker_verb"]
        for verb in pattern.finditer(self.text, max(0, start), end):
            if self._inside_quote(verb.start()):
                continue
            person = person_at_run(self.text, verb.start("name"), verb.end("name"))
            if (
                person
                and (" " in person or not is_name_stopword(person, sentence_start=True))
                and not self._not_a_person(person, verb.start("name"), verb.end("name"))
            ):
                found = self.canonical(person, verb.start("name"))
        return found

    def _not_a_person(self, person: str, lo: int, hi: int) -> bool:
        """True when the NER model says the name ``person`` found in the run ``text[lo:hi]``
        is an organisation or a place ("Observatorium Suriah … mengatakan"), or does not take
        a name holding a common word for a person."""
        people = self.people
        if people is None or _is_handle(person):
            return False
        at = lo + self.text[lo:hi].rfind(person)
        if people.is_other(person, at):
            return True
        # "Kepala Negara menerangkan", "Upah riil-nya naik": a common word, no person for the
        # model
        if people.is_person(person):
            return False
        # ... nor one word left of a run after its role ("Kepala Negara menerangkan")
        return any(is_common_word(w) for w in person.split()) or (
            " " not in person and hi - lo > len(person)
        )

    def _never_a_person(self, full: str, printed: str) -> bool:
        """True when a name found as whom the sentences are about (no cue prints it) is no
        person anywhere for the NER model, and no cue of the article names it as a speaker:
        a product ("Nissan Terra"), a place ("New York", "Bolaang Mongondow"), an office's
        field ("Daerah Tertinggal"), a band or a club ("Spice Girls", "Real Madrid").

        A name is only read this way where the text does not say who speaks, so the model's
        silence is enough: a speaker a cue names ("kata Samsung", "ujar Melati") stays a
        speaker whatever the model says, and so does an account (and, at the caller, a name
        the text describes as a person: "Helen Bond, wanita …")."""
        people = self.people
        if people is None or _is_handle(full) or full in self.known or printed in self.known:
            return False
        if people.is_person(full) or people.is_person(printed):
            return False
        return full not in self._verb_subjects()

    def _verb_subjects(self) -> frozenset[str]:
        """The names the text prints right before a speech verb, outside quotes, in their
        canonical form ("Ketua idEA Ignatius Untung mengaku …"): people, whatever the model
        says of them. Built once per article, on the first name that needs it."""
        if self._verb_subject_names is None:
            found = set()
            for verb in self.patterns["any_speaker_verb"].finditer(self.text):
                if self._inside_quote(verb.start()):
                    continue
                person = person_at_run(self.text, verb.start("name"), verb.end("name"))
                if person and " " in person:
                    found.add(person)
                    found.add(self.names.canonical(person, verb.start("name")))
            self._verb_subject_names = frozenset(found)
        return self._verb_subject_names

    def _subject_in(self, start: int, end: int) -> str | None:
        """The person a sentence is about: a name, "" when a pronoun or an anaphor comes
        first, None when it names nobody."""
        text = self.text
        window = text[start : min(end, start + 80)]  # never read on into the quote itself
        head = window.lstrip(' ,"“”-–')
        offset = start + len(window) - len(head)
        run = _RUN.match(head)
        linked = False  # "Selain itu, …": goes on about the person before, unless it names one
        if run and re.match(r"\s+(?:ini|itu|tersebut)\b", head[run.end() : run.end() + 12]):
            word = run.group()
            if (
                " " not in word
                and word.lower() not in _PERSON_NOUNS
                and is_common_word(word.lower())
                and _PASSIVE_SPEECH.match(text, offset + run.end(), offset + run.end() + 40)
            ):
                # "Fakta tersebut dibeberkan Senior Officer …, Azmiati Zuliah.": a thing said,
                # and the person the sentence names said it
                person = self.person_at(offset + run.end(), min(end, offset + 160))
                if person:
                    return person
            if " " in word or not is_name_stopword(word, sentence_start=True):
                return ""  # "Kakak Raoul Salim ini"
            linked = True  # "Selain itu", "Sementara itu, Pelatih X menyatakan"
        if _REPORTED_OPENER.match(head):
            # "Menurutnya, pada 9 Agustus lalu, Mayang, keponakannya, …": the one who spoke
            # before goes on reporting; whoever the report names is its content
            return ""
        relative = _RELATIVE_ANAPHOR.search(head, 0, 120)
        if relative and relative.start() <= 24 and not self._inside_quote(offset):
            # "Lebih lanjut, istri presenter Prabu Revolusi ini mengatakan": the wife, whom
            # the sentences before were about, speaks; the husband is how she is described
            return ""
        anaphor = _PERSON_ANAPHOR_HEAD.match(head)
        if anaphor and anaphor.group("noun").lower() in _PERSON_NOUNS:
            # "Sutradara film Berbagi Suami ini mengaku …": the person before, unless the
            # description names the person ("Pria yang akrab disapa Dani ini")
            return self.person_at(offset + anaphor.end("noun"), offset + anaphor.end()) or ""
        main = offset
        opener = _SUBORDINATE_OPENER.match(head)
        if opener:
            # "Ketika Stern bertanya soal itu, Orlando langsung setuju": whoever the clause
            # before the comma names, the sentence's subject comes after it
            comma = text.find(",", offset + opener.end(), min(end, offset + 120))
            if comma >= 0:
                main = comma + 1
        pronoun = _PRONOUN.search(text, main, end)
        while pronoun is not None and self._inside_quote(pronoun.start()):
            pronoun = _PRONOUN.search(text, pronoun.end(), end)
        limit = min(end, offset + 160)
        if pronoun is not None:
            limit = min(limit, pronoun.start())
        # After "Sementara itu" a new subject comes first: "Sementara itu, Pelatih X menyatakan".
        first_by = offset + run.end() + 30 if linked and run is not None else None
        if first_by is not None and _TOPIC_SHIFT.match(text, start, end):
            # ... or, after a turn to a new subject, right after the phrase of time or place
            # that follows it: "Sementara itu dalam jumpa pers, juru bicara … Hua Chunying …"
            comma = text.find(",", first_by - 30, min(end, first_by + 10))
            if comma >= 0:
                first_by = max(first_by, comma + 30)
        # The one who speaks in a sentence with a speech verb is named right before it:
        # "Prakirawan BMKG Stasiun Meteorologi Cilacap, Rendi Krisnawan mengatakan".
        verb = self.patterns["speaker_verb"].search(text, offset, limit)
        if verb and not self._inside_quote(verb.start()):
            cue_at = verb.end() - len(verb.group().split()[-1])
            appositive = _appositive_speaker(self, cue_at, verb.start("name"))
            if appositive is not None:
                return appositive  # "Dr Brian Kantor, dokter gigi … di New York, mengatakan"
            found = person_at_run(text, verb.start("name"), verb.end("name"))
            if (
                found
                and (" " in found or not is_name_stopword(found, sentence_start=True))
                and not self._not_a_person(found, verb.start("name"), verb.end("name"))
            ):
                self.known.add(found)  # "DIY Trisaktiyana menjelaskan": a speaker's name
                return self.canonical(found, verb.start("name"))
        # Otherwise the first person the sentence names, who does something (not "Dzulmi
        # ditangkap …": the one arrested is the news, the one who spoke is named before).
        person = self.person_at(main, limit, first_by, agent=True)
        if person:
            return person
        if main > offset:
            return "" if pronoun is not None else None
        if run is not None and not linked and self._lone_name_subject(run.group(), offset):
            return run.group()
        return "" if pronoun is not None or linked else None

    def _common_here(self, name: str) -> bool:
        """True when the one-word ``name`` is a word the article also prints in lower case
        ("selidik" of "Selidik punya selidik", "demi") and prints capitalised only where a
        sentence starts: a common word opening a sentence, no name."""
        if " " in name or not name[:1].isupper() or not name[1:].islower():
            return False
        cached = self._common_words_here.get(name)
        if cached is None:
            text = self.text
            lower = re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text)
            cached = lower is not None and all(
                at_sentence_start(text, m.start())
                for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            )
            self._common_words_here[name] = cached
        return cached

    def _lone_name_subject(self, word: str, at: int) -> bool:
        """True when ``word``, opening a sentence at ``at`` and followed by a lower-case word,
        is a one-word name the article repeats ("Niki juga lantas …" after "… Niki …"): not a
        title, a function or common word, an acronym or a place after a preposition."""
        text = self.text
        if (
            " " in word
            or len(word) < 3
            or not word[1:].islower()
            or is_name_stopword(word, sentence_start=True)
            or not re.match(r"[ \t\xa0]+[a-z]", text[at + len(word) : at + len(word) + 3])
            # a word the NER model never calls a person, nor a cue names, is a thing that
            # opens a sentence ("Udara yang …", "Dasar lain …"), as for other subject guesses
            or self._never_a_person(word, word)
        ):
            return False
        seen = 0
        found = text.find(word)
        while found >= 0:
            start, found = found, text.find(word, found + 1)
            if not _has_word(text[max(0, start - 1) : start + len(word) + 1], word):
                continue
            if self._inside_quote(start):
                continue
            if _PREPOSITION_BEFORE.search(text, max(0, start - 12), start):
                return False  # "di Bogor": a place
            seen += 1
        return seen >= 2
