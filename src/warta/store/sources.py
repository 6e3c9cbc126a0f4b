"""A copy cluster's shared source, read from its members' stored texts and credits when the
cluster is shown (:func:`warta.store.records.cluster`).

Read time, not a stored column: the explorer opens stores read-only and never migrates them, so
a store built before this reading answers too, and a better phrase list needs no new run. The
cost is one query over a cluster's few members (copies are a few KB each).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from warta.pipeline.dedup.copies import outlet_key
from warta.pipeline.dedup.sources import OUTLET, cited_sources, shared_source, source_label
from warta.store.readonly import fetch_all


def cluster_source(conn: sqlite3.Connection, members: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What the members of a copy cluster cite as their source (``members``: rows with ``id``
    and ``outlet``, as :func:`warta.store.records.cluster` lists them).

    Counted in outlets, not articles. Returns ``source`` (the kind cited at most of the
    cluster's outlets, :func:`~warta.pipeline.dedup.sources.shared_source`, where an outlet
    the others cite counts as citing it: ``press-release``, ``press-conference``,
    ``wire:antara``, ``outlet:kompas``; None when no kind is cited at two outlets and half of
    them, and None when every member is at one outlet), ``source_label`` (``Antara``,
    ``kompas``, a member's domain ``kompas.com``; None without a source), ``source_count``
    (the outlets citing it), ``source_outlets`` (the cluster's distinct outlets, a member
    without one counted alone), ``source_in_cluster`` (True for an outlet that is a member's
    outlet: the copies name the member they copied), and ``source_cited_by``: every member
    citing any source, in the members' order, with ``id``, ``outlet`` and its ``citations``
    (``kind``, ``phrase``, ``where``: text, credit or dateline, ``context``: the sentence,
    ``dated``: the day printed with it, and ``background``: dated far from the article, an
    old report recalled, not a source). Each member also gets ``cites`` (the kinds it names
    as a source, maybe empty)."""
    ids = [int(m["id"]) for m in members]
    outlets = [m.get("outlet") for m in members]
    total = len({outlet_key(o) or f"#{i}" for i, o in enumerate(outlets)})
    if not ids:
        return {
            "source": None, "source_label": None, "source_count": 0, "source_outlets": total,
            "source_in_cluster": False, "source_cited_by": [],
        }
    texts = {
        r["id"]: r
        for r in fetch_all(
            conn,
            f"SELECT id, text, credit, credit_outlet, dateline, published, day FROM articles WHERE id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    cited = []
    for m in members:
        row = texts.get(int(m["id"]))
        found = (
            cited_sources(
                row["text"] or "",
                credit=row["credit"],
                credit_outlet=row["credit_outlet"],
                dateline=row["dateline"],
                outlet=m.get("outlet"),
                day=row["published"] or row["day"],
            )
            if row
            else []
        )
        m["cites"] = [c.kind for c in found if not c.background]
        cited.append(found)
    shared = shared_source(cited, outlets=outlets)
    label = source_label(shared.kind) if shared else None
    if shared and shared.in_cluster:  # the member's own domain: "kompas.com", not "kompas"
        label = next((m["outlet"] for m in members if OUTLET + (outlet_key(m.get("outlet")) or "") == shared.kind), label)
    return {
        "source": shared.kind if shared else None,
        "source_label": label,
        "source_count": len(shared.outlets) if shared else 0,
        "source_outlets": total,
        "source_in_cluster": shared.in_cluster if shared else False,
        "source_cited_by": [
            {
                "id": m["id"],
                "outlet": m.get("outlet"),
                "citations": [
                    {
                        "kind": c.kind, "phrase": c.phrase, "where": c.where, "context": c.context,
                        "dated": c.dated, "background": c.background,
                    }
                    for c in found
                ],
            }
            for m, found in zip(members, cited, strict=True)
            if found
        ],
    }
