"""Query checking: what MechKG refuses before any store sees a query, and syntax errors with their place."""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql.parser import parseQuery

from mechkg.query.sparql import QueryRefused, QuerySyntaxError, check_query, prefix_block
from mechkg.terms.vocab import PREFIXES


@pytest.mark.parametrize(
    ("text", "kind", "graph"),
    [
        ("SELECT ?s WHERE { ?s a mk:Disease }", "SELECT", False),
        ("ASK { ?s a mk:Disease }", "ASK", False),
        ("CONSTRUCT { ?s a mk:Disease } WHERE { ?s a mk:Disease }", "CONSTRUCT", True),
        ("DESCRIBE mke:SLE", "DESCRIBE", True),
    ],
)
def test_each_query_form_is_recognised(text, kind, graph):
    checked = check_query(text)
    assert (checked.kind, checked.returns_graph, checked.text) == (kind, graph, text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?q ?r } } }",
        "SELECT * WHERE { ?s ?p ?o { SELECT ?x WHERE { service ?endpoint { ?x ?y ?z } } } }",
        "ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
    ],
)
def test_service_is_refused_wherever_it_hides(text):
    with pytest.raises(QueryRefused, match="SERVICE"):
        check_query(text)


def test_from_and_update_are_refused():
    with pytest.raises(QueryRefused, match="FROM"):
        check_query("SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }")
    with pytest.raises(QueryRefused, match="FROM"):
        check_query("SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }")
    for update in ("INSERT DATA { mke:A mk:increases mke:B }", "DELETE WHERE { ?s ?p ?o }", "LOAD <http://127.0.0.1:9/x.ttl>"):
        with pytest.raises(QueryRefused, match="read-only"):
            check_query(update)


def test_syntax_errors_name_line_and_column():
    with pytest.raises(QuerySyntaxError) as info:
        check_query("SELECT ?x\nWHERE {\n  ?x a mk:Disease .\n  FILTER(?x = }\n")
    assert (info.value.line, info.value.column) >= (3, 1)
    assert f"line {info.value.line}, column {info.value.column}" in str(info.value)
    assert "^" in str(info.value), "the message points at the column"


def test_prefix_block_declares_every_project_prefix_and_parses():
    block = prefix_block()
    assert block.count("PREFIX ") == len(PREFIXES)
    parseQuery(block + "SELECT ?s WHERE { ?s a mk:Disease ; skos:altLabel ?l }")


# --- limits before parsing (issue #15 items 1 and 3) ---------------------------------------------

NESTED = {
    "parentheses": lambda n: "SELECT * WHERE { FILTER(" + "(" * n + "1" + ")" * n + ") }",
    "groups": lambda n: "SELECT * WHERE { " + "{ " * n + "?s ?p ?o " + "} " * n + "}",
    "subqueries": lambda n: "SELECT * WHERE { " + "{ SELECT * WHERE { " * n + "?s ?p ?o " + "} } " * n + "}",
    "blank nodes": lambda n: "SELECT * WHERE { ?s ?p " + "[ <urn:p> " * n + "1 " + "] " * n + "}",
    "paths": lambda n: "SELECT * WHERE { ?s " + "(" * n + "<urn:p>" + ")" * n + " ?o }",
}


@pytest.mark.parametrize("kind", NESTED)
@pytest.mark.parametrize("depth", [25, 40, 1000])
def test_deep_nesting_is_refused_naming_the_limit_never_a_recursion_error(kind, depth):
    from mechkg.query.sparql import MAX_NESTING, QueryRefused, QueryTooComplex

    with pytest.raises(QueryTooComplex, match=f"the limit is {MAX_NESTING} levels") as raised:
        check_query(NESTED[kind](depth))
    assert isinstance(raised.value, QueryRefused)  # the CLI's exit 2


@pytest.mark.parametrize(
    ("kind", "outer"), [("parentheses", 2), ("groups", 1), ("blank nodes", 1), ("paths", 1), ("subqueries", 1)]
)
def test_nesting_at_the_limit_parses(kind, outer):
    from mechkg.query.sparql import MAX_NESTING, nesting_depth

    levels = (MAX_NESTING - outer) // (2 if kind == "subqueries" else 1)
    text = NESTED[kind](levels)
    assert nesting_depth(text) in (MAX_NESTING, MAX_NESTING - 1)
    assert check_query(text).kind == "SELECT"


def test_brackets_in_strings_iris_and_comments_do_not_nest():
    from mechkg.query.sparql import nesting_depth

    assert nesting_depth('SELECT * { ?s ?p "((((" . ?s ?p """{{{{\n""" . ?s ?p \'[[[[\' } # ((((((\n') == 1


def test_a_query_over_the_size_limit_is_refused_before_parsing():
    from mechkg.query.sparql import MAX_QUERY_BYTES, QueryTooLarge

    text = "SELECT * WHERE { ?s ?p ?o } #" + "紅" * (MAX_QUERY_BYTES // 3)
    with pytest.raises(QueryTooLarge, match=f"limit is {MAX_QUERY_BYTES:,} bytes"):
        check_query(text)


def test_the_check_cache_is_bounded_in_bytes():
    from mechkg.query import sparql

    for i in range(300):
        check_query(f"SELECT * WHERE {{ ?s ?p ?o }} # {i} " + "x" * 20_000)
    assert sparql._CHECKED.size <= sparql.CHECK_CACHE_BYTES
