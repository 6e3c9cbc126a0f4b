"""The Ray engine on a local 2-CPU Ray gives the same store as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.pipeline.run import RunOptions, run
from warta.store.db import open_store
from warta.store.queries import snapshot

pytest.importorskip("ray", reason="the Ray engine needs ray: pip install 'warta[ray]'")


def test_ray_equals_local(tmp_path: Path, text_corpus: list[str]) -> None:
    local, on_ray = tmp_path / "local.db", tmp_path / "ray.db"
    run(text_corpus, str(local), RunOptions(workers=2, progress=False))
    run(text_corpus, str(on_ray), RunOptions(engine="ray", workers=2, progress=False, batch_size=8))
    with open_store(local) as a, open_store(on_ray) as b:
        expected, got = snapshot(a.conn), snapshot(b.conn)
    assert got["articles"] and got == expected
