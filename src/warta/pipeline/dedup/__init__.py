"""Duplicate detection: exact keys (normalised URL, normalised text hash) and syndicated copies
(MinHash-LSH candidates, verified by shingle containment)."""

from warta.pipeline.dedup.copies import CopyCandidate, CopyCluster, CopyConfig, find_copies
from warta.pipeline.dedup.exact import normalise_url, text_fingerprint

__all__ = [
    "CopyCandidate",
    "CopyCluster",
    "CopyConfig",
    "find_copies",
    "normalise_url",
    "text_fingerprint",
]
