"""An entity merged across the corpus from its other forms: the name search finds it by any form,
its page says "also written as", and its quotes include those under the other forms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.paging_store import INPUT
from tests.web.store_builder import _row
from warta.pipeline.corpus import run_corpus_stage
from warta.store.db import open_store
from warta.web.app import create_app


def article(i: int, speaker: str, entity: str, lead: str) -> dict[str, Any]:
    quote = {"speaker": speaker, "cue": f"kata {speaker}", "text": f"Pembangunan jalan tol nomor {i} selesai"}
    return {
        "key": f"a{i}", "outlet": "kompas.com", "url": f"https://kompas.com/berita/{i}",
        "published": f"2019-09-1{i}T08:00:00+07:00", "language": "id", "title": f"Berita {i}",
        "paragraphs": [lead, f'"{quote["text"]}," kata {speaker}.'],
        "quotes": [quote], "entities": [[entity, "PERSON", 2]],
    }  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("aliases") / "store.db"
    specs = [
        article(0, "Joko Widodo", "Joko Widodo", "Presiden Joko Widodo (Jokowi) meresmikan jalan tol."),
        article(1, "Jokowi", "Jokowi", "Jokowi meresmikan jalan tol di Jawa Tengah."),
        article(2, "Joko Widodo", "jokowi", "Warga menyambut jokowi di gerbang tol."),  # a case variant
    ]
    with open_store(path) as store:
        store.input_state(INPUT, kind="jsonl", size=None)
        store.write([_row(s) for s in specs], finished_inputs=[INPUT])
        run_corpus_stage(store, copies=lambda _rows: [], stories=lambda _rows: [])
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c


def test_the_other_form_finds_the_entity_and_its_page_names_the_forms(client: TestClient) -> None:
    found = client.get("/api/entities", params={"name": "Jokowi"}).json()["items"]
    assert (found[0]["name"], found[0]["match"]) == ("Joko Widodo", "alias")
    assert [e["id"] for e in found].count(found[0]["id"]) == 1  # once, whatever forms led to it
    page = client.get(f"/entity/{found[0]['id']}", params={"lang": "en"}).text
    assert "Also written as" in page and '<span class="alias"' in page and "Jokowi" in page


def test_the_quotes_under_every_form_are_the_entity_s(client: TestClient) -> None:
    widodo = client.get("/api/entities", params={"name": "Joko Widodo"}).json()["items"][0]["id"]
    quotes = client.get(f"/api/entities/{widodo}/quotes").json()
    assert quotes["total"] == 3
    assert sorted(q["speaker"] for q in quotes["items"]) == ["Joko Widodo", "Joko Widodo", "Jokowi"]
