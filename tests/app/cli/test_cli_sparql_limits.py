"""``mechkg sparql`` under the server's limits: deep nesting and oversized queries exit 2, big answers exit 1, never a traceback."""

from __future__ import annotations

import pytest
from cli_helpers import run
from sparql_fixture import CURATION

from mechkg.query.sparql import MAX_NESTING, MAX_QUERY_BYTES, MAX_RESULT_BYTES

ARGS = ("--curation", str(CURATION))


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { FILTER(" + "(" * 25 + "1" + ")" * 25 + ") }",
        "SELECT * WHERE { " + "{ " * 40 + "?s ?p ?o " + "} " * 40 + "}",
        "SELECT * WHERE { " + "{ SELECT * WHERE { " * 30 + "?s ?p ?o " + "} } " * 30 + "}",
    ],
    ids=["parentheses", "groups", "subqueries"],
)
@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_deep_nesting_exits_2_naming_the_limit(text, store):
    code, stdout, stderr = run("sparql", *ARGS, text, "--store", store)
    assert code == 2 and stdout == ""
    assert f"the limit is {MAX_NESTING} levels" in stderr and "Traceback" not in stderr


def test_an_oversized_query_exits_2():
    code, _, stderr = run("sparql", *ARGS, "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_BYTES)
    assert code == 2 and f"{MAX_QUERY_BYTES:,} bytes" in stderr


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?b WHERE { BIND("' + "a" * 1000 + '" AS ?a) BIND(CONCAT(?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a, ?a) AS ?b) }',
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
    ids=["select", "construct"],
)
@pytest.mark.parametrize("fmt", ["table", "json", "xml", "csv", "tsv"])
def test_an_answer_past_the_byte_limit_exits_1(text, fmt):
    code, stdout, stderr = run("sparql", *ARGS, text, "--format", fmt, "--max-result-bytes", "5000")
    assert code == 1 and stdout == "" and "limit of 5,000 bytes" in stderr


def test_the_default_byte_limit_is_the_servers():
    from mechkg.app.cli.serve import serve
    from mechkg.app.cli.sparql import sparql

    for command in (sparql, serve):
        assert next(p.default for p in command.params if p.name == "max_result_bytes") == MAX_RESULT_BYTES
