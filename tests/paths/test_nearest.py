"""Partial chains when no path exists (mechkg.paths.nearest)."""

from __future__ import annotations

from mechkg.paths.index import path_index
from mechkg.paths.nearest import partial_chains
from mechkg.paths.search import mechanism_paths
from tests.paths.tiny_graph import EXPECTED_UC, chains, tiny_graph  # noqa: F401 - tiny_graph: the G fixture


def test_min_evidence_floor_and_no_path_partial_chains(G):
    animal = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", min_evidence="animal")
    assert chains(animal) == [EXPECTED_UC[1][0]]
    human = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", min_evidence="human")
    assert human.paths == ()
    sides = {(c.side, c.nodes) for c in human.partial}
    assert ("from_therapy", ("UC_MSC", "TREG")) in sides
    assert ("to_disease", ("TH17", "SLE")) in sides


def test_partial_chains_are_asked_for_only_when_there_is_no_path(G):
    assert mechanism_paths(G, "UC_MSC_THERAPY", "SLE").partial == ()
    assert mechanism_paths(G, "UC_MSC_THERAPY", "SLE", min_evidence="human", nearest=False).partial == ()


def test_each_side_keeps_up_to_three_chains_nearest_first_with_weighed_hops(G):
    index = path_index(G, min_evidence="human")
    found = partial_chains(index, ["UC_MSC_THERAPY"], "SLE", max_hops=6, inherit=True)
    assert [(c.side, c.nodes, c.gap) for c in found] == [
        ("from_therapy", ("UC_MSC", "INFLAMMATION"), 1),
        ("from_therapy", ("UC_MSC", "TREG"), 1),
        ("to_disease", ("TH17", "SLE"), 2),
    ]
    assert all(len(c.hops) == len(c.nodes) - 1 and all(h.claims for h in c.hops) for c in found)
    assert found == partial_chains(index, ["UC_MSC_THERAPY"], "SLE", max_hops=6, inherit=True, engine="full")
