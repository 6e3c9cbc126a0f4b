"""The Article record: the one record type that flows through warta.

Every reader produces Articles, every step takes and yields Articles, every writer stores them.
All parts are :mod:`msgspec` Structs, so an Article encodes to JSON (``to_json``) and decodes back
(``Article.from_json``) without loss, and pickles cheaply for multiprocessing and Ray.

Bump :data:`SCHEMA_VERSION` whenever a field is renamed, removed or changes meaning; adding an
optional field with a default does not need a bump.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

SCHEMA_VERSION = 1

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "code", "table"]
"""What a body block is: a plain paragraph, a heading, an item of a list, a block quote,
preformatted code, or a table row."""

DateOrigin = Literal["json-ld", "meta", "time", "url", "text", "header", "given"]
"""Where a date came from: JSON-LD, a ``<meta>`` tag, a ``<time>`` element, the URL, the visible
text of the page, the HTTP/WARC header, or the caller (``given``)."""


class Paragraph(msgspec.Struct, frozen=True):
    """One block of the article body."""

    text: str
    kind: BlockKind = "paragraph"


class RelatedLink(msgspec.Struct, frozen=True):
    """A related-article link ("Baca Juga", "Read also") taken out of the body."""

    title: str
    url: str | None = None


class DateValue(msgspec.Struct, frozen=True):
    """A datetime in ISO 8601 (date only, or with time and offset when known) and its origin."""

    value: str
    origin: DateOrigin


class Language(msgspec.Struct, frozen=True):
    """The page's declared language (``<html lang>``, meta) and the detected one with its score."""

    declared: str | None = None
    detected: str | None = None
    score: float = 0.0

    @property
    def best(self) -> str | None:
        """The detected language when detection is confident, else the declared one."""
        if self.detected and self.score >= 0.5:
            return self.detected
        return self.declared or self.detected


class Byline(msgspec.Struct, frozen=True):
    """A byline line such as ``Editor: Rina`` split into its role and name(s)."""

    role: str
    name: str


Attribution = Literal["named", "role", "pronoun", "continued", "context"]
"""How a quote's speaker was found, from the surest to the least sure (measured on the gold in
docs/benchmarks.md):

- ``named``: the cue names the speaker ("kata Yang", "Putin mengatakan", "Menurut X");
- ``role``: the cue names an office, held by the person named with it before ("kata Kapolres");
- ``pronoun``: a pronoun or "-nya" cue ("ujarnya", "kata dia", "Ia menambahkan"): the person
  the sentences before are about;
- ``continued``: no cue, the quote follows the last speaker's: they go on;
- ``context``: no cue, the quote stands alone: the person named just before it, or the subject
  of the sentences around it.
"""


class Quote(msgspec.Struct, frozen=True):
    """A quote in the body: who said it, the cue, the quoted text and its character span in
    :attr:`Article.text`, and how the speaker was found (:data:`Attribution`; None when no
    speaker is given)."""

    speaker: str | None
    cue: str | None
    text: str
    start: int
    end: int
    kind: Literal["direct", "indirect"] = "direct"
    attribution: Attribution | None = None


class Entity(msgspec.Struct, frozen=True):
    """A named entity with its canonical name and number of mentions."""

    name: str
    type: Literal["PERSON", "ORGANIZATION", "PLACE"]
    mentions: int = 1


class DateMention(msgspec.Struct, frozen=True):
    """A date expression in the text and its resolved ISO value."""

    text: str
    value: str


class Article(msgspec.Struct, kw_only=True):
    """A news article as warta reads it.

    ``paragraphs`` is the body; ``text`` is the same paragraphs joined by a blank line.
    Datelines and credits stay in the text as printed and are given as fields too.
    """

    schema_version: int = SCHEMA_VERSION
    title: str | None = None
    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    text: str = ""
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    authors: list[str] = msgspec.field(default_factory=list)
    published: DateValue | None = None
    modified: DateValue | None = None
    language: Language = msgspec.field(default_factory=Language)
    description: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    image: str | None = None
    dateline: str | None = None
    """The dateline's place or outlet as printed: ``PROKALTENG.CO``, ``JAKARTA, KOMPAS.com``."""
    credit: str | None = None
    """The wire or credit tag without brackets: ``jpc``, ``ant``."""
    credit_outlet: str | None = None
    """The outlet the credit names, when known: ``JawaPos.com`` for ``jpc``."""
    editor_initials: str | None = None
    """Editor initials such as ``fyk/ash``."""
    desk_code: str | None = None
    """A desk code such as ``H-4``."""
    bylines: list[Byline] = msgspec.field(default_factory=list)
    related_links: list[RelatedLink] = msgspec.field(default_factory=list)
    quotes: list[Quote] = msgspec.field(default_factory=list)
    entities: list[Entity] = msgspec.field(default_factory=list)
    dates: list[DateMention] = msgspec.field(default_factory=list)
    input_kind: Literal["html", "text"] = "html"
    warnings: list[str] = msgspec.field(default_factory=list)
    extras: dict[str, Any] = msgspec.field(default_factory=dict)

    @property
    def paragraph_texts(self) -> list[str]:
        """The body paragraphs as plain strings."""
        return [p.text for p in self.paragraphs]

    def to_dict(self) -> dict[str, Any]:
        """The article as plain JSON-ready builtins."""
        result: dict[str, Any] = msgspec.to_builtins(self)
        return result

    def to_json(self) -> bytes:
        """The article as JSON bytes."""
        return msgspec.json.encode(self)

    @classmethod
    def from_json(cls, data: bytes | str) -> Article:
        """Decode an article from JSON made by :meth:`to_json`."""
        return msgspec.json.decode(data, type=cls)


def join_paragraphs(paragraphs: list[Paragraph]) -> str:
    """The article text: paragraphs joined by a blank line."""
    return "\n\n".join(p.text for p in paragraphs)
