"""The explorer's overview (graph/render/overview.py): diseases, therapies and the main mediators, capped, deterministic."""

from __future__ import annotations

from typing import Any

import networkx as nx

from mechkg.render.overview import OVERVIEW_MAX, OVERVIEW_MEDIATORS, overview_nodes


def _graph(diseases: int, therapies: int, mediators: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(diseases):
        G.add_node(f"D{i:03}", type="Disease")
    for i in range(therapies):
        G.add_node(f"T{i:03}", type="Therapy")
    for i in range(mediators):
        G.add_node(f"M{i:03}", type="CellType")
        G.add_edge(f"T{i % max(therapies, 1):03}", f"M{i:03}", key="secretes")
        G.add_edge(f"M{i:03}", f"D{i % max(diseases, 1):03}", key="contributesTo")
    return G


def test_mediators_on_the_most_paths_come_first() -> None:
    G = _graph(2, 2, 30)
    pairs: list[dict[str, Any]] = [
        {
            "therapy": "T000",
            "disease": "D000",
            "paths": [{"nodes": ["T000", "M004", "D000"]}, {"nodes": ["T000", "M004", "M006", "D000"]}],
        }
    ]
    chosen = overview_nodes(G, pairs)
    assert chosen == sorted(chosen)
    assert {"D000", "D001", "T000", "T001", "M004", "M006"} == set(chosen)  # only mediators on paths, when there are paths


def test_without_paths_the_best_connected_mediators_fill_up_to_the_cap() -> None:
    G = _graph(30, 40, 200)
    G.add_edge("M007", "M008", key="increases")  # M007 and M008: one edge more than the others
    chosen = overview_nodes(G, [])
    assert len(chosen) == OVERVIEW_MAX
    mediators = [n for n in chosen if n.startswith("M")]
    assert len(mediators) == OVERVIEW_MEDIATORS and {"M007", "M008"} <= set(mediators)
    assert all(n in chosen for n in G if G.nodes[n]["type"] == "Disease")  # diseases rank with therapies
    assert overview_nodes(G, []) == chosen  # the same graph, the same overview


def test_isolated_mediators_are_left_out() -> None:
    G = _graph(1, 1, 1)
    G.add_node("LONELY", type="GeneProduct")
    assert overview_nodes(G, []) == ["D000", "M000", "T000"]
