"""The answer of a query, the same whatever store gave it, and its W3C result formats.

SELECT and ASK answers are written as SPARQL 1.1 Query Results JSON, XML, CSV or TSV, or as a
plain-text table for people (prefixed names, columns aligned for CJK text); CONSTRUCT and
DESCRIBE answers are RDF (Turtle, N-Triples, RDF/XML or JSON-LD).

Every format is written piece by piece into a :class:`ByteBudget`: with ``max_bytes`` given, the
writing stops with :class:`~mechkg.query.sparql.ResultTooLarge` as soon as the answer passes
that many bytes, so no answer over the limit is ever held whole.

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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD, NamespaceManager
from rdflib.term import Identifier

from mechkg.query.sparql import ResultTooLarge, SparqlError
from mechkg.terms.vocab import PREFIXES

__all__ = ["RESULT_FORMATS", "ByteBudget", "QueryResult", "result_graph"]


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


class ByteBudget:
    """A binary stream that keeps what is written, up to ``limit`` bytes (None: no limit).

    >>> budget = ByteBudget(5)
    >>> budget.write(b"abc")
    3
    >>> budget.write("dé")
    Traceback (most recent call last):
    ...
    mechkg.query.sparql.ResultTooLarge: the answer is larger than the limit of 5 bytes; add a LIMIT or ask for less
    """

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        self.size = 0
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        """Always: this is a stream to write to (rdflib's XML writer asks)."""
        return True

    def write(self, data: bytes | str) -> int:
        """Keep ``data`` (text is encoded as UTF-8); raises ResultTooLarge past the limit."""
        chunk = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self.size += len(chunk)
        if self.limit is not None and self.size > self.limit:
            self._parts.clear()
            raise ResultTooLarge(f"the answer is larger than the limit of {self.limit:,} bytes; add a LIMIT or ask for less")
        self._parts.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the parts are kept in memory."""

    def getvalue(self) -> bytes:
        """Everything written, as one bytes object."""
        return b"".join(self._parts)


def _binding(var_terms: Iterator[tuple[str, Identifier | None]]) -> dict[str, Any]:
    binding: dict[str, Any] = {}
    for var, term in var_terms:
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
    return binding


def _csv_cell(term: Identifier | None) -> str:
    return "" if term is None else (f"_:{term}" if isinstance(term, BNode) else str(term))


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
        bindings = [_binding(zip(self.vars, row, strict=True)) for row in self.rows]
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

    def serialize(self, fmt: str = "json", max_bytes: int | None = None) -> bytes:
        """The answer in ``fmt``: table, json, xml, csv, tsv (SELECT/ASK) or an RDF format.

        CONSTRUCT and DESCRIBE answers are RDF: ``turtle`` (the default for any table format),
        ``nt``, ``xml`` (RDF/XML) or ``json-ld``. Past ``max_bytes`` bytes the writing stops with
        :class:`~mechkg.query.sparql.ResultTooLarge`.
        """
        out = ByteBudget(max_bytes)
        if self.graph is not None:
            rdf_format = {"json": "json-ld", "table": "turtle", "csv": "turtle", "tsv": "turtle"}.get(fmt, fmt)
            self.graph.serialize(destination=out, format=rdf_format, encoding="utf-8")  # type: ignore[arg-type]
        elif fmt == "xml":
            self._rdflib_result().serialize(destination=out, format="xml", encoding="utf-8")
        else:
            writers = {"json": self._json_lines, "table": self._table_lines, "csv": self._csv_lines, "tsv": self._tsv_lines}
            writer = writers.get(fmt)
            if writer is None or (fmt in ("csv", "tsv") and self.kind != "SELECT"):
                raise SparqlError(f"unknown result format {fmt!r}; known: {', '.join(RESULT_FORMATS)}")
            for piece in writer():
                out.write(piece)
        return out.getvalue()

    def _json_lines(self) -> Iterator[str]:
        """``json.dumps(self.to_json(), ensure_ascii=False, indent=2)`` and a newline, one binding at a time."""
        if self.kind == "ASK" or not self.rows:
            yield json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
            return
        head = json.dumps({"vars": list(self.vars)}, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        yield '{\n  "head": ' + head + ',\n  "results": {\n    "bindings": ['
        for i, row in enumerate(self.rows):
            text = json.dumps(_binding(zip(self.vars, row, strict=True)), ensure_ascii=False, indent=2)
            yield ("\n      " if i == 0 else ",\n      ") + text.replace("\n", "\n      ")
        yield "\n    ]\n  }\n}\n"

    def _csv_lines(self) -> Iterator[str]:
        """SPARQL 1.1 CSV results, one row at a time."""
        line = io.StringIO()
        writer = csv.writer(line, lineterminator="\r\n")
        for cells in [list(self.vars), *([_csv_cell(t) for t in row] for row in self.rows)]:
            writer.writerow(cells)
            yield line.getvalue()
            line.seek(0)
            line.truncate()

    def _tsv_lines(self) -> Iterator[str]:
        """SPARQL 1.1 TSV results, one row at a time."""
        yield "\t".join(f"?{v}" for v in self.vars) + "\n"
        for row in self.rows:
            yield "\t".join(_tsv_term(t) for t in row) + "\n"

    def to_table(self) -> str:
        """A plain-text table with prefixed names, aligned for CJK text, and a row count."""
        return "".join(self._table_lines())

    def _table_lines(self) -> Iterator[str]:
        if self.kind == "ASK":
            yield f"{'yes' if self.boolean else 'no'}\n"
            return
        manager = _namespace_manager()
        cells = [[_short(t, manager).replace("\n", " ") for t in row] for row in self.rows]
        widths = [max([_width(v), *(_width(r[i]) for r in cells)]) for i, v in enumerate(self.vars)]

        def line(values: list[str]) -> str:
            return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip() + "\n"

        yield line(list(self.vars))
        yield "-+-".join("-" * w for w in widths) + "\n"
        for row in cells:
            yield line(row)
        yield f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})\n"
