"""Phrase lists shipped under ``warta/assets``: loaded once, lazily, and never changed."""

from __future__ import annotations

from functools import cache
from importlib import resources
from types import MappingProxyType


@cache
def phrase_lines(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of an asset file, stripped, in file order."""
    text = resources.files("warta").joinpath("assets", name).read_text(encoding="utf-8")
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def phrase_set(name: str) -> frozenset[str]:
    """An asset file's lines as a lower-cased set."""
    return frozenset(line.lower() for line in phrase_lines(name))


@cache
def phrase_table(name: str) -> MappingProxyType[str, str]:
    """A two-column tab-separated asset as a mapping from the lower-cased first column."""
    table: dict[str, str] = {}
    for line in phrase_lines(name):
        key, _, value = line.partition("\t")
        if value:
            table[key.strip().lower()] = value.strip()
    return MappingProxyType(table)
