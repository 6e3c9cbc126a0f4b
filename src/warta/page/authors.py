"""The authors of a page: JSON-LD ``author``, author ``<meta>`` tags (not URLs), ``rel=author`` and
``itemprop=author``, byline elements; "By X and Y" → ``["X", "Y"]``, roles and placeholders
dropped."""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from warta.page import jsonld
from warta.page.dates import MONTHS
from warta.page.values import URLISH, clean_value

MAX_AUTHORS = 10
_AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
)
_BYLINE_SELECTORS = (
    # (selector, whether every match's text must look like a bare name)
    ("[rel=author]", False),
    ("[itemprop=author] [itemprop=name]", False),
    ("[itemprop=author]", False),
    (".byline .author", False),
    ("[class*=byline-name], [class*=byline__name], [class*=author-name], [class*=author_name]", True),
    ("[class*=authorname], [class*=author__name], .the-author", True),
    ("[class*=byline]", False),
    (".author, .penulis, .reporter, .writer", True),
    ("[class*=author]", True),
)
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|published|words|text|story|photos?)\s+)?"
    r"(?:by|oleh|penulis|reporter|pewarta|wartawan|author|authors|kontributor|von|par|por|door)\b\s*:?\s*",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*)?\b(?:and|dan|und|et)\b\s*|\s*(?:&|;|\||/|\n)\s*", re.IGNORECASE)
_DIGITS_TAIL = re.compile(r"\s*\d.*$", re.DOTALL)
_DATE_TAIL = re.compile(
    r"[\s,|·•-]*\b(?:(?:on|updated|published|pada|diperbarui)\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun|senin|selasa|rabu|kamis|jumat|sabtu|minggu)\w*,?\s+)?"
    rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?\s*\d.*$",
    re.IGNORECASE | re.DOTALL,
)
_ROLE_TAIL = re.compile(r"\s+[-–—]\s+.*$", re.DOTALL)
_NOT_NAMES = frozenset(
    {"admin", "administrator", "unknown", "null", "none", "anonymous", "guest", "user", "author"}
)

def clean_authors(values: list[str]) -> list[str]:
    """Person names from raw author strings: prefixes such as "By" cut, lists split, URLs,
    e-mail addresses, placeholders and duplicates dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        text = clean_value(value)
        if not text or URLISH.search(text):
            continue
        text = _BY_PREFIX.sub("", _DATE_TAIL.sub("", text)).strip(" ,:;-–—|")
        text = _ROLE_TAIL.sub("", text)  # "David Jackson - Editorial Team"
        parts = [p for p in _NAME_SPLIT.split(text) if p and p.strip()]
        names: list[str] = []
        for part in parts:
            pieces = [p.strip() for p in part.split(",")]
            # "A Person, B Person" is two names; "Dylan Bailey, MS, RD" is one name with titles.
            if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
                names.extend(pieces)
            else:
                names.append(part)
        for name in names:
            name = _BY_PREFIX.sub("", _DIGITS_TAIL.sub("", name)).strip(" ,:;-–—|@.")
            if not name or "@" in name or len(name) > 80 or len(name.split()) > 8:
                continue
            if not any(ch.isalpha() for ch in name) or name.lower() in _NOT_NAMES:
                continue
            if _is_role(name) and not all(_is_role(n) for n in names):
                continue  # "Jane Doe, Staff Writer": the role is no second author
            name = _without_role_tail(name)
            key = name.lower()
            if key not in seen:
                seen.add(key)
                out.append(name)
            if len(out) >= MAX_AUTHORS:
                return out
    return out


# Words of a byline role printed after the name ("Staff Writer", "Senior Correspondent"); a
# byline that is only a role ("News Desk", "Our Editors") is kept as printed.
_ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters editor editors correspondent correspondents "
    "contributor contributing columnist senior chief associate deputy managing political "
    "business sports news desk team wire the our special foreign national international "
    "wartawan jurnalis kontributor redaksi redaktur penulis pewarta tim".split()
)


# The nouns a byline role ends with ("Staff Writer", "Senior Correspondent").
_ROLE_NOUNS = frozenset(
    "writer reporter editor correspondent contributor columnist wartawan jurnalis kontributor "
    "redaktur penulis pewarta".split()
)


def _without_role_tail(name: str) -> str:
    """``name`` without a role printed after it with no separator ("Emma Ryan Writer", "Jane
    Doe Senior Correspondent"), when two words of name are left."""
    words = name.split()
    if len(words) < 3 or words[-1].lower() not in _ROLE_NOUNS:
        return name
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in _ROLE_WORDS:
        cut -= 1
    return " ".join(words[:cut]) if cut >= 2 else name


def _is_role(name: str) -> bool:
    return all(w in _ROLE_WORDS for w in name.lower().replace("-", " ").split())


_NAME_PARTICLES = frozenset({"van", "der", "de", "den", "von", "bin", "binti", "al", "el", "da", "di", "la", "le", "du", "dos", "del"})


def looks_like_name(text: str) -> bool:
    """Whether a string reads like a person's name: 1 to 5 capitalised words, no digits."""
    words = text.replace(".", ". ").split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)


_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness"})


def _is_organisation(value: Any, ids: dict[str, dict[str, Any]]) -> bool:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in ids:
        value = ids[value["@id"]]
    if not isinstance(value, dict):
        return False
    return any(t in _ORG_TYPES for t in jsonld.types_of(value))


def page_authors(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    article: dict[str, Any],
    ids: dict[str, dict[str, Any]],
) -> list[str]:
    """The page's authors: JSON-LD ``author`` (people before organisations), author ``<meta>``
    tags, then byline elements; an organisation only when no person is named anywhere."""
    raw = article.get("author") or article.get("creator")
    items = raw if isinstance(raw, list) else [raw]
    people = [item for item in items if not _is_organisation(item, ids)]
    from_jsonld = clean_authors(jsonld.names_of(people, ids))
    if from_jsonld:
        return from_jsonld
    # An organisation as author is used only when no person is named anywhere.
    fallback = clean_authors(jsonld.names_of(raw, ids))
    for key in _AUTHOR_META:
        found = clean_authors(metas.get(key) or [])
        if found:
            return found
    for selector, strict in _BYLINE_SELECTORS:
        nodes = tree.css(selector)
        if not nodes:
            continue
        # Only the first byline's group: later matches are often comment or related-post authors.
        parent = nodes[0].parent
        texts = []
        for node in nodes[:10]:
            if node is not nodes[0] and (node.parent is None or parent is None or node.parent.mem_id != parent.mem_id):
                continue
            text = node.text(deep=True, separator=" ")
            if text and len(text) < 120:
                texts.append(text)
        found = clean_authors(texts)
        if strict:
            found = [name for name in found if looks_like_name(name)]
        if found:
            return found
    return fallback
