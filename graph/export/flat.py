"""The network with scalar attributes only: GraphML and Cytoscape.js.

Both formats want one value per attribute, so lists are joined with ``|`` and each edge
(subject, predicate, object) carries its claims' quotes and statements as text. Nodes are in id
order and edges in (subject, predicate, object) order, so the files are byte-stable.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from mechkg.export.jsontext import dumps
from mechkg.network.assemble import edge_of, node_of
from mechkg.network.evidence import Claim, Edge, EntityNode
from mechkg.terms.ontology import predicates

__all__ = ["flat_network", "to_cytoscape", "to_graphml"]


def _joined(values: Iterable[Any]) -> str:
    return "|".join(str(v) for v in values)


def _node_attributes(node: EntityNode) -> dict[str, Any]:
    return {
        "label": node.label_en,
        "name": node.label_en,
        "label_en": node.label_en,
        "label_zh": node.label_zh,
        "type": node.type,
        "iri": node.iri,
        "xrefs": _joined(x.curie for x in node.xrefs),
        "synonyms": _joined(node.synonyms),
        "definition": node.definition,
        "ungrounded": bool(node.ungrounded),
        "flagged": bool(node.flags),
    }


def _edge_attributes(edge: Edge, label: str, claims: Mapping[str, Claim]) -> dict[str, Any]:
    backing = [claims[c] for c in edge.claims]
    return {
        "label": label,
        "predicate": edge.predicate,
        "sign": int(edge.sign),
        "causal": bool(edge.causal),
        "claims": _joined(edge.claims),
        "n_claims": len(edge.claims),
        "aspects": _joined(edge.aspects),
        "diseases": _joined(edge.diseases),
        "evidence_levels": _joined(edge.evidence_levels),
        "confidence": float(edge.confidence),
        "flagged": bool(edge.flagged),
        "quotes": " | ".join(c.quote for c in backing),
        "statements": " | ".join(c.statement for c in backing),
    }


def flat_network(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars, edges keyed ``subject|predicate|object``."""
    claims: Mapping[str, Claim] = G.graph["claims"]
    labels = {name: info.label_en for name, info in predicates().items()}
    flat = nx.MultiDiGraph(name="MechKG")
    for node in sorted(G.nodes):
        flat.add_node(node, **_node_attributes(node_of(G, node)))
    for u, v, key in sorted(G.edges(keys=True), key=lambda e: (e[0], e[2], e[1])):
        flat.add_edge(u, v, key=f"{u}|{key}|{v}", **_edge_attributes(edge_of(G, u, v, key), labels[key], claims))
    return flat


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """The network as GraphML (Cytoscape, Gephi, yEd, igraph).

    Labels, class (``type``) and ``sign`` are attributes, all scalars; edge ids are
    ``subject|predicate|object``.
    """
    stream = io.BytesIO()
    nx.write_graphml(flat_network(G), stream, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return stream.getvalue()


def _sign_class(sign: int) -> str:
    return {1: "positive", -1: "negative"}.get(sign, "unsigned")


def to_cytoscape(G: nx.MultiDiGraph) -> bytes:
    """The network as Cytoscape.js JSON (``elements``; also opens in Cytoscape desktop as .cyjs).

    Node ``classes`` are the MechKG class; edge ``classes`` the predicate and the sign
    (``positive`` / ``negative`` / ``unsigned``), ready for a stylesheet.
    """
    flat = flat_network(G)
    nodes = [{"data": {"id": node, **data}, "classes": data["type"]} for node, data in flat.nodes(data=True)]
    edges = [
        {
            "data": {"id": key, "source": u, "target": v, "interaction": data["predicate"], **data},
            "classes": f"{data['predicate']} {_sign_class(data['sign'])}",
        }
        for u, v, key, data in flat.edges(keys=True, data=True)
    ]
    document = {
        "format_version": "1.0",
        "generated_by": "MechKG",
        "target_cytoscapejs_version": "~3",
        "data": {"name": "MechKG"},
        "elements": {"nodes": nodes, "edges": edges},
    }
    return dumps(document, sort_keys=True)
