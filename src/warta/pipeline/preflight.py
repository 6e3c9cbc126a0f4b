"""Checks a run makes before any work: the options, the input paths, the store and the export
folder. A mistake here is the user's, for the whole run, so it raises :class:`UsageError` (the
command line prints one line and exits 2) before any store is created, instead of becoming
per-record rejects that would mark the inputs done.
"""

from __future__ import annotations

import importlib.util
import inspect
import math
import os
import sqlite3
from collections.abc import Sequence

from warta.errors import WartaError

MIN_RECORD_BYTES = 1024
"""The smallest ``--max-mb`` accepted (1 KiB): below it no news page fits, so it is a typo."""


class UsageError(WartaError):
    """A run-wide mistake in the options or paths (the command line exits 2)."""

    code = "usage"


MAX_RECORD_MB = 1024
"""The largest ``--max-mb`` accepted (1 GiB): SQLite stores no value over 1 GB anyway."""

MAX_TIMEOUT = 86_400.0
"""The largest ``--timeout`` accepted (a day): beyond it the deadline overflows the clock."""


def check_number(
    name: str,
    value: float | int | None,
    *,
    minimum: float,
    maximum: float | None = None,
    allow_none: bool = False,
) -> None:
    """``value`` is a finite number ≥ ``minimum`` and ≤ ``maximum`` (or None when allowed)."""
    if value is None:
        if allow_none:
            return
        raise UsageError(f"{name} is required")
    if not math.isfinite(value) or value < minimum:
        low = f"{minimum:g}"
        raise UsageError(f"{name} must be a number ≥ {low}, not {value:g}")
    if maximum is not None and value > maximum:
        raise UsageError(f"{name} must be at most {maximum:g}, not {value:g}")


def check_inputs(paths: Sequence[str]) -> None:
    """Every input path exists (like ``cp``/``rsync``: a missing path is a usage error)."""
    if not paths:
        raise UsageError("no inputs given")
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise UsageError(f"input {missing[0]!r} does not exist{more}")


def check_store_path(db: str, *, create: bool = True) -> None:
    """``db`` is a warta store, an empty SQLite file, or (with ``create``) a path where one can be
    created. Only reads: nothing is created here."""
    if db == ":memory:":
        return
    if os.path.isdir(db):
        raise UsageError(f"--db {db} is a directory, not a store file")
    if not os.path.exists(db):
        if not create:
            raise UsageError(f"no store at {db}")
        parent = _existing_parent(os.path.dirname(os.path.abspath(db)))
        if not os.path.isdir(parent):
            raise UsageError(f"--db {db}: {parent} is not a directory")
        if not os.access(parent, os.W_OK | os.X_OK):
            raise UsageError(f"--db {db}: cannot create it in {parent} (permission denied)")
        return
    if not os.path.isfile(db):
        raise UsageError(f"--db {db} is not a regular file")
    if not os.access(db, os.R_OK):
        raise UsageError(f"--db {db}: permission denied")
    try:
        conn = sqlite3.connect(f"file:{_uri_path(db)}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"--db {db} is not a SQLite database ({exc})") from exc
    if tables and "inputs" not in tables:
        raise UsageError(f"--db {db} is a SQLite database but not a warta store")
    if not tables and not create:
        raise UsageError(f"--db {db} is not a warta store (run `warta run … --db {db}` first)")


def check_out_dir(out: str | None, db: str | None = None) -> None:
    """The export folder is a folder, or can be made, and is not the store's path."""
    if out is None:
        return
    if db is not None and db != ":memory:" and os.path.realpath(out) == os.path.realpath(db):
        raise UsageError(f"--out {out} is the store's path (--db); export into another folder")
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"--out {out} exists and is not a directory")
    parent = _existing_parent(os.path.abspath(out))
    if not os.path.isdir(parent):
        raise UsageError(f"--out {out}: {parent} is not a directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"--out {out}: {parent} is not writable")


def check_engine(engine: str, workers: int | None) -> None:
    """The engine is known and installed; ``workers`` is positive."""
    if engine not in ("local", "ray"):
        raise UsageError(f"unknown engine {engine!r}; choose local or ray")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if engine == "ray" and importlib.util.find_spec("ray") is None:
        raise UsageError("the Ray engine needs ray: pip install 'warta[ray]'")


def check_enrichers(names: Sequence[str]) -> None:
    """Every hook is ``module:function``, imports, and is callable. Importing here also surfaces
    the hook's own import errors once, instead of as one reject per record."""
    from warta.pipeline.steps.enrich import load_enricher

    for name in names:
        try:
            hook = load_enricher(name)
        except ValueError as exc:
            raise UsageError(f"--enrich {name!r}: {exc}") from exc
        except (ImportError, AttributeError) as exc:
            raise UsageError(f"--enrich {name!r}: {type(exc).__name__}: {exc}") from exc
        except Exception as exc:  # the hook's module failed while being imported
            raise UsageError(f"--enrich {name!r}: importing it raised {type(exc).__name__}: {exc}") from exc
        if not callable(hook):
            raise UsageError(f"--enrich {name!r} is a {type(hook).__name__}, not a function")
        try:
            signature = inspect.signature(hook)
        except (TypeError, ValueError):  # some builtins do not expose one: let the run tell
            continue
        try:
            signature.bind(object())
        except TypeError:
            raise UsageError(
                f"--enrich {name!r} takes {signature}, not one Article argument"
            ) from None


def _existing_parent(path: str) -> str:
    """The nearest ancestor of ``path`` (itself included) that exists."""
    while not os.path.exists(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    return path


def _uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(os.path.abspath(path))
