"""The search graph (mechkg.paths.index): filters by evidence, predicate, class and disease context, and reuse."""

from __future__ import annotations

import pytest

from mechkg.paths.index import edge_options, path_index, weigh_hop
from mechkg.paths.search import mechanism_paths
from tests.paths.tiny_graph import CLAIMS, EXPECTED_UC, S, chains, make_claim, tiny, tiny_graph  # noqa: F401 - tiny_graph: the G fixture


def test_predicates_classes_and_disease_context(G):
    no_secretion = mechanism_paths(
        G, "UC_MSC_THERAPY", "SLE", predicates=["increases", "decreases", "ameliorates", "contributesTo"]
    )
    assert EXPECTED_UC[1][0] not in chains(no_secretion) and EXPECTED_UC[0][0] in chains(no_secretion)
    cells_only = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", classes=["CellType"])
    assert chains(cells_only) == [EXPECTED_UC[0][0]]
    G = tiny(
        [make_claim(*c[:6], {**c[6], "disease": ["RA_ELSEWHERE"]}) if c[0] == "treg-sle" else make_claim(*c) for c in CLAIMS]
    )
    in_context = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", disease_context=True)
    assert EXPECTED_UC[0][0] not in chains(in_context) and EXPECTED_UC[1][0] in chains(in_context)


def test_k_limits_and_index_reuse(G):
    index = path_index(G)
    two = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", k=2, index=index)
    assert chains(two) == [EXPECTED_UC[0][0], EXPECTED_UC[1][0]]
    assert chains(mechanism_paths(G, "UC_MSC_THERAPY", "SLE", index=index)) == [e[0] for e in EXPECTED_UC]
    assert "@source" not in index.H and "@target" not in index.H
    with pytest.raises(ValueError, match="other filters"):
        mechanism_paths(G, "UC_MSC_THERAPY", "SLE", mode="exploratory", index=index)


@pytest.mark.parametrize(("option", "value"), [("mode", "sideways"), ("min_evidence", "anecdote")])
def test_unknown_modes_and_evidence_floors_are_refused(G, option, value):
    with pytest.raises(ValueError, match=option):
        path_index(G, **{option: value})


def test_studies_self_loops_and_structural_edges_are_not_search_edges(G):
    def heads(index, node):
        return {index.search.nodes[i] for i in index.search.successors(index.search.position[node])}

    causal, exploratory = path_index(G), path_index(G, mode="exploratory")
    assert causal.excluded == exploratory.excluded == {"STUDY1"}
    assert heads(causal, "UC_MSC_THERAPY") == {"SLE"}  # uses is not causal; studiedIn leads to a study
    assert heads(exploratory, "UC_MSC_THERAPY") == {"UC_MSC", "SLE"}  # uses counts in exploratory mode
    assert heads(exploratory, "UC_MSC") >= {"UC_MSC_THERAPY", "TREG"}  # ... both ways


def test_an_edge_option_is_weighed_again_as_a_hop(G):
    index = path_index(G, mode="exploratory")
    (forward,) = edge_options(index, "UC_MSC", "TREG")
    (backward,) = edge_options(index, "TREG", "UC_MSC")
    assert (forward.forward, backward.forward) == (True, False) and forward.cost == backward.cost
    hop = weigh_hop(index, backward)
    assert (hop.key, hop.forward, hop.support, [c.id for c in hop.claims]) == (
        ("UC_MSC", "increases", "TREG"),
        False,
        S["human_trial"],
        ["ucmsc-treg"],
    )
    assert edge_options(index, "UC_MSC", "UC_MSC") == () and edge_options(index, "UC_MSC_THERAPY", "STUDY1") == ()
