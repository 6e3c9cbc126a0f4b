"""Indirect speech: "X mengatakan, …", "Ia menyebutkan bahwa …", "Menurut X, …",
"Dikatakannya, …", "Gegar budaya, kata X, bisa …", and the speaker a verb's subject names (a
person, or an organisation with its acronym)."""

from __future__ import annotations

import re

from warta.article import Attribution, Quote
from warta.enrich.quotes.cues import _AKAN_OBJECT, _cues
from warta.enrich.quotes.marks import _SENTENCE_END
from warta.enrich.quotes.names import (
    _ACRONYM,
    _HONORIFICS,
    _NAME_RUN,
    _ORG_START,
    _PERSON_NOUNS,
    _PREPOSITION_BEFORE,
    _PRONOUNS,
    _RELATION_BEFORE,
)
from warta.enrich.quotes.reader import _Reader
from warta.enrich.quotes.subjects import _appositive_speaker, _person_noun_anaphor
from warta.enrich.speakers import (
    at_sentence_start,
    is_common_word,
    is_name_stopword,
    person_at_run,
    person_in,
)

_NAME_BEFORE_FROM = re.compile(
    rf"(?P<name>{_NAME_RUN})(?:,?[ \t\xa0]+(?:selaku|sebagai)[^.,;\"“”\n]{{0,50}})?[ \t\xa0]+dari[ \t\xa0]+\Z"
)
# "dari" and up to five lower-case words right before a capitalised run: "dari perusahaan
# listrik negara Honduras".
_FROM_BEFORE = re.compile(r"(?<![\w-])(?P<from>dari)(?:[ \t\xa0]+[a-z]+){0,5}[ \t\xa0]+\Z")
_NAME_BEFORE_ROLE = re.compile(rf"(?P<name>{_NAME_RUN}),[ \t\xa0]*\Z")

# Verbs whose reported clause may open with a name: "Mahathir Mohamad mengatakan Malaysia akan …",
# "mengatakan Garuda Indonesia menghentikan …", "mengatakan FL melakukan …" (but not a day or a
# month: "mengatakan Senin (2/9)").
_CLAUSE_VERBS = frozenset(
    "mengatakan menyatakan menjelaskan menegaskan mengungkapkan menuturkan menyebutkan"
    " menambahkan menerangkan menilai berharap meminta mendesak menyarankan".split()
)
# The purpose clause that makes a request verb report speech ("meminta warga agar …"), and the
# objects after which it asks for a thing, not for something to be done ("meminta maaf").
_PURPOSE = re.compile(r"(?<![\w-])(?:agar|supaya|untuk)(?![\w-])")
_THING_ASKED = re.compile(r"[ \t\xa0]+(?:maaf|keterangan|izin|waktu|uang|bantuan)(?![\w-])")
_CAPITAL_LINK = re.compile(
    # (not "menilai Chelsea sebagai tim yang hebat": a judgement of a thing, no clause)
    r"(?P<link>[ \t\xa0]+)(?=(?:[A-Z][\w-]*[ \t\xa0]+){1,4}(?!sebagai\b)[a-z]|\d[\d.,]*[ \t\xa0]+[a-z]{3,})"
    # "mengatakan 20 mayat dan 95 orang terluka …": a number opens the clause (not a date)
    r"(?!\d{1,2}[ \t\xa0]+(?:Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Ags|Sep|Okt|Nov|Des))(?!(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu"
    r"|Minggu|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November"
    r"|Desember|Pada|Di|Dalam|Saat|Ketika|Kepada)\b)"
)


# Words that open a reported clause after a weak verb: "mengaku tidak tahu", "mengaku pihaknya
# kurang berkomunikasi" (a report), unlike "mengaku sempat deg-degan" (a feeling) or
# "mengingatkan akan bahaya banjir" ("akan" a preposition, see ``_AKAN_OBJECT``).
_CLAUSE_OPENER = re.compile(
    rf"(?!{_AKAN_OBJECT})"
    r"(?P<opener>pihaknya|dirinya|tidak|tak|belum|sudah|telah|akan|masih|pernah|tengah|sedang)"
    r"(?![\w-])"
)
# Weak verbs whose "dirinya"/"pihaknya" is their object, not the clause's subject: "melaporkan
# dirinya ke polisi", "mengingatkan pihaknya agar …".
_OBJECT_VERBS = frozenset({"melaporkan", "mengingatkan"})


def _indirect(
    reader: _Reader, patterns: dict[str, re.Pattern[str]], direct: list[Quote]
) -> list[Quote]:
    """Reported speech: "X mengatakan, …", "Ia menyebutkan bahwa …", "Menurut X, …"."""
    text = reader.text
    found: list[Quote] = []
    how: Attribution = "named"  # how the speaker of the report being read was found

    inside_quote = reader._inside_quote  # a bisect over the sorted, disjoint quote ranges

    def speaker_before(position: int) -> str | None:
        last = None
        for q in direct + found:
            if q.start < position and q.speaker:
                last = q
        if last is not None and position - last.end < 700:
            return last.speaker
        return reader.subject_before(position)

    def add(speaker: str | None, cue: str, start: int, how: Attribution = "named") -> None:
        while start < len(text) and text[start] in " ,":
            start += 1
        if start >= len(text) or text[start] in '"“' or inside_quote(start):
            return
        end_match = _SENTENCE_END.search(text, start)
        end = end_match.start() + 1 if end_match else len(text)
        if end - start < 12:
            return
        found.append(
            Quote(
                speaker=speaker,
                cue=cue,
                text=text[start:end].rstrip(),
                start=start,
                end=end,
                kind="indirect",
                attribution=how if speaker else None,
            )
        )

    subject_pattern = patterns["subject"]
    link_pattern = patterns["link"]
    cues = _cues()
    for cue_word in (*cues.before, *cues.report, *cues.weak, *cues.request):
        at = text.find(cue_word)
        while at >= 0:
            position, at = at, text.find(cue_word, at + 1)
            if position and text[position - 1].isalnum():
                continue
            link = link_pattern.match(text, position + len(cue_word))
            if link is None and cue_word in _CLAUSE_VERBS:
                link = _CAPITAL_LINK.match(text, position + len(cue_word))
            if link is None or inside_quote(position):
                continue
            if cue_word in cues.request:
                verb_end = position + len(cue_word)
                stop = _SENTENCE_END.search(text, verb_end)
                end = min(stop.start() if stop else len(text), verb_end + 100)
                if _THING_ASKED.match(text, verb_end) or not _PURPOSE.search(text, verb_end, end):
                    continue  # "meminta maaf", "meminta pendapat …": no request to report
            opener = _CLAUSE_OPENER.match(text, link.end())
            if (
                opener
                and cue_word in _OBJECT_VERBS
                and opener.group("opener") in ("dirinya", "pihaknya")
            ):
                opener = None
            if (
                cue_word in cues.weak
                and link.group("link").strip() not in ("bahwa", "jika", ",")
                and not opener
            ):
                # "mengaku sempat deg-degan": a feeling, not a report ("Ia mengaku, NasDem
                # telah …" is one)
                continue
            subject = subject_pattern.search(text, max(0, position - 180), position)
            if _person_noun_anaphor(text, position):
                speaker = speaker_before(position)
                how = "pronoun"
            elif (
                appositive := _appositive_speaker(
                    reader,
                    position,
                    None if subject is None else subject.start(subject.lastgroup or 0),
                )
            ) is not None:
                speaker = appositive
                how = "named"
            elif subject is None:
                if not _unnamed_source(text, position):
                    continue
                speaker = None  # "Jaksa penuntut umum menyebut bahwa …": nobody named
            elif (
                subject.group("pronoun") or subject.group("subject").split()[0].lower() in _PRONOUNS
            ):
                speaker = speaker_before(subject.start())
                how = "pronoun"
                if speaker is None:
                    continue  # "dirinya mengatakan" about someone we cannot name
            else:
                speaker = _subject_speaker(reader, subject)
                how = "named"
                if speaker is None and not _unnamed_source(text, position):
                    continue
            add(speaker, cue_word, link.end(), how)
    for match in patterns["menurut"].finditer(text) if "enurut" in text else ():
        if (
            inside_quote(match.start())
            or text[max(0, match.start() - 5) : match.start()].strip() == "yang"
        ):
            continue  # "yang menurutnya tidak …": an opinion inside a clause, not a report
        who = match.group("who")
        anaphor = match.group("anaphor")
        if who in _UNNAMED_GROUPS:
            speaker = None  # "Menurut mereka, …", "Menurut warganet, …": nobody named
        elif anaphor is not None:
            if anaphor.split()[0].lower() not in _PERSON_NOUNS:
                continue  # "Menurut data tersebut": no person
            speaker = speaker_before(match.start())
            how = "pronoun"
        elif who is None or who.lower() in _PRONOUNS:
            speaker = speaker_before(match.start())
            how = "pronoun"
        elif " " not in who and (
            is_common_word(who) or is_name_stopword(who) or who.lower() in _PERSON_NOUNS
        ):
            continue  # "Menurut Profesor dari Universitas …": a role, the name cut out
        else:
            speaker = _org_or_person(reader, who, match.start("who"))
            how = "named"
            if speaker is None:
                continue
        add(speaker, match.group("cue"), match.end(), how)
    for match in patterns["passive_nya"].finditer(text) if "nya," in text else ():
        if inside_quote(match.start()):
            continue
        speaker = speaker_before(match.start())
        how = "pronoun"
        if speaker is not None:
            add(speaker, match.group("cue"), match.end(), how)
    for match in patterns["passive_by"].finditer(text) if "Di" in text else ():
        # "Diakui Kikan, dirinya sudah …": Kikan's account, as "Menurut Kikan, …" is
        if inside_quote(match.start()):
            continue
        speaker = _org_or_person(reader, match.group("who"), match.start("who"))
        how = "named"
        if speaker is not None:
            add(speaker, match.group("cue"), match.end(), how)
    for match in patterns["kata_mid"].finditer(text) if "ata " in text else ():
        # "Gegar budaya, kata Ahmad Husri, bisa terjadi …", "Kata Enda, sangat mungkin …".
        if inside_quote(match.start()) or text[max(0, match.start() - 3) : match.start()].rstrip(
            " ,"
        ).endswith(('"', "”")):
            continue  # "…," kata X, Kamis: a direct quote's cue
        who = match.group("who") or match.group("who2")
        cue_group = "cue" if match.group("cue") else "cue2"
        if not match.group("comma") and not re.search(
            r",[ \t]*$", text[max(0, match.start(cue_group) - 4) : match.start(cue_group)]
        ):
            continue  # "kata X ingin …" only right after a comma: "Kemudian, kata JK ingin …"
        if who.lower() in _PRONOUNS:
            speaker = speaker_before(match.start())
            how = "pronoun"
        else:
            speaker = _org_or_person(reader, who, match.start(cue_group))
            how = "named"
            if speaker is None:
                continue
        # In the middle of a sentence the report is the whole sentence: "Gegar budaya, kata X,
        # bisa terjadi …"; a cue opening the sentence starts it after the comma.
        head = max(
            (
                m.end()
                for m in _SENTENCE_END.finditer(text, max(0, match.start() - 160), match.start())
            ),
            default=max(0, match.start() - 160),
        )
        start = match.end()
        if text[head : match.start(cue_group)].strip(" ,\t\xa0") and not inside_quote(head):
            start = head
        add(speaker, match.group(cue_group), start, how)
    return found


def _unnamed_source(text: str, position: int) -> bool:
    """True when the subject of the verb at ``position`` is a source the article leaves
    unnamed, opening its clause: "Jaksa penuntut umum menyebut", "Sumber itu menambahkan",
    "Seorang pejabat senior kementerian pertahanan di Kabul mengatakan", "mereka menilai"."""
    return _UNNAMED_SOURCE.search(text, max(0, position - 90), position) is not None


# Nouns for people an article reports without naming them, opening the verb's clause (after
# a sentence start, a comma or "karena"/"dan"), a few words of description between.
_UNNAMED_SOURCE = re.compile(
    r"(?:^|[.,;:\n]|(?<![\w-])(?:karena|dan|bahkan|sementara))[ \t\xa0]*"
    r"(?:(?:[Ss]eorang|[Bb]eberapa|[Bb]anyak|[Pp]ara|[Ss]ejumlah|[Ss]ang)[ \t\xa0]+)?"
    r"(?:[Ss]umber|[Jj]aksa|[Pp]olisi|[Pp]enyidik|[Pp]enyelenggara|[Pp]ihak[ \t\xa0]+penyelenggara"
    r"|[Pp]ejabat|[Kk]oresponden|[Jj]uru[ \t\xa0]+bicara|[Ww]arganet|[Nn]etizen|[Mm]assa"
    r"|[Mm]ereka|[Ss]aksi|[Pp]etugas|[Pp]enulis)(?![\w-])"
    r"(?:[ \t\xa0]+[^\s.,;:\"“”]+){0,7}?[ \t\xa0]+\Z"
)
_UNNAMED_GROUPS = frozenset({"mereka", "warganet", "netizen"})


def _subject_speaker(reader: _Reader, subject: re.Match[str]) -> str | None:
    """The speaker a verb's subject names: a person, or an organisation with its acronym
    ("Organisasi Kesehatan Dunia (WHO) menyebutkan"), an acronym ("KPI menjelaskan") or "Pihak
    Kepolisian Wales Selatan mengatakan"."""
    text = reader.text
    name = subject.group("subject")
    if is_name_stopword(name.split()[0]) and name.split()[0].rstrip(".") not in _HONORIFICS:
        # "Allana Abdullah, CEO Bahaso mengungkapkan": the name before the role (not "…
        # Pengendalian Penyakit, Dr. Anung Sugihantono mengatakan": a title opens a name)
        before = _NAME_BEFORE_ROLE.search(text, max(0, subject.start() - 60), subject.start())
        if before:
            person = person_in(  # not "Menurut Mendag, India menyatakan"
                before.group("name"), sentence_start=at_sentence_start(text, before.start())
            )
            if person and " " in person:
                return reader.canonical(person, before.start())
    origin = _FROM_BEFORE.search(text, max(0, subject.start() - 60), subject.start())
    if origin is not None:
        # "Bakkar Wibowo dari Sinergi Nusantara menuturkan", "Leonardo Deras dari perusahaan
        # listrik negara Honduras mengatakan": the person before "dari"
        cut = origin.end("from") + 1
        before = _NAME_BEFORE_FROM.search(text, max(0, cut - 90), cut)
        if before:
            person = person_in(before.group("name"))
            if person and " " in person:
                return reader.canonical(person, before.start())
        inner = person_at_run(text, subject.start("subject"), subject.end("subject"))
        if not (inner and " " in inner and subject.group("subject").endswith(" " + inner)):
            return None
        # "Seorang ahli hukum pidana dari Universitas Trisakti Abdul Ficar Hadjar menilai":
        # nobody named before "dari", the organisation's own expert after it
    if _PREPOSITION_BEFORE.search(text, max(0, subject.start() - 12), subject.start()):
        return None  # "warga yang tinggal di kompleks Mediterania, mengatakan"
    if _RELATION_BEFORE.search(text, max(0, subject.start() - 22), subject.start()):
        return None  # "selaku kuasa hukum Saiful Mahdi menyebutkan": the lawyer speaks
    if subject.group("rel"):  # "peraturan KPI yang menyebutkan": only a person's name here
        person = person_in(name)
        return reader.canonical(person, subject.start()) if person and " " in person else None
    if subject.group("acronym") and _ORG_START.match(name):
        # "Organisasi Kesehatan Dunia (WHO) menyebutkan" (but "Wakil Presiden Jusuf Kalla (JK)"
        # is a person)
        return name.removeprefix("Pihak ")
    if name.startswith("Pihak ") and len(name) > 8:
        return name.removeprefix("Pihak ")
    person = person_at_run(
        text,
        subject.start("subject"),
        subject.end("subject"),
        sentence_start=at_sentence_start(text, subject.start()),
    )
    if person is None:
        # "KPI menjelaskan"; "JK mengatakan" for Jusuf Kalla (not "PD" of "Budi, Sp.PD
        # mengatakan", a degree glued to its head by a dot)
        acronym = _ACRONYM.fullmatch(name) and text[subject.start("subject") - 1] != "."
        return reader.canonical(name, subject.start()) if acronym else None
    return reader.canonical(person, subject.start())


def _org_or_person(reader: _Reader, name: str, position: int) -> str | None:
    """A person's full name, or an organisation's acronym ("Menurut KPI"); None otherwise."""
    if _ACRONYM.fullmatch(name):
        return reader.canonical(name, position)
    person = person_in(name)
    return reader.canonical(person, position) if person else None
