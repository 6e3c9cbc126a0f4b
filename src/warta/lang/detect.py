"""Language identification. TEMPORARY minimal version; owned by the decode/metadata work."""

from __future__ import annotations


def detect_language(text: str) -> tuple[str | None, float]:
    """The ISO 639-1 code of the text's language and a confidence in [0, 1]."""
    return None, 0.0
