"""A small RDF graph with every kind of term and value the JSON-LD compaction distinguishes.

Subjects and objects in each namespace of the context (prefix terms, ``@prefix`` terms, the
``@vocab``, none); properties that are ``@id``-coerced, datatype-coerced and plain terms, terms
with an explicit ``@id``, vocabulary IRIs that are no term, IRIs under a prefix only and under
none; values that are IRIs (including IRIs that are themselves terms), plain, language-tagged
and typed literals (rdflib's native JSON types, a coerced datatype, an unknown one, an ill-typed
one) and awkward strings.
"""

from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal, URIRef

MK = "https://w3id.org/mechkg/vocab/"
MKE = "https://w3id.org/mechkg/entity/"
EX = "http://example.org/"
OWL_CLASS = URIRef("http://www.w3.org/2002/07/owl#Class")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_EXACT = URIRef("http://www.w3.org/2004/02/skos/core#exactMatch")

SUBJECTS = [
    URIRef(MKE + "A"),
    URIRef("https://w3id.org/mechkg/claim/c1"),
    URIRef("https://w3id.org/mechkg/source/s1"),
    URIRef("http://purl.obolibrary.org/obo/MONDO_0000001"),
    URIRef("https://identifiers.org/hgnc:6018"),
    URIRef("https://identifiers.org/fplx:NFkappaB"),
    URIRef(MK + "Thing"),
    URIRef(MK + "ameliorates"),
    URIRef(EX + "x"),
    URIRef(MKE),
]
PREDICATES = [
    URIRef(MK + "ameliorates"),  # @type @id
    URIRef(MK + "confidence"),  # @type xsd:decimal
    URIRef(MK + "sign"),  # @type xsd:integer
    URIRef(MK + "isCausal"),  # @type xsd:boolean
    URIRef(MK + "quote"),  # under @vocab, no term
    URIRef(MK + "label"),  # under @vocab, its suffix is a term for another IRI
    URIRef(MK),  # the vocabulary IRI itself: the plain term "mk"
    RDFS_LABEL,  # a term with an explicit @id
    SKOS_EXACT,  # a term with an explicit @id and @type @id
    URIRef("http://purl.org/dc/terms/language"),  # under a prefix only
    URIRef(EX + "p"),  # under no prefix
]
OBJECTS = [
    *SUBJECTS,
    RDFS_LABEL,
    Literal("plain"),
    Literal("IL-6", lang="en"),
    Literal("系統性紅斑狼瘡", lang="zh-Hant"),
    Literal("ÉN", lang="EN-us"),
    Literal("0.8", datatype=XSD.decimal),
    Literal("-1", datatype=XSD.integer),
    Literal("abc", datatype=XSD.integer),
    Literal("true", datatype=XSD.boolean),
    Literal("2.5E0", datatype=XSD.double),
    Literal("typed", datatype=XSD.string),
    Literal("2020", datatype=XSD.gYear),
    Literal("v", datatype=URIRef(EX + "type")),
    Literal('quote " backslash \\ tab \t line\nbreak \x01 \U0001f600'),
]


def every_kind() -> Graph:
    """Every (property, object) pair twice: alone on a subject of its own, and among others on one of :data:`SUBJECTS`."""
    graph = Graph()
    types = [URIRef(MK + "Disease"), OWL_CLASS, URIRef(MK + "sign"), URIRef(EX + "Kind")]
    for i, subject in enumerate(SUBJECTS):
        graph.add((subject, RDF.type, types[i % len(types)]))
        if i % 3 == 0:
            graph.add((subject, RDF.type, types[(i + 1) % len(types)]))
    for j, predicate in enumerate(PREDICATES):
        for k, value in enumerate(OBJECTS):
            graph.add((URIRef(f"{MKE}single-{j}-{k}"), predicate, value))
            graph.add((SUBJECTS[(j + k) % len(SUBJECTS)], predicate, value))
    return graph
