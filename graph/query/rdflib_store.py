"""The rdflib store: an rdflib graph in memory, what the pipeline builds; pure Python, slow on big graphs.

Queries are parsed and translated once per text (a cache bounded in bytes,
:class:`mechkg.query.memo.TextCache`), then evaluated with the bound terms as ``initBindings``.
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from mechkg.query.deep import deep_call
from mechkg.query.memo import TextCache
from mechkg.query.results import QueryResult
from mechkg.query.sparql import CheckedQuery
from mechkg.query.store import SparqlStore, cap_rows, cap_triples
from mechkg.terms.vocab import PREFIXES

__all__ = ["RdflibStore"]


_PREPARED: TextCache[Query] = TextCache(budget=8_000_000, weight=20)
"""Translated queries, about twenty times the size of their text: 400 kB of query text in all."""


def _prepared(text: str) -> Query:
    return _PREPARED.get_or_make(text, lambda t: deep_call(lambda: translateQuery(parseQuery(t), initNs=PREFIXES)))


class RdflibStore(SparqlStore):
    """An rdflib graph in memory."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def _run(
        self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None, max_bytes: int | None = None
    ) -> QueryResult:
        """Evaluate on a deep stack too: rdflib evaluates a group's triple patterns recursively."""
        return deep_call(self._evaluate, query, bindings, max_results, max_bytes)

    def _evaluate(
        self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None, max_bytes: int | None
    ) -> QueryResult:
        result = self.graph.query(_prepared(query.text), initBindings=bindings)
        if query.kind == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer))
        if query.returns_graph:
            return QueryResult(query.kind, graph=cap_triples(result, max_results, max_bytes))  # type: ignore[arg-type]
        names = tuple(str(v) for v in result.vars or ())
        rows = cap_rows((tuple(row) for row in result), max_results, max_bytes)  # type: ignore[arg-type]
        return QueryResult("SELECT", vars=names, rows=rows)
