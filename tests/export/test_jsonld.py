"""JSON-LD: compacted with the published context, round-trips, and is byte for byte what rdflib + pyld make."""

from __future__ import annotations

import json

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from mechkg.export.jsonld import jsonld_context, pyld_nodes, to_jsonld
from mechkg.export.jsontext import dumps
from mechkg.resources import ontology_dir
from tests.export.kinds import every_kind


def _lowercase_languages(graph: Graph) -> Graph:
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def by_pyld(rdf: Graph) -> bytes:
    """The document as it was made before MechKG compacted by itself: rdflib's expanded form compacted by pyld."""
    return dumps({"@context": jsonld_context(), "@graph": pyld_nodes(rdf)})


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own nquads/json-ld parsers
def test_jsonld_is_compacted_with_the_published_context_and_round_trips(mini_built):
    from pyld import jsonld

    data = to_jsonld(mini_built.rdf)
    document = json.loads(data)
    shipped = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == shipped["@context"] == jsonld_context()
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)
    sle = next(node for node in document["@graph"] if node["@id"] == "mke:SLE")
    assert sle["@type"] == "Disease" and sle["exactMatch"] == "MONDO:0007915"
    claim = next(node for node in document["@graph"] if node["@id"] == "mkc:mini-let7f-il6")
    assert claim["quote"] == {"@language": "zh-Hant", "@value": "Let-7f表達降低),導致促炎因子IL-6升高"}
    assert claim["predicate"] == "mk:decreases" and claim["subject"] == "mke:LET7F" and claim["confidence"] == "0.8"
    # rdflib reads the document back to exactly the same graph
    assert isomorphic(Graph().parse(data=data, format="json-ld"), mini_built.rdf)
    # pyld (JSON-LD 1.1 expansion, then toRdf) too, up to the case of language tags, which pyld
    # lower-cases ("zh-hant"), as RDF 1.1 allows
    nquads = jsonld.to_rdf(jsonld.expand(document), {"format": "application/n-quads"})
    expanded = Graph().parse(data=nquads, format="nquads")
    assert len(expanded) == len(mini_built.rdf)
    assert isomorphic(_lowercase_languages(expanded), _lowercase_languages(mini_built.rdf))


def test_the_mini_graph_gives_pyld_s_bytes(mini_built):
    assert to_jsonld(mini_built.rdf) == by_pyld(mini_built.rdf)


def test_a_graph_with_every_kind_of_term_and_value_gives_pyld_s_bytes():
    graph = every_kind()
    assert to_jsonld(graph) == by_pyld(graph)


def test_a_graph_with_a_blank_node_is_compacted_by_pyld():
    graph = every_kind()
    graph.add((URIRef("https://w3id.org/mechkg/entity/A"), URIRef("https://w3id.org/mechkg/vocab/flag"), BNode("b0")))
    graph.add((BNode("b0"), URIRef("https://w3id.org/mechkg/vocab/flagKind"), Literal("doubtful")))
    data = to_jsonld(graph)
    assert data == by_pyld(graph) and b'"_:b0"' in data


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_article_graph_gives_pyld_s_bytes_and_round_trips(packaged_built):
    data = to_jsonld(packaged_built.rdf)
    assert data == by_pyld(packaged_built.rdf)
    assert data == to_jsonld(packaged_built.rdf)
    assert isomorphic(Graph().parse(data=data, format="json-ld"), packaged_built.rdf)
