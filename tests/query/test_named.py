"""Named queries: their headers, their hand-checked answers on the SPARQL fixture, and their typed parameters."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.plugins.sparql.parser import parseQuery
from sparql_fixture import EXPECTED, EXPECTED_GRAPHS, short

from mechkg.query.named import (
    QUERIES_DIR,
    NamedQuery,
    Parameter,
    bind_parameters,
    named_queries,
    named_query,
    parse_term,
    run_query,
)
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.rdflib_store import RdflibStore
from mechkg.query.sparql import ParameterError, SparqlError, UnknownQuery
from mechkg.terms.vocab import MKC, MKE


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(request, sparql_built):
    return RdflibStore(sparql_built.rdf) if request.param == "rdflib" else OxigraphStore.from_graph(sparql_built.rdf)


def test_there_are_at_least_fifteen_named_queries_each_expected_here():
    queries = named_queries()
    assert len(queries) >= 15
    assert set(queries) == set(EXPECTED) | set(EXPECTED_GRAPHS)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_header_is_complete_and_parameters_are_projected(name):
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


def test_a_header_without_its_questions_or_with_an_unknown_kind_is_refused(tmp_path):
    good = (QUERIES_DIR / "flags.rq").read_text(encoding="utf-8")
    broken = tmp_path / "broken.rq"
    broken.write_text("\n".join(line for line in good.splitlines() if not line.startswith("# zh-Hant:")), encoding="utf-8")
    with pytest.raises(SparqlError, match="header lacks zh-Hant"):
        NamedQuery.from_file(broken)
    broken.write_text("# param colour (colour): a colour\n" + good, encoding="utf-8")
    with pytest.raises(SparqlError, match="unknown kind 'colour'"):
        NamedQuery.from_file(broken)


def test_lines_marked_with_or_without_a_parameter_depend_on_it_being_given():
    query = named_query("evidence-summary")
    given, left_out = query.text_for(["disease"]), query.text_for([])
    assert "mk:diseaseContext/skos:broader* ?disease" in given and "mk:diseaseContext ?disease ." not in given
    assert "mk:diseaseContext ?disease ." in left_out and "skos:broader*" not in left_out
    # a line left out stays as an empty line, so that error messages keep their line numbers
    assert len(given.splitlines()) == len(left_out.splitlines()) == len(query.text.splitlines())
    assert named_query("flags").text_for([]) == named_query("flags").text  # no markers: the text itself


def test_a_marker_naming_no_parameter_is_refused(tmp_path):
    good = (QUERIES_DIR / "evidence-summary.rq").read_text(encoding="utf-8")
    broken = tmp_path / "broken.rq"
    broken.write_text(good.replace("# with disease", "# with illness"), encoding="utf-8")
    with pytest.raises(SparqlError, match="'# with illness' names no parameter"):
        NamedQuery.from_file(broken)


def test_an_optional_value_asked_for_is_required(store):
    """claims-by-model: species is OPTIONAL in the listing, but asked for it must be there."""
    query = named_query("claims-by-model")
    everything = run_query(store, query)
    assert {short(row[2]) for row in everything.rows} == {"HUMAN", "MOUSE"}
    mouse = run_query(store, query, params={"species": "mouse"})
    assert {short(row[2]) for row in mouse.rows} == {"MOUSE"}
    model = run_query(store, query, params={"model": "IBD mouse model"})
    assert [short(row[4]) for row in model.rows] == ["sp-msct-ibd-mouse"]
    assert run_query(store, query, params={"evidence": "in_vitro"}).rows == ()


def test_an_unknown_query_name_suggests_close_names():
    with pytest.raises(UnknownQuery, match="did you mean cytokines-by-therapy"):
        named_query("cytokines-by-therapi")


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


def test_parameter_values_are_bound_as_terms_never_pasted_into_the_query(store):
    hostile = 'animal_model" } UNION { ?claim ?p ?o } #'
    with pytest.raises(ParameterError, match="is not a value of mk:evidenceLevel"):  # refused before any query runs
        run_query(store, named_query("claims-by-evidence"), params={"level": hostile})
    evidence = named_query("claims-by-evidence")  # the same query with no list of values: bound as one literal
    unchecked = dataclasses.replace(evidence, parameters=(Parameter("level", "string", True, ""),))
    assert run_query(store, unchecked, params={"level": hostile}).rows == ()
    assert run_query(store, unchecked, params={"level": "animal_model"}).rows


def test_unknown_and_missing_parameters_are_errors(store):
    with pytest.raises(ParameterError, match="needs --param disease1"):
        run_query(store, named_query("shared-mediators"), params={"disease2": "IBD"})
    with pytest.raises(ParameterError, match="no parameter colour"):
        run_query(store, named_query("flags"), params={"colour": "red"})
    with pytest.raises(ParameterError, match="named queries"):
        run_query(store, "SELECT * WHERE { ?s ?p ?o }", params={"disease": "SLE"})


def _query_with(kind: str) -> NamedQuery:
    """A named query with one required parameter ``x`` of ``kind``."""
    flags = named_query("flags")
    return NamedQuery("x", "x", "", "", (Parameter("x", kind, True, ""),), "", flags.text, flags.path)


@pytest.mark.parametrize(
    ("kind", "text", "term"),
    [
        ("entity", "系統性紅斑狼瘡", MKE.SLE),
        ("claim", "mkc:sp-msct-ibd-mouse", MKC["sp-msct-ibd-mouse"]),
        ("claim", "sp-msct-ibd-mouse", MKC["sp-msct-ibd-mouse"]),
        ("iri", "<https://example.org/a>", URIRef("https://example.org/a")),
        ("iri", "mke:IL10", MKE.IL10),
        ("integer", "-12", Literal(-12)),
        ("decimal", "0.75", Literal(Decimal("0.75"))),
        ("string", "42", Literal("42")),
        ("text", "IBD mouse model", Literal("IBD mouse model", lang="en")),
    ],
)
def test_each_parameter_kind_binds_its_term(store, kind, text, term):
    assert bind_parameters(_query_with(kind), {"x": text}, store) == {"x": term}


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("claim", "Not A Claim", "needs a claim id"),
        ("iri", "lupus", "needs an IRI"),
        ("iri", "<https://example.org/a b>", "not a valid IRI"),
        ("integer", "1.5", "needs an integer"),
        ("decimal", "many", "needs a number"),
    ],
)
def test_a_value_of_the_wrong_kind_is_a_parameter_error(store, kind, text, message):
    with pytest.raises(ParameterError, match=message):
        bind_parameters(_query_with(kind), {"x": text}, store)


def test_parse_term_reads_iris_prefixed_names_numbers_and_strings():
    assert parse_term("<https://example.org/x>") == URIRef("https://example.org/x")
    assert parse_term("mk:Disease") == URIRef("https://w3id.org/mechkg/vocab/Disease")
    assert parse_term("-3.5") == Literal("-3.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    assert parse_term("nope:thing") == Literal("nope:thing")
