"""Errors to responses, in one place: the API gets ``{"ok": false, "error", "code", "status"}``,
pages get the error page. Core errors know nothing of HTTP; this table maps them."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from warta.store.errors import (
    BadFilter,
    ExploreError,
    NotAStore,
    QueryTimeout,
    RecordNotFound,
    SearchSyntaxError,
)
from warta.web.params import MAX_PAGE

log = logging.getLogger(__name__)
LIMIT_HINT = f" (rows a page: 1-{MAX_PAGE}; limit=0 for every row, streamed)"

STATUS: dict[type[ExploreError], int] = {
    SearchSyntaxError: 400,
    BadFilter: 400,
    RecordNotFound: 404,
    QueryTimeout: 503,
    NotAStore: 500,
}


def status_of(exc: ExploreError) -> int:
    """The HTTP status for an explorer error."""
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def is_api(request: Request) -> bool:
    """True for API paths, which answer in JSON."""
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _respond(request: Request, status: int, message: str, code: str) -> Response:
    if is_api(request):
        body = {"ok": False, "error": message, "code": code, "status": status}
        return JSONResponse(body, status_code=status)
    from warta.web.pages import render_error

    return render_error(request, status, message)


async def explore_error(request: Request, exc: Exception) -> Response:
    """An explorer error (bad search, unknown id, slow query…)."""
    assert isinstance(exc, ExploreError)
    return _respond(request, status_of(exc), str(exc), exc.code)


async def validation_error(request: Request, exc: Exception) -> Response:
    """A malformed parameter: 400 with the parameter named, not FastAPI's 422."""
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        hint = LIMIT_HINT if where == "limit" else ""
        problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}{hint}")
    return _respond(request, 400, "; ".join(problems) or "invalid request", "bad-request")


async def http_error(request: Request, exc: Exception) -> Response:
    """404s of unknown paths, 405s and the like."""
    assert isinstance(exc, HTTPException)
    return _respond(request, exc.status_code, str(exc.detail), "http-error")


async def unexpected_error(request: Request, exc: Exception) -> Response:
    """A bug: logged with its traceback, answered with a plain 500 (no details leak)."""
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return _respond(request, 500, "internal error", "internal-error")


HANDLERS: dict[Any, Any] = {
    ExploreError: explore_error,
    RequestValidationError: validation_error,
    HTTPException: http_error,
    Exception: unexpected_error,
}
