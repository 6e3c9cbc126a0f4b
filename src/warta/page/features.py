"""Blocks → feature matrices for the content classifier.

Two stages share this module. :func:`block_features` describes each block on its own and in its
page (tag, words, link density, punctuation, ancestor tags, class/id keywords, position, the text
of its containers, its neighbours). :func:`context_features` adds, for the second stage, what the
first stage thought of the block's neighbours and containers, so that a real lead paragraph next to
the body is kept and a lone paragraph inside a widget is dropped.

Feature order is part of the shipped model: change it only together with retraining.
"""

from __future__ import annotations

import re
from typing import Final

import numpy as np

from warta.page.html import ANC_FLAGS, KEYWORDS, PATH_LEN, Block

_TAG_GROUP: Final = {
    "p": 0, "div": 1, "li": 2, "h1": 3, "h2": 4, "h3": 5, "h4": 5, "h5": 5, "h6": 5, "tr": 6,
    "td": 6, "th": 6, "pre": 7, "blockquote": 8, "dd": 9, "dt": 9, "figcaption": 10,
    "caption": 10, "span": 11, "a": 11, "section": 12, "article": 12, "main": 12, "body": 12,
}  # fmt: skip
_N_TAG_GROUPS: Final = 14  # 13 = any other tag

# Function words of the languages most news is written in (en, id, ms, pt, es, fr, it, de, nl).
# Prose has many; menus, buttons and headline lists have few. A language-neutral signal is the
# share of short words, computed alongside.
_STOP: Final = frozenset(
    ["the", "a", "an", "of", "to", "in", "and", "is", "was", "for", "on", "that", "with", "as", "by", "at", "from", "it", "be", "are", "this", "have", "has", "had", "not", "but", "or", "which", "he", "she", "they", "we", "you", "i", "his", "her", "their", "its", "were", "will", "would", "can", "been", "who", "said", "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "dalam", "tidak", "akan", "juga", "ada", "oleh", "karena", "sebagai", "kata", "para", "bahwa", "atau", "telah", "sudah", "saat", "lebih", "bisa", "kami", "mereka", "ia", "dia", "de", "la", "el", "en", "y", "que", "los", "las", "del", "se", "por", "un", "una", "con", "para", "es", "al", "lo", "como", "más", "o", "pero", "sus", "le", "o", "os", "as", "um", "uma", "do", "da", "dos", "das", "em", "no", "na", "não", "com", "por", "mais", "et", "les", "des", "du", "une", "est", "pas", "qui", "dans", "sur", "au", "il", "ne", "ce", "di", "il", "che", "e", "è", "per", "non", "una", "sono", "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "sich", "auf", "im", "dem", "des", "het", "een", "van", "en", "is", "dat", "op", "te"]
)

_RELATED_CUES: Final = (
    "baca juga", "baca:", "lihat juga", "simak juga", "berita terkait", "artikel terkait",
    "read also", "read more", "also read", "see also", "related", "more:", "recommended",
    "you may also", "you might also", "further reading", "more from", "more on",
)  # fmt: skip
_CHROME_CUES: Final = (
    "©", "copyright", "all rights reserved", "cookie", "subscribe", "sign up", "newsletter",
    "follow us", "share this", "advertisement", "iklan", "log in", "login",
)  # fmt: skip

_CONTAINER_LEVELS: Final = (1, 2, 3, 4, 6)

BASE_FEATURES: Final = (
    [f"tag_{i}" for i in range(_N_TAG_GROUPS)]
    + ["log_words", "log_chars", "link_density", "log_links", "words_per_link"]
    + ["punct_rate", "ends_sentence", "starts_upper", "digit_frac", "upper_frac", "mean_word_len"]
    + ["stop_frac", "short_frac", "related_cue", "chrome_cue", "pipe_or_bullet", "is_title"]
    + [f"anc_{name}" for name in ANC_FLAGS]
    + [f"hit_{name}" for name in KEYWORDS]
    + [f"near_{name}" for name in KEYWORDS]
    + ["depth", "rel_depth", "rel_index", "rel_offset", "log_page_words", "page_p_share"]
    + [f"c{lv}_{f}" for lv in _CONTAINER_LEVELS for f in ("log_words", "links", "blocks", "share", "p_share")]
    + [f"{side}{k}_{f}" for side in ("prev", "next") for k in (1, 2) for f in
       ("log_words", "links", "is_p", "same_parent")]
)  # fmt: skip
"""Names of the columns of :func:`block_features`."""

_N_BASE: Final = len(BASE_FEATURES)

CONTEXT_FEATURES: Final = (
    ["p"]
    + [f"p_{side}{k}" for side in ("prev", "next") for k in (1, 2, 3)]
    + [f"p_c{lv}_{f}" for lv in _CONTAINER_LEVELS for f in ("mean", "max")]
    + ["p_before", "p_after", "p_window", "p_page_words"]
)  # fmt: skip
"""Names of the extra columns :func:`context_features` appends."""


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _text_stats(b: Block, title_key: str) -> tuple[float, ...]:
    """Punctuation, case, digits, function words and cue phrases of one block's text."""
    text = b.text
    nw = b.words
    nc = b.chars
    lower = text.lower()
    tokens = lower.split(None, 300)[:300]
    nt = len(tokens) or 1
    punct = (
        text.count(".") + text.count(",") + text.count(";") + text.count(":") + text.count("!")
        + text.count("?")
    )  # fmt: skip
    head = lower[:40]
    return (
        punct / nw,
        1.0 if text[-1] in _SENTENCE_END else 0.0,
        1.0 if text[0].isupper() else 0.0,
        len(_DIGIT.findall(text)) / nc,
        len(_UPPER.findall(text)) / nc,
        (nc - nw + 1) / nw,
        sum(map(_STOP.__contains__, tokens)) / nt,
        sum(map(_SHORT.__gt__, map(len, tokens))) / nt,
        1.0 if head.startswith(_RELATED_CUES) else 0.0,
        1.0 if nw < 40 and _CHROME_RE.search(lower) else 0.0,
        1.0 if ("|" in text or "»" in text or "›" in text or "•" in text) else 0.0,
        1.0
        if title_key and nw >= 2 and (lower == title_key or (nc > 15 and lower in title_key))
        else 0.0,
    )


_CHROME_RE: Final = re.compile("|".join(re.escape(c) for c in _CHROME_CUES))
_DIGIT: Final = re.compile(r"\d")
_UPPER: Final = re.compile(r"[A-Z]")
_SHORT: Final = 4
_SENTENCE_END: Final = frozenset(".!?\"'”»)…:")


def _bits(values: np.ndarray, width: int) -> np.ndarray:
    return ((values[:, None] >> np.arange(width, dtype=np.int64)) & 1).astype(np.float32)


def _paths(blocks: list[Block]) -> np.ndarray:
    """The blocks' ancestor element ids as a matrix, padded with -1 (nearest first)."""
    pad = (-1,) * PATH_LEN
    return np.array([(b.path + pad)[:PATH_LEN] for b in blocks], dtype=np.int64)


def _group_sums(keys: np.ndarray, weights: list[np.ndarray]) -> list[np.ndarray]:
    """For each row, the sums of ``weights`` over the rows sharing its key."""
    _, inverse = np.unique(keys, return_inverse=True)
    return [np.bincount(inverse, weights=w)[inverse] for w in weights]


def block_features(blocks: list[Block], title: str | None) -> np.ndarray:
    """The stage-one feature matrix (one row per block, columns :data:`BASE_FEATURES`)."""
    n = len(blocks)
    x = np.zeros((n, _N_BASE), dtype=np.float32)
    if not n:
        return x
    title_key = " ".join(title.lower().split()) if title else ""
    words = np.fromiter((b.words for b in blocks), dtype=np.float64, count=n)
    chars = np.fromiter((b.chars for b in blocks), dtype=np.float64, count=n)
    link_chars = np.fromiter((b.link_chars for b in blocks), dtype=np.float64, count=n)
    n_links = np.fromiter((len(b.links) for b in blocks), dtype=np.float64, count=n)
    is_p = np.fromiter((b.tag == "p" for b in blocks), dtype=np.float64, count=n)
    depth = np.fromiter((b.depth for b in blocks), dtype=np.float64, count=n)
    total_words = float(words.sum())
    total_chars = float(chars.sum())
    link = link_chars / np.maximum(chars, 1.0)
    rows = np.arange(n)

    x[rows, [_TAG_GROUP.get(b.tag, 13) for b in blocks]] = 1.0
    x[:, 14] = np.log1p(words)
    x[:, 15] = np.log1p(chars)
    x[:, 16] = link
    x[:, 17] = np.log1p(n_links)
    x[:, 18] = np.where(n_links > 0, words / np.maximum(n_links, 1.0), 50.0)
    x[:, 19:31] = np.array([_text_stats(b, title_key) for b in blocks], dtype=np.float32)
    col = 31
    for attr, width in (("anc", len(ANC_FLAGS)), ("hits", len(KEYWORDS)), ("near", len(KEYWORDS))):
        values = np.fromiter((getattr(b, attr) for b in blocks), dtype=np.int64, count=n)
        x[:, col : col + width] = _bits(values, width)
        col += width
    x[:, col] = np.minimum(depth, 200.0)
    x[:, col + 1] = depth / depth.max()
    x[:, col + 2] = rows / n
    x[:, col + 3] = (np.cumsum(chars) - chars) / max(total_chars, 1.0)
    x[:, col + 4] = np.log1p(total_words)
    x[:, col + 5] = float((words * is_p).sum()) / max(total_words, 1.0)
    col += 6

    # Container aggregates per ancestor level: words, link density, blocks, page share, <p> share.
    ones = np.ones(n)
    paths = _paths(blocks)
    for level in _CONTAINER_LEVELS:
        keys = paths[:, level]
        w, lc, nb, c, pw = _group_sums(keys, [words, link_chars, ones, chars, words * is_p])
        x[:, col] = np.log1p(w)
        x[:, col + 1] = lc / np.maximum(c, 1.0)
        x[:, col + 2] = np.log1p(nb)
        x[:, col + 3] = w / max(total_words, 1.0)
        x[:, col + 4] = pw / np.maximum(w, 1.0)
        col += 5

    # Neighbours: words, link density, <p>, same parent element.
    parent = paths[:, 1]
    own = np.stack([x[:, 14], link, is_p], axis=1)
    for sign in (1, -1):
        for k in (1, 2):
            shifted = np.full((n, 3), -1.0)
            same = np.zeros(n)
            if k < n:
                if sign > 0:
                    shifted[k:] = own[:-k]
                    same[k:] = parent[k:] == parent[:-k]
                else:
                    shifted[:-k] = own[k:]
                    same[:-k] = parent[:-k] == parent[k:]
            x[:, col : col + 3] = shifted
            x[:, col + 3] = same
            col += 4
    assert col == _N_BASE, (col, _N_BASE)
    return x


def _window_sum(values: np.ndarray, half: int) -> np.ndarray:
    """For each position, the sum of ``values`` within ``half`` positions either side."""
    n = len(values)
    cum = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    idx = np.arange(n)
    return cum[np.minimum(idx + half + 1, n)] - cum[np.maximum(idx - half, 0)]


def context_features(blocks: list[Block], x: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The stage-two matrix: ``x`` plus the stage-one probabilities ``p`` around each block."""
    n = len(blocks)
    extra = np.zeros((n, len(CONTEXT_FEATURES)), dtype=np.float32)
    if not n:
        return np.hstack([x, extra])
    p = p.astype(np.float32)
    words = np.fromiter((b.words for b in blocks), dtype=np.float32, count=n)
    extra[:, 0] = p
    col = 1
    for sign in (1, -1):
        for k in (1, 2, 3):
            shifted = np.full(n, -1.0, dtype=np.float32)
            if k < n:
                if sign > 0:
                    shifted[k:] = p[:-k]
                else:
                    shifted[:-k] = p[k:]
            extra[:, col] = shifted
            col += 1
    pw = p * words
    paths = _paths(blocks)
    for level in _CONTAINER_LEVELS:
        _, inverse = np.unique(paths[:, level], return_inverse=True)
        sum_pw = np.bincount(inverse, weights=pw)
        sum_w = np.bincount(inverse, weights=words)
        top = np.zeros(len(sum_w), dtype=np.float32)
        np.maximum.at(top, inverse, p)
        extra[:, col] = (sum_pw / np.maximum(sum_w, 1e-9))[inverse]
        extra[:, col + 1] = top[inverse]
        col += 2
    content_words = np.cumsum(pw)
    total = float(content_words[-1]) or 1.0
    extra[:, col] = (content_words - pw) / total
    extra[:, col + 1] = (total - content_words) / total
    extra[:, col + 2] = _window_sum(pw, 3) / np.maximum(_window_sum(words, 3), 1.0)
    extra[:, col + 3] = np.log1p(total)
    return np.hstack([x, extra])
