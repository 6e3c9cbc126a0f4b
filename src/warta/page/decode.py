"""Bytes → str. TEMPORARY minimal version; owned by the decode/metadata work."""

from __future__ import annotations

import msgspec


class Decoded(msgspec.Struct, frozen=True):
    """Decoded text, the encoding used, how it was chosen, and any warnings."""

    text: str
    encoding: str
    origin: str
    warnings: list[str] = msgspec.field(default_factory=list)


def decode(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode page bytes."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252", "detected")
