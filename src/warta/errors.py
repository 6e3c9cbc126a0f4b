"""Typed errors. Core code raises these; the CLI and web layer map them to messages and statuses.

::

    WartaError
     ├── InputError              the input cannot be read as a page at all
     │    ├── EmptyInput         nothing, or only whitespace
     │    ├── BinaryInput        not text: PDF, image, archive, NUL-heavy bytes
     │    ├── ContainerInput     a file of many records (WARC, JSON Lines): for ``warta run``
     │    └── InputTooLarge      over the size limit (text input; HTML is truncated instead)
     ├── LimitExceeded           the page is readable but costs too much to read
     │    ├── ExtractionTimeout  one page took longer than its time bound
     │    ├── TooDeep            nesting too deep or too costly to parse (RecursionError too)
     │    └── OutOfMemory        reading the page ran out of memory
     ├── ExtractionFailed        a bug: an unexpected exception inside one page's extraction,
     │                           chained as ``__cause__``; the page is lost, the process is not
     └── NoContent               a page was read but holds no article text

Every class has a short stable ``code`` that the CLI prints and the web layer maps to a status.
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


class ContainerInput(InputError):
    """The input is a container of many records (a WARC file, JSON Lines), not one page: read
    it with ``warta run``, which takes each record in turn."""

    code = "container-input"


class InputTooLarge(InputError):
    """The input is larger than the configured limit."""

    code = "input-too-large"


class LimitExceeded(WartaError):
    """The page could be read, but reading it costs more time, depth or memory than allowed."""

    code = "limit-exceeded"


class ExtractionTimeout(LimitExceeded):
    """Reading one page took longer than its time bound."""

    code = "timeout"


class TooDeep(LimitExceeded):
    """The page nests elements too deeply to parse in bounded time, or a reader recursed too deep."""

    code = "too-deep"


class OutOfMemory(LimitExceeded):
    """Reading the page raised :class:`MemoryError`."""

    code = "out-of-memory"


class ExtractionFailed(WartaError):
    """An unexpected exception inside one page's extraction: a bug, reported with its cause.

    The original exception is the ``__cause__``, so its traceback is kept for the bug report.
    """

    code = "internal-error"


class NoContent(WartaError):
    """The page was parsed but holds no article text (for example a listing of headlines)."""

    code = "no-content"
