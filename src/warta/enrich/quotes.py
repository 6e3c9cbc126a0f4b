"""Quotes in Indonesian and English news: who said what, with which cue, and where.

``find_quotes`` returns direct quotes ("…," kata Yang Moo Jin / X mengatakan, "…" / "…," said X),
continuation quotes (a quote with no cue right after a quoted passage goes to the same speaker),
and indirect speech (X mengatakan bahwa …, Menurut X, …). Each has its speaker's full name, the cue
as printed, and its character span in the article text (paragraphs joined by a blank line; text
whose paragraphs a scraper joined with commas, "….,Next paragraph", is read the same way).

Rules, not a model: a cue lexicon (``assets/quote_cues.txt``) and capitalisation-based names
(:mod:`warta.enrich.speakers`). A quote whose cue is a pronoun ("katanya", "kata dia") or an
anaphor ("kata politisi Partai Hanura itu") goes to the subject of the sentences before it, else to
the last speaker. Every pattern is bounded, so long texts cannot make a regex backtrack badly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

from warta.article import Quote
from warta.enrich.speakers import (
    NameIndex,
    at_sentence_start,
    glue_points,
    is_name_stopword,
    name_runs,
    person_in,
)

__all__ = ["find_quotes"]

_LANGUAGES = ("id", "en", "ms")
_PRONOUNS = frozenset({"dia", "ia", "beliau", "dirinya", "he", "she", "they", "mereka"})
# A pronoun standing for a person in a sentence: the person is the one talked about before.
_PRONOUN = re.compile(r"(?<![\w-])(?:[Dd]ia|[Ii]a|[Bb]eliau|[Dd]irinya|He|he|She|she)(?![\w-])")
_OPEN = "“"
_CLOSE = "”"
_QUOTE_MARKS = re.compile('["“”]')
# Paragraph ends: blank lines, and a comma glued after a sentence end, which is how some scrapers
# joined paragraphs ("….,Next paragraph", "…",Next").
# Text a scraper glued together also starts a paragraph: "….Baca juga", "…Marino\"Tapi …".
_BOUNDARY = re.compile(
    r"\n\s*|[.!?\"”],+ ?(?=[^\s\d,])"
    r"|(?<=[a-z])(?P<stop>[.!?])(?=[A-Z])|(?<=[a-z\])])(?P<mark>[\"“])(?=[A-Z])"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$|[\"“”A-Z])|\n")
# A paragraph that only links to another article: "Baca juga: …", "Simak Video …".
_LINK = re.compile(r"\s*(?:Baca|BACA|Simak|Lihat|Tonton)(?:\s+(?:[Jj]uga|JUGA|[Vv]ideo))?\s*:")
_NAME = r"(?:(?:[A-Z]|Dr|Prof|Mr|Mrs|Ms|Hj|Ir)\.|[A-Z][\w&'’]*(?:-[\w&'’]+)*|@[\w.]+\w)"
_NAME_RUN = rf"{_NAME}(?:\s+(?:(?:bin|binti|van|von|de|da|al|el)\s+)?{_NAME}){{0,6}}"
_RUN = re.compile(_NAME_RUN)
# Where the phrase naming a speaker after a cue ends (a dot inside "@mr.muhamadrafi" does not).
_CLAUSE_STOP = re.compile(
    r"[;!?\n]|\.(?!\w)|,\s*(?![A-Z]{2,}\b|AKBP|AKP|Kombes)|\s(?:di|saat|ketika|kepada|dalam|usai|seusai"
    r"|seperti|melalui|pada|dilansir|dikutip|yang|sambil|sembari|when|in|at|on|to|after)\s"
)


# An organisation's name is followed by its abbreviation: "(BIL)", "(Satpel LH)".
_ACRONYM_AFTER = re.compile(r"\s*\((?:[A-Z][\w-]*\s?){1,3}\)")
# Words that open a description of people left unnamed: "jawab para penonton".
_UNNAMED = frozenset({"para", "seorang", "salah", "beberapa", "sejumlah", "banyak", "sebagian"})


def _merged(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words with only a space between them joined into one phrase:
    "Manajer Bursa Mobil Bekas WTC Mangga Dua" + "Herjanto Kosasih"."""
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and text[merged[-1][1] : lo] in (" ", "\xa0"):
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cue verbs that follow a quote, and those that introduce one."""
    after: list[str] = []
    before: list[str] = []
    source = files("warta.assets").joinpath("quote_cues.txt").read_text(encoding="utf-8")
    for line in source.splitlines():
        side, _, word = line.partition(":")
        if side == "after":
            after.append(word.strip())
        elif side == "before":
            before.append(word.strip())
    return tuple(after), tuple(before)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    after, before = _cues()
    cue_after = _alternation(after)
    cue_before = _alternation(before)
    return {
        # After the closing mark: "kata Yang", "ujarnya", "demikian pernyataan tim X", "said X".
        "after": re.compile(
            rf"[\s,]*(?:(?:demikian|begitu)\s+)?(?P<cue>(?:{cue_after})(?:nya)?)(?![\w-])"
        ),
        # After the closing mark, name first: "Lorenzo mengatakan", "Putin said".
        "after_name": re.compile(rf"[\s,]*(?P<name>{_NAME_RUN})\s+(?P<cue>{cue_before})\b"),
        # A one-word speaker's name: "kata Matsani", "Matsani, menyatakan".
        "named": re.compile(
            rf"\b(?:{cue_after})\s+(?P<after>[A-Z][a-z]{{2,}})\b(?![ \t]*[A-Z])"
            rf"|\b(?P<before>[A-Z][a-z]{{2,}}),?\s+(?:{cue_before})\b"
        ),
        "according": re.compile(r"[\s,]*(?P<cue>according to)\s+"),
        # Before the opening mark: "X mengatakan, ", "kata X: ", "Menurut X, ", "X said: ".
        "before": re.compile(
            rf"(?P<cue>\b(?:{cue_before})(?:\s+(?:bahwa|lagi|pula))?|\bkata\s+(?P<name>{_NAME_RUN}))"
            r"\s*[,:]?\s*$"
        ),
        "menurut_before": re.compile(
            rf"\b(?P<cue>[Mm]enurut(?:nya|\s+(?P<name>{_NAME_RUN})))\s*[,:]?\s*$"
        ),
        # Indirect: "X mengatakan, …", "Ia menyebutkan bahwa …", "Menurut X, …".
        # Indirect: "X mengatakan, …", "Ia menyebutkan bahwa …": the subject before the verb,
        # and the link after it.
        "subject": re.compile(
            rf"(?P<subject>{_NAME_RUN})(?:\s*\([A-Za-z]{{2,12}}\))?,?\s+(?:pun\s+|juga\s+|bahkan\s+)?\Z"
        ),
        # "X menerangkan faktor cuaca …" links with a plain space, unless what follows says
        # where, when or to whom rather than what ("mengatakan kepada wartawan, …").
        "link": re.compile(
            r"(?:\s+lagi)?(?P<link>\s*,\s*|\s+bahwa\s+|\s+jika\s+|\s+(?=[a-z])(?!(?:hal|kepada"
            r"|pada|di|ke|saat|dalam|melalui|usai|seusai|ketika|sambil|sembari|sebelumnya|hari"
            r"|kemarin|dengan|lewat|secara|bahwa|jika|hal|lagi|pula|juga|pun|akan|sudah|telah)\b))"
        ),
        "menurut": re.compile(
            rf"\b(?P<cue>[Mm]enurut(?:nya|\s+(?P<who>dia|ia|beliau|{_NAME_RUN})))(?:\s*,\s*|\s+(?=[a-z]))"
        ),
    }


class _Span:
    """A quoted passage: the marks' positions and its segment."""

    __slots__ = ("open", "close", "start", "end", "segment")

    def __init__(self, open_at: int, close_at: int, start: int, end: int, segment: int) -> None:
        self.open = open_at
        self.close = close_at
        self.start = start
        self.end = end
        self.segment = segment


def _segments(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(paragraphs, links): the text's paragraphs, and the "Baca juga: …" lines among them,
    which are left out of the paragraphs. A link glued to the next paragraph ends where a
    lower-case letter meets a capital ("… di MisanoSituasi Lorenzo …")."""
    spans: list[tuple[int, int]] = []
    links: list[tuple[int, int]] = []
    at = 0

    def add(lo: int, hi: int) -> None:
        if hi <= lo:
            return
        if _LINK.match(text, lo, hi):
            glued = glue_points(text, lo + 12, hi)
            cut = glued[0] if glued else hi
            links.append((lo, cut))
            lo = cut
        if hi > lo:
            spans.append((lo, hi))

    for match in _BOUNDARY.finditer(text):
        if match.group("stop"):
            cut = next_at = match.end()
        elif match.group("mark"):
            cut = next_at = match.start("mark")
        else:
            cut = match.start() if text[match.start()] == "\n" else match.start() + 1
            next_at = match.end()
        add(at, cut)
        at = next_at
    add(at, len(text))
    return spans, links


def _looks_closing(text: str, at: int) -> bool:
    """A straight mark right after a comma or stop and before a lower-case cue closes a quote."""
    return text[at - 1 : at] in (",", ".", "!", "?") and bool(
        re.match(r"\s*[a-z]", text[at + 1 : at + 4])
    )


def _quoted(text: str, segments: list[tuple[int, int]]) -> list[_Span]:
    """Pair the quote marks of each segment; an unclosed quote runs to the segment's end and a
    lone closing mark closes a quote that began at the segment's start."""
    spans: list[_Span] = []
    for index, (lo, hi) in enumerate(segments):
        opened: int | None = None
        for match in _QUOTE_MARKS.finditer(text, lo, hi):
            at = match.start()
            mark = match.group()
            if opened is None:
                if mark == _CLOSE or (mark == '"' and _looks_closing(text, at)):
                    if at - lo > 30 and not spans or (spans and spans[-1].close < lo):
                        spans.append(_Span(lo - 1, at, lo, at, index))
                    continue
                opened = at
            else:
                if mark == _OPEN and text[opened] == _OPEN:
                    opened = at  # a lost closing mark: start again here
                    continue
                spans.append(_Span(opened, at, opened + 1, at, index))
                opened = None
        if opened is not None and hi - opened > 20:
            spans.append(_Span(opened, hi, opened + 1, hi, index))
    for span in spans:
        while span.end > span.start and text[span.end - 1] in " ,":
            span.end -= 1
    return [s for s in spans if s.end - s.start >= 2]


class _Reader:
    """The state of one pass over an article: names, sentences, the last speaker, the quotes."""

    def __init__(
        self,
        text: str,
        speakers: list[str] | None,
        spans: list[_Span],
        segments: list[tuple[int, int]],
        links: list[tuple[int, int]],
    ) -> None:
        self.text = text
        self.quote_ranges = [(s.open, s.close + 1) for s in spans]
        self.links = links
        # Names inside quotes or links name nobody who speaks here.
        self.names = NameIndex(text, skip=sorted(self.quote_ranges + links))
        self.known = set(speakers or ())
        self.last_speaker: str | None = None
        self.last_close = -1
        self.patterns = _patterns()
        starts = {lo for lo, _hi in segments} | {hi for _lo, hi in links}
        starts.update(m.end() for m in _SENTENCE_END.finditer(text))
        starts.update(glue_points(text))
        self.sentence_starts = sorted(starts)
        self._known_speakers()

    def canonical(self, name: str | None, position: int) -> str | None:
        if not name:
            return None
        return self.names.canonical(name, position)

    def name_after(self, position: int, limit: int = 90) -> tuple[str | None, bool]:
        """The speaker named after a cue: (name, found). ``found`` is False for a pronoun or an
        anaphor such as "politisi Partai Hanura itu", which the caller resolves."""
        text = self.text
        clause_end = min(len(text), position + limit)
        stop_match = _CLAUSE_STOP.search(text, position, clause_end)
        end = stop_match.start() if stop_match else clause_end
        clause = text[position:end].strip()
        if not clause:
            return None, False
        first = clause.split()[0].lower()
        if first in _PRONOUNS:
            return None, False
        if first in _UNNAMED:
            return None, True  # "jawab para penonton": nobody named
        if clause[0].islower() and re.search(r"\s(?:ini|itu|tersebut)$", clause):
            return None, False  # "kata politisi Partai Hanura itu": the person spoken of before
        for lo, hi in _merged(name_runs(text, position, end), text):
            phrase = text[lo:hi]
            person = person_in(phrase)
            if person and len(person) > 1:
                return person, True
            if lo == position + text[position:end].find(phrase[:1]) and re.fullmatch(
                r"[A-Z]{2,6}", phrase
            ):
                return phrase, True  # an organisation speaks: "tulis KPI"
        if clause[0].islower():
            # "kata politisi Partai Hanura itu", "jelas cowok yang kini berusia 25 tahun": a
            # description of someone spoken of before.
            return None, False
        # A role before a comma ("Kasubdit … Polda Lampung, AKBP Ferdiyan Fahmi") names the
        # person after it.
        if stop_match and text[stop_match.start()] == "," and re.match(r"[A-Z]", clause):
            rest = re.match(
                rf",\s*(?P<name>{_NAME_RUN})", text[stop_match.start() : stop_match.start() + 60]
            )
            if rest:
                person = person_in(rest.group("name"))
                if person:
                    return person, True
        return None, False

    def _known_speakers(self) -> None:
        """Single words the article uses as speakers' names ("kata Matsani", "Teddy
        mengatakan"), so that a later "-nya" cue may go to them."""
        text = self.text
        for match in self.patterns["named"].finditer(text):
            name = match.group("after") or match.group("before")
            if self._inside_quote(match.start()) or is_name_stopword(name, sentence_start=True):
                continue
            self.known.add(self.names.canonical(name, match.start()))
            self.known.add(name)

    def person_at(self, start: int, end: int) -> str | None:
        """The first person named in ``text[start:end]`` outside quotes: a name of two or more
        words, or one word the article uses as a name elsewhere."""
        text = self.text
        for lo, hi in name_runs(text, start, end):
            if self._inside_quote(lo) or _ACRONYM_AFTER.match(text, hi, hi + 20):
                continue  # inside a quote, or an organisation with its acronym: "… Lombok (BIL)"
            person = person_in(text[lo:hi], sentence_start=at_sentence_start(text, lo))
            if not person:
                continue
            if " " not in person and not person.startswith("@") and person not in self.known:
                full = self.canonical(person, lo)
                if full is None or " " not in full:
                    continue
                person = full
            return self.canonical(person, lo)
        return None

    def subject_before(self, position: int) -> str | None:
        """The person a pronoun cue ("katanya", "kata dia") at ``position`` stands for.

        Sentence by sentence back from ``position``: the first person named outside quotes in
        the nearest sentence that names one; a sentence whose pronoun ("ia", "dirinya") or
        anaphor ("Kakak Raoul Salim ini") comes before any name is about the person before it,
        that is, the last speaker when there is one; reaching the last quote gives its speaker.
        """
        starts = self.sentence_starts
        floor = max(0, position - 600)
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
            if found == "":
                if self.last_speaker:
                    return self.last_speaker
            elif found is not None:
                return found
            end = begin
        return self.last_speaker

    def _subject_in(self, start: int, end: int) -> str | None:
        """The person a sentence is about: a name, "" when a pronoun or an anaphor comes
        first, None when it names nobody."""
        text = self.text
        head = text[start : start + 80].lstrip(' ,"“”-–')
        offset = start + len(text[start : start + 80]) - len(head)
        run = _RUN.match(head)
        if run and re.match(r"\s+(?:ini|itu|tersebut)\b", head[run.end() : run.end() + 12]):
            return ""
        pronoun = _PRONOUN.search(text, offset, end)
        while pronoun is not None and self._inside_quote(pronoun.start()):
            pronoun = _PRONOUN.search(text, pronoun.end(), end)
        limit = min(end, offset + 160)
        if pronoun is not None:
            limit = min(limit, pronoun.start())
        person = self.person_at(offset, limit)
        if person:
            return person
        return "" if pronoun is not None else None

    def _quote_at(self, position: int) -> tuple[int, int] | None:
        ranges = self.quote_ranges
        at = bisect_right(ranges, (position, len(self.text) + 1)) - 1
        if at >= 0 and ranges[at][0] <= position < ranges[at][1]:
            return ranges[at]
        return None

    def _inside_quote(self, position: int) -> bool:
        return self._quote_at(position) is not None


def find_quotes(
    text: str, language: str | None = None, *, speakers: list[str] | None = None
) -> list[Quote]:
    """Direct and indirect quotes in an article's text, in text order.

    ``language`` is the article's language code: Indonesian and English are read, any other
    language gives an empty list (None reads the text as Indonesian). ``speakers`` optionally names
    known people (from an NER step) to prefer as speakers.
    """
    if language is not None and language.split("-")[0].lower() not in _LANGUAGES:
        return []
    if not text:
        return []
    segments, links = _segments(text)
    spans = _quoted(text, segments)
    reader = _Reader(text, speakers, spans, segments, links)
    quotes: list[Quote] = []
    patterns = reader.patterns
    previous: _Span | None = None
    previous_speaker: str | None = None
    for span in spans:
        speaker, cue, found = _direct_speaker(reader, span, segments)
        if cue is None:
            # No cue: a continuation when it opens a segment (or a sentence) right after a quote.
            if (
                previous is not None
                and previous_speaker
                and _follows(text, previous, span, segments)
            ):
                named = reader.person_at(previous.close + 1, span.open)
                speaker, found = named or previous_speaker, True
            elif _opens_sentence(text, span, segments) and span.end - span.start > 40:
                speaker = reader.subject_before(span.open)
                found = speaker is not None
                if not found:
                    continue
            else:
                continue
        elif not found:
            speaker = reader.subject_before(span.open)
        speaker = reader.canonical(speaker, span.start)
        quotes.append(
            Quote(
                speaker=speaker,
                cue=cue,
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
            )
        )
        if speaker:
            reader.last_speaker = speaker
            reader.known.add(speaker)
        reader.last_close = span.close
        previous, previous_speaker = span, speaker
    quotes.extend(_indirect(reader, patterns, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


def _follows(text: str, previous: _Span, span: _Span, segments: list[tuple[int, int]]) -> bool:
    """True when ``span`` opens its segment (or a sentence) and follows ``previous`` closely: in
    the next segment, or in the same one after the previous quote's cue."""
    if span.segment - previous.segment > 1:
        return False
    if not _opens_sentence(text, span, segments):
        return False
    gap = text[previous.close + 1 : span.open]
    return (
        len(gap) < 200
        or span.segment == previous.segment + 1
        and span.open == segments[span.segment][0]
    )


def _opens_sentence(text: str, span: _Span, segments: list[tuple[int, int]]) -> bool:
    lo = segments[span.segment][0]
    before = text[lo : max(lo, span.open)].rstrip()
    return not before or before[-1] in '.!?:"”' or before.endswith(("Baca juga", "Baca Juga"))


def _direct_speaker(
    reader: _Reader, span: _Span, segments: list[tuple[int, int]]
) -> tuple[str | None, str | None, bool]:
    """(speaker, cue, found) for one quoted passage; cue None when it has no cue."""
    text = reader.text
    patterns = reader.patterns
    after_at = span.close + 1
    match = patterns["after"].match(text, after_at, min(len(text), after_at + 40))
    if match:
        cue_word = match.group("cue")
        cue_end = match.end()
        if cue_word.endswith("nya") and cue_word != "pernyataan":
            return None, cue_word, False
        name, found = reader.name_after(cue_end)
        cue = text[match.start("cue") : cue_end]
        if found and name:
            return name, f"{cue} {name}", True
        return None, cue, False
    match = patterns["after_name"].match(text, after_at, min(len(text), after_at + 80))
    if match:
        person = person_in(match.group("name"))
        if person:
            return person, f"{match.group('name')} {match.group('cue')}", True
    match = patterns["according"].match(text, after_at, min(len(text), after_at + 20))
    if match:
        name, found = reader.name_after(match.end())
        return name, "according to", found
    # A cue before the opening mark, in the same sentence.
    lo = max(segments[span.segment][0], span.open - 160)
    head = text[lo : max(lo, span.open)]
    match = patterns["before"].search(head) or patterns["menurut_before"].search(head)
    if match:
        cue = match.group("cue")
        if match.group("name"):
            person = person_in(match.group("name"))
            return person, cue, person is not None
        sentence_start = max(
            [lo] + [lo + m.end() for m in _SENTENCE_END.finditer(head, 0, match.start())]
        )
        subject = text[sentence_start : lo + match.start()]
        for run in _RUN.finditer(subject):
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


def _indirect(
    reader: _Reader, patterns: dict[str, re.Pattern[str]], direct: list[Quote]
) -> list[Quote]:
    """Reported speech: "X mengatakan, …", "Ia menyebutkan bahwa …", "Menurut X, …"."""
    text = reader.text
    found: list[Quote] = []
    quoted = reader.quote_ranges

    def inside_quote(position: int) -> bool:
        return any(lo <= position < hi for lo, hi in quoted)

    def speaker_before(position: int) -> str | None:
        last = None
        for q in direct + found:
            if q.start < position and q.speaker:
                last = q
        if last is not None and position - last.end < 700:
            return last.speaker
        return reader.subject_before(position)

    def add(speaker: str | None, cue: str, start: int) -> None:
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
            )
        )

    subject_pattern = patterns["subject"]
    link_pattern = patterns["link"]
    for cue_word in _cues()[1]:
        at = text.find(cue_word)
        while at >= 0:
            position, at = at, text.find(cue_word, at + 1)
            if position and text[position - 1].isalnum():
                continue
            link = link_pattern.match(text, position + len(cue_word))
            if link is None or inside_quote(position):
                continue
            subject = subject_pattern.search(text, max(0, position - 90), position)
            if subject is None:
                continue
            name = subject.group("subject")
            if name.split()[0].lower() in _PRONOUNS:
                speaker = speaker_before(subject.start())
            else:
                person = person_in(name, sentence_start=at_sentence_start(text, subject.start()))
                if person is None:
                    continue
                speaker = reader.canonical(person, subject.start())
            add(speaker, text[position : link.start("link")], link.end())
    for match in patterns["menurut"].finditer(text) if "enurut" in text else ():
        if inside_quote(match.start()):
            continue
        who = match.group("who")
        if who is None or who.lower() in _PRONOUNS:
            speaker = speaker_before(match.start())
        else:
            person = person_in(who)
            speaker = reader.canonical(person, match.start()) if person else None
            if speaker is None:
                continue
        add(speaker, match.group("cue"), match.end())
    return found
