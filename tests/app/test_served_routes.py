"""The served app's pages and their API over real HTTP: live pair paths, the editor at /sparql, the API description, headers."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from loopback import LoopbackServer
from sparql_fixture import CURATION, SOURCES

from mechkg.app.editor import EDITOR_CSP, STATIC_FILES
from mechkg.app.headers import DEFAULT_CSP, SECURITY_HEADERS, explorer_csp
from mechkg.app.openapi import openapi_document
from mechkg.app.routes import ServerConfig, create_app
from mechkg.app.store_spec import store_spec_for
from mechkg.query.pool import QueryPool

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
DISEASES = "SELECT ?d WHERE { ?d a mk:Disease } ORDER BY ?d"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from mechkg.network.built import build_graphs

    built = build_graphs(CURATION, sources_dir=SOURCES)
    pool = QueryPool(store_spec_for(None, built.rdf, tmp_path_factory.mktemp("served")), workers=1, timeout=5).start()
    app = create_app(ServerConfig(pool=pool, network=built.network))
    with LoopbackServer(app) as url:
        yield url
    pool.close()


def get(url: str, accept: str = "*/*") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback test server
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_pair_paths_answers_checks_ids_and_limits(served):
    status, headers, body = get(f"{served}/api/pair-paths?therapy=MSC_THERAPY&disease=SLE")
    assert status == 200 and headers["content-type"] == "application/json"
    assert json.loads(body) == {"therapy": "MSC_THERAPY", "disease": "SLE", "paths": []}  # the fixture joins no pair
    status, _, body = get(
        f"{served}/api/pair-paths?therapy={urllib.parse.quote('间充质干细胞移植')}&disease=sle"
    )  # names stand for ids
    assert status == 200 and json.loads(body)["therapy"] == "MSC_THERAPY"
    status, _, body = get(f"{served}/api/pair-paths?therapy=IL10&disease=SLE")
    assert status == 404 and json.loads(body) == {
        "error": "unknown therapy 'IL10': give the id of a therapy the paths panel lists",
        "therapy": "IL10",
    }
    for query, message in [("therapy=MSC_THERAPY", "give both"), ("therapy=MSC_THERAPY&disease=SLE&k=11", "k must be"),
                           ("therapy=MSC_THERAPY&disease=SLE&max_hops=x", "max_hops must be")]:  # fmt: skip
        status, _, body = get(f"{served}/api/pair-paths?{query}")
        assert status == 400 and message in json.loads(body)["error"]


def test_the_explorer_is_the_live_page_and_runs_only_its_own_scripts(served):
    status, headers, body = get(f"{served}/", BROWSER)
    page = body.decode()
    data = json.loads(re.search(r'<script type="application/json" id="mechkg-data">(.*?)</script>', page, re.DOTALL)[1])
    assert status == 200 and data["paths"] == []
    assert data["live"] == {"endpoint": "/api/pair-paths", "sparql": "/sparql", "api": "/api",
                            "therapies": ["MSC_EXO_THERAPY", "MSC_THERAPY"], "diseases": ["IBD", "MS", "SLE"]}  # fmt: skip
    policy = headers["content-security-policy"]
    assert policy == explorer_csp(page) and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        assert "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'" in policy


def test_sparql_gives_browsers_the_editor_and_clients_the_protocol(served):
    status, headers, body = get(f"{served}/sparql", BROWSER)
    assert status == 200 and headers["content-type"].startswith("text/html") and b'id="yasqe"' in body
    assert headers["content-security-policy"] == EDITOR_CSP and headers["vary"] == "Accept"
    status, _, body = get(f"{served}/sparql?query={urllib.parse.quote(DISEASES)}", BROWSER)
    data = json.loads(re.search(rb'id="editor-data">(.*?)</script>', body, re.DOTALL)[1])
    assert status == 200 and (data["query"], data["run"]) == (DISEASES, True)
    status, headers, body = get(f"{served}/sparql?query={urllib.parse.quote(DISEASES)}", "application/sparql-results+json")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    status, headers, body = get(f"{served}/sparql?format=csv&query={urllib.parse.quote(DISEASES)}", BROWSER)
    assert status == 200 and headers["content-type"].startswith("text/csv")  # ?format= names results: no editor
    status, headers, body = get(f"{served}/sparql")
    assert status == 400 and body.startswith(b"missing query")  # a client, not a browser: the protocol's answer
    status, _, _ = get(f"{served}/sparql?update={urllib.parse.quote('DELETE WHERE { ?s ?p ?o }')}", BROWSER)
    assert status == 403


def test_the_editors_files_and_the_api_description(served):
    for name, (_, media) in STATIC_FILES.items():
        status, headers, body = get(f"{served}/static/{name}")
        assert status == 200 and headers["content-type"] == media and body
    assert get(f"{served}/static/README.md")[0] == 404
    assert get(f"{served}/static/..%2Feditor.py")[0] == 404
    status, _, body = get(f"{served}/api/openapi.json")
    assert status == 200 and json.loads(body) == json.loads(json.dumps(openapi_document()))
    status, headers, body = get(f"{served}/api", BROWSER)
    assert status == 200 and b"GET /api/pair-paths" in body and "script-src" not in headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/", "/sparql", "/api", "/api/openapi.json", "/api/queries", "/api/entity/IL10",
                                  "/api/pair-paths", "/static/editor.js", "/nowhere"])  # fmt: skip
def test_every_answer_carries_the_security_headers(served, path):
    _, headers, _ = get(f"{served}{path}", BROWSER if path in ("/", "/sparql", "/api") else "*/*")
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == value, (path, name)
    if path not in ("/", "/sparql", "/api"):
        assert headers["content-security-policy"] == DEFAULT_CSP, path
