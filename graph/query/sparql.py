"""Checked SPARQL: what MechKG refuses to run, and the errors a query can raise.

Every query goes through :func:`check_query` before any store sees it: it is parsed (a syntax
error names the line and column), and refused when it is an UPDATE (MechKG is read-only here),
when it has a ``SERVICE`` clause (rdflib, pyoxigraph and the Oxigraph server would all send a
real HTTP request; a Python audit hook cannot stop pyoxigraph's Rust client, so the only safe
place is the parser), or a ``FROM``/``FROM NAMED`` clause (an rdflib Dataset fetches the URL).

Values given by users are bound as RDF terms, never pasted into query text: ``initBindings``
for rdflib, ``substitutions`` for Oxigraph, a trailing ``VALUES`` block of terms serialised by
rdflib for a remote endpoint. Named queries bind their parameters only in triple patterns of
the top-level group, so the three mechanisms give the same answers (``tests/query/test_endpoint.py``).

The stores are :class:`mechkg.query.store.SparqlStore` and its subclasses (chosen by
:func:`mechkg.query.stores.open_store`); answers are :class:`mechkg.query.results.QueryResult`;
named queries, their parameters and :func:`mechkg.query.named.run_query`, the one call the rest
of the program uses, are in :mod:`mechkg.query.named`.

>>> checked = check_query("SELECT ?s WHERE { ?s a mk:Disease }")
>>> checked.kind
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
mechkg.query.sparql.QueryRefused: SERVICE clauses are not allowed: MechKG never queries other endpoints
>>> check_query("SELECT ?s WHERE {\\n  ?s ?p \\n}")
Traceback (most recent call last):
...
mechkg.query.sparql.QuerySyntaxError: syntax error at line 2, column 3: ...
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from mechkg.errors import MechKGError
from mechkg.terms.vocab import PREFIXES

__all__ = [
    "CheckedQuery",
    "ParameterError",
    "QueryRefused",
    "QuerySyntaxError",
    "QueryTimeout",
    "ResultTooLarge",
    "SparqlError",
    "UnknownQuery",
    "check_query",
    "prefix_block",
]


class SparqlError(MechKGError):
    """A query could not be run; the message says why."""


class QuerySyntaxError(SparqlError):
    """The query is not SPARQL 1.1; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, line: int, column: int, text: str = "") -> None:
        self.line, self.column, self.text = line, column, text
        pointer = f"\n  {text}\n  {' ' * (column - 1)}^" if text else ""
        super().__init__(f"syntax error at line {line}, column {column}: {message}{pointer}")


class QueryRefused(SparqlError):
    """The query is valid SPARQL but not allowed: an update, SERVICE or FROM."""


class QueryTimeout(SparqlError):
    """The query ran longer than the time limit and was stopped."""


class ResultTooLarge(SparqlError):
    """The query has more results than the cap allows."""


class ParameterError(SparqlError):
    """A named query's parameters are wrong: unknown, missing, or of the wrong kind."""


class UnknownQuery(SparqlError):
    """No named query has this name."""


# ---------------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class CheckedQuery:
    """A query that parsed and may run: its text and its form (SELECT, ASK, CONSTRUCT, DESCRIBE)."""

    text: str
    kind: str

    @property
    def returns_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE, whose answer is RDF rather than a table."""
        return self.kind in ("CONSTRUCT", "DESCRIBE")


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, CompValue):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        for item in node:
            yield from _walk(item)


@lru_cache(maxsize=512)
def check_query(text: str) -> CheckedQuery:
    """Parse ``text`` and refuse what MechKG never runs; the result is cached by query text.

    Raises :class:`QuerySyntaxError` (with line and column), or :class:`QueryRefused` for an
    UPDATE, a SERVICE clause or a FROM / FROM NAMED clause.
    """
    try:
        parsed = parseQuery(text)
    except ParseException as error:
        try:
            parseUpdate(text)
        except ParseException:
            raise QuerySyntaxError(error.msg, error.lineno, error.col, error.line) from None
        raise QueryRefused("SPARQL UPDATE is not allowed: MechKG's query interface is read-only") from None
    query = parsed[1]
    for node in _walk(query):
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            raise QueryRefused("SERVICE clauses are not allowed: MechKG never queries other endpoints")
    if "datasetClause" in query and list(query["datasetClause"]):
        raise QueryRefused("FROM and FROM NAMED are not allowed: queries run over MechKG's own graph")
    kind = query.name.removesuffix("Query").upper()
    return CheckedQuery(text=text, kind=kind)


def prefix_block() -> str:
    """PREFIX declarations of the project prefixes, for engines that are not told them otherwise."""
    return "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
