"""Word shingles as 64-bit hashes, deterministic across processes and runs.

Tokens are lower-cased ``\\w+`` runs; each distinct token is hashed once with CRC-32 (C speed, no
``PYTHONHASHSEED`` dependence) and shingles are mixed from their token hashes with numpy, so a
document's shingles cost a few microseconds of Python, not one object per shingle.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import numpy.typing as npt

_TOKEN = re.compile(r"\w+")
# Odd 64-bit multipliers (from SplitMix64) that mix token positions into one shingle hash.
_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0xC2B2AE3D27D4EB4F],
    dtype=np.uint64,
)

Hashes = npt.NDArray[np.uint64]


def tokens(text: str) -> list[str]:
    """The lower-cased word tokens of a text."""
    return _TOKEN.findall(text.casefold())


def shingle_hashes(text: str, size: int = 3, cache: dict[str, int] | None = None) -> Hashes:
    """The sorted unique hashes of a text's word ``size``-grams.

    A text shorter than ``size`` words gives one shingle of all its words; an empty text gives
    none. ``cache`` maps tokens to their hashes and may be shared across calls to save work.
    """
    if not 1 <= size <= len(_MULTIPLIERS):
        raise ValueError(f"shingle size must be 1..{len(_MULTIPLIERS)}")
    words = tokens(text)
    if not words:
        return np.empty(0, dtype=np.uint64)
    if cache is None:
        cache = {}
    try:
        ids = np.array([cache[w] for w in words], dtype=np.uint64)
    except KeyError:
        for w in set(words).difference(cache):
            cache[w] = zlib.crc32(w.encode("utf-8"))
        ids = np.array([cache[w] for w in words], dtype=np.uint64)
    n = max(1, len(ids) - size + 1)
    mixed = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(min(size, len(ids))):
            mixed += (ids[k : k + n] + np.uint64(k + 1)) * _MULTIPLIERS[k]
        mixed ^= mixed >> np.uint64(29)
    return np.unique(mixed)
