"""JSON-LD compaction: pyld's answer for MechKG's context, for random graphs too, and a refusal beyond it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

from mechkg.export.compaction import Compactor, Unsupported
from mechkg.export.jsonld import jsonld_context, pyld_nodes
from tests.export.kinds import OBJECTS, PREDICATES, SUBJECTS

MK = "https://w3id.org/mechkg/vocab/"


@pytest.fixture(scope="module")
def compactor() -> Compactor:
    return Compactor(jsonld_context())


def test_iris_become_terms_vocabulary_names_curies_or_stay(compactor):
    assert compactor.iri(MK + "Disease", vocab=True) == "Disease"
    assert compactor.iri(MK + "Disease", vocab=False) == "mk:Disease"
    assert compactor.iri(MK + "sign", vocab=True) == "mk:sign"  # "sign" is a term typed xsd:integer, not for an IRI
    assert compactor.iri("http://www.w3.org/2004/02/skos/core#exactMatch", vocab=True) == "exactMatch"
    assert compactor.iri("http://purl.obolibrary.org/obo/MONDO_0007915", vocab=False) == "MONDO:0007915"  # shorter than obo:
    assert compactor.iri("https://identifiers.org/fplx:NFkappaB", vocab=False) == "FPLX:NFkappaB"
    assert compactor.iri("http://example.org/x", vocab=True) == "http://example.org/x"


def test_values_follow_the_terms_coercion(compactor):
    decimal = Literal("0.8", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    assert compactor.property_value(MK + "confidence", decimal) == ("confidence", "0.8")
    assert compactor.property_value(MK + "isCausal", Literal(True)) == ("isCausal", True)
    assert compactor.property_value(MK + "ameliorates", URIRef(MK.replace("vocab", "entity") + "SLE")) == (
        "ameliorates",
        "mke:SLE",
    )
    assert compactor.property_value(MK + "quote", URIRef("http://example.org/x")) == ("quote", {"@id": "http://example.org/x"})
    assert compactor.property_value(MK + "ameliorates", Literal("x", lang="en")) == (
        "mk:ameliorates",
        {"@language": "en", "@value": "x"},
    )


@pytest.mark.parametrize(
    "context",
    [
        {"@language": "en"},
        {"@base": "http://example.org/"},
        {"@version": 1.0},
        {"tags": {"@id": "http://example.org/tag", "@container": "@set"}},
        {"ex:p": "http://example.org/p"},
        {"id": "@id"},
        {"any": {"@id": "http://example.org/any", "@type": "@none"}},
    ],
)
def test_a_context_beyond_the_supported_one_is_refused(context):
    with pytest.raises(Unsupported):
        Compactor(context)


def test_blank_nodes_and_lists_are_refused(compactor):
    graph = Graph()
    graph.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), BNode()))
    with pytest.raises(Unsupported):
        compactor.nodes(graph)
    graph = Graph()
    graph.add(
        (URIRef("http://example.org/a"), URIRef("http://example.org/p"), URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"))
    )
    with pytest.raises(Unsupported):
        compactor.nodes(graph)


triples = st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(PREDICATES), st.sampled_from(OBJECTS))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(triples, min_size=1, max_size=25))
def test_random_graphs_compact_as_pyld_compacts_them(compactor, chosen):
    graph = Graph()
    for triple in chosen:
        graph.add(triple)
    assert compactor.nodes(graph) == pyld_nodes(graph)
