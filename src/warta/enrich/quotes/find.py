"""``find_quotes``: direct quotes in text order (with continuation quotes and the rules
that carry a speaker from one quote to the next), then indirect speech, sorted by position."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import msgspec

from warta.article import Attribution, Quote
from warta.enrich.quotes.cues import _cues
from warta.enrich.quotes.direct import _direct_speaker
from warta.enrich.quotes.indirect import _indirect
from warta.enrich.quotes.marks import (
    _after_cue_clause,
    _follows,
    _is_title,
    _opens_sentence,
    _quoted,
    _segments,
    _Span,
)
from warta.enrich.quotes.names import _has_word
from warta.enrich.quotes.reader import _Reader
from warta.enrich.speakers import PersonModel

if TYPE_CHECKING:
    from warta.enrich.ner.tagger import Mention


_LANGUAGES = ("id", "en", "ms")
# Two apostrophes standing for a quote mark (not inches after a number: "layar 14''").
_TWO_APOSTROPHES = re.compile(r"(?<!\d)''")

# A zero-width or direction mark (U+200B-U+200F, UTF-8 E2 80 8B-8F) read as Mac Roman, its
# first byte printed as an apostrophe or a low quote mark: "'Äé", "‚Äã".
_INVISIBLE_MOJIBAKE = re.compile(r"['‚]Ä[ãåçéè]")

# The first name before a quoted nickname and the last name after it: 'Henri "Carraway" Teja'.
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z][\w'’-]*[ \t\xa0]+\Z")
_LAST_NAME_AFTER = re.compile(r"[ \t\xa0]+[A-Z][a-z]")


def _nickname(text: str, span: _Span) -> bool:
    """True when the quoted passage is one word between two capitalised names: a handle
    ('Henri "Carraway" Teja', 'Hartanto "POKKA" Lius'), not a quote."""
    passage = text[span.start : span.end]
    return (
        0 < len(passage) <= 20
        and " " not in passage.strip()
        and _FIRST_NAME_BEFORE.search(text, max(0, span.open - 30), span.open) is not None
        and _LAST_NAME_AFTER.match(text, span.close + 1) is not None
    )


def find_quotes(
    text: str,
    language: str | None = None,
    *,
    speakers: list[str] | None = None,
    mentions: list[Mention] | None = None,
) -> list[Quote]:
    """Direct and indirect quotes in an article's text, in text order.

    ``language`` is the article's language code: Indonesian and English are read, any other
    language gives an empty list (None reads the text as Indonesian). ``speakers`` optionally names
    known people to prefer as speakers. ``mentions`` are the NER model's mentions in ``text``
    (:func:`warta.enrich.ner.tagger.tag`, with :func:`warta.enrich.entities.add_repeats`), as
    :func:`warta.enrich.annotate.annotate` shares them with the entities step: the model then
    says which names are people, where a person's full name starts, and which capitalised runs
    are organisations or places (see :class:`~warta.enrich.speakers.PersonModel`). Without
    them the capitalisation rules decide alone.
    """
    if language is not None and language.split("-")[0].lower() not in _LANGUAGES:
        return []
    if not text:
        return []
    if _TWO_APOSTROPHES.search(text):
        # Two apostrophes for a quote mark ("''Terima kasih,'' ucap …", as some outlets print
        # them): read as one mark and a space (same length), the quotes' text cut from the
        # text as given. Not after a digit: "layar 14''" is inches, and one mark more there
        # would pair every quote after it the wrong way.
        shadow = find_quotes(
            _TWO_APOSTROPHES.sub('" ', text), language, speakers=speakers, mentions=mentions
        )
        return [msgspec.structs.replace(q, text=text[q.start : q.end]) for q in shadow]
    if "Ä" in text and _INVISIBLE_MOJIBAKE.search(text):
        # "Luthfi Jayadi Kurniawan'Äé menyatakan": an invisible mark (U+200B-U+200F) whose
        # UTF-8 bytes were read as Mac Roman, glued to a word; read as spaces (same length),
        # so it neither joins a name nor opens a quote, the quotes' text cut from the text
        shadow = find_quotes(
            _INVISIBLE_MOJIBAKE.sub(lambda m: " " * len(m.group()), text),
            language,
            speakers=speakers,
            mentions=mentions,
        )
        return [msgspec.structs.replace(q, text=text[q.start : q.end]) for q in shadow]
    segments, links = _segments(text)
    spans = _quoted(text, segments)
    people = (
        PersonModel(text, mentions, skip=sorted((s.open, s.close + 1) for s in spans))
        if mentions is not None
        else None
    )
    reader = _Reader(text, speakers, spans, segments, links, people)
    quotes: list[Quote] = []
    patterns = reader.patterns
    previous: _Span | None = None
    previous_speaker: str | None = None
    history: list[str] = []  # the speakers so far, in order
    abstained = False  # the last quote stood alone, and nobody known said it
    unnamed_close: int | None = None  # the close of the last such quote, until someone speaks
    for span in spans:
        if _nickname(text, span):
            continue  # 'Henri "Carraway" Teja': a handle inside a name, nobody's words
        speaker, cue, found = _direct_speaker(reader, span, segments)
        hole = False  # this quote's cue names nobody where the scraper dropped a name
        role: str | None = None  # the role that cue prints before the hole, if it prints one
        how: Attribution = "named"
        if cue is None:
            # No cue: a continuation when it opens a segment (or a sentence) right after a quote.
            if _is_title(text, span):
                continue  # '"Hotel Del Luna" sendiri …': a title, nobody's words
            if (
                previous is not None
                and previous_speaker
                and _follows(text, previous, span, segments)
            ):
                named = reader.person_at(_after_cue_clause(text, previous.close + 1), span.open)
                if named and _about(text[span.start : span.end], named):
                    named = None  # "… pengrajin Gambo Muba …" between and inside: its topic
                speaker, found = named or previous_speaker, True
                how = "context" if named else "continued"
            elif (
                _opens_sentence(text, span, segments)
                and span.end - span.start > 40
                and not _UNKNOWN_TAG.match(text, span.close + 1)
            ):
                # A long quote standing alone as a sentence is the subject's, unless a word we
                # do not know tags it ("komentar netter"): then we cannot tell whose it is.
                speaker = reader.subject_before(span.open)
                # '"Akting Jung Ji Hoon luar biasa …"' after "netter … akting Jung Ji Hoon":
                # the person the quote names in full is whom it is about, not who says it;
                # and the untagged quotes that follow are the same unknown voices
                chained = (
                    abstained
                    and previous is not None
                    and _follows(text, previous, span, segments)
                    # not when someone is named in between ("Tetangga lain yang bernama
                    # Dewi Jones mengatakan …. "…"")
                    and reader.person_at(_after_cue_clause(text, previous.close + 1), span.open)
                    is None
                )
                if speaker is None and not chained:
                    continue
                if chained or _about(text[span.start : span.end], speaker or ""):
                    speaker = None
                found = speaker is not None
                how = "context"
            else:
                continue
        elif not found:
            speaker = reader.role_holder(span.close + 1)
            how = "role" if speaker else "pronoun"
            role = None if speaker else _role_before_hole(text, span.close + 1)
            hole = role is not None
            if speaker is None and not hole:
                if unnamed_close is not None and reader.person_at(unnamed_close + 1, span.open) is None:
                    # '"…," ujar Pengamat politik , …. "…," jelasnya.': the one whose name the
                    # scraper dropped goes on speaking while nobody else is named
                    hole = True
                else:
                    speaker = reader.subject_before(span.open)
            if speaker is None and reader.last_speaker is None:
                # nobody named before: the person the next sentences are about
                # ('"…," kata dia. Isyana mengaku …')
                speaker = reader.subject_after(_after_cue_clause(text, span.close + 1))
            if (
                speaker
                and reader.last_speaker
                and speaker != reader.last_speaker
                and (
                    _named_in(text[span.start : span.end], speaker)
                    or _named_otherwise(reader, text[span.start : span.end], speaker, span.start)
                )
            ):
                # '"Aminah lalu pulang …," ungkapnya': a quote that names the one the
                # sentences before were about is about her, not by her; the last speaker goes on
                speaker = reader.last_speaker
            if (
                speaker is not None
                and speaker == previous_speaker
                and previous is not None
                and cue.split()[0] in _ANSWER_CUES
                and text[previous.start : previous.end].rstrip().endswith("?")
            ):
                # '"…?" kata X. "…," jawab [nobody named]': the one asked answers, not X;
                # nobody named when nobody else has spoken ('"Setuju," jawab anggota Baleg')
                speaker = next((s for s in reversed(history) if s != speaker), None)
        speaker = reader.canonical(_without_possessor(speaker), span.start)
        if cue is not None:
            if speaker:
                unnamed_close = None
            elif role is not None and text.find(role, 0, span.open) < 0:
                # the role is printed nowhere before: someone the article has not met
                # ('"…," ujar Pengamat politik , …'), so the "-nya" cues that follow are theirs
                # too, not the last person named
                unnamed_close = span.close
        quotes.append(
            Quote(
                speaker=speaker,
                cue=cue,
                text=text[span.start : span.end],
                start=span.start,
                end=span.end,
                attribution=how if speaker else None,
            )
        )
        if speaker:
            reader.last_speaker = speaker
            reader.known.add(speaker)
        reader.last_close = span.close
        # the last quote has nobody named: standing alone, or cued by someone left unnamed
        # ('"…," kata seorang juru bicara Facebook. "…"': what follows goes on unnamed)
        abstained = speaker is None
        previous, previous_speaker = span, speaker
        if speaker:
            history.append(speaker)
    quotes.extend(_indirect(reader, patterns, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


# After a quote's closing mark: the cue verb, a role whose first word is capitalised, and the hole
# of a name the scraper dropped, a comma with a space before it ('…," ungkap Wakil Ketua , , di
# Gedung …', '…," ujar Pengamat politik , kepada …'). Written text puts no space before a comma.
# A verb straight before the hole ('…," kata ,.') is not asked: there the dropped name is nearly
# always the person the article is about, whom the sentences before name.
_ROLE_THEN_HOLE = re.compile(
    r"[,.!?]?[\"”]?[ \t\xa0]*,?[ \t\xa0]*[a-z]+[ \t\xa0]+(?P<role>[A-Z][\w.]*)"
    r"(?:[ \t\xa0]+(?:[A-Z][\w.]*|[a-z]\w*)){0,4}[ \t\xa0]+,(?=[\s,.;]|$)"
)


def _role_before_hole(text: str, at: int) -> str | None:
    """The role's first word when the cue after a quote names a role whose holder's name the
    scraper dropped, else None: the quote is that unnamed person's, not the subject of the
    sentences before (a suspect the story is about, when the deputy chair of the agency speaks)."""
    found = _ROLE_THEN_HOLE.match(text, at, at + 120)
    return found.group("role") if found is not None else None


_POSSESSOR = re.compile(r"^.*[’']s\b\s*")


def _without_possessor(speaker: str | None) -> str | None:
    """The person after a possessor ("Car Talk’s John Paul" → "John Paul", "the agency's Jane
    Roe"), or None when the run is only the possessor ("Car Talk’s"): the capitalisation rules
    take the whole run, and a show, a firm or a country never speaks for the person it names."""
    if not speaker or ("’" not in speaker and "'" not in speaker):
        return speaker
    rest = _POSSESSOR.sub("", speaker, count=1)
    if rest == speaker:
        return speaker
    return rest if rest[:1].isupper() else None


def _named_in(passage: str, name: str) -> bool:
    """True when a word of ``name`` (of three letters or more) stands in ``passage``; in lower
    case too after a form of address ("… diskusi sama mbak susan": a quote that names Susan is
    not hers), but not alone: "indah" in '"Pemandangannya indah," ujarnya' is no name, and
    Indah Permatasari may say it."""
    addressed = {m.group(1).casefold() for m in _ADDRESSED.finditer(passage)}
    return any(
        len(word) > 2 and (_has_word(passage, word) or word.casefold() in addressed)
        for word in name.split()
    )


def _named_otherwise(reader: _Reader, passage: str, name: str, position: int) -> bool:
    """True when ``passage`` names ``name`` by another of its names: a capitalised word the
    article ties to the same person ('"…, Pak Jokowi datang jam 2 siang," kata dia' after
    "Joko Widodo"): a quote that speaks of someone by a short name or nickname is about
    them, as one that prints a word of the full name is (``_named_in``). Only a word the NER
    model tags alone as a person counts: the rules' full name may hold a place or a firm the
    model joined to it ("Bogor" of "Kapolres Bogor Suparno Jumar")."""
    people = reader.people
    if people is None:
        return False  # without the model, a capitalised word may be a place or a firm
    full = reader.canonical(name, position)
    for word in set(_CAPITALISED.findall(passage)):
        if (
            word not in name
            and people.is_person_name(word)
            and reader.canonical(word, position) == full
        ):
            return True
    return False


# A capitalised word of three letters or more (a name's form inside speech).
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z][\w'’-]+")


# A form of address written in lower case inside speech and the word after it: "sama mbak
# susan", "kata pak budi".
_ADDRESSED = re.compile(
    r"(?<![\w-])(?:mbak|mba|mas|pak|bu|bang|kak|om|tante|dek|dik|bapak|ibu|kang|teh|cak|gus"
    r"|ning|uda|uni|opung|ompung|eyang|mbah|ustaz|ustadz)[ \t\xa0]+([\w'’-]+)"
)


def _about(passage: str, name: str) -> bool:
    """True when ``passage`` names ``name`` in full, and not as the speaker of a cue inside it
    ("… dihipnotis,'' ungkap Lee Jinhyuk. ''Saya …": marks a scraper left unmatched)."""
    if not name:
        return False
    after = frozenset(_cues().after)
    at = passage.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not (passage[at - 1].isalnum() or passage[at - 1] == "-")) and not (
            end < len(passage) and (passage[end].isalnum() or passage[end] == "-")
        )
        before = passage[max(0, at - 20) : at].split()
        if whole and not (before and before[-1].casefold() in after):
            return True
        at = passage.find(name, end)
    return False


# Cues of a reply: after a question, the one asked answers.
_ANSWER_CUES = frozenset({"jawab", "jawabnya", "balas", "balasnya", "sahut", "sahutnya"})
# A lower-case word after a quote: a tag, whether we know its verb or not.
_UNKNOWN_TAG = re.compile(r"[ \t\xa0,]*[a-z]")
