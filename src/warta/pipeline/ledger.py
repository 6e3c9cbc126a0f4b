"""What a run does with each input, from the store's input ledger: skip it, resume it, retry some of
its records, or read it again because it changed.

* Inputs are keyed by their **resolved** path (``os.path.realpath``), so ``in/a.jsonl``,
  ``./in/a.jsonl`` and ``/abs/in/a.jsonl`` are one input. Stores written before this kept paths as
  given (relative to the directory the run started in); such an entry that resolves, from the
  current directory, to the same file keeps its old spelling, so its stored keys still match.
* An input is **changed** when its size differs from the ledger's, or its modification time does
  (stores from before the ``mtime_ns`` column compare sizes only). A changed input is read again
  in full: each record replaces the stored record at the same position (key), new records are
  added, and records already stored elsewhere are still found as duplicates by id and URL. Its
  fingerprint is updated only once it has been read to the end, so a killed re-read starts over.
* Records rejected for a reason in :data:`RETRYABLE` (a time-out, a crash, a failing hook) are
  processed again on every re-run, even in a done input; the new result replaces the reject.
"""

from __future__ import annotations

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
    ``retry_keys`` are stored rejects to process again."""

    spec: InputSpec
    action: Action
    skip_keys: frozenset[str] = frozenset()
    retry_keys: frozenset[str] = frozenset()


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
    """Decide what to do with one input (registering it in the ledger on first sight)."""
    state = store.input_state(spec.path, kind=spec.kind, size=spec.size)
    size, mtime_ns = store.conn.execute(
        "SELECT size, mtime_ns FROM inputs WHERE path = ?", (spec.path,)
    ).fetchone()
    changed = (spec.size is not None and size != spec.size) or (
        mtime_ns is not None and spec.mtime_ns is not None and mtime_ns != spec.mtime_ns
    )
    if changed:
        return Plan(spec=spec, action="reread", retry_keys=frozenset(store.known_keys(spec.path)))
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


def record_fingerprints(store: Store, specs: Sequence[InputSpec]) -> None:
    """Store the size and modification time of inputs just read to the end."""
    if not specs:
        return
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE inputs SET size = ?, mtime_ns = ? WHERE path = ?",
            [(s.size, s.mtime_ns, s.path) for s in specs],
        )


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
    marks = ", ".join("?" for _ in RETRYABLE)
    rows = store.conn.execute(
        f"SELECT key FROM rejects WHERE input = ? AND reason IN ({marks})", (path, *RETRYABLE)
    )
    return [row[0] for row in rows]
