"""Positions (graph/render/layout.py): deterministic, spread, each disease's cluster around it."""

from __future__ import annotations

import networkx as nx
import pytest

from mechkg.render.layout import spring_positions
from tests.render.page_fixture import build_graph, two_diseases


def test_layout_is_deterministic_and_spread() -> None:
    graph = build_graph()
    pos = spring_positions(graph)
    assert pos == spring_positions(graph)
    assert len(set(pos.values())) == len(pos)  # no two nodes on one spot
    assert spring_positions(nx.MultiDiGraph()) == {}


@pytest.mark.parametrize("max_spring", [1500, 10])  # one force-directed layout, or group-in-a-box
def test_layout_gathers_each_disease_cluster(max_spring: int) -> None:
    G = two_diseases(12)
    pos = spring_positions(G, max_spring=max_spring)
    assert pos == spring_positions(G, max_spring=max_spring)
    assert len(set(pos.values())) == len(pos)

    def dist(a: str, b: str) -> float:
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    for own, other in (("DA", "DB"), ("DB", "DA")):
        members = [n for n in G if n.startswith(own + "_")]
        assert sum(dist(n, own) for n in members) < sum(dist(n, other) for n in members)
