"""Re-mark-up a page so that it looks like markup the block classifier never saw (training only).

wcxb-dev, the only set the block classifier learns from, is recent HTML5 from many sites. Older
news sites write "div soup": no ``<article>``/``<main>``/``<aside>``/``<nav>`` and class names that
no keyword list knows. These transforms turn a wcxb-dev page into such a page while keeping its
text and its element tree, so that the classifier's fragility to unseen markup can be measured on
the pages we have gold for, and so that training can see such pages too:

- ``T1`` (:func:`no_semantic_tags`): the HTML5 sectioning and figure tags become ``div``;
- ``T2`` (:func:`opaque_names`): every class name and id becomes a meaningless token derived from a
  hash of it (the same name gives the same token, so the structure stays and the meaning goes);
  ``itemprop``, ``role`` and ``aria-*`` attributes are dropped;
- ``T3``: both.

Each is a pure function of the page's raw bytes. They work on the bytes with regular expressions,
not through a parser and serialiser, so that everything else on the page (its charset declaration
and undecoded bytes, scripts, comments, whitespace) stays byte for byte what it was; text inside
scripts that looks like a tag is rewritten too, which the reader never sees.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Final

SEMANTIC_TAGS: Final = (
    "article", "main", "aside", "nav", "header", "footer", "section", "figure", "figcaption", "time",
)  # fmt: skip
"""The tags that :func:`no_semantic_tags` renames to ``div``."""

# An opening or closing semantic tag: "<article", "</ARTICLE" followed by whitespace, ">" or "/"
# (so "<header" matches and "<headers" or "<timeline" do not).
_SEMANTIC = re.compile(
    rb"<(/?)(" + b"|".join(t.encode() for t in SEMANTIC_TAGS) + rb")(?=[\s>/])", re.IGNORECASE
)

# One start tag with its attributes; quoted values may hold ">". As in an HTML tokenizer, a stray
# quote where a name starts is part of the name (`class="a"" alt="b"`). Possessive quantifiers:
# a name cannot be split in two, so a tag that never closes fails in linear time.
_START_TAG = re.compile(
    rb"<[a-zA-Z][^\s/>]*+"
    rb"(?:\s*+[^\s=/>]++(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s>\"']++))?|\s*+/(?!>))*+"
    rb"\s*+/?>"
)
# One attribute inside a start tag (groups: 1 leading space, 2 name, 3 "=", 4/5/6 the value
# double-quoted, single-quoted or bare).
_ATTR = re.compile(rb"(\s*)([^\s=/>]+)(?:(\s*=\s*)(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+)))?")
_DROPPED_ATTR = re.compile(rb"(?:itemprop|role|aria-[\w-]*)\Z", re.IGNORECASE)


def no_semantic_tags(html: bytes) -> bytes:
    """T1: ``article``, ``main``, ``aside``, ``nav``, ``header``, ``footer``, ``section``,
    ``figure``, ``figcaption`` and ``time`` tags (opening and closing) become ``div``; their
    attributes are kept."""
    return _SEMANTIC.sub(lambda m: b"<" + m.group(1) + b"div", html)


def opaque_token(value: bytes) -> bytes:
    """A meaningless stand-in for one class name or id, the same for the same ``value``.

    The letter ``z`` and decimal digits only: keyword matching lowercases the value and splits it
    on non-letters, so the token can never spell a keyword (hex digits could spell "ad").
    """
    digest = hashlib.blake2b(value, digest_size=5).digest()
    return b"z" + str(int.from_bytes(digest, "big")).encode()


def _opaque_attr(m: re.Match[bytes]) -> bytes:
    space, name, equals = m.group(1), m.group(2), m.group(3)
    lower = name.lower()
    if _DROPPED_ATTR.match(lower):
        return b""
    if equals is None or lower not in (b"class", b"id"):
        return m.group(0)
    value = next(v for v in m.group(4, 5, 6) if v is not None)
    if lower == b"class":  # each class name on its own: elements sharing a class still share it
        new = b" ".join(opaque_token(c) for c in value.split())
    else:
        new = opaque_token(value.strip()) if value.strip() else value
    return space + name + equals + b'"' + new + b'"'


def _opaque_tag(m: re.Match[bytes]) -> bytes:
    tag = m.group(0)
    name_end = re.match(rb"<[^\s/>]*", tag)
    assert name_end is not None  # the tag pattern starts so
    head, rest = tag[: name_end.end()], tag[name_end.end() :]
    return head + _ATTR.sub(_opaque_attr, rest)


def opaque_names(html: bytes) -> bytes:
    """T2: every class name and id replaced by :func:`opaque_token`; ``itemprop``, ``role`` and
    ``aria-*`` attributes dropped. Tag names and all other attributes are kept."""
    return _START_TAG.sub(_opaque_tag, html)


def both(html: bytes) -> bytes:
    """T3: :func:`no_semantic_tags` and :func:`opaque_names`."""
    return opaque_names(no_semantic_tags(html))


TRANSFORMS: Final[dict[str, Callable[[bytes], bytes]]] = {
    "T1": no_semantic_tags,
    "T2": opaque_names,
    "T3": both,
}
"""The transforms by name, as the training script's ``--remarkup`` takes them."""
