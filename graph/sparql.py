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

The stores themselves live in :mod:`graph.stores`; :func:`run_query` is the one call the rest of
the program uses.

>>> checked = check_query("SELECT ?s WHERE { ?s a mk:Disease }")
>>> checked.kind
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graph.sparql.QueryRefused: SERVICE clauses are not allowed: MechKG never queries other endpoints
>>> check_query("SELECT ?s WHERE {\\n  ?s ?p \\n}")
Traceback (most recent call last):
...
graph.sparql.QuerySyntaxError: syntax error at line 2, column 3: ...
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyparsing import ParseException
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD, NamespaceManager
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier

from graph.errors import MechKGError
from graph.vocab import PREFIXES

if TYPE_CHECKING:
    from graph.stores import SparqlStore

__all__ = [
    "QUERIES_DIR",
    "RESULT_FORMATS",
    "CheckedQuery",
    "NamedQuery",
    "Parameter",
    "ParameterError",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "ResultTooLarge",
    "SparqlError",
    "UnknownQuery",
    "bind_parameters",
    "check_query",
    "named_queries",
    "named_query",
    "parse_term",
    "prefix_block",
    "run_query",
]

QUERIES_DIR = Path(__file__).parent / "queries"

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


# ---------------------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class Parameter:
    """One parameter of a named query: its variable name, kind (entity, claim, iri, string, integer, decimal), meaning."""

    name: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A competency query from ``graph/queries/NAME.rq`` with its header."""

    name: str
    title: str
    question_en: str
    question_zh: str
    parameters: tuple[Parameter, ...]
    example: str
    text: str
    path: Path
    example_result: str = field(default="")

    @classmethod
    def from_file(cls, path: Path) -> NamedQuery:
        """Read a query file and its header comment (see ``graph/queries/README.md``)."""
        text = path.read_text(encoding="utf-8")
        header: dict[str, str] = {}
        params: list[Parameter] = []
        result_lines: list[str] = []
        in_result = False
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            if in_result:
                result_lines.append(line[1:].rstrip().removeprefix(" "))
                continue
            match = re.match(r"param\s+(\w+)\s*\((\w+)(,\s*required)?\)\s*:\s*(.*)", body)
            if match:
                params.append(Parameter(match[1], match[2], bool(match[3]), match[4]))
                continue
            key, _, value = body.partition(":")
            if key == "result":
                in_result = True
            elif value:
                header[key.strip()] = value.strip()
        missing = [k for k in ("title", "en", "zh-Hant", "example") if k not in header]
        if missing:
            raise SparqlError(f"{path}: header lacks {', '.join(missing)}")
        for param in params:
            if param.kind not in _PARAM_KINDS:
                raise SparqlError(f"{path}: parameter {param.name} has unknown kind {param.kind!r}")
        return cls(
            name=path.stem,
            title=header["title"],
            question_en=header["en"],
            question_zh=header["zh-Hant"],
            parameters=tuple(params),
            example=header["example"],
            text=text,
            path=path,
            example_result="\n".join(result_lines).strip("\n"),
        )


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in ``graph/queries``, by name.

    >>> len(named_queries()) >= 15
    True
    """
    return {path.stem: NamedQuery.from_file(path) for path in sorted(QUERIES_DIR.glob("*.rq"))}


def named_query(name: str) -> NamedQuery:
    """The named query ``name``; raises :class:`UnknownQuery` listing close names."""
    queries = named_queries()
    if name in queries:
        return queries[name]
    import difflib

    close = difflib.get_close_matches(name, list(queries), n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(queries)}"
    raise UnknownQuery(f"no named query {name!r}{hint}")


_PARAM_KINDS = ("entity", "claim", "iri", "string", "integer", "decimal")


def parse_term(value: str) -> Identifier:
    """A term from command-line text: ``<iri>``, ``prefix:local``, a number, or a plain string.

    >>> parse_term("mke:SLE")
    rdflib.term.URIRef('https://w3id.org/mechkg/entity/SLE')
    >>> parse_term("42").datatype, parse_term("lupus")
    (rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'), rdflib.term.Literal('lupus'))
    """
    if value.startswith("<") and value.endswith(">"):
        return _checked_iri(value[1:-1])
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and re.fullmatch(r"[\w.\-]*", local):
        return URIRef(PREFIXES[prefix] + local)
    if re.fullmatch(r"[+-]?\d+", value):
        return Literal(value, datatype=XSD.integer)
    if re.fullmatch(r"[+-]?\d*\.\d+", value):
        return Literal(value, datatype=XSD.decimal)
    return Literal(value)


def _checked_iri(value: str) -> URIRef:
    if not value or re.search(r"[\s<>\"{}|\\^`]", value):
        raise ParameterError(f"not a valid IRI: {value!r}")
    return URIRef(value)


def bind_parameters(query: NamedQuery, values: Mapping[str, str], store: SparqlStore) -> dict[str, Identifier]:
    """Turn ``--param name=value`` texts into RDF terms by each parameter's kind.

    ``entity`` values are resolved on the store itself: an id, an IRI, or a label / synonym in
    any language (so ``disease=lupus`` and ``disease=系統性紅斑狼瘡`` both mean ``mke:SLE``).
    Unknown parameter names and missing required ones raise :class:`SparqlError`.
    """
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise ParameterError(
            f"query {query.name} has no parameter {', '.join(unknown)}; its parameters: {', '.join(declared) or 'none'}"
        )
    missing = [p.name for p in query.parameters if p.required and p.name not in values]
    if missing:
        raise ParameterError(f"query {query.name} needs --param {', '.join(f'{m}=…' for m in missing)}")
    bound: dict[str, Identifier] = {}
    for name, text in values.items():
        kind = declared[name].kind
        if kind == "entity":
            bound[name] = store.resolve_entity(text)
        elif kind == "claim":
            claim_id = text.removeprefix("mkc:")
            if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", claim_id):
                raise ParameterError(f"parameter {name} needs a claim id such as sle-let7f-down, not {text!r}")
            bound[name] = URIRef(PREFIXES["mkc"] + claim_id)
        elif kind == "iri":
            term = parse_term(text)
            if not isinstance(term, URIRef):
                raise ParameterError(f"parameter {name} needs an IRI (<…> or prefix:local), not {text!r}")
            bound[name] = term
        elif kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", text):
                raise ParameterError(f"parameter {name} needs an integer, not {text!r}")
            bound[name] = Literal(int(text))
        elif kind == "decimal":
            try:
                bound[name] = Literal(Decimal(text))
            except InvalidOperation:
                raise ParameterError(f"parameter {name} needs a number, not {text!r}") from None
        else:
            bound[name] = Literal(text)
    return bound


# ---------------------------------------------------------------------------------- running


def run_query(
    store: SparqlStore,
    query: str | NamedQuery,
    *,
    params: Mapping[str, str] | None = None,
    bindings: Mapping[str, Identifier] | None = None,
    max_results: int | None = None,
) -> QueryResult:
    """Run a query (text or named) on ``store`` with the project prefixes pre-bound.

    ``params`` are texts for a named query's declared parameters (see :func:`bind_parameters`);
    ``bindings`` are RDF terms bound to variables of any query. ``max_results`` caps the rows.

    >>> from rdflib import Graph, Literal, RDF
    >>> from graph.stores import OxigraphStore
    >>> from graph.vocab import MK, MKE
    >>> g = Graph()
    >>> _ = g.add((MKE.SLE, RDF.type, MK.Disease))
    >>> store = OxigraphStore.from_graph(g)
    >>> run_query(store, "SELECT ?d WHERE { ?d a mk:Disease }").rows
    ((rdflib.term.URIRef('https://w3id.org/mechkg/entity/SLE'),),)
    """
    terms: dict[str, Identifier] = dict(bindings or {})
    if isinstance(query, NamedQuery):
        terms.update(bind_parameters(query, params or {}, store))
        text = query.text
    else:
        if params:
            raise ParameterError("--param works with named queries; for other queries pass bindings")
        text = query
    return store.query(text, bindings=terms, max_results=max_results)
