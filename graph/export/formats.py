"""MechKG in the formats other tools read: RDF, JSON-LD, KGX, GraphML, Cytoscape.js, Neo4j, paths.

One function per format; each returns bytes (or, for formats of several files, a mapping of
file name to bytes) that are byte-identical for the same graph, so exports diff cleanly and a
rebuild that changes nothing changes no file.

- ``turtle`` and ``ntriples``: the whole RDF graph (ontology, entities, claim nodes, studies).
  Turtle lists subjects in IRI order; N-Triples is one sorted line per triple.
- ``jsonld``: the same graph compacted with the published context ``ontology/context.jsonld``
  (inlined, so the file expands offline), nodes sorted by ``@id``.
- ``kgx``: Biolink-aligned KGX TSV (``mechkg_kgx_nodes.tsv`` / ``mechkg_kgx_edges.tsv``) and
  the JSON-LD context of their CURIE prefixes (``mechkg_kgx_context.jsonld``), see :func:`to_kgx`.
- ``graphml`` and ``cytoscape``: the network of :func:`mechkg.network.build.to_networkx`, one edge per
  (subject, predicate, object), with scalar attributes only (lists joined with ``|``).
- ``neo4j``: CSV files for ``neo4j-admin database import full``, see :func:`to_neo4j`.
- ``paths``: the precomputed therapy → disease mechanism paths as DrugMechDB-style JSON path
  records (``mechkg_paths.json``), see :mod:`mechkg.export.paths`.

>>> from mechkg.network.built import build_graphs
>>> from mechkg.resources import default_curation_dir
>>> built = build_graphs(default_curation_dir(), check_shapes=False)
>>> sorted(export(built, "kgx"))
['mechkg_kgx_context.jsonld', 'mechkg_kgx_edges.tsv', 'mechkg_kgx_nodes.tsv']
>>> export(built, "ntriples")["mechkg.nt"] == to_ntriples(built.rdf)
True
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import Graph

from mechkg.export.ids import kgx_node_ids
from mechkg.export.paths import PATHS_FILE, to_paths
from mechkg.paths.table import PairPaths
from mechkg.rdf.triples import serialize_turtle
from mechkg.resources import ontology_dir
from mechkg.terms.biolink import kgx_categories, predicate_terms
from mechkg.terms.ontology import predicates
from mechkg.terms.vocab import PREFIXES

if TYPE_CHECKING:
    from mechkg.network.built import Built

__all__ = [
    "FORMATS",
    "KGX_AGENT_TYPE",
    "KGX_CONTEXT_FILE",
    "KGX_KNOWLEDGE_LEVEL",
    "KGX_PRIMARY_SOURCE",
    "NEO4J_ARRAY_DELIMITER",
    "export",
    "export_all",
    "jsonld_context",
    "kgx_context",
    "to_cytoscape",
    "to_graphml",
    "to_jsonld",
    "to_kgx",
    "to_neo4j",
    "to_ntriples",
    "to_turtle",
]


# ---------------------------------------------------------------------------------------------
# RDF: Turtle, N-Triples, JSON-LD
# ---------------------------------------------------------------------------------------------


to_turtle = serialize_turtle
"""The whole graph as Turtle, subjects in IRI order (see :func:`mechkg.rdf.triples.serialize_turtle`)."""


def to_ntriples(rdf: Graph) -> bytes:
    """The whole graph as N-Triples, one line per triple, lines sorted (byte order)."""
    text = rdf.serialize(format="nt", encoding="utf-8")
    lines = sorted({line for line in text.split(b"\n") if line.strip()})
    return b"\n".join(lines) + b"\n"


@cache
def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD context of MechKG (``ontology/context.jsonld``), its ``@context`` object."""
    data = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    return data["@context"]


def _canonical(value: Any) -> Any:
    """Sort every JSON array (RDF values are sets; the export uses no ``@list``) and object."""
    if isinstance(value, dict):
        return {key: _canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def to_jsonld(rdf: Graph) -> bytes:
    """The whole graph as compacted JSON-LD with MechKG's context inlined, nodes sorted by ``@id``.

    The document expands (pyld, rdflib) to a graph isomorphic to the Turtle export.
    """
    from pyld import jsonld

    # rdflib writes the expanded form quickly (pyld's own from_rdf takes ~15 s on 12k triples);
    # pyld then does the compaction, by the JSON-LD 1.1 algorithm.
    expanded = json.loads(rdf.serialize(format="json-ld", encoding="utf-8"))
    context = jsonld_context()
    compacted = jsonld.compact(expanded, {"@context": context}, {"graph": True, "skipExpansion": True})
    nodes = compacted.get("@graph", [])
    document = {"@context": context, "@graph": sorted((_canonical(n) for n in nodes), key=lambda n: n["@id"])}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# KGX (Biolink Model)
# ---------------------------------------------------------------------------------------------

KGX_PRIMARY_SOURCE = "infores:mechkg"
"""MechKG is the resource whose curators made each assertion from the text (Biolink's meaning of
``primary_knowledge_source``); the text itself goes in ``publications``."""
KGX_KNOWLEDGE_LEVEL = "knowledge_assertion"
"""Every edge states what its source asserts, as read by a curator."""
KGX_AGENT_TYPE = "manual_agent"
"""Every claim was curated by a person."""

_KGX_NODE_COLUMNS = ("id", "category", "name", "full_name", "description", "synonym", "xref", "iri", "provided_by")
_KGX_EDGE_COLUMNS = (
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
    """One KGX TSV cell: lists joined with ``|``; tabs and line breaks become spaces."""
    if isinstance(value, list | tuple):
        value = "|".join(_cell(v) for v in value if v not in (None, ""))
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").splitlines())


def _tsv(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> bytes:
    columns = list(columns)
    lines = ["\t".join(columns)]
    lines.extend("\t".join(_cell(row.get(column)) for column in columns) for row in rows)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _kgx_edge_rows(G: nx.MultiDiGraph, ids: dict[str, str]) -> list[dict[str, Any]]:
    claims = G.graph["claims"]
    terms = predicate_terms()
    rows = []
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        predicate = terms[key]
        base = {
            "subject": ids[u],
            "predicate": predicate,
            "object": ids[v],
            "category": "biolink:Association",
            "original_predicate": f"mk:{key}",
            "original_subject": f"mke:{u}",
            "original_object": f"mke:{v}",
            "knowledge_level": KGX_KNOWLEDGE_LEVEL,
            "agent_type": KGX_AGENT_TYPE,
            "primary_knowledge_source": KGX_PRIMARY_SOURCE,
        }
        if predicate in _DIRECTED and data["sign"]:
            base["object_direction_qualifier"] = "increased" if data["sign"] > 0 else "decreased"
            if predicate == "biolink:affects":
                base["qualified_predicate"] = "biolink:causes"
        if not data["claims"]:
            rows.append({**base, "id": f"mke:{u}--{key}--{v}"})
            continue
        for claim_id in data["claims"]:
            claim = claims[claim_id]
            diseases = [d for d in claim.disease if d != v]
            row = {
                **base,
                "id": f"mkc:{claim_id}",
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
            rows.append(row)
    return rows


KGX_CONTEXT_FILE = "mechkg_kgx_context.jsonld"
"""The JSON-LD context that declares the CURIE prefixes of the KGX files (see :func:`kgx_context`)."""


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

    ``kgx validate`` finds no error in them when it validates against Biolink's JSON-LD
    context extended with ``mechkg_kgx_context.jsonld`` (:func:`kgx_context`).
    Nodes: one per entity and study, ``category`` from the ontology's Biolink alignment of its
    class (:func:`mechkg.terms.biolink.kgx_categories`), English ``name``, Chinese ``full_name``, synonyms
    and xrefs. Edges: one per claim (id ``mkc:<claim>``) and one per edge that no claim
    backs (structural links such as ``studiedIn``, id ``mke:<s>--<predicate>--<o>``);
    ``predicate`` from the ontology's alignment (:func:`mechkg.terms.biolink.predicate_terms`). A
    signed MechKG predicate aligned to ``biolink:affects`` or ``regulates`` (Biolink 4 has no
    ``positively_regulates``) gets ``object_direction_qualifier`` increased/decreased, with
    ``qualified_predicate`` ``biolink:causes`` for ``affects`` and the claim's aspect as
    ``object_aspect_qualifier`` where Biolink has that aspect. Provenance: ``knowledge_level``,
    ``agent_type``, ``primary_knowledge_source``, ``publications`` (the source), the ECO term in
    ``has_evidence_of_type``, the Chinese quote in ``supporting_text`` and the English statement
    in ``description``.
    """
    ids = kgx_node_ids(G)
    kinds = kgx_categories()
    nodes = []
    for node in sorted(G.nodes):
        data = G.nodes[node]
        xrefs = [x.curie for x in data["xrefs"] if x.curie != ids[node]]
        nodes.append(
            {
                "id": ids[node],
                "category": [kinds[data["type"]]],
                "name": data["label_en"],
                "full_name": data["label_zh"],
                "description": data["definition"],
                "synonym": data["synonyms"],
                "xref": sorted({*xrefs, f"mke:{node}"} - {ids[node]}),
                "iri": data["iri"],
                "provided_by": [KGX_PRIMARY_SOURCE],
            }
        )
    return {
        "mechkg_kgx_nodes.tsv": _tsv(_KGX_NODE_COLUMNS, nodes),
        "mechkg_kgx_edges.tsv": _tsv(_KGX_EDGE_COLUMNS, _kgx_edge_rows(G, ids)),
        KGX_CONTEXT_FILE: (json.dumps(kgx_context(), indent=1) + "\n").encode("utf-8"),
    }


# ---------------------------------------------------------------------------------------------
# GraphML and Cytoscape.js: the network with scalar attributes
# ---------------------------------------------------------------------------------------------


def _joined(values: Iterable[Any]) -> str:
    return "|".join(str(v) for v in values)


def _flat_network(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars (GraphML and Cytoscape need them)."""
    claims = G.graph["claims"]
    labels = {name: info.label_en for name, info in predicates().items()}
    flat = nx.MultiDiGraph(name="MechKG")
    for node in sorted(G.nodes):
        data = G.nodes[node]
        flat.add_node(
            node,
            label=data["label_en"],
            name=data["label_en"],
            label_en=data["label_en"],
            label_zh=data["label_zh"],
            type=data["type"],
            iri=data["iri"],
            xrefs=_joined(x.curie for x in data["xrefs"]),
            synonyms=_joined(data["synonyms"]),
            definition=data["definition"],
            ungrounded=bool(data["ungrounded"]),
            flagged=bool(data["flags"]),
        )
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        backing = [claims[c] for c in data["claims"]]
        flat.add_edge(
            u,
            v,
            key=f"{u}|{key}|{v}",
            label=labels[key],
            predicate=key,
            sign=int(data["sign"]),
            causal=bool(data["causal"]),
            claims=_joined(data["claims"]),
            n_claims=len(data["claims"]),
            aspects=_joined(data["aspects"]),
            diseases=_joined(data["diseases"]),
            evidence_levels=_joined(data["evidence_levels"]),
            confidence=float(data["confidence"]),
            flagged=bool(data["flagged"]),
            quotes=" | ".join(c.quote for c in backing),
            statements=" | ".join(c.statement for c in backing),
        )
    return flat


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """The network as GraphML (Cytoscape, Gephi, yEd, igraph).

    Labels, class (``type``) and ``sign`` are attributes, all scalars; edge ids are
    ``subject|predicate|object``.
    """
    stream = io.BytesIO()
    nx.write_graphml(_flat_network(G), stream, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return stream.getvalue()


def _sign_class(sign: int) -> str:
    return {1: "positive", -1: "negative"}.get(sign, "unsigned")


def to_cytoscape(G: nx.MultiDiGraph) -> bytes:
    """The network as Cytoscape.js JSON (``elements``; also opens in Cytoscape desktop as .cyjs).

    Node ``classes`` are the MechKG class; edge ``classes`` the predicate and the sign
    (``positive`` / ``negative`` / ``unsigned``), ready for a stylesheet.
    """
    flat = _flat_network(G)
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
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Neo4j bulk import
# ---------------------------------------------------------------------------------------------

NEO4J_ARRAY_DELIMITER = "|"
"""Array delimiter of the Neo4j CSV files: pass ``--array-delimiter="|"`` to neo4j-admin."""


def _neo4j_array(values: Iterable[Any]) -> str:
    # "|" cannot be escaped inside a Neo4j array; the rare value that holds one gets "¦".
    return NEO4J_ARRAY_DELIMITER.join(str(v).replace(NEO4J_ARRAY_DELIMITER, "¦") for v in values)


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return stream.getvalue().encode("utf-8")


def to_neo4j(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """CSV files for ``neo4j-admin database import full``.

    One node per entity and study (labels ``Entity`` and the class), one relationship per claim
    (type = predicate, with the quote, statement and evidence as properties) and one per edge
    that no claim backs.

    Load them into an empty database with::

        neo4j-admin database import full --array-delimiter="|" --multiline-fields=true \\
            --nodes=mechkg_neo4j_nodes.csv --relationships=mechkg_neo4j_relationships.csv neo4j
    """
    node_header = [
        "id:ID",
        ":LABEL",
        "name",
        "label_zh",
        "type",
        "iri",
        "xrefs:string[]",
        "synonyms:string[]",
        "definition",
        "ungrounded",
        "flagged:boolean",
    ]
    node_rows = []
    for node in sorted(G.nodes):
        data = G.nodes[node]
        node_rows.append(
            [
                node,
                _neo4j_array(["Entity", data["type"]]),
                data["label_en"],
                data["label_zh"],
                data["type"],
                data["iri"],
                _neo4j_array(x.curie for x in data["xrefs"]),
                _neo4j_array(data["synonyms"]),
                data["definition"],
                data["ungrounded"],
                str(bool(data["flags"])).lower(),
            ]
        )
    rel_header = [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "claim",
        "sign:int",
        "causal:boolean",
        "aspect",
        "diseases:string[]",
        "quote",
        "statement",
        "evidence",
        "evidence_level",
        "confidence:double",
        "flagged:boolean",
        "source",
        "study",
    ]
    claims = G.graph["claims"]
    rel_rows = []
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        common = [u, v, key]
        if not data["claims"]:
            rel_rows.append([*common, "", data["sign"], str(data["causal"]).lower(), "", "", "", "", "", "", "", "false", "", ""])
            continue
        for claim_id in data["claims"]:
            c = claims[claim_id]
            rel_rows.append(
                [
                    *common,
                    claim_id,
                    c.sign,
                    str(data["causal"]).lower(),
                    c.aspect,
                    _neo4j_array(c.disease),
                    c.quote,
                    c.statement,
                    c.evidence,
                    c.evidence_level,
                    repr(float(c.confidence)),
                    str(bool(c.flags)).lower(),
                    c.source,
                    c.study,
                ]
            )
    return {
        "mechkg_neo4j_nodes.csv": _csv(node_header, node_rows),
        "mechkg_neo4j_relationships.csv": _csv(rel_header, rel_rows),
    }


# ---------------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------------


Table = Sequence[PairPaths] | None
"""The build's all-pairs path table, when it has made one (:func:`mechkg.paths.table.pair_table`)."""


def _rdf(function: Callable[[Graph], bytes], name: str) -> Callable[[Built, Table], dict[str, bytes]]:
    return lambda built, table: {name: function(built.rdf)}


def _net(function: Callable[[nx.MultiDiGraph], bytes], name: str) -> Callable[[Built, Table], dict[str, bytes]]:
    return lambda built, table: {name: function(built.network)}


FORMATS: dict[str, Callable[[Built, Table], dict[str, bytes]]] = {
    "turtle": _rdf(to_turtle, "mechkg.ttl"),
    "ntriples": _rdf(to_ntriples, "mechkg.nt"),
    "jsonld": _rdf(to_jsonld, "mechkg.jsonld"),
    "kgx": lambda built, table: to_kgx(built.network),
    "graphml": _net(to_graphml, "mechkg.graphml"),
    "cytoscape": _net(to_cytoscape, "mechkg.cyjs"),
    "neo4j": lambda built, table: to_neo4j(built.network),
    "paths": lambda built, table: {PATHS_FILE: to_paths(built.network, table)},
}
"""Format name -> function of a :class:`mechkg.network.built.Built` (and the path table) giving {file name: bytes}."""


def export(built: Built, fmt: str, *, table: Table = None) -> dict[str, bytes]:
    """The files of one format, as {file name: content}; ``fmt`` is a key of :data:`FORMATS`.

    ``table`` is the build's path table; the paths export makes its own when it is not given.
    """
    try:
        function = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return function(built, table)


def export_all(built: Built, *, table: Table = None) -> dict[str, bytes]:
    """The files of every format, as {file name: content} (what ``mechkg build`` writes)."""
    files: dict[str, bytes] = {}
    for fmt in FORMATS:
        files.update(export(built, fmt, table=table))
    return files
