"""Make the repo's ``benchmarks`` package importable: it is not installed, it lives at the repo root."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
