"""Story grouping: articles from different outlets about the same event, within a time window.

This is the classic topic-detection-and-tracking single pass, on leads rather than whole bodies,
with guards against the two ways it goes wrong on news (a topic such as "the KPK law" swallowing
every event of a week, and a story drifting away from what it started as):

- each article becomes a TF-IDF vector of the content words of its title and lead (the title
  counts twice; the article's entity names once more). A word written capitalised inside the
  lead (not at the start of a sentence or paragraph), or found in the entities, is a name, and
  its weight can be multiplied by ``name_weight``, since two events of one topic differ mostly
  by who acts (Anies or SBY visiting Habibie). Measured on the CLICK-ID gold, boosting names
  hurt, because a topic's own names ("Habibie", "KPK") are boosted too, so the default is 1;
- articles are taken in time order (UTC instants, :mod:`warta.instants`; a value without an
  offset in its outlet's usual zone; a date alone after every time of its day); each joins the
  open story it is most similar to, if its cosine with the story's centroid is ≥ ``threshold``
  **and** its cosine with the story's first article is ≥ ``seed_threshold`` (the anchor that
  stops drift), else it starts a story. A story is open while its last article is within
  ``window_hours`` and its first within ``span_hours`` (so a topic cannot chain along for a week);
- an optional second pass merges stories of two or more articles whose centroids have a cosine
  ≥ ``merge_threshold`` and whose times overlap within ``window_hours`` (the single pass splits an
  event when its first articles are worded unlike its later ones). On the CLICK-ID gold it did
  not help (0.8 changed nothing, 0.6 built a 749-article story), so it is off by default;
- a story's id is derived from its first article, so output is deterministic for a given corpus.

Copies of one syndicated story naturally land in one story; so do the follow-ups on an event from
other outlets that share its names and key words. Purity and completeness on a hand-checked
CLICK-ID sample are in ``docs/dedup.md`` ("Stories"); ``python -m benchmarks.stories`` measures them.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from itertools import chain

import msgspec

from warta.instants import UsualZones, published_instant, published_key, published_order
from warta.page.phrases import phrase_set

_WORD = re.compile(r"[^\W\d_]{3,}")
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]{2,}")
_BOUNDARY = frozenset(".!?:;\"“”'‘’()[]-–—")


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
    """The earliest member's published value as given (earliest by UTC instant, not as text)."""
    last: str | None
    """The latest member's published value as given."""
    label: str
    """The title of the story's first article."""
    keywords: list[str] = msgspec.field(default_factory=list)
    """The heaviest words of the story's centroid, heaviest first."""


class StoryConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Settings of story grouping (defaults tuned on half of the CLICK-ID gold, see docs/dedup.md)."""

    threshold: float = 0.3
    """Least cosine between an article and a story's centroid for it to join."""
    seed_threshold: float = 0.2
    """Least cosine between an article and a story's first article for it to join (0 turns it off)."""
    window_hours: float = 48.0
    """A story stays open this long after its last article."""
    span_hours: float = 48.0
    """A story stays open this long after its first article (0 turns the limit off)."""
    name_weight: float = 1.0
    """Weight multiplier of name words (1 treats names as any other word: boosting them measured
    worse, since the names a topic shares, "Habibie", "KPK", "RSPAD", get boosted too)."""
    title_weight: int = 2
    """How many times the title's words count."""
    merge_threshold: float = 0.0
    """Least centroid cosine for the second pass to merge two stories (0 turns the pass off)."""
    candidates: int = 20
    """How many open stories (those sharing the most terms with an article) are compared with it."""
    terms_per_doc: int = 25
    terms_per_story: int = 60
    keywords: int = 8


_SWEEP = timedelta(hours=1)
"""How often closed stories are swept out of the postings (they are skipped in between)."""


class _Open:
    """A story being built: members, centroid (sum of member vectors, trimmed) and times."""

    __slots__ = ("centroid", "first", "last", "members", "norm", "seed")

    def __init__(self, seed: dict[str, float], when: datetime | None) -> None:
        self.seed = seed
        self.centroid: dict[str, float] = {}
        self.norm = 0.0
        self.members: list[int] = []
        self.first = when
        self.last = when


def group_stories(docs: Iterable[StoryCandidate], config: StoryConfig | None = None) -> list[Story]:
    """Group articles into stories; every article lands in exactly one story (often alone).

    Returns stories sorted by outlet count (descending), then first time, then id.
    """
    cfg = config or StoryConfig()
    given = list(docs)
    zones = UsualZones.learn((d.outlet, d.published) for d in given)
    items = sorted(given, key=lambda d: published_order(d.published, d.id, zones.of(d.outlet)))
    if not items:
        return []
    stop = _stopwords()
    bags = [_bag(d, stop, cfg.title_weight) for d in items]
    df: Counter[str] = Counter()
    for bag, _name_words in bags:
        df.update(bag.keys())
    n = len(items)
    idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    times = [_parse_time(d.published, zones.of(d.outlet)) for d in items]
    vecs = [_vector(bag, names, df, idf, n, cfg) for bag, names in bags]

    stories = _single_pass(vecs, times, cfg)
    if cfg.merge_threshold > 0:
        stories = _merge(stories, cfg)
    out = [_story([items[i] for i in s.members], s.centroid, cfg.keywords, zones) for s in stories]
    return sorted(out, key=lambda s: (-s.outlet_count, *published_order(s.first, s.id, zones.corpus)))


def _single_pass(vecs: list[dict[str, float]], times: list[datetime | None], cfg: StoryConfig) -> list[_Open]:
    window = timedelta(hours=cfg.window_hours)
    span = timedelta(hours=cfg.span_hours) if cfg.span_hours > 0 else None
    stories: list[_Open] = []
    postings: dict[str, set[int]] = {}
    open_ids: list[int] = []  # stories in postings, for expiry
    swept: datetime | None = None
    for i, (vec, when) in enumerate(zip(vecs, times, strict=True)):
        if when is not None and (swept is None or when - swept > _SWEEP):
            open_ids = _expire(open_ids, stories, postings, when, window, span)
            swept = when
        best, best_sim = -1, cfg.threshold
        for s in _candidates(vec, postings, cfg.candidates):
            story = stories[s]
            if when is not None and story.last is not None and (
                when - story.last > window or (span is not None and story.first is not None and when - story.first > span)
            ):
                continue
            sim = _dot(vec, story.centroid) / story.norm if story.norm else 0.0
            if sim < best_sim or (cfg.seed_threshold > 0 and _dot(vec, story.seed) < cfg.seed_threshold):
                continue
            if sim > best_sim or best < 0:
                best, best_sim = s, sim
        if best < 0 or not vec:
            best = len(stories)
            stories.append(_Open(vec, when))
            open_ids.append(best)
        story = stories[best]
        story.members.append(i)
        if when is not None and (story.last is None or when > story.last):
            story.last = when
        if story.first is None:
            story.first = when
        old = story.centroid
        merged = dict(old)
        for t, v in vec.items():
            merged[t] = merged.get(t, 0.0) + v
        story.centroid = _top(merged, cfg.terms_per_story)
        story.norm = math.sqrt(sum(v * v for v in story.centroid.values()))
        for t in story.centroid.keys() - old.keys():
            postings.setdefault(t, set()).add(best)
        for t in old.keys() - story.centroid.keys():
            postings[t].discard(best)
    return stories


def _candidates(vec: dict[str, float], postings: dict[str, set[int]], k: int) -> list[int]:
    """The ``k`` open stories sharing the most terms with ``vec``, in story order.

    Counting shared terms runs in C (``Counter`` over chained postings); computing the cosine with
    every story that shares just one common word is what would make a single pass slow.
    """
    shared = Counter(chain.from_iterable(postings.get(t, ()) for t in vec))
    if len(shared) <= k:
        return sorted(shared)
    # most_common breaks ties by first appearance, which is fixed for a given (sorted) input.
    return sorted(s for s, _ in shared.most_common(k))


def _expire(
    open_ids: list[int],
    stories: list[_Open],
    postings: dict[str, set[int]],
    now: datetime,
    window: timedelta,
    span: timedelta | None,
) -> list[int]:
    """Drop stories that can no longer take an article from the postings (times only grow)."""
    keep = []
    for s in open_ids:
        story = stories[s]
        closed = story.last is not None and (
            now - story.last > window or (span is not None and story.first is not None and now - story.first > span)
        )
        if closed:
            for t in story.centroid:
                postings[t].discard(s)
        else:
            keep.append(s)
    return keep if len(keep) != len(open_ids) else open_ids


def _merge(stories: list[_Open], cfg: StoryConfig) -> list[_Open]:
    """Merge stories with near-identical centroids and overlapping times (union-find, in order)."""
    window = timedelta(hours=cfg.window_hours)
    unit = [{t: v / s.norm for t, v in s.centroid.items()} if s.norm else {} for s in stories]
    parent = list(range(len(stories)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    postings: dict[str, list[int]] = {}
    for k, vec in enumerate(unit):
        if len(stories[k].members) < 2:
            continue  # a lone article had its chance to join in the single pass
        seen: set[int] = set()
        for t in vec:
            for j in postings.get(t, ()):
                if j in seen:
                    continue
                seen.add(j)
                a, b = stories[j], stories[k]
                if a.last and b.first and b.first - a.last > window:
                    continue
                if _dot(vec, unit[j]) >= cfg.merge_threshold:
                    parent[find(k)] = find(j)
            postings.setdefault(t, []).append(k)
    groups: dict[int, list[int]] = {}
    for k in range(len(stories)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for ks in groups.values():
        head = stories[ks[0]]
        for k in ks[1:]:
            head.members.extend(stories[k].members)
            for t, v in stories[k].centroid.items():
                head.centroid[t] = head.centroid.get(t, 0.0) + v
        head.members.sort()
        out.append(head)
    return out


def _story(docs: list[StoryCandidate], centroid: dict[str, float], keywords: int, zones: UsualZones) -> Story:
    outlets = sorted({d.outlet for d in docs if d.outlet})
    times = sorted(
        (key, d.published) for d in docs if d.published and (key := published_key(d.published, zones.of(d.outlet)))
    )
    return Story(
        id="story-" + hashlib.sha1(docs[0].id.encode()).hexdigest()[:16],
        members=sorted(d.id for d in docs),
        outlets=outlets,
        outlet_count=len(outlets),
        first=times[0][1] if times else None,
        last=times[-1][1] if times else None,
        label=docs[0].title,
        keywords=list(_top(centroid, keywords)),
    )


def _bag(doc: StoryCandidate, stop: frozenset[str], title_weight: int) -> tuple[Counter[str], frozenset[str]]:
    """Term counts of title (``title_weight`` times) and lead, and the words that are names."""
    bag: Counter[str] = Counter()
    title = [w for w in _WORD.findall(doc.title.casefold()) if w not in stop]
    for _ in range(title_weight):
        bag.update(title)
    bag.update(w for w in _WORD.findall(doc.lead.casefold()) if w not in stop)
    names = set(_names(doc.lead))
    for name in doc.entities:
        words = [w for w in _WORD.findall(name.casefold()) if w not in stop]
        bag.update(words)
        names.update(words)
    return bag, frozenset(names - stop)


def _names(text: str) -> Iterable[str]:
    """Capitalised words that do not start the text, a sentence or a paragraph.

    Scraped bodies join paragraphs with a bare comma after the full stop (``…dini hari.,Informasi``);
    a comma after a word is inside a sentence (``Gubernur DKI Jakarta, Anies Baswedan``).
    """
    for m in _CAPITALISED.finditer(text):
        before = text[max(0, m.start() - 4) : m.start()].rstrip()
        if not before or before[-1] in _BOUNDARY:
            continue
        if before[-1] == "," and (len(before) < 2 or before[-2] in _BOUNDARY or before[-2] == ","):
            continue
        yield m.group().casefold()


def _vector(
    bag: Counter[str], names: frozenset[str], df: Counter[str], idf: dict[str, float], n: int, cfg: StoryConfig
) -> dict[str, float]:
    """The unit TF-IDF vector of an article's top terms (words seen once in the corpus left out)."""
    vec = {
        t: tf * idf[t] * (cfg.name_weight if t in names else 1.0)
        for t, tf in bag.items()
        if df[t] > 1 or n < 3
    }
    return _normalise(_top(vec, cfg.terms_per_doc))


def _normalise(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _top(vec: dict[str, float], k: int) -> dict[str, float]:
    if len(vec) <= k:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k])


def _dot(vec: dict[str, float], other: dict[str, float]) -> float:
    # Intersecting the key views runs in C; few terms are shared, so the Python sum is short.
    return sum(vec[t] * other[t] for t in vec.keys() & other.keys())


def _parse_time(value: str | None, zone: tzinfo | None) -> datetime | None:
    """The value's UTC instant, naive (a date alone at the end of its day), for window arithmetic."""
    t = published_instant(value, zone)
    return t.replace(tzinfo=None) if t else None


def _stopwords() -> frozenset[str]:
    return phrase_set("stopwords_id.txt") | phrase_set("stopwords_en.txt")
