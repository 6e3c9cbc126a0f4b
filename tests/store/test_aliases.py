"""The corpus-level entity merge in the store (warta.pipeline.aliases.merge_aliases and
warta.store.aliases): links move to the canonical entity, the forms are listed, re-runs change
nothing, a form that becomes ambiguous gets its own entity back, and old stores migrate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warta.article import Article, Entity, Language, Paragraph
from warta.pipeline.aliases import AliasSummary, merge_aliases
from warta.pipeline.corpus import run_corpus_stage
from warta.store import aliases
from warta.store.db import Store, open_store
from warta.store.rows import ArticleRow

ORG, PER = "ORGANIZATION", "PERSON"
KPK_FULL = "Komisi Pemberantasan Korupsi"


def row(key: str, outlet: str, text: str, *entities: tuple[str, str, int]) -> ArticleRow:
    """An article as the per-record stage stores it: ``entities`` as its own merge named them."""
    article = Article(
        title=f"Berita {key}", paragraphs=[Paragraph(text)], text=text,
        url=f"https://{outlet}/{key}", language=Language(detected="id", score=1.0),
        entities=[Entity(name=n, type=t, mentions=m) for n, t, m in entities],
    )
    return ArticleRow(key=key, record_id=key, input="in.jsonl", article=article, outlet=outlet,
                      text_hash=key, word_count=len(text.split()))


DECLARING = [
    row("a1", "kompas.com", f"Penyidik {KPK_FULL} (KPK) memeriksa saksi. KPK menahan tersangka.",
        (KPK_FULL, ORG, 2)),
    row("a2", "tempo.co", f"{KPK_FULL} (KPK) menggeledah kantor. Juru bicara KPK hadir.",
        (KPK_FULL, ORG, 2)),
    row("a3", "tempo.co", "Presiden Joko Widodo (Jokowi) meresmikan jembatan. Jokowi senang.",
        ("Joko Widodo", PER, 2)),
]
PLAIN = [
    row("b1", "detik.com", "KPK memeriksa saksi lagi. KPK menahan dua orang.", ("KPK", ORG, 2)),
    row("b2", "okezone.com", "Jokowi dan Joko Widodo disebut bersama; kata Jokowi.",
        ("Jokowi", PER, 2), ("Joko Widodo", PER, 1), ("kpk", ORG, 1)),
]


def merge(store: Store, *, shipped: bool = True) -> AliasSummary:
    with store.transaction() as conn:
        return merge_aliases(conn, shipped=shipped)


def links(store: Store) -> dict[tuple[str, str], dict[str, int]]:
    """(entity name, type) → {article key: mentions}."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for name, kind, key, n in store.conn.execute(
        "SELECT e.name, e.type, a.key, ae.mentions FROM article_entities ae"
        " JOIN entities e ON e.id = ae.entity_id JOIN articles a ON a.id = ae.article_id"
    ):
        out.setdefault((name, kind), {})[key] = n
    return out


def entity_id(store: Store, name: str, kind: str) -> int | None:
    hit = store.conn.execute("SELECT id FROM entities WHERE name = ? AND type = ?", (name, kind)).fetchone()
    return None if hit is None else int(hit[0])


def state(store: Store) -> tuple[Any, ...]:
    c = store.conn
    return (
        c.execute("SELECT id, name, type FROM entities ORDER BY id").fetchall(),
        c.execute("SELECT * FROM article_entities ORDER BY 1, 2").fetchall(),
        c.execute("SELECT * FROM entity_aliases ORDER BY 1, 2").fetchall(),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "s.db") as s:
        s.input_state("in.jsonl", kind="jsonl", size=1)
        s.write([*DECLARING, *PLAIN])
        yield s


def test_alias_links_move_to_the_canonical_entity(store: Store) -> None:
    kpk_id = entity_id(store, KPK_FULL, ORG)
    summary = merge(store)
    got = links(store)
    assert got[(KPK_FULL, ORG)] == {"a1": 2, "a2": 2, "b1": 2, "b2": 1}  # "kpk": case only
    assert got[("Joko Widodo", PER)] == {"a3": 2, "b2": 3}  # b2 named both: mentions add up
    assert ("KPK", ORG) not in got and ("Jokowi", PER) not in got
    assert entity_id(store, "KPK", ORG) is None and entity_id(store, KPK_FULL, ORG) == kpk_id
    assert summary.forms_merged == 3 and summary.links_moved == 3
    assert summary.declared_aliases == 2


def test_the_forms_are_listed_for_the_entity(store: Store) -> None:
    merge(store)
    kpk_id = entity_id(store, KPK_FULL, ORG)
    assert kpk_id is not None
    listed = aliases.entity_aliases(store.conn, kpk_id)
    assert [(a["name"], a["source"], a["articles"], a["declared"]) for a in listed] == [
        ("KPK", "list", 1, 2), ("kpk", "list", 1, 2)]
    assert aliases.entity_names(store.conn, kpk_id) == [KPK_FULL, "KPK"]
    assert [e["name"] for e in aliases.entity_by_alias(store.conn, "jokowi")] == ["Joko Widodo"]
    assert aliases.entity_names(store.conn, 10**6) == []


def test_without_the_list_the_corpus_declarations_do_it(store: Store) -> None:
    merge(store, shipped=False)
    got = links(store)
    assert set(got[(KPK_FULL, ORG)]) == {"a1", "a2", "b1", "b2"}  # declared at two outlets
    assert ("Jokowi", PER) in got  # declared at one outlet only: left apart


def test_a_rerun_changes_nothing_and_new_articles_follow(store: Store) -> None:
    merge(store)
    before = state(store)
    again = merge(store)
    assert state(store) == before
    assert again.links_moved == 0 and again.articles_restored == 0
    store.write([row("c1", "liputan6.com", "KPK bersuara.", ("KPK", ORG, 1))])
    merge(store)
    assert "c1" in links(store)[(KPK_FULL, ORG)]
    assert entity_id(store, "KPK", ORG) is None


def test_a_form_that_becomes_ambiguous_gets_its_entity_back(tmp_path: Path) -> None:
    bin_full, other = "Badan Intelijen Negara", "Bank Investasi Nusantara"

    def declaring(key: str, outlet: str, full: str) -> ArticleRow:
        return row(key, outlet, f"{full} (BIN) menyatakan. Kata BIN.", (full, ORG, 2))

    with open_store(tmp_path / "s.db") as store:
        store.input_state("in.jsonl", kind="jsonl", size=1)
        store.write([declaring("d1", "kompas.com", bin_full), declaring("d2", "tempo.co", bin_full),
                     row("p1", "detik.com", "BIN memantau.", ("BIN", ORG, 1))])
        merge(store, shipped=False)
        assert links(store)[(bin_full, ORG)] == {"d1": 2, "d2": 2, "p1": 1}
        # Two outlets now declare BIN for another body: BIN is ambiguous and stands apart.
        store.write([declaring("e1", "okezone.com", other), declaring("e2", "detik.com", other)])
        summary = merge(store, shipped=False)
        assert summary.conflicts == 1 and summary.articles_restored == 1
        got = links(store)
        assert got[(bin_full, ORG)] == {"d1": 2, "d2": 2}
        assert got[("BIN", ORG)] == {"p1": 1}
        assert store.conn.execute("SELECT count(*) FROM entity_aliases").fetchone() == (0,)


def test_the_corpus_stage_merges_before_grouping_stories(store: Store) -> None:
    summary = run_corpus_stage(store)
    assert summary.aliases.forms_merged == 3
    stored = store.conn.execute("SELECT count(*) FROM entity_aliases").fetchone()[0]
    assert stored == 3


def test_an_older_store_opens_and_gains_the_alias_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warta.store.migrations as migrations
    from warta.store.schema import MIGRATIONS

    db = tmp_path / "old.db"
    with monkeypatch.context() as m:  # what warta left before the alias table existed
        m.setattr(migrations, "MIGRATIONS", tuple(x for x in MIGRATIONS if x[1] != "entity aliases"))
        with open_store(db) as old:
            old.input_state("in.jsonl", kind="jsonl", size=1)
            old.write([*DECLARING, *PLAIN])
            tables = {r[0] for r in old.conn.execute("SELECT name FROM sqlite_master")}
        assert "entity_aliases" not in tables
    with open_store(db) as store:
        merge(store)
        assert ("KPK", ORG) not in links(store)


def test_each_text_is_read_for_nicknames_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.enrich.entities as entities

    read: list[str] = []
    real = entities.declared_aliases

    def counting(text: str) -> dict[str, str]:
        read.append(text)
        return real(text)

    monkeypatch.setattr(entities, "declared_aliases", counting)
    merge(store)
    assert len(read) == len(DECLARING) + len(PLAIN)
    read.clear()
    merge(store)
    assert read == []  # kept in the store
    changed = row("a3", "tempo.co", "Presiden Joko Widodo (Jokowi) berpidato.", ("Joko Widodo", PER, 1))
    changed.text_hash = "a3, read again"  # the store keys the reading by the text's hash
    store.write([changed])
    merge(store)
    assert read == ["Presiden Joko Widodo (Jokowi) berpidato."]  # only the changed text
