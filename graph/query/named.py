"""Named competency queries (``graph/queries/*.rq``), their typed parameters, and running a query.

Values given by users are bound as RDF terms, never pasted into query text (see
:mod:`mechkg.query.sparql`); ``entity`` parameters are resolved on the store itself, so a
remote endpoint resolves names the same way as the embedded store.

A line of a query that ends in ``# with NAME`` is part of the query only when the parameter
``NAME`` is given, one that ends in ``# without NAME`` only when it is not
(:meth:`NamedQuery.text_for`). That is how a disease, cell or vesicle parameter takes in its
narrower terms (``mk:diseaseContext/skos:broader* ?disease`` with it, ``mk:diseaseContext
?disease`` without it, so that left out, each claim is listed once, under its own term) and how an
optional value (a claim's species) becomes required when asked for; see ``graph/queries/README.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from mechkg.query.param_values import check_claim, check_value, property_iri
from mechkg.query.results import QueryResult
from mechkg.query.sparql import ParameterError, SparqlError, UnknownQuery
from mechkg.query.store import SparqlStore
from mechkg.resources import PACKAGE_DIR
from mechkg.terms.vocab import PREFIXES

__all__ = [
    "QUERIES_DIR",
    "NamedQuery",
    "Parameter",
    "bind_parameters",
    "named_queries",
    "named_query",
    "parse_term",
    "run_query",
]

QUERIES_DIR = PACKAGE_DIR / "queries"

_CONDITION = re.compile(r"#\s*(with|without)\s+(\w+)\s*$")
"""A query line's condition: ``# with NAME`` (kept when the parameter is given) or ``# without NAME``."""


# ---------------------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class Parameter:
    """One parameter of a named query: its variable name, kind (entity, claim, iri, string, text, integer, decimal), meaning.

    ``string`` is a plain literal (an evidence level), ``text`` an English one (a claim's model).
    ``values_of`` names the property whose values it may take (header ``one of mk:evidenceLevel``;
    :mod:`mechkg.query.param_values`), or is empty.
    """

    name: str
    kind: str
    required: bool
    description: str
    values_of: str = ""


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
    examples: tuple[str, ...] = ()
    """Every ``# example:`` line (``example`` is the first): commands that answer on the shipped graph."""

    def text_for(self, given: Iterable[str]) -> str:
        """The query text with the parameters named in ``given`` bound and the others left out.

        Lines marked ``# with NAME`` stay only when ``NAME`` is given, lines marked
        ``# without NAME`` only when it is not; a line left out becomes an empty line, so that
        line numbers in error messages still point into the file.

        >>> query = NamedQuery.from_file(QUERIES_DIR / "evidence-summary.rq")
        >>> "skos:broader*" in query.text_for(["disease"]), "skos:broader*" in query.text_for([])
        (True, False)
        """
        names = set(given)
        lines = []
        for line in self.text.splitlines():
            marker = _CONDITION.search(line)
            keep = marker is None or (marker[2] in names) == (marker[1] == "with")
            lines.append(line if keep else "")
        return "\n".join(lines) + "\n"

    @classmethod
    def from_file(cls, path: Path) -> NamedQuery:
        """Read a query file and its header comment (see ``graph/queries/README.md``)."""
        text = path.read_text(encoding="utf-8")
        header: dict[str, str] = {}
        examples: list[str] = []
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
            match = re.match(r"param\s+(\w+)\s*\((\w+)(,\s*required)?(?:,\s*one of\s+([\w.-]+:\w+))?\)\s*:\s*(.*)", body)
            if match:
                params.append(Parameter(match[1], match[2], bool(match[3]), match[5], match[4] or ""))
                continue
            key, _, value = body.partition(":")
            if key == "result":
                in_result = True
            elif key == "example" and value.strip():
                examples.append(value.strip())
            elif value:
                header[key.strip()] = value.strip()
        if examples:
            header["example"] = examples[0]
        _check_header(path, text, header, params)
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
            examples=tuple(examples),
        )


def _check_header(path: Path, text: str, header: dict[str, str], params: list[Parameter]) -> None:
    """Refuse a header that lacks a field, declares an unknown kind or property, or a marker naming no parameter."""
    missing = [k for k in ("title", "en", "zh-Hant", "example") if k not in header]
    if missing:
        raise SparqlError(f"{path}: header lacks {', '.join(missing)}")
    for param in params:
        if param.kind not in _PARAM_KINDS:
            raise SparqlError(f"{path}: parameter {param.name} has unknown kind {param.kind!r}")
        if param.values_of:
            property_iri(param.values_of)  # a header naming no known property is refused here, not when run
    declared = {param.name for param in params}
    for number, line in enumerate(text.splitlines(), start=1):
        marker = _CONDITION.search(line)
        if marker and marker[2] not in declared:
            raise SparqlError(f"{path}:{number}: '# {marker[1]} {marker[2]}' names no parameter of the query")


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


def _claim(name: str, text: str) -> Identifier:
    claim_id = text.removeprefix("mkc:")
    if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", claim_id):
        raise ParameterError(f"parameter {name} needs a claim id such as sle-let7f-down, not {text!r}")
    return URIRef(PREFIXES["mkc"] + claim_id)


def _iri(name: str, text: str) -> Identifier:
    term = parse_term(text)
    if not isinstance(term, URIRef):
        raise ParameterError(f"parameter {name} needs an IRI (<…> or prefix:local), not {text!r}")
    return term


def _integer(name: str, text: str) -> Identifier:
    if not re.fullmatch(r"[+-]?\d+", text):
        raise ParameterError(f"parameter {name} needs an integer, not {text!r}")
    return Literal(int(text))


def _decimal(name: str, text: str) -> Identifier:
    try:
        return Literal(Decimal(text))
    except InvalidOperation:
        raise ParameterError(f"parameter {name} needs a number, not {text!r}") from None


_TERM_OF_KIND: dict[str, Callable[[str, str], Identifier]] = {
    "claim": _claim,
    "iri": _iri,
    "integer": _integer,
    "decimal": _decimal,
    "string": lambda _name, text: Literal(text),
    "text": lambda _name, text: Literal(text, lang="en"),
}
"""How a parameter's text becomes a term, by kind (``entity`` is resolved on the store instead)."""

_PARAM_KINDS = ("entity", *_TERM_OF_KIND)
"""The kinds a parameter may declare in a query header."""


def _check_names(query: NamedQuery, values: Mapping[str, str]) -> None:
    declared = [p.name for p in query.parameters]
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise ParameterError(
            f"query {query.name} has no parameter {', '.join(unknown)}; its parameters: {', '.join(declared) or 'none'}"
        )
    missing = [p.name for p in query.parameters if p.required and p.name not in values]
    if missing:
        raise ParameterError(f"query {query.name} needs --param {', '.join(f'{m}=…' for m in missing)}")


def bind_parameters(query: NamedQuery, values: Mapping[str, str], store: SparqlStore) -> dict[str, Identifier]:
    """Turn ``--param name=value`` texts into RDF terms by each parameter's kind.

    ``entity`` values are resolved on the store itself (:meth:`~mechkg.query.store.SparqlStore.resolve_entity`):
    an id, an IRI, or a label / synonym in any language (so ``disease=lupus`` and
    ``disease=系統性紅斑狼瘡`` both mean ``mke:SLE``). Unknown parameter names, missing required
    ones, values of the wrong kind, claim ids the store lacks and values outside a parameter's
    ``one of`` (:mod:`mechkg.query.param_values`) raise :class:`~mechkg.query.sparql.ParameterError`.
    """
    _check_names(query, values)
    declared = {p.name: p for p in query.parameters}
    bound: dict[str, Identifier] = {}
    for name, text in values.items():
        param = declared[name]
        if param.kind == "entity":
            bound[name] = store.resolve_entity(text)
            continue
        term = bound[name] = _TERM_OF_KIND[param.kind](name, text)
        if param.kind == "claim":
            check_claim(name, text, URIRef(term), store, lambda iri: str(iri).removeprefix(PREFIXES["mkc"]))
        if param.values_of:
            check_value(name, text, term, param.values_of, store)
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
    >>> from mechkg.query.oxigraph_store import OxigraphStore
    >>> from mechkg.terms.vocab import MK, MKE
    >>> g = Graph()
    >>> _ = g.add((MKE.SLE, RDF.type, MK.Disease))
    >>> store = OxigraphStore.from_graph(g)
    >>> run_query(store, "SELECT ?d WHERE { ?d a mk:Disease }").rows
    ((rdflib.term.URIRef('https://w3id.org/mechkg/entity/SLE'),),)
    """
    terms: dict[str, Identifier] = dict(bindings or {})
    if isinstance(query, NamedQuery):
        terms.update(bind_parameters(query, params or {}, store))
        text = query.text_for(terms)
    else:
        if params:
            raise ParameterError("--param works with named queries; for other queries pass bindings")
        text = query
    return store.query(text, bindings=terms, max_results=max_results)
