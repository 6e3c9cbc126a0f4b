"""Corpus-level entity merge: one entity per person or organisation, not one per name form.

Within one article the entities step already merges the forms the article gives a name
("Komisi Pemberantasan Korupsi (KPK)", "Joko Widodo (Jokowi)"). Across articles nothing did:
an article that only writes "KPK" stored an entity "KPK" apart from "Komisi Pemberantasan
Korupsi". This module learns, from every stored article, which forms stand for which name, and
plans the merge the store applies (:mod:`warta.store.aliases`):

* **declared forms**: what each article's own merge read (an acronym spelling the initials of an
  organisation or place it names, a nickname it declares for a person;
  :func:`warta.enrich.entities.declared_forms`, the same code), counted in articles;
* **spelling variants**: two expansions declared for one acronym that differ only by a typo or
  punctuation ("Komisi Perlidungan Anak Indonesia", "Badan Meteorologi, Klimatologi dan
  Geofisika") are one name, the more often declared spelling;
* **independent declarations**: an alias is used only when :data:`MIN_OUTLETS` outlets declare
  it (two outlets' reporters agree; copies of one story do not count twice), or when it is an
  organisation's or place's acronym of :data:`LONG_ACRONYM` letters or more;
* **conflicts**: an alias declared for several names that are not spelling variants ("PT" for
  "Pengadilan Tinggi" and "Pemkot Tangerang") is left apart, unless one name has at least
  :data:`DOMINANCE` times the declarations of all the others together ("KPK": 126 articles for
  "Komisi Pemberantasan Korupsi", one for "Kementerian Pendidikan dan Kebudayaan", whose
  initials also spell it);
* **a shipped list** of well-known Indonesian forms (``assets/entity_aliases.tsv``: DPR, KPK,
  Polri, PDIP, Jokowi, SBY, JK …) settles its aliases whatever the corpus declares;
* **case**: names that differ only in case or spacing are one (as within an article).

Forms of one body join through these links; the group's entity is named by a form no link
calls an alias (the expansion), else the form most articles use. The same type only: "RI" as an
organisation and as a place stays two (counted as type conflicts).

The learning (:func:`learn`, :func:`resolve`) is pure; :func:`merge_aliases` runs it over a
store, as the corpus stage's first step (before stories, which then group by merged names).
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib.resources import files

import msgspec

from warta.article import Entity
from warta.store import aliases as store_aliases

Node = tuple[str, str]
"""A name form: (case-folded name with single spaces, entity type)."""

DOMINANCE = 10
"""An alias declared for several names goes to the one declared by at least this many times as
many articles as all the others together; below that it stays apart."""

MIN_OUTLETS = 2
"""An alias is used across the corpus only when at least this many outlets declare it: one
article's (or one outlet's) "Iwan" for "Helmi Kurniawan" or "ERP" for "Enterprise Resource
Planning" would take every other Iwan and every Jakarta road-pricing "ERP" with it."""

NICKNAMES_READER = 1
"""Version of the nickname reading (:func:`warta.enrich.entities.declared_aliases`) whose
results the store keeps per text: bump it when that reading changes, and every text is read
again on the next run."""

LONG_ACRONYM = 4
"""An organisation's or place's alias this long ("APJII", "BKKBN") is used even when one outlet
declares it: acronyms of four letters and more rarely stand for two bodies in one corpus,
unlike "AL", "DP" or "ERP" (Electronic Road Pricing in Jakarta news, "Enterprise Resource
Planning" in one IT story)."""

SPELLING = 0.85
"""Two expansions of one acronym whose letters (punctuation dropped) match at least this much
(difflib ratio) are one name spelled two ways."""

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


def node_key(name: str) -> str:
    """A name as compared: case folded, runs of spaces made one."""
    return _SPACES.sub(" ", name).strip().casefold()


@dataclass
class AliasPlan:
    """What the corpus declares: links between name forms, and what was left apart."""

    links: dict[Node, tuple[Node, str]] = field(default_factory=dict)
    """alias form → (the form it stands for, source: declared | spelling | list)."""
    declared: Counter[Node] = field(default_factory=Counter)
    """Articles that declare each alias (for any name)."""
    conflicts: dict[Node, dict[str, int]] = field(default_factory=dict)
    """Aliases declared for several names and left apart: name → articles."""
    dominated: dict[Node, dict[str, int]] = field(default_factory=dict)
    """Aliases declared for several names and given to the dominant one."""
    single_outlet: dict[Node, str] = field(default_factory=dict)
    """Aliases only one outlet declares (and not long acronyms), left apart: alias → the name
    declared."""
    settled_by_list: int = 0
    """Conflicting aliases the shipped list settled."""


def _letters(key: str) -> str:
    return _SPACES.sub(" ", _PUNCT.sub(" ", key)).strip()


def _same_spelling(a: str, b: str) -> bool:
    a, b = _letters(a), _letters(b)
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= SPELLING


def learn(
    declarations: Iterable[tuple[str, Iterable[tuple[str, str, str]]]],
    shipped: Iterable[tuple[str, str, str]] = (),
) -> AliasPlan:
    """The plan from each article's declarations, ``(outlet, triples)`` with ``(alias, name,
    type)`` triples (a triple counts once per article; ``outlet`` is who published it, an
    article's own id when unknown), and the ``shipped`` list's ``(alias, canonical, type)``
    triples (see module doc)."""
    counts: dict[Node, Counter[str]] = defaultdict(Counter)
    outlets: dict[tuple[Node, str], set[str]] = defaultdict(set)
    for outlet, article in declarations:
        for form, name, kind in set(article):
            akey, nkey = node_key(form), node_key(name)
            if akey and nkey and akey != nkey:
                counts[(akey, kind)][nkey] += 1
                outlets[((akey, kind), nkey)].add(outlet)
    plan = AliasPlan()
    for alias in sorted(counts):
        names = counts[alias]
        kind = alias[1]
        plan.declared[alias] = sum(names.values())
        # Spelling variants of one name join the most declared spelling.
        groups: list[tuple[str, int, set[str]]] = []  # (head spelling, articles, outlets)
        for name, n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])):
            for i, (head, total, seen) in enumerate(groups):
                if _same_spelling(head, name):
                    groups[i] = (head, total + n, seen | outlets[(alias, name)])
                    plan.links[(name, kind)] = ((head, kind), "spelling")
                    break
            else:
                groups.append((name, n, set(outlets[(alias, name)])))
        groups.sort(key=lambda g: (-g[1], g[0]))
        head, top, seen = groups[0]
        rest = sum(n for _, n, _ in groups[1:])
        if rest and top < DOMINANCE * rest:
            plan.conflicts[alias] = {name: n for name, n, _ in groups}
        elif len(seen) < MIN_OUTLETS and not (kind != "PERSON" and len(alias[0]) >= LONG_ACRONYM):
            plan.single_outlet[alias] = head
        else:
            plan.links[alias] = ((head, kind), "declared")
            if rest:
                plan.dominated[alias] = {name: n for name, n, _ in groups}
    for alias_name, canonical, kind in shipped:
        alias, target = (node_key(alias_name), kind), (node_key(canonical), kind)
        if alias == target:
            continue
        if plan.conflicts.pop(alias, None) is not None:
            plan.settled_by_list += 1
        plan.single_outlet.pop(alias, None)
        plan.links[alias] = (target, "list")
    return plan


@dataclass(frozen=True)
class Merge:
    """The merge of the forms present in a corpus: each alias form → its group's form."""

    target: dict[Node, Node]
    """Every present form that is not its group's name → the form naming the group."""
    source: dict[Node, str]
    """Why each form in :attr:`target` joined (the link that brought it in): declared |
    spelling | list | case."""


def resolve(plan: AliasPlan, present: Mapping[Node, int]) -> Merge:
    """Group the forms ``present`` in the corpus (form → articles using it) by the plan's
    links and name each group (module doc). Links through forms that are not present still
    join ("PDI-P" and "PDIP" both linked to an absent full name are one)."""
    parent: dict[Node, Node] = {}

    def find(x: Node) -> Node:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for form, (to, _) in sorted(plan.links.items()):
        ra, rt = find(form), find(to)
        if ra != rt:
            parent[max(ra, rt)] = min(ra, rt)
    groups: dict[Node, list[Node]] = defaultdict(list)
    for form in present:
        groups[find(form)].append(form)
    incoming: dict[Node, str] = {}
    for _, (to, why) in sorted(plan.links.items()):
        incoming.setdefault(to, why)
    target: dict[Node, Node] = {}
    source: dict[Node, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        named = [f for f in members if f not in plan.links] or members
        head = min(named, key=lambda f: (-present[f], f))
        for form in members:
            if form != head:
                target[form] = head
                # The link that brought the form in: its own, else one pointing at it.
                own = plan.links.get(form)
                source[form] = own[1] if own else incoming.get(form, "declared")
    return Merge(target=target, source=source)


def type_conflicts(present: Iterable[Node]) -> int:
    """Names present under two or more types ("RI" as an organisation and a place)."""
    types: dict[str, set[str]] = defaultdict(set)
    for key, kind in present:
        types[key].add(kind)
    return sum(len(kinds) > 1 for kinds in types.values())


@lru_cache(maxsize=1)
def shipped_aliases() -> tuple[tuple[str, str, str], ...]:
    """The shipped list (``assets/entity_aliases.tsv``) as ``(alias, canonical, type)``."""
    text = files("warta.assets").joinpath("entity_aliases.tsv").read_text(encoding="utf-8")
    out: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, canonical, forms = line.split("\t")
        out.extend((form, canonical, kind) for form in forms.split("|") if form.strip())
    return tuple(out)


class AliasSummary(msgspec.Struct, kw_only=True):
    """What the corpus-level entity merge did."""

    forms_merged: int = 0
    """Entity forms (name, type) merged into another entity."""
    links_moved: int = 0
    """Article links moved to a canonical entity."""
    articles_restored: int = 0
    """Articles whose links went back to as written, because the merge of a form changed."""
    declared_aliases: int = 0
    """Alias forms some article declares."""
    conflicts: int = 0
    """Aliases declared for several names and left apart."""
    dominated: int = 0
    """Aliases declared for several names and given to the dominant one."""
    single_outlet: int = 0
    """Aliases only one outlet declares, left apart."""
    type_conflicts: int = 0
    """Names present under two or more types, left apart."""


def merge_aliases(conn: sqlite3.Connection, *, shipped: bool = True) -> AliasSummary:
    """Learn the corpus's aliases from its stored articles and merge their entities in the
    store (inside the caller's transaction); see the module doc. Deterministic: the result
    depends only on the stored articles (and the shipped list unless ``shipped`` is False)."""
    from warta.enrich.entities import declared_aliases, declared_forms

    written: dict[int, list[Entity]] = {}
    declarations: list[tuple[str, Iterable[tuple[str, str, str]]]] = []
    # Reading nicknames is most of the cost (regexes over the whole text): once per text.
    known = store_aliases.cached_nicknames(conn, NICKNAMES_READER)
    read: dict[str, dict[str, str]] = {}
    for article in store_aliases.written_entities(conn):
        written[article.id] = article.entities
        nicknames = known.get(article.text_hash)
        if nicknames is None:
            nicknames = read[article.text_hash] = declared_aliases(article.text)
            known[article.text_hash] = nicknames
        found = [
            (form, ent.name, ent.type)
            for form, ent in declared_forms(article.text, article.entities, nicknames)
        ]
        if found:
            declarations.append((article.outlet or f"#{article.id}", found))
    store_aliases.cache_nicknames(conn, NICKNAMES_READER, read)
    plan = learn(declarations, shipped_aliases() if shipped else ())

    spellings: dict[Node, Counter[str]] = defaultdict(Counter)
    for entities in written.values():
        for name in {(e.name, e.type) for e in entities}:
            spellings[(node_key(name[0]), name[1])][name[0]] += 1
    present = {node: sum(c.values()) for node, c in spellings.items()}
    merge = resolve(plan, present)
    display = {node: min(c, key=lambda s: (-c[s], s)) for node, c in spellings.items()}

    # Every written form that is not its group's entity → (that entity's form, source).
    new: dict[store_aliases.Form, tuple[store_aliases.Form, str]] = {}
    for node, counts in spellings.items():
        head = merge.target.get(node, node)
        canonical = (display[head], head[1])
        for spelling in counts:
            if (spelling, node[1]) != canonical:
                why = merge.source[node] if node in merge.target else "case"
                new[(spelling, node[1])] = (canonical, why)

    old = store_aliases.previous_merge(conn)
    # Forms the last run merged elsewhere than now: their articles start again from their
    # links as written (the form may now stand apart, or join another entity). A form not
    # merged before still has its own links, which merge_into moves.
    changed = {
        form for form, before in old.items() if before != (new[form][0][0] if form in new else None)
    }
    restore = {
        aid: entities
        for aid, entities in written.items()
        if any((e.name, e.type) in changed for e in entities)
    }
    store_aliases.restore_links(conn, restore)

    summary = AliasSummary(
        articles_restored=len(restore),
        declared_aliases=len(plan.declared),
        conflicts=len(plan.conflicts),
        dominated=len(plan.dominated),
        single_outlet=len(plan.single_outlet),
        type_conflicts=type_conflicts(present),
    )
    for form, (canonical, _) in sorted(new.items()):
        moved = store_aliases.merge_into(conn, form, canonical)
        summary.links_moved += moved
    summary.forms_merged = len(new)
    store_aliases.write_aliases(
        conn,
        (
            (form, canonical, why, spellings[(node_key(form[0]), form[1])][form[0]],
             plan.declared.get((node_key(form[0]), form[1]), 0))
            for form, (canonical, why) in sorted(new.items())
        ),
    )
    return summary
