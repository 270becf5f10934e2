"""The explorer's first view: a readable overview of the graph instead of the whole hairball.

The overview (``DATA.overview``) is the diseases, the therapies and the main mediators between
them: the nodes that occur most often on the precomputed best paths of the paths panel's table
(:func:`mechkg.render.path_records.pairs_on_page`). Without a table (a page without paths) the
mediators are the nodes of highest degree. The selection is capped (:data:`OVERVIEW_MAX`
nodes) so that the view stays legible, and it depends only on the graph and the table: ties go
to the higher degree, then to the smaller id.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("SLE", type="Disease"); G.add_node("MSC", type="Therapy"); G.add_node("IL6", type="GeneProduct")
>>> _ = G.add_edge("MSC", "IL6", key="decreases"); _ = G.add_edge("IL6", "SLE", key="contributesTo")
>>> overview_nodes(G, [{"therapy": "MSC", "disease": "SLE", "paths": [{"nodes": ["MSC", "IL6", "SLE"]}]}])
['IL6', 'MSC', 'SLE']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["OVERVIEW_MAX", "OVERVIEW_MEDIATORS", "overview_nodes"]

OVERVIEW_MAX = 72
"""At most this many nodes in the overview."""

OVERVIEW_MEDIATORS = 18
"""At least this many mediators (not diseases or therapies), when the graph has them, within :data:`OVERVIEW_MAX`."""

_ENDS = ("Disease", "Therapy")


def overview_nodes(G: nx.MultiDiGraph, pairs: Iterable[Mapping[str, Any]]) -> list[str]:
    """The ids of the overview's nodes, sorted (see the module docstring).

    ``pairs`` are the paths panel's entries (``{"therapy", "disease", "paths": [{"nodes": [...]}]}``).
    Diseases and therapies come first (those on paths before the others, most frequent first),
    leaving room for :data:`OVERVIEW_MEDIATORS` mediators, which fill the rest up to :data:`OVERVIEW_MAX`.
    """
    on_paths: Counter[str] = Counter()
    for entry in pairs:
        for path in entry.get("paths", ()):
            on_paths.update(n for n in path.get("nodes", ()) if n in G)

    def rank(node: str) -> tuple[int, int, str]:
        return -on_paths[node], -G.degree(node), str(node)

    kinds = dict(G.nodes(data="type"))
    ends = sorted((n for n in G if kinds.get(n) in _ENDS), key=rank)
    mediators = sorted((n for n in G if kinds.get(n) not in _ENDS and G.degree(n) > 0), key=rank)
    if on_paths:
        mediators = [n for n in mediators if on_paths[n]]
    room_for_ends = max(OVERVIEW_MAX - min(OVERVIEW_MEDIATORS, len(mediators)), 0)
    chosen = ends[:room_for_ends]
    chosen += mediators[: OVERVIEW_MAX - len(chosen)]
    return sorted(chosen, key=str)
