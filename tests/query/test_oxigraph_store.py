"""The embedded Oxigraph store: filled from bytes, a graph or a file; persistent and read-only; bindings."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from mechkg.query.oxigraph_store import OxigraphStore, rdf_format
from mechkg.query.rdflib_store import RdflibStore
from mechkg.query.sparql import SparqlError
from mechkg.terms.vocab import MKE

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABELS = "SELECT ?e ?l WHERE { ?e rdfs:label ?l } ORDER BY ?e ?l"


def count(store: OxigraphStore) -> int:
    return int(store.query(COUNT).rows[0][0])


@pytest.mark.parametrize(("fmt", "media_type"), [("nt", "application/n-triples"), ("turtle", "text/turtle")])
def test_from_bytes_holds_exactly_the_serialised_graph(sparql_built, fmt, media_type):
    data = sparql_built.rdf.serialize(format=fmt, encoding="utf-8")
    store = OxigraphStore.from_bytes(data, media_type)
    assert count(store) == len(sparql_built.rdf)
    assert set(store.query(LABELS).rows) == set(RdflibStore(sparql_built.rdf).query(LABELS).rows)
    assert store.resolve_entity("系統性紅斑狼瘡") == MKE.SLE


def test_from_bytes_defaults_to_n_triples_and_matches_from_graph(sparql_built):
    data = sparql_built.rdf.serialize(format="nt", encoding="utf-8")
    assert set(OxigraphStore.from_bytes(data).store) == set(OxigraphStore.from_graph(sparql_built.rdf).store)


def test_from_bytes_refuses_an_unknown_media_type_and_bad_data():
    with pytest.raises(SparqlError, match="unknown RDF media type"):
        OxigraphStore.from_bytes(b"", "text/html")
    with pytest.raises(SparqlError, match="cannot read the application/n-triples data"):
        OxigraphStore.from_bytes(b"<https://w3id.org/mechkg/entity/A> a <https://w3id.org/mechkg/vocab/Disease> .")


def test_from_file_reads_the_format_from_the_extension(sparql_built, tmp_path: Path):
    path = tmp_path / "graph.ttl"
    sparql_built.rdf.serialize(path, format="turtle")
    assert count(OxigraphStore.from_file(path)) == len(sparql_built.rdf)
    assert rdf_format(Path("x.nt")) == ox.RdfFormat.N_TRIPLES and rdf_format(Path("x.JSONLD")) == ox.RdfFormat.JSON_LD
    with pytest.raises(SparqlError, match="cannot tell the RDF format"):
        rdf_format(Path("x.docx"))


def test_a_persistent_store_is_opened_read_only_and_a_missing_one_is_an_error(tmp_path: Path):
    location = tmp_path / "kg.db"
    with pytest.raises(SparqlError, match="no Oxigraph store"):
        OxigraphStore.open(location)
    writable = OxigraphStore.open(location, read_only=False)
    writable.store.load(b"<https://w3id.org/mechkg/entity/A> <https://w3id.org/mechkg/vocab/p> 'x' .", format=ox.RdfFormat.TURTLE)
    writable.store.flush()
    reader = OxigraphStore.open(location)
    assert count(reader) == 1
    with pytest.raises(RuntimeError, match="read-write"):
        reader.store.add(ox.Quad(ox.NamedNode(str(MKE.B)), ox.NamedNode(str(MKE.p)), ox.Literal("y")))


def test_answers_come_back_as_rdflib_terms_with_their_language_tags(sparql_built):
    store = OxigraphStore.from_graph(sparql_built.rdf)
    labels = {row[1] for row in store.query(LABELS, bindings={"e": MKE.SLE}).rows}
    assert Literal("系統性紅斑狼瘡", lang="zh-Hant") in labels


def test_a_variable_oxigraph_cannot_substitute_is_an_error_not_a_wrong_answer(sparql_built):
    store = OxigraphStore.from_graph(sparql_built.rdf)
    with pytest.raises(SparqlError, match="cannot run the query with these bindings"):
        store.query("SELECT ?s WHERE { ?s rdfs:label ?l }", bindings={"l": Literal("lupus")})


def test_construct_answers_are_graphs_with_the_project_prefixes(sparql_built):
    store = OxigraphStore.from_graph(sparql_built.rdf)
    result = store.query("CONSTRUCT { ?d a mk:Disease } WHERE { ?d a mk:Disease }")
    assert isinstance(result.graph, Graph) and (MKE.SLE, None, None) in result.graph
    assert ("mke", URIRef(str(MKE))) in set(result.graph.namespaces())


# --- caps on answers as they stream out (issue #15 item 2) ---------------------------------------

DOUBLED = (
    'SELECT ?d WHERE { BIND("' + "a" * 100 + '" AS ?a) BIND(CONCAT(?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a) AS ?b) '
    "BIND(CONCAT(?b, ?b, ?b, ?b, ?b, ?b, ?b, ?b, ?b, ?b) AS ?c) BIND(CONCAT(?c, ?c, ?c, ?c, ?c, ?c, ?c, ?c, ?c, ?c) AS ?d) }"
)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_answers_are_capped_in_bytes_and_construct_in_triples(engine):
    from mechkg.query.sparql import ResultTooLarge

    graph = Graph()
    for i in range(50):
        graph.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(f"value {i}")))
    store = OxigraphStore.from_graph(graph) if engine == "oxigraph" else RdflibStore(graph)
    assert len(store.query(DOUBLED).rows[0][0]) == 100_000
    with pytest.raises(ResultTooLarge, match="limit of 10,000 bytes"):
        store.query(DOUBLED, max_bytes=10_000)
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert len(store.query(construct, max_results=50).graph) == 50
    with pytest.raises(ResultTooLarge, match="more than 49 results"):
        store.query(construct, max_results=49)
    with pytest.raises(ResultTooLarge, match="bytes"):
        store.query("DESCRIBE ?s WHERE { ?s ?p ?o }", max_bytes=500)
    store.max_bytes = 10_000  # what `mechkg sparql` sets: the default of every query
    with pytest.raises(ResultTooLarge):
        store.query(DOUBLED)
