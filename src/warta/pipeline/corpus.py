"""The corpus stage: steps that need every article at once, run over the store after the
per-record stage: entity name forms merged across the corpus → exact duplicates → syndicated
copies → stories.

Copy detection and story grouping are :mod:`warta.pipeline.dedup` and :mod:`warta.pipeline.stories`;
this module only adapts store rows to their candidate types and their results to store writes.
Both are passed in as plain callables, so a run (or a test) can swap them.
The whole stage is one transaction and is recomputed on every run: deterministic, crash-safe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import msgspec

from warta.instants import UsualZones, published_order
from warta.pipeline.aliases import AliasSummary, merge_aliases
from warta.store import corpus as sql
from warta.store.db import Store

CopyFinder = Callable[[Iterable[Any]], list[Any]]
StoryGrouper = Callable[[Iterable[Any]], list[Any]]


class CorpusSummary(msgspec.Struct, kw_only=True):
    """What the corpus stage found."""

    url_duplicates: int = 0
    text_duplicates: int = 0
    copy_clusters: int = 0
    copies: int = 0
    stories: int = 0
    multi_outlet_stories: int = 0
    aliases: AliasSummary = msgspec.field(default_factory=AliasSummary)


def default_copy_finder() -> CopyFinder:
    """:func:`warta.pipeline.dedup.find_copies` fed with its own candidate type."""
    from warta.pipeline.dedup import CopyCandidate, find_copies

    def run(rows: Iterable[dict[str, Any]]) -> list[Any]:
        return find_copies(CopyCandidate(**row) for row in rows)

    return run


def default_story_grouper() -> StoryGrouper:
    """:func:`warta.pipeline.stories.group_stories` fed with its own candidate type."""
    from warta.pipeline.stories import StoryCandidate, group_stories

    def run(rows: Iterable[dict[str, Any]]) -> list[Any]:
        return group_stories(StoryCandidate(**row) for row in rows)

    return run


def run_corpus_stage(
    store: Store,
    *,
    copies: CopyFinder | None = None,
    stories: StoryGrouper | None = None,
) -> CorpusSummary:
    """Recompute exact duplicates, copy clusters and stories over the whole store.

    ``copies``/``stories`` take an iterable of candidate dicts (fields of the dedup/stories
    candidate types) and return objects shaped like ``CopyCluster``/``Story``.
    """
    find = copies or default_copy_finder()
    group = stories or default_story_grouper()
    summary = CorpusSummary()
    with store.transaction() as conn:
        summary.aliases = merge_aliases(conn)  # first: stories group by the merged names
        sql.reset(conn)
        exact = sql.exact_duplicates(conn)
        summary.url_duplicates, summary.text_duplicates = exact["url"], exact["text"]
        candidates = list(sql.copy_candidates(conn))
        published = {c["id"]: c["published"] for c in candidates}
        zones = UsualZones.learn((c["outlet"], c["published"]) for c in candidates)
        zone_of = {c["id"]: zones.of(c["outlet"]) for c in candidates}
        clusters = [_cluster_write(c, published, zone_of) for c in find(candidates)]
        summary.copy_clusters = len(clusters)
        summary.copies = sql.write_clusters(conn, clusters)
        found = [_story_write(s) for s in group(sql.story_candidates(conn))]
        sql.write_stories(conn, found)
        summary.stories = len(found)
        summary.multi_outlet_stories = sum(s.outlets > 1 for s in found)
    return summary


def _cluster_write(cluster: Any, published: dict[str, str | None], zones: dict[str, Any]) -> sql.ClusterWrite:
    members = sorted(cluster.members)
    kept = cluster.original_id
    if kept not in members:
        # The original is not in the corpus: keep the earliest member, then the first key.
        kept = min(members, key=lambda k: published_order(published.get(k), k, zones.get(k)))
    return sql.ClusterWrite(
        id=cluster.id if str(cluster.id).startswith("copy:") else f"copy:{cluster.id}",
        kind="copy",
        members=members,
        original=cluster.original_id,
        original_outlet=cluster.original_outlet,
        evidence=cluster.evidence,
        similarity=dict(cluster.similarity),
        kept=kept,
    )


def _story_write(story: Any) -> sql.StoryWrite:
    return sql.StoryWrite(
        id=story.id,
        title=getattr(story, "label", None),
        first_seen=story.first,
        last_seen=story.last,
        members=list(story.members),
        outlets=story.outlet_count,
        keywords=list(getattr(story, "keywords", ()) or ()),
    )
