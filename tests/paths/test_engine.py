"""The compact search graph (mechkg.paths.engine): CSR adjacency in insertion order, degrees, breadth-first distances."""

from __future__ import annotations

import numpy as np

from mechkg.paths.engine import SearchGraph

# a -> b -> c -> d, a -> c, d -> a, b <- e ; ids in insertion order
NODES = ["a", "b", "c", "d", "e"]
EDGES = [("a", "c"), ("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("e", "b"), ("c", "b")]


def graph() -> SearchGraph:
    position = {n: i for i, n in enumerate(NODES)}
    return SearchGraph(NODES, [position[u] for u, _ in EDGES], [position[v] for _, v in EDGES], [1.0] * len(EDGES))


def names(g: SearchGraph, ids) -> list[str]:
    return [g.nodes[i] for i in np.asarray(ids).tolist()]


def test_adjacency_keeps_insertion_order():
    g = graph()
    assert names(g, g.successors(0)) == ["c", "b"]
    assert names(g, g.predecessors(2)) == ["a", "b"] and names(g, g.predecessors(1)) == ["a", "e", "c"]
    assert sorted(g.out_edges(np.array([0, 2])).tolist()) == [0, 1, 3, 6]
    assert len(g) == 5 and g.number_of_edges == 7


def test_a_neighbour_linked_both_ways_counts_once_in_the_degree():
    assert dict(zip(NODES, graph().degree.tolist(), strict=True)) == {"a": 3, "b": 3, "c": 3, "d": 2, "e": 1}


def test_hop_distances_both_ways_with_a_limit_and_an_edge_filter():
    g = graph()
    assert g.hop_distances(np.array([0]), forward=True, limit=5).tolist() == [0, 1, 1, 2, -1]
    assert g.hop_distances(np.array([3]), forward=False, limit=2).tolist() == [2, 2, 1, 0, -1]
    no_b = g.position["b"]
    allowed = g.hop_distances(np.array([0]), forward=True, limit=5, allow=lambda tail, head: head != no_b)
    assert allowed.tolist() == [0, -1, 1, 2, -1]
