"""The rdflib store: an rdflib graph in memory, what the pipeline builds; pure Python, slow on big graphs.

Queries are parsed and translated once per text (an LRU cache), then evaluated with the bound
terms as ``initBindings``.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from mechkg.query.results import QueryResult, result_graph
from mechkg.query.sparql import CheckedQuery
from mechkg.query.store import SparqlStore, cap_rows
from mechkg.terms.vocab import PREFIXES

__all__ = ["RdflibStore"]


@lru_cache(maxsize=512)
def _prepared(text: str) -> Query:
    return translateQuery(parseQuery(text), initNs=PREFIXES)


class RdflibStore(SparqlStore):
    """An rdflib graph in memory."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def _run(self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None) -> QueryResult:
        result = self.graph.query(_prepared(query.text), initBindings=bindings)
        if query.kind == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer))
        if query.returns_graph:
            graph = result_graph()
            for triple in result:
                graph.add(triple)  # type: ignore[arg-type]
            return QueryResult(query.kind, graph=graph)
        names = tuple(str(v) for v in result.vars or ())
        rows = cap_rows((tuple(row) for row in result), max_results)  # type: ignore[arg-type]
        return QueryResult("SELECT", vars=names, rows=rows)
