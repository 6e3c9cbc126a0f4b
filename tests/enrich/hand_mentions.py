"""Named-entity mentions written by hand, for quote tests that must not depend on one trained
NER model, and the direct speakers ``find_quotes`` reads with them."""

from __future__ import annotations

from warta.enrich.ner.tagger import Mention
from warta.enrich.quotes import find_quotes


def hand_mentions(text: str, *tagged: tuple[str, str]) -> list[Mention]:
    """Mentions of every occurrence of each (name, type) in ``text``."""
    mentions = []
    for name, kind in tagged:
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention(name, kind, at, at + len(name)))  # type: ignore[arg-type]
            at = text.find(name, at + 1)
    return sorted(mentions, key=lambda m: m.start)


def mention_at(text: str, name: str, kind: str = "PERSON", nth: int = 0) -> Mention:
    """A mention of the ``nth`` occurrence of ``name`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.find(name, at + 1)
    assert at >= 0, name
    return Mention(name, kind, at, at + len(name))  # type: ignore[arg-type]


def direct_speakers(text: str, mentions: list[Mention] | None) -> list[str | None]:
    """The speakers of the direct quotes ``find_quotes`` finds in ``text`` with ``mentions``."""
    return [q.speaker for q in find_quotes(text, "id", mentions=mentions) if q.kind == "direct"]
