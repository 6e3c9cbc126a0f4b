"""People's names in news text by capitalisation: runs of capitalised words, cut free of titles,
organisations and places ("Presiden Rusia Vladimir Putin" → "Vladimir Putin"), short names mapped
to the full name used elsewhere in the article ("Yang" → "Yang Moo Jin"), and nicknames the text
declares ("Emil --sapaan Ridwan Kamil--", "yang akrab disapa Dani").

A capitalisation heuristic, not a model: it needs no training data and costs microseconds. The
NER model (``warta.enrich.ner``) can replace the candidate list later through ``find_quotes``'s
``speakers`` argument.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warta.enrich.ner.tagger import Mention

__all__ = [
    "NameIndex",
    "PersonModel",
    "after_organisation_kind",
    "at_sentence_start",
    "glue_points",
    "is_common_word",
    "is_name_stopword",
    "is_role_word",
    "name_runs",
    "person_at_run",
    "person_in",
]

# A name token: a capitalised word ("Yang", "O'Neil", "Jean-Luc"), an initial ("V."), or a handle.
# "al-Otaibi", "el-Sisi": an Arabic article glued to a name.
_TOKEN = (
    r"(?:(?<![\w.])(?:[A-Z]|Dr|Prof|Mr|Mrs|Ms|Hj|Ir|St|Jr|Sr)\.|(?:(?<![\w-])(?:al|el)-)?[A-Z][\w&'’]*(?:-[\w&'’]+)*"
    r"|@[\w.]+\w)"
)
# Academic degrees after a name: "SpPD-KEMD", "M.Si", "S.H.", "PhD".
_DEGREE = re.compile(
    r"(?:Sp[A-Z][\w.]*|S\.?[A-Z][a-z]?\.?|M\.?[A-Z][a-z]*\.?|Ph\.?D\.?)(?:-[A-Z]+)?,?"
)
_PARTICLE = r"(?:bin|binti|boru|van|von|der|de|da|al|el|la|le)"
# Words of one name are on one line: a run never crosses a line break ("Awal Cerita\n\nBrotoseno").
_GAP = r"[ \t\xa0]+"
# Up to 14 words: a long role before a name ("Manajer Bursa Mobil Bekas WTC Mangga Dua Herjanto
# Kosasih") must not cut the name in two.
_RUN = re.compile(rf"{_TOKEN}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{_TOKEN}){{0,13}}")
# Two words a scraper glued together ("MisanoSituasi", "bukti.Juara"): a run stops where the
# capital starts. The pattern opens with the capital: fast to scan for.
_GLUE = re.compile(r"[A-Z](?:(?<=[a-z]{2}[A-Z])(?=[a-z]{2})|(?<=[a-z][.!?][A-Z]))")


def glue_points(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where glued words meet in ``text[start:end]``: the positions of the second word."""
    return [m.start() for m in _GLUE.finditer(text, start, len(text) if end is None else end)]


def _glued_at(text: str, position: int) -> bool:
    return _GLUE.match(text, position) is not None


@lru_cache(maxsize=1)
def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    """(titles, organisation and place words; words that start sentences) from the asset."""
    text = files("warta.assets").joinpath("name_stopwords.txt").read_text(encoding="utf-8")
    parts: list[set[str]] = [set(), set()]
    section = 0
    for line in text.splitlines():
        if line.startswith("# words that start sentences"):
            section = 1
        elif not line.startswith("#"):
            parts[section].update(line.split())
    return frozenset(parts[0]), frozenset(parts[1])


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """Titles and roles only ("direktur", "kapolres"), from the first part of the asset."""
    text = files("warta.assets").joinpath("name_stopwords.txt").read_text(encoding="utf-8")
    roles: set[str] = set()
    inside = False
    for line in text.splitlines():
        if line.startswith("#"):
            inside = line.startswith("# titles and roles")
        elif inside:
            roles.update(line.split())
    return frozenset(roles)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    text = files("warta.assets").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_role_word(token: str) -> bool:
    """True for a title or a role ("Kapolres", "Gubernur", "Kasatreskrim") from the asset's
    list of titles and roles, or an Indonesian compound one."""
    low = token.lower()
    return low in _roles() or low in _COMPOUND_ROLES


def is_common_word(token: str) -> bool:
    """True for a word Indonesian news writes in lower case ("Situasi", "Cerita", "Akun"): a
    capitalised one at a sentence start, or in a subheading, is no name."""
    return token.lower() in _common_words()


def is_name_stopword(token: str, *, sentence_start: bool = False) -> bool:
    """True for a title, organisation or place word that is no part of a name; with
    ``sentence_start``, also for a function word that begins a sentence ("Namun", "Yang")."""
    low = token.lower()
    titles, function_words = _stopwords()
    if low in titles or low.rstrip(".") in titles or low in _COMPOUND_ROLES:
        return True
    if len(low) > 5 and low.startswith(_ROLE_PREFIXES):
        return True  # "Kadishub", "Kasatreskrim", "Wakapolresta": a head of an office
    return sentence_start and (low in function_words or low in _common_words())


# Indonesian compound titles of officers and officials, missing from the asset's list of roles:
# "Kompol Marwan Wakapolres Cirebon Kota", "Kasatreskrim Polres Sukoharjo".
_COMPOUND_ROLES = frozenset(
    "wakapolres wakapolda wakapolsek wakapolresta kapolresta kapolrestabes wakapolrestabes"
    " kasatreskrim kasatlantas kasatnarkoba kasatsabhara kasatintelkam kasatbinmas wakasat"
    " kanit kasubag kasubbag kasubbid kasi kasie kaur kadis kakanwil kabiro danrem dandim"
    " danramil danlanal danlantamal pangdam pangkogabwilhan wabup wagub wawali wawalkot sekda"
    " sekdes kades lurah camat"
    # the fields of ministries and offices, capitalised inside roles: "Menteri Dalam Negeri
    # Tjahjo", "Kementerian Perdagangan Wahyu Hidayat"
    " negeri luar perdagangan perhubungan pertanian keuangan kesehatan pendidikan kebudayaan"
    " pariwisata perindustrian kelautan perikanan ketenagakerjaan sosial agama hukum pertahanan"
    " energi komunikasi informatika kehutanan lingkungan perumahan pekerjaan koperasi olahraga"
    " perekonomian kemaritiman investasi politik keamanan pembangunan perencanaan bidang"
    # ministers' short titles: "Mendag Enggar", "Menkeu Sri Mulyani"
    " mendag menkeu mendagri menlu menhan menkes mendikbud menpora menhub menaker menperin"
    " mentan menko menkopolhukam menpan menkominfo menristekdikti menag mensos menteri"
    " menparekraf menpupr menteri-menteri"
    # English job titles: "Corporate Communication & Community Development Group Head"
    " corporate communication communications community development head officer executive vice"
    " public relations marketing sales group"
    # professions written capitalised before a name: "Psikolog Meity Arianty"
    " psikolog psikiater sosiolog astronom kriminolog pakar dokter peneliti analis aktivis"
    " politikus advokat pengacara sejarawan budayawan penulis kajari kajati kalapas"
    # kinds of places whose next word is their own name: "Pos Pengamatan Gunung Slamet Sukedi"
    " gunung pos pulau sungai danau selat teluk kampung desa dusun jalan gedung stadion masjid"
    " gereja pura vihara pesantren pondok"
    # a cabinet, named after its word and its president: "Kabinet Kerja Jokowi"
    " kabinet".split()
)


_ROLE_PREFIXES = ("kadis", "kasat", "kapol", "wakapol", "mapol", "kasubdit", "kasubag", "kakan")


def _is_acronym(token: str) -> bool:
    letters = token.replace("&", "").replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


# Words that end a firm's or a programme's name and never a person's ("Valbury Sekuritas",
# "Hotman Paris Show"); kept here rather than in the shared stopword list.
_COMPANY_WORDS = frozenset(
    "sekuritas securities asuransi insurance investama capital finance konsultan consulting"
    " institute foundation holdings ventures show channel official podcast".split()
)


def _name_token(token: str, sentence_start: bool = False) -> bool:
    if token.startswith("@"):
        return True
    if any(c.isdigit() for c in token):
        return False  # "MR8300", "S6": a product or a model, not a person
    if len(token) > 2 and token[1] == "-" and token[0].isupper():
        return False  # "E-Notulen", "E-KTP": a system or a document, not a person
    if token in _CORPS:
        return False  # "Kolonel Inf Zeni Djunaidi": the officer's corps
    if token.casefold() in _COMPANY_WORDS:
        return False  # "Kepala Riset Valbury Sekuritas Alfiansyah": the firm's kind
    if token.startswith(("Kemen", "Pemkab", "Pemkot", "Pemprov", "Polres", "Polda", "Kanwil")):
        return False  # a ministry or a local government: "Kemenhub Budi Setiyadi"
    return not (is_name_stopword(token, sentence_start=sentence_start) or _is_acronym(token))


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of runs of capitalised words in ``text[start:end]``, cut where a scraper glued two
    words ("MisanoSituasi Lorenzo" gives "Misano" and "Situasi Lorenzo")."""
    spans: list[tuple[int, int]] = []
    stop = len(text) if end is None else end
    for match in _RUN.finditer(text, start, stop):
        lo, hi = match.span()
        if hi == stop < len(text) and (text[stop].isalnum() or text[stop] in "'’-"):
            # a window that ends inside a word must not cut a name ("Kartika Pu|tri"): its
            # last word is read whole, past the window's end
            while hi < len(text) and (text[hi].isalnum() or text[hi] in "'’-"):
                hi += 1
        if hi - lo > 5:
            for cut in glue_points(text, lo, hi + 3):
                if lo < cut < hi:
                    spans.append((lo, cut))
                    lo = cut
        spans.append((lo, hi))
    return spans


def person_in(phrase: str, *, sentence_start: bool = False) -> str | None:
    """The person's name at the end of a capitalised phrase, without titles, organisations or
    places before it; None when nothing name-like is left.

    "Direktur PT Astra Otoparts Tbk Yusak Kristian" → "Yusak Kristian";
    "Kasubdit IV Renakta Ditreskrimum Polda Lampung" → None.
    """
    tokens = phrase.split()
    handles = [t for t in tokens if t.startswith("@")]
    if handles:
        return handles[-1]  # "Akun @cha_pds": the account is the speaker
    while tokens and _DEGREE.fullmatch(tokens[-1]):
        tokens.pop()
    lead = _name_before_role(tokens, sentence_start)
    if lead:
        return lead
    while len(tokens) > 1 and tokens[0].lower() in _CONJUNCTIONS:
        tokens = tokens[1:]  # "Namun Emery", ",Bahkan Cak Imin": a clause opener, not a name
    cut = 0
    initials = -1  # where initials after a rank open the name
    for i, token in enumerate(tokens):
        if (
            cut < i < len(tokens) - 1
            and len(token) == 2
            and token.isupper()
            and _name_token(tokens[i + 1])
        ):
            continue  # two initials inside a name: "AKBP Timbul RK Siregar"
        if (
            cut < i == len(tokens) - 1
            and len(token) == 2
            and token.isupper()
            and token not in _NOT_INITIALS
            and i - cut == 1
            and tokens[cut - 1].lower() in _RANKS | {"pol", "polisi"}
            and _name_token(tokens[i - 1])
            and not _is_acronym(tokens[i - 1])
        ):
            continue  # initials as the family name of one name right after a rank: "Irjen
            # Pol Muchlis AS" (not "Dari AS", "Kepala SMK Ichthus KL")
        if (
            cut < i < len(tokens) - 1
            and len(token) == 1
            and token.isupper()
            and token != "H"
            and _name_token(tokens[i - 1])
            and _name_token(tokens[i + 1])
        ):
            continue  # a middle initial without its dot: "Budi S Wibowo" (not "H", the title
            # Haji, which also follows a place: "Kota Banjarmasin H Sofrayani")
        if (
            i == cut
            and 0 < i < len(tokens) - 2
            and len(token) == 2
            and token.isupper()
            and tokens[i - 1].lower() in _RANKS
            and _name_token(tokens[i + 1])
            and _name_token(tokens[i + 2])
        ):
            initials = i
            continue  # initials that open a name after a rank: "AKBP AM Dicky Pastika Gading"
        if (
            i == len(tokens) - 1
            and i > cut
            and token.lower() in _SURNAME_ROLES
            and not is_common_word(tokens[i - 1])  # "Majelis Hakim" is the bench
        ):
            continue  # "Christine Hakim", "Brian Kantor": a role word as a family name
        if not _name_token(token, sentence_start and i == cut):
            cut = i + 1
            if token.lower() in _ORG_HEADS and i + 1 < len(tokens) - 1:
                # "PT Evoluzione Alessandro Monzani", "Partai Golkar Airlangga Hartarto": the
                # word after an organisation's kind is its own name.
                cut = i + 2
    if (
        0 < cut < len(tokens)
        and tokens[cut].startswith(("al-", "el-"))
        and tokens[cut - 1][:1].isupper()
        and tokens[cut - 1].isalpha()
        and not _is_acronym(tokens[cut - 1])
        and tokens[cut - 1].lower() not in _roles()
    ):
        cut -= 1  # "Turki al-Maliki", "Adel al-Jubeir": the given name before "al-" is a name
    if (
        cut
        and cut == len(tokens) - 1
        and tokens[cut - 1].lower() in _ORG_HEADS
        and not tokens[cut].startswith("@")
    ):
        return None  # "Polres Sukoharjo", "Partai Golkar": the organisation's own name
    tail = tokens[cut:][-4:] if initials == cut else tokens[cut:][-3:]
    while tail and tail[0] in _PARTICLES:
        tail = tail[1:]
    if cut:  # after a role or a place, common words belong to it: "WTC Mangga Dua Herjanto …"
        # (but two words stay a name: "Kadis Bina Marga Hari Nugraha")
        while len(tail) > 2 and is_name_stopword(tail[0], sentence_start=True):
            tail = tail[1:]
    if not tail or (len(tail) == 1 and (tail[0].endswith(".") or len(tail[0]) < 2)):
        return None
    if len(tail) > 1 and all(is_common_word(t) for t in tail):
        return None  # a subheading in title case: "Kurang Motivasi", "Pengaruh Media Sosial"
    return " ".join(tail)


_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
# Two capitals that end a phrase as an acronym, not a person's initials ("Menteri BUMN RI").
_NOT_INITIALS = frozenset("RI UI PT TV CV UK US EU UN PM".split())
# Conjunctions and adverbs that open a clause and are never a name's first word; a scraper that
# joins paragraphs with a comma (",Namun Emery menegaskan") hides the sentence start before them.
# ("Lalu" is not here: a Sasak title, "Lalu Muhammad Zohri".)
_CONJUNCTIONS = frozenset(
    "namun tetapi tapi sedangkan bahkan kemudian sementara sehingga padahal adapun meski"
    " meskipun walaupun walau akhirnya selanjutnya sebelumnya menurut"
    # prepositions opening a sentence: "Kepada Raffi Ahmad, Merry …"
    " kepada bagi untuk oleh terhadap".split()
)
# Police and military ranks: a name follows them, so two capitals after one are initials
# ("AKBP AM Dicky Pastika Gading"), not an organisation's acronym ("Ketua DPR RI Puan").
_RANKS = frozenset(
    "akbp akp kompol kombes iptu ipda aiptu aipda bripka brigadir briptu bripda brigjen irjen"
    " komjen jenderal mayjen letjen kolonel letkol mayor kapten lettu letda serka sertu pelda"
    " laksma laksda laksdya marsma marsda marsdya".split()
)
# Words of the role list that are also family names, read as a name when they end a run after
# a name word ("Christine Hakim", "Brian Kantor", "Lukman Hakim"); a role before a name, or
# after another role word ("Ketua Hakim", "Kepala Kantor"), stays a role.
_SURNAME_ROLES = frozenset({"hakim", "kantor", "raja", "ratu"})
# The corps after an Indonesian officer's rank: "Kolonel Inf", "Letkol Czi", "Mayor Laut (P)".
_CORPS = frozenset("Inf Kav Arm Czi Cku Chb Cpl Ckm Caj Cpn Cba Ctp Mar Pnb Pom Adm Lek".split())


# Roles that may follow a name ("Lenni Tedja Direktur …"); ranks and honorifics ("AKBP",
# "Kombes", "Dr") only come before one.
_POST_NAME_ROLES = frozenset(
    "direktur ketua kepala manajer manager ceo cfo coo presiden president menteri gubernur bupati"
    " walikota sekretaris sekjen koordinator pelatih pengamat komisaris komisioner dirut founder"
    " pendiri chairman director rektor dekan dosen jubir juru staf anggota wakil".split()
)


def _name_before_role(tokens: list[str], sentence_start: bool) -> str | None:
    """A name of two or more words followed by its role: "Lenni Tedja Direktur Jakarta Fashion
    Week" → "Lenni Tedja"."""
    if len(tokens) < 3 or tokens[0].startswith("@"):
        return None
    for i, token in enumerate(tokens):
        if not _name_token(token, sentence_start and i == 0):
            if i >= 2 and token.lower() in _POST_NAME_ROLES:
                lead = tokens[:i]
                if not any(is_common_word(t) for t in lead):  # not "Pelaksana Harian Kepala"
                    return " ".join(lead[-3:])
            return None
    return None


# Kinds of organisation whose next word is the organisation's own name, not a person's.
_ORG_HEADS = frozenset(
    "pt cv partai grup band klub tim bank harian majalah stasiun maskapai polda polres kabinet"
    " polsek kodam korem kodim gunung pulau sungai danau selat teluk kampung desa dusun jalan"
    " gedung stadion masjid gereja pura vihara pesantren pondok".split()
)
# The same kinds written in lower case right before a phrase: "gitaris band Ungu Franco
# Wellyjat", "vokalis grup Noah Ariel".
_ORG_BEFORE = re.compile(
    r"(?:^|\s)(?:band|grup|group|klub|club|partai|tim|team|perusahaan|maskapai|harian|majalah"
    r"|media|stasiun|organisasi|lembaga|komunitas|yayasan|kelompok|bank|relawan|gerakan|program"
    r"|acara|festival|album|lagu|film|novel|buku|merek|aplikasi|produk|mobil|motor|ponsel|pikap"
    r"|kapal|pesawat|kereta|tol|jalan|gedung|hotel|kampung|desa|kota|pulau|sungai|gunung|stadion"
    r"|kompleks|kawasan|perumahan)[ \t\xa0]+$"
)
# A number after a name makes it a thing's name: "Sheila On 7", "Galaxy S6 Edge 2", "Piala 2019".
_NUMBER_AFTER = re.compile(r"[ \t\xa0]+(?:[a-z]{1,3}[ \t\xa0]+)?\d")


# "Menteri Pemuda dan Olahraga …": a role that coordinates two fields.
_ROLE_AND_BEFORE = re.compile(r"[A-Z][\w-]*[ \t\xa0]+dan[ \t\xa0]+$")


def after_organisation_kind(text: str, start: int) -> bool:
    """True when a lower-case kind of organisation comes right before ``start``: "relawan Jogo
    Kali", "band Ungu"."""
    return _ORG_BEFORE.search(text, max(0, start - 14), start) is not None


def person_at_run(text: str, start: int, end: int, *, sentence_start: bool = False) -> str | None:
    """``person_in`` for the run ``text[start:end]``, read with the words around it.

    The first word after a lower-case organisation kind is the organisation's ("band Ungu
    Franco Wellyjat" → "Franco Wellyjat", but "tim Project Zero" stays whole); after "X dan" the
    first words end a role ("Menteri Pemuda dan Olahraga Imam Nahrawi" → "Imam Nahrawi"); a run
    followed by a number names no person ("Sheila On 7").
    """
    if _NUMBER_AFTER.match(text, end, end + 8):
        return None
    phrase = text[start:end]
    if _ORG_BEFORE.search(text, max(0, start - 14), start):
        rest = phrase.partition(" ")[2]
        if len(rest.split()) >= 2:  # else the organisation itself: "tim Project Zero"
            phrase = rest
    elif _ROLE_AND_BEFORE.search(text, max(0, start - 30), start):
        words = phrase.split()
        if len(words) >= 3:
            phrase = " ".join(words[1:] if len(words) == 3 else words[-2:])
    return person_in(phrase, sentence_start=sentence_start)


# Declared nicknames: "Emil --sapaan Ridwan Kamil--", "Emil (sapaan akrab Ridwan Kamil)".
_ALIAS_AFTER = re.compile(
    rf"(?P<alias>{_TOKEN})\s*(?:--|—|–|\(|,)?\s*sapaan(?:\s+akrab)?\s+(?P<full>{_TOKEN}(?:\s+{_TOKEN}){{0,3}})"
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
    rf"(?P<alias>(?:Cak|Gus|Bang|Mbak|Mas|Kang|Bung|Pak|Bu|Ning|Teh)\s+{_TOKEN}|{_TOKEN})"
    rf"|(?P<alias2>{_TOKEN}),\s+demikian\s+(?:biasa\s+|akrab\s+)?(?:ia|dia)\s+(?:di)?(?:sapa|panggil)"
)


# "Edhie Baskoro Yudhoyono (Ibas) mengatakan": the name the article goes on to use, in brackets
# after the full one (one word, not an acronym: "(KPK)" names an organisation).
_ALIAS_PAREN = re.compile(
    rf"(?P<full>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,4}})[ \t]*\((?P<alias>[A-Z][a-z][\w'’-]+)\)"
)


def _has_name_word(text: str, word: str, start: int) -> bool:
    """True when ``word`` stands as a whole word in ``text`` after ``start``."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if not text[at - 1].isalnum() and not text[end : end + 1].isalnum():
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
                    self._full_names.append((start + text[start:end].rfind(person), person))
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
                    # "Cut Keke … bernama asli Cut Zudiake": the stage name stands for the
                    # real one, as the gold names people
                    real = person_at_run(text, match.start("full"), match.end("full"))
                    if real and " " in real:
                        stage = self._nearest_full_before(
                            match.start(), exclude=real
                        ) or self._most_named(exclude=real)
                        if stage and not set(stage.split()) & set(real.split()[1:]):
                            self._aliases.setdefault(stage, real)
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
                        and any(w.lower().startswith(alias[:3].lower()) for w in full.split())
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
                        and not _within(self.skip, match.start())
                        and _has_name_word(text, alias, match.end())
                    ):
                        self._aliases.setdefault(alias, full)
            if "akrab " in text or "biasa " in text or "disapa " in text:
                for match in _ALIAS_CALLED.finditer(text):
                    alias = match.group("alias") or match.group("alias2")
                    full = self._nearest_full_before(match.start(), exclude=alias)
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

    def _most_named(self, exclude: str) -> str | None:
        """The full name the article gives most often, twice at least (the one it is about,
        when a scraper cut the first mention out)."""
        names = [name for _start, name in self.full_names if name != exclude]
        best = max(names, key=names.count, default=None)
        return best if best is not None and names.count(best) >= 2 else None

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

    def _nearest_full_before(self, position: int, exclude: str) -> str | None:
        """The last full name before ``position``; one that holds the nickname's last word
        inside a word comes first ("Cak Imin" → "Muhaimin Iskandar", not the name just
        before)."""
        best = None
        holder = None
        initial = None
        core = exclude.split()[-1].lower()
        for start, name in self.full_names:
            if start >= position:
                break
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
        if name.count(" ") < 2:
            return name
        words = name.split()
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
                exact.append((start, _around(words, index)))
            elif len(name) >= 4:
                for i, word in enumerate(words):
                    if word.startswith(name):
                        prefix.append((start, _around(words, i)))
                        break
                else:
                    for i, word in enumerate(bare):
                        if _undoubled(word) == _undoubled(name):
                            spelt.append((start, _around(words, i)))
                            break
                    else:
                        if _contracts(name, bare):
                            spelt.append((start, " ".join(words)))
        # "Maher" for "Maaher Atthuwailibi", "Fadhilah" for "Fadhillah": the same name with
        # a doubled letter more or less, a spelling slip the news often makes, comes last
        for found in (exact, prefix, spelt):
            if found:
                counts: dict[str, int] = {}
                for _start, full in found:
                    counts[full] = counts.get(full, 0) + 1
                top = max(counts.values())
                frequent = [f for f in found if counts[f[1]] == top]
                before = [f for f in frequent if position is None or f[0] <= position]
                return (before[-1] if before else frequent[0])[1]
        return name if itself else self._continued(name)

    def _continued(self, name: str) -> str:
        """``name`` with the capitalised name words that follow it where the article names
        the person in full, when no full name holds it: "Yasonna" → "Yasonna Hamonangan Laoly"
        after a role the name run was cut from."""
        if len(name) < 3 or not name[:1].isupper():
            return name
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
    return False


def _undoubled(word: str) -> str:
    """``word`` in lower case with each doubled letter written once ("Maaher" → "maher")."""
    return re.sub(r"(\w)\1+", r"\1", word.casefold())


def _within(ranges: list[tuple[int, int]], position: int) -> bool:
    at = bisect_right(ranges, (position, _BIG)) - 1
    return at >= 0 and ranges[at][0] <= position < ranges[at][1]


_BIG = 1 << 62


def _around(words: list[str], index: int) -> str:
    """The name a short name stands for in a longer phrase: from it onwards when it is a first
    name ("Yuddy" in "Birokrasi Yuddy Chrisnandi"), else with the one word before it ("Putin" in
    "Rusia Vladimir Putin")."""
    if index == len(words) - 1 and index > 0:
        return " ".join(words[index - 1 :])
    start = index
    while start > 0 and words[start - 1].lower() in _NAME_OPENERS:
        start -= 1  # "Fickar" in "Abdul Fickar Hadjar": the words that open a name stay
    return " ".join(words[start:])


# Words that open an Indonesian name and never stand alone for the person: "Abdul Fickar
# Hadjar", "I Gede Yoga", "Teuku Faizasyah", "Andi Mallarangeng".
_NAME_OPENERS = frozenset(
    "abdul abdur abd muhammad mohammad mohamad muhamad moh mochamad ahmad achmad siti nur"
    " i ni gusti gde gede made wayan nyoman ketut putu komang kadek luh anak agung teuku tengku"
    " cut andi raden mas haji hj. h.".split()
)


def _initials(name: str) -> str:
    """The initials of a name's words: "Susilo Bambang Yudhoyono" → "SBY"."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def at_sentence_start(text: str, position: int) -> bool:
    """True when only spaces separate ``position`` from a sentence end or the text start."""
    if _glued_at(text, position):
        return True
    before = text[max(0, position - 4) : position].rstrip(" \t-–—")
    return not before or before[-1] in '.!?\n"“”,:;(' and not before.endswith(("ujar,", "kata,"))


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
        self._person_words = {w for m in people for w in _words(m.text)}
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


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    """The organisation words of the asset ("universitas", "pt", "dinas"), not its places."""
    text = files("warta.assets").joinpath("name_stopwords.txt").read_text(encoding="utf-8")
    words: set[str] = set()
    inside = False
    for line in text.splitlines():
        if line.startswith("#"):
            inside = line.startswith("# organisation words")
        elif inside:
            words.update(line.split())
    return frozenset(words)


def _name_words(name: str) -> bool:
    """True when every word of ``name`` may be a word of a person's name (a capital alone
    inside it an initial: "Primadi H Serad")."""
    words = name.split()
    return all(
        _name_token(w)
        or w.startswith(("al-", "el-"))
        or (0 < i < len(words) - 1 and len(w) == 1 and w.isupper())
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
