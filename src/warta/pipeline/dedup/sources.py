"""The source a copy names for itself: a written statement, a press conference, a wire, or
another outlet, read from its own words and credit.

A copy cluster's earliest member is not always what the others copied: when several outlets
each rewrote one ministry statement ("keterangan tertulis", "siaran pers", "said in a
statement"), or ran one wire story ("(ANTARA)", "dikutip dari Antara", "(Reuters)"), the
cluster has a *shared source*, and the earliest outlet is only the first to publish it.

:func:`cited_sources` finds, in one article, the phrases that name such a source;
:func:`shared_source` says which kind of source most members of a cluster cite. Both are pure
(no I/O): the store calls them at read time (:mod:`warta.store.sources`), so stores built
before this module answer too.

The phrase lists are hand-written regular expressions, not a model: the cues are a closed set
of newsroom formulas, and each match must name what it found (the phrase is shown to a reader
as the evidence).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import msgspec

from warta.pipeline.dedup.copies import outlet_key

PRESS_RELEASE = "press-release"
PRESS_CONFERENCE = "press-conference"
WIRE = "wire:"
OUTLET = "outlet:"

WIRES: dict[str, str] = {
    "antara": "Antara",
    "reuters": "Reuters",
    "afp": "AFP",
    "ap": "AP",
    "associatedpress": "AP",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "bernama": "Bernama",
    "dpa": "dpa",
    "anadolu": "Anadolu",
    "efe": "EFE",
}
"""Wire services by :func:`~warta.pipeline.dedup.copies.outlet_key` → the name shown."""

_WIRE_NAMES = r"ANTARA|Antara|Reuters|REUTERS|AFP|AP|Associated Press|Xinhua|XINHUA|Kyodo|Yonhap|Bernama|BERNAMA|dpa|Anadolu|EFE"
# A cue that attributes what follows to someone else: "dikutip dari Antara", "seperti dilansir
# Reuters", "kata X kepada Antara", "told Reuters", "according to AFP".
_CITE_CUE = (
    r"\b(?i:dikutip\s+dari|mengutip|dilansir(?:\s+dari)?|melansir|seperti\s+dilaporkan|dilaporkan|"
    r"diberitakan|melaporkan|menurut|kepada|sumber|pantauan|according\s+to|reported\s+by|quoted\s+by|told|via)"
)

_STATEMENT = (
    r"keterangan\s+(?:tertulis|resmi|pers)(?:nya)?|siaran\s+pers(?:nya)?"
    r"|pernyataan\s+(?:tertulis|resmi|pers)(?:nya)?|rilis\s+(?:tertulis|resmi|pers)(?:nya)?"
)
_STATEMENT_CUE = (
    r"(?:dalam|melalui|lewat|dari|via|berdasarkan|menurut|mengutip|sesuai|memberikan|mengeluarkan"
    r"|menyampaikan|membagikan|menerbitkan|menyebarkan)"
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A written statement or press release, named as where words came from: after a cue
    # ("kata Rini dalam keterangan resmi", "dikutip dari siaran pers") or before "yang
    # diterima" ("keterangan tertulis yang diterima Tempo"). Without one, the words are often
    # the news itself ("novum kelima merupakan keterangan tertulis agen FBI"). "rilis" alone
    # also means a product's release ("merilis album"): it needs the cue too.
    (PRESS_RELEASE, re.compile(
        rf"\b(?:{_STATEMENT_CUE}\s+(?:sebuah\s+)?(?:{_STATEMENT}|rilis(?:nya)?)"
        rf"|(?:{_STATEMENT})\s+(?:yang\s+)?(?:diterima|dikirim|dibagikan|disebarkan|disampaikan)"
        r"|press\s+release|news\s+release|media\s+release"
        r"|(?:in|according\s+to|issued)\s+an?\s+(?:written\s+|joint\s+|official\s+)?statement)\b",
        re.IGNORECASE,
    )),
    (PRESS_CONFERENCE, re.compile(
        r"\b(?:jumpa\s+pers|konferensi\s+pers|temu\s+pers|press\s+conference|news\s+conference)\b", re.IGNORECASE
    )),
)
# A wire named as a source. Case matters: "antara" in lower case is the word "between".
_WIRE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\((?P<name>{_WIRE_NAMES})\)"),  # "Jakarta (ANTARA) -", "(Reuters) -"
    re.compile(rf"{_CITE_CUE}\s+(?i:kantor\s+berita\s+|news\s+agency\s+|the\s+)?(?P<name>{_WIRE_NAMES})\b(?![\w/.-])"),
    re.compile(r"\b(?P<name>[Aa]ntaranews(?:\.com)?)\b"),
)
# Another outlet named as the source by its domain: "dikutip dari Surya.co.id", "dilansir Kompas.com".
_OUTLET_PATTERN = re.compile(
    rf"{_CITE_CUE}\s+(?:laman\s+|situs\s+|portal\s+)?(?P<name>[A-Za-z][\w-]*\.(?:co\.id|com|co|id|net|org|tv))\b",
    re.IGNORECASE,
)
SNIPPET = 200
"""Characters of context kept around a phrase (its sentence, cut to this length)."""


class Citation(msgspec.Struct, frozen=True, kw_only=True):
    """One source an article names for itself."""

    kind: str
    """``press-release``, ``press-conference``, ``wire:<key>`` (``wire:antara``) or
    ``outlet:<key>`` (``outlet:kompas``)."""
    phrase: str
    """The words found, as printed ("keterangan tertulis", "(ANTARA)", "credit: ant")."""
    where: str
    """``text``, ``credit`` or ``dateline``."""
    context: str = ""
    """The sentence around the phrase (at most :data:`SNIPPET` characters)."""


def cited_sources(
    text: str,
    *,
    credit: str | None = None,
    credit_outlet: str | None = None,
    dateline: str | None = None,
    outlet: str | None = None,
) -> list[Citation]:
    """The sources an article names for itself, one :class:`Citation` per kind (its first
    phrase), in the order the kinds were first found: the credit first, then the dateline,
    then the text. An outlet naming itself ("TEMPO.CO, Jakarta" at tempo.co) is not a source."""
    own = outlet_key(outlet)
    found: dict[str, Citation] = {}

    def add(kind: str, phrase: str, where: str, context: str = "") -> None:
        if kind not in found:
            found[kind] = Citation(kind=kind, phrase=phrase, where=where, context=context)

    # The credit as the conventions step read it ("(ant)" → ANTARA); a raw credit code without
    # a known outlet is an editor's initials or a tag ("adv"), not a source.
    key = _outlet_kind(credit_outlet, own)
    if key:
        add(key, f"({credit})" if credit else credit_outlet or "", "credit")
    if dateline:
        for pat in _WIRE_PATTERNS:
            m = pat.search(dateline)
            kind = _outlet_kind(m.group("name"), own) if m else None
            if m and kind:
                add(kind, m.group(0), "dateline", dateline)
    hits: list[tuple[int, str, str]] = []
    for kind, pat in _PATTERNS:
        hits.extend((m.start(), kind, m.group(0)) for m in pat.finditer(text))
    for pat in _WIRE_PATTERNS:
        for m in pat.finditer(text):
            wk = _outlet_kind(m.group("name"), own)
            if wk:
                hits.append((m.start(), wk, m.group(0)))
    for m in _OUTLET_PATTERN.finditer(text):
        ok = _outlet_kind(m.group("name"), own)
        if ok:
            hits.append((m.start("name"), ok, m.group(0)))
    for start, kind, phrase in sorted(hits):
        add(kind, " ".join(phrase.split()), "text", _sentence_around(text, start))
    return list(found.values())


def _outlet_kind(name: str | None, own: str | None) -> str | None:
    """``wire:<key>`` or ``outlet:<key>`` for a name or domain; None for the article's own
    outlet or no name."""
    key = outlet_key(name)
    if not key or key == own:
        return None
    return WIRE + key if key in WIRES else OUTLET + key


def _sentence_around(text: str, at: int) -> str:
    """The sentence holding ``text[at]``: from the last sentence end before it to the next one
    after it, whitespace collapsed, cut to :data:`SNIPPET` characters around ``at``."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    head = tail = ""
    if end - start > SNIPPET:  # a long sentence: the words around the phrase, marked as cut
        cut = max(start, at - SNIPPET // 2)
        if cut > start:
            start, head = text.find(" ", cut, at) + 1 or cut, "… "
        if end > start + SNIPPET:
            space = text.rfind(" ", at, start + SNIPPET)
            end, tail = (space if space > at else start + SNIPPET), " …"
    return head + " ".join(text[start:end].split()) + tail


class SharedSource(msgspec.Struct, frozen=True, kw_only=True):
    """The kind of source most members of a cluster cite."""

    kind: str
    cited_by: list[int]
    """Indexes (into the members given) of the members citing it themselves (an outlet's own
    members, counted toward the share, are not listed)."""
    in_cluster: bool = False
    """An ``outlet:`` source that is the outlet of a member: the copies name the member they
    copied."""


def shared_source(
    members: Sequence[Sequence[Citation]],
    *,
    outlets: Sequence[str | None] | None = None,
    min_share: float = 0.5,
) -> SharedSource | None:
    """The kind of source cited by at least two members and by at least ``min_share`` of them;
    None when no kind is.

    With the members' ``outlets``, an outlet the others cite that is itself a member's outlet
    ("kata Rubijanto kepada Kompas.com" in tribunnews copies of a kompas.com story) counts its
    own members as citing it (they are the source), and it goes first: the copies say whom
    they copied. Otherwise the most cited kind; on a tie, a wire before a statement before a
    press conference before an outlet, then by name."""
    cited: list[set[str]] = [{c.kind for c in found} for found in members]
    keys = [outlet_key(o) for o in outlets] if outlets is not None else [None] * len(members)
    named = {k.removeprefix(OUTLET) for kinds in cited for k in kinds if k.startswith(OUTLET)}
    in_cluster = {OUTLET + key for key in named if key in keys}
    counts: Counter[str] = Counter(k for kinds in cited for k in kinds)
    for kinds, key in zip(cited, keys, strict=True):  # the cited outlet's own members
        if key and OUTLET + key in in_cluster and OUTLET + key not in kinds:
            counts[OUTLET + key] += 1
    if not counts:
        return None
    kind = min(counts, key=lambda k: (k not in in_cluster, -counts[k], _rank(k), k))
    if in_cluster and not _enough(counts[kind], len(members), min_share):
        kind = min(counts, key=lambda k: (-counts[k], _rank(k), k))
    if not _enough(counts[kind], len(members), min_share):
        return None
    return SharedSource(
        kind=kind, cited_by=[i for i, kinds in enumerate(cited) if kind in kinds], in_cluster=kind in in_cluster
    )


def _enough(n: int, size: int, min_share: float) -> bool:
    return n >= 2 and n >= min_share * size


def _rank(kind: str) -> int:
    if kind.startswith(WIRE):
        return 0
    return {PRESS_RELEASE: 1, PRESS_CONFERENCE: 2}.get(kind, 3)


def source_label(kind: str) -> str:
    """A short English name of a source kind: ``wire:antara`` → ``Antara``; ``outlet:kompas`` →
    ``kompas``; the others as they are."""
    if kind.startswith(WIRE):
        key = kind.removeprefix(WIRE)
        return WIRES.get(key, key)
    return kind.removeprefix(OUTLET)
