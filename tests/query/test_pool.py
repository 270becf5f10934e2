"""The worker pool: answers in any result format, a query past the time limit is cut off and its worker replaced.

Every test here starts worker processes (spawn), so all are slow.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from mechkg.query.pool import PoolBusy, QueryPool
from mechkg.query.sparql import QueryRefused, QuerySyntaxError, QueryTimeout, ResultTooLarge, SparqlError
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


def test_a_refused_query_is_refused_by_the_worker_before_it_runs(pool):
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


# --- everything in the worker; limits in bytes and memory (issue #15 items 1-3) ------------------


def doubled(times: int, seed: int = 100) -> str:
    """One row: a string of ``seed * 10**times`` characters built with CONCAT (a 300-byte query)."""
    binds = ['BIND("' + "a" * seed + '" AS ?v0)']
    binds += [f"BIND(CONCAT({', '.join([f'?v{i}'] * 10)}) AS ?v{i + 1})" for i in range(times)]
    return f"SELECT ?v{times} WHERE {{ {' '.join(binds)} }}"


@pytest.fixture(scope="module")
def small_pool(sparql_built, tmp_path_factory):
    data = tmp_path_factory.mktemp("pool") / "graph.nt"
    sparql_built.rdf.serialize(data, format="nt", encoding="utf-8")
    pool = QueryPool(
        StoreSpec("oxigraph", data=data), workers=1, timeout=20.0, max_results=50, max_bytes=1_000_000, max_memory=150_000_000
    ).start()
    yield pool
    pool.close()


def test_nesting_and_size_limits_are_checked_in_the_worker(small_pool):
    from mechkg.query.sparql import MAX_NESTING, QueryTooComplex

    with pytest.raises(QueryTooComplex, match=f"limit is {MAX_NESTING} levels"):
        small_pool.run("SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }", "json")
    with pytest.raises(QuerySyntaxError):
        small_pool.run("SELECT * WHERE { ?s ?p", "json")


def test_the_format_is_chosen_by_query_form_in_the_worker(small_pool):
    from mechkg.query.pool import NotAcceptable

    formats = {"SELECT": "csv", "ASK": None, "CONSTRUCT": "nt", "DESCRIBE": "nt"}
    assert small_pool.run(DISEASES, formats)[1].startswith(b"d\r\n")
    with pytest.raises(NotAcceptable) as refused:
        small_pool.run("ASK { ?s ?p ?o }", formats)
    assert refused.value.kind == "ASK"


def test_an_answer_past_the_byte_limit_is_refused_in_every_form(small_pool):
    with pytest.raises(ResultTooLarge, match="1,000,000 bytes"):
        small_pool.run(doubled(4), "json")  # one row of 1 MB
    with pytest.raises(ResultTooLarge, match="more than 50"):
        small_pool.run("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "turtle")
    assert small_pool.run(DISEASES, "json")[0] == "SELECT"


def test_a_query_that_grows_its_worker_past_the_memory_limit_is_stopped_and_memory_settles(small_pool):
    import psutil

    def total_rss() -> int:
        return sum(psutil.Process(pid).memory_info().rss for pid in [os.getpid(), *small_pool.pids])

    small_pool.run(DISEASES, "json")
    baseline = total_rss()
    restarts = small_pool.restarts
    with pytest.raises(ResultTooLarge, match="memory"):
        small_pool.run(doubled(7), "json")  # one row of 1 GB, built by Oxigraph before any cap sees it
    assert small_pool.restarts == restarts + 1
    deadline = time.monotonic() + 60
    while True:  # the replacement worker starts in the background
        try:
            assert small_pool.run(DISEASES, "json")[0] == "SELECT"
            break
        except PoolBusy:
            assert time.monotonic() < deadline
    time.sleep(1)
    assert total_rss() < baseline + 100_000_000
