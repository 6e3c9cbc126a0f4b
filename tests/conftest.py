"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def fixtures() -> Path:
    """The folder of committed test fixtures."""
    return FIXTURES


@pytest.fixture
def seed_text() -> str:
    """The seed record: an Indonesian regional news page as a scraper saved it."""
    return (SAMPLES / "text" / "prokalteng-putin-korea-utara.txt").read_text(encoding="utf-8")
