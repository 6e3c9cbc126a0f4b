"""Readers for the Indonesian NER corpora under ``/work/shared/data/ner`` (see each README there).

Every reader returns sentences as ``(tokens, labels)`` with labels mapped to warta's three types
in BIO: ``B-PERSON``/``I-PERSON``, ``B-ORGANIZATION``/``I-ORGANIZATION``, ``B-PLACE``/``I-PLACE``
and ``O``. The mapping (see :data:`LABEL_MAP`):

* PER, PERSON, PPL (NERP "people") → PERSON
* ORG, ORGANIZATION, ORGANISATION, IND (NERP "institution") → ORGANIZATION
* LOC, LOCATION, PLACE, PLC (NERP "place"), GPE → PLACE
* TIME, QUANTITY (NER-UGM), EVT, FNB (NERP events, food & beverage) → O (dropped)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]

DATA_DIR = Path(os.environ.get("WARTA_NER_DATA", "/work/shared/data/ner"))

LABEL_MAP: dict[str, str | None] = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "PPL": "PERSON",
    "ORG": "ORGANIZATION",
    "ORGANIZATION": "ORGANIZATION",
    "ORGANISATION": "ORGANIZATION",
    "IND": "ORGANIZATION",
    "LOC": "PLACE",
    "LOCATION": "PLACE",
    "PLACE": "PLACE",
    "PLC": "PLACE",
    "GPE": "PLACE",
    "TIME": None,
    "QUANTITY": None,
    "EVT": None,
    "FNB": None,
}


def map_label(raw: str) -> str:
    """One corpus label mapped to warta's BIO label set; unknown or dropped types become ``O``."""
    if raw in ("O", ""):
        return "O"
    prefix, _, kind = raw.partition("-")
    if prefix not in ("B", "I") or not kind:
        return "O"
    mapped = LABEL_MAP.get(kind)
    return f"{prefix}-{mapped}" if mapped else "O"


def repair_bio(labels: list[str]) -> list[str]:
    """Turn an ``I-X`` that follows ``O`` or another type into ``B-X`` (some corpora, and
    dropped types, leave such starts)."""
    fixed = []
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            lab = "B-" + lab[2:]
        fixed.append(lab)
        prev = lab
    return fixed


def read_conll(path: Path, label_column: int = -1) -> list[Sentence]:
    """Read a CoNLL-like file: one token per line (tab or space separated), blank line between
    sentences, the label in ``label_column``."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, repair_bio(labels)))
                    tokens, labels = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            if len(parts) < 2:
                continue
            tokens.append(parts[0])
            labels.append(map_label(parts[label_column].strip()))
    if tokens:
        sentences.append((tokens, repair_bio(labels)))
    return sentences


def nerui(split: str, fold: int) -> list[Sentence]:
    """IndoLEM NER-UI, ``split`` in train/dev/test, ``fold`` 1..5."""
    return read_conll(DATA_DIR / "indolem" / "nerui" / f"{split}.{fold:02d}.tsv")


def nerugm(split: str, fold: int) -> list[Sentence]:
    """IndoLEM NER-UGM (TIME and QUANTITY dropped), ``split`` in train/dev/test, ``fold`` 1..5."""
    return read_conll(DATA_DIR / "indolem" / "nerugm" / f"{split}.{fold:02d}.tsv")


def nergrit(split: str) -> list[Sentence]:
    """IndoNLU NERGrit, ``split`` in train/valid/test."""
    return read_conll(DATA_DIR / "indonlu" / "nergrit_ner-grit" / f"{split}_preprocess.txt")


def nerp(split: str) -> list[Sentence]:
    """IndoNLU NERP (lower-cased text; EVT and FNB dropped), ``split`` in train/valid/test."""
    return read_conll(DATA_DIR / "indonlu" / "nerp_ner-prosa" / f"{split}_preprocess.txt")


def idner(split: str) -> list[Sentence]:
    """idner-news-2k (``token POS NER``), ``split`` in train/dev/test."""
    return read_conll(DATA_DIR / "idner-news-2k" / f"{split}.txt")


def spans(labels: list[str]) -> Iterator[tuple[str, int, int]]:
    """The entity spans ``(type, start, end)`` of a BIO sequence (conlleval rules: an ``I-X``
    after ``O`` or another type starts a new entity)."""
    kind: str | None = None
    start = 0
    for i, lab in enumerate([*labels, "O"]):
        if lab == "O" or lab.startswith("B-") or (lab.startswith("I-") and lab[2:] != kind):
            if kind is not None:
                yield kind, start, i
                kind = None
            if lab != "O":
                kind, start = lab[2:], i
    return
