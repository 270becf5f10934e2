"""The explorer's disease filter: a disease stands for itself and every disease narrower than it.

The rule of the named queries (``graph/queries/README.md``, "Narrower terms count"): a claim's
disease ``T`` falls under the disease ``P`` chosen in the filter when ``T skos:broader* P``, so
filtering by multiple sclerosis keeps the claims tagged only relapsing-remitting MS.
:func:`narrower_terms` computes that closure from the entities' ``broader`` lists; the page
carries it for the diseases (``DATA.disease_scope`` in the page script (``templates/explorer/``)) and the per-disease pages
are cut by it (:func:`mechkg.render.disease_pages.disease_subgraph`).

>>> scope = narrower_terms({"RRMS": ["MS"], "MS": ["AID"], "SLE": ["AID"]})
>>> scope["MS"], scope["AID"], scope["RRMS"]
(['MS', 'RRMS'], ['AID', 'MS', 'RRMS', 'SLE'], ['RRMS'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

__all__ = ["disease_scope", "narrower_terms"]


def narrower_terms(broader: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Each term -> itself and every term narrower than it, sorted; ``broader`` maps a term to its broader terms.

    Terms named only as a broader term are included too. The ``broader`` links have no cycles
    (``mechkg.ingest.hierarchy`` checks it), but a cycle would only make its terms share a scope.
    """
    narrower: dict[str, set[str]] = {}
    for term, parents in broader.items():
        narrower.setdefault(term, set())
        for parent in parents:
            narrower.setdefault(parent, set()).add(term)
    scope: dict[str, list[str]] = {}
    for term in narrower:
        seen, stack = {term}, [term]
        while stack:
            for child in narrower[stack.pop()]:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        scope[term] = sorted(seen)
    return dict(sorted(scope.items()))


def disease_scope(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Disease node -> the diseases a filter on it keeps: itself and the narrower diseases among ``G``'s nodes.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("MS", type="Disease", broader=("AID",)); G.add_node("RRMS", type="Disease", broader=("MS",))
    >>> G.add_node("MSC", type="CellType", broader=("STEM_CELL",))
    >>> disease_scope(G)
    {'MS': ['MS', 'RRMS'], 'RRMS': ['RRMS']}
    """
    diseases = {n for n, kind in G.nodes(data="type") if kind == "Disease"}
    scope = narrower_terms({n: G.nodes[n].get("broader") or () for n in G.nodes})
    return {d: [n for n in scope[d] if n in diseases] for d in sorted(diseases, key=str)}
