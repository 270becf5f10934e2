"""The answer of a query, the same whatever store gave it, and its W3C result formats.

SELECT and ASK answers are written as SPARQL 1.1 Query Results JSON, XML, CSV or TSV, or as a
plain-text table for people (prefixed names, columns aligned for CJK text); CONSTRUCT and
DESCRIBE answers are RDF (Turtle, N-Triples, RDF/XML or JSON-LD).

>>> from rdflib import Literal
>>> result = QueryResult("SELECT", vars=("label",), rows=((Literal("狼瘡", lang="zh-Hant"),),))
>>> print(result.serialize("tsv").decode(), end="")
?label
"狼瘡"@zh-Hant
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD, NamespaceManager
from rdflib.term import Identifier

from mechkg.query.sparql import SparqlError
from mechkg.terms.vocab import PREFIXES

__all__ = ["RESULT_FORMATS", "QueryResult", "result_graph"]


RESULT_FORMATS = ("table", "json", "xml", "csv", "tsv")
"""Formats of SELECT/ASK results; CONSTRUCT/DESCRIBE always give an RDF format (Turtle by default)."""


def result_graph() -> Graph:
    """An empty graph that knows the project prefixes (and no others), for CONSTRUCT and DESCRIBE answers."""
    graph = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph


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
