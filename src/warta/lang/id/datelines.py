"""Datelines that open Indonesian news leads: ``JAKARTA, KOMPAS.com -``, ``PROKALTENG.CO-``.

The forms seen on Indonesian outlets (and on wires writing in English):

- outlet alone: ``PROKALTENG.CO-``, ``SUARA.com -``, ``TRIBUNNEWS.COM -``;
- place, outlet: ``JAKARTA, KOMPAS.com -``, ``Jakarta, CNN Indonesia --``;
- outlet, place: ``TEMPO.CO, Jakarta -``, ``REPUBLIKA.CO.ID, MEDAN --``, ``Liputan6.com, Jakarta -``;
- place (wire): ``JAKARTA (ANTARA) -``, ``Mataram, NTB (ANTARA News) -``, ``LONDON (Reuters) -``;
- place alone: ``JAKARTA -`` (Okezone), ``Jakarta -`` (detik).

The dash may be a hyphen, two hyphens, an en dash or an em dash. :func:`read_dateline` returns
the dateline as printed, without the dash. Every pattern is anchored at the start and bounded.
"""

from __future__ import annotations

import re

_DASH = r"\s{0,3}(?:-{1,2}|–|—)"
_DASH_SPACED = r"\s{1,3}(?:-{1,2}|–|—)(?=\s)|\s{0,3}(?:--|–|—)"
# A domain-like outlet: KOMPAS.com, REPUBLIKA.CO.ID, Liputan6.com, PROKALTENG.CO, detikNews.
_OUTLET = (
    r"[A-Za-z][A-Za-z0-9]{1,24}\.(?i:co\.id|or\.id|web\.id|my\.id|co|com|id|net|org|news|tv|info)"
    r"(?![A-Za-z0-9])"
)
_NAMED_OUTLET = (
    r"(?:CNN|CNBC|Kompas|KOMPAS|Tempo|TEMPO|IDN|Kontan|KONTAN|Bisnis|Tribun|TRIBUN|VIVA|Viva|"
    r"Suara|SUARA|Antara|ANTARA|Beritasatu|Republika|REPUBLIKA|Okezone|Sindonews|SINDOnews|"
    r"Medcom|Metro|Jawa\s?Pos|JPNN|Kumparan|kumparan|detik[A-Za-z]{0,8})"
    r"(?:\s(?:Indonesia|TV|Times|News|Online|\.com|id)){0,2}"
)
# A place: one to four words, capitalised or upper case: "JAKARTA", "Tangerang Selatan".
_PLACE = r"[A-Z][A-Za-z'’.\-]{1,24}(?:\s[A-Z][A-Za-z'’.\-]{0,24}){0,3}"
_WIRE = r"\((?:[A-Z][A-Za-z.]{1,20}(?:\s[A-Za-z.]{1,20}){0,2})\)"

_DATELINE = re.compile(
    "^(?:"
    rf"(?P<a>(?:{_PLACE}\s?,\s?)?(?:{_OUTLET}|{_NAMED_OUTLET})(?:\s?,\s?{_PLACE})?){_DASH}"
    rf"|(?P<b>{_PLACE}(?:\s?,\s?{_PLACE})?\s{{0,2}}{_WIRE}){_DASH}"
    rf"|(?P<c>[A-Z][A-Z'’.\-]{{1,24}}(?:\s[A-Z][A-Z'’.\-]{{1,24}}){{0,3}}(?:\s?,\s?{_PLACE})?)(?:{_DASH_SPACED})"
    rf"|(?P<d>[A-Z][a-z'’.\-]{{1,24}}(?:\s[A-Z][a-z'’.\-]{{1,24}}){{0,2}})(?:{_DASH_SPACED})"
    ")\\s{0,3}(?=\\S)"
)


def read_dateline(paragraph: str) -> str | None:
    """The dateline that opens a paragraph, as printed and without its dash, or None.

    >>> read_dateline("JAKARTA, KOMPAS.com - Presiden Joko Widodo ...")
    'JAKARTA, KOMPAS.com'
    """
    match = _DATELINE.match(paragraph[:120])
    if not match:
        return None
    head = next(g for g in match.groups() if g)
    rest = paragraph[match.end() :]
    if not rest or len(rest.split()) < 3:
        return None  # a dateline opens a lead; a short "A - B" line is something else
    if (match.group("c") or match.group("d")) and not (rest[0].isupper() or rest[0] in "\"“'‘"):
        return None  # "Presiden Jokowi - yang ..." is an aside, not a place dateline
    return head.strip()
