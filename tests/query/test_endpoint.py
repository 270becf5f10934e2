"""Remote endpoints: a real Oxigraph server and `mechkg serve` agree with embedded rdflib and Oxigraph on every named query.

The agreement tests start two servers (slow); the others need none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from loopback import LoopbackServer, free_port
from sparql_fixture import EXPECTED, EXPECTED_GRAPHS, comparable

from mechkg.app.server import ServerConfig, create_app, store_spec_for
from mechkg.query.endpoint import EndpointStore
from mechkg.query.named import named_queries, named_query, run_query
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.pool import QueryPool
from mechkg.query.rdflib_store import RdflibStore
from mechkg.query.sparql import SparqlError


@pytest.fixture(scope="module")
def built(sparql_built):
    return sparql_built


@pytest.fixture(scope="module")
def oxigraph_server(built, tmp_path_factory):
    """The Oxigraph server of the `oxigraph` PyPI package on a loopback port, filled by the Graph Store Protocol."""
    # the test environment's own scripts first: `scripts/test` runs pytest without activating the venv
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    binary = shutil.which("oxigraph", path=search)
    if binary is None:
        if os.environ.get("MECHKG_REQUIRE_TOOLS") == "1":
            pytest.fail("MECHKG_REQUIRE_TOOLS=1 but the oxigraph server (pip install oxigraph) is not installed")
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).close()  # noqa: S310 - loopback test server
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "oxigraph server did not start"
                time.sleep(0.1)
        request = urllib.request.Request(  # noqa: S310 - loopback test server
            f"{base}/store?default",
            data=built.rdf.serialize(format="nt", encoding="utf-8"),
            headers={"Content-Type": "application/n-triples"},
            method="PUT",
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback test server
            assert response.status in (200, 201, 204)
        yield f"{base}/query"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def mechkg_server(built, tmp_path_factory):
    pool = QueryPool(store_spec_for("rdflib", built.rdf, tmp_path_factory.mktemp("serve")), workers=1, timeout=30).start()
    with LoopbackServer(create_app(ServerConfig(pool=pool))) as url:
        yield f"{url}/sparql"
    pool.close()


@pytest.fixture(scope="module")
def stores(built, oxigraph_server, mechkg_server):
    return {
        "rdflib": RdflibStore(built.rdf),
        "oxigraph": OxigraphStore.from_graph(built.rdf),
        "oxigraph-server": EndpointStore(oxigraph_server),
        "mechkg-serve": EndpointStore(mechkg_server),
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_store_gives_the_same_answer(stores, name):
    params = (EXPECTED.get(name) or EXPECTED_GRAPHS[name])[0]
    answers = {label: comparable(run_query(store, named_query(name), params=params)) for label, store in stores.items()}
    reference = answers["rdflib"]
    assert reference, "the query must return something on the fixture, or agreement proves nothing"
    for label, answer in answers.items():
        assert answer == reference, f"{label} differs from rdflib on {name}"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["cytokines-by-therapy", "animal-only-claims", "flags"])
def test_optional_parameters_left_unbound_agree_too(stores, name):
    params = {k: v for k, v in EXPECTED[name][0].items() if k == "therapy"}
    answers = [comparable(run_query(store, named_query(name), params=params)) for store in stores.values()]
    assert all(answer == answers[0] for answer in answers)


@pytest.mark.slow
def test_entity_names_resolve_the_same_on_a_remote_endpoint(stores):
    assert stores["oxigraph-server"].resolve_entity("系統性紅斑狼瘡") == stores["rdflib"].resolve_entity("lupus")
    for store in stores.values():
        assert store.names.entries == stores["rdflib"].names.entries


def test_an_endpoint_is_an_http_url():
    with pytest.raises(SparqlError, match="http"):
        EndpointStore("file:///etc/passwd")


def test_an_unreachable_endpoint_is_an_error_naming_it():
    with pytest.raises(SparqlError, match=r"cannot reach endpoint http://127\.0\.0\.1:9/sparql"):
        EndpointStore("http://127.0.0.1:9/sparql", timeout=5).query("ASK { ?s ?p ?o }")


def test_an_endpoint_that_answers_no_results_json_is_an_error_not_a_crash(outbound_recorder):
    url, asked = outbound_recorder  # it answers 200 with an empty body
    with pytest.raises(SparqlError, match="did not answer SPARQL results JSON"):
        EndpointStore(url, timeout=5).query("SELECT * WHERE { ?s ?p ?o }")
    assert asked == ["/sparql"], "the query was sent, by POST, to the endpoint's own path"
