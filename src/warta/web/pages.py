"""Server-rendered pages: home, search (queries compared side by side), article, story, entity,
outlet, and the API reference. Every page works without JavaScript; only the charts use it
(``static/charts.js``, reading the JSON API). Templates autoescape everything."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from warta.store import explore, records
from warta.store import search as store_search
from warta.store.errors import ExploreError
from warta.store.search import Filters, check_day
from warta.store.syntax import parse_query
from warta.web.database import Database
from warta.web.i18n import DEFAULT, LANGUAGES, translator
from warta.web.params import ArticleId, EntityId, EntityParam
from warta.web.security import safe_href
from warta.web.segments import body_segments

router = APIRouter(include_in_schema=False)
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.autoescape = True  # every template, whatever its file name
COLOURS = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989")
MAX_QUERIES = len(COLOURS)
POPULAR_DAYS = 7


def qs(**params: Any) -> str:
    """A query string (``?a=1&b=2``) of the non-empty values; lists repeat their key."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((key, str(v)) for v in values if v not in (None, ""))
    return "?" + urlencode(pairs) if pairs else ""


def _lang(request: Request) -> tuple[str, bool]:
    """The interface language: ``?lang=`` (remembered in a cookie), else the cookie, else id."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked, True
    cookie = request.cookies.get("lang")
    return (cookie if cookie in LANGUAGES else DEFAULT), False


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    """A page, in the request's interface language."""
    lang, remember = _lang(request)
    response = TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "t": translator(lang),
            "lang": lang,
            **context,
        },
        status_code=status,
    )
    if remember:
        response.set_cookie("lang", lang, max_age=365 * 86400, httponly=True, samesite="lax")
    return response


def render_error(request: Request, status: int, message: str) -> Response:
    """The error page."""
    return render(request, "error.html", status=status, status_code=status, message=message)


def _globals() -> None:
    # Helpers the macros use too (imported macros do not see the render context).
    TEMPLATES.env.globals.update(qs=qs, safe_href=safe_href, colours=COLOURS, pct=_pct, num=_num)


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%" if value >= 0.001 or value == 0 else f"{value * 100:.2g}%"


def _num(value: int | None) -> str:
    return f"{value or 0:,}".replace(",", ".")


_globals()


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


@router.get("/")
def home(request: Request) -> Response:
    """Latest articles, the most-covered stories of a week, and a search box. The week ends on
    the last day with a story told by two or more outlets (:func:`records.popular_window`), not
    on the corpus's last day, which one stray date can put where no story is."""
    db = _db(request)
    conn = db.conn()
    span = explore.corpus_span(conn)
    window = db.memo(("popular-window",), lambda: records.popular_window(conn, days=POPULAR_DAYS, min_outlets=2))
    start, end = window if window else (None, None)
    popular = list(records.stories(conn, start=start, end=end, min_outlets=2, limit=10)) if window else []
    return render(
        request,
        "home.html",
        span=span,
        latest=list(explore.latest(conn, limit=15)),
        popular=popular,
        popular_start=start,
        popular_end=end,
        outlets=list(explore.outlets(conn, limit=12)),
    )


def _query_panel(conn: Any, index: int, text: str, base: dict[str, Any]) -> dict[str, Any]:
    panel: dict[str, Any] = {"text": text, "index": index, "colour": COLOURS[index], "error": None}
    params = {"q": text, **base}
    panel["params"] = params
    try:
        f = Filters(
            match=parse_query(text),
            outlets=tuple(base["outlet"]),
            start=check_day(base["start"], "start"),
            end=check_day(base["end"], "end"),
            language=base["language"] or None,
            entity=base["entity"],
        )
    except ExploreError as exc:
        panel["error"] = str(exc)
        return panel
    panel["totals"] = explore.totals(conn, f)
    panel["sample"] = explore.sample(conn, f, n=8, seed=1)
    panel["outlets"] = explore.top_outlets(conn, f, limit=8)
    panel["entities"] = explore.top_entities(conn, f, limit=8)
    panel["words"] = explore.top_words(conn, f, limit=15, sample_size=500)
    return panel


@router.get("/search")
def search_page(
    request: Request,
    q: Annotated[list[str], Query(max_length=20_000)] = [],  # noqa: B006 - read only
    outlet: Annotated[list[str], Query(max_length=253)] = [],  # noqa: B006 - read only
    start: Annotated[str, Query(max_length=40)] = "",
    end: Annotated[str, Query(max_length=40)] = "",
    language: Annotated[str, Query(max_length=20)] = "",
    entity: EntityParam = None,
    measure: Annotated[str, Query(pattern="^(share|count)$")] = "share",
    interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
) -> Response:
    """Queries compared side by side: attention over time, totals, samples, top outlets,
    entities and words, each with a CSV download. A bad query is a 400 with its message; queries
    past the :data:`MAX_QUERIES` compared are named on the page as left out, never dropped silently."""
    conn = _db(request).conn()
    given = [t for t in q if t.strip()]
    texts, left_out = given[:MAX_QUERIES], given[MAX_QUERIES:]
    outlets = [x.strip().lower() for o in outlet for x in o.split(",") if x.strip()][:50]
    base = {"outlet": outlets, "start": start, "end": end, "language": language, "entity": entity}
    panels = [_query_panel(conn, i, text, base) for i, text in enumerate(texts)]
    status = 400 if any(p["error"] for p in panels) else 200
    return render(
        request,
        "search.html",
        status=status,
        panels=panels,
        left_out=left_out,
        max_queries=MAX_QUERIES,
        base=base,
        measure=measure,
        interval=interval,
        languages=explore.languages(conn),
        page_params={"q": texts, **base},
    )


@router.get("/article/{article_id}")
def article_page(request: Request, article_id: ArticleId) -> Response:
    """One article: text with dateline and credit marked, quotes, entities, Baca Juga, copies."""
    conn = _db(request).conn()
    row = records.article(conn, article_id)
    segments = body_segments(
        row["paragraphs"] or [row["text"]],
        quotes=row["quotes"],
        dateline=row["dateline"],
        credit=row["credit"],
    )
    by_type: dict[str, list[dict[str, Any]]] = {}
    for ent in row["entities"]:
        by_type.setdefault(ent["type"], []).append(ent)
    speakers = {e["name"].lower(): e["id"] for e in row["entities"] if e["type"] == "PERSON"}
    return render(
        request,
        "article.html",
        a=row,
        segments=segments,
        entities_by_type=by_type,
        speakers=speakers,
        related=records.related(conn, article_id),
        cluster=records.cluster(conn, row["cluster_id"]) if row["cluster_id"] else None,
    )


@router.get("/story/{story_id}")
def story_page(request: Request, story_id: Annotated[str, PathParam(max_length=200)]) -> Response:
    """A story: its articles in time order and its outlets."""
    return render(request, "story.html", s=records.story(_db(request).conn(), story_id))


@router.get("/entity/{entity_id}")
def entity_page(request: Request, entity_id: EntityId) -> Response:
    """An entity: attention over time, what it said, articles naming it, who it is named with."""
    conn = _db(request).conn()
    row = records.entity(conn, entity_id)
    f = Filters(entity=entity_id)
    return render(
        request,
        "entity.html",
        e=row,
        articles=list(store_search.search(conn, f, limit=15)),
        outlets=explore.top_outlets(conn, f, limit=10),
    )


@router.get("/outlet/{domain}")
def outlet_page(request: Request, domain: Annotated[str, PathParam(max_length=253)]) -> Response:
    """An outlet: its articles, languages, top entities, and who copied whom."""
    conn = _db(request).conn()
    row = records.outlet(conn, domain)
    f = Filters(outlets=(domain,))
    return render(
        request,
        "outlet.html",
        o=row,
        articles=list(explore.latest(conn, f, limit=15)),
        entities=explore.top_entities(conn, f, limit=12),
    )


@router.get("/api")
def api_reference(request: Request) -> Response:
    """The API's endpoints and parameters, read from the OpenAPI schema (``/openapi.json``).
    Rendered here because Swagger UI loads its code from a CDN, which these machines lack."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p.get("name"),
                    "in": p.get("in"),
                    "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            endpoints.append(
                {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                 "description": op.get("description", ""), "params": params}
            )
    return render(request, "api.html", endpoints=endpoints)
