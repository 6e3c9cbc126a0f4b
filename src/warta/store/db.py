"""The SQLite store: open it, and write what the per-record stage gives, crash-safely.

The store runs in WAL mode. Every batch of rows is written in one ``BEGIN IMMEDIATE`` transaction
together with the per-input progress ledger (``inputs``), so after a ``kill -9`` the database holds
exactly the batches that committed and the ledger says which records they were. Writes are
upserts keyed by the record's input locator (``key``), so writing a row twice changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec

from warta.store.migrations import migrate
from warta.store.rows import ArticleRow, RejectRow, Row, article_columns

DUPLICATE_RECORD_ID = "duplicate-record-id"


@dataclass(frozen=True)
class InputState:
    """What the ledger knows of one input."""

    records: int
    done: bool


class Store:
    """A warta store: one SQLite database file. Use :func:`open_store`."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._outlets: dict[str, tuple[int, bool]] = {}  # domain → (id, has a name)

    # -- life cycle ---------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._outlets.clear()
            raise
        self.conn.execute("COMMIT")

    # -- runs and the input ledger ------------------------------------------------------------
    def begin_run(self, *, engine: str, workers: int, inputs: Sequence[str]) -> int:
        """Record the start of a run; return its id."""
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO runs(started, engine, workers, inputs) VALUES (?, ?, ?, ?)",
                (_now(), engine, workers, msgspec.json.encode(list(inputs)).decode()),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        """Record the end of a run and its summary."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished = ?, summary = ? WHERE id = ?",
                (_now(), msgspec.json.encode(summary).decode(), run_id),
            )

    def input_state(
        self, path: str, *, kind: str, size: int | None, mtime_ns: int | None = None
    ) -> InputState:
        """The ledger entry of an input, creating it on first sight (with its size and, when
        given, its modification time: a file that changes before its first read ends is seen)."""
        with self.transaction() as conn:
            if mtime_ns is None:
                conn.execute(
                    "INSERT INTO inputs(path, kind, size) VALUES (?, ?, ?)"
                    " ON CONFLICT(path) DO NOTHING",
                    (path, kind, size),
                )
            else:
                conn.execute(
                    "INSERT INTO inputs(path, kind, size, mtime_ns) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(path) DO NOTHING",
                    (path, kind, size, mtime_ns),
                )
            records, done = conn.execute(
                "SELECT records, done FROM inputs WHERE path = ?", (path,)
            ).fetchone()
        return InputState(records=records, done=bool(done))

    def known_keys(self, path: str) -> set[str]:
        """Keys of the records of an input already stored (as article or reject)."""
        rows = self.conn.execute(
            "SELECT key FROM articles WHERE input = ? UNION ALL SELECT key FROM rejects WHERE input = ?",
            (path, path),
        )
        return {row[0] for row in rows}

    def forget_input(self, path: str, *, size: int | None, mtime_ns: int | None) -> int:
        """Delete every row an input produced, in one transaction; return how many records
        (articles and rejects) it had. Used before a changed input is read again from scratch.

        Goes with the articles: their quotes, entity links, date mentions and full-text rows (a
        trigger); entities and outlets no other article names; the clusters and stories they
        belong to (other members become plain articles until the run's corpus stage recomputes
        everything). Other duplicates, copies and stories stay visible meanwhile. The ledger entry stays, not done, with
        the new fingerprint (``size``, ``mtime_ns``): from here the input is like one never read,
        so a run killed during the re-read resumes it as it resumes any input.
        """
        with self.transaction() as conn:
            (articles,) = conn.execute(
                "SELECT count(*) FROM articles WHERE input = ?", (path,)
            ).fetchone()
            if articles:
                _forget_corpus_links(conn, path)
                ids = "(SELECT id FROM articles WHERE input = :p)"
                entity_ids = _json_ids(
                    conn,
                    f"SELECT DISTINCT entity_id FROM article_entities WHERE article_id IN {ids}",
                    path,
                )
                outlet_ids = _json_ids(
                    conn,
                    "SELECT DISTINCT outlet_id FROM articles WHERE input = :p AND outlet_id IS NOT NULL",
                    path,
                )
                for table in ("quotes", "article_entities", "date_mentions"):
                    conn.execute(f"DELETE FROM {table} WHERE article_id IN {ids}", {"p": path})
                conn.execute("DELETE FROM articles WHERE input = ?", (path,))
                conn.execute(
                    "DELETE FROM entities WHERE id IN (SELECT value FROM json_each(?)) AND NOT EXISTS"
                    " (SELECT 1 FROM article_entities ae WHERE ae.entity_id = entities.id)",
                    (entity_ids,),
                )
                conn.execute(
                    "DELETE FROM outlets WHERE id IN (SELECT value FROM json_each(?)) AND NOT EXISTS"
                    " (SELECT 1 FROM articles a WHERE a.outlet_id = outlets.id)",
                    (outlet_ids,),
                )
            rejects = conn.execute("DELETE FROM rejects WHERE input = ?", (path,)).rowcount
            conn.execute(
                "UPDATE inputs SET records = 0, done = 0, size = ?, mtime_ns = ? WHERE path = ?",
                (size, mtime_ns, path),
            )
        self._outlets.clear()
        return int(articles) + max(rejects, 0)

    # -- writing rows ---------------------------------------------------------------------------
    def write(self, rows: Sequence[Row], *, finished_inputs: Sequence[str] = ()) -> None:
        """Store rows and advance the ledger, in one transaction.

        A row whose ``record_id`` another stored record already has becomes a reject with reason
        ``duplicate-record-id`` (the first record in input order keeps the id).
        """
        with self.transaction() as conn:
            per_input: dict[str, int] = {}
            for row in rows:
                new = self._is_new(row.key)
                if self._record_id_taken(row):
                    row = RejectRow(
                        key=row.key,
                        record_id=row.record_id,
                        input=row.input,
                        reason=DUPLICATE_RECORD_ID,
                        detail="another record of the run has this id",
                        url=row.article.url if isinstance(row, ArticleRow) else row.url,
                    )
                if isinstance(row, ArticleRow):
                    self._upsert_article(row)
                else:
                    self._upsert_reject(row)
                per_input[row.input] = per_input.get(row.input, 0) + new
            for path, n in per_input.items():
                conn.execute("UPDATE inputs SET records = records + ? WHERE path = ?", (n, path))
            for path in finished_inputs:
                # The exact count, which also corrects the running total after a resume.
                conn.execute(
                    "UPDATE inputs SET done = 1, records ="
                    " (SELECT count(*) FROM articles WHERE input = :p)"
                    " + (SELECT count(*) FROM rejects WHERE input = :p) WHERE path = :p",
                    {"p": path},
                )

    def _is_new(self, key: str) -> bool:
        hit = self.conn.execute(
            "SELECT 1 FROM articles WHERE key = :k UNION ALL SELECT 1 FROM rejects WHERE key = :k",
            {"k": key},
        ).fetchone()
        return hit is None

    def _record_id_taken(self, row: Row) -> bool:
        if row.record_id is None:
            return False
        hit = self.conn.execute(
            "SELECT 1 FROM articles WHERE record_id = :r AND key != :k UNION ALL "
            "SELECT 1 FROM rejects WHERE record_id = :r AND key != :k AND reason != :dup LIMIT 1",
            {"r": row.record_id, "k": row.key, "dup": DUPLICATE_RECORD_ID},
        ).fetchone()
        return hit is not None

    def _upsert_article(self, row: ArticleRow) -> None:
        cols = article_columns(row)
        cols["outlet_id"] = self.outlet_id(row.outlet, row.article.site_name)
        names = list(cols)
        sql = (
            f"INSERT INTO articles ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
            f" ON CONFLICT(key) DO UPDATE SET "
            + ", ".join(f"{n} = excluded.{n}" for n in names if n != "key")
        )
        self.conn.execute(sql, cols)
        self.conn.execute("DELETE FROM rejects WHERE key = ?", (row.key,))
        (article_id,) = self.conn.execute(
            "SELECT id FROM articles WHERE key = ?", (row.key,)
        ).fetchone()
        self._write_enrichment(article_id, row)

    def _upsert_reject(self, row: RejectRow) -> None:
        self.conn.execute("DELETE FROM articles WHERE key = ?", (row.key,))
        self.conn.execute(
            "INSERT OR REPLACE INTO rejects(key, record_id, input, url, reason, detail, size)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row.key, row.record_id, row.input, row.url, row.reason, row.detail, row.size),
        )

    def _write_enrichment(self, article_id: int, row: ArticleRow) -> None:
        a = row.article
        for table in ("quotes", "article_entities", "date_mentions"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            'INSERT INTO quotes(article_id, speaker, cue, text, start, "end", kind, attribution)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, q.speaker, q.cue, q.text, q.start, q.end, q.kind, q.attribution)
                for q in a.quotes
            ],
        )
        for ent in a.entities:
            self.conn.execute(
                "INSERT INTO entities(name, type) VALUES (?, ?) ON CONFLICT(name, type) DO NOTHING",
                (ent.name, ent.type),
            )
            self.conn.execute(
                "INSERT INTO article_entities(article_id, entity_id, mentions)"
                " SELECT ?, id, ? FROM entities WHERE name = ? AND type = ?"
                " ON CONFLICT(article_id, entity_id) DO UPDATE SET mentions = mentions + excluded.mentions",
                (article_id, ent.mentions, ent.name, ent.type),
            )
        self.conn.executemany(
            "INSERT INTO date_mentions(article_id, text, value) VALUES (?, ?, ?)",
            [(article_id, d.text, d.value) for d in a.dates],
        )

    def outlet_id(self, domain: str | None, name: str | None = None) -> int | None:
        """The id of an outlet by its domain, adding it when new. ``name`` is a page's site
        name: the outlet takes the first one that is a name, not a host name
        ("lifestyle.okezone.com", which metadata falls back to, is no name for okezone.com)."""
        if not domain:
            return None
        name = _site_name_of(name, domain)
        cached = self._outlets.get(domain)
        if cached is not None and (cached[1] or name is None):
            return cached[0]
        self.conn.execute(
            "INSERT INTO outlets(domain, name) VALUES (?, ?) ON CONFLICT(domain) DO UPDATE SET "
            "name = excluded.name WHERE outlets.name IS NULL AND excluded.name IS NOT NULL",
            (domain, name),
        )
        oid, stored = self.conn.execute(
            "SELECT id, name FROM outlets WHERE domain = ?", (domain,)
        ).fetchone()
        self._outlets[domain] = (int(oid), stored is not None)
        return int(oid)


def _site_name_of(name: str | None, domain: str) -> str | None:
    """``name`` as an outlet's display name, or None when it is empty or only a host name of
    ``domain``."""
    name = (name or "").strip()
    if not name:
        return None
    if " " not in name and name.islower() and name.removeprefix("www.").endswith(domain.lower()):
        return None  # "lifestyle.okezone.com"; "KOMPAS.com" is how Kompas names itself
    return name


def open_store(path: str | Path) -> Store:
    """Open (creating and migrating when needed) the store at ``path``."""
    path = str(path)
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=60.0, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL is crash-safe in WAL mode: a killed process loses at most uncommitted work.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")
    migrate(conn)
    return Store(conn, path)


def _forget_corpus_links(conn: sqlite3.Connection, path: str) -> None:
    """Undo the corpus-stage results that involve the articles of input ``path`` (about to be
    deleted): their copy and duplicate clusters and their stories, with every other member of
    those set back to a plain article. The rest of the corpus stage stays as it was, so a store
    being re-read keeps showing its other duplicates, copies and stories; the run's corpus stage
    then recomputes everything."""
    gone = "(SELECT id FROM articles WHERE input = :p)"
    clusters = (
        f"(SELECT cluster_id FROM cluster_members WHERE article_id IN {gone}"
        f" UNION SELECT id FROM clusters WHERE original_id IN {gone})"
    )
    stories = f"(SELECT story_id FROM story_members WHERE article_id IN {gone})"
    conn.execute(
        "UPDATE articles SET status = 'article', duplicate_of = NULL, duplicate_kind = NULL,"
        f" cluster_id = NULL WHERE cluster_id IN {clusters} OR duplicate_of IN {gone}"
        f" OR id IN (SELECT article_id FROM cluster_members WHERE cluster_id IN {clusters})",
        {"p": path},
    )
    conn.execute(f"UPDATE articles SET story_id = NULL WHERE story_id IN {stories}", {"p": path})
    conn.execute(f"DELETE FROM cluster_members WHERE cluster_id IN {clusters}", {"p": path})
    # the members are gone: the clusters no member names any more, and the one kept by an
    # original about to be deleted
    conn.execute(
        "DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM cluster_members)"
        f" OR original_id IN {gone}",
        {"p": path},
    )
    conn.execute(f"DELETE FROM story_members WHERE story_id IN {stories}", {"p": path})
    conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_members)")


def _json_ids(conn: sqlite3.Connection, sql: str, path: str) -> str:
    """The ids a query returns, as a JSON array (for ``json_each``)."""
    return msgspec.json.encode([row[0] for row in conn.execute(sql, {"p": path})]).decode()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
