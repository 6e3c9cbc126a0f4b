"""The explorer's store queries that need no store: how a copy cluster's members are placed by
outlet, and the entity filter as a set of ids."""

from __future__ import annotations

from typing import Any

from warta.store.explore import cluster_scope
from warta.store.search import Filters


def cluster(*outlets: str | None) -> dict[str, Any]:
    """A cluster as :func:`warta.store.records.cluster` gives it, the first member its head."""
    head = outlets[0]
    found = [
        {"id": i, "outlet": o, "is_original": i == 0, "same_outlet": o == head if o and head else None}
        for i, o in enumerate(outlets)
    ]
    return {"members": found, "outlet_count": len({o for o in outlets if o})}


def test_a_cluster_at_one_outlet_is_same_outlet() -> None:
    assert cluster_scope(cluster("liputan6.com", "liputan6.com", "liputan6.com")) == "same_outlet"


def test_a_cluster_across_outlets_is_other_outlets() -> None:
    assert cluster_scope(cluster("kompas.com", "tempo.co", "tribunnews.com")) == "other_outlets"


def test_a_cluster_with_two_at_the_head_outlet_is_mixed() -> None:
    assert cluster_scope(cluster("kompas.com", "tempo.co", "kompas.com")) == "mixed"
    assert cluster_scope(cluster("kompas.com", "tempo.co", "tempo.co")) == "other_outlets"


def test_an_unknown_outlet_is_never_the_same_outlet() -> None:
    assert cluster_scope(cluster(None, None)) == "other_outlets"
    assert cluster_scope(cluster("kompas.com", None)) == "other_outlets"


def test_entity_ids_join_the_single_and_the_repeated_filter_once_each() -> None:
    assert Filters(entity=3, entities=(5, 3, 7)).entity_ids == (3, 5, 7)
    assert Filters(entities=(5,)).entity_ids == (5,)
    assert Filters().entity_ids == ()
