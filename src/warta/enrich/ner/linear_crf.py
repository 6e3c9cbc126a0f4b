"""The crfsuite CRF's scoring in numpy, a whole text's sentences in one batch.

crfsuite tags one sentence per call, each of its feature strings (about 45 a token) turned into
an attribute id first: with the strings built, about a third of the tagging time (py-spy on
1,000 CLICK-ID articles). The model is a plain linear-chain CRF: a token's score for a label is
the sum of the weights of its attributes' state features, and a path adds the label-to-label
transition weights (crfsuite has no start or end features). So the per-word part of the score
(everything :class:`FeatureExtractor` works out from one word: its own features, what it shows
its neighbours at each offset, the first-word and mid-sentence features, its run-word feature)
is summed once per distinct word and cached as an ``(8, 7)`` block; a sentence's scores are
then a few array gathers, plus the features that join two words (word pairs, capitalised runs).
:func:`~warta.enrich.ner.crf.viterbi_batch` and :func:`~warta.enrich.ner.crf.crf_marginals_batch` decode them in float64,
as crfsuite does, with labels in crfsuite's order so that ties break the same way.

The scores add the same weights in a different order, so they can differ from crfsuite's in
the last bits of a double (marginals within 1e-14): on the 1,148 gold texts and 1,000 CLICK-ID
articles (676,162 tokens) not one label changed. The weights are read from the model file
itself (:func:`read_model`), not from crfsuite's text dump, which rounds them to six decimals.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence

import numpy as np

from warta.enrich.ner.crf import LABELS, crf_marginals_batch, viterbi_batch
from warta.enrich.ner.features import SENTENCE_OPENERS, FeatureExtractor, capital_runs

_OWN, _NEAR_M2, _NEAR_M1, _NEAR_P1, _NEAR_P2, _FIRST, _MID, _RUN_WORD = range(8)
_NEAR_ROWS = (
    (-2, _NEAR_M2, "-2pad"),
    (-1, _NEAR_M1, "-1pad"),
    (1, _NEAR_P1, "1pad"),
    (2, _NEAR_P2, "2pad"),
)
_MAX_WORDS = 100_000
"""Cached words before the cache starts afresh (bounded memory)."""


_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
"""One feature record of a crfsuite model file (type 0: state, src = attribute; type 1:
transition, src = label; dst = label)."""


def _cqdb_keys(data: bytes, offset: int) -> list[str]:
    """The strings of a crfsuite CQDB string table at ``offset``, by id (its backward array)."""
    magic, _, _, _, count, back = struct.unpack_from("<4sIIIII", data, offset)
    if magic != b"CQDB":
        raise ValueError("not a crfsuite model: no CQDB table")
    keys: list[str] = []
    for (at,) in struct.iter_unpack("<I", data[offset + back : offset + back + 4 * count]):
        _, size = struct.unpack_from("<II", data, offset + at)
        start = offset + at + 8
        keys.append(data[start : start + size - 1].decode())
    return keys


def read_model(model: bytes) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Labels and attributes (by id), state and transition features of a crfsuite CRF1d model
    file (``lCRF``/``FOMC``, as ``crf1d_model.c`` writes it).

    The model's text dump (``Tagger.info()``) prints weights to six decimals only, and the
    scores must be crfsuite's to the last bit or near it, so the file is read directly.
    """
    magic, _, kind, _, _, _, _, off_features, off_labels, off_attrs = struct.unpack_from(
        "<4sI4sI6I", model, 0
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a crfsuite CRF1d model")
    chunk, _, count = struct.unpack_from("<4sII", model, off_features)
    if chunk != b"FEAT":
        raise ValueError("not a crfsuite model: no feature chunk")
    features = np.frombuffer(model, dtype=_FEATURE, count=count, offset=off_features + 12)
    labels, attrs = _cqdb_keys(model, off_labels), _cqdb_keys(model, off_attrs)
    state = features[features["type"] == 0]
    trans = features[features["type"] == 1]
    if (
        len(state) + len(trans) != count
        or (state["src"] >= len(attrs)).any()
        or (state["dst"] >= len(labels)).any()
        or (trans["src"] >= len(labels)).any()
        or (trans["dst"] >= len(labels)).any()
    ):
        raise ValueError("crfsuite model with unknown feature types or ids out of range")
    return labels, attrs, state, trans


class LinearCrf:
    """A crfsuite model's weights (read from the model file) scoring the features that
    ``features`` makes, batched over sentences.

    Per-word blocks are cached on the instance (bounded); the rest is read-only.
    """

    def __init__(self, model: bytes, features: FeatureExtractor) -> None:
        labels, attrs, state, trans = read_model(model)
        # crfsuite's label ids give its tie-break order; columns here are in that order
        self._to_labels = np.array([LABELS.index(name) for name in labels])
        weights = np.zeros((len(attrs) + 1, len(labels)))  # row 0: unknown attribute
        np.add.at(weights, (state["src"] + 1, state["dst"]), state["weight"])
        table = np.zeros((len(labels), len(labels)))
        np.add.at(table, (trans["src"], trans["dst"]), trans["weight"])
        index = {name: k + 1 for k, name in enumerate(attrs)}
        self.features = features
        self._attrs = index
        self._weights = weights
        self._trans = table
        self._none = np.zeros(len(labels))
        self._pads = {off: weights[index.get(name, 0)] for off, _, name in _NEAR_ROWS}
        self._rows: dict[str, int] = {}
        self._table = np.zeros((1024, 8, len(labels)))
        self._opener = np.zeros(1024, dtype=bool)
        # One model is shared by every thread of a process (load_model caches it): the word
        # cache is read, grown and gathered from under this lock, or a thread could read rows
        # another is moving or resetting.
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        del state["_lock"]
        state["_rows"] = {}
        state["_table"] = self._table[:1].copy()
        state["_opener"] = self._opener[:1].copy()
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _add_words(self, words: Sequence[str]) -> None:
        """Sum the weights of the per-word feature groups of new, distinct ``words`` and cache
        them (the caller bounds the cache)."""
        base = len(self._rows)
        need = base + len(words)
        if need > len(self._table):
            size = max(need, 2 * len(self._table))
            table = np.zeros((size, *self._table.shape[1:]))
            table[:base] = self._table[:base]
            opener = np.zeros(size, dtype=bool)
            opener[:base] = self._opener[:base]
            self._table, self._opener = table, opener
        ids: list[int] = []
        starts: list[int] = []
        get = self._attrs.get
        for word in words:
            f = self.features.word(word)
            for group in (
                f.own,
                f.near[-2],
                f.near[-1],
                f.near[1],
                f.near[2],
                f.first,
                (f.mid,),
                ("rw=" + f.low,),
            ):
                starts.append(len(ids))
                ids.append(0)  # a zero row first, so that no group is empty for reduceat
                ids.extend([get(name, 0) for name in group])
        sums = np.add.reduceat(self._weights[ids], starts, axis=0)
        self._table[base:need] = sums.reshape(len(words), 8, -1)
        self._opener[base:need] = [w in SENTENCE_OPENERS for w in words]
        self._rows.update(zip(words, range(base, need), strict=True))

    def scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """State scores ``(total tokens, 7)`` of non-empty ``sentences`` laid end to end, columns
        in crfsuite's label order (what crfsuite sums from :meth:`FeatureExtractor.sentence`)."""
        words_all = [w for words in sentences for w in words]
        with self._lock:
            rows = self._rows
            new = list(dict.fromkeys(w for w in words_all if w not in rows))
            if new:
                if len(rows) + len(new) > _MAX_WORDS:  # start afresh with these sentences' words
                    self._rows = {}
                    new = list(dict.fromkeys(words_all))
                self._add_words(new)
                rows = self._rows
            idx = np.array([rows[w] for w in words_all], dtype=np.int64)
            block = self._table[idx]  # (T, 8, L), a copy: safe to use once the lock is gone
            opener = self._opener[idx]
        lengths = np.array([len(words) for words in sentences])
        ends = np.cumsum(lengths)
        first_of = np.repeat(ends - lengths, lengths)
        end_of = np.repeat(ends, lengths)
        total = block[:, _OWN].copy()
        pos = np.arange(len(idx))
        for off, row, _ in _NEAR_ROWS:
            other = pos + off
            inside = (other >= first_of) & (other < end_of)
            total[inside] += block[other[inside], row]
            total[~inside] += self._pads[off]
        first = pos == first_of
        first[1:] |= opener[:-1]
        total += np.where(first[:, None], block[:, _FIRST], block[:, _MID])
        self._add_joins(total, block, sentences)
        return total

    def _add_joins(
        self, total: np.ndarray, block: np.ndarray, sentences: Sequence[Sequence[str]]
    ) -> None:
        """Add the features that join words: the word pairs and the capitalised runs."""
        at: list[int] = []
        ids: list[int] = []
        run_tokens: list[int] = []
        run_ids: list[int] = []
        get = self._attrs.get
        word = self.features.word
        offset = 0
        for words in sentences:
            lows = [w.lower() for w in words]  # as FeatureExtractor's word(w).low
            n = len(words)
            for i in range(n - 1):
                pair = lows[i] + "|" + lows[i + 1]
                right = get("w|+1w=" + pair, 0)
                left = get("-1w|w=" + pair, 0)
                if right:
                    at.append(offset + i)
                    ids.append(right)
                if left:
                    at.append(offset + i + 1)
                    ids.append(left)
            for start, end in capital_runs(words):
                length = end - start
                last = word(words[end - 1])
                common = [
                    get("rn=" + str(min(length, 4)), 0),
                    get("rl=" + lows[end - 1], 0),
                    get("rlk=" + last.cluster_tail, 0),
                    get("rf=" + lows[start], 0),
                    get("rb=" + (lows[start - 1] if start > 0 else "^"), 0),
                    get("ra=" + (lows[end] if end < n else "$"), 0),
                ]
                for i in range(start, end):
                    position = (
                        "S" if length == 1 else "B" if i == start else "E" if i == end - 1 else "I"
                    )
                    at.extend([offset + i] * 7)
                    ids.extend(common)
                    ids.append(get("rp=" + position, 0))
                    if length > 1:
                        run_tokens.append(offset + i)
                        run_ids.append(offset + start)
            offset += n
        if at:
            np.add.at(total, np.array(at), self._weights[ids])
        if run_tokens:
            # every other word of the run: the run's sum of "rw=" weights less the token's own
            tokens = np.array(run_tokens)
            own = block[tokens, _RUN_WORD]
            group = np.unique(np.array(run_ids), return_inverse=True)[1]
            sums = np.zeros((int(group.max()) + 1, own.shape[1]))
            np.add.at(sums, group, own)
            total[tokens] += sums[group] - own

    def split(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per non-empty sentence its state scores ``(len, 7)`` (see :meth:`scores`)."""
        if not sentences:
            return []
        cuts = np.cumsum([len(words) for words in sentences])[:-1]
        return np.split(self.scores(sentences), cuts)

    def best_paths(self, scores: Sequence[np.ndarray]) -> list[list[str]]:
        """The best label path of each sentence's scores (crfsuite's Viterbi)."""
        paths = viterbi_batch(scores, self._trans, self._none, self._none, dtype=np.float64)
        to_labels = self._to_labels
        return [[LABELS[to_labels[j]] for j in path] for path in paths]

    def marginals(self, scores: Sequence[np.ndarray]) -> list[np.ndarray]:
        """Token marginals ``(len, 7)`` of each sentence's scores, columns in
        :data:`~warta.enrich.ner.crf.LABELS` order."""
        probs = crf_marginals_batch(scores, self._trans, self._none, self._none)
        inverse = np.argsort(self._to_labels)
        return [p[:, inverse] for p in probs]
