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
from collections.abc import Callable
from itertools import chain, repeat
from types import ModuleType
from typing import Final

import numpy as np

from warta._compiled import load_checked
from warta.page.html import A_PRE, ANC_FLAGS, KEYWORDS, PATH_LEN, Block

_TAG_GROUP: Final = {
    "p": 0, "div": 1, "li": 2, "h1": 3, "h2": 4, "h3": 5, "h4": 5, "h5": 5, "h6": 5, "tr": 6,
    "td": 6, "th": 6, "pre": 7, "blockquote": 8, "dd": 9, "dt": 9, "figcaption": 10,
    "caption": 10, "span": 11, "a": 11, "section": 12, "article": 12, "main": 12, "body": 12,
}  # fmt: skip
_N_TAG_GROUPS: Final = 14
_OTHER_TAG_GROUP: Final = 13  # any other tag

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


def _text_stats(
    blocks: list[Block],
    words: np.ndarray,
    chars: np.ndarray,
    title_key: str,
    lowers: list[str] | None,
    facts: np.ndarray,
) -> np.ndarray:
    """Punctuation, case, digits, function words and cue phrases of each block's text
    (``facts`` is :func:`block_facts` of ``blocks``).

    The counts come from the compiled :func:`warta.page._cfeat.text_counts` where it is built
    (:data:`COMPILED_FEATURES`), else from numpy for all blocks at once (:func:`_numpy_counts`);
    both give the same numbers. The ratios are taken in float64 as Python would.
    """
    n = len(blocks)
    texts = [b.text for b in blocks]
    if lowers is None:
        lowers = list(map(str.lower, texts))
    counted = _compiled_counts(texts, lowers, facts) if COMPILED_FEATURES else None
    if counted is None:
        counted = _numpy_counts(texts, lowers, facts)
    counts, bars, stop, short, n_tokens, ends, starts = counted
    nt = np.maximum(np.minimum(n_tokens, _MAX_TOKENS), 1).astype(np.float64)

    out = np.empty((n, 12), dtype=np.float64)
    out[:, 0] = counts[:, 0] / words
    out[:, 1] = ends
    out[:, 2] = starts
    out[:, 3] = counts[:, 2] / chars
    out[:, 4] = counts[:, 1] / chars
    out[:, 5] = (chars - words + 1.0) / words
    out[:, 6] = stop / nt
    out[:, 7] = short / nt
    # A related cue opens the first 40 characters; every cue is shorter, so this is that test.
    out[:, 8] = list(map(str.startswith, lowers, repeat(_RELATED_CUES)))
    out[:, 9] = _chrome_cues(lowers, facts)
    out[:, 10] = bars
    out[:, 11] = 0.0
    if title_key:
        # A block equal to the title or inside it is no longer than it: only those are compared.
        lengths = np.fromiter(map(len, lowers), dtype=np.int64, count=n)
        near = (lengths <= len(title_key)) & (facts[:, F_WORDS] >= 2)
        for i in np.flatnonzero(near).tolist():
            low = lowers[i]
            out[i, 11] = low == title_key or (blocks[i].chars > 15 and low in title_key)
    return out


_Counts = tuple[
    np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray | list[bool],
    np.ndarray | list[bool],
]  # fmt: skip
"""What :func:`_text_stats` counts per block: (punctuation, capitals, digits) as float64 columns,
bars (bool), stop words and short words among the first :data:`_MAX_TOKENS` tokens (float64),
tokens (int64), ends a sentence and starts upper case (each bool, or a list of bools)."""


def _numpy_counts(texts: list[str], lowers: list[str], facts: np.ndarray) -> _Counts:
    """The counts of :func:`_text_stats` with numpy, for all blocks at once (the reference for
    :func:`_compiled_counts`)."""
    n = len(texts)
    # Counts of ASCII characters on the UTF-8 bytes of all texts joined: each byte's class from a
    # table, summed per block with one ``bincount`` (multi-byte sequences never hold an ASCII
    # byte, so the counts are exact). Text with other characters is also searched for the
    # decimal digits of other scripts, which ``\\d`` matches.
    joined = "".join(texts)
    raw = joined.encode("utf-8", "surrogatepass")
    sizes = facts[:, F_CHARS].tolist()  # bytes per block: one a character, but for wide ones
    wide_at = [] if len(raw) == len(joined) else [i for i, t in enumerate(texts) if not t.isascii()]
    for i in wide_at:
        sizes[i] = len(texts[i].encode("utf-8", "surrogatepass"))
    owner = np.repeat(np.arange(0, _CLASSES * n, _CLASSES, dtype=np.int64), sizes)
    byte_class = _BYTE_CLASS[np.frombuffer(raw, dtype=np.uint8)]
    by_class = np.bincount(owner + byte_class, minlength=_CLASSES * n).reshape(n, _CLASSES)
    counts = by_class[:, 1:4].astype(np.float64)
    # "|" is one byte that no multi-byte character holds, so its count is exact too; "»", "›"
    # and "•" can only be in the blocks that are not ASCII, which are looked at alone.
    bars = by_class[:, 4] > 0
    for i in wide_at:
        if not bars[i]:
            text = texts[i]
            bars[i] = "»" in text or "›" in text or "•" in text
    # The non-ASCII characters alone (the bytes that are left) hold no decimal digit on most
    # pages: one search of them all rules that out before a look at each block's.
    others = raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass") if wide_at else ""
    if _DECIMAL.search(others):
        for i in wide_at:
            wide = texts[i].encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
            counts[i, 2] += sum(map(str.isdecimal, wide.decode("utf-8", "surrogatepass")))

    # Tokens: the first 300 of each block, from one split of all blocks' lowercased text.
    tokens, n_tokens = _tokens(lowers, facts)
    owner = np.repeat(np.arange(n), n_tokens)
    is_stop = np.fromiter(map(_STOP.__contains__, tokens), dtype=bool, count=len(tokens))
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    is_short = lengths < _SHORT
    if int(n_tokens.max()) > _MAX_TOKENS:  # only then are some tokens past a block's first 300
        position = np.arange(len(tokens)) - np.repeat(np.cumsum(n_tokens) - n_tokens, n_tokens)
        first = position < _MAX_TOKENS
        is_stop &= first
        is_short &= first
    stop = np.bincount(owner, weights=is_stop, minlength=n)
    short = np.bincount(owner, weights=is_short, minlength=n)

    ends = [t[-1] in _SENTENCE_END for t in texts]
    starts = [t[0].isupper() for t in texts]
    return counts, bars, stop, short, n_tokens, ends, starts


_CountsFn = Callable[[list[str], list[str], np.ndarray, int, int, str], np.ndarray]
""":func:`warta.page._cfeat.text_counts`."""


def _compiled_counts(texts: list[str], lowers: list[str], facts: np.ndarray) -> _Counts | None:
    """The counts of :func:`_numpy_counts` by the compiled :func:`warta.page._cfeat.text_counts`,
    or None where the numpy path would read the blocks otherwise.

    The numpy path takes a block's token count from its ``words`` fact (its text's spaces plus
    one, true of every block the walk makes) and its size from its ``chars`` fact, and looks at
    the tokens' real counts only when their total differs; the compiled path counts each block's
    own tokens. They agree unless a block's facts are off with the total still matching, or a
    size is off: then None, and the caller takes the numpy path.
    """
    if _COMPILED_COUNTS is None or _STOP_KEYS is None:
        return None
    res = _COMPILED_COUNTS(texts, lowers, _STOP_KEYS, _MAX_TOKENS, _SHORT, _SENTENCE_END_CHARS)
    tokens = res[:, 6]
    if not np.array_equal(res[:, 9], facts[:, F_CHARS]):
        return None
    # The numpy path's token counts: the words facts, and the real counts of <pre> blocks.
    fast = np.where((facts[:, F_ANC] & A_PRE) != 0, tokens, facts[:, F_WORDS])
    if not np.array_equal(fast, tokens) and int(fast.sum()) == int(tokens.sum()):
        return None
    return (
        res[:, 0:3].astype(np.float64),
        res[:, 3] > 0,
        res[:, 4].astype(np.float64),
        res[:, 5].astype(np.float64),
        tokens.copy(),
        res[:, 7],
        res[:, 8],
    )


def _chrome_cues(lowers: list[str], facts: np.ndarray) -> np.ndarray:
    """Whether each block has fewer than 40 words and holds a chrome cue phrase.

    The cues are plain strings, so they are found with ``str.find`` (a fast C scan) in the
    short blocks' texts joined by line breaks (no cue holds one, so none matches across two
    blocks) instead of a regex search of each block.
    """
    found = np.zeros(len(lowers), dtype=np.float64)
    short = np.flatnonzero(facts[:, F_WORDS] < 40).tolist()
    if not short:
        return found
    texts = [lowers[i] for i in short]
    joined = "\n".join(texts)
    hits: list[int] = []
    for cue in _CHROME_CUES:
        at = joined.find(cue)
        while at >= 0:
            hits.append(at)
            at = joined.find(cue, at + 1)
    if hits:
        # A hit in text k lies past the ends (line break included) of texts 0 .. k-1 only.
        ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
        owners = np.searchsorted(ends, np.array(hits), side="right")
        found[np.array(short)[owners]] = 1.0
    return found


def _tokens(lowers: list[str], facts: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The whitespace-separated tokens of all blocks in order, and how many each block has.

    A block's text is its words joined by single spaces (only ``<pre>`` text keeps line breaks
    and runs of spaces), so a block has ``words`` tokens and one split of the joined texts
    serves all; ``<pre>`` blocks are counted alone. Blocks built some other way fall back to a
    split per block.
    """
    tokens = " ".join(lowers).split()
    counts = facts[:, F_WORDS].copy()  # words
    for i in np.flatnonzero(facts[:, F_ANC] & A_PRE).tolist():
        counts[i] = len(lowers[i].split())
    if int(counts.sum()) != len(tokens):
        per_block = [low.split() for low in lowers]
        counts = np.array([len(t) for t in per_block], dtype=np.int64)
        tokens = [t for ts in per_block for t in ts]
    return tokens, counts


_DECIMAL: Final = re.compile(r"\d")  # a decimal digit of any script, as str.isdecimal
_MAX_TOKENS: Final = 300
_PUNCT_BYTES: Final = b".,;:!?"
_UPPER_BYTES: Final = bytes(range(ord("A"), ord("Z") + 1))
_DIGIT_BYTES: Final = b"0123456789"
_ASCII_BYTES: Final = bytes(range(128))
# The class of each byte value for _text_stats: 0 other, 1 punctuation, 2 upper case, 3 digit,
# 4 the bar "|".
_CLASSES: Final = 5
_BYTE_CLASS: Final = np.zeros(256, dtype=np.int64)
_BYTE_CLASS[list(_PUNCT_BYTES)] = 1
_BYTE_CLASS[list(_UPPER_BYTES)] = 2
_BYTE_CLASS[list(_DIGIT_BYTES)] = 3
_BYTE_CLASS[ord("|")] = 4
_BYTE_CLASS.flags.writeable = False
_SHORT: Final = 4
_SENTENCE_END: Final = frozenset(".!?\"'”»)…:")
_SENTENCE_END_CHARS: Final = "".join(sorted(_SENTENCE_END))


FACT_COLUMNS: Final = (
    "words", "chars", "link_chars", "links", "depth", "tag_group", "anc", "hits", "near",
    *(f"path_{k}" for k in range(PATH_LEN)),
)  # fmt: skip
"""The columns of :func:`block_facts`."""

# Column indices of the facts matrix, by name.
F_WORDS: Final = FACT_COLUMNS.index("words")
F_CHARS: Final = FACT_COLUMNS.index("chars")
F_LINK_CHARS: Final = FACT_COLUMNS.index("link_chars")
F_LINKS: Final = FACT_COLUMNS.index("links")
F_DEPTH: Final = FACT_COLUMNS.index("depth")
F_TAG_GROUP: Final = FACT_COLUMNS.index("tag_group")
F_ANC: Final = FACT_COLUMNS.index("anc")
_PATH_START: Final = FACT_COLUMNS.index("path_0")


def block_facts(blocks: list[Block]) -> np.ndarray:
    """The integer facts of each block as one int64 matrix (columns :data:`FACT_COLUMNS`; the
    path is padded with -1, nearest ancestor first).

    Read from the :class:`Block` objects once per page and handed to :func:`container_groups`,
    :func:`block_features`, :func:`context_features` and
    :func:`warta.page.features_extra.extra_features`, which would each read them again.
    """
    if COMPILED_FEATURES and _COMPILED_FACTS is not None:
        return _COMPILED_FACTS(blocks, _TAG_GROUP, _OTHER_TAG_GROUP, PATH_LEN)
    return _python_block_facts(blocks)


def _python_block_facts(blocks: list[Block]) -> np.ndarray:
    """:func:`block_facts` in Python (the reference for the compiled
    :func:`warta.page._cfeat.block_facts`)."""
    pad = (-1,) * PATH_LEN
    width = len(FACT_COLUMNS)
    # One flat run of ints read by ``np.fromiter`` with its length known: about a fifth faster
    # than ``np.array`` on a list of row tuples, which inspects every row for its shape first.
    rows = [
        (b.words, b.chars, b.link_chars, len(b.links), b.depth, _TAG_GROUP.get(b.tag, _OTHER_TAG_GROUP),
         b.anc, b.hits, b.near, *(b.path + pad)[:PATH_LEN])
        for b in blocks
    ]  # fmt: skip
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=len(blocks) * width)
    return flat.reshape(len(blocks), width)


def _bits(values: np.ndarray, width: int) -> np.ndarray:
    return ((values[:, None] >> np.arange(width, dtype=np.int64)) & 1).astype(np.float32)


def _group_index(keys: np.ndarray) -> tuple[np.ndarray, int]:
    """Small non-negative group numbers for ``keys`` (columns of element ids), and their bound.

    Element ids (``-1`` for none) are small integers already, so they serve as group numbers
    directly (no sort); other keys are numbered with ``np.unique``. Either way, summing weights
    per group with ``np.bincount`` adds them in row order, so the sums are the same.
    """
    low = int(keys.min())
    high = int(keys.max())
    if low >= -1 and high < 8 * keys.size + 1024:
        return keys + 1, high + 2
    _, inverse = np.unique(keys, return_inverse=True)
    inverse = inverse.reshape(keys.shape)
    return inverse, int(inverse.max()) + 1


def container_groups(blocks: list[Block], *, facts: np.ndarray | None = None) -> tuple[np.ndarray, int]:
    """The group numbers of the blocks' containers at each level of ``_CONTAINER_LEVELS`` (rows ×
    levels) and their bound: what :func:`block_features` and :func:`context_features` group by.
    Computed once per page by the caller, it can be handed to both. ``facts`` is
    :func:`block_facts` of ``blocks``, computed here when not given (it holds the paths)."""
    if facts is None:
        facts = block_facts(blocks)
    return _group_index(facts[:, _PATH_START:][:, _LEVEL_COLUMNS])


def _group_sums(
    keys: np.ndarray, weights: np.ndarray, groups: tuple[np.ndarray, int] | None = None
) -> np.ndarray:
    """For each row and key column, the sums of each weight over the rows sharing that key.

    ``keys`` is (rows, levels), ``weights`` (rows, w); the result is (rows, levels, w). One
    ``bincount`` over bins numbered (level, group, weight) does all the sums.
    """
    n, levels = keys.shape
    width = weights.shape[1]
    group, bound = _group_index(keys) if groups is None else groups
    bins = (group + np.arange(levels, dtype=np.int64) * bound)[:, :, None] * width + np.arange(width)
    flat = np.broadcast_to(weights[:, None, :], (n, levels, width))
    sums = np.bincount(bins.ravel(), weights=flat.ravel(), minlength=levels * bound * width)
    return sums[bins]


_LEVEL_COLUMNS: Final = np.array(_CONTAINER_LEVELS, dtype=np.intp)


def block_features(
    blocks: list[Block],
    title: str | None,
    *,
    lowers: list[str] | None = None,
    groups: tuple[np.ndarray, int] | None = None,
    facts: np.ndarray | None = None,
) -> np.ndarray:
    """The stage-one feature matrix (one row per block, columns :data:`BASE_FEATURES`).

    ``lowers`` (the blocks' texts lower-cased), ``groups`` (:func:`container_groups`) and
    ``facts`` (:func:`block_facts`) may be given when the caller has them already; they are
    computed here otherwise.
    """
    n = len(blocks)
    x = np.zeros((n, _N_BASE), dtype=np.float32)
    if not n:
        return x
    title_key = " ".join(title.lower().split()) if title else ""
    if facts is None:
        facts = block_facts(blocks)
    words = facts[:, F_WORDS].astype(np.float64)
    chars = facts[:, F_CHARS].astype(np.float64)
    link_chars = facts[:, F_LINK_CHARS].astype(np.float64)
    n_links = facts[:, F_LINKS].astype(np.float64)
    depth = facts[:, F_DEPTH].astype(np.float64)
    group = facts[:, F_TAG_GROUP]
    is_p = (group == 0).astype(np.float64)  # only "p" is in tag group 0
    paths = facts[:, _PATH_START:]
    total_words = float(words.sum())
    total_chars = float(chars.sum())
    link = link_chars / np.maximum(chars, 1.0)
    rows = np.arange(n)

    x[rows, group] = 1.0
    x[:, 14] = np.log1p(words)
    x[:, 15] = np.log1p(chars)
    x[:, 16] = link
    x[:, 17] = np.log1p(n_links)
    x[:, 18] = np.where(n_links > 0, words / np.maximum(n_links, 1.0), 50.0)
    x[:, 19:31] = _text_stats(blocks, words, chars, title_key, lowers, facts)
    col = 31
    for column, width in ((6, len(ANC_FLAGS)), (7, len(KEYWORDS)), (8, len(KEYWORDS))):
        x[:, col : col + width] = _bits(facts[:, column], width)
        col += width
    x[:, col] = np.minimum(depth, 200.0)
    x[:, col + 1] = depth / depth.max()
    x[:, col + 2] = rows / n
    x[:, col + 3] = (np.cumsum(chars) - chars) / max(total_chars, 1.0)
    x[:, col + 4] = np.log1p(total_words)
    x[:, col + 5] = float((words * is_p).sum()) / max(total_words, 1.0)
    col += 6

    # Container aggregates per ancestor level: words, link density, blocks, page share, <p> share.
    levels = len(_CONTAINER_LEVELS)
    weights = np.stack([words, link_chars, np.ones(n), chars, words * is_p], axis=1)
    sums = _group_sums(paths[:, _LEVEL_COLUMNS], weights, groups)
    w, lc, nb, c, pw = (sums[:, :, k] for k in range(5))
    out = np.empty((n, levels, 5), dtype=np.float64)
    out[:, :, 0] = np.log1p(w)
    out[:, :, 1] = lc / np.maximum(c, 1.0)
    out[:, :, 2] = np.log1p(nb)
    out[:, :, 3] = w / max(total_words, 1.0)
    out[:, :, 4] = pw / np.maximum(w, 1.0)
    x[:, col : col + 5 * levels] = out.reshape(n, 5 * levels)
    col += 5 * levels

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


def context_features(
    blocks: list[Block],
    x: np.ndarray,
    p: np.ndarray,
    *,
    groups: tuple[np.ndarray, int] | None = None,
    facts: np.ndarray | None = None,
) -> np.ndarray:
    """The stage-two matrix: ``x`` plus the stage-one probabilities ``p`` around each block.

    ``groups`` is :func:`container_groups` of ``blocks``, computed here when not given;
    ``facts`` is :func:`block_facts` of ``blocks``, if known.
    """
    n = len(blocks)
    extra = np.zeros((n, len(CONTEXT_FEATURES)), dtype=np.float32)
    if not n:
        return np.hstack([x, extra])
    p = p.astype(np.float32)
    if facts is None:
        words = np.fromiter((b.words for b in blocks), dtype=np.float32, count=n)
    else:
        words = facts[:, F_WORDS].astype(np.float32)
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
    # Per container level: the word-weighted mean and the max of p over the level's element.
    # All levels at once, in bins numbered (level, element); sums add rows in order as before.
    levels = len(_CONTAINER_LEVELS)
    group, bound = container_groups(blocks, facts=facts) if groups is None else groups
    bins = (group + np.arange(levels, dtype=np.int64) * bound).ravel()
    size = levels * bound
    sum_pw = np.bincount(bins, weights=np.repeat(pw, levels), minlength=size)
    sum_w = np.bincount(bins, weights=np.repeat(words, levels), minlength=size)
    top = np.zeros(size, dtype=np.float32)
    np.maximum.at(top, bins, np.repeat(p, levels))
    stats = np.empty((n, levels, 2), dtype=np.float32)
    stats[:, :, 0] = (sum_pw / np.maximum(sum_w, 1e-9))[bins].reshape(n, levels)
    stats[:, :, 1] = top[bins].reshape(n, levels)
    extra[:, col : col + 2 * levels] = stats.reshape(n, 2 * levels)
    col += 2 * levels
    content_words = np.cumsum(pw)
    total = float(content_words[-1]) or 1.0
    extra[:, col] = (content_words - pw) / total
    extra[:, col + 1] = (total - content_words) / total
    extra[:, col + 2] = _window_sum(pw, 3) / np.maximum(_window_sum(words, 3), 1.0)
    extra[:, col + 3] = np.log1p(total)
    return np.hstack([x, extra])


def _probe_blocks(seed: int) -> list[Block]:
    """Blocks of generated text for the import check of the compiled counts: ASCII and other
    scripts, decimal digits of other scripts, bars, every kind of whitespace ``str.split`` splits
    on, long blocks (past the token cap), ``<pre>`` blocks, one-character blocks."""
    import random

    rng = random.Random(seed)
    pieces = [
        *sorted(_STOP), "Jakarta", "KPK", "a.", "b,", "c;", "d:", "e!", "f?", "|", "»", "›", "•",
        "٣٤", "१२", "२०२४", "2024", "Ünïcödé", "Éa", "ǅx", "ß", "İstanbul", "東京", "𝟘𝟙", "x\u00a0y",
        "z\u2003w", "q\u3000r", "s\x1ct", "u\x1fv", "m\u0085n", "”", "…", "(c)", "©", "o\ufffdp",
    ]  # fmt: skip
    blocks: list[Block] = []
    for index in range(40):
        pre = rng.random() < 0.15
        size = rng.choice((1, 2, 5, 20, 80, 320))
        words = rng.choices(pieces, k=size)
        if pre:
            text = "\n".join(" ".join(words[i : i + 7]) for i in range(0, len(words), 7))
        else:
            text = " ".join(" ".join(words).split())
        if rng.random() < 0.05:
            text = text[:1]
        anc = A_PRE if pre else 0
        blocks.append(Block(text, "pre" if pre else "p", "paragraph", 0, [], anc, 0, 0, 1, (1,), index))
    return blocks


def check_compiled_counts(text_counts: _CountsFn) -> str | None:
    """None if ``text_counts`` gives the counts of :func:`_numpy_counts` on generated blocks,
    else what differs."""
    global _COMPILED_COUNTS
    saved = _COMPILED_COUNTS
    _COMPILED_COUNTS = text_counts
    try:
        for seed in range(2):
            blocks = _probe_blocks(seed)
            texts = [b.text for b in blocks]
            lowers = [t.lower() for t in texts]
            facts = _python_block_facts(blocks)
            got = _compiled_counts(texts, lowers, facts)
            if got is None:
                return f"probe {seed}: the compiled counts declined the probe blocks"
            expected = _numpy_counts(texts, lowers, facts)
            for name, a, b in zip(_COUNT_NAMES, got, expected, strict=True):
                if np.asarray(a, dtype=np.float64).tobytes() != np.asarray(b, dtype=np.float64).tobytes():
                    return f"probe {seed}: {name} differ"
    finally:
        _COMPILED_COUNTS = saved
    return None


_COUNT_NAMES: Final = ("counts", "bars", "stop", "short", "tokens", "ends", "starts")


_FactsFn = Callable[[list[Block], dict[str, int], int, int], np.ndarray]
""":func:`warta.page._cfeat.block_facts`."""


def check_compiled_facts(facts_fn: _FactsFn) -> str | None:
    """None if ``facts_fn`` gives the matrix of :func:`_python_block_facts` on generated blocks
    (every tag group, paths shorter and longer than :data:`PATH_LEN`), else what differs."""
    import random

    rng = random.Random(20261127)
    tags = [*_TAG_GROUP, "nav", "x-custom"]
    for trial in range(5):
        blocks = [
            Block(
                "x " * rng.randint(0, 5) + "end",
                rng.choice(tags),
                "paragraph",
                rng.randint(0, 30),
                [("a", None)] * rng.randint(0, 3),
                rng.getrandbits(12),
                rng.getrandbits(20),
                rng.getrandbits(20),
                rng.randint(0, 400),
                tuple(rng.randint(0, 10**6) for _ in range(rng.randint(0, PATH_LEN + 3))),
                index,
            )
            for index in range(rng.randint(0, 50))
        ]
        expected = _python_block_facts(blocks)
        got = facts_fn(blocks, _TAG_GROUP, _OTHER_TAG_GROUP, PATH_LEN)
        if got.dtype != expected.dtype or got.shape != expected.shape or got.tobytes() != expected.tobytes():
            return f"probe {trial}: block facts differ"
    return None


def _load_compiled() -> tuple[_CountsFn | None, _FactsFn | None, np.ndarray | None, str]:
    """The compiled counts and facts (:func:`warta.page._cfeat.text_counts` and
    :func:`warta.page._cfeat.block_facts`), the stop words' keys for the counts, and
    ``"compiled"``; or None, None, None and why not: the extension is not built, or it reads the
    probe blocks differently from :func:`_numpy_counts` or :func:`_python_block_facts`."""
    global _STOP_KEYS

    def check(cfeat: ModuleType) -> str | None:
        global _STOP_KEYS
        _STOP_KEYS = cfeat.pack_words(_STOP)  # the counts check runs _compiled_counts: it reads it
        return check_compiled_counts(cfeat.text_counts) or check_compiled_facts(cfeat.block_facts)

    module, status = load_checked("warta.page._cfeat", check)
    if module is None:
        _STOP_KEYS = None
        return None, None, None, status
    text_counts: _CountsFn = module.text_counts
    facts_fn: _FactsFn = module.block_facts
    return text_counts, facts_fn, _STOP_KEYS, status


_COMPILED_COUNTS: _CountsFn | None = None
_COMPILED_FACTS: _FactsFn | None = None
_STOP_KEYS: np.ndarray | None = None
_COMPILED_COUNTS, _COMPILED_FACTS, _STOP_KEYS, COMPILED_FEATURES_STATUS = _load_compiled()
COMPILED_FEATURES: bool = _COMPILED_COUNTS is not None
"""Whether :func:`block_facts` and :func:`_text_stats` use the compiled code
(:mod:`warta.page._cfeat`); :data:`COMPILED_FEATURES_STATUS` says why not. Set it to False to
force the Python/numpy path (tests, benchmarks)."""
