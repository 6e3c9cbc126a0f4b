"""The HTTP API: JSON (and CSV for every list), read-only, documented in OpenAPI at
``/openapi.json`` and readable at ``/api``.

Lists answer ``{"ok": true, ..., "items": [...]}``; with ``limit=0`` (all rows) or over
:data:`~warta.web.params.MAX_PAGE` rows they are streamed from a connection of their own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from warta.store import explore, records
from warta.store import search as store_search
from warta.store.search import Filters, check_day
from warta.web.database import Database
from warta.web.export import list_response
from warta.web.params import (
    MAX_PAGE,
    ArticleId,
    EntityId,
    FormatParam,
    LimitParam,
    filters_dependency,
)

router = APIRouter(prefix="/api", tags=["api"])
FiltersDep = Annotated[Filters, Depends(filters_dependency)]
Rows = Callable[[sqlite3.Connection], Iterator[dict[str, Any]]]


def get_db(request: Request) -> Database:
    """The app's database."""
    db: Database = request.app.state.db
    return db


DbDep = Annotated[Database, Depends(get_db)]


def _list(db: Database, produce: Rows, fmt: str, name: str, limit: int | None, meta: dict[str, Any]) -> Response:
    """Small lists in one body from this thread's connection; large or unlimited ones streamed."""
    if limit is not None and limit <= MAX_PAGE:
        rows = list(produce(db.conn()))
        return list_response(rows, fmt, name=name, meta={**meta, "count": len(rows)})  # type: ignore[arg-type]
    return list_response(db.stream(produce), fmt, name=name, meta=meta, stream=True)  # type: ignore[arg-type]


def _limit(limit: int) -> int | None:
    return None if limit == 0 else limit


@router.get("/search", summary="Search articles")
def search(
    db: DbDep,
    f: FiltersDep,
    sort: Annotated[Literal["date", "relevance"], Query()] = "date",
    limit: LimitParam = 20,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    format: FormatParam = "json",
) -> Response:
    """Articles matching the search and filters (outlet, start/end day, language, entity, story),
    newest first or by relevance. Copies at other outlets are included (``duplicate_kind`` says
    so); exact duplicates are not."""
    lim = _limit(limit)
    return _list(
        db, lambda c: store_search.search(c, f, sort=sort, limit=lim, offset=offset), format, "search",
        lim, {"sort": sort, "offset": offset},
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
    """Up to ``n`` matching articles drawn at random."""
    rows = explore.sample(db.conn(), f, n=n, seed=seed)
    return list_response(rows, format, name="sample", meta={"count": len(rows), "seed": seed})


@router.get("/top/outlets", summary="Top outlets")
def top_outlets(db: DbDep, f: FiltersDep, limit: LimitParam = 10, format: FormatParam = "json") -> Response:
    """Outlets with the most matching articles, with the share of the matches and of the
    outlet's own articles in the same filters."""
    rows = explore.top_outlets(db.conn(), f, limit=_limit(limit))
    return list_response(rows, format, name="top-outlets", meta={"count": len(rows)})


@router.get("/top/entities", summary="Top entities")
def top_entities(
    db: DbDep,
    f: FiltersDep,
    type: Annotated[Literal["PERSON", "ORGANIZATION", "PLACE"] | None, Query()] = None,
    limit: LimitParam = 10,
    format: FormatParam = "json",
) -> Response:
    """Entities named in the most matching articles."""
    rows = explore.top_entities(db.conn(), f, limit=_limit(limit), type=type)
    return list_response(rows, format, name="top-entities", meta={"count": len(rows)})


@router.get("/top/words", summary="Top words")
def top_words(
    db: DbDep,
    f: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    sample_size: Annotated[int, Query(ge=1, le=5000)] = 1000,
    format: FormatParam = "json",
) -> Response:
    """The commonest words (stopwords left out) in the titles and leads of the newest
    ``sample_size`` matching articles."""
    found = explore.top_words(db.conn(), f, limit=limit, sample_size=sample_size)
    return list_response(found["words"], format, name="top-words", meta={"sample": found["sample"]})


@router.get("/latest", summary="Latest articles")
def latest(db: DbDep, f: FiltersDep, limit: LimitParam = 20, format: FormatParam = "json") -> Response:
    """The newest articles (copies and duplicates folded into their original)."""
    lim = _limit(limit)
    return _list(db, lambda c: explore.latest(c, f, limit=lim), format, "latest", lim, {})


@router.get("/stories", summary="Stories by outlet count")
def stories(
    db: DbDep,
    start: Annotated[str | None, Query(max_length=40)] = None,
    end: Annotated[str | None, Query(max_length=40)] = None,
    min_outlets: Annotated[int, Query(ge=1)] = 1,
    limit: LimitParam = 20,
    format: FormatParam = "json",
) -> Response:
    """Stories first seen between ``start`` and ``end`` (days), ranked by how many outlets ran
    them, then by articles."""
    s, e = check_day(start, "start"), check_day(end, "end")
    lim = _limit(limit)
    return _list(
        db, lambda c: records.stories(c, start=s, end=e, min_outlets=min_outlets, limit=lim),
        format, "stories", lim, {"start": s, "end": e},
    )


@router.get("/stories/{story_id}", summary="One story")
def story(db: DbDep, story_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """A story with its articles in time order and its outlets."""
    return {"ok": True, **records.story(db.conn(), story_id)}


@router.get("/stories/{story_id}/articles", summary="A story's articles")
def story_articles(db: DbDep, story_id: Annotated[str, Path(max_length=200)], format: FormatParam = "json") -> Response:
    """A story's articles in time order."""
    rows = records.story(db.conn(), story_id)["members"]
    return list_response(rows, format, name="story-articles", meta={"story": story_id, "count": len(rows)})


@router.get("/articles/{article_id}", summary="One article")
def article(db: DbDep, article_id: ArticleId) -> dict[str, Any]:
    """Clean text and paragraphs, metadata, quotes, entities, related articles ("Baca Juga"),
    and its copy cluster: copies at other outlets and the likely original."""
    conn = db.conn()
    row = records.article(conn, article_id)
    row.pop("title_index", None)
    row["related"] = records.related(conn, article_id)
    row["cluster"] = records.cluster(conn, row["cluster_id"]) if row["cluster_id"] else None
    return {"ok": True, **row}


@router.get("/articles/{article_id}/related", summary="Related articles")
def article_related(db: DbDep, article_id: ArticleId, limit: Annotated[int, Query(ge=1, le=50)] = 5, format: FormatParam = "json") -> Response:
    """"Baca Juga": the articles whose words best match this one's title."""
    rows = records.related(db.conn(), article_id, limit=limit)
    return list_response(rows, format, name="related", meta={"count": len(rows)})


@router.get("/articles/{article_id}/copies", summary="An article's copies")
def article_copies(db: DbDep, article_id: ArticleId, format: FormatParam = "json") -> Response:
    """The members of the article's copy or duplicate cluster, the likely original first."""
    conn = db.conn()
    row = records.article(conn, article_id)
    found = records.cluster(conn, row["cluster_id"]) if row["cluster_id"] else None
    members = found.pop("members") if found else []
    return list_response(members, format, name="copies", meta={"cluster": found, "count": len(members)})


@router.get("/entities", summary="Find entities by name")
def entities(db: DbDep, name: Annotated[str, Query(min_length=1, max_length=200)], format: FormatParam = "json") -> Response:
    """Entities by name, any case: exact matches first, then names that start with it, then
    names with a word that starts with it (``Putin`` finds "Vladimir Putin"); ``match`` says
    which."""
    rows = records.find_entity(db.conn(), name)
    return list_response(rows, format, name="entities", meta={"count": len(rows)})


@router.get("/entities/{entity_id}", summary="One entity")
def entity(db: DbDep, entity_id: EntityId) -> dict[str, Any]:
    """An entity: articles naming it, its quotes (as speaker) and the entities named with it."""
    return {"ok": True, **records.entity(db.conn(), entity_id)}


@router.get("/entities/{entity_id}/quotes", summary="An entity's quotes")
def entity_quotes(db: DbDep, entity_id: EntityId, format: FormatParam = "json") -> Response:
    """What the entity said: quotes whose speaker has its name."""
    rows = records.entity(db.conn(), entity_id)["quotes"]
    return list_response(rows, format, name="quotes", meta={"count": len(rows)})


@router.get("/outlets", summary="Outlets")
def outlets(db: DbDep, limit: LimitParam = 0, format: FormatParam = "json") -> Response:
    """Every outlet with its article count, biggest first."""
    lim = _limit(limit)
    return _list(db, lambda c: explore.outlets(c, limit=lim), format, "outlets", lim, {})


@router.get("/outlets/{domain}", summary="One outlet")
def outlet(db: DbDep, domain: Annotated[str, Path(max_length=253)]) -> dict[str, Any]:
    """An outlet: article counts, languages, and who copied whom (the outlets it re-ran stories
    from, and those that re-ran its stories)."""
    return {"ok": True, **records.outlet(db.conn(), domain)}


@router.get("/languages", summary="Languages")
def languages(db: DbDep, format: FormatParam = "json") -> Response:
    """Languages with their article counts."""
    rows = explore.languages(db.conn())
    return list_response(rows, format, name="languages", meta={"count": len(rows)})
