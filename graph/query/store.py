"""A read-only SPARQL store: what every engine offers, and how it reads the name of an entity.

:class:`SparqlStore` checks each query (:func:`mechkg.query.sparql.check_query`) before its
engine sees it; subclasses (:mod:`mechkg.query.rdflib_store`, :mod:`mechkg.query.oxigraph_store`,
:mod:`mechkg.query.endpoint`) only run what passed. Entity names are read by the one resolver
of MechKG, :class:`mechkg.terms.naming.NameIndex`, fed from the store's own ``rdfs:label``
(labels) and ``skos:altLabel`` (synonyms) of the instances of the ontology's entity classes,
so a remote endpoint reads ``lupus`` exactly as ``mechkg show lupus`` does.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from functools import cache, cached_property

from rdflib import RDFS, URIRef
from rdflib.term import Identifier

from mechkg.errors import UnknownEntity
from mechkg.query.results import QueryResult
from mechkg.query.sparql import CheckedQuery, ResultTooLarge, check_query
from mechkg.terms.naming import NameEntry, NameIndex
from mechkg.terms.ontology import ontology_graph
from mechkg.terms.vocab import MK, MKE

__all__ = ["SparqlStore", "cap_rows", "entity_classes"]

Row = tuple[Identifier | None, ...]


@cache
def entity_classes() -> tuple[URIRef, ...]:
    """The ontology's entity classes (``rdfs:subClassOf mk:Entity``): whose instances have names.

    These are the classes whose instances are the network's nodes
    (:data:`mechkg.network.build.NODE_CLASSES`), read from the ontology so that the query layer
    does not import the network builder.
    """
    return tuple(sorted(URIRef(c) for c in ontology_graph().subjects(RDFS.subClassOf, MK.Entity)))


_TYPES = "SELECT ?entity ?class WHERE { ?entity a ?class }"
_NAMES = "SELECT ?entity ?property ?name WHERE { VALUES ?property { rdfs:label skos:altLabel } ?entity ?property ?name }"
# Two plain patterns, joined in Python: rdflib answers them in a fraction of the time it takes
# for one query that joins types, labels and synonyms (and a remote endpoint is asked the same).


def cap_rows(rows: Iterable[Row], max_results: int | None) -> tuple[Row, ...]:
    """The rows as a tuple; raises :class:`~mechkg.query.sparql.ResultTooLarge` past ``max_results``."""
    out = []
    for row in rows:
        out.append(row)
        if max_results is not None and len(out) > max_results:
            raise ResultTooLarge(f"the query has more than {max_results} results; add a LIMIT or narrow it down")
    return tuple(out)


def _written_iri(text: str) -> URIRef | None:
    """The IRI ``text`` writes in SPARQL syntax (``<iri>`` or ``mke:ID``), or None for a plain name."""
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text.startswith("mke:"):
        return MKE[text[4:]]
    return None


class SparqlStore(ABC):
    """A read-only SPARQL store. Subclasses implement :meth:`_run`; :meth:`query` checks first."""

    name: str = "store"

    def query(
        self,
        text: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        max_results: int | None = None,
    ) -> QueryResult:
        """Check ``text`` (:func:`mechkg.query.sparql.check_query`), then run it with ``bindings``."""
        checked = check_query(text)
        return self._run(checked, dict(bindings or {}), max_results)

    @abstractmethod
    def _run(self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None) -> QueryResult: ...

    @cached_property
    def names(self) -> NameIndex:
        """The names of the store's entities, read once (a store is read-only).

        The entities are the instances of :func:`entity_classes` under ``mke:``; their
        ``rdfs:label`` values (any language) are labels, their ``skos:altLabel`` values synonyms.
        """
        classes = set(entity_classes())
        prefix = str(MKE)
        found: dict[str, tuple[list[str], list[str]]] = {
            str(entity).removeprefix(prefix): ([], [])
            for entity, kind in self.query(_TYPES).rows
            if kind in classes and str(entity).startswith(prefix)
        }
        for entity, prop, name in self.query(_NAMES).rows:
            entry = found.get(str(entity).removeprefix(prefix)) if str(entity).startswith(prefix) else None
            if entry is not None:
                entry[0 if prop == RDFS.label else 1].append(str(name))
        return NameIndex(NameEntry(id_, tuple(labels), tuple(synonyms)) for id_, (labels, synonyms) in found.items())

    def resolve_entity(self, name: str) -> URIRef:
        """The IRI of the one entity ``name`` names: an IRI (``<…>``, ``mke:ID``), an id, a label or a synonym.

        IRIs are taken as written when the store has them; every other name is read by
        :meth:`mechkg.terms.naming.NameIndex.resolve`, as :func:`mechkg.network.names.resolve_name`
        reads it. Raises :class:`~mechkg.errors.UnknownEntity` (with candidates) when none or
        several match.
        """
        iri = _written_iri(name.strip())
        if iri is None:
            entity_id = self.names.resolve(name)
            assert entity_id is not None  # strict resolution raises instead
            return MKE[entity_id]
        if self.query("ASK { ?e a ?type }", bindings={"e": iri}).boolean:
            return iri
        raise UnknownEntity(name, self.names.candidates(str(iri).removeprefix(str(MKE))))

    def close(self) -> None:  # noqa: B027 - most stores have nothing to release
        """Release the store's resources."""
