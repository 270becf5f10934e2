"""The abstract store: every query checked first, result caps, bound terms, and entity names read by the one resolver."""

from __future__ import annotations

import time

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal

from mechkg.errors import UnknownEntity
from mechkg.network.build import NODE_CLASSES, to_networkx
from mechkg.network.names import name_index, resolve_name
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.rdflib_store import RdflibStore
from mechkg.query.sparql import QueryRefused, ResultTooLarge
from mechkg.query.store import SparqlStore, cap_rows, entity_classes
from mechkg.terms.vocab import MK, MKE


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def store(request, sparql_built) -> SparqlStore:
    return RdflibStore(sparql_built.rdf) if request.param == "rdflib" else OxigraphStore.from_graph(sparql_built.rdf)


def test_service_is_refused_before_any_store_sees_it(store, outbound_recorder):
    target, asked = outbound_recorder
    for text in (
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{target}> {{ ?s ?q ?r }} }} }}",
    ):
        with pytest.raises(QueryRefused, match="SERVICE"):
            store.query(text)
    time.sleep(0.2)
    assert asked == []


def test_result_cap_is_enforced(store):
    with pytest.raises(ResultTooLarge, match="more than 10 results"):
        store.query("SELECT * WHERE { ?s ?p ?o }", max_results=10)
    assert len(store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 10", max_results=10).rows) == 10


def test_cap_rows_passes_up_to_the_cap_and_refuses_one_more():
    rows = [(Literal(n),) for n in range(3)]
    assert cap_rows(iter(rows), 3) == tuple(rows) and cap_rows(iter(rows), None) == tuple(rows)
    with pytest.raises(ResultTooLarge):
        cap_rows(iter(rows), 2)


def test_bindings_are_terms_never_pasted_into_the_query(store):
    hostile = 'animal_model" } UNION { ?claim ?p ?o } #'
    bound = store.query("SELECT ?level WHERE { BIND(1 AS ?one) }", bindings={"level": Literal(hostile)})
    assert [str(r[0]) for r in bound.rows] == [hostile]


def test_entity_names_are_ids_labels_and_synonyms_in_both_languages(store):
    for name in ("SLE", "sle", "lupus", "系統性紅斑狼瘡", "Systemic Lupus Erythematosus"):
        assert store.resolve_entity(name) == MKE.SLE
    with pytest.raises(UnknownEntity) as info:
        store.resolve_entity("lupis")
    assert "SLE" in info.value.candidates and not info.value.ambiguous


def test_written_iris_are_taken_as_written_when_the_store_has_them(store, sparql_built):
    assert store.resolve_entity("mke:SLE") == MKE.SLE
    assert store.resolve_entity(f"<{MKE.SLE}>") == MKE.SLE
    claim = next(iter(sparql_built.rdf.subjects(RDF.type, MK.Claim)))
    assert store.resolve_entity(f"<{claim}>") == claim
    with pytest.raises(UnknownEntity) as info:
        store.resolve_entity("mke:SLEE")
    assert "SLE" in info.value.candidates


def test_the_name_index_is_read_once_per_store(store):
    assert store.names is store.names


def test_entity_classes_are_the_classes_of_the_network_nodes():
    assert sorted(str(c).removeprefix(str(MK)) for c in entity_classes()) == sorted(NODE_CLASSES)


# ---------------------------------------------------------------------------------- one resolver, two feeds


@pytest.fixture(scope="module")
def article_with_a_rival(packaged_built) -> Graph:
    """The packaged graph plus one disease that shares SLE's synonym ``lupus`` and has SLE's label as a synonym."""
    rdf = Graph()
    for triple in packaged_built.rdf:
        rdf.add(triple)
    rival = MKE.TEST_RIVAL_DISEASE
    rdf.add((rival, RDF.type, MK.Disease))
    rdf.add((rival, RDFS.label, Literal("rival lupus-like disease", lang="en")))
    rdf.add((rival, RDFS.label, Literal("對手狼瘡樣病", lang="zh-Hant")))
    rdf.add((rival, SKOS.altLabel, Literal("lupus")))
    rdf.add((rival, SKOS.altLabel, Literal("systemic lupus erythematosus")))
    return rdf


# name -> the tier of the one resolver that should answer it, so the list covers every tier
NAMES = {
    "SLE": "exact",
    "INSULIN": "exact",
    "sle": "id",
    "insulin": "id",  # also a synonym of INS: the id wins
    "systemic lupus erythematosus": "label",  # also a synonym of the rival: the label wins
    "Systemic Lupus Erythematosus": "label",
    "系統性紅斑狼瘡": "label",
    "間充質幹細胞": "label",
    "間充質干細胞": "synonym",  # the article's spelling
    "對手狼瘡樣病": "label",
    "IL-6": "synonym",
    "ＩＬ－６": "synonym",  # full-width: NFKC makes it IL-6
    "狼瘡": "synonym",
    "间充质干细胞": "synonym",
    "lupus": "synonym",  # SLE's and the rival's: ambiguous
    "系統性紅斑狼疮": "label",  # one Simplified character: the search key folds the scripts
    "i.l. 6": "id",  # the search key drops punctuation and spaces
    "lupis": None,  # as near to the rival's synonym as to SLE's
    "間充質": "fuzzy",  # part of 間充質幹細胞, and clearly the best
    "allogeneic MSC": "fuzzy",
    "aspirin": None,
    "xyzzy": None,
}


def _answer(resolve, name: str) -> tuple[str, ...]:
    try:
        return ("found", str(resolve(name)).removeprefix(str(MKE)))
    except UnknownEntity as error:
        return ("ambiguous" if error.ambiguous else "unknown", *error.candidates)


def test_the_network_and_every_store_read_names_identically(article_with_a_rival):
    G = to_networkx(article_with_a_rival)
    stores = {"rdflib": RdflibStore(article_with_a_rival), "oxigraph": OxigraphStore.from_graph(article_with_a_rival)}
    index = name_index(G)
    assert {name: index.match(name).tier for name in NAMES} == NAMES, "the names cover every tier"
    network = {name: _answer(lambda n: resolve_name(G, n), name) for name in NAMES}
    assert network["lupus"] == ("ambiguous", "SLE", "TEST_RIVAL_DISEASE")
    assert network["insulin"] == ("found", "INSULIN") and network["ＩＬ－６"] == ("found", "IL6")
    assert network["lupis"][0] == "unknown" and "SLE" in network["lupis"]
    assert network["間充質"] == ("found", "MSC") and network["allogeneic MSC"] == ("found", "ALLO_MSC_THERAPY")
    assert network["xyzzy"] == network["aspirin"] == ("unknown",)
    for label, store in stores.items():
        assert {name: _answer(store.resolve_entity, name) for name in NAMES} == network, label
        # the same entries in (entities only: no study arms, claims or sources), so every name is read the same way
        assert store.names.entries == index.entries, label
    arms = {str(arm).removeprefix(str(MKE)) for arm in article_with_a_rival.subjects(RDF.type, MK.StudyArm)}
    assert arms and not arms & {entry.id for entry in index.entries}
