"""What ``warta export`` reads from a store: its articles, quotes, entities, stories or rejects
as flat rows, streamed (a cursor at a time, never the whole store in memory), selected by the
explorer's filters (:class:`warta.store.search.Filters`, so a search means what the search box
means) and by article status.

Articles are the rows ``warta run --out`` writes (:func:`warta.store.queries.export_rows`: the
stored Article record plus the store's status, duplicate, cluster and story fields). Quotes,
entities and stories are one row each, with the columns of :data:`COLUMNS`.

A store from before a migration is read as it is (opened read-only, never migrated): what it
lacks is null (a quote's ``attribution`` before migration 7) or empty (an entity's ``aliases``
before migration 6).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from warta.article import Quote
from warta.instants import published_key_sql
from warta.store.aliases import entity_aliases, entity_by_alias, names_of
from warta.store.errors import BadFilter
from warta.store.explore import attribution_column, attribution_where
from warta.store.queries import export_rejects, export_rows
from warta.store.readonly import iter_rows
from warta.store.search import Filters, from_where

What = Literal["articles", "quotes", "entities", "stories", "rejects"]
WHATS: tuple[What, ...] = ("articles", "quotes", "entities", "stories", "rejects")

Status = Literal["counted", "article", "duplicate", "all"]
STATUSES: tuple[Status, ...] = ("counted", "article", "duplicate", "all")
"""Which stored articles a selection reads: ``counted`` (originals, singletons and copies at
other outlets, not exact duplicates: what the explorer counts), ``article`` (``status =
'article'``: each text once), ``duplicate`` (copies and exact duplicates) or ``all``."""

DEFAULT_STATUS: dict[What, Status] = {
    "articles": "all",  # every record the store holds, as `warta run --out` writes them
    "quotes": "counted",  # the explorer's counts: a quote in an exact duplicate is not twice
    "entities": "counted",
    "stories": "counted",
    "rejects": "all",
}

COLUMNS: dict[What, tuple[str, ...]] = {
    "articles": (
        "id", "key", "input", "url", "outlet", "title", "text", "paragraphs", "language",
        "language_score", "published", "published_origin", "fetched", "day", "dateline",
        "credit", "credit_outlet", "authors", "site_name", "word_count", "text_hash", "quality",
        "quality_flags", "status", "duplicate_kind", "duplicate_of", "cluster_id", "story_id",
        "quotes", "entities", "warnings",
    ),
    "quotes": (
        "quote_id", "article_id", "store_id", "url", "outlet", "title", "published", "day",
        "language", "status", "duplicate_kind", "speaker", "attribution", "cue", "kind", "text",
        "start", "end",
    ),
    "entities": ("entity_id", "name", "type", "articles", "mentions", "aliases"),
    "stories": (
        "story_id", "title", "first_seen", "last_seen", "articles", "outlets", "keywords",
        "members", "member_outlets",
    ),
    "rejects": ("key", "id", "input", "url", "reason", "detail", "size"),
}
"""The columns of each export, in order (the CSV header; the Parquet schemas' fields)."""

_QUOTE_DEFAULTS = {
    f.name: (None if f.default is msgspec.NODEFAULT else f.default)
    for f in msgspec.structs.fields(Quote)
}


@dataclass(frozen=True)
class Selection:
    """Which articles an export reads: the explorer's filters and a :data:`Status`. For quotes,
    the filters' entities are speakers (as the explorer's quote lists read them), and
    ``attributions`` (:func:`warta.store.explore.attribution_list`; empty: any) say how their
    speaker must have been found."""

    filters: Filters = Filters()
    status: Status = "counted"
    attributions: tuple[str, ...] = ()

    @property
    def narrowed(self) -> bool:
        """Whether anything but the status narrows the articles."""
        return dataclasses.replace(self.filters, include_duplicates=False) != Filters()


def resolve_entities(conn: sqlite3.Connection, values: Sequence[str]) -> list[dict[str, Any]]:
    """The entities named by ``values``: an id, or a name (any case) an entity has or that was
    merged into one (an alias form: "Jokowi" finds "Joko Widodo"). Every entity of that name is
    kept (the same name as a PERSON and an ORGANIZATION). Rows of ``id``, ``name``, ``type``.

    Raises:
        BadFilter: a value names no entity.
    """
    found: dict[int, dict[str, Any]] = {}
    for value in values:
        name = " ".join(value.split())
        rows: list[dict[str, Any]] = []
        if name.isdigit():
            rows = list(iter_rows(conn, "SELECT id, name, type FROM entities WHERE id = ?", (int(name),)))
        if not rows:
            rows = list(iter_rows(
                conn,
                "SELECT id, name, type FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id",
                (name,),
            ))
            rows += [{k: r[k] for k in ("id", "name", "type")} for r in entity_by_alias(conn, name)]
        if not rows:
            raise BadFilter(f"no entity is named {value[:80]!r} (nor has that id)")
        for r in rows:
            found.setdefault(int(r["id"]), r)
    return list(found.values())


def _articles_sql(conn: sqlite3.Connection, sel: Selection) -> tuple[str, list[Any]] | None:
    """``SELECT a.id FROM … WHERE …`` for the selected articles (the explorer's
    :func:`~warta.store.search.from_where` plus the status), or None for every article."""
    if sel.status not in STATUSES:
        raise BadFilter(f"status must be one of {', '.join(STATUSES)}, not {str(sel.status)[:20]!r}")
    if sel.status == "all" and not sel.narrowed:
        return None
    f = dataclasses.replace(sel.filters, include_duplicates=sel.status != "counted")
    src, params = from_where(f, conn)
    if sel.status in ("article", "duplicate"):
        src += " AND a.status = ?"
        params.append(sel.status)
    return f"SELECT a.id {src}", params


def article_rows(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    """The selected articles as ``warta run --out`` writes them, ordered by input key. Quotes
    stored before a field existed get it as null, so every row has the same shape."""
    found = _articles_sql(conn, sel)
    where, params = ("1", []) if found is None else (f"a.id IN ({found[0]})", found[1])
    for row in export_rows(conn, where, params):
        row["quotes"] = [{**_QUOTE_DEFAULTS, **q} for q in row["quotes"]]
        yield row


def quote_rows(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    """One row a quote of the selected articles, ordered by article key and position. With
    entities in the filters, only the quotes whose speaker has one of their names (or a form
    merged into them; any case), in the articles the other filters select, as the explorer's
    quote lists: the filters' entities are the speakers, not entities the article names. With
    ``attributions``, only the quotes whose speaker was found one of those ways (a quote
    without a speaker has none).

    Raises:
        BadFilter: ``attributions`` asked of a store from before migration 7.
    """
    how, how_params = attribution_where(conn, sel.attributions)
    speakers = names_of(conn, sel.filters.entity_ids)
    others = dataclasses.replace(sel, filters=dataclasses.replace(sel.filters, entity=None, entities=()))
    found = _articles_sql(conn, others)
    where, params = ["1"], []
    if found is not None:
        where.append(f"a.id IN ({found[0]})")
        params += found[1]
    if sel.filters.entity_ids:
        where.append(f"q.speaker COLLATE NOCASE IN ({','.join('?' * len(speakers)) or 'NULL'})")
        params += speakers
    sql = (
        "SELECT q.id AS quote_id, a.record_id AS article_id, a.id AS store_id, a.url,"
        " o.domain AS outlet, a.title, a.published, a.day, a.language, a.status, a.duplicate_kind,"
        f" q.speaker, {attribution_column(conn)}, q.cue, q.kind, q.text, q.start, q.\"end\""
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN outlets o ON o.id = a.outlet_id"
        f" WHERE {' AND '.join(where)}{how} ORDER BY a.key, q.start, q.id"
    )
    yield from iter_rows(conn, sql, [*params, *how_params])


def entity_rows(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    """One row an entity the selected articles name: in how many of them, with how many
    mentions, and the other forms merged into it (:func:`~warta.store.aliases.entity_aliases`),
    most articles first (the explorer's top entities, whole)."""
    found = _articles_sql(conn, sel)
    where, params = ("", []) if found is None else (f" WHERE ae.article_id IN ({found[0]})", found[1])
    sql = (
        "SELECT e.id AS entity_id, e.name, e.type, count(*) AS articles,"
        " sum(ae.mentions) AS mentions FROM article_entities ae JOIN entities e"
        f" ON e.id = ae.entity_id{where} GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name, e.id"
    )
    for row in iter_rows(conn, sql, params):
        row["aliases"] = [a["name"] for a in entity_aliases(conn, row["entity_id"])]
        yield row


_FIRST_SEEN = published_key_sql("s.first_seen")
_PUBLISHED = published_key_sql("a.published")


def story_rows(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    """One row a story with a selected article among its members, first seen first. A row is
    the story as stored, whole: its counts and every member (record ids in time order, and
    their outlets, each once), not only the selected ones."""
    found = _articles_sql(conn, sel)
    where, params = ("", []) if found is None else (
        f" WHERE s.id IN (SELECT m.story_id FROM story_members m WHERE m.article_id IN ({found[0]}))",
        found[1],
    )
    sql = (
        "SELECT s.id AS story_id, s.title, s.first_seen, s.last_seen, s.articles, s.outlets,"
        f" s.keywords FROM stories s{where} ORDER BY {_FIRST_SEEN} IS NULL, {_FIRST_SEEN}, s.id"
    )
    members_sql = (
        "SELECT a.record_id, o.domain FROM story_members m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.story_id = ?"
        f" ORDER BY {_PUBLISHED} IS NULL, {_PUBLISHED}, a.id"
    )
    for row in iter_rows(conn, sql, params):
        row["keywords"] = msgspec.json.decode(row["keywords"] or "[]")
        members = conn.execute(members_sql, (row["story_id"],)).fetchall()
        row["members"] = [m[0] for m in members]
        row["member_outlets"] = list(dict.fromkeys(m[1] for m in members if m[1]))
        yield row


def reject_rows(conn: sqlite3.Connection, sel: Selection) -> Iterator[dict[str, Any]]:
    """Every reject, ordered by key (as ``warta run --out`` writes them). Rejects have no
    outlet, day, text or status to select by.

    Raises:
        BadFilter: the selection narrows anything.
    """
    if sel.narrowed or sel.status != "all":
        raise BadFilter("rejects cannot be filtered (they have no text, outlet, day or status)")
    return export_rejects(conn)


_ROWS = {
    "articles": article_rows,
    "quotes": quote_rows,
    "entities": entity_rows,
    "stories": story_rows,
    "rejects": reject_rows,
}


def export_table(conn: sqlite3.Connection, what: What, sel: Selection) -> Iterator[dict[str, Any]]:
    """The rows of one export (see :data:`COLUMNS`), read lazily.

    Raises:
        BadFilter: an unknown ``what`` or status, filters on rejects, or attributions asked of
            anything but quotes.
    """
    if what not in _ROWS:
        raise BadFilter(f"what must be one of {', '.join(WHATS)}, not {str(what)[:20]!r}")
    if sel.attributions and what != "quotes":
        raise BadFilter(f"attribution selects quotes only (how their speaker was found), not {what}")
    attribution_where(conn, sel.attributions)  # an older store refuses it now, before any file is written
    return _ROWS[what](conn, sel)
