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

The KGX export takes :func:`kgx_categories` instead: the same choice among the alignments
whose class name ``kgx validate`` accepts. kgx checks a category's name against
:data:`KGX_CATEGORY_PATTERN` (``kgx/validator.py``, ``validate_categories``), which rejects
Biolink's own names with runs of capitals (``MicroRNA``, ``NoncodingRNAProduct``,
``RNAProduct``). For those classes the ontology also states a broad alignment to a Biolink
ancestor that passes (``biolink:Transcript``, an ``is_a`` ancestor of both in Biolink 4), so
the KGX export validates without error and says less, but nothing false.

>>> categories()["MicroRNA"], kgx_categories()["MicroRNA"]
('biolink:MicroRNA', 'biolink:Transcript')
>>> kgx_categories()["Disease"]
'biolink:Disease'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from rdflib import RDFS, SKOS, URIRef

from mechkg.terms.ontology import ontology_graph, predicates
from mechkg.terms.vocab import BIOLINK, MK

__all__ = [
    "ALIGNMENT_ORDER",
    "BIOLINK_MIXINS",
    "KGX_CATEGORY_PATTERN",
    "biolink_curie",
    "categories",
    "is_kgx_category_name",
    "kgx_categories",
    "predicate_terms",
]

ALIGNMENT_ORDER = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch)
"""SKOS alignments that may name a Biolink term for a MechKG term, best first."""

BIOLINK_MIXINS = frozenset({"biolink:GeneOrGeneProduct"})
"""The Biolink terms of the ontology's alignments that are mixins, not classes: KGX forbids them
as categories. tests/export/test_kgx.py checks this set against the Biolink Model Toolkit."""

KGX_CATEGORY_PATTERN = re.compile(r"^([A-Z][a-z\d]+)+$")
"""The "CamelCase" test ``kgx validate`` (kgx 2.x, ``Validator.validate_categories``) applies to
the local name of every node category; it is copied here, not imported, as kgx is no
dependency of MechKG. tests/export/test_kgx.py runs kgx itself on the export."""


def is_kgx_category_name(curie: str) -> bool:
    """Whether ``kgx validate`` accepts the name of category ``curie`` as CamelCase.

    >>> is_kgx_category_name("biolink:Disease"), is_kgx_category_name("biolink:MicroRNA")
    (True, False)
    """
    return KGX_CATEGORY_PATTERN.match(curie.split(":", 1)[-1]) is not None


def biolink_curie(iri: URIRef | str) -> str:
    """``https://w3id.org/biolink/vocab/Cell`` -> ``biolink:Cell``."""
    text = str(iri)
    if not text.startswith(str(BIOLINK)):
        raise ValueError(f"not a Biolink IRI: {text}")
    return "biolink:" + text[len(str(BIOLINK)) :]


def _aligned(term: URIRef, *, skip: frozenset[str] = frozenset(), accept: Callable[[str], bool] = lambda _: True) -> str | None:
    graph = ontology_graph()
    for prop in ALIGNMENT_ORDER:
        found = sorted(biolink_curie(o) for o in graph.objects(term, prop) if str(o).startswith(str(BIOLINK)))
        found = [curie for curie in found if curie not in skip and accept(curie)]
        if found:
            return found[0]
    return None


@cache
def categories() -> dict[str, str]:
    """MechKG class name (``Disease``, ``ClinicalStudy`` …) -> its Biolink category CURIE."""
    return _categories(lambda _: True)


@cache
def kgx_categories() -> dict[str, str]:
    """Like :func:`categories`, among the alignments whose name ``kgx validate`` accepts."""
    return _categories(is_kgx_category_name)


def _categories(accept: Callable[[str], bool]) -> dict[str, str]:
    graph = ontology_graph()
    found: dict[str, str] = {}
    namespace = str(MK._NS)
    for term in sorted(set(graph.subjects(RDFS.subClassOf, MK.Entity))):
        name = str(term)[len(namespace) :]
        current: URIRef | None = URIRef(term)
        seen: set[URIRef] = set()
        while current is not None and current not in seen:
            seen.add(current)
            curie = _aligned(current, skip=BIOLINK_MIXINS, accept=accept)
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
