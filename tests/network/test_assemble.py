"""assemble(): the one function that puts a network together from typed records."""

from __future__ import annotations

import pytest

from mechkg.network.assemble import add_edge, assemble, edge_of, node_of
from mechkg.network.evidence import Claim, Edge, EntityNode, Flag, Source


def _nodes(*ids: str) -> list[EntityNode]:
    return [EntityNode(i, "CellType", i.lower(), i, f"urn:{i}") for i in ids]


def test_an_edge_summarises_the_claims_that_back_it():
    claims = [
        Claim("b", "A", "increases", "B", 1, disease=("SLE",), evidence_level="animal_model", confidence=0.6),
        Claim(
            "a",
            "A",
            "increases",
            "B",
            1,
            disease=("RA",),
            evidence_level="in_vitro",
            confidence=0.8,
            aspect="amount",
            flags=(Flag("doubtful", "why"),),
        ),
    ]
    G = assemble(_nodes("A", "B"), claims, [("A", "increases", "B")])
    edge = edge_of(G, "A", "B", "increases")
    assert edge == Edge(
        "A", "increases", "B", 1, True, ("a", "b"), ("amount",), ("RA", "SLE"), 0.8, ("animal_model", "in_vitro"), True
    )


def test_a_structural_edge_has_no_claims_and_full_confidence():
    G = assemble(_nodes("T", "C"), [], [("T", "uses", "C")])
    edge = edge_of(G, "T", "C", "uses")
    assert (edge.claims, edge.confidence, edge.causal, edge.sign) == ((), 1.0, False, 0)


def test_triples_whose_ends_are_not_nodes_are_left_out():
    G = assemble(_nodes("A"), [], [("A", "increases", "ELSEWHERE")])
    assert G.number_of_edges() == 0


def test_nodes_and_edges_round_trip_through_the_graph():
    node = EntityNode("A", "CellType", "a", "甲", "urn:A", synonyms=("alpha",), flags=(Flag("doubtful", "n", "i"),))
    G = assemble([node, *_nodes("B")], [], [])
    assert node_of(G, "A") == node
    edge = Edge("A", "increases", "B", 1, True)
    add_edge(G, edge)
    assert edge_of(G, "A", "B", "increases") == edge


def test_graph_level_tables():
    G = assemble(_nodes("A"), [], [], sources=[Source("s2"), Source("s1", "甲", "one")], classes={"CellType": ("cell", "細胞")})
    assert list(G.graph["sources"]) == ["s1", "s2"]
    assert G.graph["classes"] == {"CellType": {"label_en": "cell", "label_zh": "細胞"}}
    assert G.graph["predicates"]["decreases"]["sign"] == -1


def test_an_unknown_predicate_is_an_error():
    with pytest.raises(KeyError):
        assemble(_nodes("A", "B"), [], [("A", "frobnicates", "B")])
