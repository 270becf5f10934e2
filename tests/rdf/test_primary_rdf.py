"""Primary sources and paraphrase claims in RDF, in the shapes, in the network, in claim JSON and in review-vs-primary."""

from __future__ import annotations

import pytest
from curation_edits import load, with_primary
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from mechkg.network.build import to_networkx
from mechkg.query.named import named_query, run_query
from mechkg.query.rdflib_store import RdflibStore
from mechkg.rdf.shapes import shape_violations
from mechkg.rdf.triples import curation_graph
from mechkg.terms.vocab import MK, MKC, MKS
from mechkg.views.claims import claim_json


@pytest.fixture
def primary_graph(mini):
    return curation_graph(load(with_primary(mini)))


def test_a_paraphrase_is_marked_and_has_no_quote(primary_graph):
    node = MKC["mini-primary-says"]
    assert (node, MK.paraphrase, Literal(True)) in primary_graph
    assert (node, MK.corrects, MKC["mini-let7f-il6"]) in primary_graph
    assert primary_graph.value(node, MK.quote) is None and primary_graph.value(node, MK.section) is None
    assert (node, PROV.wasDerivedFrom, MKS.paper2021) in primary_graph


def test_a_primary_source_carries_its_bibliographic_record(primary_graph):
    node = MKS.paper2021
    assert (node, RDF.type, MK.PrimarySource) in primary_graph
    assert primary_graph.value(node, MK.doi) == Literal("10.1234/test.2021.001")
    assert primary_graph.value(node, MK.pmid) == Literal("12345678")
    assert primary_graph.value(node, MK.confirmedBy) == Literal("https://example.org/record/12345678")
    assert (node, RDFS.seeAlso, URIRef("https://doi.org/10.1234/test.2021.001")) in primary_graph


def test_the_shapes_accept_a_paraphrase_of_a_paper_with_a_doi(primary_graph):
    assert shape_violations(primary_graph) == []


def test_the_shapes_refuse_a_quoteless_claim_that_is_not_a_paraphrase(primary_graph):
    primary_graph.remove((MKC["mini-primary-says"], MK.paraphrase, None))
    assert any("must be a paraphrase" in line for line in shape_violations(primary_graph))


def test_the_shapes_refuse_a_paraphrase_of_a_source_without_doi(primary_graph):
    primary_graph.remove((MKS.paper2021, MK.doi, None))
    lines = shape_violations(primary_graph)
    assert any("must be a paraphrase" in line for line in lines)
    assert any("mks:paper2021" in line for line in lines)  # neither doi nor noDoiReason


def test_the_corrected_claim_carries_what_the_primary_paper_says(primary_graph):
    claims = to_networkx(primary_graph).graph["claims"]
    corrected = claim_json(claims["mini-let7f-il6"])
    assert corrected["corrected_by"] == [
        {
            "claim": "mini-primary-says",
            "statement": "The primary paper shows the effect in cultured cells only.",
            "source": "paper2021",
            "doi": "10.1234/test.2021.001",
            "evidence_level": "in_vitro",
        }
    ]
    paraphrase = claim_json(claims["mini-primary-says"])
    assert paraphrase["paraphrase"] is True and paraphrase["quote"] == "" and paraphrase["corrects"] == ["mini-let7f-il6"]


def test_review_vs_primary_lists_the_disagreement(primary_graph):
    result = run_query(RdflibStore(primary_graph), named_query("review-vs-primary"))
    rows = [dict(zip(result.vars, row, strict=True)) for row in result.rows]
    assert len(rows) == 1
    assert str(rows[0]["reviewClaim"]) == str(MKC["mini-let7f-il6"])
    assert str(rows[0]["doi"]) == "10.1234/test.2021.001"
    assert str(rows[0]["reviewQuote"]).startswith("Let-7f")
