"""Checked SPARQL: what MechKG refuses to run, and the errors a query can raise.

Every query goes through :func:`check_query` before any store sees it: it is parsed (a syntax
error names the line and column), and refused when it is an UPDATE (MechKG is read-only here),
when it has a ``SERVICE`` clause (rdflib, pyoxigraph and the Oxigraph server would all send a
real HTTP request; a Python audit hook cannot stop pyoxigraph's Rust client, so the only safe
place is the parser), or a ``FROM``/``FROM NAMED`` clause (an rdflib Dataset fetches the URL).

Before the parser sees a query, two limits bound what parsing it may cost: its size
(:data:`MAX_QUERY_BYTES` of UTF-8 text, :class:`QueryTooLarge`) and how deeply its brackets
nest (:data:`MAX_NESTING` levels of parentheses, braces and square brackets together,
:class:`QueryTooComplex`): the parser recurses once per level, and about 25 nested
parentheses would exhaust Python's stack. Checked queries are remembered by text in a cache
bounded in bytes (:class:`mechkg.query.memo.TextCache`), not in entries. Parsing a long query
is slow (rdflib's parser takes seconds for a few hundred triple patterns), which is why the
server only ever checks queries inside its time-limited workers (:mod:`mechkg.query.pool`).

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
>>> check_query("SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }")
Traceback (most recent call last):
...
mechkg.query.sparql.QueryTooComplex: the query nests brackets 42 levels deep; the limit is 16 levels (...)
>>> check_query("SELECT ?s WHERE {\\n  ?s ?p \\n}")
Traceback (most recent call last):
...
mechkg.query.sparql.QuerySyntaxError: syntax error at line 2, column 3: ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from mechkg.errors import MechKGError
from mechkg.query.deep import deep_call
from mechkg.query.memo import TextCache
from mechkg.terms.vocab import PREFIXES

__all__ = [
    "MAX_NESTING",
    "MAX_QUERY_BYTES",
    "MAX_RESULT_BYTES",
    "CheckedQuery",
    "ParameterError",
    "QueryRefused",
    "QuerySyntaxError",
    "QueryTimeout",
    "QueryTooComplex",
    "QueryTooLarge",
    "ResultTooLarge",
    "SparqlError",
    "UnknownQuery",
    "check_query",
    "nesting_depth",
    "prefix_block",
]


class SparqlError(MechKGError):
    """A query could not be run; the message says why."""


class QuerySyntaxError(SparqlError):
    """The query is not SPARQL 1.1; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, line: int, column: int, text: str = "") -> None:
        self.line, self.column, self.text = line, column, text
        start = max(0, min(column - 1 - 60, len(text) - 120))  # a long line is shown around the column only
        shown, caret = text[start : start + 120], column - 1 - start
        pointer = f"\n  {shown}\n  {' ' * caret}^" if text else ""
        super().__init__(f"syntax error at line {line}, column {column}: {message}{pointer}")


class QueryRefused(SparqlError):
    """The query is valid SPARQL but not allowed: an update, SERVICE or FROM."""


class QueryTooLarge(QueryRefused):
    """The query text is longer than :data:`MAX_QUERY_BYTES`."""


class QueryTooComplex(QueryRefused):
    """The query nests brackets deeper than :data:`MAX_NESTING` levels."""


class QueryTimeout(SparqlError):
    """The query ran longer than the time limit and was stopped."""


class ResultTooLarge(SparqlError):
    """The query has more results, or more bytes of results, than the caps allow."""


class ParameterError(SparqlError):
    """A named query's parameters are wrong: unknown, missing, or of the wrong kind."""


class UnknownQuery(SparqlError):
    """No named query has this name."""


# ---------------------------------------------------------------------------------- checking

MAX_QUERY_BYTES = 65_536
"""Longest query accepted, in bytes of UTF-8 text (named queries are 1-3 kB); longer ones are refused."""
MAX_NESTING = 16
"""Deepest nesting of parentheses, braces and square brackets (together) a query may have."""
MAX_RESULT_BYTES = 16_000_000
"""Largest answer, in bytes of its serialisation, that the server and ``mechkg sparql`` give by default."""
CHECK_CACHE_BYTES = 4_000_000
"""Bytes of query text the check cache remembers, per process."""

_BRACKETS = re.compile(
    "|".join(
        [
            r"'''.*?'''",  # long strings
            r'""".*?"""',
            r"'(?:[^'\\\n]|\\.)*'",  # short strings
            r'"(?:[^"\\\n]|\\.)*"',
            r'<[^<>"{}|^`\\\x00-\x20]*>',  # IRIs
            r"#[^\n]*",  # comments
            r"[(){}\[\]]",
        ]
    ),
    re.DOTALL,
)
"""Strings, IRIs and comments (skipped whole: brackets inside them do not nest), and single brackets."""


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


def nesting_depth(text: str) -> int:
    """How deeply the brackets of ``text`` nest, outside strings, IRIs and comments.

    >>> nesting_depth("SELECT * WHERE { ?s ?p ?o FILTER(STR(?o) = '(((') }  # )))")
    3
    """
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        bracket = match.group()
        if len(bracket) != 1:
            continue
        if bracket in "({[":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest


def _check_size(text: str) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise QueryTooLarge(f"the query is {size:,} bytes long; the limit is {MAX_QUERY_BYTES:,} bytes")
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise QueryTooComplex(
            f"the query nests brackets {depth} levels deep; the limit is {MAX_NESTING} levels "
            "(parentheses, braces and square brackets together)"
        )


_CHECKED: TextCache[CheckedQuery] = TextCache(CHECK_CACHE_BYTES)


def check_query(text: str) -> CheckedQuery:
    """Parse ``text`` and refuse what MechKG never runs; the result is cached by query text.

    The parser runs on a thread with a deep stack (:func:`mechkg.query.deep.deep_call`): it
    recurses once per triple pattern of a group, and would crash at about 100 of them.

    Raises :class:`QueryTooLarge` past :data:`MAX_QUERY_BYTES`, :class:`QueryTooComplex` past
    :data:`MAX_NESTING` (both before parsing), :class:`QuerySyntaxError` (with line and column),
    or :class:`QueryRefused` for an UPDATE, a SERVICE clause or a FROM / FROM NAMED clause.
    """
    return _CHECKED.get_or_make(text, _checked)


def _checked(text: str) -> CheckedQuery:
    _check_size(text)
    try:
        return deep_call(_check, text)
    except RecursionError:
        raise QueryTooComplex("the query is too deeply nested or too long for the parser") from None


def _check(text: str) -> CheckedQuery:
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
