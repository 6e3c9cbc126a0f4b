"""Enrichment of whole articles through warta.extract."""

from __future__ import annotations

import warta
from warta.article import Article, Language, Paragraph


def test_seed_gets_page_date_dates_and_quotes(seed_text: str) -> None:
    article = warta.repair(seed_text)
    assert article.published is not None
    assert (article.published.value[:10], article.published.origin) == ("2024-09-08", "text")
    values = {d.text: d.value for d in article.dates}
    assert values["Kamis (13/6)"] == "2024-06-13"
    assert values["Jumat (14/6)"] == "2024-06-14"
    assert values["November 2023"] == "2023-11"
    speakers = [q.speaker for q in article.quotes if q.kind == "direct"]
    assert speakers.count("Yang Moo Jin") == 7 and "Vladimir Putin" in speakers
    people = {e.name for e in article.entities if e.type == "PERSON"}
    assert {"Vladimir Putin", "Kim Jong Un", "Yang Moo Jin", "Georgy Zinoviev"} <= people


def test_quote_spans_point_into_the_text(seed_text: str) -> None:
    article = warta.repair(seed_text)
    assert article.quotes
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text


def test_enrich_false_leaves_fields_empty(seed_text: str) -> None:
    article = warta.repair(seed_text, enrich=False)
    assert article.quotes == [] and article.entities == [] and article.dates == []


def test_other_languages_pass_cleanly() -> None:
    from warta.enrich.annotate import annotate

    text = "Le président a déclaré mardi que la réforme serait votée. « Nous irons jusqu'au bout », a-t-il dit."
    article = Article(
        paragraphs=[Paragraph(text)], text=text, language=Language(detected="fr", score=0.99)
    )
    annotate(article)
    assert article.quotes == [] and article.entities == []
    assert not [w for w in article.warnings if "failed" in w]


def test_the_model_tags_once_for_entities_and_quotes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from warta.enrich import entities
    from warta.enrich.annotate import annotate

    calls = []
    real = entities.tag

    def counting(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text)

    monkeypatch.setattr(entities, "tag", counting)
    text = (
        "Pelatih Manchester United Ole Gunnar Solskjaer memuji Mason Greenwood.\n\n"
        "“Dia seorang finisher alami,” kata Solskjaer."
    )
    language = Language(detected="id", score=0.99)
    article = Article(paragraphs=[Paragraph(text)], text=text, language=language)
    annotate(article)
    assert len(calls) == 1
    assert [q.speaker for q in article.quotes] == ["Ole Gunnar Solskjaer"]
    assert "Ole Gunnar Solskjaer" in {e.name for e in article.entities if e.type == "PERSON"}
