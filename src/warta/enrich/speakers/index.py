"""The names of one article (:class:`NameIndex`): short names mapped to the full name used
elsewhere ("Yang" → "Yang Moo Jin", "Jokowi" → "Joko Widodo", initials "JK" → "Jusuf Kalla"),
and the nicknames and real names the text declares ("Emil --sapaan Ridwan Kamil--", "yang akrab
disapa Dani")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from warta.enrich.speakers.names import (
    _TOKEN,
    ADDRESS_FORM_RE,
    ADDRESS_FORMS,
    _name_token,
    at_sentence_start,
    is_common_word,
    is_name_stopword,
    is_role_word,
    name_runs,
    person_at_run,
    person_in,
)

# Declared nicknames: "Emil --sapaan Ridwan Kamil--", "Emil (sapaan akrab Ridwan Kamil)",
# "Emil -sapaan karib Ridwan Kamil-", "Emil, sapaan akrabnya Ridwan Kamil".
_ALIAS_AFTER = re.compile(
    rf"(?P<alias>{_TOKEN})\s*(?:--|—|–|-|\(|,)?\s*sapaan(?:\s+(?:akrab|karib)(?:nya)?)?"
    rf"\s+(?P<full>{_TOKEN}(?:\s+{_TOKEN}){{0,3}})"
)
# "Franco Wellyjat alias Enda": the alias after the full name.
_ALIAS_NAMED = re.compile(
    rf"(?P<full>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,4}})[ \t]+alias[ \t]+(?P<alias>{_TOKEN})"
)
# "Romahurmuziy atau Romi", "Ahmad Muzani atau Muzani": a short name after "atau" that shares
# its first letters with a word of the name before (else "Jokowi atau Prabowo" is a choice).
_ALIAS_OR = re.compile(
    rf"(?P<full>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})[ \t]+atau[ \t]+(?P<alias>{_TOKEN})(?![ \t]+[A-Z])"
)
# "perempuan bernama asli Cut Zudiake", "nama aslinya Cut Zudiake".
_REAL_NAME = re.compile(
    rf"(?<![\w-])(?:bernama|nama)[ \t\xa0]+asli(?:nya)?[ \t\xa0]+(?:adalah[ \t\xa0]+)?"
    rf"(?P<full>{_TOKEN}(?:[ \t\xa0]+{_TOKEN}){{1,4}})"
)
# "Pria yang akrab disapa Dani", "Abbas, demikian biasa ia dipanggil".
_ALIAS_CALLED = re.compile(
    rf"(?:(?:akrab|biasa)\s+(?:di)?(?:sapa|panggil|sebut)|yang\s+disapa)\s+"
    rf"(?P<alias>(?:{ADDRESS_FORM_RE})\s+{_TOKEN}|{_TOKEN})"
    # "Emil, begitu pria ini biasa disapa"
    rf"|(?P<alias2>{_TOKEN}),\s+(?:demikian|begitu)\s+(?:(?:pria|wanita|perempuan|sosok)\s+(?:ini|itu)\s+)?"
    rf"(?:biasa\s+|akrab\s+)?(?:(?:ia|dia)\s+)?(?:biasa\s+|akrab\s+)?(?:di)?(?:sapa|panggil)"
)


# What stands between a name and the "bernama asli" that describes it: "Cut Keke, yang ".
_APPOSITIVE_GAP = re.compile(r"(?<=\w),?[ \t\xa0]+(?:yang[ \t\xa0]+)?\Z")
# Words that make "X atau Y" a choice between two people: "apakah … Andi Arief atau Andika".
_CHOICE_BEFORE = re.compile(
    r"(?<![\w-])(?:apakah|antara|pilih|memilih|pilihan|dipilih|entah|baik|calon|kandidat)(?![\w-])"
)


# "Edhie Baskoro Yudhoyono (Ibas) mengatakan": the name the article goes on to use, in brackets
# after the full one (one word, not an acronym: "(KPK)" names an organisation).
_ALIAS_PAREN = re.compile(
    rf"(?P<full>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,4}})[ \t]*\((?P<alias>[A-Z][a-z][\w'’-]+)\)"
)

# A nickname in quote marks between a first name and a last: 'Henri "Carraway" Teja',
# 'Hartanto "POKKA" Lius' (esports, boxing and fighting news print handles so).
# (Matched from the quote mark, the first name read back from it: a pattern that opened with
# any capitalised word would try every one in the text.)
_ALIAS_QUOTED = re.compile(
    r"(?<=[ \t\xa0])[\"“](?P<alias>[A-Za-z][\w.'’-]{1,19})"
    r"[\"”][ \t\xa0]+(?P<last>[A-Z][a-z][\w'’-]*(?:[ \t\xa0]+[A-Z][a-z][\w'’-]*){0,2})"
)
_FIRST_BEFORE_ALIAS = re.compile(r"(?<![\w-])(?P<first>[A-Z][a-z][\w'’-]*)[ \t\xa0]+\Z")


def _has_name_word(text: str, word: str, start: int) -> bool:
    """True when ``word`` stands as a whole word in ``text`` after ``start``."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
            return True
        at = text.find(word, end)
    return False


class NameIndex:
    """The people named in one article, to turn a short name into the full one."""

    def __init__(self, text: str, skip: list[tuple[int, int]] | None = None) -> None:
        """``skip``: sorted (start, end) ranges whose names do not count, such as quoted
        passages: "Sivia Blink" inside a quote does not make "Blink" before it a person."""
        self.text = text
        self.skip = skip or []
        self._full_names: list[tuple[int, str]] | None = None
        self._aliases: dict[str, str] | None = None
        self._trimmed: dict[str, str] = {}
        self._counts: dict[str, int] = {}  # memo of _count
        self._continuations: dict[str, str] = {}  # memo of _continued
        # One-word names the article uses for speakers ("kata Teddy"), set by the caller.
        self.speakers: set[str] = set()

    @property
    def full_names(self) -> list[tuple[int, str]]:
        """(position, name) of every name of two or more words, built on first use."""
        if self._full_names is None:
            text = self.text
            self._full_names = []
            skip = self.skip
            for start, end in name_runs(text):
                if text.find(" ", start, end) < 0 or _within(skip, start):
                    continue
                person = person_at_run(
                    text, start, end, sentence_start=at_sentence_start(text, start)
                )
                if person and " " in person:
                    at = start + text[start:end].rfind(person)
                    given = _GIVEN_BEFORE_INITIAL.search(text, start, at)
                    if (
                        given
                        and _INITIAL.fullmatch(person.split()[0])
                        and not is_name_stopword(given.group(1), sentence_start=True)
                        and self._only_before(given.group(1), person.split()[0])
                    ):
                        # "Gatot S. Dewa Broto": the rules keep three words; a given name the
                        # text prints only before this initial is the name's first word
                        at, person = given.start(1), f"{given.group(1)} {person}"
                    self._full_names.append((at, person))
        return self._full_names

    @property
    def aliases(self) -> dict[str, str]:
        """Nicknames the text declares, mapped to full names."""
        if self._aliases is None:
            text = self.text
            self._aliases = {}
            if "sapaan" in text:
                for match in _ALIAS_AFTER.finditer(text):
                    phrase = match.group("full")
                    if is_role_word(phrase.split()[0]):
                        # "Rudy, sapaan akrab Wali Kota Surakarta": the nickname of the person
                        # the article names with that office, never the office's place
                        full = self._holder_of(phrase, match.start())
                    else:
                        full = person_in(phrase)
                    if full:
                        self._aliases[match.group("alias")] = full
            if " asli" in text:
                for match in _REAL_NAME.finditer(text):
                    # "Cut Keke, yang bernama asli Cut Zudiake": a real name printed once maps
                    # to the name the article uses, the one it stands in apposition to; not
                    # "Pelaku yang bernama asli Ahmad Sukri" (whose real name is the suspect's)
                    real = person_at_run(text, match.start("full"), match.end("full"))
                    stage = self._appositive_before(match.start())
                    if (
                        real
                        and stage
                        and " " in real
                        and " " in stage
                        and not set(stage.split()) & set(real.split()[1:])
                    ):
                        self._aliases.setdefault(real, stage)
            if " alias " in text:
                for match in _ALIAS_NAMED.finditer(text):
                    full = person_at_run(text, match.start("full"), match.end("full"))
                    if full and " " in full:
                        self._aliases.setdefault(match.group("alias"), full)
            if " atau " in text:
                for match in _ALIAS_OR.finditer(text):
                    alias = match.group("alias")
                    full = person_at_run(text, match.start("full"), match.end("full"))
                    if (
                        full
                        and alias not in full.split()
                        and len(alias) >= 3
                        and _name_token(alias)
                        and (
                            _contracts(alias, full.split())
                            or any(_shortens(alias, w) for w in full.split())
                        )
                        and not _CHOICE_BEFORE.search(
                            text, max(0, match.start() - 60), match.start()
                        )
                    ):
                        self._aliases.setdefault(alias, full)
            if "(" in text:
                for match in _ALIAS_PAREN.finditer(text):
                    alias = match.group("alias")
                    full = person_at_run(text, match.start("full"), match.end("full"))
                    if (
                        full
                        and " " in full
                        and alias not in full.split()
                        and _name_token(alias)
                        and not is_common_word(alias)
                        and _letters_in(alias, full)
                        and not _within(self.skip, match.start())
                        and _has_name_word(text, alias, match.end())
                    ):
                        self._aliases.setdefault(alias, full)
            if '"' in text or "“" in text:
                for match in _ALIAS_QUOTED.finditer(text):
                    # 'Henri "Carraway" Teja': a player's or a fighter's handle between the
                    # first name and the last, then "ujar Carraway"
                    first = _FIRST_BEFORE_ALIAS.search(
                        text, max(0, match.start() - 30), match.start()
                    )
                    if first is None:
                        continue
                    full = person_in(f"{first.group('first')} {match.group('last')}")
                    alias = match.group("alias")
                    if full and " " in full and alias not in full.split():
                        self._aliases.setdefault(alias, full)
            if "akrab " in text or "biasa " in text or "disapa " in text:
                for match in _ALIAS_CALLED.finditer(text):
                    alias = match.group("alias") or match.group("alias2")
                    full = self._nearest_full_before(
                        match.start(), exclude=alias, same_sentence=True
                    ) or self._nearest_full_before(match.start(), exclude=alias)
                    if full:
                        self._aliases.setdefault(alias, full)
                        bare = alias.split()[-1]
                        if (
                            " " in alias
                            and not _has_name_word(text[: match.start()], bare, 0)
                            and any(w[:1] == bare[:1] for w in full.split())
                        ):
                            # "Zulfahmi Adrian … akrab disapa Bang Zoel", then "ujar Zoel": the
                            # bare nickname too, when the text did not use it before and it
                            # comes from the name (not "Wiyono … akrab disapa Mas Wiyono")
                            self._aliases.setdefault(bare, full)
        return self._aliases

    def _appositive_before(self, position: int) -> str | None:
        """The name that "bernama asli" at ``position`` describes: the full name right before
        it, a comma and "yang" allowed ("Cut Keke, yang bernama asli …"); None when a noun
        or a pronoun is its subject ("Perempuan bernama asli …", "Pelaku yang bernama asli")."""
        gap = _APPOSITIVE_GAP.search(self.text, max(0, position - 12), position)
        if gap is None:
            return None
        for start, name in reversed(self.full_names):
            if start + len(name) == gap.start():
                return name
            if start < gap.start() - 80:
                break
        return None

    def _holder_of(self, office: str, before: int) -> str | None:
        """The full name the text gives right after ``office`` ("Wali Kota Surakarta, FX Hadi
        Rudyatmo"), the last time before ``before`` first, else the first time after it."""
        found: str | None = None
        for match in re.finditer(rf"(?<![\w-]){re.escape(office)},?[ \t\xa0]+(?=[A-Z])", self.text):
            for start, end in name_runs(self.text, match.end(), match.end() + 80)[:1]:
                if start != match.end():
                    continue
                person = person_in(self.text[match.start() : end])
                if person and " " in person:
                    found = person
            if found and match.start() >= before:
                break
        return found

    def _nearest_full_before(
        self, position: int, exclude: str, *, same_sentence: bool = False
    ) -> str | None:
        """The last full name before ``position``; one that holds the nickname's last word
        inside a word comes first ("Cak Imin" → "Muhaimin Iskandar", not the name just
        before). With ``same_sentence``, only names in the sentence of ``position``: "Korban,
        Ahmad Fauzi yang akrab disapa Dede" is Ahmad Fauzi's nickname, whatever name with a D
        came before."""
        best = None
        holder = None
        initial = None
        core = exclude.split()[-1].lower()
        floor = max(self.text.rfind(stop, 0, position) for stop in ".!?\n") if same_sentence else -1
        for start, name in self.full_names:
            if start >= position:
                break
            if start <= floor or is_common_word(name.split()[0]):
                continue  # (not "Mobil Kancil", a thing named before "disapa Kang Emil")
            if name != exclude:
                best = name
                if len(core) >= 3 and any(core in w.lower() for w in name.split()):
                    holder = name
                elif name[:1] == core[:1].upper():
                    # "Zulfahmi Adrian … akrab disapa Bang Zoel": a nickname made from the
                    # name, before a place or an event named in between ("Smart City")
                    initial = name
        return holder or initial or best

    def without_organisation(self, name: str, speakers: set[str]) -> str:
        """``name`` without an organisation's name glued before it, known from the article: the
        first word(s) stand alone elsewhere and name no speaker, while the next word is a
        speaker's name (in ``speakers``). "Bukalapak Teddy Oetomo" → "Teddy Oetomo" when the
        text also has "Bukalapak telah …" and "kata Teddy"; "Ilham Akbar Habibie" stays whole."""
        words = name.split()
        if len(words) == 2 and words[1] in speakers and words[0] not in speakers:
            # "asal Afghanistan Ali" when the text also says "asal Afghanistan dan Sudan" and
            # "kata Ali": a place before a one-word name
            return words[1] if self._thing_alone(words[0], words[1]) else name
        if len(words) < 3:
            return name
        if words[0] in speakers:
            return name
        for k in range(len(words) - 1, 0, -1):
            if words[k] in speakers and self._stands_alone(
                " ".join(words[:k]), words[k - 1], words[k]
            ):
                return " ".join(words[k:])
        if (
            words[0] not in speakers
            and self._thing_alone(words[0], words[1])
            and (words[-1] in speakers or self._stands_alone(words[0], words[-2], words[-1]))
        ):
            # "Taiwan Joseph Wu" when the text says "dari Taiwan" and "Wu mengatakan"
            return " ".join(words[1:])
        return name

    def _only_before(self, word: str, after: str) -> bool:
        """True when ``word`` opens no other capitalised run in the text than the one with
        ``after`` ("Gatot" before "S.", and alone in "kata Gatot"; not "Garuda", which the
        article also prints in "Garuda Indonesia")."""
        return not re.search(
            rf"(?<![\w-]){re.escape(word)}[ \t\xa0]+(?!{re.escape(after)}(?![\w-]))[A-Z]",
            self.text,
        )

    def _name_initials(self, words: list[str]) -> frozenset[str]:
        """The first word of a full name when it is a pair of initials ("FX Hadi Rudyatmo"):
        two or three capitals the article prints only right before the name's next word (an
        organisation's acronym, "KPK", also stands elsewhere)."""
        head = words[0]
        if len(words) < 3 or not (2 <= len(head) <= 3 and head.isalpha() and head.isupper()):
            return frozenset()
        key = f"{head}^{words[1]}"
        if key not in self._trimmed:
            alone = re.search(
                rf"(?<![\w-]){re.escape(head)}(?![\w-])(?![ \t\xa0]+{re.escape(words[1])}(?![\w-]))",
                self.text,
            )
            self._trimmed[key] = "" if alone else "1"
        return frozenset({head}) if self._trimmed[key] else frozenset()

    def _rarer_slip(self, slip: str, word: str, *, counted: bool = True) -> bool:
        """True when ``slip`` reads as a one-letter slip of the name word ``word``: one letter
        apart (no gendered ending swapped, see ``_slip``) and no word the news writes in lower
        case ("Kim Sudah" is no spelling of "Kim Sudal"). With ``counted``, a letter changed
        into another that is no spelling variant of it ("Wahyudi"/"Wahyuni", not
        "Taufiq"/"Taufik", see ``_VARIANTS``) must be printed less often than ``word`` (as
        often, for a name of eight letters or more): a name the article prints more often is
        a second person's ("kata Hendro" five times is not "Hendra Sirait" named once);
        a letter added or dropped ("Marsal"/"Marshal", "Fadei"/"Fadeli") is a slip."""
        if not _slip(slip, word) or is_common_word(slip) or is_common_word(word):
            return False
        if not counted or len(slip) != len(word):
            return True
        changed = next(
            {x, y} for x, y in zip(slip.casefold(), word.casefold(), strict=True) if x != y
        )
        if changed in _VARIANTS:
            return True
        slips, words = self._count(slip), self._count(word)
        return slips <= words if len(slip) >= 8 else slips < words

    def _count(self, word: str) -> int:
        """:func:`_word_count` of ``word`` in this text, each word counted once."""
        found = self._counts.get(word)
        if found is None:
            found = self._counts[word] = _word_count(self.text, word)
        return found

    def _printed_once(self, name: str) -> bool:
        """True when a short name (four or five letters) stands once in the text: a name the
        article never introduces, one letter off a name it does ("ujar Ahman" once beside
        "Ahmad Jauhari" and "Ahmad", "tanya Azis" beside "Aziz Syamsudin"), is a slip. A short
        name printed twice or more is a person of its own ("kata Hendi" twice is not "Hendri
        Saputra")."""
        if len(name) < 4 or self._count(name) != 1:
            return False
        # a name the article introduces where it prints it ("ujar Dedi, pedagang sayur",
        # "warga bernama Rini") is a person of its own, whatever name it is one letter off
        return not self.introduced(name)

    def introduced(self, name: str) -> bool:
        """True when the text introduces the one-word ``name`` as a person known by it alone:
        "Budi, warga Cilincing", "ujar Dedi, pedagang sayur", "warga bernama Rini" (a
        describing noun right after it, or "bernama" before it). Read once per name."""
        key = f"{name}\x00introduced"  # no word holds a NUL
        if key not in self._trimmed:
            text = self.text
            introduced = any(
                _INTRODUCED_BEFORE.search(text, max(0, at.start() - 16), at.start())
                or _INTRODUCED_AFTER.match(text, at.end(), at.end() + 24)
                for at in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
            )
            self._trimmed[key] = "1" if introduced else ""
        return bool(self._trimmed[key])

    def _around(self, words: list[str], index: int) -> str:
        """:func:`_around` with this article's initials and forms of address, read only for
        a full name that holds the short one."""
        short = _around(words, index, self._name_initials(words), self._address_form(words))
        start = len(words) - len(short.split())
        while (
            start > 0
            and self._always_before(words[start - 1], words[start])
            and not self._printed_without(words[start - 1], " ".join(words[start:]))
        ):
            # "Yudho" in "Prasetyo Adi Yudho", "Ridho" in "Rasio Ridho Sani": a word the text
            # prints only right before the rest of this name is the name's own first word, not
            # a role, a place or an organisation glued to it ("Swedia Otto Wallin")
            start -= 1
        return " ".join(words[start:])

    def _printed_without(self, word: str, rest: str) -> bool:
        """True when the name ``rest`` of two or more words is printed somewhere without
        ``word`` before it ("Tito Karnavian" beside "Polwan RI Tri Tito Karnavian", his wife):
        then ``word`` opens another name or is no name."""
        if " " not in rest:
            return False
        key = f"{word}~~{rest}"  # read once per article: canonical asks for every name
        if key not in self._trimmed:
            alone = len(re.findall(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", self.text))
            joined = len(
                re.findall(
                    rf"(?<![\w-]){re.escape(word)}[ \t\xa0]+{re.escape(rest)}(?![\w-])", self.text
                )
            )
            self._trimmed[key] = "1" if alone > joined else ""
        return self._trimmed[key] == "1"

    def _always_before(self, word: str, after: str) -> bool:
        """True when ``word`` is a name word the text prints only right before ``after``, each
        time where a name may open: at a sentence's or a clause's start ("? Prasetyo Adi
        Yudho,") or after a rank or an organisation's acronym ("AKP Aba Wahid Key", "ITB
        Yannes Martinus Pasaribu"); not after another capitalised word, which makes it the end
        of a role, a title or an organisation ("Pendidikan Tinggi Mohamad Nasir", "Recording
        Academy Neil Portnow", "asal Swedia Otto Wallin" is a place after a lower-case word)."""
        key = f"{word}^{after}"  # read once per article: canonical asks for every name
        found = self._trimmed.get(key)
        if found is None:
            found = self._trimmed[key] = "1" if self._always_before_uncached(word, after) else ""
        return found == "1"

    def _always_before_uncached(self, word: str, after: str) -> bool:
        """:meth:`_always_before`, read from the text."""
        if (
            not word[:1].isupper()
            or not word[1:2].islower()
            or word in ADDRESS_FORMS
            or is_role_word(word)
            or is_common_word(word)
            # a question in "-kah": "Benarkah Cinta Laura …?", "Mampukah Rins …?"
            or (word.endswith("kah") and is_common_word(word[:-3]))
            or is_name_stopword(word, sentence_start=True)
        ):
            return False
        text = self.text
        joined = 0
        for found in re.finditer(
            rf"(?<![\w-]){re.escape(word)}[ \t\xa0]+{re.escape(after)}(?![\w-])", text
        ):
            if not _NAME_OPENS.search(text, max(0, found.start() - 8), found.start()):
                return False
            joined += 1
        return joined > 0 and joined == _word_count(text, word)

    def _far_more_often(self, parts: list[str], first: list[str]) -> bool:
        """True when the word in which ``parts`` differs from the first-printed ``first`` is
        printed at least three times as often, and three times or more: then the first print
        is the slip ("Gibaran Rakabuming" once, "Gibran" thirteen times), not the later one
        ("Rendy" once, "Randy" twice: the first spelling stands)."""
        for mine, theirs in zip(parts, first, strict=False):
            if mine != theirs:
                later, earlier = self._count(mine), self._count(theirs)
                return later >= 3 and later >= 3 * earlier
        return False

    def _address_form(self, words: list[str]) -> bool:
        """True when the first of ``words`` is a form of address the article uses as one
        ("akrab disapa Kang Emil", or "Kang" before two different names), not a family name
        ("Kang Daniel", "Bang Chan": Korean names that start the same way)."""
        if len(words) != 2 or words[0] not in ADDRESS_FORMS:
            return False
        key = f"{words[0]}~{words[1]}"  # read once per article: canonical asks for every name
        if key not in self._trimmed:
            head = re.escape(words[0])
            called = re.search(
                rf"(?:sapa|panggil|sebut|sapaan|panggilan)(?:[ \t\xa0]+akrab)?[ \t\xa0]+{head}"
                rf"[ \t\xa0]+{re.escape(words[1])}(?![\w-])",
                self.text,
            )
            named = {
                m.group(1)
                for m in re.finditer(rf"(?<![\w-]){head}[ \t\xa0]+([A-Z][\w-]*)", self.text)
            }
            self._trimmed[key] = "1" if called or len(named) >= 2 else ""
        return self._trimmed[key] == "1"

    def _thing_alone(self, head: str, after: str) -> bool:
        """True when ``head`` stands elsewhere after a preposition or a word for a place or
        an organisation, before no capitalised word ("dari Taiwan ke", "tim Honda."): a
        place or an organisation, not a first name."""
        key = f"{head}>{after}"
        if key not in self._trimmed:
            alone = re.search(
                rf"(?<![\w-])(?:di|ke|dari|asal|negara|pemerintah|tim|pabrikan|klub|perusahaan)"
                rf"[ \t\xa0]+{re.escape(head)}(?![\w-])(?![ \t\xa0]+[A-Z])",
                self.text,
            )
            self._trimmed[key] = "1" if alone and not _within(self.skip, alone.start()) else ""
        return self._trimmed[key] == "1"

    def _stands_alone(self, head: str, before: str, word: str) -> bool:
        """True when ``head`` stands alone in the text (not followed by a capitalised word) and
        ``word`` does too (not after ``before``)."""
        key = f"{head}|{word}"
        if key not in self._trimmed:
            alone = re.search(
                rf"(?<![\w-]){re.escape(head)}(?![\w-])(?![ \t\xa0]+[A-Z][a-z])", self.text
            )
            named = re.search(
                rf"(?<!{re.escape(before)} )(?<![\w-]){re.escape(word)}(?![\w-])", self.text
            )
            self._trimmed[key] = "1" if alone and named else ""
        return self._trimmed[key] == "1"

    def canonical(self, name: str, position: int | None = None) -> str:
        """The full name for ``name``: itself when already full or unknown; the nickname's
        owner; else the full name (two or more words) holding it as a word or a word's start
        ("Fajar" → "Agung Fajarwanto"), the last one named before ``position`` first."""
        if name in self.aliases:
            full = self.aliases[name]
            # "Beto sapaan Alberto": the nickname's owner by the name used in full elsewhere
            return full if " " in full or full == name else self.canonical(full, position)
        if name.startswith("@"):
            return name
        if 2 <= len(name) <= 4 and name.isalpha() and name.isupper():
            # "JK" for "Jusuf Kalla", "SBY", "AHY": a person's initials, when the article
            # names someone with them
            owners = [full for _start, full in self.full_names if _initials(full) == name]
            if owners:
                return max(owners, key=owners.count)
            return name
        if " " in name:
            parts = name.split()
            longer = [
                full
                for _start, full in self.full_names
                if len(full.split()) > len(parts) and full.startswith(f"{name} ")
            ]
            if not longer and len(parts) == 2:
                # "Toni Pontoh" for "Toni Ismail Pontoh": a middle name left out
                longer = [
                    full
                    for _start, full in self.full_names
                    if len(full.split()) == 3
                    and full.startswith(f"{parts[0]} ")
                    and full.endswith(f" {parts[1]}")
                ]
            if not longer and parts[0].lower() in _LOWER_PARTICLES:
                # "Van Dijk" for "Virgil van Dijk": the particle capitalised where it opens
                lowered = " ".join([parts[0].lower(), *parts[1:]])
                longer = [
                    full
                    for _start, full in self.full_names
                    if len(full.split()) > len(parts) and full.endswith(f" {lowered}")
                ]
            if not longer:
                # the full names that end with this one, "… Dewa Broto", "… Adi Yudho", when
                # they are the name's own: "S. Dewa Broto" for "Gatot S. Dewa Broto" (a name cut
                # after its given name), "Wayan Sudarma" for "I Wayan Sudarma" (the "I" that
                # opens a Balinese name); else "Adi Yudho" for "Prasetyo Adi Yudho", when the
                # text prints the words before it only right before it
                ending = [
                    full
                    for _start, full in self.full_names
                    if len(full.split()) > len(parts) and full.endswith(f" {name}")
                ]
                longer = [
                    full
                    for full in ending
                    if _INITIAL.fullmatch(parts[0]) or full[: -len(name) - 1] in ("I", "Ni")
                ] or [full for full in ending if self._around(full.split(), len(full.split()) - 1) == full]
            if not longer:
                # "Prasetyo Edi" for "Prasetio Edi Marsudi": the full name with one letter of
                # its first words misspelt, when no full name holds the short one as printed
                longer = [
                    full
                    for _start, full in self.full_names
                    if len(full.split()) > len(parts)
                    and _one_word_apart(parts, full.split(), lambda a, b: len(a) >= 6 and _slip(a, b))
                ]
            if not longer:
                # "Randy Pandugo" for "Rendy Pandugo": the same name with one letter changed,
                # printed first — the article's own spelling, the later one a slip
                first = next((start for start, full in self.full_names if full == name), None)
                longer = [
                    full
                    for start, full in self.full_names
                    if first is not None
                    and start < first
                    and len(full.split()) == len(parts)
                    and _one_word_apart(
                        parts,
                        full.split(),
                        lambda a, b: len(a) >= 5 and self._rarer_slip(a, b, counted=False),
                    )
                    and not self._far_more_often(parts, full.split())
                ][:1]
            return (
                max(longer, key=lambda full: (longer.count(full), -len(full))) if longer else name
            )
        exact: list[tuple[int, str]] = []
        prefix: list[tuple[int, str]] = []
        spelt: list[tuple[int, str]] = []
        itself = False
        for start, full in self.full_names:
            words = self.without_organisation(full, self.speakers).split()
            bare = [w.removeprefix("al-").removeprefix("el-") for w in words]  # "al-Otaibi"
            if name in bare:
                index = bare.index(name)
                if index == 0 and len(words) >= 3 and words[1] in self.speakers:
                    # "tulis Tokopedia" and "kata Nuraini" beside "Tokopedia Nuraini Razak":
                    # the first word is an organisation speaking for itself, not her name
                    itself = True
                    continue
                exact.append((start, self._around(words, index)))
            elif len(name) >= 4:
                for i, word in enumerate(words):
                    if word.startswith(name):
                        prefix.append((start, self._around(words, i)))
                        break
                else:
                    for i, word in enumerate(bare):
                        if _undoubled(word) == _undoubled(name) or (
                            (len(name) >= 6 or self._printed_once(name))
                            and self._rarer_slip(name, word)
                        ):
                            spelt.append((start, self._around(words, i)))
                            break
                    else:
                        if _contracts(name, bare):
                            spelt.append((start, " ".join(words)))
        # "Maher" for "Maaher Atthuwailibi", "Fadhilah" for "Fadhillah", "Moemahadi" for
        # "Moermahadi": the same name with a doubled letter more or less or one letter
        # changed, added or dropped, a spelling slip the news often makes, comes last
        for found in (exact, prefix, spelt):
            if found:
                counts: dict[str, int] = {}
                for _start, full in found:
                    counts[full] = counts.get(full, 0) + 1
                top = max(counts.values())
                frequent = [f for f in found if counts[f[1]] == top]
                before = [f for f in frequent if position is None or f[0] <= position]
                chosen = (before[-1] if before else frequent[0])[1]
                # "Prasetyo" → "Prasetyo Edi" → "Prasetio Edi Marsudi": the fullest form
                return self.canonical(chosen, position) if " " in chosen else chosen
        return name if itself else self._continued(name)

    def _continued(self, name: str) -> str:
        """``name`` with the capitalised name words that follow it where the article names
        the person in full, when no full name holds it: "Yasonna" → "Yasonna Hamonangan Laoly"
        after a role the name run was cut from."""
        if len(name) < 3 or not name[:1].isupper():
            return name
        found = self._continuations.get(name)
        if found is None:
            # read once per name: canonical asks at every cue, and each read walks every place
            # the text prints the name (quadratic in a long article's quotes otherwise)
            found = self._continuations[name] = self._continued_uncached(name)
        return found

    def _continued_uncached(self, name: str) -> str:
        """:meth:`_continued`, read from the text."""
        forms = [name]
        if not is_common_word(name):
            # then with a slip of the shift key: "DJP hestu Yoga Saksama", a name the article
            # writes "Hestu" elsewhere (not a word: "untung Budi" is luck)
            forms.append(name[:1].lower() + name[1:])
        for form in forms:
            found = self._continued_as(form)
            if found:
                return name + found[len(form) :]
        return name

    def _continued_as(self, name: str) -> str | None:
        """``name`` and the capitalised name words after it at its first place in the text
        that has them; None when none has."""
        text = self.text
        at = text.find(name)
        while at >= 0:  # str.find, not a regex per name: this runs for every short name
            start, at = at, text.find(name, at + 1)
            if (start and (text[start - 1].isalnum() or text[start - 1] == "-")) or _within(
                self.skip, start
            ):
                continue
            after = _NAME_WORDS_AFTER.match(text, start + len(name))
            if after is None:
                continue
            words = [name]
            for word in after.group().split():
                if self._initials_surname(word, name):
                    words.append(word)
                    break
                if not _name_token(word) or is_common_word(word):
                    break
                words.append(word)
            if len(words) > 1:
                return " ".join(words)
        return None

    def _initials_surname(self, word: str, name: str) -> bool:
        """True when ``word`` is a family name written as initials ("Astrid WEN", "Bambang
        DH"): two to four capitals that the article writes only right after ``name`` (an
        organisation's acronym, "DKI", "KPK", also stands elsewhere)."""
        if not (2 <= len(word) <= 4 and word.isalpha() and word.isupper()):
            return False
        text = self.text
        at = text.find(word)
        while at >= 0:
            whole = (at == 0 or not text[at - 1].isalnum()) and not text[
                at + len(word) : at + len(word) + 1
            ].isalnum()
            if whole and not text[max(0, at - len(name) - 1) : at].startswith(name):
                return False
            at = text.find(word, at + 1)
        return True


# Where a name may open: a sentence's or a clause's start, or a rank or an organisation's acronym
# ("AKP", "ITB") before it.
_NAME_OPENS = re.compile(r"(?:\A|[.?!,;:\-–—(]|(?<![\w-])[A-Z]{2,5})[ \t\xa0]*\Z")

# One or two capitalised words right after a name, on the same line.
_NAME_WORDS_AFTER = re.compile(r"(?:[ \t\xa0]+[A-Z][\w'’-]+){1,2}")


def _contracts(name: str, words: list[str]) -> bool:
    """True when one-word ``name`` joins the first letters of two words of a name that follow
    each other: "Jokowi" (Joko Widodo), "Bamsoet" (Bambang Soesatyo), "Zulhas" (Zulkifli Hasan),
    the short forms Indonesian news makes of public figures' names."""
    low = name.casefold()
    if len(low) < 5 or len(words) < 2:
        return False
    for first, second in zip(words, words[1:], strict=False):
        a, b = first.casefold(), second.casefold()
        for cut in range(3, min(len(a), len(low) - 2) + 1):
            if low[:cut] == a[:cut] and b.startswith(low[cut:]):
                return cut < len(a) or len(low) - cut < len(b)  # not the two words whole
            if (
                low[:cut] == a[:cut]
                and len(low) - cut >= 3
                and low[cut : cut + 2] == b[:2]
                and _letters_in(low[cut:], b)
            ):
                return True  # "Bamsoet": "Bam" + the letters of "Soesatyo" in order
    return False


def _shortens(alias: str, word: str) -> bool:
    """True when ``alias`` is ``word`` shortened: its letters in order within the word, the
    first one first ("Romi" from "Romahurmuziy", "Muz" from "Muzani"), unlike "Andika" and
    "Andi"."""
    return _letters_in(alias, word) and alias[:1].casefold() == word[:1].casefold()


def _letters_in(alias: str, name: str) -> bool:
    """True when the letters of ``alias`` stand in order among those of ``name``: "Ibas" in
    "Edhie Baskoro Yudhoyono", not "Persija" in "Marc Klok"."""
    rest = iter(name.casefold())
    return all(letter in rest for letter in alias.casefold())


@lru_cache(maxsize=4096)
def _undoubled(word: str) -> str:
    """``word`` in lower case with each doubled letter written once ("Maaher" → "maher")."""
    return re.sub(r"(\w)\1+", r"\1", word.casefold())


def _within(ranges: list[tuple[int, int]], position: int) -> bool:
    at = bisect_right(ranges, (position, _BIG)) - 1
    return at >= 0 and ranges[at][0] <= position < ranges[at][1]


_BIG = 1 << 62


def _around(
    words: list[str], index: int, initials: frozenset[str] = frozenset(), address: bool = False
) -> str:
    """The name a short name stands for in a longer phrase: from it onwards when it is a first
    name ("Yuddy" in "Birokrasi Yuddy Chrisnandi"), else with the one word before it ("Putin" in
    "Rusia Vladimir Putin"); with the initials right before either ("Hanif" in "M. Hanif
    Dhakiri"; "Rudy" in "FX Hadi Rudyatmo" when "FX" is in ``initials``)."""
    if index == len(words) - 1 and index > 0:
        if index == 1 and address:
            return words[1]  # "Emil" in "Kang Emil": the name, not the form of address
        start = index - 1
        while start > 0 and words[start - 1].lower() in _GIVEN_OPENERS:
            start -= 1  # "Kamal" in "Ahmad Musthofa Kamal": a word that opens a name stays
    else:
        start = index
        while start > 0 and words[start - 1].lower() in _NAME_OPENERS:
            start -= 1  # "Fickar" in "Abdul Fickar Hadjar": the words that open a name stay
    while start > 0 and (_INITIAL.fullmatch(words[start - 1]) or words[start - 1] in initials):
        start -= 1
    return " ".join(words[start:])


# A capitalised word right before an initial that opens a name: "Gatot " before "S. Dewa".
_GIVEN_BEFORE_INITIAL = re.compile(r"(?<![\w-])([A-Z][a-z]{2,})[ \t\xa0]+\Z")
# One initial of a name: "M." in "M. Hanif Dhakiri".
_INITIAL = re.compile(r"[A-Z]\.")


# Letters that spell the same sound in names, so one for the other is a spelling, not another
# name: "Taufiq"/"Taufik", "Prasetyo"/"Prasetio", "Zulkifli"/"Zulkifly", "Zainal"/"Sainal".
_VARIANTS = ({"k", "q"}, {"i", "y"}, {"f", "v"}, {"f", "p"}, {"c", "k"}, {"s", "z"})


# A name introduced where it stands: "bernama Rini" before it; "Dedi, pedagang sayur", "Anti,
# salah satu atlet", "Rini, seorang ibu" after it. (The quote layer's own list of describing
# nouns is not imported: the speaker layer stays below it.)
_INTRODUCED_BEFORE = re.compile(r"(?<![\w-])(?:bernama|namanya|panggilan)[ \t\xa0]+\Z")
_INTRODUCED_AFTER = re.compile(
    r",?[ \t\xa0]+(?:seorang|salah[ \t\xa0]+(?:satu|seorang)|sang|warga|pria|wanita"
    r"|perempuan|lelaki|pemuda|remaja|gadis|ibu|bapak|mahasiswa|mahasiswi|siswa|siswi|pelajar"
    r"|pedagang|petani|nelayan|sopir|pengemudi|karyawan|karyawati|buruh|pegawai|guru|penjual"
    r"|pembeli|pengunjung|penumpang|pemilik|penghuni|korban|saksi|relawan|atlet|pemain"
    r"|penonton|suporter|peserta|anggota|orang[ \t\xa0]+tua|istri|suami|anak|adik|kakak)(?![\w-])"
)


def _word_count(text: str, word: str) -> int:
    """How often ``word`` stands as a whole word in ``text``."""
    return len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


def _one_word_apart(parts: list[str], words: list[str], slip: Callable[[str, str], bool]) -> bool:
    """True when ``parts`` and the first words of ``words`` differ in exactly one word, and
    ``slip`` holds for that pair ("Prasetyo Edi" / "Prasetio Edi Marsudi")."""
    pairs = list(zip(parts, words, strict=False))
    return sum(a != b for a, b in pairs) == 1 and all(a == b or slip(a, b) for a, b in pairs)


def _slip(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one letter (``_one_edit``) other than a swapped
    last vowel: "Hendra"/"Hendro", "Putri"/"Putra", "Yulianti"/"Yulianto" are two people
    (Javanese names mark a woman or a man by the last vowel), not one name misspelt."""
    if not _one_edit(a, b):
        return False
    x, y = a.casefold(), b.casefold()
    return not (len(x) == len(y) and x[:-1] == y[:-1] and x[-1] in "aiueo" and y[-1] in "aiueo")


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` (case aside) differ by one letter changed, added or dropped,
    or two letters side by side swapped: "Prasetyo" / "Prasetio", "Moemahadi" / "Moermahadi",
    "Tahreq" / "Thareq", the slips news makes in a name it printed right earlier in the same
    article."""
    a, b = a.casefold(), b.casefold()
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            if len(a) != len(b):
                return a[i:] == b[i + 1 :]
            swapped = a[i + 1 : i + 2] == y and b[i + 1 : i + 2] == x and a[i + 2 :] == b[i + 2 :]
            return a[i + 1 :] == b[i + 1 :] or swapped
    return True  # b is a with one letter added at the end


# Particles of European names, printed in lower case inside a full name.
_LOWER_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "de", "da", "du", "dos"})
# Name openers that are also titles or forms of address, dropped before a surname.
_TITLE_OPENERS = frozenset({"mas", "haji", "hj.", "h.", "raden", "anak", "agung"})
# Words that open an Indonesian name and never stand alone for the person: "Abdul Fickar
# Hadjar", "I Gede Yoga", "Teuku Faizasyah", "Andi Mallarangeng".
_NAME_OPENERS = frozenset(
    "abdul abdur abd muhammad mohammad mohamad muhamad moh mochamad ahmad achmad siti nur"
    " i ni gusti gde gede made wayan nyoman ketut putu komang kadek luh anak agung teuku tengku"
    " cut andi raden mas haji hj. h.".split()
)
# The openers that stay before a surname: a given name's, not a title's ("Ahmad", not "Haji").
_GIVEN_OPENERS = _NAME_OPENERS - _TITLE_OPENERS


def _initials(name: str) -> str:
    """The initials of a name's words: "Susilo Bambang Yudhoyono" → "SBY"."""
    return "".join(w[0] for w in name.split() if w[0].isupper())
