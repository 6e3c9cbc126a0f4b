"""Typed errors. Core code raises these; the CLI and web layer map them to messages and statuses.

::

    WartaError
     ├── InputError            the input cannot be read as a page at all
     │    ├── EmptyInput       nothing, or only whitespace
     │    ├── BinaryInput      not text: PDF, image, archive, NUL-heavy bytes
     │    └── InputTooLarge    over the size limit
     ├── ExtractionTimeout     one page took longer than its time bound
     └── NoContent             a page was read but holds no article text
"""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error warta raises on purpose. ``code`` is a short stable identifier."""

    code = "error"


class InputError(WartaError):
    """The input cannot be read as a page."""

    code = "bad-input"


class EmptyInput(InputError):
    """The input is empty or only whitespace."""

    code = "empty-input"


class BinaryInput(InputError):
    """The input is binary (PDF, image, archive, or mostly control bytes), not a page."""

    code = "binary-input"


class InputTooLarge(InputError):
    """The input is larger than the configured limit."""

    code = "input-too-large"


class ExtractionTimeout(WartaError):
    """Reading one page took longer than its time bound."""

    code = "timeout"


class NoContent(WartaError):
    """The page was parsed but holds no article text (for example a listing of headlines)."""

    code = "no-content"
