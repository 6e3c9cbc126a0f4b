"""The explorer's store queries that need no store: how a copy cluster's members are placed by
outlet, and the entity filter as a set of ids."""

from __future__ import annotations

from typing import Any

from warta.store.explore import cluster_scope
from warta.store.search import Filters


def members(*outlets: str | None) -> list[dict[str, Any]]:
    return [{"id": i, "outlet": o} for i, o in enumerate(outlets)]


def test_a_cluster_at_one_outlet_is_same_outlet() -> None:
    found = members("liputan6.com", "liputan6.com", "liputan6.com")
    assert cluster_scope(found) == "same_outlet" and all(m["same_outlet"] for m in found)


def test_a_cluster_across_outlets_is_other_outlets() -> None:
    found = members("kompas.com", "tempo.co", "tribunnews.com")
    assert cluster_scope(found) == "other_outlets" and not any(m["same_outlet"] for m in found)


def test_a_cluster_with_two_at_one_outlet_is_mixed_and_marks_them() -> None:
    found = members("kompas.com", "tempo.co", "kompas.com")
    assert cluster_scope(found) == "mixed"
    assert [m["same_outlet"] for m in found] == [True, False, True]


def test_an_unknown_outlet_is_never_the_same_outlet() -> None:
    assert cluster_scope(members(None, None)) == "other_outlets"
    assert cluster_scope(members("kompas.com", None)) == "other_outlets"


def test_entity_ids_join_the_single_and_the_repeated_filter_once_each() -> None:
    assert Filters(entity=3, entities=(5, 3, 7)).entity_ids == (3, 5, 7)
    assert Filters(entities=(5,)).entity_ids == (5,)
    assert Filters().entity_ids == ()
