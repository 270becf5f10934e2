"""Neo4j CSV: the header format of ``neo4j-admin database import full``, one relationship per claim."""

from __future__ import annotations

import csv
import io

import networkx as nx

from mechkg.export.neo4j import to_neo4j
from mechkg.network.assemble import assemble
from mechkg.network.evidence import Claim, EntityNode
from mechkg.terms.biolink import predicate_terms


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_neo4j_csv_follows_the_import_header_format(mini_built):
    files = to_neo4j(mini_built.network)
    nodes = rows(files["mechkg_neo4j_nodes.csv"])
    rels = rows(files["mechkg_neo4j_relationships.csv"])
    assert list(nodes[0])[:2] == ["id:ID", ":LABEL"] and list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = {row["id:ID"] for row in nodes}
    assert len(ids) == len(nodes) == mini_built.network.number_of_nodes()
    assert all(row[":START_ID"] in ids and row[":END_ID"] in ids for row in rels)
    assert {row[":TYPE"] for row in rels} <= set(predicate_terms())
    sle = next(row for row in nodes if row["id:ID"] == "SLE")
    assert sle[":LABEL"] == "Entity|Disease" and "MONDO:0007915" in sle["xrefs:string[]"].split("|")
    claim = next(row for row in rels if row["claim"] == "mini-let7f-il6")
    assert claim["sign:int"] == "-1" and claim["quote"] == "Let-7f表達降低),導致促炎因子IL-6升高"
    assert float(claim["confidence:double"]) == 0.8


def test_a_structural_edge_has_one_row_without_a_claim_and_arrays_never_split_a_value():
    nodes = [
        EntityNode("T", "Therapy", "T", "T", "urn:T"),
        EntityNode("C", "CellType", "C|D", "C", "urn:C", synonyms=("a|b", "c")),
    ]
    claims = [Claim("c1", "C", "secretes", "T", 1, disease=("X|Y", "Z"), confidence=0.5)]
    G: nx.MultiDiGraph = assemble(nodes, claims, [("T", "uses", "C"), claims[0].triple])
    files = to_neo4j(G)
    rels = {row[":TYPE"]: row for row in rows(files["mechkg_neo4j_relationships.csv"])}
    assert rels["uses"]["claim"] == "" and rels["uses"]["flagged:boolean"] == "false"
    assert rels["secretes"]["diseases:string[]"] == "X¦Y|Z" and rels["secretes"]["confidence:double"] == "0.5"
    node = {row["id:ID"]: row for row in rows(files["mechkg_neo4j_nodes.csv"])}["C"]
    assert node["synonyms:string[]"] == "a¦b|c" and node["name"] == "C|D"
