"""The HTTP API: JSON (and CSV for every list), read-only, documented in OpenAPI at
``/openapi.json`` and readable at ``/api``.

Lists answer ``{"ok": true, ..., "total": N, "limit": L, "offset": O, "count": n, "items": [...]}``:
``total`` rows in all, ``n`` of them here from ``offset`` (also in the ``X-Total-Count`` header).
``limit`` is 1 to :data:`~warta.web.params.MAX_PAGE`, or 0 for every row, streamed from a
connection of its own; a CSV without a ``limit`` is every row. A value out of range is a 400, and
so is a parameter the endpoint does not take (:func:`~warta.web.params.known_params_only`).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from warta.store import explore, records
from warta.store import search as store_search
from warta.store.diffs import article_diff, member_diff_counts
from warta.store.errors import BadFilter, RecordNotFound
from warta.store.search import Filters, check_day
from warta.web.database import Database
from warta.web.export import list_response
from warta.web.params import (
    SQLITE_MAX,
    SQLITE_MIN,
    ArticleId,
    AttributionParam,
    EntityId,
    FormatParam,
    Page,
    filters_dependency,
    known_params_only,
    paging,
)

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(known_params_only)])
FiltersDep = Annotated[Filters, Depends(filters_dependency)]
Rows = Callable[[sqlite3.Connection], Iterable[dict[str, Any]]]


def get_db(request: Request) -> Database:
    """The app's database."""
    db: Database = request.app.state.db
    return db


DbDep = Annotated[Database, Depends(get_db)]


def _paged(
    db: Database,
    produce: Rows,
    total: Callable[[sqlite3.Connection], int],
    fmt: str,
    name: str,
    page: Page,
    meta: dict[str, Any] | None = None,
) -> Response:
    """A page of a list in one body from this thread's connection, with the list's ``total``;
    a whole list (an export) streamed from a connection of its own."""
    conn = db.conn()
    head = {**(meta or {}), **page.meta(total(conn))}
    if not page.whole:
        rows = list(produce(conn))
        return list_response(rows, fmt, name=name, meta={**head, "count": len(rows)})  # type: ignore[arg-type]
    return list_response(db.stream(lambda c: iter(produce(c))), fmt, name=name, meta=head, stream=True)  # type: ignore[arg-type]


def _sliced(rows: list[dict[str, Any]], fmt: str, name: str, page: Page, meta: dict[str, Any] | None = None) -> Response:
    """A page of a list already in memory (short by nature: a cluster, a story), with its total."""
    end = None if page.limit is None else page.offset + page.limit
    shown = rows[page.offset : end]
    return list_response(
        shown, fmt, name=name, meta={**(meta or {}), **page.meta(len(rows)), "count": len(shown)}  # type: ignore[arg-type]
    )


def _window(rows: Iterator[dict[str, Any]], page: Page) -> Iterator[dict[str, Any]]:
    """The page's rows of an iterator read from its start."""
    return islice(rows, page.offset, None if page.limit is None else page.offset + page.limit)


@router.get("/search", summary="Search articles")
def search(
    db: DbDep,
    f: FiltersDep,
    page: Annotated[Page, Depends(paging(20))],
    sort: Annotated[Literal["date", "relevance"], Query()] = "date",
    format: FormatParam = "json",
) -> Response:
    """Articles matching the search and filters (outlet, start/end day, language, entity, story),
    newest first or by relevance. Copies at other outlets are included (``duplicate_kind`` says
    so); exact duplicates are not."""
    return _paged(
        db, lambda c: store_search.search(c, f, sort=sort, limit=page.limit, offset=page.offset),
        # the total, counted once per filter set until the store changes (paging re-asks it)
        lambda c: db.memo(("count", f), lambda: store_search.count(c, f)), format, "search", page, {"sort": sort},
    )


@router.get("/counts", summary="Attention over time")
def counts(
    db: DbDep,
    f: FiltersDep,
    interval: Annotated[Literal["day", "week", "month"], Query()] = "day",
    format: FormatParam = "json",
) -> Response:
    """Per day, week (from Monday) or month: matching articles (``count``), all articles in the
    same filters (``total``) and the ``share``."""
    conn = db.conn()
    everything = f.without_match()
    # The base series is the same for every query with these filters: computed once.
    base = db.memo(("periods", everything, interval), lambda: store_search.period_counts(conn, everything, interval))
    rows = store_search.share_series(base, store_search.period_counts(conn, f, interval) if f.match else base)
    return list_response(rows, format, name=f"counts-{interval}", meta={"interval": interval, "count": len(rows)})


@router.get("/totals", summary="Total attention")
def totals(db: DbDep, f: FiltersDep) -> dict[str, Any]:
    """Matching articles, all articles in the same filters, and the share."""
    conn = db.conn()
    everything = f.without_match()
    total = db.memo(("count", everything), lambda: store_search.count(conn, everything))
    matched = store_search.count(conn, f) if f.match else total
    return {"ok": True, **store_search.share_of(matched, total)}


@router.get("/sample", summary="A random sample of articles")
def sample(
    db: DbDep,
    f: FiltersDep,
    n: Annotated[int, Query(ge=1, le=1000)] = 10,
    seed: Annotated[int | None, Query(description="the same seed gives the same sample")] = None,
    format: FormatParam = "json",
) -> Response:
    """Up to ``n`` matching articles drawn at random, out of ``of`` matching articles."""
    conn = db.conn()
    rows = explore.sample(conn, f, n=n, seed=seed)
    return list_response(
        rows, format, name="sample", meta={"count": len(rows), "seed": seed, "of": store_search.count(conn, f)}
    )


@router.get("/top/outlets", summary="Top outlets")
def top_outlets(
    db: DbDep, f: FiltersDep, page: Annotated[Page, Depends(paging(10))], format: FormatParam = "json"
) -> Response:
    """Outlets with the most matching articles, with the share of the matches and of the
    outlet's own articles in the same filters; ``total``: outlets with a match."""
    return _paged(
        db, lambda c: explore.top_outlets(c, f, limit=page.limit, offset=page.offset),
        lambda c: explore.count_outlets_of(c, f), format, "top-outlets", page,
    )


@router.get("/top/entities", summary="Top entities")
def top_entities(
    db: DbDep,
    f: FiltersDep,
    page: Annotated[Page, Depends(paging(10))],
    type: Annotated[Literal["PERSON", "ORGANIZATION", "PLACE"] | None, Query()] = None,
    format: FormatParam = "json",
) -> Response:
    """Entities named in the most matching articles; ``total``: entities named in any."""
    return _paged(
        db, lambda c: explore.top_entities(c, f, limit=page.limit, offset=page.offset, type=type),
        lambda c: explore.count_entities_of(c, f, type=type), format, "top-entities", page,
    )


@router.get("/top/words", summary="Top words")
def top_words(
    db: DbDep,
    f: FiltersDep,
    page: Annotated[Page, Depends(paging(20))],
    sample_size: Annotated[int, Query(ge=1, le=5000)] = 1000,
    format: FormatParam = "json",
) -> Response:
    """The commonest words (stopwords left out) in the titles and leads of the newest
    ``sample_size`` matching articles; ``total``: the different words there."""
    found = explore.top_words(db.conn(), f, limit=page.limit, sample_size=sample_size, offset=page.offset)
    meta = {"sample": found["sample"], **page.meta(found["total"]), "count": len(found["words"])}
    return list_response(found["words"], format, name="top-words", meta=meta)


@router.get("/latest", summary="Latest articles")
def latest(db: DbDep, f: FiltersDep, page: Annotated[Page, Depends(paging(20))], format: FormatParam = "json") -> Response:
    """The newest articles (copies and duplicates folded into their original)."""
    return _paged(
        db, lambda c: explore.latest(c, f, limit=page.limit, offset=page.offset),
        lambda c: explore.count_latest(c, f), format, "latest", page,
    )


@router.get("/stories", summary="Stories by outlet count")
def stories(
    db: DbDep,
    page: Annotated[Page, Depends(paging(20))],
    start: Annotated[str | None, Query(max_length=40)] = None,
    end: Annotated[str | None, Query(max_length=40)] = None,
    min_outlets: Annotated[int, Query(ge=1)] = 1,
    format: FormatParam = "json",
) -> Response:
    """Stories first seen between ``start`` and ``end`` (days), ranked by how many outlets ran
    them, then by articles."""
    s, e = check_day(start, "start"), check_day(end, "end")
    if s and e and s > e:
        raise BadFilter(f"start ({s}) is after end ({e})")

    def rows(c: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        # records.stories has no offset: read from the start and skip (stories are few).
        upto = None if page.limit is None else page.offset + page.limit
        return _window(records.stories(c, start=s, end=e, min_outlets=min_outlets, limit=upto), page)

    def total(c: sqlite3.Connection) -> int:
        return sum(1 for _ in records.stories(c, start=s, end=e, min_outlets=min_outlets, limit=None))

    return _paged(db, rows, total, format, "stories", page, {"start": s, "end": e})


@router.get("/stories/{story_id}", summary="One story")
def story(db: DbDep, story_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """A story with its articles in time order and its outlets."""
    return {"ok": True, **records.story(db.conn(), story_id)}


@router.get("/stories/{story_id}/articles", summary="A story's articles")
def story_articles(
    db: DbDep,
    story_id: Annotated[str, Path(max_length=200)],
    page: Annotated[Page, Depends(paging(None))],
    format: FormatParam = "json",
) -> Response:
    """A story's articles in time order (all of them unless ``limit`` asks for a page)."""
    rows = records.story(db.conn(), story_id)["members"]
    return _sliced(rows, format, "story-articles", page, {"story": story_id})


@router.get("/articles/{article_id}", summary="One article")
def article(db: DbDep, article_id: ArticleId) -> dict[str, Any]:
    """Clean text and paragraphs, metadata, quotes, entities, related articles ("Baca Juga"),
    and its copy cluster: copies at other outlets and the likely original."""
    conn = db.conn()
    row = records.article(conn, article_id)
    row.pop("title_index", None)
    row["related"] = records.related(conn, article_id)
    row["cluster"] = _cluster(conn, row["cluster_id"])
    return {"ok": True, **row}


def _cluster(conn: sqlite3.Connection, cluster_id: str | None) -> dict[str, Any] | None:
    """A copy cluster with its ``scope`` (:func:`explore.cluster_scope`: one outlet or several)
    and each member's ``diff``: sentences added, dropped and changed against the cluster's head
    (:func:`warta.store.diffs.member_diff_counts`; None for the head)."""
    found = records.cluster(conn, cluster_id) if cluster_id else None
    if found:
        found["scope"] = explore.cluster_scope(found)
        member_diff_counts(conn, found["head_id"], found["members"])
    return found


def other_id_path(other_id: Annotated[int, Path(description="The other article's id")]) -> int:
    """The second article id of a diff's path; out of SQLite's range → 404."""
    if not SQLITE_MIN <= other_id <= SQLITE_MAX:
        raise RecordNotFound(f"no article {other_id}")
    return other_id


OtherId = Annotated[int, Depends(other_id_path)]


@router.get("/articles/{article_id}/diff/{other_id}", summary="What one article changed of another")
def article_diff_api(db: DbDep, article_id: ArticleId, other_id: OtherId) -> dict[str, Any]:
    """How two articles differ, sentence by sentence, in one direction whichever order the URL
    gives: ``before`` is the cluster's original and ``after`` its copy (``basis: original``),
    or, when neither is the original, the earlier and the later (``basis: earlier``); each has
    its ``role``. ``counts`` (``same``, ``holes``, ``added``, ``dropped``, ``changed``, and each
    text's sentences ``before`` and ``after``), the ``added`` and ``dropped`` sentences, the
    ``changed`` ones paired with a word diff (``words``: runs of ``same``, ``del``, ``ins``,
    ``hole``, ``filled``), and ``holes``: sentences that differ only by link text a scraper lost
    (a ``hole`` run is a gap in ``after``, its ``text`` what ``before`` prints there; ``filled``
    is words ``after`` prints where ``before`` has a gap): the same sentence, not a change.
    Sentences are compared with case, whitespace and quote marks normalised; a moved sentence
    is not a change. ``same_cluster`` says whether they are copies."""
    return {"ok": True, **article_diff(db.conn(), article_id, other_id)}


@router.get("/articles/{article_id}/related", summary="Related articles")
def article_related(db: DbDep, article_id: ArticleId, limit: Annotated[int, Query(ge=1, le=50)] = 5, format: FormatParam = "json") -> Response:
    """"Baca Juga": the articles whose words best match this one's title."""
    rows = records.related(db.conn(), article_id, limit=limit)
    return list_response(rows, format, name="related", meta={"count": len(rows)})


@router.get("/articles/{article_id}/copies", summary="An article's copies")
def article_copies(
    db: DbDep, article_id: ArticleId, page: Annotated[Page, Depends(paging(None))], format: FormatParam = "json"
) -> Response:
    """The members of the article's copy or duplicate cluster, the likely original first;
    ``cluster.scope`` says whether they are at one outlet (``same_outlet``: other versions,
    not copies elsewhere), each at its own (``other_outlets``) or ``mixed``."""
    conn = db.conn()
    row = records.article(conn, article_id)
    found = _cluster(conn, row["cluster_id"])
    members = found.pop("members") if found else []
    return _sliced(members, format, "copies", page, {"cluster": found})


@router.get("/entities", summary="Find entities by name")
def entities(
    db: DbDep,
    name: Annotated[str, Query(min_length=1, max_length=200)],
    page: Annotated[Page, Depends(paging(20))],
    format: FormatParam = "json",
) -> Response:
    """Entities by name, any case: exact matches first, then names that start with it, then
    names with a word that starts with it (``Putin`` finds "Vladimir Putin"); ``match`` says
    which."""
    rows = records.find_entity(db.conn(), name, limit=-1)  # SQLite: LIMIT -1 is no limit
    return _sliced(rows, format, "entities", page)


QUOTES_SHOWN = 50
"""Quotes ``/api/entities/{id}`` carries (with ``quotes_total``); the quote lists page the rest."""


@router.get("/entities/{entity_id}", summary="One entity")
def entity(db: DbDep, entity_id: EntityId, attribution: AttributionParam = []) -> dict[str, Any]:  # noqa: B006 - read only
    """An entity: articles naming it, its first quotes (as speaker, found as ``attribution``
    says; ``quotes_total`` in all, every one at ``/api/entities/{id}/quotes``, and
    ``quotes_by_attribution``: how many of all its quotes were found each way) and the entities
    named with it most (``cooccurring_total`` in all, every one at
    ``/api/entities/{id}/named-with``)."""
    conn = db.conn()
    how = explore.attribution_list(attribution)
    row = records.entity(conn, entity_id)
    f = Filters(entity=entity_id)
    row["quotes"] = list(explore.entity_quotes(conn, f, limit=QUOTES_SHOWN, attributions=how))
    row["quotes_total"] = explore.count_entity_quotes(conn, f, attributions=how)
    row["quotes_by_attribution"] = explore.count_quotes_by_attribution(conn, f)
    row["cooccurring_total"] = explore.count_named_with(conn, entity_id)
    return {"ok": True, **row}


def _quotes(db: DbDep, f: Filters, page: Page, fmt: str, attribution: list[str]) -> Response:
    how = explore.attribution_list(attribution)
    explore.attribution_where(db.conn(), how)  # an older store refuses the filter: 400
    return _paged(
        db, lambda c: explore.entity_quotes(c, f, limit=page.limit, offset=page.offset, attributions=how),
        lambda c: explore.count_entity_quotes(c, f, attributions=how), fmt, "quotes", page,
        {"speakers": list(f.entity_ids), "attribution": list(how)},
    )


@router.get("/entities/{entity_id}/quotes", summary="An entity's quotes")
def entity_quotes(
    db: DbDep,
    entity_id: EntityId,
    f: FiltersDep,
    page: Annotated[Page, Depends(paging(QUOTES_SHOWN))],
    attribution: AttributionParam = [],  # noqa: B006 - read only
    format: FormatParam = "json",
) -> Response:
    """What the entity said: quotes whose speaker has its name (any case), newest first, in the
    articles the filters select (``q``, ``outlet``, ``start``, ``end``, ``language``, ``story``);
    ``attribution=named`` keeps the quotes whose cue names the speaker (the surest; several
    values: any of them; each quote's ``attribution`` says how its speaker was found).
    Here ``entity`` adds speakers: the quotes of any of them (an entity's other name forms)."""
    explore.entity_brief(db.conn(), entity_id)  # 404 for an unknown id
    return _quotes(db, dataclasses.replace(f, entity=entity_id), page, format, attribution)


@router.get("/quotes", summary="Quotes by speaker")
def quotes(
    db: DbDep,
    f: FiltersDep,
    page: Annotated[Page, Depends(paging(QUOTES_SHOWN))],
    attribution: AttributionParam = [],  # noqa: B006 - read only
    format: FormatParam = "json",
) -> Response:
    """Quotes whose speaker has the name of any ``entity`` given (repeat it: ``entity=452&entity=1011``
    lists a person's quotes under both name forms), newest first, in the articles the other
    filters select, found as ``attribution`` says (default: any way). Without an ``entity`` the
    list is empty."""
    return _quotes(db, f, page, format, attribution)


@router.get("/entities/{entity_id}/named-with", summary="Entities named with an entity")
def entity_named_with(
    db: DbDep, entity_id: EntityId, page: Annotated[Page, Depends(paging(15))], format: FormatParam = "json"
) -> Response:
    """The entities named in the same articles, most shared articles first."""
    explore.entity_brief(db.conn(), entity_id)  # 404 for an unknown id
    return _paged(
        db, lambda c: explore.named_with(c, entity_id, limit=page.limit, offset=page.offset),
        lambda c: explore.count_named_with(c, entity_id), format, "named-with", page,
    )


@router.get("/outlets", summary="Outlets")
def outlets(db: DbDep, page: Annotated[Page, Depends(paging(None))], format: FormatParam = "json") -> Response:
    """Every outlet with its article count, biggest first (all of them unless ``limit`` asks
    for a page)."""
    return _paged(
        db, lambda c: explore.outlets(c, limit=page.limit, offset=page.offset),
        explore.count_outlets, format, "outlets", page,
    )


@router.get("/outlets/{domain}", summary="One outlet")
def outlet(db: DbDep, domain: Annotated[str, Path(max_length=253)]) -> dict[str, Any]:
    """An outlet: article counts, languages, and who copied whom (the outlets it re-ran stories
    from, and those that re-ran its stories; clusters whose members share a source are left
    out of both and counted in ``shared_sources``)."""
    conn = db.conn()
    return {"ok": True, **db.memo(("outlet", domain), lambda: records.outlet(conn, domain))}


@router.get("/languages", summary="Languages")
def languages(db: DbDep, format: FormatParam = "json") -> Response:
    """Languages with their article counts."""
    rows = explore.languages(db.conn())
    return list_response(rows, format, name="languages", meta={"count": len(rows)})
