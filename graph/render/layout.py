"""Deterministic positions for the explorer page: disease-centred clusters, fast at 20,000 nodes.

The page must open on a readable picture at once (no physics settle), so the build computes
the positions. :func:`spring_positions` runs Fruchterman-Reingold (``rustworkx.spring_layout``,
compiled; a pure-Python version took 5 s at 1,000 nodes) on each connected component, with two
additions that make the article's structure visible:

* **Disease anchors.** Every node gets a *home disease* (:func:`home_diseases`: the disease
  context most often named by the claims on its edges, or the disease it is linked to). In a
  component with several diseases, the diseases are pinned on a circle and every node starts
  beside its home disease, so each disease gathers its own mechanisms around it while the
  shared hubs (MSC, Th17, IL-6 ...) settle in between.
* **Group-in-a-box above** ``max_spring`` **nodes.** Force-directed layout costs O(n²) per
  iteration (``rustworkx.spring_layout``: 0.3 s at 1,000 nodes, 7 s at 5,000, 134 s at 20,000
  measured here), so a larger component is cut into its disease groups (groups that are still
  too big are cut by Louvain communities, seeded), each group is laid out on its own and the
  groups are packed in rows, largest first.

Start positions come from a SHA-256 of each node id and everything runs in sorted order, so the
result depends only on the nodes and edges.

>>> import networkx as nx
>>> P = nx.path_graph(["a", "b", "c"])
>>> pos = spring_positions(P)
>>> sorted(pos) == ["a", "b", "c"] and pos == spring_positions(P)
True
>>> spring_positions(nx.Graph([("x", "x")]))
{'x': (0, 0)}
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import rustworkx as rx

__all__ = ["MAX_SPRING", "home_diseases", "spring_positions"]

MAX_SPRING = 1500
"""Components up to this many nodes get one force-directed layout; larger ones, one per group."""

_DISEASE = "Disease"


def home_diseases(G: nx.Graph) -> dict[Hashable, Hashable]:
    """Each node's home disease: itself for a disease, else the disease its edges speak of most.

    The votes are the ``diseases`` attributes of the node's edges (the disease contexts of their
    claims) and the diseases it is directly linked to; ties go to the disease with the smaller
    id. Nodes with no vote are left out.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("SLE", type="Disease"); G.add_node("RA", type="Disease")
    >>> _ = G.add_edge("MSC", "TH17", diseases=["SLE"]); _ = G.add_edge("TH17", "RA", diseases=[])
    >>> home_diseases(G) == {"SLE": "SLE", "RA": "RA", "MSC": "SLE", "TH17": "RA"}
    True
    """
    diseases = {n for n, t in G.nodes(data="type") if t == _DISEASE}
    votes: dict[Hashable, Counter[Hashable]] = {}
    for u, v, data in G.edges(data=True):
        named = [d for d in data.get("diseases") or () if d in diseases]
        for end, other in ((u, v), (v, u)):
            tally = votes.setdefault(end, Counter())
            tally.update(named)
            if other in diseases:
                tally[other] += 2  # a direct link counts more than a context
    homes: dict[Hashable, Hashable] = {d: d for d in diseases}
    for node, tally in votes.items():
        if node not in homes and tally:
            homes[node] = min(tally, key=lambda d: (-tally[d], str(d)))
    return homes


def spring_positions(
    G: nx.Graph,
    *,
    scale: float = 150.0,
    max_spring: int = MAX_SPRING,
) -> dict[Any, tuple[int, int]]:
    """Deterministic positions of the nodes of ``G`` in integer pixels (see the module docstring).

    One unit of ``scale`` pixels is the ideal edge length. Edge directions, parallel edges and
    self-loops are ignored. Components are packed in rows, largest first, so that isolated nodes
    do not fly off.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(G.nodes, key=str))
    simple.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in G.edges() if u != v), key=str))
    homes = home_diseases(G)
    is_disease = {n for n, h in homes.items() if h == n}
    components = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    boxes: list[dict[Any, tuple[float, float]]] = []
    singles: list[Any] = []
    for nodes in components:
        if len(nodes) == 1:
            singles.append(nodes[0])
        elif len(nodes) <= max_spring:
            boxes.append(_anchored_spring(simple, nodes, homes, is_disease))
        else:
            boxes.append(_group_boxes(simple, nodes, homes, max_spring))
    if singles:  # isolated nodes: one tidy grid, not one row each
        side = math.ceil(math.sqrt(len(singles)))
        boxes.append({node: (float(i % side), float(i // side)) for i, node in enumerate(singles)})
    placed = _pack(boxes, gap=2.0)
    if not placed:
        return {}
    xs = [x for x, _ in placed.values()]
    ys = [y for _, y in placed.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {node: (round((x - cx) * scale), round((y - cy) * scale)) for node, (x, y) in sorted(placed.items(), key=str)}


def _unit(node: Any, salt: str = "") -> tuple[float, float]:
    """A point in [-0.5, 0.5)² that depends only on the node id."""
    digest = hashlib.sha256((salt + str(node)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 - 0.5, int.from_bytes(digest[8:16], "big") / 2**64 - 0.5


def _spring(
    G: nx.Graph,
    nodes: list[Any],
    start: Mapping[Any, tuple[float, float]],
    fixed: set[Any],
) -> dict[Any, tuple[float, float]]:
    """``rustworkx.spring_layout`` (ideal edge length 1) of ``G[nodes]`` from ``start``, shifted to (0, 0)."""
    index = {node: i for i, node in enumerate(nodes)}
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(nodes)
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.subgraph(nodes).edges()})
    graph.add_edges_from_no_data(pairs)
    pos = {index[n]: start[n] for n in nodes}
    iterations = 100 if len(nodes) <= 500 else 60
    layout = rx.spring_layout(
        graph,
        pos=pos,
        fixed={index[n] for n in fixed} or None,
        k=1.0,
        num_iter=iterations,
        scale=1,  # ignored when nodes are fixed; otherwise undone below
        seed=1,
    )
    # rustworkx rescales a free layout into [-1, 1]: bring the median edge back to length 1
    lengths = sorted(math.dist(layout[i], layout[j]) for i, j in pairs)
    unit = 1.0 if fixed or not lengths or lengths[len(lengths) // 2] <= 0 else 1.0 / lengths[len(lengths) // 2]
    out = {node: (float(layout[i][0]) * unit, float(layout[i][1]) * unit) for node, i in index.items()}
    x0 = min(x for x, _ in out.values())
    y0 = min(y for _, y in out.values())
    return {node: (x - x0, y - y0) for node, (x, y) in out.items()}


def _anchored_spring(
    G: nx.Graph, nodes: list[Any], homes: Mapping[Any, Any], is_disease: set[Any]
) -> dict[Any, tuple[float, float]]:
    """One component: diseases pinned on a circle (when there are several), the rest around them."""
    n = len(nodes)
    diseases = [d for d in nodes if d in is_disease]
    members = Counter(homes.get(node) for node in nodes)
    # biggest disease first, then round the circle so that big clusters alternate with small ones
    order = sorted(diseases, key=lambda d: (-members[d], str(d)))
    spread = math.sqrt(n) * 0.55
    anchors: dict[Any, tuple[float, float]] = {}
    if len(order) >= 2:
        radius = max(3.0, 0.6 * math.sqrt(n))
        for i, disease in enumerate(_interleave(order)):
            angle = 2 * math.pi * i / len(order) - math.pi / 2
            anchors[disease] = (radius * math.cos(angle), radius * math.sin(angle))
    start: dict[Any, tuple[float, float]] = {}
    for node in nodes:
        jx, jy = _unit(node)
        home = homes.get(node)
        if node in anchors:
            start[node] = anchors[node]
        elif home in anchors:
            ax, ay = anchors[home]
            local = math.sqrt(members[home]) * 0.6
            start[node] = (ax + jx * local, ay + jy * local)
        else:
            start[node] = (jx * spread, jy * spread)
    return _spring(G, nodes, start, set(anchors))


def _interleave(order: list[Any]) -> list[Any]:
    """Largest, smallest, second largest, second smallest ... so big clusters are not neighbours."""
    out: list[Any] = []
    lo, hi = 0, len(order) - 1
    while lo <= hi:
        out.append(order[lo])
        if lo != hi:
            out.append(order[hi])
        lo, hi = lo + 1, hi - 1
    return out


def _group_boxes(G: nx.Graph, nodes: list[Any], homes: Mapping[Any, Any], max_spring: int) -> dict[Any, tuple[float, float]]:
    """A large component as boxes: one force-directed layout per disease group (or community)."""
    by_home: dict[str, list[Any]] = {}
    for node in nodes:
        home = homes.get(node)
        by_home.setdefault("" if home is None else str(home), []).append(node)
    groups: list[list[Any]] = []
    limit = max(50, max_spring // 3)
    for key in sorted(by_home):
        members = by_home[key]
        if len(members) <= limit:
            groups.append(members)
            continue
        sub = G.subgraph(members)
        for community in nx.community.louvain_communities(sub, seed=1, resolution=1.0):
            groups.append(sorted(community, key=str))
    groups.sort(key=lambda g: (-len(g), str(g[0])))
    boxes = []
    for group in groups:
        start = {node: (_unit(node)[0] * math.sqrt(len(group)), _unit(node)[1] * math.sqrt(len(group))) for node in group}
        boxes.append(_spring(G, group, start, set()) if len(group) > 1 else {group[0]: (0.0, 0.0)})
    return _pack(boxes, gap=1.5)


def _pack(boxes: list[dict[Any, tuple[float, float]]], *, gap: float) -> dict[Any, tuple[float, float]]:
    """Shelf-pack layouts (each starting at (0, 0)) in rows, in the given order, into a square-ish block."""
    boxes = [b for b in boxes if b]
    if not boxes:
        return {}
    sizes = [(max(x for x, _ in b.values()), max(y for _, y in b.values())) for b in boxes]
    area = sum((w + gap) * (h + gap) for w, h in sizes)
    row_width = max(max(w for w, _ in sizes), math.sqrt(area) * 1.3)
    placed: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for box, (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for node, (bx, by) in box.items():
            placed[node] = (x + bx, y + by)
        x += w + gap
        row_height = max(row_height, h)
    return placed
