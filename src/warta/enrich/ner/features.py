"""CRF features for Indonesian NER: word shape, case, affixes, cue words, clusters, ±2 context.

Everything that depends on one word only (its shape, affixes, cue class, cluster paths) is worked
out once per distinct word and cached, so tagging a sentence is mostly string joins. The same
code makes the features at training time (``training/ner``) and at run time, so the two cannot
drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple


def _words(block: str) -> list[str]:
    return block.split()


# Cue words: classes of words that announce or end a name. The CRF also sees every word itself;
# the classes let rare cue words share what common ones taught it.
_PERSON_CUES = _words(
    """
presiden wapres menteri menko mendagri menkeu gubernur wagub bupati wabup walikota wali wakil
ketua ketum waketum sekjen sekretaris direktur dirut komisaris kepala kadis kapolri kapolda kapolres
kapolsek kasat kabid kasubag panglima pangdam kasad jenderal brigjen mayjen letjen irjen kombes akbp
kompol iptu ipda aiptu bripka briptu kapten kolonel letkol mayor serka sertu kopral dandim danrem
bapak ibu pak bu mbak mas kak om tante saudara sdr tuan nyonya nona mr mrs ms sir dr drs dra ir prof
h hj kh kiai ustaz ustad habib syekh pendeta uskup paus romo raja ratu pangeran sultan perdana pm
rektor dekan dosen hakim jaksa pengacara kuasa juru jubir senator anggota politikus politisi aktor
aktris penyanyi pelatih pemain striker kiper pebulutangkis petenis pembalap artis selebriti
camat lurah kades kapuspen kabareskrim kadiv ceo founder pendiri pemilik tersangka terdakwa korban
"""
)
_SPEECH_CUES = _words(
    """
kata ujar ucap ungkap tutur jelas terang tegas sebut imbuh tambah papar katanya ujarnya ucapnya
ungkapnya tuturnya jelasnya terangnya tegasnya sebutnya imbuhnya tambahnya paparnya menurut
mengatakan menuturkan menjelaskan menegaskan mengungkapkan menyebutkan
"""
)
_PLACE_CUES = _words(
    """
kota kabupaten kab provinsi prov kecamatan kec desa kelurahan kampung dusun jalan jl jln pulau gunung
sungai danau teluk selat laut samudra benua negara negeri ibukota wilayah kawasan daerah distrik
"""
)
_ORG_CUES = _words(
    """
pt cv tbk partai universitas univ institut sekolah sma smp sd smk kementerian kemenkeu kemendagri
badan dinas komisi dewan lembaga majelis mahkamah pengadilan kejaksaan kejari kejati polres polda
polsek polri tni kodam kodim korem bank rumah rs puskesmas yayasan perusahaan klub fc asosiasi
persatuan himpunan serikat ikatan organisasi koperasi pemerintah pemkot pemkab pemprov dprd dpr
mpr kpk kpu bawaslu bpk bumn fraksi tim kantor biro direktorat ditjen
"""
)
_PREPOSITIONS = _words("di ke dari dalam pada untuk oleh dengan kepada antara bagi")

CUE_CLASS: dict[str, str] = {}
for _group, _cls in (
    (_PREPOSITIONS, "prep"),
    (_PLACE_CUES, "place"),
    (_ORG_CUES, "org"),
    (_SPEECH_CUES, "say"),
    (_PERSON_CUES, "per"),
):
    for _w in _group:
        CUE_CLASS[_w] = _cls

SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", "”", ":", "(", "-", "—", "–", "'", "‘"})

_SHAPE_MAP = re.compile(r"(.)\1+")

_OFFSETS = ((-2, "-2"), (-1, "-1"), (1, "1"), (2, "2"))
"""Context offsets and the prefixes their feature strings carry."""


def word_shape(word: str) -> str:
    """A short shape: upper → ``X``, lower → ``x``, digit → ``d``, runs squeezed (``Putin`` →
    ``Xx``, ``13/6`` → ``d/d``, ``KPK`` → ``X``)."""
    chars = []
    for ch in word:
        if ch.isupper():
            chars.append("X")
        elif ch.isalpha():
            chars.append("x")
        elif ch.isdigit():
            chars.append("d")
        else:
            chars.append(ch)
    return _SHAPE_MAP.sub(r"\1", "".join(chars))


class FeatureExtractor:
    """Turns token strings into CRF feature strings.

    ``clusters`` maps a lower-cased word to its labels from unlabelled text: its case profile,
    then k-means cluster ids coarse to fine (see ``training/ner/clusters.py``); empty when no cluster table is used. The per-word cache is dropped on pickling.
    """

    def __init__(self, clusters: Mapping[str, Sequence[str]] | None = None) -> None:
        self.clusters: Mapping[str, Sequence[str]] = clusters or {}
        self._cache: dict[str, _Word] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"clusters": self.clusters}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.clusters = state["clusters"]
        self._cache = {}

    def word(self, word: str) -> _Word:
        """Everything about one word that does not depend on its neighbours, with the feature
        strings its neighbours show already prefixed by their offset (cached)."""
        return self._word(word)

    def _word(self, word: str) -> _Word:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        low = word.lower()
        shape = word_shape(word)
        case = (
            "U"
            if word.isupper() and len(word) > 1
            else "T"
            if word[:1].isupper()
            else "d"
            if word[:1].isdigit()
            else "l"
            if word[:1].isalpha()
            else "p"
        )
        cue = CUE_CLASS.get(low, "")
        own = [
            "b",
            "w=" + low,
            "sh=" + shape,
            "c=" + case,
            "p2=" + low[:2],
            "p3=" + low[:3],
            "s2=" + low[-2:],
            "s3=" + low[-3:],
            "s4=" + low[-4:],
            "len=" + (str(len(word)) if len(word) < 4 else "4+"),
        ]
        near = ["w=" + low, "sh=" + shape, "c=" + case]
        if cue:
            own.append("cue=" + cue)
            near.append("cue=" + cue)
        labels = self.clusters.get(low, ())
        case_prof = case + "|" + (labels[0] if labels else "none")
        own.append("cp=" + case_prof)
        for k, label in enumerate(labels):
            own.append(f"k{k}={label}")
            if k < 3:
                near.append(f"k{k}={label}")
        # Case × cluster conjunctions: a capitalised word of a cluster of place names reads
        # differently from the same cluster in lower case (tuned on NERGrit valid: +1 F1).
        mid_k = labels[2] if len(labels) > 2 else "none"
        fine_k = labels[-1] if len(labels) > 3 else "none"
        own.append(f"ck={case}|{mid_k}")
        own.append(f"ckf={case}|{fine_k}")
        if len(self._cache) > 200_000:
            self._cache.clear()
        result = _Word(
            own=own,
            near={
                off: [prefix + f for f in near]
                + ([prefix + "kf=" + fine_k] if off in (-1, 1) else [])
                for off, prefix in _OFFSETS
            },
            low=low,
            first=["first", "first|c=" + case, "first|" + case_prof],
            mid="mid|" + case_prof,
            cluster_tail=near[-1] if near[-1].startswith("k") else "none",
        )
        self._cache[word] = result
        return result

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """The feature strings of every token of one sentence (or short sequence)."""
        feats = [self._word(w) for w in words]
        lows = [f.low for f in feats]
        n = len(words)
        runs = _run_of_token(words)
        out: list[list[str]] = []
        for i in range(n):
            word = feats[i]
            row = word.own.copy()
            run = runs[i]
            if run is not None:
                start, end = run
                pos = (
                    "S" if end - start == 1 else "B" if i == start else "E" if i == end - 1 else "I"
                )
                row.append("rp=" + pos)
                row.append("rn=" + str(min(end - start, 4)))
                row.append("rl=" + lows[end - 1])
                row.append("rlk=" + feats[end - 1].cluster_tail)
                row.append("rf=" + lows[start])
                row.append("rb=" + (lows[start - 1] if start > 0 else "^"))
                row.append("ra=" + (lows[end] if end < n else "$"))
                # The other words of the run (``Universitas`` … ``Surakarta`` sees both).
                row.extend(["rw=" + lows[j] for j in range(start, end) if j != i])
            if i == 0 or words[i - 1] in SENTENCE_OPENERS:
                row.extend(word.first)
            else:
                row.append(word.mid)
            if i >= 2:
                row.extend(feats[i - 2].near[-2])
            else:
                row.append("-2pad")
            if i >= 1:
                row.extend(feats[i - 1].near[-1])
                row.append("-1w|w=" + lows[i - 1] + "|" + lows[i])
            else:
                row.append("-1pad")
            if i + 1 < n:
                row.extend(feats[i + 1].near[1])
                row.append("w|+1w=" + lows[i] + "|" + lows[i + 1])
            else:
                row.append("1pad")
            if i + 2 < n:
                row.extend(feats[i + 2].near[2])
            else:
                row.append("2pad")
            out.append(row)
        return out


class _Word(NamedTuple):
    own: list[str]
    near: dict[int, list[str]]
    low: str
    first: list[str]
    mid: str
    cluster_tail: str


def capital_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the runs of capitalised tokens, in order."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(words)
    while i < n:
        if words[i][:1].isupper():
            j = i + 1
            while j < n and words[j][:1].isupper():
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _run_of_token(words: Sequence[str]) -> list[tuple[int, int] | None]:
    """For each token, the ``[start, end)`` of the run of capitalised tokens it is in, or None."""
    runs: list[tuple[int, int] | None] = [None] * len(words)
    for start, end in capital_runs(words):
        for k in range(start, end):
            runs[k] = (start, end)
    return runs


def parse_clusters(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Read a cluster table: ``word<TAB>id<TAB>id...`` per line, coarse to fine."""
    table: dict[str, tuple[str, ...]] = {}
    for line in lines:
        word, _, rest = line.rstrip("\n").partition("\t")
        if word and rest:
            table[word] = tuple(rest.split("\t"))
    return table
