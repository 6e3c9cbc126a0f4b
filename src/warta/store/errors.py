"""Typed errors of the store's read API: search syntax, filters, lookups, connections, time.

::

    WartaError
     └── ExploreError          base of the read API's errors
          ├── SearchSyntaxError  the search text is not a valid query       (web: 400)
          ├── BadFilter          a filter value is malformed                 (web: 400)
          ├── RecordNotFound     no article, story, entity or outlet by that id (web: 404)
          ├── NotAStore          the file is missing or not a warta store    (web: 500)
          └── QueryTimeout       a statement ran past its time limit         (web: 503)

Core errors know nothing of HTTP; :mod:`warta.web.errors` maps them to statuses.
"""

from __future__ import annotations

from warta.errors import WartaError


class ExploreError(WartaError):
    """Base of the read API's errors."""

    code = "explore-error"


class SearchSyntaxError(ExploreError):
    """The search text is not a valid query; ``position`` is the character offset, if known."""

    code = "bad-search"

    def __init__(self, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class BadFilter(ExploreError):
    """A filter value is malformed (a date that is not YYYY-MM-DD, …)."""

    code = "bad-filter"


class RecordNotFound(ExploreError):
    """No article, story, entity or outlet has the given id."""

    code = "not-found"


class NotAStore(ExploreError):
    """The file is missing or is not a warta store."""

    code = "not-a-store"


class QueryTimeout(ExploreError):
    """A statement ran longer than its connection's time limit and was stopped."""

    code = "query-timeout"
