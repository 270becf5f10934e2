"""Names -> node ids of the network: an id, an English or Chinese label, a synonym, or a clearly nearest spelling.

The look-up itself is :class:`mechkg.terms.naming.NameIndex` (its docstring states the rules and
the fuzzy thresholds), shared with the SPARQL stores; this module only feeds it the network's
nodes (``label_en`` and ``label_zh`` as labels, ``synonyms`` as synonyms, ``type`` as the class).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("SLE", label_en="systemic lupus erythematosus", label_zh="系統性紅斑狼瘡", synonyms=["lupus"], type="Disease")
>>> resolve_name(G, "系統性紅斑狼瘡"), resolve_name(G, "Lupus"), resolve_name(G, "系统性红斑狼疮")
('SLE', 'SLE', 'SLE')
>>> resolve_match(G, "systemic lupus").note
'resolved "systemic lupus" to SLE (systemic lupus erythematosus; fuzzy match 87)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mechkg.terms.naming import NameEntry, NameIndex, NameMatch

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["name_entries", "name_index", "resolve_match", "resolve_name"]


def name_entries(G: nx.MultiDiGraph) -> list[NameEntry]:
    """One :class:`~mechkg.terms.naming.NameEntry` per node: its id, labels, synonyms and class."""
    return [
        NameEntry(
            str(node),
            labels=tuple(label for label in (data.get("label_en", ""), data.get("label_zh", "")) if label),
            synonyms=tuple(data.get("synonyms", ())),
            kind=str(data.get("type", "")),
        )
        for node, data in G.nodes(data=True)
    ]


def name_index(G: nx.MultiDiGraph) -> NameIndex:
    """The name index of the network's nodes."""
    return NameIndex(name_entries(G))


def resolve_match(G: nx.MultiDiGraph, name: str) -> NameMatch:
    """What ``name`` names in ``G`` (one id), with the tier that matched and, for a fuzzy match, a note to show.

    An unknown or ambiguous name raises :class:`~mechkg.errors.UnknownEntity` with candidates.
    """
    if name in G:  # the first tier, without building the index
        return NameMatch(name, (name,), "exact")
    index = name_index(G)
    found = index.match(name)
    if not found.unique:
        index.raise_unknown(name, found)
    return found


def resolve_name(G: nx.MultiDiGraph, name: str, *, strict: bool = True) -> str | None:
    """The id of the one node ``name`` names, by :meth:`mechkg.terms.naming.NameIndex.resolve`.

    An id wins over a label, a label over a synonym, and any of them over a fuzzy match. With
    ``strict`` an unknown or ambiguous name raises :class:`~mechkg.errors.UnknownEntity` listing
    candidates; otherwise returns ``None``.
    """
    if name in G:
        return name
    return name_index(G).resolve(name, strict=strict)
