"""The reader of one article: the per-article state with the two ways it resolves a
speaker (the name after a cue, and the subject of the sentences before), in one object."""

from __future__ import annotations

from warta.enrich.quotes.cue_names import _CueNames
from warta.enrich.quotes.subjects import _Subjects


class _Reader(_CueNames, _Subjects):
    """The state of one pass over an article: names, sentences, the last speaker, the quotes."""
