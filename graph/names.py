"""Names -> entity ids: an id, an English or Chinese label, or a synonym, case-insensitively.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("SLE", label_en="systemic lupus erythematosus", label_zh="系統性紅斑狼瘡", synonyms=["SLE", "lupus"])
>>> resolve_name(G, "系統性紅斑狼瘡"), resolve_name(G, "Lupus")
('SLE', 'SLE')
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict

import networkx as nx

from graph.errors import UnknownEntity

__all__ = ["name_index", "resolve_name"]


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def name_index(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Every normalised name (id, labels, synonyms) -> the ids of the nodes it names."""
    index: dict[str, set[str]] = defaultdict(set)
    for node, data in G.nodes(data=True):
        for name in (node, data.get("label_en", ""), data.get("label_zh", ""), *data.get("synonyms", ())):
            if name:
                index[_key(name)].add(node)
    return index


def resolve_name(G: nx.MultiDiGraph, name: str, *, strict: bool = True) -> str | None:
    """The id of the one node ``name`` names.

    An exact id wins over labels and synonyms. With ``strict`` an unknown or ambiguous name
    raises :class:`~graph.errors.UnknownEntity` listing candidates; otherwise returns ``None``.
    """
    if name in G:
        return name
    index = name_index(G)
    key = _key(name)
    by_id = [node for node in G if _key(node) == key]
    found = sorted(set(by_id) or index.get(key, set()))
    if len(found) == 1:
        return found[0]
    if not strict:
        return None
    if found:
        raise UnknownEntity(name, found, ambiguous=True)
    close = difflib.get_close_matches(key, list(index), n=6, cutoff=0.6)
    contains = [k for k in index if key and key in k][:6]
    candidates = sorted({node for k in (*close, *contains) for node in index[k]})[:10]
    raise UnknownEntity(name, candidates)
