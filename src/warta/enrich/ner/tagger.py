"""The Indonesian NER tagger: a crfsuite CRF and a small neural net (run in numpy) shipped in
``warta/assets``, loaded once per process.

The CRF (``ner.crfsuite.xz``; xz packs it a quarter smaller than gzip) and its word-cluster
table (``ner_clusters.tsv.gz``) are trained by ``python -m training.ner.train``, the net
(``ner_net.npz.xz``, see ``neural``) by ``python -m training.ner.neural ship`` (see
``training/ner/README.md``). The two are combined per sentence: where their best paths agree,
that path; otherwise their token marginals are averaged (:data:`NET_WEIGHT`) and decoded by a
BIO-valid Viterbi. Nothing is downloaded at run time. :func:`tag` finds person, organisation
and place mentions with their character spans.
"""

from __future__ import annotations

import functools
import gzip
import lzma
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import Literal, NamedTuple

import numpy as np
import pycrfsuite

from warta.enrich.ner.crf import LABEL_INDEX, LABELS, bio_viterbi_batch
from warta.enrich.ner.features import CUE_CLASS, SENTENCE_OPENERS, FeatureExtractor, parse_clusters
from warta.enrich.ner.linear_crf import LinearCrf
from warta.enrich.ner.neural import NeuralTagger, load_arrays
from warta.enrich.ner.tokenize import Token, split_sentences, tokenize

EntityType = Literal["PERSON", "ORGANIZATION", "PLACE"]

MODEL_ASSET = "ner.crfsuite.xz"
CLUSTERS_ASSET = "ner_clusters.tsv.gz"
NET_ASSET = "ner_net.npz.xz"

NET_WEIGHT = 0.5
"""Weight of the net's marginals against the CRF's (chosen on NERGrit valid and CV: 0.3-0.7
tried, see ``docs/ner.md``)."""

KEEP_CRF_ENDS = True
"""Where the paths differ, a combined span that starts with one of the CRF's runs at least to
its end (:func:`_keep_crf_ends`; keeps ``Kim Jong Un`` whole, see ``docs/ner.md``)."""

NET_SURE = 0.9
"""A sentence whose every token the net labels with marginal probability ≥ this takes the
net's path and skips the CRF: about a third faster, the same scores on NERGrit valid and CV
(0.9-0.99 tried, see ``docs/ner.md``)."""

SPLIT_MIN = 0.25
"""Marginal probability at which a span is cut where another entity may start."""


class Mention(NamedTuple):
    """One entity mention: its text as written, type and ``[start, end)`` span in the text."""

    text: str
    type: EntityType
    start: int
    end: int


class NerModel:
    """A crfsuite tagger plus the feature extractor it was trained with, and optionally the
    neural tagger combined with it (``net``, weight ``net_weight``; with no CRF, the net alone).

    Not picklable itself (the tagger is a C object); step objects refer to it through
    :func:`load_model`, which every process calls lazily.
    """

    def __init__(
        self,
        model: bytes | None,
        clusters: Mapping[str, Sequence[str]],
        net: NeuralTagger | None = None,
        net_weight: float = 0.5,
        net_sure: float | None = None,
        keep_crf_ends: bool = False,
    ) -> None:
        self._model = model  # keep the bytes alive for the in-memory tagger
        self._tagger = pycrfsuite.Tagger()
        if model is not None:
            self._tagger.open_inmemory(model)
        elif net is None:
            raise ValueError("NerModel needs a CRF model, a neural net, or both")
        self.features = FeatureExtractor(clusters)
        self._linear: LinearCrf | None = None
        self.net = net
        self.net_weight = net_weight if model is not None else 1.0
        self.net_sure = net_sure
        self.keep_crf_ends = keep_crf_ends
        """If set: sentences where the net gives every token a label of at least this marginal
        probability take the net's path without the CRF (a speed cascade)."""

    def tag_words(self, words: list[str]) -> list[str]:
        """BIO labels for one sequence of token strings."""
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sentences: Sequence[list[str]]) -> list[list[str]]:
        """BIO labels for several sequences (the net, if any, scores them all in one pass)."""
        if self.net is None:
            out: list[list[str]] = []
            for words in sentences:
                labels, marginal = (
                    self._decode(self.features.sentence(words)) if words else ([], None)
                )
                if marginal is not None:
                    self._split_fused(labels, marginal)
                    self._extend_people_left(words, labels)
                out.append(labels)
            return out
        return self._tag_with_net(self.net, sentences)

    def _decode(self, xseq: list[list[str]]) -> tuple[list[str], Callable[[str, int], float]]:
        """The CRF's best path, and ``marginal(label, t)`` of the sequence just tagged (a hook:
        the ensemble experiments in ``training/ner/ensemble.py`` decode differently)."""
        return list(self._tagger.tag(xseq)), self._tagger.marginal

    def _tag_with_net(self, net: NeuralTagger, sentences: Sequence[list[str]]) -> list[list[str]]:
        """Label the sentences with the net, alone or combined with the CRF.

        Net alone (no CRF): its CRF layer's best paths; the span-split repair reads its
        marginals. Both: where the two best paths agree, that path; otherwise the BIO-valid
        path that maximises the token marginals averaged with weight ``net_weight`` on the net.
        The span-split repair reads the CRF's marginals (:data:`SPLIT_MIN` was tuned on them).
        The CRF (:class:`~warta.enrich.ner.linear_crf.LinearCrf`, crfsuite's model scored in
        numpy) scores all the sentences it is asked about in one batch; its marginals are
        worked out only where the paths differ or a span may be split.
        """
        out: list[list[str]] = [[] for _ in sentences]
        present = [i for i, words in enumerate(sentences) if words]
        emissions = net.emissions([sentences[i] for i in present])
        paths = net.viterbi_batch(emissions)
        if self._model is None or self.net_weight >= 1:
            for i, em, path in zip(present, emissions, paths, strict=True):
                labels = [LABELS[j] for j in path]
                probs = net.marginals(em)
                self._split_fused(labels, _reader(probs))
                self._extend_people_left(sentences[i], labels)
                out[i] = labels
            return out
        differ: list[
            tuple[int, int, np.ndarray, list[str]]
        ] = []  # sentence, row, CRF marginals, path
        # with the cascade, the net's marginals of every sentence (reused where paths differ)
        net_all = net.marginals_batch(emissions) if self.net_sure is not None else None
        asked: list[tuple[int, int, list[str]]] = []  # sentence, row, the net's labels
        for k, (i, path) in enumerate(zip(present, paths, strict=True)):
            words = sentences[i]
            net_labels = [LABELS[j] for j in path]
            if net_all is not None and net_all[k].max(axis=1).min() >= (self.net_sure or 0):
                # the net is sure of every token: the CRF is not asked
                self._split_fused(net_labels, _reader(net_all[k]))
                self._extend_people_left(words, net_labels)
                out[i] = net_labels
                continue
            asked.append((i, k, net_labels))
        if not asked:
            return out
        crf = self._linear_crf()
        scores = crf.split([sentences[i] for i, _, _ in asked])
        crf_paths = crf.best_paths(scores)
        # the CRF's marginals where the paths differ, or where a span may be split
        wanted = [
            n
            for n, ((_, _, net_labels), labels) in enumerate(zip(asked, crf_paths, strict=True))
            if labels != net_labels or any(label[0] == "I" for label in labels)
        ]
        crf_marginals: dict[int, np.ndarray] = dict(
            zip(wanted, crf.marginals([scores[n] for n in wanted]), strict=True)
        )
        for n, ((i, k, net_labels), labels) in enumerate(zip(asked, crf_paths, strict=True)):
            if labels == net_labels:
                if n in crf_marginals:
                    self._split_fused(labels, _reader(crf_marginals[n]))
                self._extend_people_left(sentences[i], labels)
                out[i] = labels
            else:
                differ.append((i, k, crf_marginals[n], labels))
        if not differ:
            return out
        w = self.net_weight
        net_probs = (
            [net_all[k] for _, k, _, _ in differ]
            if net_all is not None
            else net.marginals_batch([emissions[k] for _, k, _, _ in differ])
        )
        mixed = [(1 - w) * c + w * q for (_, _, c, _), q in zip(differ, net_probs, strict=True)]
        for (i, _, crf_probs, crf_labels), path in zip(
            differ, bio_viterbi_batch(mixed), strict=True
        ):
            labels = [LABELS[j] for j in path]
            if self.keep_crf_ends:
                _keep_crf_ends(labels, crf_labels)
            self._split_fused(labels, _reader(crf_probs))
            self._extend_people_left(sentences[i], labels)
            out[i] = labels
        return out

    def _linear_crf(self) -> LinearCrf:
        """The CRF's weights in numpy (read from the model on first use): combined with the net,
        all sentences of a text are scored in one batch instead of one crfsuite call each."""
        if self._linear is None:
            if self._model is None:
                raise ValueError("no CRF model")
            self._linear = LinearCrf(self._model, self.features)
        return self._linear

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


def _keep_crf_ends(labels: list[str], crf_labels: list[str]) -> None:
    """Give back what the combined path cut off a span of the CRF's best path.

    Averaged token marginals know nothing of transitions: the last word of a name whose
    marginals are spread (``Kim Jong Un``: ``Un`` I-PERSON 0.27, O 0.64 for the CRF, whose
    best path still takes it) can fall out of the span, or a name breaks in two where the net
    sees a first name (``Raden | Prabowo Argo Yuwono``). Where the combined path has a span
    that starts where one of the CRF's spans of the same type starts and ends before it, with
    only ``O`` or that type up to the CRF's end, the span runs to the CRF's end.
    """
    n = len(labels)
    i = 0
    while i < n:
        if not labels[i].startswith("B-"):
            i += 1
            continue
        kind = labels[i][2:]
        end = i + 1
        while end < n and labels[end] == "I-" + kind:
            end += 1
        if crf_labels[i] == "B-" + kind:
            crf_end = i + 1
            while crf_end < n and crf_labels[crf_end] == "I-" + kind:
                crf_end += 1
            if crf_end > end and all(labels[j][2:] in ("", kind) for j in range(end, crf_end)):
                for j in range(end, crf_end):
                    labels[j] = "I-" + kind
                end = crf_end
        i = end


def _reader(probs: np.ndarray) -> Callable[[str, int], float]:
    """``marginal(label, t)`` over a ``(T, 7)`` array of marginals."""

    def marginal(label: str, t: int) -> float:
        return float(probs[t, LABEL_INDEX[label]])

    return marginal


def _read_asset(name: str) -> bytes:
    return resources.files("warta.assets").joinpath(name).read_bytes()


@functools.cache
def load_model() -> NerModel:
    """The shipped model (CRF + net), read from package data on first use and kept for the
    process."""
    model = lzma.decompress(_read_asset(MODEL_ASSET))
    clusters = parse_clusters(gzip.decompress(_read_asset(CLUSTERS_ASSET)).decode().splitlines())
    net = NeuralTagger(load_arrays(lzma.decompress(_read_asset(NET_ASSET))), clusters)
    return NerModel(
        model,
        clusters,
        net=net,
        net_weight=NET_WEIGHT,
        net_sure=NET_SURE,
        keep_crf_ends=KEEP_CRF_ENDS,
    )


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
    sentences = split_sentences(tokens, text)
    tagged = ner.tag_sentences([[t.text for t in sentence] for sentence in sentences])
    for sentence, labels in zip(sentences, tagged, strict=True):
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
