"""Choosing the store of `sparql` and `serve`: the graph is written only for an in-memory store."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from mechkg.app.store_spec import store_spec_for
from mechkg.query.sparql import SparqlError

NT = b"<https://w3id.org/mechkg/entity/SLE> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/mechkg/vocab/Disease> .\n"


def never() -> bytes:
    raise AssertionError("the graph was asked for although the store does not need it")


def test_an_endpoint_or_a_persistent_store_never_asks_for_the_graph(tmp_path: Path):
    assert store_spec_for("http://127.0.0.1:7878/query", never, tmp_path).url == "http://127.0.0.1:7878/query"
    assert store_spec_for(f"oxigraph:{tmp_path / 'kg'}", never, tmp_path).path == tmp_path / "kg"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("engine", [None, "oxigraph", "rdflib", "oxigraph:memory"])
def test_in_memory_stores_hold_the_given_graph(tmp_path: Path, engine: str | None):
    spec = store_spec_for(engine, lambda: NT, tmp_path)
    assert spec.data == tmp_path / "mechkg.nt" and spec.data.read_bytes() == NT
    rows = spec.open().query("SELECT ?d WHERE { ?d a mk:Disease }").rows
    assert [str(row[0]) for row in rows] == ["https://w3id.org/mechkg/entity/SLE"]


def test_an_rdflib_graph_or_bytes_are_accepted_too(tmp_path: Path):
    graph = Graph().parse(data=NT, format="nt")
    assert store_spec_for("rdflib", graph, tmp_path).data.read_bytes() == NT
    assert store_spec_for("rdflib", NT, tmp_path / "..").engine == "rdflib"
    assert (URIRef("https://w3id.org/mechkg/entity/SLE"), None, None) in graph


def test_an_unknown_store_is_a_sparql_error(tmp_path: Path):
    with pytest.raises(SparqlError, match="unknown store"):
        store_spec_for("postgres", never, tmp_path)
