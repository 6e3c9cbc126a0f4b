"""Query parameters shared by the API and the pages, turned into :class:`Filters`."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Path, Query

from warta.store.errors import RecordNotFound
from warta.store.search import Filters, check_day
from warta.store.syntax import parse_query

Fmt = Literal["json", "csv"]
SQLITE_MIN, SQLITE_MAX = -(2**63), 2**63 - 1
"""The range of an SQLite INTEGER: a larger Python int cannot even be bound as a parameter."""
MAX_PAGE = 1000
"""Lists up to this many rows are built in one body; larger and unlimited ones are streamed."""

QueryText = Annotated[
    str | None,
    Query(
        description='Full-text search: words, "phrases", AND, OR, NOT (a NOT b), -word (leave out), '
        "prefix* (3+ letters), parentheses; Indonesian words match their stem.",
        max_length=20_000,
    ),
]
OutletParam = Annotated[list[str], Query(description="Outlet domain(s), e.g. kompas.com")]
DayParam = Annotated[str | None, Query(description="A day, YYYY-MM-DD (inclusive)", max_length=40)]
LanguageParam = Annotated[str | None, Query(description="Language code, e.g. id", max_length=20)]
EntityParam = Annotated[
    int | None, Query(ge=SQLITE_MIN, le=SQLITE_MAX, description="Entity id: articles naming it")
]
"""A bad entity filter (not a number, or out of SQLite's range) is a 400, on pages too."""
StoryParam = Annotated[str | None, Query(description="Story id: its articles", max_length=200)]
FormatParam = Annotated[Fmt, Query(description="json, or csv (a download)")]
LimitParam = Annotated[
    int, Query(ge=0, le=10_000_000, description="Rows to return; 0 for all of them (streamed)")
]


def _check_id(value: int, what: str) -> int:
    # A path id outside SQLite's range names no record: 404, where binding it would fail.
    if not SQLITE_MIN <= value <= SQLITE_MAX:
        raise RecordNotFound(f"no {what} {value}")
    return value


def article_id_path(article_id: Annotated[int, Path(description="The article's id")]) -> int:
    """An article id in a path; out of SQLite's range → :class:`RecordNotFound` (404)."""
    return _check_id(article_id, "article")


def entity_id_path(entity_id: Annotated[int, Path(description="The entity's id")]) -> int:
    """An entity id in a path; out of SQLite's range → :class:`RecordNotFound` (404)."""
    return _check_id(entity_id, "entity")


ArticleId = Annotated[int, Depends(article_id_path)]
"""An article id in a path (``/api/articles/{article_id}``, ``/article/{article_id}``)."""
EntityId = Annotated[int, Depends(entity_id_path)]
"""An entity id in a path (``/api/entities/{entity_id}``, ``/entity/{entity_id}``)."""


def make_filters(
    q: str | None,
    outlet: list[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    language: str | None = None,
    entity: int | None = None,
    story: str | None = None,
) -> Filters:
    """Filters from request values; bad search syntax, dates or ids raise typed errors (→ 400)."""
    return Filters(
        match=parse_query(q) if q is not None and q.strip() else None,
        outlets=tuple(o.strip().lower() for o in outlet or () if o.strip())[:50],
        start=check_day(start, "start"),
        end=check_day(end, "end"),
        language=language or None,
        entity=entity,
        story=story or None,
    )


def filters_dependency(
    q: QueryText = None,
    outlet: OutletParam = [],  # noqa: B006 - FastAPI reads the default, never mutates it
    start: DayParam = None,
    end: DayParam = None,
    language: LanguageParam = None,
    entity: EntityParam = None,
    story: StoryParam = None,
) -> Filters:
    """The filters of an API request."""
    return make_filters(q, outlet, start, end, language, entity, story)
