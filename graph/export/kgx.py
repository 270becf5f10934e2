"""KGX TSV (Biolink Model): nodes, edges, and the JSON-LD context of their CURIE prefixes.

``kgx validate`` finds no error in these files when it validates against Biolink's JSON-LD
context extended with ``mechkg_kgx_context.jsonld`` (:func:`kgx_context`); tests/export/test_kgx.py
runs it. The columns are KGX's and never change with MechKG's own JSON shapes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from mechkg.export.cells import spreadsheet_text
from mechkg.export.ids import kgx_node_ids
from mechkg.network.assemble import edge_of, node_of
from mechkg.network.evidence import Claim, Edge
from mechkg.terms.biolink import kgx_categories, predicate_terms
from mechkg.terms.vocab import PREFIXES

__all__ = [
    "KGX_AGENT_TYPE",
    "KGX_CONTEXT_FILE",
    "KGX_KNOWLEDGE_LEVEL",
    "KGX_PRIMARY_SOURCE",
    "kgx_context",
    "to_kgx",
]

KGX_PRIMARY_SOURCE = "infores:mechkg"
"""MechKG is the resource whose curators made each assertion from the text (Biolink's meaning of
``primary_knowledge_source``); the text itself goes in ``publications``."""
KGX_KNOWLEDGE_LEVEL = "knowledge_assertion"
"""Every edge states what its source asserts, as read by a curator."""
KGX_AGENT_TYPE = "manual_agent"
"""Every claim was curated by a person."""
KGX_CONTEXT_FILE = "mechkg_kgx_context.jsonld"
"""The JSON-LD context that declares the CURIE prefixes of the KGX files (see :func:`kgx_context`)."""

_NODE_COLUMNS = ("id", "category", "name", "full_name", "description", "synonym", "xref", "iri", "provided_by")
_EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "category",
    "qualified_predicate",
    "object_aspect_qualifier",
    "object_direction_qualifier",
    "disease_context_qualifier",
    "species_context_qualifier",
    "original_predicate",
    "original_subject",
    "original_object",
    "knowledge_level",
    "agent_type",
    "primary_knowledge_source",
    "publications",
    "has_evidence_of_type",
    "supporting_text",
    "description",
)
_DIRECTED = ("biolink:affects", "biolink:regulates")
"""Biolink predicates whose signed form is the predicate plus an object direction qualifier."""
_ASPECTS = {
    "amount": "abundance",
    "activity": "activity",
    "expression": "expression",
    "secretion": "secretion",
    "release": "release",
}
"""MechKG aspects that have a value of Biolink's GeneOrGeneProductOrChemicalEntityAspectEnum."""


def _cell(value: Any) -> str:
    """One KGX TSV cell: lists joined with ``|``; tabs and line breaks become spaces; spreadsheet-safe."""
    if isinstance(value, list | tuple):
        value = "|".join(_flat(v) for v in value if v not in (None, ""))
    return spreadsheet_text(_flat(value))


def _flat(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").splitlines())


def _tsv(columns: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    columns = list(columns)
    lines = ["\t".join(columns)]
    lines.extend("\t".join(_cell(row.get(column)) for column in columns) for row in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _node_rows(G: nx.MultiDiGraph, ids: Mapping[str, str]) -> list[dict[str, Any]]:
    kinds = kgx_categories()
    rows = []
    for name in sorted(G.nodes):
        node = node_of(G, name)
        xrefs = [x.curie for x in node.xrefs if x.curie != ids[name]]
        rows.append(
            {
                "id": ids[name],
                "category": [kinds[node.type]],
                "name": node.label_en,
                "full_name": node.label_zh,
                "description": node.definition,
                "synonym": node.synonyms,
                "xref": sorted({*xrefs, f"mke:{name}"} - {ids[name]}),
                "iri": node.iri,
                "provided_by": [KGX_PRIMARY_SOURCE],
            }
        )
    return rows


def _edge_base(edge: Edge, ids: Mapping[str, str], predicate: str) -> dict[str, Any]:
    """The columns every row of ``edge`` shares, whichever claim it is for."""
    base = {
        "subject": ids[edge.subject],
        "predicate": predicate,
        "object": ids[edge.object],
        "category": "biolink:Association",
        "original_predicate": f"mk:{edge.predicate}",
        "original_subject": f"mke:{edge.subject}",
        "original_object": f"mke:{edge.object}",
        "knowledge_level": KGX_KNOWLEDGE_LEVEL,
        "agent_type": KGX_AGENT_TYPE,
        "primary_knowledge_source": KGX_PRIMARY_SOURCE,
    }
    if predicate in _DIRECTED and edge.sign:
        base["object_direction_qualifier"] = "increased" if edge.sign > 0 else "decreased"
        if predicate == "biolink:affects":
            base["qualified_predicate"] = "biolink:causes"
    return base


def _claim_row(base: Mapping[str, Any], claim: Claim, obj: str, ids: Mapping[str, str]) -> dict[str, Any]:
    """The row of one claim: its id, provenance and context qualifiers over the edge's columns."""
    diseases = [d for d in claim.disease if d != obj]
    row = {
        **base,
        "id": f"mkc:{claim.id}",
        "publications": [f"mks:{claim.source}"],
        "has_evidence_of_type": [claim.evidence],
        "supporting_text": [claim.quote],
        "description": claim.statement,
    }
    if "object_direction_qualifier" in base and claim.aspect in _ASPECTS:
        row["object_aspect_qualifier"] = _ASPECTS[claim.aspect]
    if len(diseases) == 1 and diseases[0] in ids:
        row["disease_context_qualifier"] = ids[diseases[0]]
    if claim.species and claim.species in ids:
        row["species_context_qualifier"] = ids[claim.species]
    return row


def _edge_rows(G: nx.MultiDiGraph, ids: Mapping[str, str]) -> list[dict[str, Any]]:
    claims: Mapping[str, Claim] = G.graph["claims"]
    terms = predicate_terms()
    rows = []
    for u, v, key in sorted(G.edges(keys=True), key=lambda e: (e[0], e[2], e[1])):
        edge = edge_of(G, u, v, key)
        base = _edge_base(edge, ids, terms[key])
        if not edge.claims:
            rows.append({**base, "id": f"mke:{u}--{key}--{v}"})
        rows.extend(_claim_row(base, claims[claim_id], v, ids) for claim_id in edge.claims)
    return rows


def kgx_context() -> dict[str, Any]:
    """The JSON-LD context of every CURIE prefix MechKG writes: its own and the standard ones.

    MechKG's own namespaces (``mke:`` entities no standard vocabulary names, ``mkc:`` claims,
    ``mks:`` sources, ``mk:`` predicates) and the standard prefixes of
    :data:`mechkg.terms.identifiers.CONVERTER` (FamPlex ``FPLX``, ``mirbase.mature`` … which Biolink's
    own context lacks), each a JSON-LD 1.1 prefix definition. ``kgx validate`` accepts a CURIE
    only if its prefix is in the JSON-LD context it validates against (kgx's ``config.yml``
    ``jsonld-context``); validating with Biolink's context extended by this one is how a graph
    declares its local prefixes to kgx (scripts/kgx_validate.py ``--context``).

    >>> kgx_context()["@context"]["mke"]
    {'@id': 'https://w3id.org/mechkg/entity/', '@prefix': True}
    """
    from mechkg.terms.identifiers import CONVERTER

    prefixes = {name: PREFIXES[name] for name in ("mk", "mke", "mkc", "mks")}
    prefixes.update({record.prefix: record.uri_prefix for record in CONVERTER.records})
    return {"@context": {name: {"@id": iri, "@prefix": True} for name, iri in sorted(prefixes.items())}}


def to_kgx(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """KGX TSV ``mechkg_kgx_nodes.tsv`` and ``mechkg_kgx_edges.tsv``, and their prefixes' context.

    Nodes: one per entity and study, ``category`` from the ontology's Biolink alignment of its
    class (:func:`mechkg.terms.biolink.kgx_categories`), English ``name``, Chinese ``full_name``,
    synonyms and xrefs; the id is :func:`mechkg.export.ids.kgx_node_ids`. Edges: one per claim
    (id ``mkc:<claim>``) and one per edge that no claim backs (structural links such as
    ``studiedIn``, id ``mke:<s>--<predicate>--<o>``); ``predicate`` from the ontology's alignment
    (:func:`mechkg.terms.biolink.predicate_terms`). A signed MechKG predicate aligned to
    ``biolink:affects`` or ``regulates`` (Biolink 4 has no ``positively_regulates``) gets
    ``object_direction_qualifier`` increased/decreased, with ``qualified_predicate``
    ``biolink:causes`` for ``affects`` and the claim's aspect as ``object_aspect_qualifier`` where
    Biolink has that aspect. Provenance: ``knowledge_level``, ``agent_type``,
    ``primary_knowledge_source``, ``publications`` (the source), the ECO term in
    ``has_evidence_of_type``, the Chinese quote in ``supporting_text`` and the English statement
    in ``description``.
    """
    ids = kgx_node_ids(G)
    return {
        "mechkg_kgx_nodes.tsv": _tsv(_NODE_COLUMNS, _node_rows(G, ids)),
        "mechkg_kgx_edges.tsv": _tsv(_EDGE_COLUMNS, _edge_rows(G, ids)),
        KGX_CONTEXT_FILE: (json.dumps(kgx_context(), indent=1) + "\n").encode("utf-8"),
    }
