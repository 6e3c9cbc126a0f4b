"""Unicode normalisation of page text: mojibake repair (ftfy), no-break and odd spaces, NFC."""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Spaces a page may carry that a reader sees as one plain space.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters that split words without showing: zero-width space, joiners, soft hyphen.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_HORIZONTAL_RUNS = re.compile(r"[ \t]{2,}")

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=True,
    normalization="NFC",
    explain=False,
)


def normalise_text(text: str) -> str:
    """Repair mojibake, turn odd spaces into plain ones and drop invisible characters.

    Curly quotes are kept: they are how the page printed its quotes. Runs of spaces inside a line
    are kept here; :func:`clean_line` collapses them line by line.
    """
    if not text.isascii():
        text = ftfy.fix_text(text, config=_FTFY_CONFIG)
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return text


def clean_line(line: str) -> str:
    """One line of text, stripped, with runs of spaces and tabs collapsed to one space."""
    return _HORIZONTAL_RUNS.sub(" ", line).strip()


def nfc(text: str) -> str:
    """NFC-normalise text."""
    return unicodedata.normalize("NFC", text)
