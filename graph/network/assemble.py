"""Typed records -> the NetworkX MultiDiGraph every later stage reads.

This is the one place where a network is put together: :func:`mechkg.network.build.to_networkx`
feeds it what it read from RDF, and tests and benchmarks feed it small or synthetic records, so
they exercise the production code rather than a copy of it.

Edges are keyed by predicate, so ``G[u][v]["secretes"]`` is *the* edge whatever the number of
claims behind it; the edge's attributes are exactly the fields of :class:`~mechkg.network.evidence.Edge`
and a node's those of :class:`~mechkg.network.evidence.EntityNode`. Claims (typed
:class:`~mechkg.network.evidence.Claim` objects) live once in ``G.graph["claims"]``, keyed by id.

>>> from mechkg.network.evidence import Claim, EntityNode
>>> nodes = [EntityNode(n, "CellType", n, n, f"urn:{n}") for n in ("MSC", "TREG")]
>>> claims = [Claim("c1", "MSC", "increases", "TREG", 1, quote="…")]
>>> G = assemble(nodes, claims, [("MSC", "increases", "TREG")])
>>> edge_of(G, "MSC", "TREG", "increases").claims
('c1',)
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx

from mechkg.network.evidence import Claim, Edge, EntityNode, Source, edge_from_claims

if TYPE_CHECKING:
    from mechkg.terms.ontology import PredicateInfo

__all__ = ["add_edge", "add_node", "assemble", "edge_of", "node_of"]

_EDGE_FIELDS = tuple(f.name for f in dataclasses.fields(Edge) if f.name not in ("subject", "object"))
_NODE_FIELDS = tuple(f.name for f in dataclasses.fields(EntityNode) if f.name != "id")


def add_node(G: nx.MultiDiGraph, node: EntityNode) -> None:
    """Add ``node`` with its fields as attributes."""
    G.add_node(node.id, **{name: getattr(node, name) for name in _NODE_FIELDS})


def node_of(G: nx.MultiDiGraph, node: str) -> EntityNode:
    """The :class:`EntityNode` of ``node`` as stored in ``G``."""
    data = G.nodes[node]
    return EntityNode(id=node, **{name: data[name] for name in _NODE_FIELDS if name in data})


def add_edge(G: nx.MultiDiGraph, edge: Edge) -> None:
    """Add ``edge`` keyed by its predicate, with its fields as attributes."""
    G.add_edge(edge.subject, edge.object, key=edge.predicate, **{name: getattr(edge, name) for name in _EDGE_FIELDS})


def edge_of(G: nx.MultiDiGraph, u: str, v: str, key: str) -> Edge:
    """The :class:`Edge` ``u -key-> v`` as stored in ``G``."""
    data: Mapping[str, Any] = G.edges[u, v, key]
    return Edge(subject=u, object=v, **{name: data[name] for name in _EDGE_FIELDS})


def assemble(
    nodes: Iterable[EntityNode],
    claims: Iterable[Claim],
    triples: Iterable[tuple[str, str, str]],
    *,
    sources: Iterable[Source] = (),
    classes: Mapping[str, tuple[str, str]] | None = None,
    predicate_table: Mapping[str, PredicateInfo] | None = None,
    name: str = "MechKG",
) -> nx.MultiDiGraph:
    """The network of ``nodes``, one edge per triple whose ends are nodes, with the claims that back it.

    ``triples`` are the truthy (subject, predicate, object) triples, structural ones
    included; an edge's sign and causality come from the ontology's predicate table.
    ``classes`` maps a class name to its English and Chinese labels (default: every class of
    the ontology).
    """
    from mechkg.terms.ontology import class_labels, predicates  # rdflib: only when a network is made, not read

    table = predicates() if predicate_table is None else predicate_table
    classes = class_labels() if classes is None else classes
    G = nx.MultiDiGraph(name=name)
    for node in nodes:
        add_node(G, node)
    by_id = {claim.id: claim for claim in claims}
    supporting: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in by_id.values():
        supporting[claim.triple].append(claim)
    for u, predicate, v in triples:
        if u in G and v in G:
            info = table[predicate]
            add_edge(G, edge_from_claims(u, predicate, v, info.sign, info.causal, supporting.get((u, predicate, v), ())))
    G.graph["claims"] = dict(sorted(by_id.items()))
    G.graph["predicates"] = {
        key: {"label_en": info.label_en, "label_zh": info.label_zh, "sign": info.sign, "causal": info.causal}
        for key, info in sorted(table.items())
    }
    G.graph["classes"] = {key: {"label_en": en, "label_zh": zh} for key, (en, zh) in sorted(classes.items())}
    G.graph["sources"] = {source.id: source for source in sorted(sources, key=lambda s: s.id)}
    return G
