"""The explorer's ASGI app: ``create_app(db_path)``, read-only over one store."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from warta.web import api, pages
from warta.web.database import Database
from warta.web.errors import HANDLERS
from warta.web.head import HeadAsGet
from warta.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"


def create_app(db_path: str | Path) -> FastAPI:
    """The explorer over the store at ``db_path``, opened read-only.

    Raises :class:`warta.store.errors.NotAStore` at once when the file is not a warta store.
    The interactive Swagger/ReDoc pages are off (they load code from a CDN and run inline
    scripts); ``/openapi.json`` is the schema and ``/api`` renders it.
    """
    app = FastAPI(
        title="warta explorer",
        summary="Search a news corpus: attention over time, stories, copies, quotes and entities.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        exception_handlers=HANDLERS,
    )
    app.state.db = Database(db_path)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)  # outermost: the routes see a GET
    return app


def app_from_env() -> FastAPI:
    """The app over the store named by ``WARTA_SERVE_DB`` (for ``uvicorn --factory`` and
    ``warta serve --workers N``, whose worker processes import the app by name)."""
    import os

    return create_app(os.environ["WARTA_SERVE_DB"])
