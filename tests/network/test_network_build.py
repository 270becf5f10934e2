"""NetworkX: nodes and edges carry what the paths and the page need, and match the RDF counts."""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph

from mechkg.network.assemble import edge_of, node_of
from mechkg.network.build import to_networkx
from mechkg.network.evidence import Claim, Study
from mechkg.terms.vocab import MK


def rdf_counts(g: Graph) -> tuple[int, int]:
    """(entities, truthy edges) counted from the RDF alone, independently of network.py."""
    entity_classes = set(g.subjects(RDFS.subClassOf, MK.Entity))
    entities = {s for s, _, c in g.triples((None, RDF.type, None)) if c in entity_classes}
    signed = set(g.subjects(MK.sign, None))
    edges = sum(1 for s, p, o in g if p in signed and s in entities and o in entities)
    return len(entities), edges


def test_counts_match_rdf(mini_built):
    G = mini_built.network
    assert (G.number_of_nodes(), G.number_of_edges()) == rdf_counts(mini_built.rdf) == (9, 8)


def test_packaged_counts_match_rdf(packaged_built):
    G = packaged_built.network
    assert (G.number_of_nodes(), G.number_of_edges()) == rdf_counts(packaged_built.rdf)
    assert G.number_of_nodes() == len(packaged_built.curation.entities) + len(packaged_built.curation.studies)


def test_node_attributes(mini_built):
    node = node_of(mini_built.network, "SLE")
    assert node.label_en == "systemic lupus erythematosus"
    assert node.label_zh == "系統性紅斑狼瘡"
    assert node.type == "Disease"
    assert [x.curie for x in node.xrefs] == ["MONDO:0007915"]
    assert node.xrefs[0].url == "https://bioregistry.io/MONDO:0007915"
    assert "lupus" in node.synonyms
    assert node.study is None


def test_edge_attributes(mini_built):
    G = mini_built.network
    edge = edge_of(G, "LET7F", "IL6", "decreases")
    assert edge.sign == -1 and edge.causal is True
    assert edge.claims == ("mini-let7f-il6",)
    assert edge.aspects == ("expression",)
    assert edge.diseases == ("SLE",)
    assert edge.confidence == 0.8
    assert edge.evidence_levels == ("human_observational",)
    association = edge_of(G, "LET7F", "SLE", "decreasedIn")
    assert association.sign == 0 and association.causal is False
    assert edge_of(G, "MSC_THERAPY", "MSC", "uses").claims == ()


def test_claims_are_typed_records(mini_built):
    claim = mini_built.network.graph["claims"]["mini-let7f-il6"]
    assert isinstance(claim, Claim)
    assert claim.triple == ("LET7F", "decreases", "IL6")
    assert claim.disease == ("SLE",) and claim.quote


def test_studies_are_typed_records(packaged_built):
    G = packaged_built.network
    studies = [n for n, d in G.nodes(data=True) if d["type"] == "ClinicalStudy"]
    assert studies and all(isinstance(G.nodes[s]["study"], Study) for s in studies)
    assert any(G.nodes[s]["study"].figures for s in studies)


def test_several_claims_support_one_edge(mini_built):
    """Two claims of one triple make one edge with both claims on it (identity apart from provenance)."""
    from rdflib import RDF, Literal, URIRef

    from mechkg.terms.vocab import MK, MKC, MKE

    g = Graph()
    g += mini_built.rdf
    extra = MKC["copy-of-let7f-il6"]
    for p, o in mini_built.rdf.predicate_objects(MKC["mini-let7f-il6"]):
        g.add((extra, p, o))
    g.set((extra, MK.quote, Literal("another quote", lang="zh-Hant")))
    assert (extra, RDF.type, MK.Claim) in g and isinstance(MKE.IL6, URIRef)
    G = to_networkx(g)
    assert G.number_of_edges("LET7F", "IL6") == 1
    assert G.edges["LET7F", "IL6", "decreases"]["claims"] == ("copy-of-let7f-il6", "mini-let7f-il6")
    assert set(G.graph["claims"]) >= {"copy-of-let7f-il6", "mini-let7f-il6"}
