"""The served app in a real browser (network cut but for the server): live paths, deep links, the SPARQL editor offline.

Named to run after test_guard.py and test_forms.py: while the session's Playwright browser is open, asyncio.run()
in this process fails (``cannot be called from a running event loop``), and those tests call it.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest
from loopback import LoopbackServer

from mechkg.app.routes import ServerConfig, create_app
from mechkg.app.store_spec import store_spec_for
from mechkg.query.pool import QueryPool
from tests.browser_session import Session

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(packaged_built, tmp_path_factory):
    pool = QueryPool(store_spec_for(None, packaged_built.rdf, tmp_path_factory.mktemp("app")), workers=1, timeout=10).start()
    with LoopbackServer(create_app(ServerConfig(pool=pool, network=packaged_built.network))) as url:
        yield url
    pool.close()


def fetch_json(url: str, accept: str = "application/json") -> dict:
    request = urllib.request.Request(url, headers={"Accept": accept})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback test server
        return json.loads(response.read())


def _shown(session: Session, url: str, therapy: str, disease: str) -> None:
    """The pair's paths are in the panel and on the graph, exactly those the endpoint answers."""
    session.page.wait_for_selector("html[data-live-paths=shown]", timeout=10_000)
    entry = fetch_json(f"{url}/api/pair-paths?therapy={therapy}&disease={disease}")
    assert entry["paths"], f"{therapy} reaches {disease} in the packaged graph"
    highlighted = session.js("window.mechkgExplorer.highlighted()")
    assert sorted(highlighted["edges"]) == sorted({e for p in entry["paths"] for e in p["edges"]})
    assert session.js("document.querySelectorAll('#panel section.path').length") == len(entry["paths"])
    assert session.js("document.getElementById('live-status').hidden")  # the "searching…" line is gone
    assert session.js("[document.getElementById('path-therapy').value, document.getElementById('path-disease').value]") == [
        therapy,
        disease,
    ]


def test_served_explorer_shows_live_paths_from_a_deep_link_and_the_choosers(browser, served, packaged_built):
    session = Session(browser, f"{served}/", "#paths=MSC_THERAPY%7CSLE", allow_origin=served)
    try:
        _shown(session, served, "MSC_THERAPY", "SLE")
        assert "Path 1" in session.panel_text()
        diseases = session.js("Array.from(document.querySelectorAll('#path-disease option')).map(o => o.value).filter(Boolean)")
        types = dict(packaged_built.network.nodes(data="type"))
        assert sorted(diseases) == sorted(n for n, t in types.items() if t == "Disease")  # every disease, not only the table's
        links = session.js(
            "Array.from(document.querySelectorAll('#live-links a')).map(a => [a.getAttribute('href'), a.textContent])"
        )
        assert links == [["/sparql", "SPARQL editor"], ["/api", "HTTP API"]]

        session.page.select_option("#path-disease", "RA")
        session.js("document.documentElement.dataset.livePaths = ''")
        session.page.select_option("#path-therapy", "MSC_THERAPY")
        _shown(session, served, "MSC_THERAPY", "RA")
        assert session.js("location.hash") == "#paths=MSC_THERAPY%7CRA"
        session.page.click("#lang-switch button[data-lang=zh-Hant]")
        assert (
            "路徑 1" in session.panel_text()
            and session.js("document.querySelector('#live-links a').textContent") == "SPARQL 查詢編輯器"
        )
    finally:
        session.close()


def test_served_editor_runs_a_named_query_offline(browser, served):
    session = Session(browser, f"{served}/sparql", allow_origin=served)
    try:
        page = session.page
        page.select_option("#example", "therapies-for-disease")
        text = session.js("window.mechkgEditor.query()")
        assert text.startswith("# Therapies that ameliorate a disease") and "PREFIX mk:" in text
        page.click(".yasqe_queryButton")
        page.wait_for_selector("html[data-results=shown]", timeout=15_000)
        expected = fetch_json(f"{served}/sparql?query={urllib.parse.quote(text)}", "application/sparql-results+json")
        rows = len(expected["results"]["bindings"])
        assert rows > 0 and session.js("window.mechkgEditor.rows()") == min(rows, 50)
        assert "mke:MSC_THERAPY" in page.inner_text("#yasr table")  # IRIs shown with the graph's prefixes
        assert session.js("document.querySelector('#topbar nav a').getAttribute('href')") == "/"
    finally:
        session.close()


def test_sparql_with_a_query_opens_in_the_editor_filled_in_and_run(browser, served, packaged_built):
    query = "SELECT ?d WHERE { ?d a mk:Disease } ORDER BY ?d"
    session = Session(browser, f"{served}/sparql?query={urllib.parse.quote(query)}", allow_origin=served)
    try:
        session.page.wait_for_selector("html[data-results=shown]", timeout=15_000)
        assert query in session.js("window.mechkgEditor.query()")
        diseases = sum(1 for _, t in packaged_built.network.nodes(data="type") if t == "Disease")
        assert session.js("window.mechkgEditor.rows()") == diseases
    finally:
        session.close()
