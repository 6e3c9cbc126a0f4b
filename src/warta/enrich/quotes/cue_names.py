"""Who a cue names: the speaker in the phrase right after a cue ("kata peneliti PSHK,
Agil Oktaryal", "jawab para penonton", "kata politisi Partai Hanura itu"), and the holder of a
role a cue names alone ('"…," kata Kapolres')."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from warta.enrich.quotes.marks import _OPENERS
from warta.enrich.quotes.names import (
    _ACRONYM,
    _NAME_RUN,
    _NOBODY,
    _ORG_ACRONYM,
    _PRONOUNS,
    _RELATION_BEFORE,
    _is_handle,
)
from warta.enrich.quotes.state import _ReaderState
from warta.enrich.speakers import (
    is_common_word,
    is_name_stopword,
    is_role_word,
    name_runs,
    person_at_run,
    person_in,
)
from warta.enrich.speakers.names import ADDRESS_FORM_RE

# Where the phrase naming a speaker after a cue ends (a dot inside "@mr.muhamadrafi" does not;
# nor a comma after a space or a comma, which CLICK-ID leaves where it cut a linked word out:
# "ujar Direktur Program Bakti Pendidikan ,, Primadi H Serad").
_CLAUSE_STOP = re.compile(
    rf"[;!?\n]|\.(?!\w)(?!(?<=\b[A-Z]\.)[ \t\xa0]+(?!{_OPENERS})[A-Z])"
    # not the dot of a title before a name: "ujar dr. Milka", "kata Prof. Budi"
    r"(?<!\b[Dd]r\.)(?<!\bdrg\.)(?<!\bDrs\.)(?<!\bProf\.)(?<!\bIr\.)(?<!\bHj\.)|"
    r"(?<=[a-z]{2})\.(?=[A-Z][a-z]{2})|(?<![\s,]),\s*(?![A-Z]{2,}\b|AKBP|AKP|Kombes)|\s(?:di|saat|ketika|kepada|dalam|usai|seusai"
    r"|seperti|melalui|pada|dilansir|dikutip|yang|sambil|sembari|when|in|at|on|to|after)\s"
)

# Words after a cue's speaker that say who relayed or printed the words: "kata Menteri Susi
# seperti disampaikan Lilly …", "ujar Budi dikutip dari Antara".
_RELAYS = frozenset({"seperti", "dilansir", "dikutip", "melalui"})
# A one-word name, then a clause of its own in lower case: "tanya Scott untuk membuka topik
# tersebut" (the demonstrative ends the clause, not a description of someone before).
_NAME_THEN_CLAUSE = re.compile(r"[A-Z][a-z]{2,}[ \t\xa0]+(?:untuk|sambil|sembari|seraya|lalu)\s")
# Words that open a description of people left unnamed: "jawab para penonton".
_UNNAMED = frozenset({"para", "seorang", "salah", "beberapa", "sejumlah", "banyak", "sebagian"})
# A description up to the sentence's end that ends with a demonstrative.
# ("ketua , UGM ini": CLICK-ID leaves " ," where it cut a link out)
_ANAPHOR_END = re.compile(
    r"\s*[a-z](?:[^.,;!?\n\"“”]| ,|,(?= \d))*?\s(?:ini|itu|tersebut)(?=\s*(?:[.,;!?\n]|$))"
)

# A description by birthplace or origin, whose place and date may hold commas, closed by
# "ini" or "itu": "urai perempuan kelahiran Tanjung Pandan, Bangka Belitung, 9 Februari 1966
# ini" is the person spoken of before, not "Tanjung Pandan".
_BORN_ANAPHOR = re.compile(
    r"\s*[a-z][a-z-]*(?:[ \t\xa0]+[a-z][a-z-]*){0,2}[ \t\xa0]+(?:kelahiran|asal)[ \t\xa0]+[A-Z]"
    r"[^.;!?\n\"“”]{0,80}?[ \t\xa0](?:ini|itu|tersebut)(?=\s*(?:[.,;!?\n]|$))"
)

_PHRASE_END = re.compile(r"[,.;!?\n\"“”(]")
_AFTER_COMMA = re.compile(rf",[ \t\xa0]*(?P<name>{_NAME_RUN})")

# A time phrase that ends a cue's clause with "ini"/"itu" and points at no person: "kata Haris
# menjawab pertanyaan, belum lama ini", "ujar Budi, Senin pagi itu".
_TIME_THIS = re.compile(
    r"(?<![\w-])(?:lama|baru-baru|saat|kali|hari|malam|pagi|siang|sore|minggu|pekan|bulan|tahun"
    r"|waktu|ketika|kesempatan|acara|momen|tempo)[ \t\xa0]+(?:ini|itu|tersebut)$"
)


# What joins the words of a role printed in English: "Brand & Communication Manager",
# "Programming and Acquisition Director", "Head of Marketing".
_ROLE_JOINERS = frozenset({" & ", " and ", " of "})


def _merged(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words with only a space between them joined into one phrase:
    "Manajer Bursa Mobil Bekas WTC Mangga Dua" + "Herjanto Kosasih"; and the parts of a role
    printed in English, a role word after the joiner ("Brand & Communication Manager" +
    "Narendra Putra"), whose first word is no name (not "Budi & Ani")."""
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        gap = text[merged[-1][1] : lo] if merged else ""
        if gap in (" ", "\xa0") or (
            gap in _ROLE_JOINERS and any(is_role_word(w) for w in text[lo:hi].split()[:3])
        ):
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


# An account named without its "@": "tulis akun idong15", "tutur akun bernama achamilan83".
_ACCOUNT = re.compile(
    r"akun(?:\s+(?:bernama|milik|resmi|instagram|twitter|tiktok|youtube|facebook|pribadi))*"
    r"\s+@?(?P<handle>(?=[\w.]*[\d_])[A-Za-z\d_.]*[A-Za-z\d_]|[a-z][a-z\d_.]*[a-z\d_])(?![\w.])"
)
# "kata politikus yang disapa Cak Imin", "ujar pria yang akrab dipanggil Dani": a description
# that ends with the name the person goes by (``NameIndex.aliases`` maps it to the full name).
_CALLED_AFTER = re.compile(
    r"\s*[a-z][\w-]*(?:[ \t\xa0]+[a-z][\w-]*){0,3}?[ \t\xa0]+yang[ \t\xa0]+"
    r"(?:akrab[ \t\xa0]+|biasa[ \t\xa0]+)?(?:di)?(?:sapa|panggil)[ \t\xa0]+"
    rf"(?P<name>(?:{ADDRESS_FORM_RE})[ \t\xa0]+[A-Z][\w'’-]*"
    r"|[A-Z][\w'’-]*)"
)
# Where to stop looking for a speaker's full name after a role (commas do not stop it: "pelatih
# tim nasional China, Li Nan").
_NAME_SEARCH_STOP = re.compile(
    r"[;!?\n\"“”]|\.(?!\w)|\s(?:di|saat|ketika|kepada|dalam|usai|seusai|pada|yang|sambil)\s"
)
# A name that goes on past a length limit: the rest of the word and the capitalised words after.
_RUN_GOES_ON = re.compile(r"[\w'’-]*(?:[ \t\xa0]+[A-Z][\w'’-]*)*")

# A cue and a role alone after a quote: '," kata Kapolres.', '," ujar sang Gubernur,'.
_ROLE_AFTER_CUE = re.compile(
    r"[\s,]*[a-z]+[ \t\xa0]+(?:sang[ \t\xa0]+)?(?P<role>[A-Z][a-z]+)(?=[ \t\xa0]*[.,;]|$)"
)

# The capitalised word right before a position, and the words that make a role another office.
_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<word>[A-Z][\w'’-]*)[ \t\xa0]+\Z")
_OFFICE_MODIFIERS = frozenset({"Wakil", "Mantan", "Eks", "Plt", "Plh", "Pj", "Calon", "Bakal"})

# Initials standing for a person after a comma: "kata orangtua Bunga, DM."
_INITIALS_AFTER_COMMA = re.compile(r",[ \t\xa0]*([A-Z]{2,3})(?=[ \t\xa0]*[.,;(]|$)")
# "yang lain", "lainnya", "yang lainnya": another one of the people spoken of, unnamed.
_ANOTHER = re.compile(r"[ \t\xa0]*(?:yang[ \t\xa0]+)?lain(?:nya)?(?![\w-])")
# Documents and messages that "say" things: "kata laporan itu", "tulis unggahan tersebut".
_THING_NOUNS = frozenset(
    "laporan postingan unggahan surat pernyataan keterangan dokumen rilis siaran data tulisan"
    " pesan video artikel berita situs laman buku keputusan putusan dakwaan tuntutan aturan"
    " peraturan pasal undang-undang survei riset penelitian studi kajian hasil catatan sumber"
    " pengumuman edaran imbauan".split()
)


class _CueNames(_ReaderState):
    """Who a cue names: the speaker after a cue, or the holder of the role it names."""

    def name_after(self, position: int, limit: int = 90) -> tuple[str | None, bool]:
        """The speaker named after a cue: (name, found). ``found`` is False for a pronoun or an
        anaphor such as "politisi Partai Hanura itu", which the caller resolves.

        With the NER model, a name that the model does not tag as a person gives way to a
        person the model tags after a comma in the cue's phrase ("ujar perwakilan pendaki dari
        Kerabat Pencinta Alam (KPA), Amirnan", "teriak vokalis Seringai, Arian"); a word that
        ends a lower-case description ("kata mantan Menteri Negara Perumahan Rakyat") or that
        the model calls an organisation or a place is read like a pronoun."""
        name, found = self._name_after(position, limit)
        people = self.people
        if (
            people is not None
            and name is None
            and not found
            and self.text[position : position + 3].lstrip()[:1].isupper()
        ):
            # "kata Pakar Hukum Tata Negara, Margarito Kamis": a role that names nobody by the
            # rules, then the person the model tags after its comma
            person = self._model_person_after(position, appositive=True)
            if person is not None:
                return person, True
        if people is None or not found or not name or _is_handle(name):
            return name, found  # an account ("ujar tommyndp") is no name for the model to judge
        if _CALLED_AFTER.match(self.text, position, position + limit):
            return name, found  # the name the text says the person goes by, whatever the model says
            return name, found
        if people.is_person(name) or _ACRONYM.fullmatch(name):
            return name, found
        person = self._model_person_after(position)
        if person is not None:
            return person, True
        if " " not in name and re.match(r"\s*[a-z]", self.text[position : position + 4]):
            at = self.text.find(name, position, position + 160)
            if at < 0 or not self.text[position:at].rstrip(" \t\xa0").endswith(","):
                return None, False  # not "kata salah satu reporter, Paramitha"
        if people.is_other(name):
            return None, False
        return name, found

    def _model_person_after(self, position: int, *, appositive: bool = False) -> str | None:
        """The first person the model tags after a comma in the phrase after a cue at
        ``position``, not after a relation ("kata orangtua Bunga, DM"). With ``appositive``,
        only a person whose name (titles allowed) comes right after a comma: "kata
        Kapolres, AKBP Ahmad Fuady", not "kata Kapolres, didampingi Kasat Reskrim Budi"."""
        people = self.people
        if people is None:
            return None
        text = self.text
        stop = _NAME_SEARCH_STOP.search(text, position, min(len(text), position + 130))
        end = stop.start() if stop else min(len(text), position + 130)
        comma = text.find(",", position, end)
        if comma < 0:
            return None
        for lo, hi in people.person_spans:
            if lo >= end:
                break
            if lo < comma or _RELATION_BEFORE.search(text, max(0, lo - 22), lo):
                continue
            if appositive and any(
                w[:1].islower() and not is_name_stopword(w)
                for w in text[text.rfind(",", comma, lo) + 1 : lo].split()
            ):
                return None  # someone the phrase after the comma is about, not its speaker
            person = person_in(text[lo:hi])
            if person:
                return self.canonical(person, lo)
        return None

    def _name_after(self, position: int, limit: int = 90) -> tuple[str | None, bool]:
        """``name_after`` by the capitalisation rules alone."""
        text = self.text
        if _ANOTHER.match(text, position, position + 24):
            return _NOBODY, True  # '"…," sahut yang lain', '"…," pungkas lainnya': unnamed
        clause_end = min(len(text), position + limit)
        stop_match = _CLAUSE_STOP.search(text, position, clause_end)
        if stop_match:
            end = stop_match.start()
        else:
            # a long role: the name it ends with runs on past the limit ("… Ajun Komisaris
            # Besar Muhammad Nasir"), never cut inside a word
            goes_on = _RUN_GOES_ON.match(text, clause_end, min(len(text), clause_end + 60))
            end = goes_on.end() if goes_on else clause_end
        clause = text[position:end].strip()
        if not clause:
            return None, False
        first = clause.split()[0].lower()
        if first in _PRONOUNS:
            return None, False
        called = _CALLED_AFTER.match(text, position, clause_end)
        if called:
            return called.group("name"), True  # "kata politikus yang disapa Cak Imin"
        account = _ACCOUNT.match(clause)
        if account:
            return account.group("handle"), True  # "tulis akun idong15": the account speaks
        if first in _UNNAMED:
            # "jawab para penonton": nobody named; "ujar salah satu warga, Ana boru Tarigan"
            return self._name_after_comma(stop_match, position, single=True) or _NOBODY, True
        if first in _THING_NOUNS and re.search(r"\s(?:ini|itu|tersebut)$", clause):
            return _NOBODY, True  # "sambung laporan itu": a document speaks, no person
        if (
            re.search(r"\s(?:ini|itu|tersebut)$", clause)
            and not _TIME_THIS.search(clause)
            and not _NAME_THEN_CLAUSE.match(clause)
            or (
                clause[0].islower()
                and (
                    _ANAPHOR_END.match(text, position, position + 160)
                    or _BORN_ANAPHOR.match(text, position, position + 160)
                )
            )
        ):
            # "kata politisi Partai Hanura itu", "tutur Guru Besar Filsafat STF Driyarkara ini",
            # "kata pria yang menjabat sebagai Presiden Direktur PT Isuzu (IAMI) ini": the
            # person spoken of before.
            return None, False
        # A role before a comma ("Kasubdit … Polda Lampung, AKBP Ferdiyan Fahmi", "peneliti
        # PSHK, Agil Oktaryal", "Duta Besar Cina untuk Jerman, Ken Wu") names the person after
        # it, unless the phrase before it already holds a full name ("Budi Santoso, Ketua RT").
        # One name word after a role's comma too: "ujar Wakil Ketua Sementara DPRD DKI, Syarif"
        after_comma = self._name_after_comma(
            stop_match, position, single=is_role_word(clause.split()[0])
        )
        stem = clause.split()[0][:-3]
        if re.match(r"[A-Z][a-z]+nya\b", clause) and (
            is_common_word(stem) or is_name_stopword(stem)
        ):
            return _NOBODY, True  # "kata Ibunya": someone's mother, unnamed
        related = False
        described = False
        for lo, hi in _merged(name_runs(text, position, end), text):
            relation = _RELATION_BEFORE.search(text, max(0, lo - 22), lo)
            if relation:
                related = True  # "kata orangtua Bunga, DM": Bunga's parent speaks
                # "ungkap putri dari BRA Mooryati Soedibyo" right after the cue: a description
                # of one spoken of before (a new relative comes as "kata ayah Bunga")
                described = described or (
                    "dari" in relation.group().split()
                    and not text[position : relation.start()].strip()
                )
                continue
            phrase = text[lo:hi]
            person = person_at_run(text, lo, hi)
            if (
                person
                and " " not in person
                and is_name_stopword(person, sentence_start=True)
                and " " not in (self.canonical(person, lo) or "")
            ):
                continue  # "ujar Meski …", but "kata Yang" for Yang Moo Jin
            if person and len(person) > 1:
                if after_comma and (
                    " " in person
                    and phrase.split()[0] != person.split()[0]
                    or " " not in person
                    and (
                        phrase != person
                        or person not in self.known
                        and " " not in (self.canonical(person, lo) or "")
                    )
                ):
                    # "kata peneliti PSHK, Agil Oktaryal", "kata Duta Besar Cina untuk Jerman,
                    # Ken Wu", but not "kata Jawato, Komposisi …" when the article names
                    # Jawato in full
                    return after_comma, True
                later = (
                    self._full_person_after(hi, min(len(text), end + 40))
                    if " " not in person
                    and phrase != person
                    # not past a word that ends the cue's phrase: "kata Menteri Susi seperti
                    # disampaikan Lilly Aprilya" relays Susi's words
                    and not (stop_match and stop_match.group().strip() in _RELAYS)
                    else None
                )
                if later is not None:
                    # "ujar Kepala Dinas Perhubungan (Kadishub) DKI Jakarta Syafrin Liputo":
                    # the word left of a role is no name when a full name follows
                    return later, True
                return person, True
            if not text[position:lo].strip() and (
                _ACRONYM.fullmatch(phrase) or _ORG_ACRONYM.fullmatch(phrase)
            ):
                # An organisation speaks: "tulis KPI", "tulis Kementerian PUPR" (not "ujar
                # juru bicara AFP": its spokesperson, left unnamed).
                return after_comma or phrase, True
        if after_comma:
            return after_comma, True
        if related:
            initials = _INITIALS_AFTER_COMMA.match(text, end, end + 8)
            if initials:
                return initials.group(1), True
            return (None, False) if described else (_NOBODY, True)
        if clause.startswith("sang "):
            return None, False  # "sapa sang vokalis": the person spoken of before
        if clause[0].islower():
            # "kata pakar keuangan … di Amerika Serikat Lynnette Khalfani-Cox": the name ends
            # the description; "komentar netter yang lain", "kata warga setempat": unnamed.
            phrase_end = _PHRASE_END.search(text, position, min(len(text), position + 120))
            stop = phrase_end.start() if phrase_end else min(len(text), position + 120)
            runs = name_runs(text, position, stop)
            if runs and runs[-1][1] >= stop - 1:
                person = person_at_run(text, *runs[-1])
                if person and " " in person:
                    return person, True
            return _NOBODY, True
        return None, False

    def _full_person_after(self, start: int, end: int) -> str | None:
        """The first name of two or more words in ``text[start:end]``, before the phrase
        ends."""
        stop = _NAME_SEARCH_STOP.search(self.text, start, end)
        for lo, hi in _merged(
            name_runs(self.text, start, stop.start() if stop else end), self.text
        ):
            person = person_at_run(self.text, lo, hi)
            if person and " " in person:
                return person
        return None

    def _name_after_comma(
        self, stop_match: re.Match[str] | None, position: int, *, single: bool = False
    ) -> str | None:
        """The full name after the comma that ends a role: "kata peneliti PSHK, Agil
        Oktaryal"; with ``single``, one name word too ("kata salah satu reporter, Paramitha")."""
        if stop_match is None or self.text[stop_match.start()] != ",":
            return None
        if stop_match.start() - position > 100:
            # a long role still ends before its holder's name: "kata Sekretaris PP Perhimpunan
            # Dokter Spesialis Kedokteran Jiwa Indonesia (PDSKJI), Dr Agung Frijanto"
            return None
        at = stop_match.start()
        rest = _AFTER_COMMA.match(self.text, at, at + 60)
        if rest is None:
            return None
        person = person_at_run(self.text, rest.start("name"), rest.end("name"))
        if person and " " in person:
            return person  # "Agil Oktaryal"
        dropped = rest.group("name")[: len(rest.group("name")) - len(person or "")].split()
        if person and dropped and all(is_name_stopword(word) for word in dropped):
            return person  # "Kompol Hari": a rank before one name
        if person is None or dropped:
            # "Group Head,PT Jasa Marga (Persero) Tbk Dwimawu Heru Santoso": the person's
            # full name after the organisation
            limit = _PHRASE_END.search(self.text, rest.end("name") + 12, rest.end("name") + 60)
            later = self._full_person_after(
                rest.end("name"), limit.start() if limit else min(len(self.text), at + 80)
            )
            if later is not None:
                return later
        if (
            single
            and person
            and len(person) > 2
            and not is_common_word(person)
            and not is_name_stopword(person, sentence_start=True)
        ):
            return self.canonical(person, rest.start("name"))
        return None

    def role_holder(self, position: int) -> str | None:
        """The person a cue names by a role alone ('"…," kata Kapolres.' at ``position``,
        the quote's closing mark): the last one named with that role before, outside quotes
        ("Kapolres Bogor AKBP Budi Santoso"), where the role opens the name ("Wakil Presiden
        Ma'ruf Amin" holds another office than "Presiden"); None for another cue or when none
        is. Each role's holders are read once per article, so many cues cost no more than
        one."""
        cue = _ROLE_AFTER_CUE.match(self.text, position, position + 40)
        if cue is None or not is_role_word(cue.group("role")):
            return None
        holders = self._holders(cue.group("role"))
        at = bisect_left(holders, (position,)) - 1
        if at < 0:
            return None
        lo, person = holders[at]
        return self.canonical(person, lo)

    def _holders(self, role: str) -> list[tuple[int, str]]:
        """(position, full name) of every place the text names someone by ``role`` opening
        the name, outside quotes, in text order; built on first use."""
        holders = self.role_holders.get(role)
        if holders is not None:
            return holders
        text = self.text
        holders = []
        for match in re.finditer(rf"(?<![\w-]){re.escape(role)}", text):
            at = match.start()
            if self._inside_quote(at) or not self._opens_name(at):
                continue
            for lo, hi in name_runs(text, at, min(len(text), at + 120))[:1]:
                person = person_at_run(text, lo, hi) if lo == at else None
                if person and " " in person:
                    holders.append((lo, person))
        self.role_holders[role] = holders
        return holders

    def _opens_name(self, at: int) -> bool:
        """True unless a capitalised word inside the sentence stands right before ``at``:
        "Wakil Presiden", "Mantan Kapolres", "Plt Bupati" name another office."""
        before = _WORD_BEFORE.search(self.text, max(0, at - 30), at)
        if before is None:
            return True
        word = before.group("word")
        if word in _OFFICE_MODIFIERS or is_role_word(word):
            return False
        starts = self.sentence_starts
        index = bisect_right(starts, at)
        sentence = starts[index - 1] if index else 0
        return before.start("word") <= sentence
