"""warm_up: loads the lazily built models once; extraction reads the same with or without it."""

from __future__ import annotations

from warta.extract import _WARM_UP_PAGE, extract, warm_up
from warta.lang import detect
from warta.page.blockmodel import shipped_model


def test_warm_up_builds_the_lazy_models() -> None:
    warm_up(enrich=False)
    assert detect._main_detector.cache_info().currsize == 1
    assert detect._malay_refiner.cache_info().currsize == 1
    assert shipped_model.cache_info().currsize == 1


def test_warm_up_page_reads_as_an_indonesian_article() -> None:
    warm_up(enrich=False)
    article = extract(_WARM_UP_PAGE, timeout=None, enrich=False)
    assert article.title == "Harga beras naik"
    assert article.language is not None and article.language.detected == "id"
    assert [p.text[:12] for p in article.paragraphs] == ["JAKARTA - Ha", "\u201cKami akan m"]
    assert article.dateline == "JAKARTA"
