"""The Indonesian NER tagger: a crfsuite CRF shipped in ``warta/assets``, loaded once per process.

The model (``ner.crfsuite.xz``; xz packs it a quarter smaller than gzip) and its word-cluster
table (``ner_clusters.tsv.gz``) are trained by ``python -m training.ner.train`` (see
``training/ner/README.md``). Nothing is downloaded at run time. :func:`tag` finds person, organisation and place mentions with their character spans.
"""

from __future__ import annotations

import functools
import gzip
import lzma
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import Literal, NamedTuple

import pycrfsuite

from warta.enrich.ner.features import CUE_CLASS, SENTENCE_OPENERS, FeatureExtractor, parse_clusters
from warta.enrich.ner.tokenize import Token, split_sentences, tokenize

EntityType = Literal["PERSON", "ORGANIZATION", "PLACE"]

MODEL_ASSET = "ner.crfsuite.xz"
CLUSTERS_ASSET = "ner_clusters.tsv.gz"

SPLIT_MIN = 0.25
"""Marginal probability at which a span is cut where another entity may start."""


class Mention(NamedTuple):
    """One entity mention: its text as written, type and ``[start, end)`` span in the text."""

    text: str
    type: EntityType
    start: int
    end: int


class NerModel:
    """A crfsuite tagger plus the feature extractor it was trained with.

    Not picklable itself (the tagger is a C object); step objects refer to it through
    :func:`load_model`, which every process calls lazily.
    """

    def __init__(self, model: bytes, clusters: Mapping[str, Sequence[str]]) -> None:
        self._model = model  # keep the bytes alive for the in-memory tagger
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)
        self.features = FeatureExtractor(clusters)

    def tag_words(self, words: list[str]) -> list[str]:
        """BIO labels for one sequence of token strings."""
        if not words:
            return []
        labels, marginal = self._decode(self.features.sentence(words))
        self._split_fused(labels, marginal)
        self._extend_people_left(words, labels)
        return labels

    def _decode(self, xseq: list[list[str]]) -> tuple[list[str], Callable[[str, int], float]]:
        """The CRF's best path, and ``marginal(label, t)`` of the sequence just tagged (a hook:
        the ensemble experiments in ``training/ner/ensemble.py`` decode differently)."""
        return list(self._tagger.tag(xseq)), self._tagger.marginal

    def _split_fused(self, labels: list[str], marginal: Callable[[str, int], float]) -> None:
        """Split a span where the CRF itself gives real weight to a new entity starting.

        Indonesian titles run a place or body straight into a name (``Duta Besar Rusia untuk
        Korea Selatan Georgy Zinoviev``) and the best path sometimes tags it all as one place.
        When, inside a span of type X, a token has marginal probability ≥ ``SPLIT_MIN`` of
        ``B-Y`` (Y ≠ X) and the rest of the span has ≥ ``SPLIT_MIN`` of ``I-Y``, the span is
        cut there and the rest relabelled Y. ``marginal(label, t)`` reads the marginals of the
        sequence just tagged.
        """
        n = len(labels)
        i = 1
        while i < n:
            kind = labels[i][2:]
            if not labels[i].startswith("I-"):
                i += 1
                continue
            end = i
            while end < n and labels[end] == "I-" + kind:
                end += 1
            for cut in range(i, end):
                other = next(
                    (
                        y
                        for y in ("PERSON", "ORGANIZATION", "PLACE")
                        if y != kind and marginal("B-" + y, cut) >= SPLIT_MIN
                    ),
                    None,
                )
                if other and all(
                    marginal("I-" + other, j) >= SPLIT_MIN for j in range(cut + 1, end)
                ):
                    labels[cut] = "B-" + other
                    for j in range(cut + 1, end):
                        labels[j] = "I-" + other
                    break
            i = end

    def _extend_people_left(self, words: list[str], labels: list[str]) -> None:
        """Take a capitalised common word into the person name it directly precedes.

        Given names that are also everyday words (``Yang`` in ``kata Yang Moo Jin``, ``Bunga``,
        ``Bintang``) are left out by the CRF, which has learned that these words are not names.
        Capitalised in mid-sentence right before a name, such a word is part of it. Only words
        whose case profile says "usually lower-case" (``c0``) and that are not cue words
        (titles, speech verbs) are taken.
        """
        for i in range(1, len(words)):
            if labels[i] != "B-PERSON" or labels[i - 1] != "O":
                continue
            prev = words[i - 1]
            if not prev[:1].isupper() or i - 1 == 0 or words[i - 2] in SENTENCE_OPENERS:
                continue
            low = prev.lower()
            profile = self.features.clusters.get(low, ("",))[0]
            if profile == "c0" and low not in CUE_CLASS:
                labels[i - 1] = "B-PERSON"
                labels[i] = "I-PERSON"


def _read_asset(name: str) -> bytes:
    return resources.files("warta.assets").joinpath(name).read_bytes()


@functools.cache
def load_model() -> NerModel:
    """The shipped model, read from package data on first use and kept for the process."""
    model = lzma.decompress(_read_asset(MODEL_ASSET))
    clusters = parse_clusters(gzip.decompress(_read_asset(CLUSTERS_ASSET)).decode().splitlines())
    return NerModel(model, clusters)


def _has_letter(s: str) -> bool:
    return any(ch.isalpha() for ch in s)


def tag(text: str, model: NerModel | None = None) -> list[Mention]:
    """Person, organisation and place mentions in ``text``, in reading order.

    Tokens are tagged one sentence at a time. Punctuation at either edge of a predicted span is
    trimmed off, and spans without a letter are dropped.
    """
    if not text or not text.strip():
        return []
    ner = model or load_model()
    tokens = tokenize(text)
    mentions: list[Mention] = []
    for sentence in split_sentences(tokens, text):
        labels = ner.tag_words([t.text for t in sentence])
        kind: str | None = None
        start = 0
        for i, label in enumerate([*labels, "O"]):
            if label == "O" or label.startswith("B-") or label[2:] != kind:
                if kind is not None:
                    _add(mentions, text, sentence[start:i], kind)
                    kind = None
                if label != "O":
                    kind, start = label[2:], i
    return mentions


_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORGANIZATION": "ORGANIZATION",
    "PLACE": "PLACE",
}


def _add(mentions: list[Mention], text: str, span: list[Token], kind: str) -> None:
    while span and not _has_letter(span[0].text) and not span[0].text.isdigit():
        span = span[1:]
    while span and not _has_letter(span[-1].text) and not span[-1].text.isdigit():
        span = span[:-1]
    if not span:
        return
    start, end = span[0].start, span[-1].end
    surface = text[start:end]
    entity_type = _TYPES.get(kind)
    if entity_type is not None and _has_letter(surface):
        mentions.append(Mention(surface, entity_type, start, end))
