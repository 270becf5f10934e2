"""`mechkg sparql` and `mechkg load`: named queries, result formats, usage errors, the persistent store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph
from sparql_fixture import CURATION, short

from mechkg.app.cli import main
from mechkg.query.named import named_queries
from mechkg.query.stores import open_store

CLI_DATA = ["--curation", str(CURATION)]


def test_cli_list_shows_every_named_query_with_both_questions():
    result = CliRunner().invoke(main, ["sparql", "--list"])
    assert result.exit_code == 0
    for query in named_queries().values():
        assert query.name in result.output and query.question_zh in result.output


def test_cli_json_is_w3c_results_json():
    args = ["sparql", "shared-mediators", "--param", "disease1=SLE", "--param", "disease2=IBD", "--format", "json", *CLI_DATA]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["head"]["vars"][:3] == ["disease1", "disease2", "mediator"]
    (row,) = data["results"]["bindings"]
    assert row["mediator"] == {"type": "uri", "value": "https://w3id.org/mechkg/entity/IL10"}
    assert row["label"] == {"type": "literal", "value": "interleukin-10", "xml:lang": "en"}


def test_cli_csv_tsv_and_table(tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?d WHERE { ?d a mk:Disease } ORDER BY ?d", encoding="utf-8")
    csv_out = CliRunner().invoke(main, ["sparql", str(query), "--format", "csv", *CLI_DATA]).stdout
    assert csv_out.splitlines() == ["d", *(f"https://w3id.org/mechkg/entity/{d}" for d in ("IBD", "MS", "SLE"))]
    tsv_out = CliRunner().invoke(main, ["sparql", str(query), "--format", "tsv", *CLI_DATA]).output
    assert tsv_out.splitlines()[1:] == [f"<https://w3id.org/mechkg/entity/{d}>" for d in ("IBD", "MS", "SLE")]
    table = CliRunner().invoke(main, ["sparql", str(query), *CLI_DATA]).output
    assert "mke:SLE" in table and "(3 rows)" in table


def test_cli_construct_prints_turtle():
    result = CliRunner().invoke(main, ["sparql", "disease-subgraph", "--param", "disease=MS", *CLI_DATA])
    assert result.exit_code == 0
    graph = Graph().parse(data=result.output, format="turtle")
    assert {tuple(short(t) for t in triple) for triple in graph} == {("MSC_EV", "mk:increases", "TREG")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELECT ?x WHERE {\n ?x ?p \n}"], "line 2, column 2"),
        (["INSERT DATA { mke:a mk:increases mke:b }"], "read-only"),
        (["cytokines-by-therapi"], "did you mean cytokines-by-therapy"),
        (["cytokines-by-therapy", "--param", "therapy=no-such-thing"], "no entity named"),
        (["cytokines-by-therapy"], "needs --param therapy"),
    ],
)
def test_cli_usage_errors_exit_2_with_a_message(args, message):
    result = CliRunner().invoke(main, ["sparql", *args, *CLI_DATA])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_load_then_query_the_persistent_store(tmp_path, sparql_built):
    location = tmp_path / "kg.db"
    result = CliRunner().invoke(main, ["load", "--store", f"oxigraph:{location}", *CLI_DATA])
    assert result.exit_code == 0, result.output
    assert f"loaded {len(sparql_built.rdf):,} triples" in result.output
    out = CliRunner().invoke(main, ["sparql", "flags", "--store", f"oxigraph:{location}", "--format", "csv"]).output
    assert "contradicts_biology" in out
    # loading a file adds to it; --clear empties first
    extra = tmp_path / "extra.ttl"
    extra.write_text("<https://w3id.org/mechkg/entity/X> a <https://w3id.org/mechkg/vocab/Disease> .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", "--store", f"oxigraph:{location}", "--clear", str(extra)])
    assert result.exit_code == 0, result.output
    assert "loaded 1 triples" in result.output
    count = open_store(f"oxigraph:{location}").query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count.rows[0][0]) == 1
