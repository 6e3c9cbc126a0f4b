"""How warta takes up one of its optional compiled extensions (see setup.py).

Each extension has a Python or numpy twin that gives the same output. The extension is used only
when it imports and passes its module's own check against that twin at import time; otherwise the
twin runs, and a status string says why (the ``COMPILED_*_STATUS`` constants).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType


def load_checked(
    name: str, check: Callable[[ModuleType], str | None]
) -> tuple[ModuleType | None, str]:
    """The extension module ``name`` and ``"compiled"``, or None and why not: it is not built
    (the import fails), or ``check(module)`` returns what differs from the twin, or it raises."""
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        return None, f"not built ({exc})"
    try:
        problem = check(module)
    except Exception as exc:  # any failure of the check means the twin is used
        problem = f"check failed: {exc!r}"
    return (None, problem) if problem else (module, "compiled")
