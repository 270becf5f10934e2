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
