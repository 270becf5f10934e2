"""The hierarchy rule of the named queries: a disease, cell or vesicle parameter takes in its narrower terms.

The rule (graph/queries/README.md, "Narrower terms count"): a claim's term ``T`` matches the
parameter ``P`` when ``T skos:broader* P``; given, the column shows ``P``; left out, each claim is
listed under its own term; never a duplicate row. Checked on the SPARQL fixture (its
``hierarchy.yaml`` files: UC_MSC under MSC, ENGINEERED_EXOSOME under EXOSOME) with a disease
narrower than IBD added (``tests/data/sparql_narrower``: UC, a claim tagged UC only and one tagged
IBD and UC), on both embedded stores, and on the article (slow).
"""

from __future__ import annotations

import shutil

import pytest
from sparql_fixture import CURATION, NARROWER, SOURCES, short

from mechkg.query.named import named_queries, named_query, run_query
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.rdflib_store import RdflibStore
from mechkg.query.store import SparqlStore
from mechkg.render.filters import narrower_terms

HIERARCHICAL = ("disease", "disease1", "disease2", "cell", "vesicle")
"""The parameters that stand for a term and its narrower terms."""


def hierarchical_queries() -> list[tuple[str, str]]:
    """(query, parameter) for every named query parameter that takes in narrower terms."""
    return [(q.name, p.name) for q in named_queries().values() for p in q.parameters if p.name in HIERARCHICAL]


def claims_of(store: SparqlStore, name: str, **params: str) -> list[str]:
    """The claim column of a named query's rows (with repeats, if any)."""
    result = run_query(store, named_query(name), params=params)
    return [short(row[result.vars.index("claim")]) for row in result.rows]


def rows_of(store: SparqlStore, name: str, **params: str) -> list[tuple[str, ...]]:
    result = run_query(store, named_query(name), params=params)
    return [tuple(short(t) for t in row) for row in result.rows]


@pytest.fixture(scope="module")
def narrower_built(tmp_path_factory):
    """The SPARQL fixture with tests/data/sparql_narrower's entities and claims added."""
    from mechkg.network.built import build_graphs

    curation = tmp_path_factory.mktemp("narrower") / "curation"
    shutil.copytree(CURATION, curation)
    for kind in ("entities", "claims"):
        for path in sorted((NARROWER / kind).glob("*.yaml")):
            shutil.copy(path, curation / kind / path.name)
    return build_graphs(curation, sources_dir=SOURCES)


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(request, narrower_built) -> SparqlStore:
    rdf = narrower_built.rdf
    return RdflibStore(rdf) if request.param == "rdflib" else OxigraphStore.from_graph(rdf)


@pytest.mark.parametrize(("name", "param"), hierarchical_queries())
def test_every_disease_cell_and_vesicle_parameter_follows_broader_links(name, param):
    query = named_query(name)
    others = {p.name for p in query.parameters if p.required}
    text = query.text_for(others | {param})
    assert f"/skos:broader* ?{param}" in text, f"{name}: {param} does not take in narrower terms"
    assert "SELECT DISTINCT" in text or "COUNT(DISTINCT" in text or "CONSTRUCT" in text, f"{name} may repeat rows"


def test_the_hierarchical_queries_are_the_ones_expected():
    names = {name for name, _ in hierarchical_queries()}
    assert {"disease-mechanism-claims", "evidence-summary", "exosome-cargo", "secreted-factors", "th17-treg-claims"} <= names


# ---------------------------------------------------------------------------------- the fixture


def test_a_query_on_the_parent_disease_finds_the_claims_of_the_narrower_one(store):
    ibd = claims_of(store, "disease-mechanism-claims", disease="IBD")
    assert "sp-esc-uc-source" in ibd  # tagged only UC, and UC is broader IBD
    assert ibd.count("sp-esc-igf1-uc") == 1  # tagged IBD and UC: one row
    assert len(ibd) == len(set(ibd)) == 5
    uc = claims_of(store, "disease-mechanism-claims", disease="UC")
    assert sorted(uc) == ["sp-esc-igf1-uc", "sp-esc-uc-source"]  # never upwards: no IBD-only claim
    summary = rows_of(store, "evidence-summary", disease="IBD")
    assert summary == [("IBD", "animal_model", "1"), ("IBD", "review_assertion", "4")]


def test_left_out_each_claim_is_listed_once_under_its_own_term(store):
    summary = rows_of(store, "evidence-summary")
    assert ("UC", "review_assertion", "2") in summary and ("IBD", "review_assertion", "3") in summary
    triples = {
        (short(s), short(p), short(o))
        for s, p, o in run_query(store, named_query("disease-subgraph"), params={"disease": "IBD"}).graph
    }
    assert ("ESC", "mk:ameliorates", "UC") in triples and ("ESC", "mk:increases", "IGF1") in triples
    cargo = rows_of(store, "exosome-cargo")
    assert [row[0] for row in cargo] == ["ENGINEERED_EXOSOME", "EXOSOME"]
    secreted = {row[2]: row[0] for row in rows_of(store, "secreted-factors")}
    assert secreted["sp-ucmsc-mir199a"] == "UC_MSC"


def test_cells_and_vesicles_take_in_their_narrower_terms(store):
    assert "sp-ucmsc-mir199a" in claims_of(store, "secreted-factors", cell="MSC")
    assert claims_of(store, "secreted-factors", cell="UC_MSC") == ["sp-ucmsc-mir199a"]
    exosome = claims_of(store, "exosome-cargo", vesicle="EXOSOME")
    assert sorted(exosome) == ["sp-engexo-antagonist", "sp-exo-mir146a"]
    assert claims_of(store, "exosome-cargo", vesicle="ENGINEERED_EXOSOME") == ["sp-engexo-antagonist"]


@pytest.mark.parametrize(("name", "param"), hierarchical_queries())
def test_no_duplicate_rows_for_any_term_of_the_fixture(store, name, param):
    query = named_query(name)
    kind = {"cell": "mk:CellType", "vesicle": "mk:ExtracellularVesicle"}.get(param, "mk:Disease")
    terms = [short(row[0]) for row in store.query(f"SELECT ?t WHERE {{ ?t a {kind} }} ORDER BY ?t").rows]
    required = {p.name: "SLE" for p in query.parameters if p.required and p.name != param}
    if "therapy" in required:
        required["therapy"] = "MSC_EXO_THERAPY"
    for term in terms:
        result = run_query(store, query, params={**required, param: term})
        if result.graph is None:
            assert len(set(result.rows)) == len(result.rows), f"{name} {param}={term} repeats rows"


# ---------------------------------------------------------------------------------- the article


# (the tests below use ``packaged_built``, so they are in the slow suite: tests/conftest.py)


@pytest.fixture(scope="module")
def article(packaged_built) -> tuple[SparqlStore, dict[str, list[str]], dict[str, tuple[str, ...]]]:
    """The article in Oxigraph, each entity's narrower terms (from the YAML) and each claim's diseases."""
    curation = packaged_built.curation
    scope = narrower_terms({e.id: e.broader for e in curation.entities.values()})
    diseases = {c.id: tuple(c.disease) for c in curation.claims.values()}
    return OxigraphStore.from_graph(packaged_built.rdf), scope, diseases


def test_on_the_article_a_disease_finds_every_claim_of_its_narrower_diseases_once(article):
    store, scope, diseases = article
    ms = claims_of(store, "disease-mechanism-claims", disease="MS")
    # the claims tagged only RRMS or SPMS (not MS) were missed before the rule
    narrower_only = {c for c, ds in diseases.items() if ds and set(ds) <= {"RRMS", "SPMS"}}
    assert narrower_only and narrower_only <= set(ms)
    assert "ms-snhg1-up-rrms" in narrower_only
    disease_ids = [d for d in scope if store.query(f"ASK {{ mke:{d} a mk:Disease }}").boolean]
    for disease in disease_ids:
        expected = {c for c, ds in diseases.items() if set(ds) & set(scope[disease])}
        found = claims_of(store, "disease-mechanism-claims", disease=disease)
        assert len(found) == len(set(found)), f"{disease}: repeated rows"
        assert set(found) == expected, disease


@pytest.mark.parametrize(("name", "param"), hierarchical_queries())
def test_on_the_article_no_query_repeats_a_row_for_any_disease_cell_or_vesicle(article, name, param):
    store, scope, _ = article
    query = named_query(name)
    kind = {"cell": "mk:CellType", "vesicle": "mk:ExtracellularVesicle"}.get(param, "mk:Disease")
    terms = [short(row[0]) for row in store.query(f"SELECT ?t WHERE {{ ?t a {kind} }} ORDER BY ?t").rows]
    fixed = {"disease1": "SLE", "disease2": "RA", "therapy": "MSC_EXO_THERAPY"}
    required = {p.name: fixed.get(p.name, "SLE") for p in query.parameters if p.required and p.name != param}
    for term in terms:
        if not scope.get(term, [term])[1:]:
            continue  # a term without narrower ones cannot repeat a row through the rule
        result = run_query(store, query, params={**required, param: term})
        if result.graph is None:
            assert len(set(result.rows)) == len(result.rows), f"{name} {param}={term} repeats rows"


def test_on_the_article_exosome_cargo_of_exosomes_is_the_cargo_of_every_exosome(article):
    store, scope, _ = article
    everything = rows_of(store, "exosome-cargo")
    carriers = {row[0] for row in everything}
    assert carriers and carriers <= set(scope["EXOSOME"])  # all of them are narrower than EXOSOME here
    exosome = claims_of(store, "exosome-cargo", vesicle="EXOSOME")
    assert exosome and sorted(exosome) == sorted(row[5] for row in everything)
