"""The search syntax reads typographic double quotes as ``"``: a phrase typed on a phone or in a
word processor is a phrase, not separate words."""

from __future__ import annotations

import pytest

from warta.store.errors import SearchSyntaxError
from warta.store.syntax import parse_query


@pytest.mark.parametrize("text", ['revisi “UU KPK”', "revisi „UU KPK“", "revisi «UU KPK»", "revisi ‟UU KPK”"])
def test_curly_quotes_quote_a_phrase(text: str) -> None:
    assert parse_query(text) == parse_query('revisi "UU KPK"') == '("revisi" AND "uu kpk")'


def test_curly_quotes_differ_from_separate_words() -> None:
    assert parse_query("“UU KPK”") != parse_query("UU KPK")


def test_an_unclosed_curly_quote_is_an_error_at_its_place() -> None:
    with pytest.raises(SearchSyntaxError) as caught:
        parse_query("revisi “UU KPK")
    assert caught.value.position == 7 and "never closed" in str(caught.value)
