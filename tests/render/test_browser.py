"""The explorer page in a real browser: Playwright driving Debian's Chromium, network blocked.

(Two older checks at the end drive ``chromium --headless --dump-dom`` directly.)

Chromium is launched from its own binary (``/usr/bin/chromium`` or ``MECHKG_CHROMIUM``), never a
Playwright download. Without it these tests skip, saying how to install it; with
``MECHKG_REQUIRE_BROWSER=1`` (CI sets it) they fail instead. Every request that is not a
``file:`` or ``data:`` URL is aborted and recorded, and each test asserts that none was made.
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechkg.network.evidence import Xref
from mechkg.render.filters import disease_scope
from mechkg.render.overview import overview_nodes
from mechkg.render.page import write_explorer
from mechkg.render.path_records import PairRecords, pair_paths, pairs_on_page, path_record
from tests.browser_session import Session
from tests.conftest import MINI, MINI_SOURCES
from tests.render.page_fixture import XSS as PAGE_XSS
from tests.render.page_fixture import build_graph

pytestmark = pytest.mark.slow

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(2)</script>"
XSS = XSS_IMG + XSS_SCRIPT


# -- the packaged curation -------------------------------------------------------------------


@pytest.fixture(scope="module")
def packaged_page(
    tmp_path_factory: pytest.TempPathFactory, browser: Any, packaged_built: Any, packaged_table: Any
) -> tuple[Path, nx.MultiDiGraph, list[Any]]:
    G = packaged_built.network
    table = pair_paths(G, packaged_table)
    target = tmp_path_factory.mktemp("packaged") / "mechkg.html"
    write_explorer(G, target, paths=table)
    return target, G, table


def _search_first(session: Session, query: str) -> str:
    session.page.fill("#search", "")
    session.page.fill("#search", query)
    session.page.wait_for_selector("#search-results [role=option][data-id]")
    return str(session.page.get_attribute("#search-results [role=option][data-id]", "data-id"))


def _overview(G: nx.MultiDiGraph, table: list[Any]) -> set[str]:
    return set(overview_nodes(G, pairs_on_page(G, table)))


def test_packaged_page_opens_on_the_overview_and_renders_every_node_and_edge(browser: Any, packaged_page: Any) -> None:
    path, G, table = packaged_page
    session = Session(browser, path)
    overview = _overview(G, table)
    assert 40 <= len(overview) < G.number_of_nodes()
    assert set(session.js("() => mechkgExplorer.shownNodes()")) == overview
    assert session.js("() => mechkgExplorer.viewMode()") == "overview"
    session.page.click("#view-all")  # the whole graph, at the build's global positions
    assert session.js("() => mechkgExplorer.viewMode()") == "all"
    drawn = session.js("() => [mechkgExplorer.network.body.nodeIndices.length, mechkgExplorer.network.body.edgeIndices.length]")
    assert drawn == [G.number_of_nodes(), G.number_of_edges()]
    assert sorted(session.js("() => mechkgExplorer.shownNodes()")) == sorted(G.nodes)
    assert f"{G.number_of_nodes()} nodes · {G.number_of_edges()} edges shown" in session.page.inner_text("#status")
    session.close()


def test_packaged_search_in_both_languages(browser: Any, packaged_page: Any) -> None:
    path, _, _ = packaged_page
    session = Session(browser, path)
    assert _search_first(session, "Th17") == "TH17"
    assert _search_first(session, "Th17細胞") == "TH17"
    assert _search_first(session, "輔助性T細胞") == "HELPER_T_CELL"
    session.page.press("#search", "Enter")
    assert session.page.inner_text("#panel h2") == "helper T cell" or "HELPER_T_CELL" in session.panel_text()
    session.close()


def test_packaged_disease_filter_hides_unrelated_nodes(browser: Any, packaged_page: Any) -> None:
    path, G, _ = packaged_page
    disease = "IBD"
    scope = set(disease_scope(G)[disease])
    assert {"IBD", "UC", "CROHN"} <= scope  # IBD stands for itself and its narrower diseases (graph/queries/README.md)
    expected = {disease}
    for u, v, diseases in G.edges(data="diseases"):
        if scope.intersection(diseases or ()) or scope.intersection((u, v)):
            expected.update((u, v))
    session = Session(browser, path)
    session.page.select_option("#disease-filter", disease)
    shown = set(session.js("() => mechkgExplorer.shownNodes()"))
    assert shown == expected
    assert "SLE" not in shown and len(shown) < G.number_of_nodes()
    session.close()


def _click_edge(session: Session, edge_id: str) -> None:
    """Zoom onto an edge and click a point of it on the canvas where no node is."""
    point = session.js(
        """(edgeId) => {
          const net = mechkgExplorer.network;
          const [from, to] = [edgeId.split("|")[0], edgeId.split("|")[2]];
          net.fit({nodes: [from, to], animation: false});
          const pos = net.getPositions([from, to]);
          // a point where this edge alone is near (vis' click looks a little wider than getEdgeAt)
          const only = (dom) => [-2, 0, 2].every((dx) => [-2, 0, 2].every((dy) => {
            const p = {x: dom.x + dx, y: dom.y + dy};
            return net.getNodeAt(p) === undefined && net.getEdgeAt(p) === edgeId;
          }));
          for (let i = 4; i <= 96; i += 2) {
            const t = i / 100;
            const dom = net.canvasToDOM({x: pos[from].x + t * (pos[to].x - pos[from].x),
                                         y: pos[from].y + t * (pos[to].y - pos[from].y)});
            if (only(dom)) { return dom; }
          }
          return null;
        }""",
        edge_id,
    )
    assert point is not None, f"no free point on {edge_id}"
    box = session.page.locator("#graph canvas").bounding_box()
    session.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_packaged_clicking_an_edge_shows_its_quote(browser: Any, packaged_page: Any) -> None:
    path, G, _ = packaged_page
    edge = ("LET7F", "IL6", "decreases")
    assert G.has_edge(*edge), "the packaged curation should state that Let-7f decreases IL-6"
    claims = G.graph["claims"]
    quotes = [claims[c].quote for c in G.edges[edge]["claims"]]
    session = Session(browser, path)
    session.page.click("#view-all")
    _click_edge(session, "LET7F|decreases|IL6")
    text = session.panel_text()
    assert quotes and all(q in text for q in quotes)
    session.close()


def test_packaged_paths_panel_shows_an_sle_msc_path(browser: Any, packaged_page: Any) -> None:
    path, G, table = packaged_page
    msc_therapies = sorted(
        e["therapy"]
        for e in table
        if e["disease"] == "SLE" and "MSC" in e["therapy"] and G.nodes[e["therapy"]]["type"] == "Therapy"
    )
    assert msc_therapies, "the build found no mechanism path between SLE and an MSC therapy (is graph/paths/search.py there?)"
    therapy = "MSC_THERAPY" if "MSC_THERAPY" in msc_therapies else msc_therapies[0]
    session = Session(browser, path)
    session.page.select_option("#path-disease", "SLE")
    session.page.select_option("#path-therapy", therapy)
    session.page.wait_for_selector("#panel section.path")
    first = session.page.inner_text("#panel section.path")
    assert G.nodes[therapy]["label_en"] in first and G.nodes["SLE"]["label_en"] in first
    highlighted = session.js("() => mechkgExplorer.highlighted()")
    # the first path may start at a narrower MSC therapy (MSC mechanisms are on the agent, MSC)
    started = [n for n in highlighted["nodes"] if "MSC" in n and G.nodes[n]["type"] == "Therapy"]
    assert "SLE" in highlighted["nodes"] and started and highlighted["edges"]
    session.close()


def test_packaged_language_toggle(browser: Any, packaged_page: Any) -> None:
    path, G, _ = packaged_page
    session = Session(browser, path)
    assert session.js("(id) => mechkgExplorer.nodeLabel(id)", "SLE") == G.nodes["SLE"]["label_en"]
    session.page.click('#lang-switch [data-lang="zh-Hant"]')
    assert session.js("(id) => mechkgExplorer.nodeLabel(id)", "SLE") == "系統性紅斑狼瘡"
    assert session.js("() => document.documentElement.lang") == "zh-Hant"
    assert "疾病" in session.page.inner_text("#class-legend")
    session.page.click('#lang-switch [data-lang="en"]')
    assert session.js("(id) => mechkgExplorer.nodeLabel(id)", "TH17") == G.nodes["TH17"]["label_en"]
    session.close()


# -- focus mode: a node and its k-hop neighbourhood ------------------------------------------


def _neighbourhood(G: nx.MultiDiGraph, centre: str, k: int, keep_edge: Any = None) -> tuple[set[str], set[str]]:
    """The nodes at most ``k`` edges from ``centre`` (either direction) over the edges ``keep_edge``
    accepts, and the edges between them, as the page names them (``S|pred|O``)."""
    H = nx.MultiGraph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((u, v) for u, v, key, attrs in G.edges(keys=True, data=True) if keep_edge is None or keep_edge(attrs))
    nodes = set(nx.single_source_shortest_path_length(H, centre, cutoff=k))
    edges = {
        f"{u}|{key}|{v}"
        for u, v, key, attrs in G.edges(keys=True, data=True)
        if u in nodes and v in nodes and (keep_edge is None or keep_edge(attrs))
    }
    return nodes, edges


def _shown(session: Session) -> tuple[set[str], set[str]]:
    return set(session.js("() => mechkgExplorer.shownNodes()")), set(session.js("() => mechkgExplorer.shownEdges()"))


def test_packaged_focus_mode_shows_the_k_hop_neighbourhood(browser: Any, packaged_page: Any) -> None:
    path, G, _ = packaged_page
    one_hop, one_hop_edges = _neighbourhood(G, "TH17", 1)
    two_hops, two_hop_edges = _neighbourhood(G, "TH17", 2)
    direct = set(G.successors("TH17")) | set(G.predecessors("TH17"))
    assert one_hop == {"TH17"} | direct  # the expectation itself: TH17 and its direct neighbours
    assert len(one_hop) < len(two_hops) < G.number_of_nodes()
    session = Session(browser, path)
    assert session.page.is_hidden("#focus-bar")
    assert _search_first(session, "Th17") == "TH17"
    session.page.press("#search", "Enter")
    assert session.page.input_value("#panel .focus-box select") == "1"  # default depth
    session.page.click("#panel .focus-box button")
    assert session.js("() => mechkgExplorer.focused()") == {"id": "TH17", "k": 1}
    assert _shown(session) == (one_hop, one_hop_edges)
    drawn = session.js("() => [mechkgExplorer.network.body.nodeIndices.length, mechkgExplorer.network.body.edgeIndices.length]")
    assert drawn == [len(one_hop), len(one_hop_edges)]
    status = session.page.inner_text("#status")
    assert f"{len(one_hop)} of {G.number_of_nodes()} nodes · {len(one_hop_edges)} edges shown" in status
    assert session.page.is_visible("#focus-bar") and G.nodes["TH17"]["label_en"] in session.page.inner_text("#focus-bar")
    assert session.js("() => location.hash") == "#focus=TH17&k=1"
    # a deeper neighbourhood from the top bar's selector
    session.page.select_option("#focus-bar select", "2")
    assert _shown(session) == (two_hops, two_hop_edges)
    assert f"{len(two_hops)} of {G.number_of_nodes()} nodes" in session.page.inner_text("#status")
    assert session.page.input_value("#panel .focus-box select") == "2"
    assert session.js("() => location.hash") == "#focus=TH17&k=2"
    # an edge chosen in focus keeps the focus in the link
    session.page.click("#panel ul li button.ref")
    link = session.js("() => location.hash")
    assert link.startswith("#edge=") and link.endswith("&focus=TH17&k=2")
    assert session.js("() => mechkgExplorer.focused()") == {"id": "TH17", "k": 2}
    assert _shown(session) == (two_hops, two_hop_edges)
    # bilingual controls
    session.page.click('#lang-switch [data-lang="zh-Hant"]')
    assert "聚焦" in session.page.inner_text("#focus-bar") and "離開聚焦" in session.page.inner_text("#focus-bar")
    assert f"顯示 {len(two_hops)}/{G.number_of_nodes()} 個節點" in session.page.inner_text("#status")
    session.page.click('#lang-switch [data-lang="en"]')
    # leaving the focus goes back to the view it left (the overview); the whole graph is one click away
    session.page.click("#focus-exit")
    assert session.js("() => mechkgExplorer.focused()") is None
    assert session.page.is_hidden("#focus-bar")
    assert session.js("() => mechkgExplorer.viewMode()") == "overview" and "TH17" in _shown(session)[0]
    session.page.click("#view-all")
    assert _shown(session) == (set(G.nodes), {f"{u}|{k}|{v}" for u, v, k in G.edges(keys=True)})
    assert f"{G.number_of_nodes()} nodes · {G.number_of_edges()} edges shown" in session.page.inner_text("#status")
    session.close()


def test_packaged_focus_respects_the_filters(browser: Any, packaged_page: Any) -> None:
    path, G, _ = packaged_page

    def not_positive(attrs: dict[str, Any]) -> bool:
        return not (attrs.get("sign") or 0) > 0

    expected = _neighbourhood(G, "TH17", 2, not_positive)
    assert expected != _neighbourhood(G, "TH17", 2)  # the filter matters for this neighbourhood
    session = Session(browser, path, "#node=TH17")
    session.page.locator("#sign-legend input").nth(0).uncheck()  # positive (+1) edges off
    session.page.select_option("#panel .focus-box select", "2")
    session.page.click("#panel .focus-box button")
    assert _shown(session) == expected
    session.page.click("#reset")  # the filters back: the focus stays, over every edge
    assert _shown(session) == _neighbourhood(G, "TH17", 2)
    session.close()


def test_packaged_focus_deep_link(browser: Any, packaged_page: Any) -> None:
    path, G, _ = packaged_page
    session = Session(browser, path, "#focus=TH17&k=2")
    assert session.js("() => mechkgExplorer.focused()") == {"id": "TH17", "k": 2}
    assert _shown(session) == _neighbourhood(G, "TH17", 2)
    assert session.page.inner_text("#panel h2") == G.nodes["TH17"]["label_en"]
    # a selection with a focus; then a link without a focus leaves it
    session.page.goto(path.as_uri() + "#edge=LET7F%7Cdecreases%7CIL6&focus=IL6&k=1")
    session.page.wait_for_function("() => mechkgExplorer.focused() && mechkgExplorer.focused().id === 'IL6'")
    assert _shown(session) == _neighbourhood(G, "IL6", 1)
    claims = G.graph["claims"]
    assert all(claims[c].quote in session.panel_text() for c in G.edges["LET7F", "IL6", "decreases"]["claims"])
    session.page.goto(path.as_uri() + "#node=SLE")
    session.page.wait_for_function("() => mechkgExplorer.focused() === null")
    assert set(session.js("() => mechkgExplorer.shownNodes()")) == _overview(G, packaged_page[2])
    # an unknown id or a silly depth does no harm
    session.page.goto(path.as_uri() + "#focus=NO_SUCH_NODE&k=2")
    session.page.goto(path.as_uri() + "#focus=SLE&k=99")
    session.page.wait_for_function("() => mechkgExplorer.focused() !== null")
    assert session.js("() => mechkgExplorer.focused()") == {"id": "SLE", "k": 3}
    assert _shown(session) == _neighbourhood(G, "SLE", 3)
    session.close()


# -- the mini fixture: paths panel and XSS probes ---------------------------------------------


@pytest.fixture(scope="module")
def mini_graph() -> nx.MultiDiGraph:
    from mechkg.network.built import build_graphs

    return build_graphs(MINI, sources_dir=MINI_SOURCES).network


MINI_PATH = [("LET7F", "decreases", "IL6"), ("IL6", "increases", "TH17"), ("TH17", "contributesTo", "SLE")]


def test_mini_paths_panel_and_deep_link(tmp_path: Path, browser: Any, mini_graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "mini.html"
    table: list[PairRecords] = [
        {"therapy": "MSC_THERAPY", "disease": "SLE", "paths": [{**path_record(mini_graph, MINI_PATH), "score": 0.7}]}
    ]
    write_explorer(mini_graph, target, paths=table)
    session = Session(browser, target, "#paths=MSC_THERAPY%7CSLE")
    text = session.page.inner_text("#panel section.path")
    claims = mini_graph.graph["claims"]
    for u, v, k in ((u, v, k) for u, k, v in MINI_PATH):
        for cid in mini_graph.edges[u, v, k]["claims"]:
            assert claims[cid].quote in text  # every hop with its evidence
    assert "counteracts" in text  # -1 * +1 * +1
    assert sorted(session.js("() => mechkgExplorer.highlighted().edges")) == sorted(f"{u}|{k}|{v}" for u, k, v in MINI_PATH)
    assert "ameliorates" in session.page.inner_text("#panel .observed")  # the direct edge beside the paths
    # edge colour and arrow head by sign, as the page drew them
    drawn = session.js(
        "() => ['LET7F|decreases|IL6', 'IL6|increases|TH17'].map(id => mechkgExplorer.network.body.data.edges.get(id))"
        ".map(e => [e.color.color, e.arrows.to.type])"
    )
    assert drawn == [["#d7191c", "bar"], ["#1a9641", "arrow"]]
    session.close()


def test_mini_highlight_paths_open_the_panel(tmp_path: Path, browser: Any, mini_graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "highlight.html"
    write_explorer(mini_graph, target, highlight_paths=[["LET7F", "IL6", "TH17", "SLE"]])
    session = Session(browser, target)
    assert session.page.locator("#panel section.path").count() == 1
    assert session.page.is_visible("#highlight-toggle")
    session.close()


def _probed(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = copy.deepcopy(G)
    H.nodes["TH17"]["label_en"] = "Th17 " + XSS
    H.nodes["TH17"]["label_zh"] = "Th17細胞 " + XSS
    H.nodes["IL6"]["xrefs"] = (Xref("HGNC:" + XSS, "exact", "javascript:alert(3)", XSS),)
    claim_id = H.edges["LET7F", "IL6", "decreases"]["claims"][0]
    claim = H.graph["claims"][claim_id]
    H.graph["claims"][claim_id] = dataclasses.replace(claim, quote="引述 " + XSS, notes="note " + XSS)
    source = H.graph["sources"][claim.source]
    H.graph["sources"][claim.source] = dataclasses.replace(source, title_en="title " + XSS, title_zh="標題 " + XSS)
    return H


def test_xss_probes_stay_inert_in_the_browser(tmp_path: Path, browser: Any, mini_graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "probed.html"
    write_explorer(_probed(mini_graph), target, title="MechKG " + XSS, highlight_paths=[["LET7F", "IL6", "TH17"]])
    injected = "() => [document.querySelectorAll('img').length, document.scripts.length, window.__xss === undefined]"
    session = Session(browser, target, "#edge=LET7F%7Cdecreases%7CIL6")
    text = session.panel_text()
    assert "引述 " + XSS in text and "note " + XSS in text and "title " + XSS in text  # shown literally
    session.page.goto(target.as_uri() + "#node=IL6")
    session.page.wait_for_selector("html[data-ready=true]")
    assert "HGNC:" + XSS in session.panel_text()
    assert session.page.locator("#panel a[href^=javascript]").count() == 0
    session.page.goto(target.as_uri() + "#node=TH17")
    session.page.wait_for_selector("html[data-ready=true]")
    assert "Th17 " + XSS in session.page.inner_text("#panel h2")
    assert _search_first(session, "Th17") == "TH17"
    assert XSS in session.page.inner_text("#search-results")
    session.page.click('#lang-switch [data-lang="zh-Hant"]')
    assert "Th17細胞 " + XSS in session.page.inner_text("#panel h2")
    session.page.click("#panel .focus-box button")  # focus mode names the probed node in the top bar
    assert "Th17細胞 " + XSS in session.page.inner_text("#focus-bar")
    # hover the probed node so that vis-network shows its tooltip
    dom = session.js(
        "() => { const n = mechkgExplorer.network; n.focus('TH17', {scale: 1.5}); return n.canvasToDOM(n.getPositions(['TH17']).TH17); }"
    )
    box = session.page.locator("#graph canvas").bounding_box()
    session.page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    session.page.wait_for_timeout(500)
    assert session.js(injected) == [0, 3, True]
    assert session.page.title() == "MechKG " + XSS
    assert session.dialogs == []
    session.close()


# -- chromium --dump-dom: the page without Playwright ---------------------------------------------


def _chromium_on_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


# Drives the page like a reader: switch to Chinese, search, open the first hit, filter by disease.
_DRIVER = """<script>
window.addEventListener("load", function () {
  document.querySelector('#lang-switch [data-lang="zh-Hant"]').click();
  var search = document.getElementById("search");
  search.value = "紅斑";
  search.dispatchEvent(new Event("input"));
  var hits = document.querySelectorAll("#search-results [role=option][data-id]");
  document.body.setAttribute("data-hits", String(hits.length));
  hits[0].click();
  var select = document.getElementById("disease-filter");
  select.value = "SLE";
  select.dispatchEvent(new Event("change"));
  document.body.setAttribute("data-status", document.getElementById("status").textContent);
  document.body.setAttribute("data-done", "yes");
});
</script>
"""


def _dump_dom(page: Path, url_suffix: str = "") -> str:
    chromium = _chromium_on_path()
    assert chromium is not None
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri() + url_suffix,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.skipif(_chromium_on_path() is None, reason="no chromium to render the page")
def test_page_works_in_headless_chromium(tmp_path: Path) -> None:
    graph = build_graph()
    target = tmp_path / "explorer.html"
    write_explorer(graph, target)
    dom = _dump_dom(target, "#node=STUDY_SLE_UCMSC")
    assert "40名患者接受臍帶間充質干細胞輸注" in dom and "SLEDAI評分顯著下降" in dom  # arms and figures tables
    dom = _dump_dom(target, "#edge=" + "TH17|contributesTo|SLE".replace("|", "%7C"))
    assert "<canvas" in dom  # vis-network drew
    assert "系統性紅斑狼瘡" in dom  # the disease filter was filled from the data
    assert "Th17細胞促進SLE發病" in dom and "Th17 cells drive SLE." in dom  # the deep-linked edge's claim

    driven = tmp_path / "driven.html"
    driven.write_text(target.read_text(encoding="utf-8").replace("</body>", _DRIVER + "</body>"), encoding="utf-8")
    dom = _dump_dom(driven)
    assert 'data-done="yes"' in dom
    assert 'data-hits="1"' in dom  # 紅斑 matches the zh label and synonym of SLE only
    assert '<h2 lang="zh-Hant">系統性紅斑狼瘡</h2>' in dom  # panel in Chinese
    assert 'data-status="顯示 6 個節點 · 5 條邊"' in dom  # filtered to the SLE context


@pytest.mark.skipif(_chromium_on_path() is None, reason="no chromium to render the page")
def test_xss_probe_stays_text_in_the_browser(tmp_path: Path) -> None:
    target = tmp_path / "explorer.html"
    write_explorer(build_graph(probe=PAGE_XSS), target, title=PAGE_XSS)
    dom = _dump_dom(target, "#node=TH17")
    assert "<img" not in dom
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom  # shown as text in the panel


def test_ids_that_name_object_builtins_are_data(tmp_path: Path, browser: Any) -> None:
    """An entity called ``constructor`` or ``toString`` is looked up as itself, never as a built-in."""
    from mechkg.network.built import build_graphs

    curation = tmp_path / "curation"
    shutil.copytree(MINI, curation)
    renames = {"TH17": "constructor", "IL6": "toString"}
    for path in curation.rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for number, line in enumerate(lines):
            key = line.split(":", 1)[0].strip(" -")
            if key in ("id", "subject", "object") and line.split(":", 1)[1].strip() in renames:
                lines[number] = line.replace(line.split(":", 1)[1].strip(), renames[line.split(":", 1)[1].strip()])
        path.write_text("".join(lines), encoding="utf-8")
    G = build_graphs(curation, sources_dir=MINI_SOURCES).network
    assert {"constructor", "toString"} <= set(G)
    target = tmp_path / "builtins.html"
    write_explorer(G, target)
    for node, label in (("constructor", "T-helper 17 cell"), ("toString", "interleukin-6")):
        session = Session(browser, target, f"#node={node}")
        assert label in session.page.inner_text("#panel"), node
        assert session.js(f"() => mechkgExplorer.nodeLabel('{node}')")
        session.close()
    session = Session(browser, target, "#focus=constructor&k=1")
    assert "constructor" in session.js("() => mechkgExplorer.shownNodes()")
    session.close()
