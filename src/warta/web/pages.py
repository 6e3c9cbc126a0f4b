"""Server-rendered pages: home, search (queries compared side by side), article, story, entity,
outlet, and the API reference. Every page works without JavaScript; only the charts use it
(``static/charts.js``, reading the JSON API). Templates autoescape everything."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from warta.store import explore, records
from warta.store import search as store_search
from warta.store.diffs import article_diff, member_diff_counts
from warta.store.errors import ExploreError
from warta.store.search import Filters
from warta.web.api import OtherId
from warta.web.database import Database
from warta.web.dates import when
from warta.web.i18n import DEFAULT, LANGUAGES, translator
from warta.web.params import (
    MAX_OFFSET,
    ArticleId,
    AttributionParam,
    EntityId,
    EntityParam,
    entity_list,
    make_filters,
    outlet_list,
)
from warta.web.security import safe_href
from warta.web.segments import body_segments

router = APIRouter(include_in_schema=False)
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.autoescape = True  # every template, whatever its file name
COLOURS = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989")
MAX_QUERIES = len(COLOURS)
POPULAR_DAYS = 7
ARTICLES_PAGE = 20
QUOTES_PAGE = 50
OffsetQuery = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
"""A list's start on a page; a bad one is a 400 with the reason, as on the API."""


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


def pager(
    path: str, params: dict[str, Any], key: str, total: int, offset: int, limit: int, anchor: str = ""
) -> dict[str, Any]:
    """What a list's pager shows: the rows shown (``first``–``last`` of ``total``) and the links
    to the previous and next pages (None at either end; ``#anchor`` appended), other parameters
    kept."""
    shown = max(0, min(total, offset + limit) - offset)
    link = lambda at: path + qs(**{**params, key: at or None}) + (f"#{anchor}" if anchor else "")  # noqa: E731
    return {
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


def _globals() -> None:
    # Helpers the macros use too (imported macros do not see the render context).
    TEMPLATES.env.globals.update(
        qs=qs, safe_href=safe_href, colours=COLOURS, pct=_pct, num=_num, when=when, pager=pager
    )


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
        outlets_total=explore.count_outlets(conn),
    )


def _query_panel(conn: Any, index: int, text: str, base: dict[str, Any], offset: int) -> dict[str, Any]:
    panel: dict[str, Any] = {"text": text, "index": index, "colour": COLOURS[index], "error": None}
    params = {"q": text, **base}
    panel["params"] = params
    try:
        f = make_filters(text, base["outlet"], base["start"], base["end"], base["language"], base["entity"])
    except ExploreError as exc:
        panel["error"] = str(exc)
        return panel
    panel["totals"] = explore.totals(conn, f)
    panel["articles"] = list(store_search.search(conn, f, limit=ARTICLES_PAGE, offset=offset))
    panel["sample"] = explore.sample(conn, f, n=8, seed=1)
    panel["outlets"] = explore.top_outlets(conn, f, limit=8)
    panel["entities"] = explore.top_entities(conn, f, limit=8)
    panel["entities_total"] = explore.count_entities_of(conn, f)
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
    entity: EntityParam = [],  # noqa: B006 - read only
    measure: Annotated[str, Query(pattern="^(share|count)$")] = "share",
    interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
    offset: OffsetQuery = 0,
) -> Response:
    """Queries compared side by side: attention over time, totals, each query's articles (a
    page of :data:`ARTICLES_PAGE` from ``offset``), samples, top outlets, entities and words,
    each with a CSV download. A bad query is a 400 with its message; queries past the
    :data:`MAX_QUERIES` compared are named on the page as left out, never dropped silently.
    Several outlets (repeated or comma-separated) or entities select articles of any of them."""
    conn = _db(request).conn()
    given = [t for t in q if t.strip()]
    texts, left_out = given[:MAX_QUERIES], given[MAX_QUERIES:]
    entities = list(entity_list(entity))
    base = {
        "outlet": list(outlet_list(outlet)), "start": start, "end": end, "language": language, "entity": entities,
    }
    panels = [_query_panel(conn, i, text, base, offset) for i, text in enumerate(texts)]
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
        page_size=ARTICLES_PAGE,
        offset=offset,
        entity_names=_entity_names(conn, entities),
    )


def _entity_names(conn: Any, ids: list[int]) -> list[dict[str, Any]]:
    """The id, name and type of each entity a filter names (unknown ids are left out)."""
    found = []
    for i in ids:
        try:
            found.append(explore.entity_brief(conn, i))
        except ExploreError:
            continue
    return found


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
        cluster=_cluster(conn, row["cluster_id"]),
    )


def _cluster(conn: Any, cluster_id: str | None) -> dict[str, Any] | None:
    """A copy cluster with its ``scope`` (one outlet or several: :func:`explore.cluster_scope`)
    and each member's ``diff`` counts against the head (:func:`member_diff_counts`)."""
    found = records.cluster(conn, cluster_id) if cluster_id else None
    if found:
        found["scope"] = explore.cluster_scope(found)
        member_diff_counts(conn, found["head_id"], found["members"])
    return found


@router.get("/article/{article_id}/diff/{other_id}")
def diff_page(request: Request, article_id: ArticleId, other_id: OtherId) -> Response:
    """What a copy changed of its cluster's original (else the later of the earlier), whichever
    order the URL gives: the counts, the sentences added and dropped, the changed sentences
    with their words marked, and the sentences the same but for scraper holes ("[…]", markup
    the template adds). Page text is escaped like every page's."""
    conn = _db(request).conn()
    return render(request, "diff.html", d=article_diff(conn, article_id, other_id))


@router.get("/story/{story_id}")
def story_page(request: Request, story_id: Annotated[str, PathParam(max_length=200)]) -> Response:
    """A story: its articles in time order and its outlets."""
    return render(request, "story.html", s=records.story(_db(request).conn(), story_id))


QUOTE_VIEWS: dict[str, tuple[str, ...]] = {"all": (), "named": ("named",)}
"""The entity page's quote switch: every quote (the default), or those whose cue names the
speaker (the surest). Any other ``attribution`` in the address is shown as asked."""


@router.get("/entity/{entity_id}")
def entity_page(
    request: Request,
    entity_id: EntityId,
    quotes_offset: OffsetQuery = 0,
    offset: OffsetQuery = 0,
    attribution: AttributionParam = [],  # noqa: B006 - read only
) -> Response:
    """An entity: attention over time, what it said (:data:`QUOTES_PAGE` quotes from
    ``quotes_offset``, found as ``attribution`` says: every quote by default, each with its
    mark, and a switch to those named by the cue with each view's count), the articles naming
    it (:data:`ARTICLES_PAGE` from ``offset``), who it is named with; every list says how long
    it is and pages through it, keeping the other lists' place and the quote filter."""
    conn = _db(request).conn()
    how = explore.attribution_list(attribution)
    explore.attribution_where(conn, how)  # an older store refuses the filter: 400
    row = records.entity(conn, entity_id)
    f = Filters(entity=entity_id)
    asked = ",".join(how) or None
    here = {"attribution": asked, "quotes_offset": quotes_offset or None, "offset": offset or None}
    path = f"/entity/{entity_id}"
    by_how = explore.count_quotes_by_attribution(conn, f)

    def counted(values: tuple[str, ...]) -> int:
        return sum(by_how[a] for a in values) if values else sum(by_how.values())

    quotes_total = counted(how)
    # each switch starts its list from the top (another list: another length), articles keep their
    # place; a store from before quotes kept their attribution gets no switch (it cannot tell)
    views = [
        {"key": key, "on": values == how, "total": counted(values),
         "href": path + qs(attribution=",".join(values) or None, offset=offset or None) + "#said"}
        for key, values in QUOTE_VIEWS.items()
    ] if explore.has_attribution(conn) else []
    return render(
        request,
        "entity.html",
        e=row,
        quotes=list(explore.entity_quotes(conn, f, limit=QUOTES_PAGE, offset=quotes_offset, attributions=how)),
        quotes_pages=pager(path, here, "quotes_offset", quotes_total, quotes_offset, QUOTES_PAGE, "said"),
        quote_views=views,
        quote_filter=asked,
        articles=list(store_search.search(conn, f, limit=ARTICLES_PAGE, offset=offset)),
        article_pages=pager(path, here, "offset", row["count_articles"], offset, ARTICLES_PAGE, "articles"),
        named_with=explore.named_with(conn, entity_id, limit=15),
        named_with_total=explore.count_named_with(conn, entity_id),
        outlets=explore.top_outlets(conn, f, limit=10),
        outlets_total=explore.count_outlets_of(conn, f),
    )


@router.get("/outlet/{domain}")
def outlet_page(
    request: Request, domain: Annotated[str, PathParam(max_length=253)], offset: OffsetQuery = 0
) -> Response:
    """An outlet: its articles (:data:`ARTICLES_PAGE` from ``offset``), languages, top
    entities, and who copied whom."""
    db = _db(request)
    conn = db.conn()
    # who copied whom reads the sources of every copy cluster the outlet is in (tens of ms):
    # remembered until the store changes
    row = db.memo(("outlet", domain), lambda: records.outlet(conn, domain))
    f = Filters(outlets=(domain,))
    return render(
        request,
        "outlet.html",
        o=row,
        articles=list(explore.latest(conn, f, limit=ARTICLES_PAGE, offset=offset)),
        article_pages=pager(f"/outlet/{quote(domain, safe='')}", {}, "offset", explore.count_latest(conn, f), offset, ARTICLES_PAGE, "articles"),
        entities=explore.top_entities(conn, f, limit=12),
        entities_total=explore.count_entities_of(conn, f),
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
