"""Benchmark (not a test): time to interactive of the explorer page vs pyvis' default page.

Run: ``python benchmarks/explorer_bench.py [--sizes 1000,5000,20000] [--pyvis-timeout 60]``.
Needs Debian's chromium (``/usr/bin/chromium`` or ``MECHKG_CHROMIUM``) and the ``playwright``
package (the ``test`` extra). Every page is opened from ``file://`` with the network cut.

*Time to interactive* is measured from ``page.goto`` to the moment the page can be used:
for MechKG, the ``data-ready`` mark the page sets after vis-network's first drawing (positions
are precomputed, physics is off); for pyvis' default page (``cdn_resources="in_line"``, the only
mode that renders offline, physics on), when its loading bar, which covers the graph during
vis-network's stabilisation, reaches 100 % (the nodes still drift afterwards). Each
figure is one run; the ratio is pyvis / MechKG from that run. The build side (layout + page) is
timed too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import synthetic_graph

from mechkg.paths.table import pair_table
from mechkg.render.layout import spring_positions
from mechkg.render.page import explorer_html
from mechkg.render.path_records import pair_paths

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# pyvis' page covers the graph with a loading bar until vis-network's "stabilizationIterationsDone"
# (it writes 100% into #text then); pages under 100 nodes have no bar: stabilisation is then measured.
PYVIS_READY = (
    "(document.getElementById('text') && document.getElementById('text').innerHTML === '100%')"
    " || (typeof network !== 'undefined' && document.getElementById('text') === null && network.physics.stabilized)"
)


def _pyvis_page(G, path: Path) -> None:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="900px", width="100%")
    for node, data in G.nodes(data=True):
        net.add_node(node, label=data.get("label_en") or node, title=data.get("label_zh") or node)
    for u, v, k in G.edges(keys=True):
        net.add_edge(u, v, title=k)
    path.write_text(net.generate_html(), encoding="utf-8")


def _open(browser, url: str, ready_js: str, timeout_s: float) -> float | None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort())
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=int(timeout_s * 1000))
        page.wait_for_function(ready_js, timeout=int(timeout_s * 1000), polling=50)
        return time.perf_counter() - start
    except Exception:
        return None
    finally:
        context.close()


def main() -> None:
    """Build each page, open it in Chromium and print the table (Markdown)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="synthetic node counts (edges = 4 x nodes)")
    parser.add_argument("--pyvis-timeout", type=float, default=60.0, help="seconds to wait for pyvis to stabilise")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    cases = [("article", None)] + [(f"synthetic {int(n):,}", int(n)) for n in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("MECHKG_CHROMIUM", "/usr/bin/chromium"), args=FLAGS)
        for name, n in cases:
            if n is None:
                from mechkg.network.built import build_graphs
                from mechkg.resources import default_curation_dir

                G = build_graphs(default_curation_dir()).network
                table = pair_paths(G, pair_table(G))
            else:
                G = synthetic_graph(n, 4 * n)
                table = []
            started = time.perf_counter()
            spring_positions(G)
            layout_s = time.perf_counter() - started
            started = time.perf_counter()
            page = explorer_html(G, paths=table)
            build_s = time.perf_counter() - started
            ours = Path(tmp) / "ours.html"
            ours.write_text(page, encoding="utf-8")
            theirs = Path(tmp) / "pyvis.html"
            _pyvis_page(G, theirs)
            t_ours = _open(browser, ours.as_uri(), "document.documentElement.dataset.ready === 'true'", 120)
            t_pyvis = _open(
                browser,
                theirs.as_uri(),
                PYVIS_READY,
                args.pyvis_timeout,
            )
            rows.append((name, G.number_of_nodes(), G.number_of_edges(), layout_s, build_s, len(page) / 1e6, t_ours, t_pyvis))
            print(f"  done: {name}", file=sys.stderr, flush=True)
        browser.close()

    def fmt(t: float | None, cap: float) -> str:
        return f"> {cap:.0f} s" if t is None else f"{t:.2f} s"

    print("| graph | nodes | edges | layout | page build | page size | MechKG interactive | pyvis default | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, nodes, edges, layout_s, build_s, size, t_ours, t_pyvis in rows:
        if t_ours and t_pyvis:
            ratio = f"{t_pyvis / t_ours:.1f}×"
        elif t_ours:
            ratio = f"> {args.pyvis_timeout / t_ours:.0f}×"
        else:
            ratio = "n/a"
        print(
            f"| {name} | {nodes:,} | {edges:,} | {layout_s:.2f} s | {build_s:.2f} s | {size:.1f} MB | "
            f"{fmt(t_ours, 120)} | {fmt(t_pyvis, args.pyvis_timeout)} | {ratio} |"
        )


if __name__ == "__main__":
    main()
