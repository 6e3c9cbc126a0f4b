"""Bracketed tags that close an Indonesian news body: wire credits, editor initials, desk codes.

Indonesian outlets end a story with a short tag in brackets: a wire or source credit such as
``(jpc)`` (JawaPos.com) or ``(ant)`` (ANTARA), the initials of the reporter and editor such as
``(fyk/ash)`` or ``(Tin/Ysl)``, a desk code such as ``(H-4)``, or a mix: ``(Ant/P-2)``.
:func:`read_tag` splits such a tag into its parts; :func:`closing_tag` finds one at the end of
a paragraph. All patterns are anchored and bounded, so they run in linear time.
"""

from __future__ import annotations

import re

import msgspec

from warta.page.phrases import phrase_table

_TAG_AT_END = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9./\- ]{0,30}?)\s*\)[\s.]{0,3}$")
_PART_INITIALS = re.compile(r"[A-Za-z]{2,6}")
_PART_DESK = re.compile(r"[A-Z]{1,3}-\d{1,3}")
_ONLY_TAG = re.compile(r"^[\s.\-–—]{0,3}\(\s*[A-Za-z][A-Za-z0-9./\- ]{0,30}?\s*\)[\s.]{0,3}$")


class Tag(msgspec.Struct, frozen=True, kw_only=True):
    """What a closing tag says. Each part is None when the tag does not give it."""

    raw: str
    credit: str | None = None
    credit_outlet: str | None = None
    editor_initials: str | None = None
    desk_code: str | None = None


def credit_outlet(code: str) -> str | None:
    """The outlet a credit code names (``jpc`` → ``JawaPos.com``), or None when unknown."""
    return phrase_table("credits.tsv").get(code.strip().lower())


def read_tag(inner: str) -> Tag | None:
    """Split the inside of a closing tag into credit, initials and desk code.

    ``jpc`` → credit; ``fyk/ash`` → editor initials; ``H-4`` → desk code; ``Ant/P-2`` → credit
    and desk code. Returns None when ``inner`` does not look like a tag (for example a date
    ``16/9/2019``, a number, or ordinary words in brackets).
    """
    inner = inner.strip()
    parts = [p.strip() for p in inner.split("/")]
    if not 1 <= len(parts) <= 4 or any(not p for p in parts):
        return None
    desk = next((p for p in parts if _PART_DESK.fullmatch(p)), None)
    others = [p for p in parts if p != desk]
    if not all(_looks_like_initials(p) for p in others):
        return None
    credit: str | None = None
    initials: str | None = None
    if len(others) == 1:
        code = others[0]
        if credit_outlet(code) or (code.islower() and desk is None):
            credit = code
        elif desk is None:
            return None  # "(KPK)" closing a sentence is an acronym, not a tag
        else:
            initials = code
    elif others:
        initials = "/".join(others)
        credit = others[0] if credit_outlet(others[0]) else None
    elif desk is None:
        return None
    return Tag(
        raw=inner,
        credit=credit,
        credit_outlet=credit_outlet(credit) if credit else None,
        editor_initials=initials,
        desk_code=desk,
    )


def _looks_like_initials(part: str) -> bool:
    if not _PART_INITIALS.fullmatch(part):
        return False
    return part.islower() or part[1:].islower() or (part.isupper() and len(part) <= 4)


def closing_tag(paragraph: str) -> Tag | None:
    """The tag that closes a paragraph, as in ``... dipertaruhkan". (jpc)``, or None."""
    if len(paragraph) < 3 or not paragraph.rstrip(" .").endswith(")"):
        return None
    match = _TAG_AT_END.search(paragraph[-40:])
    return read_tag(match.group(1)) if match else None


def is_tag_only(paragraph: str) -> bool:
    """Whether a paragraph is nothing but a closing tag such as ``(fyk/ash)`` or ``(H-4)``."""
    return (
        len(paragraph) <= 40
        and bool(_ONLY_TAG.match(paragraph))
        and closing_tag(paragraph) is not None
    )
