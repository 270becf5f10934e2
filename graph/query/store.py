"""A read-only SPARQL store: what every engine offers, and how it reads the name of an entity.

:class:`SparqlStore` checks each query (:func:`mechkg.query.sparql.check_query`) before its
engine sees it; subclasses (:mod:`mechkg.query.rdflib_store`, :mod:`mechkg.query.oxigraph_store`,
:mod:`mechkg.query.endpoint`) only run what passed. Entity names are read by the one resolver
of MechKG, :class:`mechkg.terms.naming.NameIndex`, fed from the store's own ``rdfs:label``
(labels) and ``skos:altLabel`` (synonyms) of the instances of the ontology's entity classes,
so a remote endpoint reads ``lupus`` exactly as ``mechkg show lupus`` does.

Answers are capped as they stream out of the engine: ``max_results`` rows (or triples, for
CONSTRUCT and DESCRIBE) and ``max_bytes`` characters of terms (:func:`cap_rows`,
:func:`cap_triples`); the serialised answer is capped in bytes again when it is written
(:meth:`mechkg.query.results.QueryResult.serialize`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, cached_property

from rdflib import RDFS, Graph, URIRef
from rdflib.term import Identifier

from mechkg.errors import UnknownEntity
from mechkg.query.results import QueryResult, result_graph
from mechkg.query.sparql import CheckedQuery, ResultTooLarge, check_query
from mechkg.terms.naming import NameEntry, NameIndex
from mechkg.terms.ontology import ontology_graph
from mechkg.terms.vocab import MK, MKE

__all__ = ["SparqlStore", "cap_rows", "cap_triples", "entity_classes"]

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


def _too_many(max_results: int) -> ResultTooLarge:
    return ResultTooLarge(f"the query has more than {max_results} results; add a LIMIT or narrow it down")


def _too_big(max_bytes: int) -> ResultTooLarge:
    return ResultTooLarge(f"the answer is larger than the limit of {max_bytes:,} bytes; add a LIMIT or ask for less")


def _term_size(term: Identifier | None) -> int:
    if term is None:
        return 0
    return len(term) + len(getattr(term, "datatype", None) or "") + len(getattr(term, "language", None) or "")


def _capped(items: Iterable[tuple[Identifier | None, ...]], max_results: int | None, max_bytes: int | None) -> Iterator[Row]:
    count = size = 0
    for item in items:
        count += 1
        if max_results is not None and count > max_results:
            raise _too_many(max_results)
        if max_bytes is not None:
            size += sum(_term_size(t) for t in item)
            if size > max_bytes:
                raise _too_big(max_bytes)
        yield item


def cap_rows(rows: Iterable[Row], max_results: int | None, max_bytes: int | None = None) -> tuple[Row, ...]:
    """The rows as a tuple; raises :class:`~mechkg.query.sparql.ResultTooLarge` past ``max_results`` rows or ``max_bytes``.

    The bytes counted are the characters of the terms (a lower bound of any serialisation),
    counted as rows arrive, so an answer past the limit is never collected whole.
    """
    return tuple(_capped(rows, max_results, max_bytes))


def cap_triples(
    triples: Iterable[tuple[Identifier, Identifier, Identifier]], max_results: int | None, max_bytes: int | None
) -> Graph:
    """A CONSTRUCT or DESCRIBE answer as a graph; raises ResultTooLarge past ``max_results`` triples or ``max_bytes``."""
    graph = result_graph()
    for triple in _capped(triples, max_results, max_bytes):
        graph.add(triple)  # type: ignore[arg-type]
    return graph


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
    max_bytes: int | None = None
    """The byte cap of every answer when a query names none (``mechkg sparql`` sets it)."""

    def query(
        self,
        text: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        max_results: int | None = None,
        max_bytes: int | None = None,
    ) -> QueryResult:
        """Check ``text`` (:func:`mechkg.query.sparql.check_query`), then run it with ``bindings``.

        The answer is capped at ``max_results`` rows or triples and ``max_bytes`` (default: the
        store's :attr:`max_bytes`) as it streams out of the engine.
        """
        checked = check_query(text)
        return self._run(checked, dict(bindings or {}), max_results, self.max_bytes if max_bytes is None else max_bytes)

    @abstractmethod
    def _run(
        self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None, max_bytes: int | None = None
    ) -> QueryResult: ...

    @cached_property
    def names(self) -> NameIndex:
        """The names of the store's entities, read once (a store is read-only).

        The entities are the instances of :func:`entity_classes` under ``mke:``; their
        ``rdfs:label`` values (any language) are labels, their ``skos:altLabel`` values synonyms.
        """
        classes = set(entity_classes())
        prefix = str(MKE)
        found: dict[str, tuple[list[str], list[str]]] = {}
        kinds: dict[str, set[str]] = {}
        for entity, kind in self.query(_TYPES).rows:
            if kind in classes and str(entity).startswith(prefix):
                found.setdefault(str(entity).removeprefix(prefix), ([], []))
                kinds.setdefault(str(entity).removeprefix(prefix), set()).add(str(kind).removeprefix(str(MK)))
        for entity, prop, name in self.query(_NAMES).rows:
            entry = found.get(str(entity).removeprefix(prefix)) if str(entity).startswith(prefix) else None
            if entry is not None:
                entry[0 if prop == RDFS.label else 1].append(str(name))
        return NameIndex(
            NameEntry(id_, tuple(labels), tuple(synonyms), min(kinds[id_])) for id_, (labels, synonyms) in found.items()
        )

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
        near = self.names.candidates(str(iri).removeprefix(str(MKE)))
        raise UnknownEntity(name, near, described={id_: self.names.describe(id_) for id_ in near})

    def close(self) -> None:  # noqa: B027 - most stores have nothing to release
        """Release the store's resources."""
