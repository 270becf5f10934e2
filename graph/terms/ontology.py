"""What the ontology says about predicates: their sign, whether they are causal, their labels.

``ontology/mechkg.ttl`` is the one place where a predicate's sign is stated; the loader, the
RDF writer, the network and the path finder all read it from here.

>>> predicates()["decreases"].sign
-1
>>> predicates()["increasedIn"].causal
False
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from mechkg.resources import ontology_dir
from mechkg.terms.vocab import MK

__all__ = ["PredicateInfo", "class_labels", "ontology_graph", "predicates"]


@dataclass(frozen=True, slots=True)
class PredicateInfo:
    """A predicate of the ontology with the facts the pipeline needs."""

    name: str
    iri: URIRef
    sign: int
    causal: bool
    label_en: str
    label_zh: str


@cache
def ontology_graph() -> Graph:
    """The parsed ``ontology/mechkg.ttl``."""
    graph = Graph()
    graph.parse(ontology_dir() / "mechkg.ttl", format="turtle")
    return graph


def _own_terms(graph: Graph, kind: URIRef) -> list[URIRef]:
    """The ``mk:`` terms of type ``kind``, in IRI order."""
    return sorted({term for term in graph.subjects(RDF.type, kind) if isinstance(term, URIRef) and term.startswith(str(MK._NS))})


def _label(graph: Graph, term: URIRef, lang: str) -> str:
    for label in graph.objects(term, RDFS.label):
        if isinstance(label, Literal) and label.language == lang:
            return str(label)
    return ""


@cache
def predicates() -> dict[str, PredicateInfo]:
    """Every entity-to-entity predicate of the ontology (those that carry ``mk:sign``)."""
    graph = ontology_graph()
    found: dict[str, PredicateInfo] = {}
    for term in _own_terms(graph, OWL.ObjectProperty):
        sign = graph.value(term, MK.sign)
        if sign is None:
            continue
        name = str(term)[len(str(MK._NS)) :]
        found[name] = PredicateInfo(
            name=name,
            iri=term,
            sign=int(sign),
            causal=bool(graph.value(term, MK.isCausal).toPython()),
            label_en=_label(graph, term, "en"),
            label_zh=_label(graph, term, "zh-Hant"),
        )
    return found


@cache
def class_labels() -> dict[str, tuple[str, str]]:
    """Entity class name -> (English label, Traditional Chinese label)."""
    graph = ontology_graph()
    labels: dict[str, tuple[str, str]] = {}
    for term in _own_terms(graph, OWL.Class):
        name = str(term)[len(str(MK._NS)) :]
        labels[name] = (_label(graph, term, "en"), _label(graph, term, "zh-Hant"))
    return labels
