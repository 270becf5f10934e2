"""The Oxigraph store: embedded pyoxigraph, in memory or persistent on disk (a RocksDB folder).

The default store (see :mod:`mechkg.query.stores` for the measurements). Bound terms are passed
as ``substitutions`` (SEP-0007), which Oxigraph applies only to variables a SELECT projects;
the named queries project theirs.

>>> turtle = b"<https://w3id.org/mechkg/entity/SLE> a <https://w3id.org/mechkg/vocab/Disease> ."
>>> store = OxigraphStore.from_bytes(turtle, "text/turtle")
>>> store.query("SELECT ?d WHERE { ?d a mk:Disease }").rows
((rdflib.term.URIRef('https://w3id.org/mechkg/entity/SLE'),),)
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Identifier

from mechkg.query.convert import from_ox, to_ox
from mechkg.query.results import QueryResult
from mechkg.query.sparql import CheckedQuery, SparqlError
from mechkg.query.store import SparqlStore, cap_rows, cap_triples
from mechkg.terms.vocab import PREFIXES

__all__ = ["OxigraphStore", "rdf_format"]


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension (.ttl, .nt, .nq, .trig, .rdf, .jsonld …)."""
    fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip(".").lower())
    if fmt is None:
        raise SparqlError(f"cannot tell the RDF format of {path} from its extension (.ttl, .nt, .nq, .trig, .rdf, .jsonld)")
    return fmt


class OxigraphStore(SparqlStore):
    """A pyoxigraph store, in memory or persistent on disk."""

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_bytes(cls, data: bytes, format: str = "application/n-triples") -> OxigraphStore:
        """An in-memory store holding serialised RDF, parsed by Oxigraph itself (no rdflib graph in between).

        ``format`` is a media type (``application/n-triples``, ``text/turtle``, ``application/n-quads``,
        ``application/rdf+xml``, ``application/ld+json`` …). The load is one transaction: data
        that does not parse raises :class:`~mechkg.query.sparql.SparqlError` and nothing is kept.
        """
        fmt = ox.RdfFormat.from_media_type(format)
        if fmt is None:
            raise SparqlError(f"unknown RDF media type {format!r}; for example application/n-triples or text/turtle")
        store = ox.Store()
        try:
            store.load(data, format=fmt)
        except SyntaxError as error:
            raise SparqlError(f"cannot read the {format} data: {error}") from None
        return cls(store)

    @classmethod
    def from_graph(cls, graph: Graph) -> OxigraphStore:
        """An in-memory store holding the triples of an rdflib graph (one N-Triples serialisation)."""
        return cls.from_bytes(graph.serialize(format="nt", encoding="utf-8"))

    @classmethod
    def from_file(cls, path: Path) -> OxigraphStore:
        """An in-memory store holding an RDF file (format from its extension)."""
        store = ox.Store()
        store.load(path=str(path), format=rdf_format(path))
        return cls(store)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = True) -> OxigraphStore:
        """A persistent store; read-only by default, so that other processes may read it too."""
        if read_only:
            if not Path(path).is_dir():
                raise SparqlError(f"no Oxigraph store at {path}; fill one with `mechkg load --store oxigraph:{path}`")
            return cls(ox.Store.read_only(str(path)))
        return cls(ox.Store(str(path)))

    def _run(
        self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None, max_bytes: int | None = None
    ) -> QueryResult:
        substitutions = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        try:
            result = self.store.query(query.text, prefixes=PREFIXES, substitutions=substitutions or None)
        except SyntaxError as error:
            raise SparqlError(f"Oxigraph refused the query: {error}") from None
        except RuntimeError as error:
            # Oxigraph substitutes (SEP-0007) only variables that a SELECT projects.
            raise SparqlError(f"Oxigraph cannot run the query with these bindings: {error}") from None
        if query.kind == "ASK":
            return QueryResult("ASK", boolean=bool(result))
        if query.returns_graph:
            triples = ((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result)
            return QueryResult(query.kind, graph=cap_triples(triples, max_results, max_bytes))  # type: ignore[arg-type]
        names = tuple(v.value for v in result.variables)
        rows = cap_rows((tuple(from_ox(solution[i]) for i in range(len(names))) for solution in result), max_results, max_bytes)
        return QueryResult("SELECT", vars=names, rows=rows)
