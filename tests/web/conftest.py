"""Fixtures of the explorer's tests: the tiny store, the app, an in-process client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from tests.web.store_builder import build_store  # noqa: E402
from warta.web.app import create_app  # noqa: E402


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The fixture store's path and its article ids by fixture key."""
    path = tmp_path_factory.mktemp("web") / "store.db"
    ids = build_store(path)
    return path, ids


@pytest.fixture(scope="session")
def ids(store: tuple[Path, dict[str, int]]) -> dict[str, int]:
    """Article ids by fixture key."""
    return store[1]


@pytest.fixture(scope="session")
def client(store: tuple[Path, dict[str, int]]) -> Iterator[TestClient]:
    """An in-process client of the app over the fixture store."""
    with TestClient(create_app(store[0]), raise_server_exceptions=False) as c:
        yield c
