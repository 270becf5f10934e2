"""Choosing a store: spec strings, open_store, and the picklable StoreSpec that worker processes open."""

from __future__ import annotations

import pickle
from pathlib import Path

import pyoxigraph as ox
import pytest

from mechkg.query.bulk_load import load_oxigraph
from mechkg.query.endpoint import EndpointStore
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.rdflib_store import RdflibStore
from mechkg.query.sparql import SparqlError
from mechkg.query.stores import DEFAULT_ENGINE, StoreSpec, open_store, parse_store_spec

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(
    ("spec", "parsed"),
    [
        (None, (DEFAULT_ENGINE, None)),
        ("default", (DEFAULT_ENGINE, None)),
        ("rdflib", ("rdflib", None)),
        ("oxigraph", ("oxigraph", None)),
        ("oxigraph:memory", ("oxigraph", None)),
        ("oxigraph:/data/kg", ("oxigraph", "/data/kg")),
        ("http://localhost:7878/query", ("endpoint", "http://localhost:7878/query")),
        ("https://example.org/sparql", ("endpoint", "https://example.org/sparql")),
    ],
)
def test_spec_strings_name_an_engine_and_a_place(spec, parsed):
    assert parse_store_spec(spec) == parsed


@pytest.mark.parametrize(
    ("spec", "message"), [("virtuoso:/x", "unknown store"), ("rdflib:/x", "lives in memory"), ("ftp://x", "unknown store")]
)
def test_a_bad_spec_says_what_is_possible(spec, message):
    with pytest.raises(SparqlError, match=message):
        parse_store_spec(spec)


def test_open_store_decides_the_store_from_the_spec(sparql_built, tmp_path: Path):
    assert isinstance(open_store("rdflib", graph=sparql_built.rdf), RdflibStore)
    assert isinstance(open_store(None, graph=sparql_built.rdf), OxigraphStore)
    assert isinstance(open_store("http://127.0.0.1:9/sparql"), EndpointStore)
    with pytest.raises(SparqlError, match="no Oxigraph store"):
        open_store(f"oxigraph:{tmp_path / 'missing'}")
    with pytest.raises(ValueError, match="needs the graph"):
        open_store("rdflib")


def test_the_graph_is_built_only_when_an_in_memory_store_needs_it(sparql_built, tmp_path: Path):
    asked = []

    def graph():
        asked.append(True)
        return sparql_built.rdf

    location = tmp_path / "kg.db"
    with (tmp_path / "one.nt").open("wb") as handle:
        handle.write(
            b"<https://w3id.org/mechkg/entity/A> <https://w3id.org/mechkg/vocab/p> <https://w3id.org/mechkg/entity/B> .\n"
        )
    with (tmp_path / "one.nt").open("rb") as handle:
        load_oxigraph(location, [(handle, ox.RdfFormat.N_TRIPLES)])
    assert int(open_store(f"oxigraph:{location}", graph=graph).query(COUNT).rows[0][0]) == 1
    assert asked == []
    assert int(open_store("oxigraph", graph=graph).query(COUNT).rows[0][0]) == len(sparql_built.rdf)
    assert asked == [True]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_spec_survives_pickling_and_opens_its_data_file(sparql_built, tmp_path: Path, engine):
    data = tmp_path / "graph.nt"
    sparql_built.rdf.serialize(data, format="nt", encoding="utf-8")
    spec = pickle.loads(pickle.dumps(StoreSpec(engine, data=data)))  # noqa: S301 - our own bytes
    store = spec.open()
    assert store.name == engine and int(store.query(COUNT).rows[0][0]) == len(sparql_built.rdf)


def test_a_spec_opens_a_persistent_store_or_an_endpoint(tmp_path: Path):
    with pytest.raises(SparqlError, match="no Oxigraph store"):
        StoreSpec("oxigraph", path=tmp_path / "missing").open()
    endpoint = StoreSpec("endpoint", url="http://127.0.0.1:9/sparql").open()
    assert isinstance(endpoint, EndpointStore) and endpoint.url == "http://127.0.0.1:9/sparql"
