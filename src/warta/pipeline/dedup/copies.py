"""Syndicated copies: the same story at several outlets (or twice at one), found and explained.

Method, in four stages (tuning and results in ``docs/dedup.md``):

1. **Shingles.** Word 3-grams of each body (:mod:`.shingles`). News copies are edited lightly:
   a changed word kills ``n`` shingles, so shorter shingles keep more of a copy's overlap than the
   usual 5-grams.
2. **Template filter.** A shingle seen in ``template_df`` or more documents *of the same outlet*
   is that outlet's boilerplate ("Baca juga", footer lines, a repeated disclaimer) and is dropped
   before anything is compared. Shingles shared across outlets are kept: that is what a
   syndicated copy is.
3. **Candidates.** MinHash signatures (rensa, ``num_perm = bands × rows``) and LSH banding with
   few rows per band, so pairs down to a Jaccard of about 0.3 become candidates: a copy that was
   trimmed or wrapped in another outlet's chrome has low Jaccard but high containment.
4. **Verification.** Each candidate pair's exact shingle sets are compared: the pair is a copy when
   the shared shingles cover ``min_containment`` of the smaller document and number at least
   ``min_shared``. Different articles on the same event share names and phrases but rarely half
   their 3-grams. Verified pairs are joined with union-find.

Each cluster then names its likely original. Evidence, strongest first: a credit or dateline in a
member that names another member's outlet ("(jpc)" → JawaPos.com, "(ANTARA)"); a credit naming an
outlet outside the corpus (the original is then not in the corpus); else the earliest publish
time, compared as UTC instants (:mod:`warta.instants`: a date alone cannot be earlier than a
timed member of its own day). Output is deterministic: it does not depend on input order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Literal

import msgspec
import numpy as np
import rensa

from warta.instants import UsualZones, published_order
from warta.pipeline.dedup.shingles import Hashes, shingle_hashes

Evidence = Literal["credit", "dateline", "earliest", "none"]


class CopyCandidate(msgspec.Struct, frozen=True, kw_only=True):
    """One article as copy detection sees it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO 8601 date or datetime; ordered by :func:`warta.instants.published_key` (UTC instants; a
    value without an offset in its outlet's usual zone in the corpus, see
    :class:`warta.instants.UsualZones`; a date alone after every time of its day)."""
    credit: str | None = None
    credit_outlet: str | None = None
    dateline: str | None = None


class CopyCluster(msgspec.Struct, frozen=True, kw_only=True):
    """Articles that are copies of one story."""

    id: str
    """Stable id: a hash of the sorted member ids."""
    members: list[str]
    """Member ids, sorted."""
    original_id: str | None
    """The member most likely to be the original, or None when the original is not in the corpus."""
    original_outlet: str | None
    evidence: Evidence
    similarity: dict[str, float]
    """Each member's containment against the original (1.0 for the original itself); when the
    original is not in the corpus, against the earliest member, which stands for it."""


class CopyConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Settings of copy detection. The defaults are tuned for news copies (``docs/dedup.md``)."""

    shingle_size: int = 3
    bands: int = 42
    rows: int = 3
    seed: int = 20190916
    template_df: int = 20
    """A shingle in this many documents of one outlet is that outlet's boilerplate."""
    min_containment: float = 0.6
    min_shared: int = 8
    max_bucket: int = 64
    """Buckets larger than this link each member to the bucket's first ``max_bucket`` only."""

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows


def find_copies(docs: Iterable[CopyCandidate], config: CopyConfig | None = None) -> list[CopyCluster]:
    """Group documents that are copies of each other; return clusters of two or more, sorted by id."""
    cfg = config or CopyConfig()
    items = sorted(docs, key=lambda d: d.id)
    if len(items) < 2:
        return []
    sets = _filtered_shingles(items, cfg)
    pairs = _candidate_pairs(sets, cfg)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        if containment(sets[a], sets[b], cfg.min_shared) >= cfg.min_containment:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    zones = UsualZones.learn((d.outlet, d.published) for d in items)
    clusters = [
        _explain([items[i] for i in g], [sets[i] for i in g], zones) for g in groups.values() if len(g) > 1
    ]
    return sorted(clusters, key=lambda c: c.id)


def containment(a: Hashes, b: Hashes, min_shared: int = 1) -> float:
    """Shared shingles over the smaller set's size; 0.0 when fewer than ``min_shared`` are shared."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    if shared < min_shared and shared < min(len(a), len(b)):
        return 0.0
    return shared / min(len(a), len(b))


def _filtered_shingles(items: list[CopyCandidate], cfg: CopyConfig) -> list[Hashes]:
    cache: dict[str, int] = {}
    raw = [shingle_hashes(d.text, cfg.shingle_size, cache) for d in items]
    outlets = sorted({d.outlet or "" for d in items})
    code = {o: np.uint64(i + 1) for i, o in enumerate(outlets)}
    mult = np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        keyed = [h ^ (code[d.outlet or ""] * mult) for d, h in zip(items, raw, strict=True)]
    if not keyed:
        return raw
    allkeys = np.concatenate(keyed)
    uniq, counts = np.unique(allkeys, return_counts=True)
    template = uniq[counts >= cfg.template_df]
    if not len(template):
        return raw
    return [h[~np.isin(k, template, assume_unique=True)] for h, k in zip(raw, keyed, strict=True)]


def _candidate_pairs(sets: list[Hashes], cfg: CopyConfig) -> set[tuple[int, int]]:
    nonempty = [i for i, s in enumerate(sets) if len(s)]
    if len(nonempty) < 2:
        return set()
    flat = np.concatenate([sets[i] for i in nonempty])
    offsets = np.zeros(len(nonempty) + 1, dtype=np.uint64)
    offsets[1:] = np.cumsum([len(sets[i]) for i in nonempty])
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
        flat, offsets, num_perm=cfg.num_perm, seed=cfg.seed
    )
    digests = np.asarray(matrix.to_rows(), dtype=np.uint64)
    index = np.asarray(nonempty)
    pairs: set[tuple[int, int]] = set()
    mult = np.uint64(0xBF58476D1CE4E5B9)
    for band in range(cfg.bands):
        block = digests[:, band * cfg.rows : (band + 1) * cfg.rows]
        key = np.zeros(len(block), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for col in range(cfg.rows):
                key = (key ^ block[:, col]) * mult
        order = np.argsort(key, kind="stable")
        sorted_keys = key[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], len(sorted_keys)]
        for s, e in zip(starts, ends, strict=True):
            if e - s < 2:
                continue
            members = sorted(index[order[s:e]].tolist())
            for i, a in enumerate(members):
                for b in members[: min(i, cfg.max_bucket)]:
                    pairs.add((b, a))
    return pairs


_OUTLET_ALIASES = {
    "antaranews": "antara",
    "antaranewscom": "antara",
    "detikcom": "detik",
    "kompascom": "kompas",
    "kompasid": "kompas",
    "jawapos": "jawapos",
    "jpnn": "jpnn",
    "tempoco": "tempo",
    "republikacoid": "republika",
    "okezonecom": "okezone",
    "sindonewscom": "sindonews",
    "tribunnewscom": "tribunnews",
    "liputan6com": "liputan6",
}
_TLD = re.compile(r"\.(?:co\.id|or\.id|go\.id|web\.id|com|id|net|org|co|news)$")
_DATELINE_OUTLET = re.compile(r"\(([A-Za-z][\w. ]{1,30})\)|([A-Za-z][\w-]*\.(?:com|co\.id|co|id|net))", re.I)


def outlet_key(name: str | None) -> str | None:
    """A short comparable key for an outlet name or domain: ``JawaPos.com`` and ``jawapos.com`` →
    ``jawapos``; ``ANTARA``, ``antaranews.com`` and ``ANTARA News`` → ``antara``."""
    if not name:
        return None
    n = name.strip().lower().removeprefix("www.")
    n = _TLD.sub("", n)
    n = re.sub(r"\s+news$", "", n)
    n = re.sub(r"[^a-z0-9]", "", n)
    return _OUTLET_ALIASES.get(n, n) or None


def _dateline_outlet(dateline: str | None) -> str | None:
    if not dateline:
        return None
    m = _DATELINE_OUTLET.search(dateline)
    if not m:
        return None
    return outlet_key(m.group(1) or m.group(2))


def _explain(members: list[CopyCandidate], sets: list[Hashes], zones: UsualZones) -> CopyCluster:
    ids = sorted(m.id for m in members)
    cluster_id = "copy-" + hashlib.sha1("\n".join(ids).encode()).hexdigest()[:16]
    by_outlet: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        key = outlet_key(m.outlet)
        if key:
            by_outlet.setdefault(key, []).append(i)
    original: int | None = None
    original_outlet: str | None = None
    evidence: Evidence = "none"
    for kind, named in (
        ("credit", [outlet_key(m.credit_outlet) for m in members]),
        ("dateline", [_dateline_outlet(m.dateline) for m in members]),
    ):
        for i, key in enumerate(named):
            if not key or key == outlet_key(members[i].outlet):
                continue
            if key in by_outlet:
                original = _earliest(members, by_outlet[key], zones)
                original_outlet = members[original].outlet
            else:
                original_outlet = members[i].credit_outlet if kind == "credit" else key
            evidence = kind  # type: ignore[assignment]
            break
        if evidence != "none":
            break
    if evidence == "none":
        dated = [i for i, m in enumerate(members) if m.published]
        if dated:
            original = _earliest(members, dated, zones)
            original_outlet = members[original].outlet
            evidence = "earliest"
    # Against the original; when it is not in the corpus, against the member that stands for
    # it (the earliest, the one the store keeps), not against nothing.
    center = original if original is not None else _earliest(members, list(range(len(members))), zones)
    similarity = {
        m.id: 1.0 if i == center else round(containment(sets[i], sets[center]), 4)
        for i, m in enumerate(members)
    }
    return CopyCluster(
        id=cluster_id,
        members=ids,
        original_id=members[original].id if original is not None else None,
        original_outlet=original_outlet,
        evidence=evidence,
        similarity=dict(sorted(similarity.items())),
    )


def _earliest(members: list[CopyCandidate], idx: list[int], zones: UsualZones) -> int:
    """The first published of ``idx`` by UTC instant (undated last), then the smallest id."""
    return min(idx, key=lambda i: published_order(members[i].published, members[i].id, zones.of(members[i].outlet)))
