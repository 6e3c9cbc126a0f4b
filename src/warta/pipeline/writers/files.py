"""Where a writer writes: a temporary file renamed over the target once every row is written
(readers never see half a file; the temporary file goes if the rows fail), or, for a target
that exists and is not a regular file (``/dev/null``, a named pipe), the target itself: renaming
over it would replace the device with a plain file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO, Any


def is_special(path: str) -> bool:
    """Whether ``path`` exists and is not a regular file (a device, a pipe, a socket)."""
    return os.path.exists(path) and not os.path.isfile(path)


@contextmanager
def output_file(path: str, mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open ``path`` for writing (``mode`` and ``open``'s keywords), atomically unless it is
    special (:func:`is_special`)."""
    if is_special(path):
        with open(path, mode, **kwargs) as fh:
            yield fh
        return
    tmp = f"{path}.partial"
    try:
        with open(tmp, mode, **kwargs) as fh:
            yield fh
    except BaseException:
        with suppress(OSError):
            os.remove(tmp)
        raise
    os.replace(tmp, path)
