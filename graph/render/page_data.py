"""What the page carries: one JSON object, ``DATA`` in the page script (``templates/explorer/``), made from the view layer.

:func:`page_data` lists it in order: the language and name, the vis-network drawing, the
entities, edges, claims and sources (as :mod:`mechkg.views` shapes them for every output), the
legends, the disease filter's options, the highlighted paths, the paths panel's table (both
packed: :func:`mechkg.render.page_paths.page_paths`), the links to other pages and the search
keys. A per-disease page carries only the claims its nodes and edges name.

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import EntityNode
>>> G = assemble([EntityNode("MSC", "CellType", "mesenchymal stem cell", "間充質幹細胞", "urn:MSC")], [], [])
>>> data = page_data(G, lang="zh-Hant")
>>> data["entities"]["MSC"]["label_zh"], [c["name"] for c in data["classes"]], data["paths"]
('間充質幹細胞', ['CellType'], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from mechkg.network.assemble import edge_of, node_of
from mechkg.network.evidence import Claim, Edge, EntityNode
from mechkg.render.filters import disease_scope
from mechkg.render.legend import class_legend, evidence_legend, flag_kind_labels, predicate_labels, sign_legend
from mechkg.render.overview import overview_nodes
from mechkg.render.page_json import edge_id, plain
from mechkg.render.page_paths import page_paths
from mechkg.render.path_records import HighlightPath, PairRecords
from mechkg.render.vis import vis_network
from mechkg.terms.search_keys import fold_map, search_key
from mechkg.views.claims import claim_json, source_json
from mechkg.views.edges import edge_json
from mechkg.views.entity import node_json

__all__ = ["edge_table", "entity_table", "page_data", "search_table"]


def page_data(
    G: nx.MultiDiGraph,
    *,
    lang: str,
    highlight_paths: Iterable[HighlightPath] = (),
    paths: Iterable[PairRecords] = (),
    links: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """Everything the page shows of ``G`` (a graph of :func:`mechkg.network.assemble.assemble`).

    ``lang`` is the language the page opens in (``"en"`` or ``"zh-Hant"``); for the others see
    :func:`mechkg.render.page.explorer_html`.
    """
    nodes = [node_of(G, n) for n in sorted(G.nodes, key=str)]
    edges = [edge_of(G, u, v, k) for u, v, k in sorted(G.edges(keys=True), key=_edge_order)]
    entities = entity_table(G, nodes)
    claims = _claims_on_page(G.graph["claims"], edges, entities)
    path_data = page_paths(G, highlight_paths, paths)
    return {
        "lang": lang,
        "graph_name": str(G.graph.get("name", "MechKG")),
        "vis": vis_network(G, nodes, edges),
        "entities": entities,
        "edges": edge_table(edges),
        "claims": {cid: plain(claim_json(claim)) for cid, claim in claims.items()},
        "sources": {sid: source_json(source) for sid, source in G.graph["sources"].items()},
        "classes": class_legend(nodes, G.graph["classes"]),
        "signs": sign_legend(),
        "evidence_levels": evidence_legend(edges),
        "predicates": predicate_labels(edges, claims.values(), G.graph["predicates"]),
        "flag_kinds": flag_kind_labels(nodes, claims.values()),
        "diseases": _diseases(entities),
        "disease_scope": disease_scope(G),
        **path_data,
        "overview": overview_nodes(G, path_data["paths"]),
        "links": [{"label": label, "href": href} for label, href in links],
        "search": search_table(entities),
    }


def entity_table(G: nx.MultiDiGraph, nodes: Iterable[EntityNode]) -> dict[str, dict[str, Any]]:
    """Node id -> :func:`mechkg.views.entity.node_json`, with its degree and the claims it takes part in.

    A node without a label shows its id; without a Chinese label, its English one. ``claims``
    lists ``{"claim", "roles"}``, a role being ``subject``, ``object`` or ``study``.
    """
    entities = {node.id: _entity(G, node) for node in nodes}
    roles: dict[str, dict[str, set[str]]] = {}
    for claim_id, claim in G.graph["claims"].items():
        for role, ref in (("subject", claim.subject), ("object", claim.object), ("study", claim.study)):
            if ref is not None and ref in entities:
                roles.setdefault(ref, {}).setdefault(claim_id, set()).add(role)
    for node, by_claim in roles.items():
        entities[node]["claims"] = [{"claim": cid, "roles": sorted(by_claim[cid])} for cid in sorted(by_claim)]
    return entities


def _entity(G: nx.MultiDiGraph, node: EntityNode) -> dict[str, Any]:
    entity = node_json(node)
    entity["label_en"] = entity["label_en"] or node.id
    entity["label_zh"] = entity["label_zh"] or entity["label_en"]
    return plain({**entity, "degree": G.degree(node.id), "claims": []})


def edge_table(edges: Iterable[Edge]) -> dict[str, dict[str, Any]]:
    """Edge id -> :func:`mechkg.views.edges.edge_json`, the ends named as vis-network names them (``from``, ``to``)."""
    table = {}
    for edge in edges:
        data = edge_json(edge)
        ends = {"from": data.pop("subject"), "to": data.pop("object")}
        key = edge_id(edge.subject, edge.predicate, edge.object)
        table[key] = plain({"id": key, **ends, **data})
    return table


def search_table(entities: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """What the page's search needs: each entity's search keys and the map that folds a query's Chinese characters.

    ``keys``: entity id -> the :func:`mechkg.terms.search_keys.search_key` of its id, labels and
    synonyms (distinct, in that order, empty ones left out); ``fold``: the
    :func:`mechkg.terms.search_keys.fold_map` of all of them, so that the page folds 幹, 干 and 乾
    alike without OpenCC.
    """
    names = {n: [n, e["label_en"], e["label_zh"], *e.get("synonyms", ())] for n, e in entities.items()}
    keys = {n: [k for k in dict.fromkeys(search_key(str(t)) for t in terms) if k] for n, terms in names.items()}
    return {"keys": keys, "fold": fold_map(str(t) for terms in names.values() for t in terms)}


def _edge_order(key: tuple[str, str, str]) -> tuple[str, str, str]:
    """Edges sorted by subject, predicate, object (a MultiDiGraph's edge key is ``(u, v, predicate)``)."""
    u, v, predicate = key
    return str(u), str(predicate), str(v)


def _claims_on_page(claims: Mapping[str, Claim], edges: Iterable[Edge], entities: Mapping[str, Any]) -> dict[str, Claim]:
    """The claims that back an edge of the page or name one of its nodes."""
    used = {c for edge in edges for c in edge.claims} | {c["claim"] for entity in entities.values() for c in entity["claims"]}
    return {cid: claim for cid, claim in claims.items() if cid in used}


def _diseases(entities: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The disease filter's options: the diseases on the page, by English label."""
    return sorted(
        (n for n, e in entities.items() if e["type"] == "Disease"), key=lambda n: (entities[n]["label_en"].casefold(), n)
    )
