"""Benchmark (not a test): the explorer page's time to interactive in headless Chromium (issue #11, point 9).

Run: ``.venv/bin/python benchmarks/explorer_bench.py [--runs 7] [--nodes 5000 --edges 20000] [--pyvis]``.
Needs Debian's chromium (``/usr/bin/chromium`` or ``MECHKG_CHROMIUM``) and the ``playwright``
package (the ``test`` extra).

Two pages are measured: the article's, made by ``mechkg build`` from the packaged curation
(``mechkg.html`` exactly as shipped), and one page holding a synthetic graph of ``--nodes`` /
``--edges`` (benchmarks/synthetic.py; the whole graph on one page, with its paths panel). Every
run opens the page from ``file://`` in a new browser context (no cache, nothing shared with the
previous run), with every request that is not ``file:`` or ``data:`` aborted and counted.

Per run, from ``page.goto``:

* *ready*: the page has set ``html[data-ready=true]``, which it does after its first drawing;
* *interactive*: ready, and then a search pick answered: the label of one node is typed into the
  search box, its hit is clicked and the side panel shows that node. This is the budgeted figure:
  <= 1 s for the article, <= 3 s for 5,000 nodes / 20,000 edges.

The table gives median and max over ``--runs`` runs, the page size and the budget verdict (on the
median), and the CPU time the page's main thread used from the navigation to the answered pick
(Chromium's ``ThreadTime`` metric): on a busy machine the times above grow with the load, this
figure much less, and on an idle one *interactive* is that figure plus little. With ``--pyvis``, pyvis' default page of the same graph (``cdn_resources="in_line"``,
physics on) is timed once for comparison: until its loading bar reaches 100 %.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY = "document.documentElement.dataset.ready === 'true'"
PICKED = "(label) => { const h = document.querySelector('#panel h2'); return !!h && h.textContent.trim() === label; }"

# pyvis' page covers the graph with a loading bar until vis-network's "stabilizationIterationsDone"
# (it writes 100% into #text then); pages under 100 nodes have no bar: stabilisation is then measured.
PYVIS_READY = (
    "(document.getElementById('text') && document.getElementById('text').innerHTML === '100%')"
    " || (typeof network !== 'undefined' && document.getElementById('text') === null && network.physics.stabilized)"
)


@dataclass
class Case:
    """One page to open: the file, the graph's size, and the node a reader searches for."""

    name: str
    page: Path
    nodes: int
    edges: int
    pick_id: str
    pick_label: str
    budget_s: float | None
    build_s: float
    ready: list[float] = field(default_factory=list)
    interactive: list[float] = field(default_factory=list)
    thread_cpu: list[float] = field(default_factory=list)
    blocked: int = 0
    failures: list[str] = field(default_factory=list)
    pyvis_s: float | None = None


def _pick(G, preferred: str) -> tuple[str, str]:
    """The node to search for: ``preferred`` when the graph has it, else the best-connected node (ties by id)."""
    node = preferred if preferred in G else max(G.nodes, key=lambda n: (G.degree(n), str(n)))
    return str(node), str(G.nodes[node].get("label_en") or node)


def article_case(tmp: Path) -> Case:
    """The article's page, made by the real build (``mechkg build``) of the packaged curation."""
    from mechkg.app.build import build
    from mechkg.network.built import build_graphs
    from mechkg.resources import default_curation_dir

    out = tmp / "article"
    started = time.perf_counter()
    build(default_curation_dir(), out)
    build_s = time.perf_counter() - started
    G = build_graphs(default_curation_dir(), check_shapes=False).network
    pick_id, pick_label = _pick(G, "TH17")
    return Case("article", out / "mechkg.html", G.number_of_nodes(), G.number_of_edges(), pick_id, pick_label, 1.0, build_s)


def synthetic_case(tmp: Path, n_nodes: int, n_edges: int) -> tuple[Case, object]:
    """One page holding the whole synthetic graph, with its paths panel, built as the build builds a page."""
    from synthetic import synthetic_graph

    from mechkg.paths.table import pair_table
    from mechkg.render.page import explorer_html
    from mechkg.render.path_records import pair_paths

    G = synthetic_graph(n_nodes, n_edges)
    started = time.perf_counter()
    html = explorer_html(G, paths=pair_paths(G, pair_table(G)))
    build_s = time.perf_counter() - started
    page = tmp / f"synthetic-{n_nodes}.html"
    page.write_text(html, encoding="utf-8")
    pick_id, pick_label = _pick(G, "")
    budget = 3.0 if (n_nodes, n_edges) == (5000, 20000) else None
    name = f"synthetic {n_nodes:,} / {n_edges:,}"
    return Case(name, page, G.number_of_nodes(), G.number_of_edges(), pick_id, pick_label, budget, build_s), G


def _new_page(browser, case: Case):
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def route(request_route) -> None:
        if request_route.request.url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            case.blocked += 1
            request_route.abort()

    context.route("**/*", route)
    return context, context.new_page()


def open_once(browser, case: Case, timeout_s: float) -> None:
    """One cold open: new context, goto, wait for ready, then a search pick; record both times."""
    context, page = _new_page(browser, case)
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    timeout_ms = int(timeout_s * 1000)
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        started = time.perf_counter()
        page.goto(case.page.as_uri(), wait_until="commit", timeout=timeout_ms)
        page.wait_for_function(READY, timeout=timeout_ms, polling="raf")
        ready = time.perf_counter() - started
        page.fill("#search", case.pick_label, timeout=timeout_ms)
        page.click(f'#search-results [role=option][data-id="{case.pick_id}"]', timeout=timeout_ms)
        page.wait_for_function(PICKED, arg=case.pick_label, timeout=timeout_ms, polling="raf")
        interactive = time.perf_counter() - started
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        if errors:
            raise RuntimeError(f"script errors: {errors[:3]}")
        case.ready.append(ready)
        case.interactive.append(interactive)
        case.thread_cpu.append(float(metrics["ThreadTime"]))
    except Exception as err:  # a failed run is reported in the table, not hidden
        case.failures.append(f"{type(err).__name__}: {str(err).splitlines()[0][:200]}")
    finally:
        context.close()


def pyvis_once(browser, G, case: Case, tmp: Path, timeout_s: float) -> None:
    """pyvis' default page of the same graph, timed until its stabilisation bar is full (None past the timeout)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="900px", width="100%")
    for node, data in G.nodes(data=True):
        net.add_node(node, label=data.get("label_en") or node, title=data.get("label_zh") or node)
    for u, v, k in G.edges(keys=True):
        net.add_edge(u, v, title=k)
    path = tmp / "pyvis.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    context, page = _new_page(browser, Case("pyvis", path, 0, 0, "", "", None, 0.0))
    try:
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=int(timeout_s * 1000))
        page.wait_for_function(PYVIS_READY, timeout=int(timeout_s * 1000), polling=50)
        case.pyvis_s = time.perf_counter() - started
    except Exception:
        case.pyvis_s = None
    finally:
        context.close()


def _load() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def table(cases: list[Case], runs: int, pyvis: bool, pyvis_timeout: float) -> str:
    """The results as a Markdown table."""
    head = (
        "| page | nodes / edges | page size | ready, median / max | interactive, median / max "
        "| page main-thread CPU, median | budget | verdict |"
    )
    rule = "|---|---:|---:|---:|---:|---:|---:|---|"
    if pyvis:
        head, rule = head + " pyvis default |", rule + "---:|"
    lines = [head, rule]
    for case in cases:
        size = f"{case.page.stat().st_size / 1e6:.2f} MB"
        if case.interactive:
            ready = f"{statistics.median(case.ready):.2f} / {max(case.ready):.2f} s"
            inter = f"{statistics.median(case.interactive):.2f} / {max(case.interactive):.2f} s"
            cpu = f"{statistics.median(case.thread_cpu):.2f} s"
        else:
            ready = inter = cpu = "failed"
        budget = f"≤ {case.budget_s:.0f} s" if case.budget_s else "—"
        if not case.interactive or len(case.interactive) < runs:
            verdict = f"{runs - len(case.interactive)} of {runs} runs failed"
        elif case.budget_s is None:
            verdict = "—"
        else:
            verdict = "meets it" if statistics.median(case.interactive) <= case.budget_s else "OVER"
        if case.blocked:
            verdict += f"; {case.blocked} network requests blocked"
        row = f"| {case.name} | {case.nodes:,} / {case.edges:,} | {size} | {ready} | {inter} | {cpu} | {budget} | {verdict} |"
        if pyvis:
            row += f" {'> %.0f s' % pyvis_timeout if case.pyvis_s is None else '%.2f s' % case.pyvis_s} |"
        lines.append(row)
    return "\n".join(lines)


def main() -> int:
    """Build the pages, open each ``--runs`` times in Chromium, print the table (Markdown); exit 1 if a run failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="cold opens per page (default 7)")
    parser.add_argument("--nodes", type=int, default=5000, help="synthetic graph's nodes (default 5000)")
    parser.add_argument("--edges", type=int, default=20000, help="synthetic graph's edges (default 20000)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one open may take before it counts as failed")
    parser.add_argument("--pyvis", action="store_true", help="also time pyvis' default page of each graph, once")
    parser.add_argument("--pyvis-timeout", type=float, default=60.0, help="seconds to wait for pyvis to stabilise")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    executable = os.environ.get("MECHKG_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).is_file():
        parser.error(f"no Chromium at {executable}: `apt-get install chromium` or set MECHKG_CHROMIUM")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="mechkg-explorer-bench-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["MECHKG_CACHE_DIR"] = str(tmp / "cache")  # the build's compiled-graph cache stays in here
        load_before = _load()
        print("building the pages ...", file=sys.stderr, flush=True)
        article = article_case(tmp)
        synthetic, G_synthetic = synthetic_case(tmp, args.nodes, args.edges)
        cases = [article, synthetic]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
            warm = browser.new_context()  # start the browser's processes before the first timed run
            warm.new_page().goto("about:blank")
            warm.close()
            for case in cases:
                for run in range(args.runs):
                    open_once(browser, case, args.timeout)
                    print(f"  {case.name}: run {run + 1}/{args.runs}", file=sys.stderr, flush=True)
            if args.pyvis:
                from mechkg.network.built import build_graphs
                from mechkg.resources import default_curation_dir

                pyvis_once(
                    browser, build_graphs(default_curation_dir(), check_shapes=False).network, article, tmp, args.pyvis_timeout
                )
                pyvis_once(browser, G_synthetic, synthetic, tmp, args.pyvis_timeout)
            version = browser.version
            browser.close()
        print(
            f"Chromium {version} (headless), {os.cpu_count()} CPUs, Python {platform.python_version()}; "
            f"load average before {load_before}, after {_load()}; {args.runs} cold runs per page, 1400x900, network blocked.\n"
        )
        print(table(cases, args.runs, args.pyvis, args.pyvis_timeout))
        print(
            "\n" + "\n".join(f"build of {c.name}: {c.build_s:.2f} s (search pick: {c.pick_label!r})" for c in cases),
        )
        failures = [f"{c.name}: {f}" for c in cases for f in c.failures]
        if failures:
            print("\nfailed runs:\n" + "\n".join(failures), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
