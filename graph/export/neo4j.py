"""CSV files for ``neo4j-admin database import full``: one node per entity and study, one relationship per claim.

The header row follows Neo4j's import format (``id:ID``, ``:LABEL``, ``:START_ID`` …, typed
columns such as ``sign:int``); the columns are Neo4j's and never change with MechKG's own JSON
shapes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from mechkg.export.cells import spreadsheet_text
from mechkg.network.assemble import edge_of, node_of
from mechkg.network.evidence import Claim, Edge

__all__ = ["NEO4J_ARRAY_DELIMITER", "to_neo4j"]

NEO4J_ARRAY_DELIMITER = "|"
"""Array delimiter of the Neo4j CSV files: pass ``--array-delimiter="|"`` to neo4j-admin."""

_NODE_HEADER = [
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
_RELATIONSHIP_HEADER = [
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


def _array(values: Iterable[Any]) -> str:
    # "|" cannot be escaped inside a Neo4j array; the rare value that holds one gets "¦".
    return NEO4J_ARRAY_DELIMITER.join(str(v).replace(NEO4J_ARRAY_DELIMITER, "¦") for v in values)


def _boolean(value: object) -> str:
    return str(bool(value)).lower()


def _is_text(column: str) -> bool:
    """A column of free text: untyped or ``:string``/``:string[]`` (ids, types and numbers are not)."""
    name, _, kind = column.partition(":")
    return bool(name) and kind in ("", "string", "string[]")


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    """The rows as CSV; text cells are made spreadsheet-safe (:mod:`mechkg.export.cells`)."""
    text_columns = [_is_text(column) for column in header]
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                "" if value is None else spreadsheet_text(str(value)) if is_text else value
                for value, is_text in zip(row, text_columns, strict=True)
            ]
        )
    return stream.getvalue().encode("utf-8")


def _node_rows(G: nx.MultiDiGraph) -> list[list[Any]]:
    rows = []
    for name in sorted(G.nodes):
        node = node_of(G, name)
        rows.append(
            [
                name,
                _array(["Entity", node.type]),
                node.label_en,
                node.label_zh,
                node.type,
                node.iri,
                _array(x.curie for x in node.xrefs),
                _array(node.synonyms),
                node.definition,
                node.ungrounded,
                _boolean(node.flags),
            ]
        )
    return rows


def _relationship_rows(edge: Edge, claims: Mapping[str, Claim]) -> list[list[Any]]:
    """One row per claim of ``edge``, or one row without a claim for a structural edge."""
    common = [edge.subject, edge.object, edge.predicate]
    causal = _boolean(edge.causal)
    if not edge.claims:
        return [[*common, "", edge.sign, causal, "", "", "", "", "", "", "", "false", "", ""]]
    rows = []
    for claim_id in edge.claims:
        c = claims[claim_id]
        rows.append(
            [
                *common,
                claim_id,
                c.sign,
                causal,
                c.aspect,
                _array(c.disease),
                c.quote,
                c.statement,
                c.evidence,
                c.evidence_level,
                repr(float(c.confidence)),
                _boolean(c.flags),
                c.source,
                c.study,
            ]
        )
    return rows


def to_neo4j(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """``mechkg_neo4j_nodes.csv`` and ``mechkg_neo4j_relationships.csv``.

    One node per entity and study (labels ``Entity`` and the class), one relationship per claim
    (type = predicate, with the quote, statement and evidence as properties) and one per edge
    that no claim backs.

    Load them into an empty database with::

        neo4j-admin database import full --array-delimiter="|" --multiline-fields=true \\
            --nodes=mechkg_neo4j_nodes.csv --relationships=mechkg_neo4j_relationships.csv neo4j
    """
    claims: Mapping[str, Claim] = G.graph["claims"]
    relationships = [
        row
        for u, v, key in sorted(G.edges(keys=True), key=lambda e: (e[0], e[2], e[1]))
        for row in _relationship_rows(edge_of(G, u, v, key), claims)
    ]
    return {
        "mechkg_neo4j_nodes.csv": _csv(_NODE_HEADER, _node_rows(G)),
        "mechkg_neo4j_relationships.csv": _csv(_RELATIONSHIP_HEADER, relationships),
    }
