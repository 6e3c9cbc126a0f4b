"""Story grouping: articles from different outlets about the same event, within a time window.

This is the classic topic-detection-and-tracking single pass, on leads rather than whole bodies:

- each article becomes a TF-IDF vector of the content words of its title and lead (the title
  counts twice, and names shared with the article's entities count once more);
- articles are taken in time order; each joins the live story whose centroid it is most similar
  to (cosine ≥ ``threshold``), else it starts a story; a story is live while its last article is
  within ``window_hours``;
- a story's id is derived from its first article, so output is deterministic for a given corpus.

Copies of one syndicated story naturally land in one story; so do the follow-ups on an event from
other outlets that share its names and key words. Purity and completeness on a hand-checked
CLICK-ID sample are in ``docs/dedup.md``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta

import msgspec

from warta.page.phrases import phrase_set

_WORD = re.compile(r"[^\W\d_]{3,}")


class StoryCandidate(msgspec.Struct, frozen=True, kw_only=True):
    """One article as story grouping sees it."""

    id: str
    outlet: str | None = None
    published: str | None = None
    """ISO 8601 date or datetime; articles without one join stories but never start windows."""
    title: str = ""
    lead: str = ""
    """The first paragraphs of the body (a few hundred words at most)."""
    entities: list[str] = msgspec.field(default_factory=list)


class Story(msgspec.Struct, frozen=True, kw_only=True):
    """Articles about one event."""

    id: str
    members: list[str]
    outlets: list[str]
    outlet_count: int
    first: str | None
    last: str | None
    label: str
    """The title of the story's first article."""


class StoryConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Settings of story grouping."""

    threshold: float = 0.3
    window_hours: float = 48.0
    terms_per_doc: int = 25
    terms_per_story: int = 60


def group_stories(docs: Iterable[StoryCandidate], config: StoryConfig | None = None) -> list[Story]:
    """Group articles into stories; every article lands in exactly one story (often alone).

    Returns stories sorted by outlet count (descending), then first time, then id.
    """
    cfg = config or StoryConfig()
    items = sorted(docs, key=lambda d: (_sort_time(d.published), d.id))
    if not items:
        return []
    stop = _stopwords()
    bags = [_bag(d, stop) for d in items]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(items)
    idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}

    centroids: list[Counter[str]] = []
    members: list[list[int]] = []
    last_time: list[datetime | None] = []
    postings: dict[str, set[int]] = {}
    window = timedelta(hours=cfg.window_hours)
    for i, (doc, bag) in enumerate(zip(items, bags, strict=True)):
        vec = _top(_normalise({t: tf * idf[t] for t, tf in bag.items() if df[t] > 1 or n < 3}), cfg.terms_per_doc)
        when = _parse_time(doc.published)
        best, best_sim = -1, cfg.threshold
        candidates = {s for t in vec for s in postings.get(t, ())}
        for s in sorted(candidates):
            lt = last_time[s]
            if when is not None and lt is not None and when - lt > window:
                continue
            sim = _cosine(vec, centroids[s])
            if sim >= best_sim:
                best, best_sim = s, sim
        if best < 0 or not vec:
            best = len(centroids)
            centroids.append(Counter())
            members.append([])
            last_time.append(when)
        members[best].append(i)
        if when is not None and (last_time[best] is None or when > last_time[best]):  # type: ignore[operator]
            last_time[best] = when
        centroid = centroids[best]
        centroid.update(vec)
        trimmed = _top(dict(centroid), cfg.terms_per_story)
        centroids[best] = Counter(trimmed)
        for t in trimmed:
            postings.setdefault(t, set()).add(best)

    stories = [_story([items[i] for i in m]) for m in members]
    return sorted(stories, key=lambda s: (-s.outlet_count, _sort_time(s.first), s.id))


def _story(docs: list[StoryCandidate]) -> Story:
    outlets = sorted({d.outlet for d in docs if d.outlet})
    times = sorted(d.published for d in docs if d.published)
    return Story(
        id="story-" + hashlib.sha1(docs[0].id.encode()).hexdigest()[:16],
        members=sorted(d.id for d in docs),
        outlets=outlets,
        outlet_count=len(outlets),
        first=times[0] if times else None,
        last=times[-1] if times else None,
        label=docs[0].title,
    )


def _bag(doc: StoryCandidate, stop: frozenset[str]) -> Counter[str]:
    bag: Counter[str] = Counter()
    title = [w for w in _WORD.findall(doc.title.casefold()) if w not in stop]
    bag.update(title)
    bag.update(title)
    bag.update(w for w in _WORD.findall(doc.lead.casefold()) if w not in stop)
    for name in doc.entities:
        bag.update(w for w in _WORD.findall(name.casefold()) if w not in stop)
    return bag


def _normalise(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _top(vec: dict[str, float], k: int) -> dict[str, float]:
    if len(vec) <= k:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k])


def _cosine(vec: dict[str, float], centroid: Counter[str]) -> float:
    norm = math.sqrt(sum(v * v for v in centroid.values()))
    if not norm:
        return 0.0
    return sum(v * centroid.get(t, 0.0) for t, v in vec.items()) / norm


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        return None
    return t.replace(tzinfo=None) - (t.utcoffset() or timedelta(0)) if t.tzinfo else t


def _sort_time(value: str | None) -> str:
    t = _parse_time(value)
    return t.isoformat() if t else "9999"


def _stopwords() -> frozenset[str]:
    return phrase_set("stopwords_id.txt") | phrase_set("stopwords_en.txt")
