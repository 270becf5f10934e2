"""The node ids every Biolink-shaped export uses (KGX, the paths file)."""

from __future__ import annotations

import networkx as nx

__all__ = ["kgx_node_ids"]


def kgx_node_ids(G: nx.MultiDiGraph) -> dict[str, str]:
    """Entity id -> its KGX id: a standard CURIE where there is one, else ``mke:<id>``.

    The standard CURIE is used where MechKG has exactly one exact match for the entity and no
    other entity shares that CURIE; otherwise the MechKG CURIE ``mke:<id>``.
    A Biolink graph merges on standard identifiers, so grounded entities are named by them;
    the ``mke:`` CURIE is always kept in the node's ``xref`` and ``iri`` columns, and in the
    edges' ``original_subject`` / ``original_object``, so nothing is lost and ids change only
    when the grounding itself changes.
    """
    exact: dict[str, list[str]] = {}
    for node, data in G.nodes(data=True):
        curies = [x.curie for x in data["xrefs"] if x.match == "exact"]
        if len(curies) == 1:
            exact[node] = curies
    owners: dict[str, int] = {}
    for curies in exact.values():
        owners[curies[0]] = owners.get(curies[0], 0) + 1
    return {node: (exact[node][0] if node in exact and owners[exact[node][0]] == 1 else f"mke:{node}") for node in G.nodes}
