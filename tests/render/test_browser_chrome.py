"""The explorer's chrome in a real browser: screens of every size, deep links, search, the table view, axe-core.

Playwright drives Debian's Chromium on the packaged graph with the network blocked
(tests/browser_session.py). The accessibility checks inject axe-core from npm
(tests/browser/node_modules, installed by ``scripts/test`` with ``npm ci``); without it they skip,
saying so, unless MECHKG_REQUIRE_BROWSER=1. None of these tests depends on how many nodes the
first view draws.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechkg.render.page import write_explorer
from mechkg.render.path_records import pair_paths
from tests.browser_session import Session, unavailable

pytestmark = pytest.mark.slow

AXE = Path(__file__).resolve().parents[1] / "browser" / "node_modules" / "axe-core" / "axe.min.js"


def label_drawn(session: Session, node: str) -> bool:
    """Whether the label grid drew ``node``'s label (at >= 11 px) in the last frame."""
    labels = session.js("() => mechkgExplorer.drawnLabels()")
    return any(label["id"] == node and label["fontPx"] >= 11 for label in labels)


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory, packaged_built: Any, packaged_table: Any) -> tuple[Path, nx.MultiDiGraph]:
    G = packaged_built.network
    target = tmp_path_factory.mktemp("chrome") / "mechkg.html"
    write_explorer(G, target, paths=pair_paths(G, packaged_table))
    return target, G


def axe_violations(session: Session) -> list[str]:
    """The serious and critical axe-core violations of the page as it is now, one line each."""
    if not AXE.is_file():
        unavailable("axe-core is not installed: run `npm ci --prefix tests/browser` (scripts/test does)")
    if not session.js("() => typeof window.axe !== 'undefined'"):
        session.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = session.page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ["violations"]});
          return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
        }"""
    )
    return list(found)


def graph_share(session: Session) -> float:
    """The share of the viewport that the graph area takes, after checking that vis-network drew into it."""
    box = session.page.locator("#graph").bounding_box()
    canvas = session.page.locator("#graph canvas").bounding_box()
    assert canvas is not None and canvas["width"] > 0 and canvas["height"] > 0
    view = session.page.viewport_size
    return box["width"] * box["height"] / (view["width"] * view["height"])


def node_on_screen(session: Session, node: str) -> dict[str, float]:
    """Where ``node`` is drawn, in page pixels, with the view's scale; asserts that it is inside the graph area."""
    session.page.wait_for_function(  # any view animation has ended: the view is still for 150 ms
        """() => new Promise((done) => {
          const net = mechkgExplorer.network, scale = net.getScale(), at = net.getViewPosition();
          setTimeout(() => done(net.getScale() === scale && net.getViewPosition().x === at.x), 150);
        })"""
    )
    where = session.js(
        """(id) => {
          const net = mechkgExplorer.network;
          const dom = net.canvasToDOM(net.getPositions([id])[id]);
          const box = document.getElementById("graph").getBoundingClientRect();
          return {x: box.left + dom.x, y: box.top + dom.y, scale: net.getScale(),
                  inside: dom.x >= 0 && dom.y >= 0 && dom.x <= box.width && dom.y <= box.height};
        }""",
        node,
    )
    assert where["inside"], f"{node} is outside the graph area: {where}"
    return where


def open_drawer(session: Session, drawer: str) -> bool:
    return bool(session.js("(id) => !document.getElementById(id).classList.contains('closed')", drawer))


# -- any screen ------------------------------------------------------------------------------


def test_phone_graph_drawers_touch_and_axe(browser: Any, page_path: Any) -> None:
    path, G = page_path
    session = Session(browser, path, viewport=(390, 844))
    assert not open_drawer(session, "controls") and not open_drawer(session, "panel-drawer")
    assert graph_share(session) >= 0.6
    assert session.page.is_visible("#search")
    assert session.js("() => getComputedStyle(document.getElementById('graph')).touchAction") == "none"
    assert axe_violations(session) == []
    # the filters drawer by keyboard: open, focus inside, Escape closes and gives the focus back
    session.page.focus("#toggle-controls")
    session.page.keyboard.press("Enter")
    assert open_drawer(session, "controls") and session.js("() => document.activeElement.closest('#controls') !== null")
    assert session.page.get_attribute("#toggle-controls", "aria-expanded") == "true"
    session.page.keyboard.press("Escape")
    assert not open_drawer(session, "controls")
    assert session.js("() => document.activeElement.id") == "toggle-controls"
    # touch: a one-finger drag pans the drawing, a pinch zooms it (not the page). The drag comes
    # first: after CDP's synthesized pinch, vis-network's gesture recogniser sometimes takes the next
    # synthetic one-finger drag for the rest of the pinch (not seen with real fingers).
    view = "() => [mechkgExplorer.network.getScale(), mechkgExplorer.network.getViewPosition().x, visualViewport.scale]"
    scale, x, _ = session.js(view)
    cdp = session.context.new_cdp_session(session.page)
    # a finger put down on a node would drag the node: start where there is none (an edge does not move)
    free = session.js(
        """() => {
          const net = mechkgExplorer.network, box = document.getElementById("graph").getBoundingClientRect();
          for (let y = 300; y < 600; y += 20) {
            for (let x = 60; x < 200; x += 20) {
              const at = {x: x - box.left, y: y - box.top};
              if (net.getNodeAt(at) === undefined) { return [x, y]; }
            }
          }
          return null;
        }"""
    )
    assert free is not None
    start_x, start_y = free
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start_x, "y": start_y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": start_x + 12 * step, "y": start_y}]})
        session.page.wait_for_timeout(16)  # a finger moves over time (one frame a step)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    assert session.js(view)[1] < x - 60 / scale  # dragged right: the view moved left
    cdp.send("Input.synthesizePinchGesture", {"x": 195, "y": 400, "scaleFactor": 2, "gestureSourceType": "touch"})
    zoomed, _, page_zoom = session.js(view)
    assert zoomed > 1.5 * scale and page_zoom == 1
    # tap a node: it is selected and the details open as a small sheet over the graph
    where = session.js(
        """() => {
          const net = mechkgExplorer.network;
          net.focus("SLE", {scale: 1.5, animation: false});
          const dom = net.canvasToDOM(net.getPositions(["SLE"]).SLE);
          const box = document.getElementById("graph").getBoundingClientRect();
          return {x: box.left + dom.x, y: box.top + dom.y, hit: net.getNodeAt(dom)};
        }"""
    )
    assert where["hit"] == "SLE"
    session.page.touchscreen.tap(where["x"], where["y"])
    session.page.wait_for_function("() => location.hash === '#node=SLE'")
    assert session.page.inner_text("#panel h2") == G.nodes["SLE"]["label_en"]
    assert open_drawer(session, "panel-drawer")
    sheet = session.page.locator("#panel-drawer").bounding_box()
    assert sheet["height"] <= 0.5 * 844 and sheet["width"] == 390  # a summary: the graph stays in view above it
    assert axe_violations(session) == []
    session.page.click("#panel-more")  # more: the sheet grows
    assert session.page.locator("#panel-drawer").bounding_box()["height"] > sheet["height"]
    assert session.page.get_attribute("#panel-more", "aria-expanded") == "true"
    session.page.tap("#panel-drawer .drawer-close")
    assert not open_drawer(session, "panel-drawer")
    session.page.tap("#toggle-controls")
    assert open_drawer(session, "controls")
    session.page.tap("#controls .drawer-close")
    assert not open_drawer(session, "controls")
    session.close()


def test_small_and_wide_screens(browser: Any, page_path: Any) -> None:
    path, _ = page_path
    session = Session(browser, path, viewport=(800, 600))
    assert not open_drawer(session, "controls") and not open_drawer(session, "panel-drawer")
    assert graph_share(session) >= 0.6
    session.page.click("#toggle-panel")  # a drawer slides over the graph; the graph keeps its size
    assert open_drawer(session, "panel-drawer") and graph_share(session) >= 0.6
    session.page.click("#toggle-controls")  # one drawer at a time on a narrow screen
    assert open_drawer(session, "controls") and not open_drawer(session, "panel-drawer")
    session.close()

    session = Session(browser, path, viewport=(1400, 900))
    assert open_drawer(session, "controls") and open_drawer(session, "panel-drawer")  # three columns
    assert axe_violations(session) == []  # on load
    width = session.page.locator("#graph canvas").bounding_box()["width"]
    session.page.click("#toggle-controls")
    session.page.click("#toggle-panel")
    assert not open_drawer(session, "controls") and not open_drawer(session, "panel-drawer")
    session.page.wait_for_function(
        "(w) => document.querySelector('#graph canvas').getBoundingClientRect().width > w + 400", arg=width
    )
    assert session.page.locator("#graph canvas").bounding_box()["width"] == 1400
    session.page.click("#toggle-panel")
    assert open_drawer(session, "panel-drawer")
    session.close()


# -- deep links ------------------------------------------------------------------------------


def _follow(session: Session, path: Path, fragment: str, ready: str) -> None:
    session.page.goto(path.as_uri() + fragment)
    session.page.wait_for_function(ready)


def test_deep_links_restore_and_centre(browser: Any, page_path: Any) -> None:
    path, G = page_path
    # every new key at once, on opening
    link = "#node=SLE&lang=zh-Hant&disease=SLE&hide=Drug,NoSuchClass&signs=-1,1&evidence=human_trial,structural&table=1&bogus=1"
    session = Session(browser, path, link)
    state = session.js(
        """() => ({lang: document.documentElement.lang, disease: document.getElementById("disease-filter").value,
                   hidden: Array.from(document.querySelectorAll("#class-legend input")).filter(b => !b.checked).length,
                   signs: Array.from(document.querySelectorAll("#sign-legend input")).map(b => b.checked),
                   table: !document.getElementById("table-view").hidden, hash: location.hash})"""
    )
    assert state["lang"] == "zh-Hant" and state["disease"] == "SLE" and state["hidden"] == 1 and state["table"]
    assert state["signs"] == [True, True, False]  # positive, negative shown; unsigned hidden
    assert session.page.inner_text("#panel h2") == G.nodes["SLE"]["label_zh"]
    assert state["hash"] == "#node=SLE&lang=zh-Hant&disease=SLE&hide=Drug&signs=-1,1&evidence=human_trial,structural&table=1"
    shown = set(session.js("() => mechkgExplorer.shownNodes()"))
    assert "SLE" in shown and not any(G.nodes[n]["type"] == "Drug" for n in shown)
    node_on_screen(session, "SLE")
    assert label_drawn(session, "SLE")

    # the old forms, followed as the address changes
    _follow(session, path, "#node=TH17", "() => location.hash === '#node=TH17'")
    assert session.js("() => document.documentElement.lang") == "en"  # the page's own language again
    node_on_screen(session, "TH17")
    assert label_drawn(session, "TH17")
    assert len(session.js("() => mechkgExplorer.shownNodes()")) > len(shown)  # the filters of the last link are gone
    _follow(session, path, "#edge=LET7F%7Cdecreases%7CIL6", "() => location.hash.startsWith('#edge=')")
    quotes = [G.graph["claims"][c].quote for c in G.edges["LET7F", "IL6", "decreases"]["claims"]]
    assert all(q in session.panel_text() for q in quotes)
    node_on_screen(session, "LET7F")
    node_on_screen(session, "IL6")
    _follow(session, path, "#focus=TH17&k=2", "() => mechkgExplorer.focused() && mechkgExplorer.focused().k === 2")
    node_on_screen(session, "TH17")
    assert label_drawn(session, "TH17")
    pair = session.js("() => Array.from(document.querySelectorAll('#path-therapy option')).length")
    assert pair == 1  # no disease chosen: no therapy offered yet
    _follow(session, path, "#paths=MSC_THERAPY%7CSLE", "() => mechkgExplorer.highlighted().edges.length > 0")
    assert session.page.locator("#panel section.path").count() > 0
    for node in session.js("() => mechkgExplorer.highlighted().nodes"):
        node_on_screen(session, node)
    # garbage does no harm
    _follow(session, path, "#node=NO_SUCH&lang=xx&k=zz&disease=%E0%A4", "() => location.hash === ''")
    # state changes write the link
    session.page.click('#lang-switch [data-lang="zh-Hant"]')
    session.page.locator("#class-legend input").nth(0).uncheck()
    session.page.select_option("#disease-filter", "SLE")
    hash_now = session.js("() => location.hash")
    first_class = session.js("() => document.querySelector('#class-legend label').title")
    assert hash_now == f"#lang=zh-Hant&disease=SLE&hide={first_class}"
    session.close()


# -- search ----------------------------------------------------------------------------------


def _results(session: Session, query: str) -> list[str]:
    session.page.fill("#search", query)
    return list(
        session.js("() => Array.from(document.querySelectorAll('#search-results [role=option][data-id]')).map(o => o.dataset.id)")
    )


def test_search_variants_listbox_and_table(browser: Any, page_path: Any) -> None:
    path, G = page_path
    session = Session(browser, path)
    standard, article, simplified = (_results(session, q) for q in ("間充質幹細胞", "間充質干細胞", "间充质干细胞"))
    assert standard == article == simplified and len(standard) >= 20
    assert _results(session, "系統性紅斑狼瘡")[0] == "SLE" and _results(session, "系统性红斑狼疮")[0] == "SLE"
    assert _results(session, "il6")[0] == "IL6" and _results(session, "IL-6")[0] == "IL6"
    tnf = _results(session, "TNF-α")
    assert tnf and tnf == _results(session, "TNF-alpha") and tnf == _results(session, "tnf alpha")
    # each result names its class
    first = session.page.locator("#search-results [role=option]").first
    legend = session.js(
        "(type) => document.querySelector(`#class-legend label[title='${type}']`).childNodes[2].textContent",
        G.nodes[tnf[0]]["type"],
    )
    assert first.locator(".cls").inner_text().strip().endswith(legend)

    # the combobox and its listbox
    box = session.page.locator("#search")
    found = _results(session, "interleukin")
    assert len(found) > 3
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "search-results"
    assert session.page.get_attribute("#search-results", "role") == "listbox"
    session.page.press("#search", "ArrowDown")
    session.page.press("#search", "ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert session.page.get_attribute(f"#{active}", "aria-selected") == "true"
    assert session.page.get_attribute(f"#{active}", "data-id") == found[1]
    session.page.press("#search", "ArrowUp")
    assert session.page.get_attribute(f"#{box.get_attribute('aria-activedescendant')}", "data-id") == found[0]
    session.page.press("#search", "End")
    assert (
        session.page.get_attribute(f"#{box.get_attribute('aria-activedescendant')}", "data-id") == found[min(len(found), 30) - 1]
    )
    session.page.press("#search", "Home")
    session.page.press("#search", "ArrowDown")
    session.page.press("#search", "Enter")
    assert box.get_attribute("aria-expanded") == "false" and session.page.is_hidden("#search-results")
    assert session.js("() => location.hash") == f"#node={found[1]}"
    node_on_screen(session, found[1])
    assert label_drawn(session, found[1])
    _results(session, "interleukin")
    session.page.press("#search", "Escape")
    assert session.page.is_hidden("#search-results") and box.get_attribute("aria-expanded") == "false"
    _results(session, "Th17")
    session.page.click("#search-results [role=option][data-id='TH17']")  # the mouse
    assert session.js("() => location.hash") == "#node=TH17"
    assert axe_violations(session) == []  # a node's panel open

    # the table view: the shown nodes and edges as text, rows that select
    session.page.focus("#toggle-table")
    session.page.keyboard.press("Enter")
    assert session.page.is_visible("#table-view") and session.js("() => location.hash").endswith("&table=1")
    assert session.js("() => document.activeElement.id") == "table-title"
    shown_nodes = session.js("() => mechkgExplorer.shownNodes().length")
    shown_edges = session.js("() => mechkgExplorer.shownEdges().length")
    rows = session.page.locator("#table-view table.nodes tbody tr").count()
    assert rows == min(shown_nodes, 200)
    edge_rows = session.page.locator("#table-view table.edges tbody tr").count()
    assert edge_rows == min(shown_edges, 200)
    if shown_edges > 200:
        session.page.click("#table-view button.more >> nth=-1")
        assert session.page.locator("#table-view table.edges tbody tr").count() == min(shown_edges, 400)
    first_row = session.page.locator("#table-view table.nodes tbody tr").first
    picked = first_row.get_attribute("data-id")
    first_row.locator("th button").focus()
    session.page.keyboard.press("Enter")
    assert session.js("() => location.hash") == f"#node={picked}&table=1"
    assert session.page.inner_text("#panel h2") == G.nodes[picked]["label_en"]
    assert session.js("() => document.activeElement.textContent") == G.nodes[picked]["label_en"]  # the focus stays
    session.page.select_option("#disease-filter", "SLE")  # the table follows the filters
    session.page.wait_for_function(
        "() => document.querySelectorAll('#table-view table.nodes tbody tr').length === Math.min(mechkgExplorer.shownNodes().length, 200)"
    )
    assert axe_violations(session) == []  # in table view
    session.page.click("#toggle-table")
    assert session.page.is_hidden("#table-view")
    # the drawing: one named tab stop, described, that the keyboard zooms
    frame = session.page.locator("#graph .vis-network")
    assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("aria-label")
    assert session.page.get_attribute(f"#{frame.get_attribute('aria-describedby')}", "data-i18n") == "graphHelp"
    frame.focus()
    before = session.js("() => mechkgExplorer.network.getScale()")
    session.page.keyboard.press("Equal")
    session.page.wait_for_function("(s) => mechkgExplorer.network.getScale() !== s", arg=before)
    session.close()
