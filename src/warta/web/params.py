"""Query parameters shared by the API and the pages, turned into :class:`Filters`; and the
API's rule that a parameter an endpoint does not take is a 400, never ignored."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Path, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import Field

from warta.store.errors import BadFilter, RecordNotFound
from warta.store.explore import ANY_ATTRIBUTION, ATTRIBUTIONS
from warta.store.search import Filters, check_day
from warta.store.syntax import parse_query

Fmt = Literal["json", "csv"]
SQLITE_MIN, SQLITE_MAX = -(2**63), 2**63 - 1
"""The range of an SQLite INTEGER: a larger Python int cannot even be bound as a parameter."""
MAX_PAGE = 500
"""The largest page a list answers (``limit``); ``limit=0`` asks for every row, streamed."""
MAX_OFFSET = 10_000_000
MAX_VALUES = 50
"""Values a repeatable filter (``outlet``, ``entity``) takes; more is a 400, never cut."""

QueryText = Annotated[
    str | None,
    Query(
        description='Full-text search: words, "phrases", AND, OR, NOT (a NOT b), -word (leave out), '
        "prefix* (3+ letters), parentheses; Indonesian words match their stem.",
        max_length=20_000,
    ),
]
OutletParam = Annotated[
    list[str],
    Query(description="Outlet domain(s), e.g. kompas.com; repeat it or separate with commas: any of them"),
]
DayParam = Annotated[str | None, Query(description="A day, YYYY-MM-DD (inclusive)", max_length=40)]
LanguageParam = Annotated[str | None, Query(description="Language code, e.g. id", max_length=20)]
EntityParam = Annotated[
    list[Annotated[int, Field(ge=SQLITE_MIN, le=SQLITE_MAX)]],
    Query(description="Entity id: articles naming it; repeat it for articles naming any of them"),
]
"""A bad entity filter (not a number, or out of SQLite's range) is a 400, on pages too."""
StoryParam = Annotated[str | None, Query(description="Story id: its articles", max_length=200)]
AttributionParam = Annotated[
    list[str],
    Query(
        description=f"How the quote's speaker was found: {', '.join(ATTRIBUTIONS)} ("
        "'named', the cue names them, is the surest; 'pronoun' and 'context' are the least sure); "
        f"repeat it or separate with commas: any of them; {ANY_ATTRIBUTION} (the default): every quote",
        max_length=200,
    ),
]
FormatParam = Annotated[Fmt, Query(description="json, or csv (a download)")]
LimitParam = Annotated[
    int | None,
    Query(ge=0, le=MAX_PAGE, description=f"Rows to return, 1-{MAX_PAGE}; 0 for all of them (streamed). "
          "Without it a JSON list answers its first page and a CSV every row"),
]
OffsetParam = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (the page's start)")]


@dataclass(frozen=True)
class Page:
    """A page of a list: ``limit`` rows (None: every row, streamed) from ``offset``."""

    limit: int | None
    offset: int = 0

    @property
    def whole(self) -> bool:
        """True for an export: every row, streamed."""
        return self.limit is None

    def meta(self, total: int) -> dict[str, int]:
        """What a list answers beside its items: ``total`` rows in all, the ``limit`` (0: all)
        and the ``offset``."""
        return {"total": total, "limit": self.limit or 0, "offset": self.offset}


def paging(default: int | None) -> Callable[..., Page]:
    """The ``limit``/``offset``/``format`` dependency of a list whose JSON page is ``default``
    rows long (None: the whole list); a CSV without a ``limit`` is the whole list (an export
    never stops at a page)."""

    def page(limit: LimitParam = None, offset: OffsetParam = 0, format: FormatParam = "json") -> Page:
        if limit is None:
            return Page(None if format == "csv" else default, offset)
        return Page(limit or None, offset)

    return page


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


def outlet_list(values: list[str] | None) -> tuple[str, ...]:
    """Outlet domains from repeated and comma-separated values, lower-cased, each once.

    Raises:
        BadFilter: more than :data:`MAX_VALUES` outlets (a 400: never cut silently).
    """
    found = tuple(dict.fromkeys(x.strip().lower() for v in values or () for x in v.split(",") if x.strip()))
    if len(found) > MAX_VALUES:
        raise BadFilter(f"outlet: at most {MAX_VALUES} outlets, not {len(found)}")
    return found


def entity_list(values: list[int] | None) -> tuple[int, ...]:
    """Entity ids from repeated values, each once.

    Raises:
        BadFilter: an id out of SQLite's range, or more than :data:`MAX_VALUES` ids.
    """
    found = tuple(dict.fromkeys(values or ()))
    for v in found:
        if not SQLITE_MIN <= v <= SQLITE_MAX:
            raise BadFilter(f"entity: {v} is not an id (out of SQLite's integer range)")
    if len(found) > MAX_VALUES:
        raise BadFilter(f"entity: at most {MAX_VALUES} entities, not {len(found)}")
    return found


def make_filters(
    q: str | None,
    outlet: list[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    language: str | None = None,
    entity: list[int] | None = None,
    story: str | None = None,
) -> Filters:
    """Filters from request values; bad search syntax, dates or ids raise typed errors (→ 400).
    Several outlets or entities select articles of any of them."""
    first, last = check_day(start, "start"), check_day(end, "end")
    if first and last and first > last:
        raise BadFilter(f"start ({first}) is after end ({last})")
    return Filters(
        match=parse_query(q) if q is not None and q.strip() else None,
        outlets=outlet_list(outlet),
        start=first,
        end=last,
        language=language or None,
        entities=entity_list(entity),
        story=story or None,
    )


def filters_dependency(
    q: QueryText = None,
    outlet: OutletParam = [],  # noqa: B006 - FastAPI reads the default, never mutates it
    start: DayParam = None,
    end: DayParam = None,
    language: LanguageParam = None,
    entity: EntityParam = [],  # noqa: B006 - read only
    story: StoryParam = None,
) -> Filters:
    """The filters of an API request."""
    return make_filters(q, outlet, start, end, language, entity, story)


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route takes, its dependencies' too (as sent: the aliases)."""
    names = {f.alias for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_params_only(request: Request) -> None:
    """A router dependency: refuse a query parameter the route does not take, with a 400 that
    names it, suggests the closest known one and lists them all. A typo (``attributon=``,
    ``limt=``) would otherwise be ignored and answer the whole list as if it were filtered.

    FastAPI ignores unknown query parameters; its ``extra="forbid"`` query models would do this
    but only with every endpoint's parameters moved into one model, so the route's own
    declarations (its dependant tree, which also makes the OpenAPI schema) are read instead.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _query_names(route.dependant)
    unknown = sorted({k for k in request.query_params if k not in known})
    if not unknown:
        return
    errors = []
    for name in unknown[:5]:
        near = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        takes = ", ".join(sorted(known)) or "no parameters"
        errors.append({
            "type": "extra_forbidden",
            "loc": ("query", name[:60]),
            "msg": f"unknown parameter{hint}; {route.path} takes {takes}",
            "input": None,
        })
    raise RequestValidationError(errors)
