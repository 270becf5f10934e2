"""The worker pool: answers in any result format, a query past the time limit is cut off and its worker replaced.

Every test here starts worker processes (spawn), so all are slow.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from mechkg.query.pool import PoolBusy, QueryPool
from mechkg.query.sparql import QueryRefused, QueryTimeout, ResultTooLarge, SparqlError
from mechkg.query.stores import StoreSpec

pytestmark = pytest.mark.slow

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
DISEASES = "SELECT ?d WHERE { ?d a mk:Disease } ORDER BY ?d"


@pytest.fixture(scope="module")
def pool(sparql_built, tmp_path_factory):
    data = tmp_path_factory.mktemp("pool") / "graph.nt"
    sparql_built.rdf.serialize(data, format="nt", encoding="utf-8")
    pool = QueryPool(StoreSpec("rdflib", data=data), workers=1, timeout=3.0, max_results=50).start()
    yield pool
    pool.close()


def test_a_query_is_answered_in_the_asked_format(pool):
    kind, body = pool.run(DISEASES, "json")
    assert kind == "SELECT"
    assert [b["d"]["value"].rsplit("/", 1)[1] for b in json.loads(body)["results"]["bindings"]] == ["IBD", "MS", "SLE"]
    assert pool.run("ASK { mke:SLE a mk:Disease }", "table") == ("ASK", b"yes\n")


def test_a_refused_query_never_reaches_a_worker(pool):
    with pytest.raises(QueryRefused):
        pool.run("INSERT DATA { mke:A mk:increases mke:B }", "json")


def test_too_many_results_is_its_own_error(pool):
    with pytest.raises(ResultTooLarge, match="more than 50"):
        pool.run("SELECT * WHERE { ?s ?p ?o }", "json")


def test_a_query_past_the_time_limit_is_cut_off_and_its_worker_replaced(pool):
    restarts = pool.restarts
    with pytest.raises(QueryTimeout, match="time limit of 3 s"):
        pool.run(EXPENSIVE, "json")
    assert pool.restarts == restarts + 1
    deadline = time.monotonic() + 60
    while True:  # the replacement starts in the background; on a busy machine that takes a while
        try:
            assert pool.run(DISEASES, "csv")[0] == "SELECT", "the replacement worker answers"
            break
        except PoolBusy:
            assert time.monotonic() < deadline, "no worker came back"


def test_a_store_that_cannot_be_opened_fails_the_start(tmp_path: Path):
    with pytest.raises(SparqlError, match="could not open the store"):
        QueryPool(StoreSpec("oxigraph", path=tmp_path / "missing"), workers=1).start()
