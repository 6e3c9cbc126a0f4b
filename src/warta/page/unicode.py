"""Unicode normalisation of page text: mojibake repair (ftfy), no-break and odd spaces, NFC."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

import ftfy
import ftfy.badness
import ftfy.chardata

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
        text = _plain_spaces(_fix_text(text))
    return text


def _plain_spaces(text: str) -> str:
    """Odd spaces turned into plain ones and invisible characters dropped."""
    return _INVISIBLE.sub("", _SPACES.sub(" ", text))


# Characters one of ftfy's fixers (other than mojibake repair) would change: control, C1 and
# terminal-escape characters, odd line breaks, surrogates, Latin ligatures, full/half width forms.
_FTFY_TOUCHES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
    + "".join(
        re.escape(chr(c))
        for c in sorted(
            {*ftfy.chardata.CONTROL_CHARS, *ftfy.chardata.LIGATURES, *ftfy.chardata.WIDTH_MAP}
        )
    )
    + "]"
)
# Every alternative of ftfy's badness pattern (ftfy 6.x ``badness.BADNESS_RE``) needs at least
# one character of these mojibake categories, or one of the few letters added at the end (from
# its Cyrillic and Greek three-letter cases, "вЂ", "[ØÙ]", and the low quote "‚" that opens its
# MacRoman case "‚[âó][àä°ê]", where "‚ó°" holds no other). A line with none of them is never
# "bad", so ftfy leaves its encoding alone; quotes, dashes and no-break spaces, which are
# everywhere, are not among them (tests/page/test_unicode.py checks this against ftfy's pattern).
_MOJIBAKE_CLUE = re.compile(
    "["
    + "".join(
        ftfy.badness.MOJIBAKE_CATEGORIES[name]
        for name in (
            "c1",
            "bad",
            "law",
            "currency",
            "numeric",
            "upper_accented",
            "lower_accented",
            "box",
        )
    )
    + "ÙЂВГРСΒΓΞΟ\u201a]"
)


# normalise_texts relies on no pattern here matching a line break.
_BATCH_SAFE = not any(
    pattern.search("\n") for pattern in (_FTFY_TOUCHES, _MOJIBAKE_CLUE, _SPACES, _INVISIBLE)
)


def _fix_text(text: str) -> str:
    """``ftfy.fix_text`` with the same result, but fast on text with no mojibake.

    ftfy fixes a text line by line and spends about 0.1 ms on every line: most of the time of a
    page. A line without a mojibake character or a character another of its fixers changes only
    gets NFC normalisation from it; that is done here directly, and ftfy runs on the other lines.
    """
    composed = unicodedata.normalize("NFC", text)  # NFC never joins across a line break
    if not _needs_ftfy(text, composed, one_line="\n" not in text):
        return composed
    out: list[str] = []
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if n + 1 < len(lines):
            line += "\n"  # ftfy's segments keep their line break: "\r\n" is one break
        if not line.isascii() or _FTFY_TOUCHES.search(line):
            composed = unicodedata.normalize("NFC", line)
            if _needs_ftfy(line, composed, one_line=True):
                line = ftfy.fix_text(line, config=_FTFY_CONFIG)
            else:
                line = composed
        out.append(line)
    return "".join(out)


def _needs_ftfy(text: str, composed: str, *, one_line: bool = False) -> bool:
    """Whether ``ftfy.fix_text`` could give ``text`` anything but ``composed`` (its NFC form).

    ``one_line``: ``text`` holds no line break but maybe a final one (one segment of ftfy's).
    """
    # ``composed is text`` when NFC changed nothing (it returns its argument): searched once.
    same = composed is text
    if (
        len(text) > _FTFY_CONFIG.max_decode_length // 2
        or _FTFY_TOUCHES.search(text)
        or (not same and _FTFY_TOUCHES.search(composed))
    ):
        return True
    if not (_MOJIBAKE_CLUE.search(text) or (not same and _MOJIBAKE_CLUE.search(composed))):
        return False
    # ftfy re-decodes a segment (a line) only when its badness pattern matches the line or, on
    # its second round, the line's NFC form (``_fix_encoding_one_step_and_explain``): test that
    # here, after the cheaper clue (a mojibake-category character: é, ü, €, ² ...) has matched.
    # Only per line: the pattern's ``^`` matches at the start of the string alone, so a search
    # of several lines at once could miss a bad line.
    if not one_line:
        return True
    return _is_bad(text) or (composed != text and _is_bad(composed))


_BADNESS_WIDTH = 7
"""The longest match of ftfy's badness pattern (checked in tests/page/test_unicode.py)."""

_MAX_WINDOWS = 16


def _is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, searched only around the mojibake clues of ``text``.

    Every match of the badness pattern holds a clue character and is at most
    :data:`_BADNESS_WIDTH` long, so it lies in the window of that many characters either side
    of a clue; searching those windows with ``pos``/``endpos`` (which keep the pattern's ``^``
    at the real start of the text) finds a match exactly when a search of the whole text does.
    A line with an accented letter or two takes a few short searches instead of one scan of
    its every character by the pattern's 37 alternatives; a line full of clues (Cyrillic,
    Greek, accented languages) is searched whole.
    """
    search = ftfy.badness.BADNESS_RE.search
    reach = _BADNESS_WIDTH - 1
    clues = [m.start() for m in itertools.islice(_MOJIBAKE_CLUE.finditer(text), _MAX_WINDOWS + 1)]
    if len(clues) > _MAX_WINDOWS:
        return search(text) is not None
    return any(search(text, max(0, at - reach), at + reach + 1) is not None for at in clues)


def normalise_texts(texts: list[str]) -> list[str]:
    """``[normalise_text(t) for t in texts]``, with the texts that need only NFC done in one pass.

    HTML paragraphs mostly need only NFC (no mojibake clue, nothing another ftfy fixer changes),
    and checking them one by one costs a normalisation and four regex scans each. Joined by line
    breaks they are normalised, checked and cleaned at once: no pattern here matches a line break,
    NFC never composes across one, and none is added, so the result split at the line breaks
    gives each text's own result. A text where a check matches (or that is too long for ftfy to
    take whole) is done alone by :func:`normalise_text`; texts holding a line break themselves
    are all done alone.
    """
    out = list(texts)
    wide = [i for i, text in enumerate(texts) if not text.isascii()]
    if not wide:
        return out  # ASCII text is returned unchanged by normalise_text
    if not _BATCH_SAFE:
        return [normalise_text(text) for text in texts]
    broken = [i for i in wide if "\n" in texts[i]]  # a line break would split the joined batch
    if broken:
        for i in broken:
            out[i] = normalise_text(texts[i])
        wide = [i for i in wide if "\n" not in texts[i]]
        if not wide:
            return out
    originals = [texts[i] for i in wide]
    joined = "\n".join(originals)
    composed = unicodedata.normalize("NFC", joined)
    nfc_texts = composed.split("\n")
    limit = _FTFY_CONFIG.max_decode_length // 2
    alone = {k for k, text in enumerate(originals) if len(text) > limit}
    # NFC returns its argument itself when it is normalised already (most pages): the second
    # round would repeat the first's searches on the same string, so it is skipped.
    rounds = [(joined, originals)]
    if composed is not joined:
        rounds.append((composed, nfc_texts))
    for whole, parts in rounds:
        if _FTFY_TOUCHES.search(whole) or _MOJIBAKE_CLUE.search(whole):
            starts = list(itertools.accumulate((len(part) + 1 for part in parts), initial=0))
            for pattern in (_FTFY_TOUCHES, _MOJIBAKE_CLUE):
                alone.update(bisect.bisect_right(starts, m.start()) - 1 for m in pattern.finditer(whole))
    if not alone:
        fixed = _plain_spaces(composed).split("\n")
        for i, text in zip(wide, fixed, strict=True):
            out[i] = text
        return out
    for k, (i, text) in enumerate(zip(wide, nfc_texts, strict=True)):
        out[i] = normalise_text(texts[i]) if k in alone else _plain_spaces(text)
    return out


def clean_line(line: str) -> str:
    """One line of text, stripped, with runs of spaces and tabs collapsed to one space."""
    return _HORIZONTAL_RUNS.sub(" ", line).strip()


def nfc(text: str) -> str:
    """NFC-normalise text."""
    return unicodedata.normalize("NFC", text)
