"""MechKG's classes and predicates as Biolink Model terms, read from the ontology's alignments.

``ontology/mechkg.ttl`` aligns every class and predicate to Biolink with ``skos:exactMatch``,
``closeMatch``, ``broadMatch`` or ``narrowMatch``. The KGX export takes its categories and
predicates from there, so there is no second, hand-written table to drift apart: the best
alignment wins (exact, then close, then broad; within one kind, the first IRI in sorted
order); a narrower Biolink term is never used, since it would say more than MechKG knows. A
class aligned only to narrower terms takes its parent's alignment (``rdfs:subClassOf``).

>>> categories()["Disease"], categories()["CellType"]
('biolink:Disease', 'biolink:Cell')
>>> predicate_terms()["decreases"], predicate_terms()["ameliorates"]
('biolink:affects', 'biolink:ameliorates_condition')
>>> categories()["GeneProduct"]  # closeMatch GeneOrGeneProduct is a mixin; broadMatch wins
'biolink:BiologicalEntity'
>>> categories()["ProteinFamilyOrComplex"]  # only narrower matches: its parent mk:Entity's
'biolink:NamedThing'
"""

from __future__ import annotations

from functools import cache

from rdflib import RDFS, SKOS, URIRef

from graph.ontology import ontology_graph, predicates
from graph.vocab import BIOLINK, MK

__all__ = ["ALIGNMENT_ORDER", "BIOLINK_MIXINS", "biolink_curie", "categories", "predicate_terms"]

ALIGNMENT_ORDER = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch)
"""SKOS alignments that may name a Biolink term for a MechKG term, best first."""

BIOLINK_MIXINS = frozenset({"biolink:GeneOrGeneProduct"})
"""The Biolink terms of the ontology's alignments that are mixins, not classes: KGX forbids them
as categories. tests/test_export_kgx.py checks this set against the Biolink Model Toolkit."""


def biolink_curie(iri: URIRef | str) -> str:
    """``https://w3id.org/biolink/vocab/Cell`` -> ``biolink:Cell``."""
    text = str(iri)
    if not text.startswith(str(BIOLINK)):
        raise ValueError(f"not a Biolink IRI: {text}")
    return "biolink:" + text[len(str(BIOLINK)) :]


def _aligned(term: URIRef, *, skip: frozenset[str] = frozenset()) -> str | None:
    graph = ontology_graph()
    for prop in ALIGNMENT_ORDER:
        found = sorted(biolink_curie(o) for o in graph.objects(term, prop) if str(o).startswith(str(BIOLINK)))
        found = [curie for curie in found if curie not in skip]
        if found:
            return found[0]
    return None


@cache
def categories() -> dict[str, str]:
    """MechKG class name (``Disease``, ``ClinicalStudy`` …) -> its Biolink category CURIE."""
    graph = ontology_graph()
    found: dict[str, str] = {}
    namespace = str(MK._NS)
    for term in sorted(set(graph.subjects(RDFS.subClassOf, MK.Entity))):
        name = str(term)[len(namespace) :]
        current: URIRef | None = URIRef(term)
        seen: set[URIRef] = set()
        while current is not None and current not in seen:
            seen.add(current)
            curie = _aligned(current, skip=BIOLINK_MIXINS)
            if curie:
                found[name] = curie
                break
            parent = graph.value(current, RDFS.subClassOf)
            current = URIRef(parent) if parent is not None else None
    return found


@cache
def predicate_terms() -> dict[str, str]:
    """MechKG predicate name (``increases`` …) -> its Biolink predicate CURIE."""
    found: dict[str, str] = {}
    for name, info in predicates().items():
        found[name] = _aligned(info.iri) or "biolink:related_to"
    return found
