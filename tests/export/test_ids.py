"""Node ids of the Biolink-shaped exports: the one exact standard CURIE, else ``mke:``."""

from __future__ import annotations

from mechkg.export.ids import kgx_node_ids
from mechkg.network.assemble import assemble
from mechkg.network.evidence import EntityNode, Xref


def node(name: str, *xrefs: tuple[str, str]) -> EntityNode:
    return EntityNode(name, "GeneProduct", name, name, f"urn:{name}", xrefs=tuple(Xref(c, m, "", "") for c, m in xrefs))


def test_one_exact_match_names_the_node_else_its_mechkg_curie():
    G = assemble(
        [
            node("IL6", ("HGNC:6018", "exact")),
            node("TWO", ("HGNC:1", "exact"), ("HGNC:2", "exact")),
            node("CLOSE", ("HGNC:3", "close")),
            node("NONE"),
            node("SHARED_A", ("HGNC:4", "exact")),
            node("SHARED_B", ("HGNC:4", "exact"), ("HGNC:5", "close")),
        ],
        [],
        [],
    )
    assert kgx_node_ids(G) == {
        "IL6": "HGNC:6018",
        "TWO": "mke:TWO",
        "CLOSE": "mke:CLOSE",
        "NONE": "mke:NONE",
        "SHARED_A": "mke:SHARED_A",  # two entities would merge under one CURIE: neither takes it
        "SHARED_B": "mke:SHARED_B",
    }


def test_the_article_ids_are_unique(mini_built):
    ids = kgx_node_ids(mini_built.network)
    assert len(set(ids.values())) == len(ids) and ids["SLE"] == "MONDO:0007915"
