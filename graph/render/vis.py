"""The vis-network part of the page: its nodes, edges and options (``DATA.vis``), made with pyvis.

pyvis makes the node and edge option dicts (:class:`pyvis.network.Network` ``add_node`` /
``add_edge``) and the option defaults; the positions come from the build
(:func:`mechkg.render.layout.spring_positions`), so physics is off and the page opens on a
still picture. A node's colour and shape show its class, its size its degree, a dashed border
a curator's flag; an edge's width shows how many claims back it, a dashed line a structural
(non-causal) edge. Edge colour and arrow head come from the sign, applied in the page script (``templates/explorer/``)
from ``DATA.signs``, so that 20,000 edges do not each carry the same style objects (3 MB of
the page).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

import networkx as nx
from pyvis.network import Network

from mechkg.network.evidence import Edge, EntityNode
from mechkg.render.layout import spring_positions
from mechkg.render.page_json import edge_id, plain
from mechkg.render.styles import FONT_SIZES, class_style

__all__ = ["vis_network"]

#: What the page changes in pyvis' default options.
_OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "layout": {"improvedLayout": False, "randomSeed": 1},
    "interaction": {
        "hover": True,
        "tooltipDelay": 200,
        "multiselect": True,
        "navigationButtons": False,
        "keyboard": False,
    },
    "nodes": {
        "font": {
            "size": 14,
            "face": "'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', system-ui, sans-serif",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
        },
    },
    "edges": {
        "arrowStrikethrough": False,
        "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3},
        "selectionWidth": 2,
        "smooth": False,
    },
}
_PHYSICS = {"solver": "forceAtlas2Based", "stabilization": {"enabled": False}}


def vis_network(G: nx.MultiDiGraph, nodes: Sequence[EntityNode], edges: Sequence[Edge]) -> dict[str, Any]:
    """``{"nodes", "edges", "options"}`` for ``new vis.Network``: ``nodes`` and ``edges`` of ``G`` in the given order."""
    positions = spring_positions(G, scale=100.0)
    net = Network(directed=True)
    net.toggle_physics(False)
    for node in nodes:
        _add_node(net, node, positions[node.id], G.degree(node.id))
    for edge, smooth in zip(edges, _curves(edges), strict=True):
        _add_edge(net, edge, smooth)
    options = json.loads(net.options.to_json())
    options.update(_OPTIONS)
    options["physics"].update(_PHYSICS)
    vis_nodes, vis_edges, _heading, _height, _width, _options = net.get_network_data()
    return plain({"nodes": vis_nodes, "edges": vis_edges, "options": options})


def _add_node(net: Network, node: EntityNode, position: tuple[int, int], degree: int) -> None:
    style = class_style(node.type)
    net.add_node(
        node.id,
        label=node.label_en or node.id,
        shape=style.shape,
        color={
            "background": style.color,
            "border": "#444444",
            "highlight": {"background": style.color, "border": "#000000"},
            "hover": {"background": style.color, "border": "#000000"},
        },
        size=round(min(7 + 3 * math.sqrt(degree), 26), 2),
        x=position[0],
        y=position[1],
        borderWidth=2 if node.flags else 1,
        font={"size": FONT_SIZES.get(node.type, 14)},
        shapeProperties={"borderDashes": [4, 3]} if node.flags else {"borderDashes": False},
    )


def _add_edge(net: Network, edge: Edge, smooth: dict[str, Any] | None) -> None:
    extra: dict[str, Any] = {} if edge.causal else {"dashes": True}
    if smooth:
        extra["smooth"] = smooth
    width = round(1 + min(len(edge.claims), 8) * 0.5, 2)
    net.add_edge(edge.subject, edge.object, id=edge_id(edge.subject, edge.predicate, edge.object), width=width, **extra)


def _curves(edges: Sequence[Edge]) -> list[dict[str, Any] | None]:
    """Per edge, its curve when several edges join the same two nodes (or it is a self-loop), else None.

    The edges between two nodes bend clockwise, each a little more than the one before it, so
    that none hides another.
    """
    siblings: dict[frozenset[str], list[Edge]] = {}
    for edge in edges:
        siblings.setdefault(frozenset((edge.subject, edge.object)), []).append(edge)
    curves: list[dict[str, Any] | None] = []
    for edge in edges:
        group = siblings[frozenset((edge.subject, edge.object))]
        if len(group) > 1 or edge.subject == edge.object:
            curves.append({"enabled": True, "type": "curvedCW", "roundness": round(0.15 * (group.index(edge) + 1), 2)})
        else:
            curves.append(None)
    return curves
