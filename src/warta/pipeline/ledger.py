"""What a run does with each input, from the store's input ledger: skip it, resume it, retry some of
its records, or read it again because it changed.

* Inputs are keyed by their **resolved** path (``os.path.realpath``), so ``in/a.jsonl``,
  ``./in/a.jsonl`` and ``/abs/in/a.jsonl`` are one input. Stores written before this kept paths as
  given (relative to the directory the run started in); such an entry that resolves, from the
  current directory, to the same file keeps its old spelling, so its stored keys still match.
* An input is **changed** when its size differs from the ledger's, or its modification time does
  (stores from before the ``mtime_ns`` column compare sizes only). A changed input is read again
  **from scratch**: every row it produced (articles with their quotes, entity links, date mentions
  and search rows; rejects) is deleted in one transaction (:meth:`Store.forget_input`), then it is
  read like a new input, and the corpus stage recomputes duplicates, copies and stories. Records
  are keyed by position (``path#line``), so nothing less is safe: a deleted or inserted line shifts
  every key after it. The delete also stores the new fingerprint, so the ledger always describes
  the version whose records are stored: a re-read killed half-way is resumed like a first read,
  and a file that changes again is read again from scratch.
* A new input's fingerprint is stored when it is first seen (and again when it is done), so a
  file that changes before its first read ends is seen as changed too.
* Records rejected for a reason in :data:`RETRYABLE` (a time-out, a crash, a failing hook) are
  processed again on every re-run, even in a done input; the new result replaces the reject. So
  are ``duplicate-record-id`` rejects whose id is free again (its holder's input changed).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import msgspec

from warta.pipeline.readers.base import InputSpec
from warta.store.db import Store

RETRYABLE: tuple[str, ...] = ("timeout", "internal-error", "enrich-error")
"""Reject reasons that say more about the run than the record: retried on a re-run."""

Action = Literal["read", "resume", "reread", "retry", "skip"]


@dataclass(frozen=True)
class Plan:
    """What to do with one input. ``skip_keys`` are stored records not to process again;
    ``retry_keys`` are stored rejects to process again; ``forgotten`` is how many stored records
    of a changed input were deleted before it is read again."""

    spec: InputSpec
    action: Action
    skip_keys: frozenset[str] = frozenset()
    retry_keys: frozenset[str] = frozenset()
    forgotten: int = 0


def with_ledger_spelling(store: Store, specs: Sequence[InputSpec]) -> list[InputSpec]:
    """``specs`` with each path replaced by the spelling an older ledger entry gave the same file."""
    stored = [row[0] for row in store.conn.execute("SELECT path FROM inputs")]
    exact = set(stored)
    aliases: dict[str, str] = {}
    for path in stored:
        resolved = os.path.realpath(path)
        if resolved != path and resolved not in exact:
            aliases.setdefault(resolved, path)
    return [
        msgspec.structs.replace(s, path=aliases[s.path]) if s.path in aliases else s for s in specs
    ]


def plan_input(store: Store, spec: InputSpec, *, retry: bool = True) -> Plan:
    """Decide what to do with one input (registering it in the ledger on first sight). A changed
    input's stored rows are deleted here, before it is read again."""
    state = store.input_state(spec.path, kind=spec.kind, size=spec.size, mtime_ns=spec.mtime_ns)
    kind, size, mtime_ns, stored_hash = store.conn.execute(
        "SELECT kind, size, mtime_ns, content_hash FROM inputs WHERE path = ?", (spec.path,)
    ).fetchone()
    touched = mtime_ns is not None and spec.mtime_ns is not None and mtime_ns != spec.mtime_ns
    # only the time moved: the same bytes (touch, git checkout, cp without -p) are not read
    # again; the file is hashed only here, never for an unchanged input
    if (
        touched
        and size == spec.size
        and kind == spec.kind
        and state.done
        and stored_hash is not None
        and stored_hash == content_hash(spec.path)
    ):
        record_fingerprints(store, [spec], hashes={spec.path: stored_hash})
        touched = False
    changed = (
        (spec.size is not None and size != spec.size)
        or touched
        # the same file given under a name of another kind ("blob" read as a page, then as
        # "news.jsonl" through a link): read as what it is now named
        or kind != spec.kind
    )
    if changed:
        forgotten = store.forget_input(spec.path, size=spec.size, mtime_ns=spec.mtime_ns)
        if kind != spec.kind:
            with store.transaction() as conn:
                conn.execute("UPDATE inputs SET kind = ? WHERE path = ?", (spec.kind, spec.path))
        return Plan(spec=spec, action="reread", forgotten=forgotten)
    if state.done and mtime_ns is None and spec.mtime_ns is not None:
        record_fingerprints(store, [spec])  # a store from before mtimes: the size matched
    retry_keys = frozenset(_retryable_keys(store, spec.path)) if retry else frozenset()
    if state.done and not retry_keys:
        return Plan(spec=spec, action="skip")
    known = frozenset(store.known_keys(spec.path))
    if not known:
        return Plan(spec=spec, action="read")
    return Plan(
        spec=spec,
        action="retry" if state.done else "resume",
        skip_keys=known - retry_keys,
        retry_keys=retry_keys,
    )


def record_fingerprints(
    store: Store, specs: Sequence[InputSpec], *, hashes: dict[str, str | None] | None = None
) -> None:
    """Store the size, modification time and content hash of inputs just read to the end
    (``hashes``: ones already known; the others are read from disk)."""
    if not specs:
        return
    known = hashes or {}
    rows = [
        (s.size, s.mtime_ns, known[s.path] if s.path in known else content_hash(s.path), s.path)
        for s in specs
    ]
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE inputs SET size = ?, mtime_ns = ?, content_hash = ? WHERE path = ?", rows
        )


def content_hash(path: str) -> str | None:
    """BLAKE2b of a file's bytes, read in 1 MiB chunks; None when it cannot be read (stdin, a
    file gone). Costs one more read of an input at its end: far less than reading it again."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def record_id_rejects(store: Store, keys: Sequence[str]) -> int:
    """How many of ``keys`` the store turned into ``duplicate-record-id`` rejects."""
    if not keys:
        return 0
    from warta.store.db import DUPLICATE_RECORD_ID

    (n,) = store.conn.execute(
        "SELECT count(*) FROM rejects WHERE reason = ? AND key IN (SELECT value FROM json_each(?))",
        (DUPLICATE_RECORD_ID, msgspec.json.encode(list(keys)).decode()),
    ).fetchone()
    return int(n)


def _retryable_keys(store: Store, path: str) -> list[str]:
    """Rejects of the input to process again: those for a reason in :data:`RETRYABLE`, and
    ``duplicate-record-id`` rejects whose id no stored record holds any more (its holder was in
    an input that changed and no longer has it)."""
    from warta.store.db import DUPLICATE_RECORD_ID

    marks = ", ".join("?" for _ in RETRYABLE)
    rows = store.conn.execute(
        f"SELECT key FROM rejects r WHERE input = ? AND (reason IN ({marks}) OR (reason = ?"
        " AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.record_id = r.record_id)"
        " AND NOT EXISTS (SELECT 1 FROM rejects o WHERE o.record_id = r.record_id"
        " AND o.reason != ?)))",
        (path, *RETRYABLE, DUPLICATE_RECORD_ID, DUPLICATE_RECORD_ID),
    )
    return [row[0] for row in rows]
