"""`mechkg sparql` on the compiled graph: every in-memory store gives the same answer; remote stores never build it."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from cli_helpers import run
from sparql_fixture import CURATION, SOURCES

from mechkg.app.cache import cached_path
from mechkg.app.fingerprint import fingerprint
from mechkg.query.named import named_queries

ARGS = ["--curation", str(CURATION)]
LISTED = run("sparql", "--list")[1]
QUERY = "SELECT ?d ?label WHERE { ?d a mk:Disease ; rdfs:label ?label } ORDER BY ?d ?label"


@pytest.mark.parametrize("store", ["rdflib", "oxigraph", "oxigraph:memory"])
def test_every_in_memory_store_answers_alike(store: str):
    expected = run("sparql", *ARGS, QUERY, "--format", "csv")
    assert expected[0] == 0 and len(expected[1].splitlines()) == 7  # three diseases, two labels each
    assert run("sparql", *ARGS, QUERY, "--format", "csv", "--store", store)[:2] == expected[:2]


def test_a_named_query_with_parameters():
    code, stdout, _ = run("sparql", *ARGS, "entity-claims", "--param", "entity=IL-10", "--format", "tsv")
    assert code == 0 and stdout.startswith("?")


def test_an_endpoint_never_builds_the_graph(tmp_path: Path):
    key = fingerprint(CURATION, SOURCES).key
    cached_path(key).unlink(missing_ok=True)
    code, _, stderr = run("sparql", *ARGS, QUERY, "--endpoint", "http://127.0.0.1:9/sparql")
    assert code == 1 and stderr.startswith("mechkg sparql: ") and "building the graph" not in stderr
    assert not cached_path(key).exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["SELECT ?x WHERE {"], 2, "mechkg sparql: "),
        (["no-such-query"], 2, "mechkg sparql: "),
        (["flags", "--param", "novalue"], 2, "--param needs KEY=VALUE"),
        (["flags", "--store", "postgres"], 1, "mechkg sparql: unknown store 'postgres'"),
        ([], 2, "give a query"),
    ],
)
def test_errors_keep_their_exit_codes(args: list[str], code: int, message: str):
    got, _, stderr = run("sparql", *ARGS, *args)
    assert got == code and message in stderr


EXAMPLES = [example for query in named_queries().values() for example in query.examples]


def test_every_parameter_of_every_named_query_is_in_an_example():
    for query in named_queries().values():
        shown = " ".join(query.examples)
        assert [p.name for p in query.parameters if f"--param {p.name}=" not in shown] == [], query.name


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_sparql_list_prints_answers_on_the_shipped_graph(example: str):
    words = shlex.split(example.split(" > ")[0])
    assert words[:2] == ["mechkg", "sparql"] and f"e.g. {example}" in LISTED
    code, stdout, stderr = run(*words[1:], "--format", "tsv")  # the curation shipped in the package
    assert code == 0, stderr
    assert len(stdout.splitlines()) > 1 or (stdout.startswith("@prefix") and " mk:" in stdout), f"no rows: {example}"
