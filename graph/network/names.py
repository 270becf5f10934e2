"""Names -> node ids of the network: an id, an English or Chinese label, or a synonym.

The look-up itself is :class:`mechkg.terms.naming.NameIndex`, shared with the SPARQL stores;
this module only feeds it the network's nodes (``label_en`` and ``label_zh`` as labels,
``synonyms`` as synonyms).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("SLE", label_en="systemic lupus erythematosus", label_zh="系統性紅斑狼瘡", synonyms=["SLE", "lupus"])
>>> resolve_name(G, "系統性紅斑狼瘡"), resolve_name(G, "Lupus")
('SLE', 'SLE')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mechkg.terms.naming import NameEntry, NameIndex

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["name_entries", "name_index", "resolve_name"]


def name_entries(G: nx.MultiDiGraph) -> list[NameEntry]:
    """One :class:`~mechkg.terms.naming.NameEntry` per node: its id, labels and synonyms."""
    return [
        NameEntry(
            str(node),
            labels=tuple(label for label in (data.get("label_en", ""), data.get("label_zh", "")) if label),
            synonyms=tuple(data.get("synonyms", ())),
        )
        for node, data in G.nodes(data=True)
    ]


def name_index(G: nx.MultiDiGraph) -> NameIndex:
    """The name index of the network's nodes."""
    return NameIndex(name_entries(G))


def resolve_name(G: nx.MultiDiGraph, name: str, *, strict: bool = True) -> str | None:
    """The id of the one node ``name`` names, by :meth:`mechkg.terms.naming.NameIndex.resolve`.

    An id wins over a label, and a label over a synonym. With ``strict`` an unknown or ambiguous
    name raises :class:`~mechkg.errors.UnknownEntity` listing candidates; otherwise returns ``None``.
    """
    if name in G:  # the first tier, without building the index
        return name
    return name_index(G).resolve(name, strict=strict)
