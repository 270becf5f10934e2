"""SPARQL over MechKG: checked queries, safe parameters, named queries and result formats.

Every query goes through :func:`check_query` before any store sees it: it is parsed (a syntax
error names the line and column), and refused when it is an UPDATE (MechKG is read-only here),
when it has a ``SERVICE`` clause (rdflib, pyoxigraph and the Oxigraph server would all send a
real HTTP request; a Python audit hook cannot stop pyoxigraph's Rust client, so the only safe
place is the parser), or a ``FROM``/``FROM NAMED`` clause (an rdflib Dataset fetches the URL).

Values given by users are bound as RDF terms, never pasted into query text: ``initBindings``
for rdflib, ``substitutions`` for Oxigraph, a trailing ``VALUES`` block of terms serialised by
rdflib for a remote endpoint. Named queries bind their parameters only in triple patterns of
the top-level group, so the three mechanisms give the same answers (``tests/test_stores.py``).

The stores live in :mod:`mechkg.query.stores`; named queries, their parameters and
:func:`mechkg.query.named.run_query`, the one call the rest of the program uses, in
:mod:`mechkg.query.named`.

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

import csv
import io
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pyparsing import ParseException
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD, NamespaceManager
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier

from mechkg.errors import MechKGError
from mechkg.terms.vocab import PREFIXES

__all__ = [
    "RESULT_FORMATS",
    "CheckedQuery",
    "ParameterError",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "ResultTooLarge",
    "SparqlError",
    "UnknownQuery",
    "check_query",
    "prefix_block",
]


RESULT_FORMATS = ("table", "json", "xml", "csv", "tsv")
"""Formats of SELECT/ASK results; CONSTRUCT/DESCRIBE always give an RDF format (Turtle by default)."""


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


# ---------------------------------------------------------------------------------- results


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _namespace_manager() -> NamespaceManager:
    manager = NamespaceManager(Graph(bind_namespaces="none"))
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri, override=True, replace=True)
    return manager


def _short(term: Identifier | None, manager: NamespaceManager) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return manager.normalizeUri(term)
        except Exception:
            return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_term(term: Identifier | None) -> str:
    """A term as SPARQL 1.1 TSV writes it: N-Triples syntax, with tabs and newlines escaped."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


@dataclass(frozen=True)
class QueryResult:
    """The answer of one query, the same whatever store produced it.

    SELECT: ``vars`` and ``rows`` (rdflib terms, ``None`` where unbound); ASK: ``boolean``;
    CONSTRUCT/DESCRIBE: ``graph``.
    """

    kind: str
    vars: tuple[str, ...] = ()
    rows: tuple[tuple[Identifier | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None

    def as_dicts(self) -> list[dict[str, Identifier]]:
        """The rows as ``{variable: term}`` dicts (unbound variables left out)."""
        return [{v: t for v, t in zip(self.vars, row, strict=True) if t is not None} for row in self.rows]

    def to_json(self) -> dict[str, Any]:
        """W3C SPARQL 1.1 Query Results JSON (SELECT and ASK)."""
        if self.kind == "ASK":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = []
        for row in self.rows:
            binding: dict[str, Any] = {}
            for var, term in zip(self.vars, row, strict=True):
                if term is None:
                    continue
                if isinstance(term, URIRef):
                    binding[var] = {"type": "uri", "value": str(term)}
                elif isinstance(term, BNode):
                    binding[var] = {"type": "bnode", "value": str(term)}
                else:
                    assert isinstance(term, Literal)
                    value: dict[str, Any] = {"type": "literal", "value": str(term)}
                    if term.language:
                        value["xml:lang"] = term.language
                    elif term.datatype and term.datatype != XSD.string:
                        value["datatype"] = str(term.datatype)
                    binding[var] = value
            bindings.append(binding)
        return {"head": {"vars": list(self.vars)}, "results": {"bindings": bindings}}

    def _rdflib_result(self) -> Any:
        from rdflib.query import Result

        result = Result(self.kind)
        if self.kind == "ASK":
            result.askAnswer = bool(self.boolean)
        else:
            result.vars = [Variable(v) for v in self.vars]
            result.bindings = [{Variable(k): v for k, v in row.items()} for row in self.as_dicts()]
        return result

    def serialize(self, fmt: str = "json") -> bytes:
        """The answer in ``fmt``: table, json, xml, csv, tsv (SELECT/ASK) or an RDF format.

        CONSTRUCT and DESCRIBE answers are RDF: ``turtle`` (the default for any table format),
        ``nt``, ``xml`` (RDF/XML) or ``json-ld``.
        """
        if self.graph is not None:
            rdf_format = {"json": "json-ld", "table": "turtle", "csv": "turtle", "tsv": "turtle"}.get(fmt, fmt)
            return self.graph.serialize(format=rdf_format, encoding="utf-8")
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        if fmt == "table":
            return self.to_table().encode("utf-8")
        if fmt == "csv" and self.kind == "SELECT":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(self.vars)
            for row in self.rows:
                writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
            return out.getvalue().encode("utf-8")
        if fmt == "tsv" and self.kind == "SELECT":
            lines = ["\t".join(f"?{v}" for v in self.vars)]
            lines.extend("\t".join(_tsv_term(t) for t in row) for row in self.rows)
            return ("\n".join(lines) + "\n").encode("utf-8")
        if fmt == "xml":
            return self._rdflib_result().serialize(format="xml", encoding="utf-8")
        raise SparqlError(f"unknown result format {fmt!r}; known: {', '.join(RESULT_FORMATS)}")

    def to_table(self) -> str:
        """A plain-text table with prefixed names, aligned for CJK text, and a row count."""
        if self.kind == "ASK":
            return f"{'yes' if self.boolean else 'no'}\n"
        manager = _namespace_manager()
        cells = [[_short(t, manager).replace("\n", " ") for t in row] for row in self.rows]
        widths = [max([_width(v), *(_width(r[i]) for r in cells)]) for i, v in enumerate(self.vars)]

        def line(values: list[str]) -> str:
            return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

        out = [line(list(self.vars)), "-+-".join("-" * w for w in widths)]
        out.extend(line(r) for r in cells)
        out.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(out) + "\n"
