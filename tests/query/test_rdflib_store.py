"""The rdflib store: the pipeline's own graph, queried in memory with bound terms."""

from __future__ import annotations

from rdflib import Graph, Literal

from mechkg.query.rdflib_store import RdflibStore
from mechkg.terms.vocab import MK, MKE


def test_select_ask_and_construct_answer_from_the_graph(sparql_built):
    store = RdflibStore(sparql_built.rdf)
    diseases = store.query("SELECT ?d WHERE { ?d a mk:Disease } ORDER BY ?d")
    assert diseases.vars == ("d",) and [row[0] for row in diseases.rows] == [MKE.IBD, MKE.MS, MKE.SLE]
    assert store.query("ASK { mke:SLE a mk:Disease }").boolean is True
    assert store.query("ASK { mke:SLE a mk:Drug }").boolean is False
    constructed = store.query("CONSTRUCT { ?d a mk:Disease } WHERE { ?d a mk:Disease }").graph
    assert isinstance(constructed, Graph) and len(constructed) == 3


def test_bound_terms_narrow_the_answer(sparql_built):
    store = RdflibStore(sparql_built.rdf)
    query = "SELECT ?d ?l WHERE { ?d a mk:Disease ; rdfs:label ?l }"
    labels = store.query(query, bindings={"d": MKE.SLE}).rows
    assert {row[1] for row in labels} >= {Literal("systemic lupus erythematosus", lang="en")}
    assert {row[0] for row in labels} == {MKE.SLE}


def test_the_store_reads_the_graph_it_was_given_not_a_copy():
    graph = Graph()
    store = RdflibStore(graph)
    assert store.query("ASK { ?s ?p ?o }").boolean is False
    graph.add((MKE.X, MK.increases, MKE.Y))
    assert store.query("ASK { mke:X mk:increases mke:Y }").boolean is True
