"""The queries of place (disease-sites, msc-tissue-sources) on the SPARQL fixture, on both embedded stores.

The fixture (tests/data/sparql/curation/{entities/anatomy,claims/sites}.yaml) says SLE acts in the
kidney and the spleen, and that BM-MSCs and UC-MSCs come from the bone marrow and the umbilical
cord; the answers below were read off that YAML.
"""

from __future__ import annotations

import pytest
from sparql_fixture import short

from mechkg.query.named import named_query, run_query
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.rdflib_store import RdflibStore


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(request, sparql_built):
    return RdflibStore(sparql_built.rdf) if request.param == "rdflib" else OxigraphStore.from_graph(sparql_built.rdf)


def rows(store, name: str, **params: str) -> list[dict[str, str]]:
    result = run_query(store, named_query(name), params=params)
    return [{v: short(t) for v, t in zip(result.vars, row, strict=True)} for row in result.rows]


def test_disease_sites_give_each_site_with_its_uberon_term_and_quote(store):
    found = rows(store, "disease-sites")
    assert [(r["disease"], r["site"], r["uberon"], r["label"]) for r in found] == [
        ("SLE", "KIDNEY", "obo:UBERON_0002113", "kidney"),
        ("SLE", "SPLEEN", "obo:UBERON_0002106", "spleen"),
    ]
    assert {r["quote"] for r in found} == {"脾臟及腎臟等靶器官"}


def test_disease_sites_of_another_disease_are_empty(store):
    assert rows(store, "disease-sites", disease="IBD") == []
    assert len(rows(store, "disease-sites", disease="系統性紅斑狼瘡")) == 2  # by zh-Hant label


def test_msc_tissue_sources_by_cell_and_by_tissue(store):
    assert [(r["tissue"], r["cell"], r["msc"]) for r in rows(store, "msc-tissue-sources", cell="HUC-MSCs")] == [
        ("UMBILICAL_CORD", "UC_MSC", "true")
    ]
    by_tissue = rows(store, "msc-tissue-sources", tissue="BONE_MARROW")
    assert [(r["cell"], r["quote"], r["disease"]) for r in by_tissue] == [("BM_MSC", "骨髓MSCs", "")]
    # MSC itself has no tissue source of its own in the fixture, but its narrower BM-MSC and UC-MSC do
    by_msc = rows(store, "msc-tissue-sources", cell="MSC")
    assert [(r["tissue"], r["cell"], r["stem_cell"]) for r in by_msc] == [
        ("BONE_MARROW", "MSC", "BM_MSC"),
        ("UMBILICAL_CORD", "MSC", "UC_MSC"),
    ]
