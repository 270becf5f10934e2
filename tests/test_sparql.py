"""Named queries, query checking, parameter binding and the `mechkg sparql` / `mechkg load` commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from sparql_fixture import CURATION, EXPECTED, EXPECTED_GRAPHS, SOURCES, short

from mechkg.app.cli import main
from mechkg.errors import UnknownEntity
from mechkg.query.named import named_queries, named_query, run_query
from mechkg.query.sparql import QueryRefused, QuerySyntaxError, SparqlError, check_query
from mechkg.query.stores import OxigraphStore, RdflibStore, open_store

CLI_DATA = ["--curation", str(CURATION), "--sources", str(SOURCES)]


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    from mechkg.network.built import build_graphs

    return build_graphs(CURATION, sources_dir=SOURCES).rdf


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(request, fixture_graph):
    return RdflibStore(fixture_graph) if request.param == "rdflib" else OxigraphStore.from_graph(fixture_graph)


def test_there_are_at_least_fifteen_named_queries_each_expected_here():
    queries = named_queries()
    assert len(queries) >= 15
    assert set(queries) == set(EXPECTED) | set(EXPECTED_GRAPHS)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_header_is_complete_and_parameters_are_projected(name):
    from rdflib.plugins.sparql.parser import parseQuery

    query = named_query(name)
    assert query.title and query.question_en.endswith((".", "?")) and query.question_zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in query.question_zh)
    assert query.example.startswith(f"mechkg sparql {name}")
    assert query.example_result, "the header shows an example result"
    parsed = parseQuery(query.text)[1]
    if parsed.name == "SelectQuery":
        projected = {str(p.var if p.var else p.evar) for p in parsed.projection}
        for param in query.parameters:
            # Oxigraph substitutes only projected variables (SEP-0007); named queries project theirs
            assert param.name in projected, f"{name}: parameter {param.name} is not projected"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_query_returns_the_hand_checked_rows(store, name):
    params, columns, expected = EXPECTED[name]
    result = run_query(store, named_query(name), params=params)
    index = [result.vars.index(c) for c in columns]
    assert [tuple(short(row[i]) for i in index) for row in result.rows] == expected


@pytest.mark.parametrize("name", sorted(EXPECTED_GRAPHS))
def test_construct_query_returns_the_hand_checked_triples(store, name):
    params, expected = EXPECTED_GRAPHS[name]
    result = run_query(store, named_query(name), params=params)
    assert result.graph is not None
    assert {tuple(short(t) for t in triple) for triple in result.graph} == expected


def test_disease_subgraph_of_sle_has_one_triple_per_distinct_sle_statement(store):
    result = run_query(store, named_query("disease-subgraph"), params={"disease": "SLE"})
    _, _, rows = EXPECTED["disease-mechanism-claims"]
    assert {tuple(short(t) for t in triple) for triple in result.graph} == {(s, p, o) for _, s, p, o, _ in rows}


def test_optional_parameter_left_out_widens_the_answer(store):
    narrow = run_query(store, named_query("cytokines-by-therapy"), params={"therapy": "MSC_EXO_THERAPY", "disease": "SLE"})
    wide = run_query(store, named_query("cytokines-by-therapy"), params={"therapy": "MSC_EXO_THERAPY"})
    assert len(narrow.rows) == 2
    # IBD adds IL-10 and the flagged "TNF-beta" (lymphotoxin alpha)
    assert sorted(short(r[1]) for r in wide.rows) == ["IL10", "IL1B", "LTA", "TNF"]


def test_entity_parameters_accept_ids_labels_and_synonyms_in_both_languages(store):
    for name in ("SLE", "mke:SLE", "lupus", "系統性紅斑狼瘡", "Systemic Lupus Erythematosus"):
        assert short(store.resolve_entity(name)) == "SLE"
    with pytest.raises(UnknownEntity) as info:
        store.resolve_entity("lupis")
    assert "SLE" in info.value.candidates


def test_parameter_values_are_bound_as_terms_never_pasted_into_the_query(store):
    hostile = 'animal_model" } UNION { ?claim ?p ?o } #'
    result = run_query(store, named_query("claims-by-evidence"), params={"level": hostile})
    assert result.rows == ()
    bound = store.query("SELECT ?level WHERE { BIND(1 AS ?one) }", bindings={"level": Literal(hostile)})
    assert [str(r[0]) for r in bound.rows] == [hostile]


def test_unknown_and_missing_parameters_are_errors(store):
    with pytest.raises(SparqlError, match="needs --param disease1"):
        run_query(store, named_query("shared-mediators"), params={"disease2": "IBD"})
    with pytest.raises(SparqlError, match="no parameter colour"):
        run_query(store, named_query("flags"), params={"colour": "red"})


def test_result_cap_is_enforced(store):
    from mechkg.query.sparql import ResultTooLarge

    with pytest.raises(ResultTooLarge, match="more than 10 results"):
        store.query("SELECT * WHERE { ?s ?p ?o }", max_results=10)
    assert len(store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 10", max_results=10).rows) == 10


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?q ?r } } }",
        "SELECT * WHERE { ?s ?p ?o { SELECT ?x WHERE { service ?endpoint { ?x ?y ?z } } } }",
    ],
)
def test_service_is_refused_before_any_store_sees_it(store, text):
    with pytest.raises(QueryRefused, match="SERVICE"):
        store.query(text)


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


def test_open_store_decides_the_store_from_the_spec(fixture_graph, tmp_path):
    assert isinstance(open_store("rdflib", graph=fixture_graph), RdflibStore)
    assert isinstance(open_store(None, graph=fixture_graph), OxigraphStore)
    with pytest.raises(SparqlError, match="no Oxigraph store"):
        open_store(f"oxigraph:{tmp_path / 'missing'}")
    with pytest.raises(SparqlError, match="unknown store"):
        open_store("virtuoso:/x")


# ---------------------------------------------------------------------------------- CLI


def test_cli_list_shows_every_named_query_with_both_questions():
    result = CliRunner().invoke(main, ["sparql", "--list"])
    assert result.exit_code == 0
    for query in named_queries().values():
        assert query.name in result.output and query.question_zh in result.output


def test_cli_json_is_w3c_results_json():
    args = ["sparql", "shared-mediators", "--param", "disease1=SLE", "--param", "disease2=IBD", "--format", "json", *CLI_DATA]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["head"]["vars"][:3] == ["disease1", "disease2", "mediator"]
    (row,) = data["results"]["bindings"]
    assert row["mediator"] == {"type": "uri", "value": "https://w3id.org/mechkg/entity/IL10"}
    assert row["label"] == {"type": "literal", "value": "interleukin-10", "xml:lang": "en"}


def test_cli_csv_tsv_and_table(tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?d WHERE { ?d a mk:Disease } ORDER BY ?d", encoding="utf-8")
    csv_out = CliRunner().invoke(main, ["sparql", str(query), "--format", "csv", *CLI_DATA]).output
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


def test_cli_load_then_query_the_persistent_store(tmp_path, fixture_graph):
    location = tmp_path / "kg.db"
    result = CliRunner().invoke(main, ["load", "--store", f"oxigraph:{location}", *CLI_DATA])
    assert result.exit_code == 0, result.output
    assert f"loaded {len(fixture_graph):,} triples" in result.output
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
