"""Entities step: NER mentions → :class:`~warta.article.Entity` records with canonical names.

A person mention that took in a capitalised common word before the name ("Sekretaris Pribadi BJ
Habibie", "Selain Budi Gunawan") loses it (:func:`without_openers`). Names the tagger found once
are looked for again in the same text (:func:`add_repeats`), then mentions of the same thing are
merged under one canonical name and counted:

* the same surface form (case and spacing ignored) is one entity;
* a person mentioned by part of a name given in full elsewhere in the article takes the full
  name: ``Putin`` → ``Vladimir Putin``, ``Yang`` → ``Yang Moo Jin`` (a part is a run of whole
  words at the start or at the end of the full name). When two full names share the part, the
  one mentioned more often (then first) wins;
* an all-caps organisation or place acronym takes a longer name of the same type whose initials
  it spells (``KPK`` → ``Komisi Pemberantasan Korupsi``);
* a hyphen-joined pair whose parts are named elsewhere (``Kim-Putin``) counts for each part;
* a nickname the text declares for a person named in full ("Sandiaga Salahuddin Uno (Sandi)",
  "Joko Widodo (Jokowi)", "Emil, sapaan akrab Ridwan Kamil", "X alias Y"; found by
  :class:`~warta.enrich.speakers.index.NameIndex`) is that person;
* a name tagged with different types in different places takes its most frequent type (ties go
  to the first mention).

Entities come out sorted by number of mentions, then by first appearance.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

import msgspec

from warta.article import Article, Entity
from warta.enrich.ner.tagger import EntityType, Mention, tag

LANGUAGES = frozenset({"id", "ms"})
"""Languages the model is for: Indonesian, and Malay, which is close enough to tag usefully."""

_SPACES = re.compile(r"\s+")


def _norm(name: str) -> str:
    return _SPACES.sub(" ", name).strip()


def _key(name: str) -> str:
    return _norm(name).casefold()


def _is_part(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` is a leading or trailing run of whole words of ``full``."""
    n = len(short)
    if n >= len(full):
        return False
    return full[:n] == short or full[-n:] == short


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def split_joined(mentions: list[Mention]) -> list[Mention]:
    """Split hyphen-joined names (``Kim-Putin``, ``Seoul-Moskow``) into their parts when every
    part is named on its own elsewhere (or is a word of a person's name); each part takes the
    type it has there."""
    known: dict[str, str] = {}
    for m in mentions:
        if "-" not in m.text:
            known.setdefault(_key(m.text), m.type)
            if m.type == "PERSON":
                for word in _norm(m.text).split(" "):
                    known.setdefault(word.casefold(), "PERSON")
    out: list[Mention] = []
    for m in mentions:
        parts = m.text.split("-")
        if len(parts) < 2 or not all(_key(p) in known for p in parts):
            out.append(m)
            continue
        start = m.start
        for part in parts:
            lead = len(part) - len(part.lstrip())
            name = part.strip()
            begin = start + lead
            kind: EntityType = _entity_type(known[_key(part)])
            out.append(Mention(name, kind, begin, begin + len(name)))
            start += len(part) + 1
    return out


def split_bracketed(mentions: list[Mention]) -> list[Mention]:
    """A person mention the tagger ran on into a bracket ("Sandiaga Salahuddin Uno (Sandi")
    is two: the name, and the short name in the bracket, which the text declares for it. An
    organisation keeps its bracket ("Pertamina (Persero)")."""
    out: list[Mention] = []
    for m in mentions:
        at = m.text.find("(")
        if m.type != "PERSON" or at <= 0:
            out.append(m)
            continue
        name = m.text[:at].rstrip()
        inside = m.text[at + 1 :].strip(" )")
        if name:
            out.append(Mention(name, m.type, m.start, m.start + len(name)))
        if inside and "(" not in inside:
            begin = m.start + m.text.index(inside, at)
            out.append(Mention(inside, m.type, begin, begin + len(inside)))
    return out


_OPENING = frozenset('.!?"“”:(—–')


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _OPENING or text[len(before) : start].count("\n") > 0


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "-_")


def without_openers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Person mentions that took in a capitalised common word before the name lose it:
    "Sekretaris Pribadi BJ Habibie", "Presiden Ketiga BJ Habibie", "Konser Perjalanan Panjang
    Ari Lasso", "Selain Budi Gunawan, …", "Kasus Gatot" (the tagger reads a capitalised word
    before a name as a first name). A mention is cut when its first word is a common Indonesian
    word, the whole mention is printed once, and the rest of the name stands elsewhere in the
    text without that word before it. A name whose first word is also a common word is printed
    so again and again ("Yang Moo Jin", "Demi Lovato") and stays. Without the cut the merge
    would give the whole person the wrong full name."""
    from warta.enrich.speakers.names import is_common_word  # the common-word list, loaded lazily

    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if (
            m.type == "PERSON"
            and len(words) >= 2
            and is_common_word(words[0])
            and words[0].casefold() not in _NAMES_THAT_ARE_WORDS
        ):
            rest = m.text[len(words[0]) :].lstrip()
            begin = m.end - len(rest)
            if _printed_once(text, m.text) and _stands_without(text, rest, words[0], begin):
                out.append(Mention(rest, m.type, begin, m.end))
                continue
        out.append(m)
    return out


# Given names that are also common Indonesian words ("Lalu Muhammad Zohri", "Hari Tanoesoedibjo",
# "Bagus Wirata", "Bulan Sutena"; Lalu and Baiq are Sasak name titles, Gede, Made, Putu, Ketut
# Balinese birth-order names). Written by hand: no name lexicon ships, and the NER corpora hold
# too few of them to learn from (none of these is a tagged first name there).
_NAMES_THAT_ARE_WORDS = frozenset(
    "lalu baiq hari bagus bulan kasih murni sabar yakin demi cucu intan indah ayu dewi putri putra"
    " bayu fajar bintang surya cahaya mulia jaya setia suci tulus bunga embun mentari senja langit"
    " tegar ratu raja mas gede made putu ketut kadek komang nyoman wayan agung budi rahmat sri"
    " tri dwi eka adi wira guntur halilintar angin pelangi".split()
)


def _whole_words(text: str, name: str) -> Iterator[int]:
    """Where ``name`` stands in ``text`` as whole words (a str.find loop: a regex would be
    compiled anew for every name and text)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not _word_char(text, at - 1) and not _word_char(text, end):
            yield at
        at = text.find(name, end)


def _printed_once(text: str, name: str) -> bool:
    """True when ``name`` stands in ``text`` as whole words at most once."""
    return next(islice(_whole_words(text, name), 1, None), None) is None


def _stands_without(text: str, rest: str, opener: str, own: int) -> bool:
    """True when ``rest`` is printed as whole words somewhere other than at ``own`` (where the
    mention prints it), with no ``opener`` right before it."""
    for at in _whole_words(text, rest):
        if at != own:
            before = text[max(0, at - len(opener) - 3) : at].rstrip()
            if not (
                before.endswith(opener) and not _word_char(before, len(before) - len(opener) - 1)
            ):
                return True
    return False


def add_repeats(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add the mentions the tagger missed of names it found elsewhere in the same text.

    One sense per document: a name tagged once (``Tiongkok``), or the first or last word of a
    person's full name (``Yang`` of ``Yang Moo Jin``), found again as a whole word with the same
    capitals outside any mention counts as another mention. A one-word name at the start of a
    sentence is not taken (``Yang menarik ...`` there is the pronoun).
    """
    names: dict[str, EntityType] = {}
    for m in mentions:
        name = _norm(m.text)
        names.setdefault(name, m.type)
        words = name.split(" ")
        if m.type == "PERSON" and len(words) > 1:
            for word in (words[0], words[-1]):
                if len(word) > 1 and word[:1].isupper():
                    names.setdefault(word, "PERSON")
    if not names:
        return mentions
    taken = [False] * (len(text) + 1)
    for m in mentions:
        for i in range(m.start, m.end):
            taken[i] = True
    added: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        for at in _whole_words(text, name):
            end = at + len(name)
            if not any(taken[at:end]) and (" " in name or not _sentence_initial(text, at)):
                added.append(Mention(name, names[name], at, end))
                for i in range(at, end):
                    taken[i] = True
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)


def canonical_entities(
    mentions: Iterable[Mention], aliases: Mapping[str, str] | None = None
) -> list[Entity]:
    """Merge mentions into entities with canonical names and mention counts (see module doc).

    ``aliases`` maps the nicknames the text declares to the full names they stand for
    (:attr:`~warta.enrich.speakers.index.NameIndex.aliases`)."""
    mentions = split_joined(list(mentions))
    order: dict[str, int] = {}
    surface: dict[str, str] = {}
    types: dict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    for pos, m in enumerate(mentions):
        key = _key(m.text)
        if not key:
            continue
        order.setdefault(key, pos)
        surface.setdefault(key, _norm(m.text))
        types[key][m.type] += 1
        counts[key] += 1

    def best_type(key: str) -> str:
        ranked = types[key].most_common()
        top = ranked[0][1]
        tied = {t for t, c in ranked if c == top}
        # On a tie keep the type of the first mention of this name.
        return next(t for t in types[key] if t in tied)

    kind = {key: best_type(key) for key in counts}
    target: dict[str, str] = {key: key for key in counts}
    words = {key: surface[key].split(" ") for key in counts}
    by_length = sorted(counts, key=lambda k: (-len(words[k]), order[k]))
    for key in by_length:
        w = words[key]
        candidates = []
        for full in by_length:
            if len(words[full]) <= len(w) or kind[full] != kind[key]:
                continue
            if kind[key] == "PERSON":
                if _is_part(w, words[full]):
                    candidates.append(full)
            elif (
                len(w) == 1 and w[0].isupper() and len(w[0]) >= 2 and _initials(words[full]) == w[0]
            ):
                candidates.append(full)
        if candidates:
            best = min(candidates, key=lambda k: (-counts[k], order[k]))
            target[key] = target[best]  # longer names were resolved first

    for alias, full in (aliases or {}).items():
        key, full_key = _key(alias), _key(full)
        if (
            key in counts
            and full_key in counts
            and key != full_key
            and kind[key] == kind[full_key] == "PERSON"
            and target[key] == key  # not already merged into a longer name
        ):
            target[key] = target[full_key]

    merged: Counter[str] = Counter()
    first: dict[str, int] = {}
    for key, n in counts.items():
        root = target[key]
        merged[root] += n
        first[root] = min(first.get(root, order[key]), order[key])
    ranked = sorted(merged, key=lambda k: (-merged[k], first[k]))
    return [Entity(name=surface[k], type=_entity_type(kind[k]), mentions=merged[k]) for k in ranked]


def _entity_type(kind: str) -> EntityType:
    if kind == "PERSON":
        return "PERSON"
    if kind == "ORGANIZATION":
        return "ORGANIZATION"
    return "PLACE"


def find_entities(text: str, language: str | None) -> list[Entity]:
    """People, organisations and places in ``text`` with canonical names and mention counts.

    The model is Indonesian: text in another language (``language`` not ``"id"`` or ``"ms"``)
    gives ``[]``. ``None`` (language unknown) is tagged as Indonesian, best effort.
    """
    mentions = model_mentions(text, language)
    return canonical_entities(mentions, declared_aliases(text)) if mentions else []


def declared_forms(
    text: str, entities: Iterable[Entity], nicknames: Mapping[str, str] | None = None
) -> list[tuple[str, Entity]]:
    """The other names ``text`` gives its entities, as the merge above reads them: each
    (name, entity) is a form the article used for ``entity`` (one of its merged
    :class:`~warta.article.Entity` records). An acronym printed as a whole word that spells the
    initials of an organisation or place of two or more words ("KPK" for "Komisi Pemberantasan
    Korupsi"), and a nickname the text declares for a person ("Jokowi" for "Joko Widodo",
    :func:`declared_aliases`). For the corpus-level merge (:mod:`warta.pipeline.aliases`),
    which reads stored articles and their entities without the mentions: so an acronym need
    only stand in the text (the merge also needs the tagger to have tagged it), and a name with
    an all-caps word ("PT PP", "RS Sentosa") spells none (its initials are an abbreviation's
    letters, not the name's). ``nicknames``: what
    :func:`declared_aliases` gives for ``text``, when the caller has it already."""
    entities = list(entities)
    out: list[tuple[str, Entity]] = []
    for ent in entities:
        words = _norm(ent.name).split(" ")
        if (
            ent.type != "PERSON"
            and len(words) >= 2
            and not any(len(w) > 1 and w.isupper() for w in words)
        ):
            acronym = _initials(words)
            if len(acronym) >= 2 and next(_whole_words(text, acronym), None) is not None:
                out.append((acronym, ent))
    people = {_key(e.name): e for e in entities if e.type == "PERSON"}
    for alias, full in (declared_aliases(text) if nicknames is None else nicknames).items():
        person = people.get(_key(full))
        if person is not None and _key(alias) != _key(full):
            out.append((_norm(alias), person))
    return out


def declared_aliases(text: str) -> dict[str, str]:
    """The nicknames ``text`` declares, mapped to the full names they stand for."""
    from warta.enrich.speakers.index import NameIndex

    return NameIndex(text).aliases


# Facilities named after people: "RSPAD Gatot Soebroto", "Rumah Sakit Pusat Angkatan Darat
# (RSPAD) Gatot Soebroto", "Jalan Jenderal Sudirman", "Bandara Soekarno-Hatta". The tagger reads
# the person's name as a person when the facility word is cut off from it (by a bracket, a
# line's start); a facility word right before it says the name is the place's.
_FACILITY_BEFORE = re.compile(
    r"(?:\b(?:RSPAD|RSUD|RSUP|RSU|RS|Rumah\s+Sakit|Jalan|Jl\.?|Bandara|Bandar\s+Udara|Stadion|"
    r"Gelanggang|Gedung|Masjid|Lapangan|Taman|Pelabuhan|Terminal|Stasiun|Tol|Asrama|Kompleks|"
    r"Kampus|Universitas|Institut|Sekolah|KRI|Kapal|Lanud|Kodam|Museum|Monumen|Jembatan|Bendungan)"
    r"\)?)\s*$"
)


def facility_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a person's name that a facility word stands right before (see above)
    read as a place: the hospital "Gatot Soebroto" is no person, quotes are not its."""
    out = []
    for m in mentions:
        # an eponym is a name of at most three words; a longer run holds someone else too
        # ("RSPAD Gatot Soebroto Letjen Albertus Budi Sulistya")
        if (
            m.type == "PERSON"
            and len(m.text.split()) <= 3
            and _FACILITY_BEFORE.search(text, max(0, m.start - 40), m.start)
        ):
            m = Mention(m.text, "PLACE", m.start, m.end)
        out.append(m)
    return out


def model_mentions(text: str, language: str | None) -> list[Mention] | None:
    """The model's mentions in ``text`` with the repeats it missed (what :func:`find_entities`
    merges, for a caller that also reads them, such as the quotes step); None for a language
    the model is not for (see :func:`find_entities`)."""
    if language is not None and language.split("-")[0].lower() not in LANGUAGES:
        return None
    return facility_names(text, add_repeats(text, without_openers(text, split_bracketed(tag(text)))))


def annotate(article: Article) -> Article:
    """The enrichment hook (``warta.enrich.entities:annotate``): the article with
    :attr:`~warta.article.Article.entities` found in its text, for the language
    :attr:`Language.best <warta.article.Language.best>` gives. A new Article; the input is not
    changed. A plain module function, so it pickles by name; the model loads lazily once per
    worker process.
    """
    entities = find_entities(article.text, article.language.best)
    return msgspec.structs.replace(article, entities=entities)
