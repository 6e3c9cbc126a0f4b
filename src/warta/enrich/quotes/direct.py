"""The speaker and cue of one direct quote: a cue after the closing mark ("…," kata X /
X mengatakan / said X), a word tagging a quote that opens a sentence, someone's words quoted
inside a sentence, or a cue before the opening mark (X mengatakan, "…")."""

from __future__ import annotations

import re
from bisect import bisect_right

from warta.enrich.quotes.marks import _SENTENCE_END, _is_term, _is_title, _opens_sentence, _Span
from warta.enrich.quotes.names import _NAME_RUN, _NOBODY, _PREPOSITION_BEFORE, _PRONOUNS, _RUN
from warta.enrich.quotes.reader import _Reader
from warta.enrich.quotes.subjects import _person_noun_anaphor
from warta.enrich.speakers import at_sentence_start, person_in

# Any lower-case word right after a quote closed with a comma, as a cue.
_ANY_CUE = re.compile(r"[\s,]*(?P<cue>[a-z]{3,14}?(?P<nya>nya)?)\b")
# Words that follow a quoted term without tagging a quote: "istilah "lahan tidur," dan …".
_NOT_CUES = frozenset(
    "dan yang atau di ke dari untuk dengan pada karena tetapi tapi namun serta bahkan juga sebagai"
    " seperti adalah ialah merupakan menjadi itu ini tersebut lalu kemudian hingga sampai agar"
    " yakni yaitu alias atau bagi oleh"
    " and the that which with for from".split()
)


def _direct_speaker(
    reader: _Reader, span: _Span, segments: list[tuple[int, int]]
) -> tuple[str | None, str | None, bool]:
    """(speaker, cue, found) for one quoted passage; cue None when it has no cue."""
    text = reader.text
    patterns = reader.patterns
    after_at = span.close + 1
    match = patterns["after"].match(text, after_at, min(len(text), after_at + 40))
    cue_at = (
        (match.start("cue"), match.end(), bool(match.group("nya")))
        if match
        else _capitalised_cue(text, span, patterns["after"])
    )
    if cue_at is not None:
        cue_start, cue_end, nya = cue_at
        cue_word = text[cue_start:cue_end]
        if nya:
            return None, cue_word, False
        name, found = reader.name_after(cue_end)
        cue = cue_word
        if name == _NOBODY:
            return None, cue, True
        if found and name:
            return name, f"{cue} {name}", True
        return None, cue, False
    match = _SO_SAID.match(text, after_at, min(len(text), after_at + 60))
    if match:
        # '"…," demikian Mansyur.', '"…," demikian dia.': "so (said) X", the verb left out
        if match.group("who").lower() in _PRONOUNS:
            return None, match.group("cue"), False
        name, found = reader.name_after(match.start("who"))
        if found and name:
            return name, f"{match.group('cue')} {name}", True
    match = patterns["after_name"].match(text, after_at, min(len(text), after_at + 80))
    if (
        match
        and text[span.close - 1 : span.close] in ".!?"
        and _REPORT_OPENS.match(text, match.end(), match.end() + 12)
    ):
        # '"… perang.",Sebelumnya Gubernur Anies menyatakan jika …': a quoted sentence that
        # ends, then someone's report of their own; the name opens it, it tags no quote
        match = None
    if match:
        if match.group("name").lower() in _PRONOUNS:
            return None, f"{match.group('name')} {match.group('cue')}", False  # "Dia menambahkan"
        person = person_in(match.group("name"))
        if person:
            return person, f"{match.group('name')} {match.group('cue')}", True
    match = _ANSWER_AFTER.match(text, after_at, min(len(text), after_at + 60))
    if match and match.group("name").lower() not in _PRONOUNS:
        # '"…," Ahsan menimpali': a name, then an answer's verb, right after the quote
        person = person_in(match.group("name"))
        if person:
            return person, f"{match.group('name')} {match.group('cue')}", True
    match = patterns["according"].match(text, after_at, min(len(text), after_at + 20))
    if match:
        name, found = reader.name_after(match.end())
        return name, "according to", found
    if _opens_sentence(text, span, segments):
        # A quote closed with a comma is tagged by the word after it, even one missing from the
        # cue list ("pujinya", "uca Elza", "komentar netter").
        match = _ANY_CUE.match(text, after_at, min(len(text), after_at + 30))
        if match and match.group("cue") not in _NOT_CUES and not _is_title(text, span):
            if match.group("nya") or match.group("cue") in _PRONOUNS:
                # '"…," dia menambahkanDi …': a pronoun before a verb glued to the next
                # paragraph stands for the one talked about, like "katanya"
                return None, match.group("cue"), False
            name, found = reader.name_after(match.end())
            if name == _NOBODY or (found and name):
                return name or None, match.group("cue"), True
    if _is_term(text, span):
        return None, None, False  # 'menjelaskan "opsi pamungkas" berarti …': a quoted term
    if _is_title(text, span):
        # 'Said Aqil mengatakan, "The Santri" bisa menjadi …', 'peluncuran buku "Arah Baru
        # Kebijakan" karyanya': a title the sentence goes on past, whatever cue stands before
        return None, None, False
    partial = _partial_quote(reader, span, segments)
    if partial is not None:
        return partial
    # A cue before the opening mark, in the same sentence.
    lo = max(segments[span.segment][0], span.open - 160)
    head = text[lo : max(lo, span.open)]
    match = (
        patterns["before"].search(head)
        or patterns["menurut_before"].search(head)
        or _ANSWER_BEFORE.search(head)
    )
    if match:
        cue = match.group("cue")
        if match.group("name"):
            person = person_in(match.group("name"))
            return person, cue, person is not None
        sentence_start = max(
            [lo] + [lo + m.end() for m in _SENTENCE_END.finditer(head, 0, match.start())]
        )
        subject = text[sentence_start : lo + match.start()]
        verb_at = lo + match.start("cue") + len(cue) - len(cue.lstrip())
        if _person_noun_anaphor(text, verb_at):
            # "Ketika mengomentari kepergian Sanchez, bos Manchester United itu mengatakan":
            # the clause before the verb describes someone spoken of before; the names
            # before it are what he talks about: the subject of the sentences before
            person = reader.subject_before(sentence_start)
            return person, cue.strip(), person is not None
        for run in _RUN.finditer(subject):
            if (
                _PREPOSITION_BEFORE.search(subject, max(0, run.start() - 12), run.start())
                and "," in subject[run.end() :]
            ):
                # "Dalam sebuah postingan di Facebook, Abukaram menulis:": a place or a
                # platform after a preposition, in a phrase a comma closes before the
                # subject; a run up to the verb is the subject, whatever it opens with
                # ("Duta Besar Indonesia untuk Jepang Heri Akhmadi mengatakan:")
                continue
            person = person_in(
                run.group(), sentence_start=at_sentence_start(text, sentence_start + run.start())
            )
            if person:
                return person, cue.strip(), True
        words = subject.split()
        if words and words[-1].lower() in _PRONOUNS | {"ia", "dia"}:
            return None, cue.strip(), False
        return None, cue.strip(), True  # "Salah satu tetangganya mengatakan,": no name given
    return None, None, False


# An answer or a retort right before the opening mark: 'Terdakwa X menjawab, "…"', 'Purwanto
# pun langsung menimpali, "…"'. Only right before a quote: as indirect-speech verbs these
# words ("menjawab pertanyaan …") mostly take no speech, so they stay out of the cue list.
_ANSWER_BEFORE = re.compile(
    r"(?P<cue>\b(?:menjawab|menimpali|menanggapi|menyahut|bertanya|berseru|berteriak))"
    r"(?P<name>(?!x)x)?[ \t\xa0]*[,:][ \t\xa0]*\Z"
)


# "demikian" or "begitu" and a name or a pronoun right after a quote, the speech verb left out,
# then the sentence ends: '"…," demikian Mansyur.', '"…," demikian dia.' (not "demikian
# pernyataan tim X", whose verb the cue list reads, nor "demikian disampaikan …").
_SO_SAID = re.compile(
    r"[ \t\xa0]*,?[ \t\xa0]*(?P<cue>demikian|begitu)[ \t\xa0]+"
    rf"(?P<who>dia|ia|beliau|{_NAME_RUN})(?=[ \t\xa0]*(?:[.;!?\n]|$))"
)
# A reported clause opening after a speech verb: "menyatakan jika …", "mengatakan, bahwa …".
_REPORT_OPENS = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*(?:bahwa|jika|kalau)\b")
# A name and an answer's verb right after a quote: '"…," Ahsan menimpali', '"…?" Halimi
# bertanya'. Not in the cue list: these verbs report no speech before a clause ("menjawab
# pertanyaan …").
_ANSWER_AFTER = re.compile(
    r"[ \t\xa0]*(?P<name>[A-Z][a-z]+(?:[ \t\xa0]+[A-Z][a-z]+){0,2})[ \t\xa0]+"
    r"(?P<cue>menimpali|menjawab|menyahut|bertanya|berseru|berteriak)\b"
)


def _capitalised_cue(
    text: str, span: _Span, pattern: re.Pattern[str]
) -> tuple[int, int, bool] | None:
    """(start, end, has "-nya") of a cue written with a capital after a quote closed with a
    comma: '"…,” Ucap Andi Rianto' (a typo the cue list, in lower case, would miss), or a long
    one closed without it: '“… seorang ibu” Ungkap Mamah Dedeh'."""
    if text[span.close - 1 : span.close] != "," and span.end - span.start < 30:
        return None
    after_at = span.close + 1
    window = text[after_at : after_at + 40]
    at = len(window) - len(window.lstrip(" \t\xa0"))
    if at >= len(window) or not window[at].isupper() or not window[at + 1 : at + 2].islower():
        return None
    lowered = window[:at] + window[at].lower() + window[at + 1 :]
    match = pattern.match(lowered)
    if match is None:
        return None
    return after_at + match.start("cue"), after_at + match.end(), bool(match.group("nya"))


# A word in lower case, then a space, right before an opening mark: a quote inside a sentence.
_LOWER_BEFORE = re.compile(r"(?<![\w-])[a-z]+[ \t\xa0]\Z")


# A noun for someone's words followed by a name: the source of the quoted words.
_SOURCE_NAMED = re.compile(
    r"(?<![\w-])(?:tudingan|tuduhan|klaim|pernyataan|ucapan|perkataan|kata-kata|komentar|kritik"
    r"|sindiran|anggapan|tuntutan|pendapat|usulan|permintaan|janji|ajakan|seruan|tuding)"
    r"(?:nya)?[ \t\xa0]+(?:[a-z]+[ \t\xa0]+){0,2}[A-Z]"
)


def _partial_quote(
    reader: _Reader, span: _Span, segments: list[tuple[int, int]]
) -> tuple[str | None, str, bool] | None:
    """(speaker, cue, True) for someone's words quoted inside a sentence that says they spoke
    or thought them: four words or more in lower case after a lower-case word, and a verb of
    speech or thought before them in the sentence, whose subject is a person ('Veronica Koman
    … mengatakan bahwa ada "kampanye pemerintah … untuk menekan saya agar diam"'). None
    otherwise: a scare-quoted term or a title is nobody's words."""
    text = reader.text
    passage = text[span.start : span.end]
    if not passage[:1].islower() or sum(w[:1].islower() for w in passage.split()) < 4:
        return None
    if not _LOWER_BEFORE.search(text, max(0, span.open - 20), span.open):
        return None
    lo = segments[span.segment][0]
    starts = reader.sentence_starts
    begin = max(lo, starts[max(0, bisect_right(starts, span.open) - 1)])
    verbs = list(reader.patterns["any_verb"].finditer(text, begin, span.open))
    if not verbs:
        return None
    if _SOURCE_NAMED.search(text, verbs[-1].end(), span.open):
        # "Jokowi mengaku heran dengan tudingan Prabowo Subianto bahwa …": the words are the
        # named source's, not the subject's
        return None
    # up to the verb's end, so that the name right before it is read as the one who speaks
    # ("…, dengan menundukkan Mike Tyson, Douglas mengungkapkan … bahwa ia mampu menang "…"")
    speaker = reader._subject_in(begin, verbs[-1].end())
    if not speaker:
        return None
    return speaker, verbs[-1].group("cue"), True
