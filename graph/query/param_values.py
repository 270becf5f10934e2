"""The values a named query's parameter may take, so that a value that names nothing is an error, not an empty answer.

A parameter header may say ``one of PROPERTY`` (``# param level (string, required, one of
mk:evidenceLevel)``): its value must be a value of that property. When the SHACL shapes
(``ontology/shapes.ttl``) close the property's values with ``sh:in`` (evidence levels, flag kinds),
those are the allowed values, whatever this graph holds; otherwise the values the property has in
the graph being asked (a claim's model, an entity's class). A ``claim`` parameter must name a
claim of the graph. A value outside raises :class:`~mechkg.query.sparql.ParameterError` naming
the allowed values, or for a long list the closest few (exit 2 on the command line).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Identifier

from mechkg.query.sparql import ParameterError
from mechkg.query.store import SparqlStore
from mechkg.resources import ontology_dir
from mechkg.terms.vocab import MK, PREFIXES

__all__ = ["LISTED_IN_FULL", "check_claim", "check_value", "closed_values", "property_iri"]

LISTED_IN_FULL = 12
"""Up to this many allowed values, an error lists them all; beyond it, the closest few."""
_CLOSEST = 5


def property_iri(curie: str) -> URIRef:
    """The IRI of a ``prefix:local`` property named in a header (``mk:evidenceLevel``)."""
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES or not local:
        raise ParameterError(f"'one of {curie}': not a property with a known prefix")
    return URIRef(PREFIXES[prefix] + local)


@cache
def _shapes() -> Graph:
    graph = Graph()
    graph.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return graph


@cache
def closed_values(curie: str) -> tuple[str, ...]:
    """The values the SHACL shapes allow for property ``curie`` (``sh:in``), in the shapes' order; () when open.

    >>> closed_values("mk:flagKind")[:2]
    ('mistranslation', 'garbled_number')
    >>> closed_values("mk:model")
    ()
    """
    shapes = _shapes()
    path = property_iri(curie)
    for shape in sorted(shapes.subjects(SH.path, path)):
        listed = shapes.value(shape, SH["in"])
        if listed is not None:
            return tuple(str(term) for term in Collection(shapes, listed))
    return ()


def _graph_values(store: SparqlStore, curie: str) -> dict[str, Identifier]:
    """Each value property ``curie`` has in the store, by the text a user would write for it."""
    result = store.query(f"SELECT DISTINCT ?value WHERE {{ ?subject <{property_iri(curie)}> ?value }}")
    return {_written(term): term for (term,) in result.rows if term is not None}


def _written(term: Identifier) -> str:
    """How a user writes ``term`` as a parameter: ``mk:Therapy`` for an IRI of a known prefix, the text of a literal."""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if term.startswith(namespace) and term != URIRef(namespace):
                return f"{prefix}:{term[len(namespace) :]}"
        return f"<{term}>"
    return str(term)


def _refuse(name: str, given: str, allowed: list[str], what: str) -> ParameterError:
    if len(allowed) <= LISTED_IN_FULL:
        return ParameterError(f"parameter {name}: {given!r} is not {what}; one of: {', '.join(allowed)}")
    close = difflib.get_close_matches(given, allowed, n=_CLOSEST, cutoff=0.4)
    hint = f"closest: {', '.join(close)}" if close else f"e.g. {', '.join(allowed[:_CLOSEST])}"
    return ParameterError(f"parameter {name}: {given!r} is not {what} ({len(allowed)} in this graph); {hint}")


def check_value(name: str, text: str, term: Identifier, curie: str, store: SparqlStore) -> None:
    """Raise :class:`ParameterError` unless ``term`` (parameter ``name``, written ``text``) is a value ``curie`` may take."""
    closed = closed_values(curie)
    if closed:
        if not (isinstance(term, Literal) and str(term) in closed):
            raise _refuse(name, text, list(closed), f"a value of {curie}")
        return
    values = _graph_values(store, curie)
    if _written(term) not in values and str(term) not in values:
        raise _refuse(name, text, sorted(values), f"a value of {curie}")


def check_claim(name: str, text: str, term: URIRef, store: SparqlStore, local: Callable[[URIRef], str]) -> None:
    """Raise :class:`ParameterError` unless ``term`` is a claim of the store; name the closest claim ids if not."""
    result = store.query(f"SELECT ?claim WHERE {{ ?claim a <{MK.Claim}> }}")
    claims = {term for (term,) in result.rows if isinstance(term, URIRef)}
    if term not in claims:
        raise _refuse(name, text.removeprefix("mkc:"), sorted(local(c) for c in claims), "a claim id")
