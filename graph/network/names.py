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

from mechkg.errors import UnknownEntity

__all__ = ["name_index", "resolve_name"]


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def name_index(G: nx.MultiDiGraph, *, synonyms: bool = True) -> dict[str, set[str]]:
    """Every normalised name (id, labels and, unless told otherwise, synonyms) -> the ids it names."""
    index: dict[str, set[str]] = defaultdict(set)
    for node, data in G.nodes(data=True):
        names = [node, data.get("label_en", ""), data.get("label_zh", "")]
        if synonyms:
            names += data.get("synonyms", ())
        for name in names:
            if name:
                index[_key(name)].add(node)
    return index


def resolve_name(G: nx.MultiDiGraph, name: str, *, strict: bool = True) -> str | None:
    """The id of the one node ``name`` names.

    An id wins over a label, and a label over a synonym, so a label is never made ambiguous by
    another entity's synonym. With ``strict`` an unknown or ambiguous name raises
    :class:`~mechkg.errors.UnknownEntity` listing candidates; otherwise returns ``None``.
    """
    if name in G:
        return name
    index = name_index(G)
    key = _key(name)
    by_id = {node for node in G if _key(node) == key}
    by_label = name_index(G, synonyms=False).get(key, set())
    found = sorted(by_id or by_label or index.get(key, set()))
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
