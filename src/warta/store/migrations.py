"""Bring a store's schema up to date: apply each missing migration in its own transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from warta.store.schema import MIGRATIONS


def applied(conn: sqlite3.Connection) -> set[int]:
    """The migration versions a database already has."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def pending(conn: sqlite3.Connection) -> list[int]:
    """Versions not yet applied, in order."""
    done = applied(conn)
    return [version for version, _, _ in MIGRATIONS if version not in done]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every pending migration; return the versions applied.

    Each migration runs as one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), so a crash leaves
    the database at the previous version, never half-way.
    """
    done = applied(conn)
    ran: list[int] = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        # executescript() commits first and runs the script outside Python's transaction
        # handling, so the transaction is spelled out in the script itself.
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        conn.executescript(
            "BEGIN IMMEDIATE;\n"
            + sql
            + f"\nINSERT INTO schema_migrations VALUES ({version}, '{_sql_text(name)}', '{stamp}');"
            + "\nCOMMIT;"
        )
        ran.append(version)
    return ran


def _sql_text(value: str) -> str:
    return value.replace("'", "''")
