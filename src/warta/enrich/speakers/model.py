"""The NER model's view of an article's names (:class:`PersonModel`): which names it tags
as people, where a person's full name starts, and which capitalised runs are organisations or
places."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from warta.enrich.speakers.index import _BIG, _within
from warta.enrich.speakers.names import (
    _ORG_HEADS,
    _SURNAME_ROLES,
    _name_token,
    at_sentence_start,
    is_common_word,
    is_name_stopword,
    is_role_word,
    person_in,
    stopword_section,
)

if TYPE_CHECKING:
    from warta.enrich.ner.tagger import Mention


def _opens_sentence(text: str, position: int) -> bool:
    """:func:`at_sentence_start`, except after a comma that follows a word: "… BIJB, Agus
    Sugeng Widodo mengatakan" names a person in apposition, mid-sentence (a comma glued to a
    full stop, ".,Agus", is a scraper's paragraph break and still opens one)."""
    if not at_sentence_start(text, position):
        return False
    before = text[max(0, position - 6) : position].rstrip(" \t\xa0")
    appositive = before.endswith(",") and len(before) > 1
    # "Pendidikan ,, Primadi H Serad": the commas of a cut link after a word are still an
    # apposition ("katanya.,,Sebelumnya" is a paragraph break)
    word = before.rstrip(",").rstrip(" \t\xa0")
    return not (appositive and word and (word[-1].isalnum() or word[-1] == ")"))


class PersonModel:
    """What the NER model (:mod:`warta.enrich.ner`) says about the names of one article: which
    capitalised runs are people, which are organisations or places, and each person's full
    name from the entity merge (:func:`warta.enrich.entities.canonical_entities`).

    The capitalisation rules above guess "is this run a person, and where does the name
    start" from word lists; the model answers it from context. It is used as a second opinion:
    a run the model tags as an organisation or a place (and never as a person) is no speaker,
    and a name the rules cut short ("Gunnar Solskjaer") takes the model's full one ("Ole Gunnar
    Solskjaer").
    """

    def __init__(
        self, text: str, mentions: list[Mention], skip: list[tuple[int, int]] | None = None
    ) -> None:
        """``mentions``: the model's mentions in ``text`` (with the repeats added); ``skip``:
        sorted (start, end) ranges, such as quoted passages, whose names give no full name
        ("orang memanggil saya Kikan Cokelat" inside a quote is a nickname, not her name)."""
        from warta.enrich.entities import canonical_entities  # the NER layer, loaded lazily

        self.text = text
        people = [m for m in mentions if m.type == "PERSON"]
        others = [m for m in mentions if m.type != "PERSON"]
        self.person_spans = sorted((m.start, m.end) for m in people)
        self._person_set = set(self.person_spans)
        self.other_spans = sorted((m.start, m.end) for m in others)
        # end → the earliest start of an organisation or a place ending there
        self._other_start_at_end: dict[int, int] = {}
        for lo, hi in self.other_spans:
            self._other_start_at_end.setdefault(hi, lo)
        self._person_starts = {lo for lo, _hi in self.person_spans}
        self._cut_names: dict[str, str] = {}  # memo of without_organisation
        self._initialled: dict[str, str] = {}  # memo of with_initials
        self._parts: dict[str, str] = {}  # memo of model_part
        self._one_word: list[str] | None = None  # memo of one_word_people
        self._person_words = {w for m in people for w in _words(m.text)}
        self._person_names = {" ".join(_words(m.text)) for m in people}
        self._other_names = {" ".join(_words(m.text)).casefold() for m in others}
        self._other_words = {w.casefold() for m in others for w in _words(m.text)}
        # Places and organisations the model tags more than once (and never as a person).
        seen: dict[str, int] = {}
        for m in others:
            key = " ".join(_words(m.text))
            seen[key] = seen.get(key, 0) + 1
        self._places = {k for k, n in seen.items() if n >= 2 and not self.is_person(k)}
        ranked = canonical_entities(people)
        # every name of two or more words the model gives a person, to tell when a surname
        # alone is shared ("Habibie": "BJ Habibie", "Tuti Marini Habibie", …)
        self._all_full = [e.name for e in ranked if " " in e.name]
        # names the model starts right after an organisation's or a place's word: their first
        # word may be the organisation's own name ("Universitas Tarumanegara Leksmono …")
        self._after_organisation = {
            " ".join(_words(m.text)) for m in people if _organisation_word_before(text, m.start)
        }
        # Full names, most mentioned first; a model's span that opens with a common word or a
        # title ("Anak Niki", "Bukan Marcus Rashford") is no full name, nor one only ever seen
        # at a sentence start ("Oh Niki bahagia …").
        inside = {
            " ".join(_words(m.text))
            for m in people
            if not _opens_sentence(text, m.start) and not _within(skip or [], m.start)
        }
        # two-word people the model tags only inside quotes (see ``quoted_full_name``)
        self._quoted_full = {
            " ".join(_words(m.text))
            for m in people
            if _within(skip or [], m.start)
            and len(_words(m.text)) == 2
            and _name_words(m.text)
            and not any(is_common_word(w) for w in _words(m.text))
        }
        self.full_names = [
            e.name
            for e in ranked
            if " " in e.name
            and e.name in inside
            and not is_common_word(e.name.split()[0])
            and _name_words(e.name)
            # nor one the rules would cut: a degree or an organisation the model took in
            # ("Wismandari Wisnu SpPD", "Recording Academy Neil Portnow")
            and (person_in(e.name) == e.name or self._longer_name(e.name))
        ]

    def quoted_full_name(self, name: str) -> str | None:
        """The one two-word person the model tags inside a quote (``skip``) that opens with
        the one-word ``name``, when the article prints the full name nowhere else ('"… saya
        Imam Nahrawi sudah menyampaikan …," kata Imam'); None otherwise."""
        found = {full for full in self._quoted_full if full.split()[0] == name}
        return found.pop() if len(found) == 1 else None

    def _longer_name(self, name: str) -> bool:
        """True when the rules cut ``name`` only for its length or an initial, not for a
        title or an organisation: "Thia Yufada Dodi Reza" (four words, the rules keep three),
        "Primadi H Serad" ("H" may be the title Haji). The words the rules drop must be name
        words the model calls no organisation or place, and an initial between two of them."""
        cut = person_in(name)
        words = name.split()
        if (
            not cut
            or len(words) > 5
            or not name.endswith(" " + cut)
            or name in self._after_organisation
        ):
            return False
        dropped = words[: len(words) - len(cut.split())]
        for i, word in enumerate(dropped):
            if len(word) == 1 and word.isupper() and i > 0:
                continue  # "Primadi H Serad": a middle initial after a name word
            if i > 0 and word.lower() in _SURNAME_ROLES and self._name_word(dropped[i - 1]):
                # "Lukman Hakim Saifuddin", "Andi Raja Siregar": a word of the role list that
                # is also a name's (hakim, judge; raja, king) inside the model's person, after
                # a given name (the role the rules saw stands before it: "Menteri Agama …")
                continue
            if (
                not word[:1].isupper()  # "Sivia Azizah da Rachel Amanda": two people
                or not _name_token(word)
                or is_common_word(word)
                or is_role_word(word)
                # "Universitas Tarumanegara Leksmono Suryo Putranto": an organisation's word
                or word.casefold() in self._other_words
            ):
                return False
        return True

    def _name_word(self, word: str) -> bool:
        """True when ``word`` may be a given name inside a person's name: capitalised, no
        common word, role, or word of an organisation or a place the model tags."""
        return (
            word[:1].isupper()
            and _name_token(word)
            and not is_common_word(word)
            and not is_role_word(word)
            and not is_name_stopword(word)
            and word.casefold() not in self._other_words
        )

    def one_word_people(self) -> list[str]:
        """The one-word names the model tags as people (never as an organisation or a
        place)."""
        if self._one_word is None:
            self._one_word = sorted(
                n
                for n in self._person_names
                if " " not in n and n.casefold() not in self._other_names
            )
        return self._one_word

    def person_at(self, start: int, end: int) -> bool:
        """True when the model tags a person overlapping ``text[start:end]``."""
        return _overlaps(self.person_spans, start, end)

    def person_exactly(self, start: int, end: int) -> bool:
        """True when the model tags exactly ``text[start:end]`` as a person."""
        return (start, end) in self._person_set

    def other_at(self, start: int, end: int) -> bool:
        """True when the model tags an organisation or place overlapping ``text[start:end]``
        and no person there."""
        return _overlaps(self.other_spans, start, end) and not self.person_at(start, end)

    def is_person(self, name: str) -> bool:
        """True when some word of ``name`` is a word of a person the model found."""
        return any(w in self._person_words for w in _words(name))

    def is_person_name(self, name: str) -> bool:
        """True when the model tags ``name`` itself (not just a word of it) as a person
        somewhere, and never as an organisation or a place ("Jokowi", not "Bogor" of the
        model's "Bogor Suparno Jumar")."""
        key = " ".join(_words(name))
        return key in self._person_names and key.casefold() not in self._other_names

    def is_other(self, name: str, start: int | None = None) -> bool:
        """True when the model's word is strong that ``name`` (at ``start`` in the text, when
        given) is an organisation or a place, not a person.

        The model tags some people's names as places ("Helen Bond", "AKP Gede Yoga"), so its
        word alone does not veto a name: the name must also hold a common Indonesian word
        ("Puskesmas Pulang Pisau") or end with a place or organisation the model tags more
        than once ("Observatorium Suriah", with "Suriah" a place five times)."""
        words = _words(name)
        if not words or self.is_person(name):
            return False
        key = " ".join(words)
        tagged = (
            self.other_at(start, start + len(name))
            if start is not None
            else key.casefold() in self._other_names
        )
        if tagged and any(is_common_word(w) for w in words):
            return True
        # "Observatorium Suriah" with the place "Suriah"; "Garden City" of "Jakarta Garden City"
        return any(key.endswith(" " + place) or place.endswith(" " + key) for place in self._places)

    def without_organisation(self, name: str) -> str:
        """``name`` less leading words the model reads as the end of an organisation or a
        place, with a person starting right after them, where the name is printed: "CEO
        Persija Ferry Paulus" → "Ferry Paulus", "Direktur Utama PT Jasa Marga Desi Arryani" →
        "Desi Arryani", "Fraksi Nasdem Taufiqulhadi" → "Taufiqulhadi" (the capitalisation rules
        cannot tell where an organisation's name ends and a person's begins)."""
        words = name.split()
        if len(words) < 2:
            return name
        if name not in self._cut_names:
            self._cut_names[name] = self._cut_organisation(name, words)
        return self._cut_names[name]

    def _cut_organisation(self, name: str, words: list[str]) -> str:
        text, ends, starts = self.text, self._other_start_at_end, self._person_starts
        shorter = name
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            whole = (at == 0 or not text[at - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if whole and at in starts:
                return name  # a person from its first word where the text prints it again
            if whole and shorter == name:
                cut = at
                for k in range(1, len(words)):
                    cut += len(words[k - 1])
                    first = ends.get(cut)
                    if (
                        first is not None
                        and cut + 1 in starts
                        and (
                            (first < at and not _title_before(text, first, at))
                            or self._stands_apart(words[:k], words[k])
                        )
                    ):
                        shorter = " ".join(words[k:])
                        break
                    cut += 1
            at = text.find(name, end)
        return shorter

    def model_part(self, name: str, skip: Callable[[int], bool] | None = None) -> str:
        """``name``, a full name of the capitalisation rules, cut to the person the model tags
        inside it where it is printed, when the words it leaves out are two or more common
        words ("Marquez Juara Meski" of a link title glued to the text → "Marquez"), or, before
        the person, an organisation or a place the model tags alone, printed after an
        organisation's word or apart from the person ("Fraksi Nasdem Taufiqulhadi" →
        "Taufiqulhadi"; not "kata Gigi Engle", where "Gigi" is her name). Only when every place
        that prints ``name`` (``skip``: positions to pass over, inside quotes) has the same
        shorter person and none the whole name; else ``name``."""
        words = _words(name)
        if len(words) < 2:
            return name
        cached = self._parts.get(name)
        if cached is not None:
            return cached
        found = name
        parts: set[str] = set()
        org_before = True  # an organisation's word before every printing ("Fraksi Nasdem …")
        text = self.text
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        for match in pattern.finditer(text):
            at, end = match.span()
            if skip is not None and skip(at):
                continue
            first = bisect_right(self.person_spans, (at, -1))
            if first and self.person_spans[first - 1][1] > at:
                parts.add("")  # the model's person starts before the name
                break
            inside = [(lo, hi) for lo, hi in self.person_spans[first : first + 3] if lo < end]
            if not inside:
                parts.add("")
                break
            lo, hi = inside[0]
            if len(inside) > 1 or hi > end or (lo, hi) == (at, end):
                parts.add("")
                break
            if (lo > at and text[lo - 1] != " ") or (hi < end and text[hi] != " "):
                parts.add("")  # the model's span cuts a word
                break
            parts.add(text[lo:hi])
            before = _WORD_BEFORE.search(text, max(0, at - 24), at)
            org_before = org_before and (
                before is not None
                and before.group(1)[:1].isupper()
                and is_name_stopword(before.group(1))
            )
        if len(parts) == 1 and "" not in parts:
            part = parts.pop()
            at = name.find(part)
            sides = [name[:at].split(), name[at + len(part) :].split()] if at >= 0 else []
            rest = [w for side in sides for w in side]
            if rest and all(
                not side
                # "Juara Meski": common words, two or more
                or (len(rest) >= 2 and all(is_common_word(w) for w in side))
                # "Fraksi Nasdem Taufiqulhadi": before the person, a name the model tags alone
                # as an organisation or a place, never as a person, after an organisation's
                # word or printed elsewhere apart from the person (not "kata Gigi Engle")
                or (
                    side is sides[0]
                    and not any(w in self._person_words for w in side)
                    and (
                        (
                            " ".join(side).casefold() in self._other_names
                            and (org_before or self._stands_apart(side, part.split()[0]))
                        )
                        # "Menko Polhukam Wiranto", "Koordinator Aksi Ahmad": one word the
                        # model leaves out of the person, between a role and the person
                        or (
                            org_before
                            and len(side) == 1
                            and len(side[0]) >= 4  # not a short given name: "Uu", "Xi"
                            and (
                                is_common_word(side[0]) or self._stands_apart(side, part.split()[0])
                            )
                        )
                    )
                )
                for side in sides
            ):
                found = part
        self._parts[name] = found
        return found

    def _stands_apart(self, lead: list[str], next_word: str) -> bool:
        """True when the words ``lead`` stand elsewhere in the text without ``next_word``
        after them ("Muhammadiyah" alone, not only in "Muhammadiyah Razikin"): the model's
        organisation is one the text names by itself, not a given name it misread ("Gigi
        Engle", "Andi Suhaimi")."""
        lead_text = " ".join(lead)
        pattern = re.compile(
            rf"(?<![\w-]){re.escape(lead_text)}(?![\w-])(?![ \t\xa0]+{re.escape(next_word)}(?![\w-]))"
        )
        return pattern.search(self.text) is not None

    def with_initials(
        self,
        name: str,
        skip: Callable[[int], bool] | None = None,
        verbs: frozenset[str] = frozenset(),
    ) -> str:
        """``name`` with the initials the text prints right before it ("FX Hadi Rudyatmo", "AM
        Fachir", "A. Stefanus Ridwan S."), as the full name keeps them; the capitalisation
        rules cut two capitals before a name as an acronym. ``skip``: positions to pass over
        (inside quotes); ``verbs``: the speech verbs of the caller's cue lexicon ("ujar", "kata"),
        lower-case words that may stand right before initials without ending a sentence
        ("ujar A. Stefanus").

        Initials are one capital with a dot ("M.") or two capitals ("FX"), not a title ("H.",
        "KH", "Dr"), a rank, a country or an office ("AS", "RI", "PM"), not part of an
        organisation or a place the model tags ("Jalan Tol HK Agung Fajarwanto"), and, for two
        capitals without a dot, never printed in the text other than right before the name
        ("BI" stands alone elsewhere: "Gubernur BI Perry Warjiyo" keeps "Perry Warjiyo")."""
        if not name[:1].isupper() or _INITIALS_OPEN.match(name):
            return name
        cached = self._initialled.get(name)
        if cached is not None:
            return cached
        found = name
        text = self.text
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        for match in pattern.finditer(text):
            at = match.start()
            if skip is not None and skip(at):
                continue
            before = _INITIALS_BEFORE.search(text, max(0, at - 16), at)
            if before is None:
                continue
            initials = before.group("initials")
            if self._takes_initials(initials, before.start("initials"), name, verbs):
                found = f"{initials} {name}"
                break
        self._initialled[name] = found
        return found

    def _takes_initials(self, initials: str, start: int, name: str, verbs: frozenset[str]) -> bool:
        """True when ``initials`` at ``start`` open the name ``name`` printed after them."""
        text = self.text
        letters = initials.replace(".", "").replace(" ", "")
        if letters in _NOT_NAME_INITIALS or is_name_stopword(letters) or is_role_word(letters):
            return False
        if _overlaps(self.other_spans, start, start + len(initials)):
            return False  # "Jalan Tol HK": the model's place holds it
        word = _WORD_BEFORE_INITIALS.search(text, max(0, start - 24), start)
        if word is not None and word.group(1)[:1].islower() and word.group(1) not in verbs:
            return False  # "vitamin C. Budi Santoso": a sentence ends there
        if word is not None and "." not in initials and word.group(1).lower() in _HEADS_OF:
            return False  # "Ketua RT Dodi Hermawan": the role's organisation
        if "." in initials:
            return True
        first = name.split()[0]
        alone = re.search(
            rf"(?<![\w-]){re.escape(initials)}(?![\w-])(?![ \t\xa0]+{re.escape(first)}(?![\w-]))",
            text,
        )
        return alone is None

    def full_name(self, name: str) -> str:
        """The model's full name holding ``name`` as a leading or trailing run of whole words
        ("Gunnar Solskjaer" → "Ole Gunnar Solskjaer"), the most mentioned first; else
        ``name``. (Never a shorter one: the model misses first names, "Brandon" of "Brandon
        Nicholas Salim", more often than the rules take an organisation for one.)"""
        words = _words(name)
        if not words:
            return name
        n = len(words)
        for full in self.full_names:
            parts = full.split()
            if len(parts) > n and (parts[:n] == words or parts[-n:] == words):
                if n == 1 and self._shared(words[0], full):
                    return name  # "Habibie" of a family: whose, the model cannot say
                return full
        return name

    def _shared(self, word: str, full: str) -> bool:
        """True when another person the model names ends with ``word`` too, who is not the
        same as ``full`` by name words ("Tuti Marini Habibie" beside "Alwi Abdul Jalil
        Habibie"; "BJ Habibie" beside "Bacharuddin Jusuf Habibie")."""
        mine = set(full.split())
        for other in self._all_full:
            parts = other.split()
            if parts[-1] == word and other != full and not set(parts) <= mine:
                return True
        return False


# Initials right before a name: "FX ", "AM ", "M. ", "A. ", "J. K. " (not inside a word or
# after another initial's dot).
_INITIALS_BEFORE = re.compile(
    r"(?<![\w.'’-])(?P<initials>[A-Z]{2}|[A-Z]\.(?:[ \t\xa0]?[A-Z]\.)?)[ \t\xa0]+\Z"
)
# A name that already opens with initials.
_INITIALS_OPEN = re.compile(r"(?:[A-Z]{2}|[A-Z]\.)[ \t\xa0]")
# The word before the initials, a comma or a bracket allowed between.
_WORD_BEFORE_INITIALS = re.compile(r"([A-Za-z]+)[ \t\xa0]*\Z")
# Two capitals or an initial before a name that are no part of it: titles ("H." Haji, "KH"
# Kyai Haji, "Hj", "Dr", "Ir", "DJ"), countries and offices ("AS" Amerika Serikat, "RI", "PM"),
# kinds of organisation ("PT", "RS", "PP", "UU"), units, schools, parties and offices the news
# prints before their heads' names ("Ketua RT", "Kepala SD", "Ketua PD", "Menteri PU", "GM").
_NOT_NAME_INITIALS = frozenset(
    "H KH HJ HM DR IR DJ MC MR MS ST JR SR AS RI UI US UK EU UN PM PT CV RS PP UU TV PS SM TB"
    " BI MA MK KY PN PA DI RT RW SD TK NU PD PU PK GP PW PC KM KA UD PO GM HR MU WN".split()
)
# Roles that head an organisation: two capitals after one are its acronym, not initials
# ("Ketua KT Budi Santoso", "Pelatih MU Erik ten Hag"; a name's initials follow a place or
# an office's field: "Wali Kota Solo FX Hadi Rudyatmo").
_HEADS_OF = frozenset(
    "ketua kepala pengurus pelatih direktur sekretaris bendahara anggota manajer kader".split()
)


def _title_before(text: str, start: int, at: int) -> bool:
    """True when the model's organisation ``text[start:]`` reaches the name at ``at`` over
    a title or a closing bracket ("Kementerian Pertahanan Kolonel Turki", "(AJI) Revolusi
    Riza"): the name starts there, whatever the model says."""
    before = text[start:at].rstrip(" \t\xa0")
    last = before.rsplit(None, 1)[-1] if before else ""
    return not last or last.endswith((")", ",")) or is_role_word(last.rstrip("."))


def _words(name: str) -> list[str]:
    return name.split()


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t\xa0]+\Z")


def _organisation_word_before(text: str, start: int) -> bool:
    """True when the word right before ``start`` (a space between) is an organisation's or a
    place's word, not a title or a role: "Universitas", "PT", "Kota"."""
    match = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if match is None:
        return False
    word = match.group(1).lower()
    return match.group(1)[:1].isupper() and (word in _organisation_words() or word in _ORG_HEADS)


def _organisation_words() -> frozenset[str]:
    """The organisation words of the asset ("universitas", "pt", "dinas"), not its places."""
    return stopword_section("# organisation words")


def _name_words(name: str) -> bool:
    """True when every word of ``name`` may be a word of a person's name (a capital alone
    inside it an initial: "Primadi H Serad"; a word that is also an office inside it a
    name's: "Lukman Hakim Saifuddin")."""
    words = name.split()
    return all(
        _name_token(w)
        or w.startswith(("al-", "el-"))
        or (0 < i < len(words) - 1 and len(w) == 1 and w.isupper())
        # "Lukman Hakim Saifuddin": a word that is also an office, between two name words
        or (
            0 < i < len(words) - 1
            and w.lower() in _SURNAME_ROLES
            and _name_token(words[i - 1])
            and _name_token(words[i + 1])
        )
        for i, w in enumerate(words)
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    at = bisect_right(spans, (end, _BIG)) - 1
    while at >= 0:
        lo, hi = spans[at]
        if hi > start and lo < end:
            return True
        if hi <= start and lo < start - 200:
            return False
        at -= 1
    return False
