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

import datetime as dt
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
BACKGROUND_DAYS = 7
"""A citation dated further than this from the article's day is background, not a source: a
report recalled from years ago ("seperti diberitakan Kompas.com (1/11/2016)") is no statement
several outlets rewrote that week."""
DATE_REACH = 60
"""Characters after a phrase in which its date is read ("…, Senin (9/9/2019)")."""

_MONTHS = {
    name: i + 1
    for i, names in enumerate((
        "januari january jan", "februari february feb pebruari", "maret march mar", "april apr",
        "mei may", "juni june jun", "juli july jul", "agustus august agu aug agt",
        "september sep sept", "oktober october okt oct", "november nov nopember", "desember december des dec",
    ))
    for name in names.split()
}
# "(1/11/2016)", "(Senin, 1/11/2016)", "(1/11)", "(1 November 2016)"; the first bracket after the
# phrase and before the sentence ends.
_CITED_DATE = re.compile(
    r"\((?:[A-Za-z]+,?\s+)?(?P<d>\d{1,2})(?:/(?P<m>\d{1,2})(?:/(?P<y>\d{2,4}))?|\s+(?P<mn>[A-Za-z]+)\.?(?:\s+(?P<y2>\d{4}))?)\s*\)"
)


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
    dated: str | None = None
    """The day printed with the citation ("seperti diberitakan Kompas.com (1/11/2016)" →
    ``2016-11-01``), when the text gives one right after the phrase."""
    background: bool = False
    """The citation is dated more than :data:`BACKGROUND_DAYS` from the article's own day: an
    old report recalled as background, not where this article's words came from. Listed as
    evidence, never counted as a shared source."""


def cited_sources(
    text: str,
    *,
    credit: str | None = None,
    credit_outlet: str | None = None,
    dateline: str | None = None,
    outlet: str | None = None,
    day: str | None = None,
) -> list[Citation]:
    """The sources an article names for itself, one :class:`Citation` per kind (its first
    phrase that is not background), in the order the kinds were first found: the credit
    first, then the dateline, then the text. An outlet naming itself ("TEMPO.CO, Jakarta" at
    tempo.co) is not a source. With the article's ``day`` (ISO, a longer value is cut), a phrase
    dated far from it is marked ``background`` (:data:`BACKGROUND_DAYS`)."""
    own = outlet_key(outlet)
    found: dict[str, Citation] = {}
    today = _day(day)

    def add(kind: str, phrase: str, where: str, context: str = "", dated: dt.date | None = None) -> None:
        old = bool(today and dated and abs((today - dated).days) > BACKGROUND_DAYS)
        if kind not in found or (found[kind].background and not old):
            found[kind] = Citation(
                kind=kind, phrase=phrase, where=where, context=context,
                dated=dated.isoformat() if dated else None, background=old,
            )

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
    hits: list[tuple[int, str, str, int]] = []
    for kind, pat in _PATTERNS:
        hits.extend((m.start(), kind, m.group(0), m.end()) for m in pat.finditer(text))
    for pat in _WIRE_PATTERNS:
        for m in pat.finditer(text):
            wk = _outlet_kind(m.group("name"), own)
            if wk:
                hits.append((m.start(), wk, m.group(0), m.end()))
    for m in _OUTLET_PATTERN.finditer(text):
        ok = _outlet_kind(m.group("name"), own)
        if ok:
            hits.append((m.start("name"), ok, m.group(0), m.end()))
    for start, kind, phrase, end in sorted(hits):
        dated = _cited_date(text, end, today) if today else None
        add(kind, " ".join(phrase.split()), "text", _sentence_around(text, start), dated)
    return list(found.values())


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _cited_date(text: str, end: int, today: dt.date) -> dt.date | None:
    """The date printed in brackets within :data:`DATE_REACH` characters after a phrase (and
    before its sentence ends), read day first as Indonesian and most outlets print it; a
    date without a year takes the article's year. None when there is none or it is no date."""
    window = text[end : end + DATE_REACH]
    stop = re.search(r"[.!?](?:\s|$)", window)
    m = _CITED_DATE.search(window[: stop.start() if stop else None])
    if not m:
        return None
    if m.group("mn"):
        month = _MONTHS.get(m.group("mn").lower())
        year_text = m.group("y2")
    else:
        month = int(m.group("m")) if m.group("m") else None
        year_text = m.group("y")
    year = int(year_text) if year_text else today.year
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, int(m.group("d"))) if month else None
    except ValueError:
        return None


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
    outlets: list[str] = msgspec.field(default_factory=list)
    """The outlets (:func:`~warta.pipeline.dedup.copies.outlet_key`; ``#i`` for a member without
    one) citing it, or being it: what the share counts."""
    in_cluster: bool = False
    """An ``outlet:`` source that is the outlet of a member: the copies name the member they
    copied."""


def shared_source(
    members: Sequence[Sequence[Citation]],
    *,
    outlets: Sequence[str | None] | None = None,
    min_share: float = 0.5,
) -> SharedSource | None:
    """The kind of source cited by members at two outlets or more, and at least ``min_share``
    of the cluster's outlets; None when no kind is, and None when every member is at one
    outlet (its own versions of one story: nobody else rewrote the source). Counted in
    outlets, not articles: three versions at one outlet are one outlet citing it. A
    ``background`` citation (an old report recalled, :data:`BACKGROUND_DAYS`) is no source.

    Without ``outlets`` each member counts as an outlet of its own; a member without an outlet
    does too. An outlet the others cite that is itself a member's outlet ("kata Rubijanto
    kepada Kompas.com" in tribunnews copies of a kompas.com story) counts as citing it (it is
    the source), and it goes first: the copies say whom they copied. Otherwise the kind cited
    at most outlets; on a tie, a wire before a statement before a press conference before an
    outlet, then by name."""
    cited: list[set[str]] = [{c.kind for c in found if not c.background} for found in members]
    keys = [outlet_key(o) for o in outlets] if outlets is not None else [None] * len(members)
    who = [key or f"#{i}" for i, key in enumerate(keys)]  # the outlet a member counts as
    if len(set(who)) < 2:
        return None
    named = {k.removeprefix(OUTLET) for kinds in cited for k in kinds if k.startswith(OUTLET)}
    in_cluster = {OUTLET + key for key in named if key in keys}
    citing: dict[str, set[str]] = {}
    for kinds, outlet in zip(cited, who, strict=True):
        for k in kinds:
            citing.setdefault(k, set()).add(outlet)
    for k in in_cluster:  # the cited outlet's own members
        citing[k].add(k.removeprefix(OUTLET))
    if not citing:
        return None
    counts = Counter({k: len(v) for k, v in citing.items()})
    size = len(set(who))
    kind = min(counts, key=lambda k: (k not in in_cluster, -counts[k], _rank(k), k))
    if in_cluster and not _enough(counts[kind], size, min_share):
        kind = min(counts, key=lambda k: (-counts[k], _rank(k), k))
    if not _enough(counts[kind], size, min_share):
        return None
    return SharedSource(
        kind=kind,
        cited_by=[i for i, kinds in enumerate(cited) if kind in kinds],
        outlets=sorted(citing[kind]),
        in_cluster=kind in in_cluster,
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
