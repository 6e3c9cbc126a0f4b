"""Byline lines of Indonesian (and English) news: ``Editor: Rina``, ``Pewarta: A Editor: B``.

A byline line names who wrote, reported, edited or supplied a story. Outlets print them at the
start or the end of the body, one role per line or several on one line (ANTARA's
``Pewarta: Aditya Ramadhan Editor: Heppy Ratna``, ``Reporter: X | Editor: Y``). Tribun writes
``Laporan Wartawan Tribunnews.com, Nama``. :func:`read_bylines` reads such a line; it returns
nothing for an ordinary sentence, so a paragraph that merely starts with "Sumber" survives.
"""

from __future__ import annotations

import re

from warta.article import Byline
from warta.page.authors import clean_authors

# Roles as printed; longer names first so that "Penulis/Editor" wins over "Penulis".
_ROLES = (
    r"Penulis\s*/\s*Editor|Reporter\s*/\s*Editor|Editor\s*/\s*Penulis|Editor\s+Bahasa|"
    r"Sumber\s+asli|Sumber\s+foto|Penulis|Pewarta|Redaktur(?:\s+Pelaksana)?|Reporter|Editor|"
    r"Penyunting|Sumber|Kontributor|Fotografer|Videografer|Koresponden|Wartawan|"
    r"Penerjemah|Alih\s+bahasa|Rep|Red|Oleh|Writer|Author|Written\s+by|Edited\s+by|By"
)
_ROLE_AT = re.compile(rf"(?:^|(?<=\s)|(?<=\|))({_ROLES})\s{{0,3}}:\s{{0,3}}", re.I)
_BYLINE_START = re.compile(rf"^(?:{_ROLES})\s{{0,3}}:", re.I)
_BY_NO_COLON = re.compile(r"^(By|Oleh)\s+([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,4})$")
_LAPORAN = re.compile(
    r"^Laporan\s+(wartawan|reporter|koresponden|kontributor)\s+([\w.\-]{2,40}(?:\s[\w.\-]{2,20}){0,2})"
    r"\s{0,2},\s{0,2}(.{2,60})$",
    re.I,
)
# An English byline line with more than names after "By": "By John Smith, Staff Writer", "By Jane
# Doe and John Roe", "By John Smith | Reuters", "By Haley Hoekstra • March 12, 2025". Every word
# after "By" is capitalised, a number or one of these small words, so "By Monday, officials said
# the storm would pass." stays a sentence.
_BY_LINE = re.compile(r"^(By|BY|Oleh)\s+(\S.*)$")
_BY_LINE_WORDS = 16
_BY_LINE_TOKEN = re.compile(r"[^\s,;|•·/()\-–—]+")
_BY_LINE_SMALL = frozenset(
    "and & dan of the for at on in am pm a.m. p.m. min read updated published ago hours hour "
    "minutes mins de da van von der den bin binti al el la le di du dos del".split()
)
_NAME_OK = re.compile(r"^[^\n.!?;]{1,80}(?:\.[^\n.!?;]{1,40}){0,4}$")
_MAX_LINE = 160


def read_bylines(line: str) -> list[Byline]:
    """The bylines on a line that holds only bylines, or ``[]`` when the line is anything else.

    >>> read_bylines("Pewarta: Aditya Ramadhan Editor: Heppy Ratna")
    [Byline(role='Pewarta', name='Aditya Ramadhan'), Byline(role='Editor', name='Heppy Ratna')]
    """
    text = line.strip()
    if not text or len(text) > _MAX_LINE:
        return []
    match = _LAPORAN.match(text)
    if match:
        role = f"Laporan {match.group(1)} {match.group(2)}"
        return [Byline(role=role, name=match.group(3).strip())]
    match = _BY_NO_COLON.match(text)
    if match and len(text.split()) <= 6:
        return [Byline(role=match.group(1), name=match.group(2))]
    if text.startswith(("By ", "BY ", "Oleh ")):
        return _by_line(text)
    if not _BYLINE_START.match(text):
        return []
    marks = list(_ROLE_AT.finditer(text))
    result: list[Byline] = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        name = text[mark.end() : end].strip(" |,;-–—\t")
        if not name or not _looks_like_name(name):
            return []
        result.append(Byline(role=re.sub(r"\s+", " ", mark.group(1)), name=name))
    return result


def _by_line(text: str) -> list[Byline]:
    """The authors of an English-style byline line that holds more than a bare name (a role, an
    outlet, a date, several names), or ``[]`` when the line reads as a sentence."""
    match = _BY_LINE.match(text)
    if match is None or len(text.split()) > _BY_LINE_WORDS or text[-1] in "!?:":
        return []
    words = _BY_LINE_TOKEN.findall(match.group(2))
    if not words or not all(w[0].isupper() or w[0].isdigit() or w.lower() in _BY_LINE_SMALL for w in words):
        return []
    first = re.split(r"\s*[,;|•·/–—]\s*|\s+-\s+|\s+(?:and|dan|&)\s+", match.group(2), maxsplit=1)[0]
    if len(first.split()) < 2:  # "By Tuesday, March 3": a bare first word is no name
        return []
    return [Byline(role=match.group(1), name=name) for name in clean_authors([text])]


def _looks_like_name(name: str) -> bool:
    """A name or a short list of names: no sentence inside, a bounded number of words."""
    if len(name.split()) > 12 or not _NAME_OK.match(name):
        return False
    return not name[:1].islower() or name.split()[0].lower() in {"dr", "ir", "h", "hj", "drs"}


def is_byline_line(line: str) -> bool:
    """Whether a line holds only bylines."""
    return bool(read_bylines(line))
