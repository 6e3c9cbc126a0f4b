"""Bytes → str: BOM, HTTP charset, ``<meta>`` charset, detection; verified, never raising.

Order of trust, as browsers do: a byte-order mark, then the HTTP ``Content-Type`` charset, then a
``<meta charset>`` / ``<meta http-equiv=content-type>`` / XML declaration in the first
:data:`PRESCAN_BYTES`, then detection. A declared charset is *verified*, not believed:

- it must decode the bytes strictly; if it cannot, the next source is tried and the warning
  ``charset-mismatch`` is added;
- a declared legacy charset (``iso-8859-1``, ``windows-1252``, ``shift_jis``...) on bytes that are
  valid UTF-8 with multibyte sequences is a lie (a CMS that re-encoded to UTF-8 and kept the old
  header): UTF-8 is used, with ``charset-mismatch``.

Labels are mapped the way the WHATWG Encoding Standard maps them: ``iso-8859-1``, ``latin-1`` and
``ascii`` decode as ``cp1252``; ``gb2312``/``gbk`` as ``gb18030``; ``shift_jis`` as ``cp932``;
``euc-kr`` as ``cp949``; a ``<meta>`` that says UTF-16 means UTF-8.

With no usable declaration, strict UTF-8 is tried first (C speed; most of the web). Bytes that are
UTF-8 with a few broken sequences stay UTF-8 (with ``decode-errors``). Only the rest go to
charset-normalizer, and only on a bounded sample built around the non-ASCII bytes (markup is ASCII
and would dilute the statistics), which adds ``charset-guessed``. The final decode uses
``errors="replace"``, adding ``decode-errors`` when anything was replaced, so no bytes raise.
"""

from __future__ import annotations

import codecs
import re

import msgspec

PRESCAN_BYTES = 16_384
"""How far into the page ``<meta>`` charset declarations are looked for."""

SAMPLE_BYTES = 32_768
"""The most bytes charset-normalizer is given."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG label → the Python codec browsers effectively use.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "windows-874": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "windows-949": "cp949",
    "big5": "big5hkscs",
    "utf8": "utf-8",
    "utf8mb4": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
}

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.IGNORECASE)
# Markup is ASCII and dilutes detection statistics: the sample is the page with scripts, styles
# and tags cut out. "<" and ">" are never trail bytes of Shift_JIS, GBK, Big5 or EUC, so cutting at
# them never splits a multibyte sequence.
_NON_TEXT = re.compile(rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(rb"\s{2,}")


class Decoded(msgspec.Struct, frozen=True):
    """Decoded text, the Python codec used, how it was chosen, and any warnings.

    ``origin`` is one of ``"bom"``, ``"http"``, ``"meta"``, ``"utf-8"`` (undeclared or
    overridden, verified UTF-8), ``"detected"`` (charset-normalizer) or ``"fallback"``.
    """

    text: str
    encoding: str
    origin: str
    warnings: list[str] = msgspec.field(default_factory=list)
    utf8: bytes | None = None
    """The input bytes themselves when ``text`` is exactly their (strict) UTF-8 decoding, so that
    ``text.encode("utf-8")`` would give them back: a UTF-8 consumer (the HTML parser) can take
    them as they are instead of encoding ``text`` again. None otherwise."""


def normalise_charset(label: str | None) -> str | None:
    """The Python codec name for a charset label as browsers read it, or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").strip().lower()
    if not name:
        return None
    name = _ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    # Python's lookup turns labels into codec names ("latin-1" → "iso8859-1"); map those again.
    return {
        "iso8859-1": "cp1252",
        "ascii": "cp1252",
        "iso8859-9": "cp1254",
        "iso8859-11": "cp874",
        "tis-620": "cp874",
        "gb2312": "gb18030",
        "gbk": "gb18030",
        "shift_jis": "cp932",
        "euc_kr": "cp949",
        "big5": "big5hkscs",
    }.get(codec, codec)


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset label declared by a ``<meta>`` tag or XML declaration near the page's start."""
    head = data[:PRESCAN_BYTES]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def decode(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode page bytes to text; see the module docstring for the rules. Never raises.

    Args:
        data: the page's raw bytes (``bytearray``/``memoryview`` accepted; a ``str`` is returned
            as is).
        http_charset: the charset parameter of the HTTP ``Content-Type`` header, if known.
    """
    if isinstance(data, str):
        return Decoded(data, "utf-8", "given")
    if not isinstance(data, bytes):
        try:
            data = bytes(data)
        except (TypeError, ValueError):
            return Decoded("", "utf-8", "fallback", ["decode-errors"])
    warnings: list[str] = []

    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return _final(data[len(bom) :], bom_codec, "bom", warnings)

    has_non_ascii = not data.isascii()  # a C scan, many times faster than a regex for a byte >= 0x80
    utf8_text: str | None = None
    utf8_checked = False

    def as_utf8() -> str | None:
        nonlocal utf8_text, utf8_checked
        if not utf8_checked:
            utf8_checked = True
            try:
                utf8_text = data.decode("utf-8")
            except UnicodeDecodeError:
                utf8_text = None
        return utf8_text

    meta_label = sniff_meta_charset(data)
    meta_codec = normalise_charset(meta_label)
    if meta_codec and meta_codec.startswith(("utf-16", "utf-32")):
        meta_codec = "utf-8"  # WHATWG: a <meta> that can be read in ASCII cannot be UTF-16
    declared: tuple[tuple[str, str | None, str | None], ...] = (
        ("http", http_charset, normalise_charset(http_charset)),
        ("meta", meta_label, meta_codec),
    )
    text: str | None
    for origin, label, codec in declared:
        if not label:
            continue
        if codec is None:
            _warn(warnings, "charset-unknown")
            continue
        if codec == "utf-8" or not has_non_ascii:
            text = as_utf8() if codec == "utf-8" else _strict(data, codec)
            if text is not None and not _utf16_lie(codec, data):
                return Decoded(text, codec, origin, warnings, data if codec == "utf-8" else None)
            _warn(warnings, "charset-mismatch")
            continue
        if as_utf8() is not None:
            # Valid UTF-8 with multibyte sequences declared as a legacy charset: the label lies.
            _warn(warnings, "charset-mismatch")
            return Decoded(utf8_text or "", "utf-8", "utf-8", warnings, data)
        text = _strict(data, codec)
        if text is not None and not _utf16_lie(codec, data):
            return Decoded(text, codec, origin, warnings)
        _warn(warnings, "charset-mismatch")

    text = as_utf8()
    if text is not None:
        return Decoded(text, "utf-8", "utf-8", warnings, data)
    if _mostly_utf8(data):
        return _final(data, "utf-8", "utf-8", warnings)
    guessed = _detect(data)
    _warn(warnings, "charset-guessed")
    if guessed is None:
        return _final(data, "cp1252", "fallback", warnings)
    return _final(data, guessed, "detected", warnings)


def _warn(warnings: list[str], code: str) -> None:
    if code not in warnings:
        warnings.append(code)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_lie(codec: str, data: bytes) -> bool:
    """A UTF-16/32 label on bytes without NULs in their head: ASCII-compatible text, not UTF-16."""
    return codec.startswith(("utf-16", "utf-32")) and b"\x00" not in data[:1024]


def _final(data: bytes, codec: str, origin: str, warnings: list[str]) -> Decoded:
    try:
        return Decoded(data.decode(codec), codec, origin, warnings)
    except (UnicodeDecodeError, LookupError):
        pass
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        codec, text = "utf-8", data.decode("utf-8", errors="replace")
    _warn(warnings, "decode-errors")
    return Decoded(text, codec, origin, warnings)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken sequences (a truncated page, one pasted cp1252 quote)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch >= "\x80") - bad
    return good >= 2 and good >= 4 * bad


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess on a bounded sample, as a browser-mapped codec name."""
    from charset_normalizer import from_bytes

    if b"\x00" in data[:1024]:
        sample = data[:SAMPLE_BYTES]  # UTF-16/32 without a BOM: keep the byte alignment
    else:
        sample = _SPACES.sub(b" ", _NON_TEXT.sub(b" ", data[: SAMPLE_BYTES * 8]))[:SAMPLE_BYTES]
        sample = sample or data[:SAMPLE_BYTES]
    try:
        matches = list(from_bytes(sample))
    except Exception:  # detection is best effort; the caller falls back to cp1252
        return None
    if not matches:
        return None
    best = matches[0]
    # Legacy Latin text decodes the same in several code pages (German in cp1250 and cp1252);
    # prefer cp1252, as browsers do, when it reads the sample as well as the best guess.
    for match in matches:
        if match.chaos > best.chaos or match.coherence < best.coherence - 0.1:
            continue
        if "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return normalise_charset(best.encoding) or None
