"""Which capitalised words are a person's name, by capitalisation rules alone: runs of
capitalised words (:func:`name_runs`), cut free of titles, roles, organisations and places
(:func:`person_in`, :func:`person_at_run`: "Presiden Rusia Vladimir Putin" → "Vladimir Putin"),
with the word lists (name stopwords, roles, common words) they read and where sentences start."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

# Words that open a sentence and never a name after an initial: "Blok C. Dia mengatakan",
# "vitamin C. Dokter …" end a sentence there.
_OPENERS = (
    r"(?:Dia|Ia|Ini|Itu|Kami|Kita|Mereka|Saya|Aku|Namun|Tetapi|Tapi|Sementara|Selain|Menurut"
    r"|Kemudian|Lalu|Saat|Ketika|Setelah|Sebelumnya|Pada|Di|Dalam|Untuk|Hal|Dokter|Polisi"
    r"|Warga|Pihak|Hingga|Sedangkan|Bahkan|Karena|Jika|Akibatnya|Adapun|The|He|She|It|They"
    r"|We)(?![\w-])"
)
# A name token: a capitalised word ("Yang", "O'Neil", "Jean-Luc"), an initial ("V."), or a handle.
# "al-Otaibi", "el-Sisi": an Arabic article glued to a name.
_TOKEN = (
    r"(?:(?<![\w.])(?:[A-Z]|Dr|Prof|Mr|Mrs|Ms|Hj|Ir|St|Jr|Sr)\.(?![ \t\xa0]+"
    + _OPENERS
    + r")|(?:(?<![\w-])(?:al|el)-)?[A-Z][\w&'’]*(?:-[\w&'’]+)*"
    r"|@[\w.]+\w\**)"  # "@ayusonia***": an account some outlets print masked
)
# Academic degrees after a name: "SpPD-KEMD", "M.Si", "S.H.", "PhD".
_DEGREE = re.compile(
    r"(?:Sp(?:[A-Z][\w.]*|\.)?|S\.?[A-Z][a-z]?\.?|M\.?[A-Z][a-z]*\.?|Ph\.?D\.?)(?:-[A-Z]+)?,?"
)
# The head of an academic degree glued to its tail by a dot: "S." of "S.Psi", "Sp." of
# "Sp.PD", "M." of "M.Kes" (a run that starts after it is the degree, not a name).
_DEGREE_HEAD = re.compile(r"(?<![\w.])(?:[A-Z][a-z]?\.){1,2}\Z")
_PARTICLE = r"(?:bin|binti|boru|van|von|der|den|ter|de|da|al|el|la|le)"
# Words of one name are on one line: a run never crosses a line break ("Awal Cerita\n\nBrotoseno").
_GAP = r"[ \t\xa0]+"
# Up to 14 words: a long role before a name ("Manajer Bursa Mobil Bekas WTC Mangga Dua Herjanto
# Kosasih") must not cut the name in two.
_RUN = re.compile(rf"{_TOKEN}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{_TOKEN}){{0,13}}")
# Two words a scraper glued together ("MisanoSituasi", "bukti.Juara"): a run stops where the
# capital starts. The pattern opens with the capital: fast to scan for. Platforms whose names
# are printed in camel case ("YouTube", "TikTok", "WhatsApp") are one word.
_GLUE = re.compile(
    r"[A-Z](?:(?<=[a-z]{2}[A-Z])(?<!You.)(?<!Tik.)(?<!Whats.)(?=[a-z]{2})|(?<=[a-z][.!?][A-Z]))"
)


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


@lru_cache(maxsize=8)
def stopword_section(heading: str) -> frozenset[str]:
    """The words of one section of the asset, the lines under the comment line ``heading``
    ("# titles and roles", "# organisation words", ...) up to the next comment line."""
    text = files("warta.assets").joinpath("name_stopwords.txt").read_text(encoding="utf-8")
    words: set[str] = set()
    inside = False
    for line in text.splitlines():
        if line.startswith("#"):
            inside = line.startswith(heading)
        elif inside:
            words.update(line.split())
    return frozenset(words)


def _roles() -> frozenset[str]:
    """Titles and roles only ("direktur", "kapolres"), from the first part of the asset."""
    return stopword_section("# titles and roles")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    text = files("warta.assets").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_role_word(token: str) -> bool:
    """True for a title or a role ("Kapolres", "Gubernur", "Kasatreskrim") from the asset's
    list of titles and roles, or an Indonesian compound one."""
    low = token.lower()
    return low in _roles() or low in _COMPOUND_ROLES or _glued_police_rank(low)


def _glued_police_rank(low: str) -> bool:
    """True for a police rank written with its corps glued on: "Kombespol", "Brigjenpol",
    "Irjenpol" ("Kombes Pol" in one word)."""
    return len(low) > 5 and low.endswith("pol") and low[:-3] in _RANKS


def is_common_word(token: str) -> bool:
    """True for a word Indonesian news writes in lower case ("Situasi", "Cerita", "Akun"): a
    capitalised one at a sentence start, or in a subheading, is no name; a passive verb too
    ("Diterangkan", "Dipaparkan": di- … -kan)."""
    low = token.lower()
    return low in _common_words() or _DERIVED_WORD.fullmatch(low) is not None


# Words built by Indonesian affixes, never a person's name: a passive verb in di- … -kan(nya)
# ("Diterangkan Novan …" opens a sentence with no name), a noun in pe- … -an, per- … -an or
# ke- … -an ("Pemberantasan Korupsi", "Perwakilan", "Kesehatan": an office's field).
_DERIVED_WORD = re.compile(r"di[a-z]{3,}kan(?:nya)?|(?:pe|per|ke)[a-z]{4,}an")


def is_name_stopword(token: str, *, sentence_start: bool = False) -> bool:
    """True for a title, organisation or place word that is no part of a name; with
    ``sentence_start``, also for a function word that begins a sentence ("Namun", "Yang")."""
    low = token.lower()
    titles, function_words = _stopwords()
    if low in titles or low.rstrip(".") in titles or low in _COMPOUND_ROLES:
        return True
    if _glued_police_rank(low):
        return True
    if len(low) > 5 and low.startswith(_ROLE_PREFIXES):
        return True  # "Kadishub", "Kasatreskrim", "Wakapolresta": a head of an office
    return sentence_start and (low in function_words or is_common_word(low))


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
    " prasarana sarana"
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
    " gereja pura vihara pesantren pondok blok"
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


def _degree_tail(text: str, start: int, phrase: str) -> bool:
    """True when the one short word ``phrase`` at ``start`` is glued by a dot to a degree's
    head: "Psi" of "S.Psi", "PD" of "Sp.PD" (not "Y Kapisa" of "K.Y Kapisa", two words, nor
    the surname of "Nusye E.Zamsiar", glued to an initial)."""
    return (
        text[start - 1 : start] == "."
        and len(phrase) <= 4
        and " " not in phrase
        and "\xa0" not in phrase
        and _DEGREE_HEAD.search(text, max(0, start - 8), start) is not None
    )


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of runs of capitalised words in ``text[start:end]``, cut where a scraper glued two
    words ("MisanoSituasi Lorenzo" gives "Misano" and "Situasi Lorenzo")."""
    spans: list[tuple[int, int]] = []
    stop = len(text) if end is None else end
    for match in _RUN.finditer(text, start, stop):
        lo, hi = match.span()
        if _degree_tail(text, lo, match.group()):
            continue  # "Rina Dewi, S.Psi", "Budi, Sp.PD": a degree's tail, no name
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


# Forms of address before a name ("Kang Emil", "Cak Imin", "Mbak Tutut"), and the same as a
# regex alternation for the patterns that find nicknames.
ADDRESS_FORM_RE = "Cak|Gus|Bang|Mbak|Mas|Kang|Bung|Pak|Bu|Ning|Teh"
ADDRESS_FORMS: frozenset[str] = frozenset(ADDRESS_FORM_RE.split("|"))
# The birth-order and caste names that follow "I" in a Balinese name ("I Wayan Koster").
_BALINESE_NAMES = frozenset(
    "wayan made nyoman ketut putu gede gde gusti komang kadek nengah kade luh".split()
)
# Roman numerals that number a commission, a unit or a chapter (not "I", which opens Balinese
# names: "I Wayan Koster").
_ROMAN = frozenset("II III IV V VI VII VIII IX X XI XII".split())


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
            i == cut
            and token == "I"
            and i + 1 < len(tokens)
            and tokens[i + 1].lower() in _BALINESE_NAMES
        ):
            continue  # "I Wayan Korna", "I Gusti Ayu …": "I" opens a Balinese man's name
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
        if (i == cut > 0 and token in _ROMAN) or not _name_token(
            token, sentence_start and i == cut
        ):
            # (a numeral ends the role or the unit before it: "Komisi V Lasarus", "Kodam IX")
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
        while (
            len(tail) > 2
            and is_name_stopword(tail[0], sentence_start=True)
            and not (tail[0] == "I" and tail[1].lower() in _BALINESE_NAMES)
        ):
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
                if not any(is_common_word(t) or t in ("&", "and", "of") for t in lead):
                    # not "Pelaksana Harian Kepala", nor the words of a role printed in
                    # English: "Customer & Service Director"
                    return " ".join(lead[-3:])
            return None
    return None


# Kinds of organisation whose next word is the organisation's own name, not a person's.
_ORG_HEADS = frozenset(
    "pt cv partai grup band klub tim bank harian majalah stasiun maskapai polda polres kabinet"
    " polsek kodam korem kodim gunung pulau sungai danau selat teluk kampung desa dusun jalan"
    " gedung stadion masjid gereja pura vihara pesantren pondok blok".split()
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
    if _degree_tail(text, start, phrase):
        return None  # "Budi, Sp.PD mengatakan": the degree, not a name
    if _ORG_BEFORE.search(text, max(0, start - 14), start):
        rest = phrase.partition(" ")[2]
        if len(rest.split()) >= 2:  # else the organisation itself: "tim Project Zero"
            phrase = rest
    elif _ROLE_AND_BEFORE.search(text, max(0, start - 30), start):
        words = phrase.split()
        if len(words) >= 3:
            phrase = " ".join(words[1:] if len(words) == 3 else words[-2:])
    return person_in(phrase, sentence_start=sentence_start)


def at_sentence_start(text: str, position: int) -> bool:
    """True when only spaces separate ``position`` from a sentence end or the text start."""
    if _glued_at(text, position):
        return True
    before = text[max(0, position - 4) : position].rstrip(" \t-–—")
    return not before or before[-1] in '.!?\n"“”,:;(' and not before.endswith(("ujar,", "kata,"))
