"""Page-chrome lines: weather, clocks and dates, menus, widget titles, share and comment prompts,
copyright notices, counters and breadcrumbs, in Indonesian and English.

Every rule here looks at one line alone and only ever matches a *short* line (at most
:data:`MAX_WORDS` words, no sentence inside), so a real paragraph that mentions "komentar" or a
date is never taken for chrome. Runs of chrome and the page layout around the body are judged in
:mod:`warta.page.text`.
"""

from __future__ import annotations

import re

from warta.page.phrases import phrase_set

MAX_WORDS = 12
"""Lines with more words than this are never chrome by a single-line rule."""

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_COUNT_PREFIX = re.compile(r"^(?:\d{1,3}[.)]\s|\(\d{1,6}\)\s)")
_COUNT_SUFFIX = re.compile(r"\s*\(?\d[\d.,]*\s*[kKrbRBjJ]{0,3}\)?$")
_NUMBERS_ONLY = re.compile(r"^[\d\s.,:/%+\-–()#|]*$")
_WEATHER = re.compile(
    r"^(?:[A-Za-z][\w .]{0,30}\s)?[-+]?\d{1,3}(?:[.,]\d{1,2})?\s?(?:°\s?[CcFf]?|℃|℉|[CF])"
    r"(?:\s[A-Za-z][\w .]{0,30})?$"
)
_COPYRIGHT = re.compile(
    r"^(?:copyright\b|©|\(c\)\s|hak cipta\b)|all rights reserved|hak cipta dilindungi"
    r"|dilarang mengutip|dilarang keras mengambil",
    re.I,
)
_COUNTER = re.compile(
    r"^(?:dibaca\s[\d.,]+\s?(?:kali|x)?|[\d.,]+\s?(?:kali\sdibaca|x\sdibaca|views?|dilihat|"
    r"komentar|comments?|shares?|likes?|reads?|pembaca|suka|tanggapan|balasan|replies)"
    r"|(?:views?|shares?|comments?|komentar)\s?:?\s?[\d.,]+)$",
    re.I,
)
_PROMPT = re.compile(
    r"^(?:share|bagikan|bagi|sebarkan|kirim|tulis|beri|berikan|lihat|tampilkan|baca)\s"
    r"(?:ke|on|to|via|artikel|berita|this|komentar|comments?|tanggapan)\b",
    re.I,
)
# Every match of _COPYRIGHT holds one of these, lower-cased, once the few non-ASCII characters
# that ``re.IGNORECASE`` equates with an ASCII letter are mapped to it (found by scanning every
# code point; tests/page/test_chrome.py checks the table): a substring test rules most lines out
# faster than the case-insensitive search, which tries every alternative at every position.
_COPYRIGHT_HINTS = ("copyright", "©", "(c)", "hak cipta", "all rights reserved", "dilarang")
_IGNORECASE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_IGNORECASE_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")  # the keys of _IGNORECASE_ASCII
_CAPTION_CREDIT = re.compile(r"^[A-Z][A-Z0-9.\- ]{1,30}/[A-Z][\w.\- ]{1,40}(?:\s|$)")
_PHOTO_CREDIT = re.compile(
    r"^[\(\[]?(?:foto|photo|ilustrasi|gambar|sumber foto|image|credit|kredit)\s?:", re.I
)
# Wire-photo credits and picture labels of English news pages: "AP Photo/John Minchillo",
# "Photo by Jane Doe/Getty Images", "(Reuters/Kim Kyung-Hoon)", "Image copyright Getty Images".
_AGENCY_CREDIT = re.compile(
    r"^[\(\[]?(?:(?:AP|AFP|EPA|AAP|PA|Reuters|Getty Images|Bloomberg|Xinhua)(?:\s(?:Photo|Images))?"
    r"\s?/|(?:photo|picture|image)s?\s(?:by|courtesy\sof|credit)\s)"
    r"|/\s?(?:Getty Images|AP|AFP|EPA|Reuters|Shutterstock|iStock(?:photo)?)\)?$",
    re.I,
)
_PICTURE_LABEL = re.compile(r"^(?:image|media|photo|picture|video)\s(?:copyright|caption|source)\b", re.I)
_PICTURE_LABEL_WORDS = 60
"""A line opened by a picture label ("Image caption …") is a caption up to this many words."""
_READ_TIME = re.compile(r"^\d{1,3}[\s\-]?(?:min(?:ute)?s?|menit)\s(?:read|listen|baca)$", re.I)
_FOLLOW = re.compile(
    r"^follow\s(?:\S+\s){0,5}on\s(?:twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok)\b",
    re.I,
)
_BREADCRUMB_SEP = re.compile(r"\s[»›>|/•·]\s|\s?[»›·•]\s?")
_BREADCRUMB_CHARS = "»›>|/•·"
_BREADCRUMB_CHAR = re.compile(f"[{_BREADCRUMB_CHARS}]")  # every _BREADCRUMB_SEP match holds one
_AM_PM = re.compile(r"\b[ap]\.m\.", re.I)  # "10:15 a.m. ET": no sentence ends at "a.m."
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"”’')\]]?\s+\S")


def _has_copyright(text: str) -> bool:
    """``_COPYRIGHT.search(text)``, ruled out first by a look for its literal parts."""
    # ``str.translate`` with a mapping takes a Python-level look-up per character, several
    # microseconds on a paragraph; the text is translated only when it holds one of the four
    # characters it maps (without them the translation is the text itself).
    if text.isascii() or _IGNORECASE_SPECIAL.search(text) is None:
        low = text.lower()
    else:
        low = text.translate(_IGNORECASE_ASCII).lower()
    for hint in _COPYRIGHT_HINTS:
        if hint in low:
            return _COPYRIGHT.search(text) is not None
    return False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DATE_WORDS = _words(
    """
    senin selasa rabu kamis jumat jum'at jum’at sabtu minggu ahad monday tuesday
    wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun sen sel rab kam jum sab min januari februari
    maret april mei juni juli agustus september oktober november desember january february
    march may june july august october december jan feb mar apr jun
    jul agu agt ags aug sep sept okt oct nov des dec
    wib wita wit gmt utc am pm a m p et est edt ct cst cdt pt pst pdt bst cet cest ist aest
    pukul jam tanggal tgl diperbarui
    diterbitkan dipublikasikan terbit update updated published posted dibuat pada on at hari
    ini kemarin today yesterday lalu ago menit detik minutes minute hours hour
    days day seconds second mins hrs
    """
)
_DATE_ANCHORS = _words(
    """
    senin selasa rabu kamis jumat jum'at jum’at sabtu minggu ahad monday tuesday
    wednesday thursday friday saturday sunday januari februari maret april mei juni juli
    agustus september oktober november desember january february march may june july august
    october december jan feb mar apr jun jul agu agt ags aug
    sep sept okt oct nov des dec wib wita wit gmt utc et est edt cst cdt pst pdt bst cet
    cest aest lalu ago
    """
)
_DATE_PARTS = re.compile(r"\s[|·•]\s")
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.\-:]\d{1,2}(?:[/.\-:]\d{1,4})?")
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


# The ASCII characters that are not letters or digits: ``[\W_]`` within ASCII.
_ASCII_EDGE = "".join(chr(c) for c in range(128) if not chr(c).isalnum())


def _strip_edges(text: str) -> str:
    r"""``_EDGE.sub("", text)``: ``text`` without its leading and trailing runs of ``[\W_]``.

    ``[^\W_]`` is exactly ``str.isalnum`` on one character, so when stripping the ASCII ones
    leaves a string that starts and ends with a letter or digit (most lines), that is the
    answer; the regular expression handles the rest (a quote or bullet at an edge, say).
    """
    core = text.strip(_ASCII_EDGE)
    if not core or (core[0].isalnum() and core[-1].isalnum()):
        return core
    return _EDGE.sub("", text)


def chrome_key(line: str) -> str:
    """A line reduced for phrase look-up: lower case, without edge punctuation, arrows, bullets
    and a leading or trailing count ("Komentar (12)" → "komentar")."""
    key = _strip_edges(line.strip().lower())
    # Both patterns are anchored, so each removes one match at most: a match of the prefix, and
    # a search of the suffix only when the key holds a digit, which its every match needs.
    prefix = _COUNT_PREFIX.match(key)
    if prefix is not None:
        key = key[prefix.end() :]
    if _DIGIT.search(key) is not None:
        key = _COUNT_SUFFIX.sub("", key)
    return " ".join(_strip_edges(key).split())


def is_date_line(line: str) -> bool:
    """Whether a short line is only a date and/or a clock time ("Sunday, September 8, 2024",
    "Rabu, 4 November 2015 | 21:04 WIB", "2 jam lalu")."""
    parts = _DATE_PARTS.split(line)
    if len(parts) > 1:
        return is_date_line(parts[0]) and all(len(p.split()) <= 4 for p in parts[1:])
    tokens = _TOKEN.findall(line.lower())
    if not tokens or len(tokens) > MAX_WORDS:
        return False
    if _DATE_ANCHORS.isdisjoint(tokens) and _NUMERIC_DATE.search(line) is None:
        return False  # not anchored
    other = [t for t in tokens if not t.isdigit() and t not in _DATE_WORDS]
    return len(other) <= 1 and len(other) < len(tokens) / 2


def is_breadcrumb(line: str) -> bool:
    """Whether a line is a breadcrumb or inline menu: "Home » News » Regional", "A | B | C"."""
    if _BREADCRUMB_CHAR.search(line) is None:  # no separator: one part at most (most lines)
        return False
    # A breadcrumb's parts have at most 4 words each and there are at most C + 1 of them, C the
    # separator characters in the line (a separator holds one); every token of the line holds
    # a word of a part or is separator characters alone. So it has at most 5 C + 4 tokens, which
    # rules out a paragraph with a "/" or two without the regular-expression split.
    if len(line.split()) > 5 * sum(map(line.count, _BREADCRUMB_CHARS)) + 4:
        return False
    parts = [p for p in _BREADCRUMB_SEP.split(line) if p.strip()]
    if len(parts) < 3 and not (len(parts) == 2 and re.search(r"[»›]", line)):
        return False
    return all(len(p.split()) <= 4 and not _SENTENCE_INSIDE.search(p) for p in parts)


def is_tag_list(line: str) -> bool:
    """Whether a line is a keyword list: "prostitusi, pelajar prostitusi, praktik prostitusi"."""
    if line.count(",") < 3:  # fewer than four parts (most lines): skip the split
        return False
    if _SENTENCE_INSIDE.search(line) or line.rstrip()[-1:] in ".!?":  # prose: skip the split
        return False
    parts = [p.strip() for p in line.split(",")]
    if len(parts) < 4 or not all(parts):
        return False
    return (
        all(len(p.split()) <= 3 for p in parts)
        and sum(p[:1].islower() for p in parts) >= len(parts) - 1
    )


_TAG_LINE = re.compile(r"#[^\W\d_][^.!?\"”]*")
_TAG_LINE_WORDS = 6


def is_tag_line(line: str) -> bool:
    """Whether a line is a campaign or topic tag standing alone in scraped text: "#GrowFearless
    with FIMELA", "#Ahok dan Manuversnya" (at most six words, no sentence end). Only text
    repair asks, of the paragraphs it cuts out of a scraper's joined line: elsewhere a "#" line
    is often a heading's permalink anchor ("#Key Principles")."""
    text = line.strip()
    return len(text.split()) <= _TAG_LINE_WORDS and _TAG_LINE.fullmatch(text) is not None


def is_chrome_line(line: str) -> bool:
    """Whether one line, on its own, is page chrome and not article text.

    Only short lines can match. A line such as "Komentar" or "Share" or "27.3 C" is chrome;
    "Warga menulis komentar pedas di media sosial pada Minggu (8/9)." is not.
    """
    text = line.strip()
    if not text:
        return True
    if is_breadcrumb(text) or is_tag_list(text) or _CAPTION_CREDIT.match(text):
        return True
    if _PICTURE_LABEL.match(text):
        return len(text.split()) <= _PICTURE_LABEL_WORDS
    if len(text) > 300:
        return False  # what the next test returns for it, without splitting a long paragraph
    words = text.split()
    if len(words) > MAX_WORDS or len(text) > 160:
        return len(text) <= 300 and len(words) <= 40 and _has_copyright(text)
    key = chrome_key(text)
    if not key or key in phrase_set("chrome_lines.txt"):
        return True
    if _NUMBERS_ONLY.match(text) and not re.search(r"\d{1,2}[.,]\d", text):
        return True
    if (_PHOTO_CREDIT.match(text) or _AGENCY_CREDIT.search(text)) and len(words) <= 10:
        return True
    if _READ_TIME.match(key) or (_FOLLOW.match(text) and len(words) <= 10):
        return True
    if _SENTENCE_INSIDE.search(text) and _SENTENCE_INSIDE.search(_AM_PM.sub("am", text)):
        return _has_copyright(text)
    return bool(
        _WEATHER.match(text)
        or _has_copyright(text)
        or _COUNTER.match(text)
        or (_PROMPT.match(text) and len(words) <= 6)
        or is_date_line(text)
        or ("©" in text and len(words) <= 8)
    )
