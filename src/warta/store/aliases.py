"""Corpus-level entity merge in the store: reads and writes for :mod:`warta.pipeline.aliases`,
and the lookups an entity page needs ("also written as").

An article's ``entities`` rows are written as the article itself named them (per-article
canonical names, kept in its ``article`` blob). The corpus stage then merges each alias form's
entity into its canonical entity: article links move (mention counts add up when an article
used both forms), the alias entity row goes, and ``entity_aliases`` records the form. Canonical
entities keep their ids. When a later run plans a different merge for a form (a new conflict),
the articles using it get their links back as written (:func:`restore_links`) before the new
merge, so the result depends only on the stored articles, never on earlier runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import msgspec

from warta.article import Entity

Form = tuple[str, str]
"""An entity as stored: (name, type)."""


class _Entities(msgspec.Struct):
    """The part of an article blob the merge reads (msgspec skips the other fields)."""

    entities: list[Entity] = msgspec.field(default_factory=list)


_DECODER = msgspec.json.Decoder(_Entities)


class Written(msgspec.Struct, frozen=True):
    """A stored article as the merge reads it."""

    id: int
    outlet: str | None
    text: str
    text_hash: str
    entities: list[Entity]
    """Its entities as the article itself named them."""


def written_entities(conn: sqlite3.Connection) -> Iterator[Written]:
    """Every stored article (duplicates too: they use names as well), by id."""
    rows = conn.execute(
        "SELECT a.id, o.domain, a.text, a.text_hash, a.article FROM articles a"
        " LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id"
    )
    for aid, outlet, text, text_hash, blob in rows:
        yield Written(int(aid), outlet, text, text_hash, _DECODER.decode(blob).entities)


def cached_nicknames(conn: sqlite3.Connection, reader: int) -> dict[str, dict[str, str]]:
    """The nicknames read from each text before (text hash → {nickname: full name}), by the
    given version of the reading only."""
    rows = conn.execute(
        "SELECT text_hash, nicknames FROM entity_nicknames WHERE reader = ?", (reader,)
    )
    return {h: msgspec.json.decode(n) for h, n in rows}


def cache_nicknames(
    conn: sqlite3.Connection, reader: int, read: Mapping[str, Mapping[str, str]]
) -> None:
    """Keep newly read nicknames (text hash → {nickname: full name}) and forget the texts no
    article has any more."""
    conn.executemany(
        "INSERT OR REPLACE INTO entity_nicknames(text_hash, reader, nicknames) VALUES (?, ?, ?)",
        [(h, reader, msgspec.json.encode(dict(n)).decode()) for h, n in read.items()],
    )
    conn.execute(
        "DELETE FROM entity_nicknames WHERE text_hash NOT IN (SELECT text_hash FROM articles)"
    )


def previous_merge(conn: sqlite3.Connection) -> dict[Form, str | None]:
    """The merge the last run stored: alias form → its canonical entity's name (None when that
    entity is gone)."""
    rows = conn.execute(
        "SELECT a.name, a.type, e.name FROM entity_aliases a LEFT JOIN entities e"
        " ON e.id = a.entity_id"
    )
    return {(name, kind): canonical for name, kind, canonical in rows}


def restore_links(
    conn: sqlite3.Connection, articles: Mapping[int, Iterable[Entity]]
) -> None:
    """Give ``articles`` (id → entities as written) their entity links as written, as
    :meth:`warta.store.db.Store.write` does (re-creating entities merged away meanwhile)."""
    for aid, entities in articles.items():
        conn.execute("DELETE FROM article_entities WHERE article_id = ?", (aid,))
        for ent in entities:
            conn.execute(
                "INSERT INTO entities(name, type) VALUES (?, ?) ON CONFLICT(name, type) DO NOTHING",
                (ent.name, ent.type),
            )
            conn.execute(
                "INSERT INTO article_entities(article_id, entity_id, mentions)"
                " SELECT ?, id, ? FROM entities WHERE name = ? AND type = ?"
                " ON CONFLICT(article_id, entity_id) DO UPDATE SET"
                " mentions = mentions + excluded.mentions",
                (aid, ent.mentions, ent.name, ent.type),
            )


def merge_into(conn: sqlite3.Connection, alias: Form, canonical: Form) -> int:
    """Move the alias entity's article links to the canonical entity (created if missing;
    mentions add up where an article has both) and delete the alias entity. Returns the links
    moved (0 when no entity has the alias form)."""
    row = conn.execute(
        "SELECT id FROM entities WHERE name = ? AND type = ?", alias
    ).fetchone()
    if row is None:
        return 0
    conn.execute(
        "INSERT INTO entities(name, type) VALUES (?, ?) ON CONFLICT(name, type) DO NOTHING",
        canonical,
    )
    (target,) = conn.execute(
        "SELECT id FROM entities WHERE name = ? AND type = ?", canonical
    ).fetchone()
    moved = conn.execute(
        "INSERT INTO article_entities(article_id, entity_id, mentions)"
        " SELECT article_id, ?, mentions FROM article_entities WHERE entity_id = ?"
        " ON CONFLICT(article_id, entity_id) DO UPDATE SET mentions = mentions + excluded.mentions",
        (target, row[0]),
    ).rowcount
    conn.execute("DELETE FROM article_entities WHERE entity_id = ?", (row[0],))
    conn.execute("DELETE FROM entities WHERE id = ?", (row[0],))
    return max(moved, 0)


def write_aliases(
    conn: sqlite3.Connection, aliases: Iterable[tuple[Form, Form, str, int, int]]
) -> None:
    """Replace the ``entity_aliases`` table: ``(alias form, canonical form, source, articles
    using the form, articles declaring it)`` rows. A canonical form with no entity is skipped."""
    conn.execute("DELETE FROM entity_aliases")
    conn.executemany(
        "INSERT INTO entity_aliases(name, type, entity_id, source, articles, declared)"
        " SELECT ?, ?, id, ?, ?, ? FROM entities WHERE name = ? AND type = ?"
        " ON CONFLICT(name, type) DO NOTHING",
        [
            (alias[0], alias[1], source, articles, declared, canonical[0], canonical[1])
            for alias, canonical, source, articles, declared in aliases
        ],
    )


# -- lookups for the explorer ------------------------------------------------------------------


def has_aliases(conn: sqlite3.Connection) -> bool:
    """Whether the store has the alias table (migration 6): the explorer opens stores read-only
    and never migrates them, so an older store is read as having no aliases."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entity_aliases'")
    return row.fetchone() is not None


def entity_aliases(conn: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    """The other forms an entity is written in ("also written as"), most used first: ``name``,
    ``source`` (declared | spelling | list | case), ``articles`` (articles that used the form)
    and ``declared`` (articles that declared it, as "Komisi Pemberantasan Korupsi (KPK)")."""
    if not has_aliases(conn):
        return []
    rows = conn.execute(
        "SELECT name, source, articles, declared FROM entity_aliases WHERE entity_id = ?"
        " ORDER BY articles DESC, name",
        (int(entity_id),),
    )
    return [
        {"name": name, "source": source, "articles": articles, "declared": declared}
        for name, source, articles, declared in rows
    ]


def entity_names(conn: sqlite3.Connection, entity_id: int) -> list[str]:
    """Every name of an entity: its own, then its aliases' (one per spelling, case ignored).
    For what keys on a printed name, such as quotes by speaker (``quotes.speaker IN (...)
    COLLATE NOCASE``); an empty list for an unknown id."""
    own = conn.execute("SELECT name FROM entities WHERE id = ?", (int(entity_id),)).fetchone()
    if own is None:
        return []
    names = [own[0]]
    seen = {own[0].casefold()}
    for alias in entity_aliases(conn, entity_id):
        if alias["name"].casefold() not in seen:  # "jokowi" adds nothing to "Jokowi"
            seen.add(alias["name"].casefold())
            names.append(alias["name"])
    return names


def names_of(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> list[str]:
    """Every name of these entities (:func:`entity_names` of each), each once: what a quote's
    speaker may be printed as to be one of theirs."""
    return list(dict.fromkeys(name for i in entity_ids for name in entity_names(conn, i)))


def entity_by_alias(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """The entities an alias form (any case) was merged into: ``id``, ``name``, ``type``, and
    ``alias`` (the form as stored). For a name search that should find "Jokowi" under "Joko
    Widodo", or an old link to a merged-away entity."""
    if not has_aliases(conn):
        return []
    rows = conn.execute(
        "SELECT e.id, e.name, e.type, a.name FROM entity_aliases a JOIN entities e"
        " ON e.id = a.entity_id WHERE a.name = ? COLLATE NOCASE ORDER BY a.articles DESC, e.id",
        (" ".join(name.split()),),
    )
    return [{"id": i, "name": n, "type": t, "alias": a} for i, n, t, a in rows]
