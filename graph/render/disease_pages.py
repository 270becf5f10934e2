"""The explorer as files: one page, or, for a large graph, an overview plus one page per disease.

One page of 20,000 nodes is an unusable hairball, so above :data:`MAX_PAGE_NODES` nodes
:func:`explorer_pages` writes an overview (the diseases, the therapies and their best connected
neighbours) and, for each disease, a page of :func:`disease_subgraph`; the pages link each other.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from mechkg.render.filters import disease_scope
from mechkg.render.page import explorer_html
from mechkg.render.path_records import PairRecords

__all__ = ["MAX_PAGE_NODES", "disease_subgraph", "explorer_pages", "overview_subgraph"]

#: Above this many nodes the build writes an overview page plus one page per disease.
MAX_PAGE_NODES = 3000


def explorer_pages(
    G: nx.MultiDiGraph,
    *,
    max_nodes: int = MAX_PAGE_NODES,
    paths: Iterable[PairRecords] = (),
    name: str = "mechkg",
    title: str = "MechKG",
    lang: str = "en",
) -> dict[str, str]:
    """The explorer as pages, file name -> HTML, sorted by file name.

    Up to ``max_nodes`` nodes, ``{"<name>.html": page}``. Beyond, ``<name>.html`` is the
    :func:`overview_subgraph` with links to the other pages, and each disease gets
    ``<name>-<disease id>.html`` with its :func:`disease_subgraph`. Every page carries the paths
    panel (``paths``, see :func:`mechkg.render.path_records.pair_paths`) for the pairs that lie in it.

    >>> from mechkg.network.assemble import assemble
    >>> from mechkg.network.evidence import EntityNode
    >>> G = assemble([EntityNode("SLE", "Disease", "lupus", "狼瘡", "urn:SLE")], [], [])
    >>> list(explorer_pages(G)), list(explorer_pages(G, max_nodes=0))
    (['mechkg.html'], ['mechkg-SLE.html', 'mechkg.html'])
    """
    table = list(paths)
    if G.number_of_nodes() <= max_nodes:
        return {f"{name}.html": explorer_html(G, title=title, lang=lang, paths=table)}
    diseases = sorted((n for n, t in G.nodes(data="type") if t == "Disease"), key=str)
    files = {d: f"{name}-{_file_safe(d)}.html" for d in diseases}
    links = [(_label(G, d), href) for d, href in files.items()]
    pages = {
        file: explorer_html(
            disease_subgraph(G, disease),
            title=f"{title}: {_label(G, disease)}",
            lang=lang,
            paths=table,
            links=[("overview", f"{name}.html"), *links],
        )
        for disease, file in files.items()
    }
    overview = overview_subgraph(G, max_nodes)
    pages[f"{name}.html"] = explorer_html(overview, title=f"{title} (overview)", lang=lang, paths=table, links=links)
    return dict(sorted(pages.items()))


def disease_subgraph(G: nx.MultiDiGraph, disease: str) -> nx.MultiDiGraph:
    """The part of ``G`` about ``disease``, for a per-disease page.

    The edges whose claims name ``disease`` or a narrower disease as their context, the edges
    touching one of these diseases (their studies among them) and the nodes they join; the
    narrower diseases are the filter's (:func:`mechkg.render.filters.disease_scope`). ``G.graph``
    (claims, sources, labels) is shared.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("A", "B", key="increases", diseases=["SLE"]); _ = G.add_edge("B", "SLE", key="contributesTo", diseases=[])
    >>> _ = G.add_edge("C", "RA", key="contributesTo", diseases=["RA"])
    >>> sorted(disease_subgraph(G, "SLE"))
    ['A', 'B', 'SLE']
    >>> G.add_node("RA", type="Disease"); G.add_node("ERA", type="Disease", broader=("RA",))
    >>> _ = G.add_edge("D", "E", key="increases", diseases=["ERA"])
    >>> sorted(disease_subgraph(G, "RA"))
    ['C', 'D', 'E', 'ERA', 'RA']
    """
    scope = set(disease_scope(G).get(disease, [disease]))
    keep = [
        (u, v, k)
        for u, v, k, diseases in G.edges(keys=True, data="diseases")
        if scope.intersection(diseases or ()) or u in scope or v in scope
    ]
    H = G.edge_subgraph(keep).copy() if keep else nx.MultiDiGraph()
    for node in sorted(scope):
        H.add_node(node, **G.nodes[node])
    H.graph.update(G.graph)
    H.graph["name"] = f"{G.graph.get('name', 'MechKG')}: {G.nodes[disease].get('label_en') or disease}"
    return H


def overview_subgraph(G: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The diseases, the therapies and as many of their neighbours as fit in ``max_nodes``, best connected first.

    >>> G = nx.MultiDiGraph([("T", "A"), ("T", "B"), ("B", "D"), ("C", "E")])
    >>> nx.set_node_attributes(G, {"T": "Therapy", "D": "Disease"}, "type")
    >>> sorted(overview_subgraph(G, 3))
    ['B', 'D', 'T']
    """
    anchors = {n for n, t in G.nodes(data="type") if t in ("Disease", "Therapy")}
    near = {n for u, v in G.edges() if u in anchors or v in anchors for n in (u, v)} - anchors
    room = max(0, max_nodes - len(anchors))
    core = anchors | set(sorted(near, key=lambda n: (-G.degree(n), str(n)))[:room])
    overview = G.subgraph(core).copy()
    overview.graph.update(G.graph)
    return overview


def _label(G: nx.MultiDiGraph, disease: str) -> str:
    return str(G.nodes[disease].get("label_en") or disease)


def _file_safe(node: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in str(node))
