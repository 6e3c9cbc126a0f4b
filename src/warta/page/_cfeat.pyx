# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Per-block counts of the block features, compiled (and one word count of language detection).

:func:`warta.page.features._text_stats` reads punctuation, capitals, digits, bars, stop words and
short words of every block; its numpy path does it in a dozen array steps over all blocks at once
(the UTF-8 bytes of all texts joined, classed by a table and summed per block with ``bincount``;
one split of all lower-cased texts into tokens, each looked up in the stop-word set, counted per
block the same way). On a page of a few hundred blocks the steps' calls, temporaries and token
strings cost more than the counting. :func:`text_counts` reads each block's characters once in C
and looks tokens up among the stop words as packed integers (every stop word is 1 to 7 Latin-1
characters), so no token becomes a string. :func:`block_facts` reads the blocks' integer facts
into the matrix :func:`warta.page.features.block_facts` returns, without a Python loop.
:func:`letter_words` counts the words (``[^\W\d_]+``) and function words that
:func:`warta.lang.detect._looks_malay` reads, without a regular expression.

The Python/numpy code stays the reference: :mod:`warta.page.features` and
:mod:`warta.lang.detect` check this module against it at import
(:func:`warta.page.features._load_compiled`, :func:`warta.lang.detect._load_letter_words`) and
fall back to it on any mismatch; tests/page/test_cfeat.py and tests/lang/test_letter_words.py
compare the two on fixtures and generated texts.
"""

import numpy as np

from cpython.unicode cimport PyUnicode_Substring
from libc.stdint cimport int64_t

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_GET_LENGTH(object)
    int PyUnicode_KIND(object)
    void *PyUnicode_DATA(object)
    Py_UCS4 PyUnicode_READ(int kind, void *data, Py_ssize_t index)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch)
    bint Py_UNICODE_ISUPPER(Py_UCS4 ch)
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)

COLUMNS = ("punct", "upper", "digits", "bar", "stop", "short", "tokens", "ends", "starts", "length")
"""The columns of :func:`text_counts`."""


def pack_words(words):
    """The look-up keys of ``words`` for :func:`text_counts`: each word of 1 to 7 characters, all
    below U+0100, packed into an int64 (its length, then a byte a character); sorted, unique.
    Raises ValueError for a word that does not pack."""
    keys = set()
    cdef str word
    cdef int64_t key
    for word in words:
        key = _pack(PyUnicode_KIND(word), PyUnicode_DATA(word), 0, PyUnicode_GET_LENGTH(word))
        if key < 0:
            raise ValueError(f"{word!r} does not pack (1 to 7 characters below U+0100)")
        keys.add(key)
    return np.array(sorted(keys), dtype=np.int64)


cdef inline int64_t _pack(int kind, void *data, Py_ssize_t start, Py_ssize_t end) noexcept:
    """The key of text[start:end] (see :func:`pack_words`), or -1 when it has none."""
    cdef Py_ssize_t size = end - start, j
    cdef int64_t key = size
    cdef Py_UCS4 ch
    if size < 1 or size > 7:
        return -1
    for j in range(start, end):
        ch = PyUnicode_READ(kind, data, j)
        if ch > 255:
            return -1
        key = (key << 8) | <int64_t>ch
    return key


cdef inline bint _has_key(const int64_t *keys, Py_ssize_t n, int64_t key) noexcept:
    cdef Py_ssize_t low = 0, high = n, mid
    while low < high:
        mid = (low + high) >> 1
        if keys[mid] < key:
            low = mid + 1
        else:
            high = mid
    return low < n and keys[low] == key


def text_counts(
    list texts,
    list lowers,
    const int64_t[::1] stop_keys,
    Py_ssize_t max_tokens,
    Py_ssize_t short_len,
    str sentence_end,
):
    """Per block (rows × :data:`COLUMNS`, int64): the counts of ASCII punctuation ``.,;:!?``,
    ASCII capitals and decimal digits (``str.isdecimal``, any script) in ``texts[i]``; whether it
    holds a bar (``|``, ``»``, ``›`` or ``•``); among the first ``max_tokens`` whitespace-separated
    tokens of ``lowers[i]`` (as ``str.split()``), those whose key is in ``stop_keys``
    (:func:`pack_words` of the stop words: a word that does not pack is not one) and those shorter than
    ``short_len``; its token count (all of them); whether its last character is in
    ``sentence_end`` and its first is upper case (``str.isupper``); and its length.

    An empty text raises IndexError, as ``text[-1]`` does.
    """
    cdef Py_ssize_t n = len(texts)
    if len(lowers) != n:
        raise ValueError(f"{n} texts but {len(lowers)} lower-cased texts")
    out = np.zeros((n, len(COLUMNS)), dtype=np.int64)
    cdef int64_t[:, ::1] res = out
    cdef Py_ssize_t i, j, size, start, count, stops, shorts
    cdef int kind
    cdef void *data
    cdef Py_UCS4 ch
    cdef int64_t punct, upper, digits, bar
    cdef object text, low
    cdef int64_t key
    cdef Py_ssize_t n_keys = stop_keys.shape[0]
    cdef const int64_t *keys = &stop_keys[0] if n_keys else NULL
    for i in range(n):
        text = texts[i]
        low = lowers[i]
        if not isinstance(text, str) or not isinstance(low, str):
            raise TypeError("texts and lower-cased texts must be str")
        size = PyUnicode_GET_LENGTH(text)
        if size == 0:
            raise IndexError("string index out of range")
        kind = PyUnicode_KIND(text)
        data = PyUnicode_DATA(text)
        punct = upper = digits = bar = 0
        for j in range(size):
            ch = PyUnicode_READ(kind, data, j)
            if ch < 128:
                if ch == 46 or ch == 44 or ch == 59 or ch == 58 or ch == 33 or ch == 63:  # .,;:!?
                    punct += 1
                elif 65 <= ch <= 90:
                    upper += 1
                elif 48 <= ch <= 57:
                    digits += 1
                elif ch == 124:  # |
                    bar = 1
            elif ch == 0x00BB or ch == 0x203A or ch == 0x2022:  # » › •
                bar = 1
            elif Py_UNICODE_ISDECIMAL(ch):
                digits += 1
        res[i, 0] = punct
        res[i, 1] = upper
        res[i, 2] = digits
        res[i, 3] = bar
        res[i, 7] = PyUnicode_READ(kind, data, size - 1) in sentence_end
        res[i, 8] = Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0))
        res[i, 9] = size

        # Tokens of the lower-cased text, split as str.split() does (runs of Unicode whitespace).
        size = PyUnicode_GET_LENGTH(low)
        kind = PyUnicode_KIND(low)
        data = PyUnicode_DATA(low)
        count = stops = shorts = 0
        j = 0
        while j < size:
            while j < size and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)):
                j += 1
            if j == size:
                break
            start = j
            while j < size and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)):
                j += 1
            if count < max_tokens:
                if j - start < short_len:
                    shorts += 1
                key = _pack(kind, data, start, j)
                if key >= 0 and n_keys and _has_key(keys, n_keys, key):
                    stops += 1
            count += 1
        res[i, 4] = stops
        res[i, 5] = shorts
        res[i, 6] = count
    return out


def letter_words(str text, Py_ssize_t limit, frozenset vocabulary, Py_ssize_t max_len):
    """``(count, hits)``: how many of the first ``limit`` words of ``text`` there are, and how many
    of those are in ``vocabulary``, a word being what ``re.findall(r"[^\\W\\d_]+", text)`` finds
    (a maximal run of characters that are alphanumeric, not decimal digits and not ``_``).

    ``max_len`` is the length of the longest word in ``vocabulary``: longer words are not looked
    up.
    """
    cdef Py_ssize_t size = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_ssize_t j = 0, start, count = 0, hits = 0
    while j < size and count < limit:
        while j < size and not _is_letter(PyUnicode_READ(kind, data, j)):
            j += 1
        if j == size:
            break
        start = j
        while j < size and _is_letter(PyUnicode_READ(kind, data, j)):
            j += 1
        if j - start <= max_len and PyUnicode_Substring(text, start, j) in vocabulary:
            hits += 1
        count += 1
    return count, hits


cdef inline bint _is_letter(Py_UCS4 ch) noexcept:
    # The character class [^\W\d_] of Python's re on str: \w is alphanumeric or "_", \d decimal.
    if ch < 128:
        return (97 <= ch <= 122) or (65 <= ch <= 90)
    return Py_UNICODE_ISALNUM(ch) and not Py_UNICODE_ISDECIMAL(ch)


def block_facts(list blocks, dict tag_group, Py_ssize_t other_group, Py_ssize_t path_len):
    """The facts matrix of :func:`warta.page.features.block_facts`: per block, its ``words``,
    ``chars``, ``link_chars``, number of ``links``, ``depth``, tag group (``tag_group`` of its
    ``tag``, else ``other_group``), ``anc``, ``hits``, ``near`` and the first ``path_len`` ids of
    its ``path`` (padded with -1), as int64."""
    cdef Py_ssize_t n = len(blocks), width = 9 + path_len, i, k, size
    out = np.empty((n, width), dtype=np.int64)
    cdef int64_t[:, ::1] res = out
    cdef object b, group
    cdef tuple path
    for i in range(n):
        b = blocks[i]
        res[i, 0] = b.words
        res[i, 1] = b.chars
        res[i, 2] = b.link_chars
        res[i, 3] = len(b.links)
        res[i, 4] = b.depth
        group = tag_group.get(b.tag)
        res[i, 5] = other_group if group is None else group
        res[i, 6] = b.anc
        res[i, 7] = b.hits
        res[i, 8] = b.near
        path = b.path
        size = min(len(path), path_len)
        for k in range(size):
            res[i, 9 + k] = path[k]
        for k in range(size, path_len):
            res[i, 9 + k] = -1
    return out
