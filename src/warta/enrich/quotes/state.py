"""The per-article state of one pass: the text, the names and people in it, sentence
starts, the quotes' ranges, the speakers known so far, and the canonical (full) form of a
name at a position."""

from __future__ import annotations

import re
from bisect import bisect_right

from warta.enrich.quotes.cues import _patterns, speech_verbs
from warta.enrich.quotes.marks import _SENTENCE_END, _Span
from warta.enrich.quotes.names import _ACRONYM, _ORG_WORDS
from warta.enrich.speakers import (
    NameIndex,
    PersonModel,
    glue_points,
    is_name_stopword,
    is_role_word,
    person_in,
)
from warta.enrich.speakers.index import _one_edit
from warta.enrich.speakers.names import stopword_section

# The first word of an organisation's name: "Badan", "Asosiasi", "Institute", "Office".
_ORGANISATION_HEAD = re.compile(
    rf"(?:{_ORG_WORDS}|Institute|Institut|Office|Center|Centre|Council|Agency|Association"
    r"|Authority|Organization|Organisation|Union|Foundation|Federation|Otoritas|Konfederasi"
    r"|Perwakilan|Perutusan|Kedutaan|Konsulat)"
)
# A capitalised name right before a bracket, its words joined by small words: "Organisasi
# Pangan dan Pertanian PBB ", "Kementerian Dalam Negeri Singapura ". Bounded by the caller's
# window.
_EXPANSION_END = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'’&-]*(?:[ \t\xa0]+(?:(?:dan|untuk|di|dari|atas|of|on|and|for)"
    r"[ \t\xa0]+)?[A-Z][\w'’&-]*){0,9})[ \t\xa0]*\Z"
)

# Two names joined by one hyphen between a small letter and a capital.
_PAIR = re.compile(r"(?P<left>[^-]*[a-z'’])-(?P<right>[A-Z][^-]*)")
# Arabic articles and words written before a hyphen inside one name ("Al-Maliki").
_ARABIC_ARTICLES = frozenset("al el ar as ad at az ash an ul ud abd abdel bin ibn".split())

# Small words the expansion's run may hold right before an organisation's first word: "Polri dan
# Komisi …", "Surat dari Badan …" (inside a name they come after it: "Organisasi Pangan dan
# Pertanian PBB", "Food and Agriculture Organization").
_LINKS_BEFORE = frozenset({"dan", "serta", "dari", "untuk", "di", "atas"})


class _ReaderState:
    """The state of one pass over an article: names, sentences, the last speaker, the quotes."""

    def __init__(
        self,
        text: str,
        speakers: list[str] | None,
        spans: list[_Span],
        segments: list[tuple[int, int]],
        links: list[tuple[int, int]],
        people: PersonModel | None = None,
    ) -> None:
        self.text = text
        self.people = people
        self.quote_ranges = [(s.open, s.close + 1) for s in spans]
        self.links = links
        # Names inside quotes or links name nobody who speaks here.
        self.names = NameIndex(text, skip=sorted(self.quote_ranges + links))
        self.known = set(speakers or ())
        self.last_speaker: str | None = None
        self.last_close = -1
        self.patterns = _patterns()
        # role → where the text names someone by it (see ``_CueNames.role_holder``)
        self.role_holders: dict[str, list[tuple[int, str]]] = {}
        # names printed before a speech verb (see ``_Subjects._verb_subjects``), built lazily
        self._verb_subject_names: frozenset[str] | None = None
        # "Diakui X, …" openers in the whole text (see ``_Subjects._according_to``), lazily
        self._passive_openers: list[re.Match[str]] | None = None
        # "…, kata X, …" reporting clauses in the whole text (the same), lazily
        self._inner_reports: list[re.Match[str]] | None = None
        # agentless "Dikatakan, …" openers in the whole text, lazily
        self._bare_passives: list[re.Match[str]] | None = None
        self._expansions: dict[str, str | None] = {}  # acronym → the full name it stands for
        self._prefixes: dict[str, list[str]] = {}  # memo of _prefix_of
        self._common_words_here: dict[str, bool] = {}  # memo of _Subjects._common_here
        self._pairs: dict[str, tuple[str, str] | None] = {}  # memo of _pair
        starts = {lo for lo, _hi in segments} | {hi for _lo, hi in links}
        starts.update(m.end() for m in _SENTENCE_END.finditer(text))
        starts.update(glue_points(text))
        self.sentence_starts = sorted(starts)
        self._known_speakers()
        self.names.speakers = self.known

    def canonical(self, name: str | None, position: int) -> str | None:
        name = name.strip("'’‘") if name else name  # "Andika Mahesa'": a stray mark
        if not name:
            return None
        full = self.names.without_organisation(self.names.canonical(name, position), self.known)
        full = full.strip("'’‘") or name
        if " " not in full and len(full) >= 4:
            # "Rudi" for "Rudiantara", a one-word name the article uses as a speaker's
            longer = [k for k in self.known if " " not in k and k.startswith(full) and k != full]
            if not longer and len(full) >= 5 and self.people is not None:
                longer = self._prefix_of(full)
            if len(longer) == 1:
                return longer[0]
            slips = [k for k in self.known if " " not in k and len(k) >= 6 and _one_edit(k, full)]
            if len(slips) == 1 and self.text.count(full) == 1 < self.text.count(slips[0]):
                # "Sasmita" for "Sasmito", a speaker the article names more; only a name printed
                # once is a slip ("kata Wahyudi" twice is not Wahyuni, who speaks more)
                return slips[0]
        if self.people is not None and "-" in full:
            if full not in self._pairs:
                self._pairs[full] = self._pair(full)
            halves = self._pairs[full]
            if halves is not None:
                # "Hendra Setiawan-Mohammad Ahsan", "Jokowi-Ma'ruf": two people, a doubles
                # pair or a ticket; the one the cue names speaks, else neither alone
                words = set(name.split())
                mine = [h for h in halves if words <= set(h.replace("-", " ").split())]
                if len(mine) != 1:
                    return None
                full = self.names.canonical(mine[0], position)
        if self.people is not None and full[:1].isupper():
            # the model's person inside the rules' run: "Marquez Juara Meski" → "Marquez"
            full = self.people.model_part(full, self._inside_quote)
            # the model's full name when the rules cut it: "Gunnar Solskjaer", "al-Maliki"
            # (less a place or an organisation the rules cut off: "asal Afghanistan Ali")
            full = self.names.without_organisation(self.people.full_name(full), self.known)
            full = self.people.without_organisation(full)
            # the initials printed before the name are part of it: "FX Hadi Rudyatmo"
            full = self.people.with_initials(full, self._inside_quote, speech_verbs())
            if " " not in full and full == name and not self.names.introduced(full):
                # a short name printed in full only inside a quote, as a person for the model
                # (not one the article introduces alone: "Budi, warga Cilincing" is not the
                # "Pak Budi Gunawan" his quote names)
                full = self.people.quoted_full_name(full) or full
        if _ACRONYM.fullmatch(full):
            full = self._expanded(full) or full
        return full

    def _prefix_of(self, short: str) -> list[str]:
        """The one-word people the model tags, printed before the short form, that it begins:
        "Taufiq" for "Taufiqulhadi"."""
        if short not in self._prefixes:
            people = self.people
            alone = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", self.text)
            first = alone.start() if alone else -1
            self._prefixes[short] = [
                k
                for k in (people.one_word_people() if people is not None else [])
                if k.startswith(short) and k != short and 0 <= self.text.find(k) < first
            ]
        return self._prefixes[short]

    def _pair(self, name: str) -> tuple[str, str] | None:
        """The two people of a name joined by one hyphen, each side holding a word the NER
        model tags as a person's ("Hendra Setiawan-Mohammad Ahsan", "Jokowi-Ma'ruf"); None for
        one person's name ("Jean-Claude Juncker", "Irwan Perangin-Angin", "Riyad Al-Maliki")."""
        match = _PAIR.fullmatch(name)
        people = self.people
        if match is None or people is None:
            return None
        left, right = match.group("left"), match.group("right")
        if (
            right.split()[0].casefold() in _ARABIC_ARTICLES
            or left.split()[-1].casefold() in _ARABIC_ARTICLES
        ):
            return None
        printed = re.search(
            rf"(?:(?<![\w'’-])[A-Z][\w'’]*[ \t\xa0]+){{0,2}}{re.escape(name)}(?![\w-])", self.text
        )
        if printed is not None:
            # "Setiawan-Mohammad Ahsan" printed as "Hendra Setiawan-Mohammad Ahsan"
            lead = printed.group().split()[: -len(name.split())]
            while lead and is_name_stopword(lead[0], sentence_start=True):
                lead = lead[1:]
            left = " ".join([*lead, left])
        if not (people.is_person(left) and people.is_person(right)):
            return None
        # each side printed apart from the other ("kata Hendra", "Ahsan mengatakan"): "Marc"
        # of "Marc-Andre ter Stegen" is never printed alone
        joint = left.split()[-1] + "-" + right.split()[0]
        for side in (left, right):
            if not any(
                re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", self.text.replace(joint, " "))
                for w in side.split()
            ):
                return None
        return left, right

    def _expanded(self, acronym: str) -> str | None:
        """The full name the text prints before ``acronym`` in brackets, the name the article
        gives the speaker: "kata FAO" after "Organisasi Pangan dan Pertanian PBB (FAO)",
        "tutur MHA" after "Kementerian Dalam Negeri Singapura (MHA)"; a person's name without
        its title ("Ustadz Abdul Somad (UAS)" → "Abdul Somad"). None when the text prints no
        name of two words or more before it."""
        if acronym in self._expansions:
            return self._expansions[acronym]
        found = None
        text = self.text
        bracket = re.compile(rf"\({re.escape(acronym)}(?:[ \t\xa0]+[A-Z][\w-]*)?\)")
        for match in bracket.finditer(text):
            if self._inside_quote(match.start()):
                continue
            before = _EXPANSION_END.search(text, max(0, match.start() - 120), match.start())
            if before is None:
                continue
            words = before.group("name").split()
            # "Menurut Organisasi …": a word that opens the sentence, not the name's
            while words and words[0].lower() in stopword_section("# words that start sentences"):
                words = words[1:]
            head = next((i for i, w in enumerate(words) if _ORGANISATION_HEAD.fullmatch(w)), 0)
            if head and (
                any(is_role_word(w) for w in words[:head]) or words[head - 1] in _LINKS_BEFORE
            ):
                # "Ketua Asosiasi Vaporizer Bali (AVB)", "Direktur Eksekutif Institute … (ICJR)":
                # the organisation's name, not its officer's role; "Polri dan Komisi
                # Pemberantasan Korupsi (KPK)": the last of two, the one the bracket names
                words = words[head:]
            if len(words) < 2 or words[0].islower():
                continue
            name = " ".join(words)
            at = before.end("name") - len(name)
            if self.people is not None and self.people.person_at(at, at + len(name)):
                name = person_in(name) or name  # "Ustadz Abdul Somad" → "Abdul Somad"
            found = name
            break
        self._expansions[acronym] = found
        return found

    def _known_speakers(self) -> None:
        """Single words the article uses as speakers' names ("kata Matsani", "Teddy
        mengatakan"), so that a later "-nya" cue may go to them."""
        text = self.text
        for match in self.patterns["named"].finditer(text):
            name = match.group("after") or match.group("before") or match.group("appos")
            if self._inside_quote(match.start()) or is_name_stopword(name, sentence_start=True):
                continue
            if (
                match.group("appos")
                and self.people is not None
                and self.people.other_at(match.start("appos"), match.end("appos"))
            ):
                continue  # "Unsoed, Purwokerto, Rawuh … mengatakan": a place the model tags
            self.known.add(self.names.canonical(name, match.start()))
            self.known.add(name)

    def _quote_at(self, position: int) -> tuple[int, int] | None:
        ranges = self.quote_ranges
        at = bisect_right(ranges, (position, len(self.text) + 1)) - 1
        if at >= 0 and ranges[at][0] <= position < ranges[at][1]:
            return ranges[at]
        return None

    def _inside_quote(self, position: int) -> bool:
        return self._quote_at(position) is not None
