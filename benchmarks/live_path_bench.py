"""Benchmark (not a test): how long the served explorer takes to show a pair's paths after the reader picks it.

Run: ``python benchmarks/live_path_bench.py [--pairs 6] [--rounds 2]``. Serves the packaged curation
with ``mechkg.app.routes.create_app`` on a free loopback port (as ``mechkg serve`` does) and opens
``/`` in Debian's chromium (``/usr/bin/chromium`` or ``MECHKG_CHROMIUM``) with Playwright.

For each pair, the time runs in the page from the therapy chooser's ``change`` event (the disease
already chosen, the previous zoom animation over) to the first animation frame after the page marks
``data-live-paths="shown"`` (the fetched records are on the graph and in the panel): the request
to ``/api/pair-paths``, the search on the server, the JSON, the highlight and the panel. The first
round asks the server for pairs it has not searched yet (cold); later rounds, each on a fresh page,
hit its cache (warm). Also reported: the request alone (resource timing), and the same pair shown
again from the records the page now holds, which is what the built page (precomputed table) costs:
the difference is what searching live adds. Target (issue 11): <= 300 ms.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]

PICK = """async ([therapy, disease]) => {
  const root = document.documentElement;
  const d = document.getElementById("path-disease"), t = document.getElementById("path-therapy");
  const settle = () => new Promise(r => setTimeout(r, 800));  // the previous pair's zoom animation (400 ms) ends
  const frame = () => new Promise(r => requestAnimationFrame(r));
  d.value = disease; d.dispatchEvent(new Event("change"));
  root.dataset.livePaths = "";
  await settle();
  const shown = new Promise((resolve, reject) => {
    new MutationObserver((_, observer) => {
      if (root.dataset.livePaths === "shown") { observer.disconnect(); resolve(); }
      if (root.dataset.livePaths === "failed") { observer.disconnect(); reject(new Error("failed")); }
    }).observe(root, {attributes: true, attributeFilter: ["data-live-paths"]});
  });
  const started = performance.now();
  t.value = therapy; t.dispatchEvent(new Event("change"));
  await shown;
  await frame();
  const total = performance.now() - started;
  const request = performance.getEntriesByType("resource").filter(e => e.name.includes("/api/pair-paths")).pop();
  /* the same pair again, now from the page's own records: what the built page's precomputed table costs */
  d.value = disease; d.dispatchEvent(new Event("change"));
  await settle();
  const again = performance.now();
  t.value = therapy; t.dispatchEvent(new Event("change"));
  await frame();
  const offline = performance.now() - again;
  await settle();
  return [total, request.responseEnd - request.startTime, offline];
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from mechkg.app.routes import ServerConfig, create_app
    from mechkg.app.store_spec import store_spec_for
    from mechkg.network.built import build_graphs
    from mechkg.paths.table import pair_table
    from mechkg.query.pool import QueryPool
    from mechkg.resources import default_curation_dir

    built = build_graphs(default_curation_dir())
    pairs = [(row.therapy, row.disease) for row in pair_table(built.network)]
    step = max(1, len(pairs) // args.pairs)
    chosen = pairs[::step][: args.pairs]
    with tempfile.TemporaryDirectory() as work:
        pool = QueryPool(store_spec_for(None, built.rdf, Path(work)), workers=1, timeout=10).start()
        started = time.perf_counter()
        app = create_app(ServerConfig(pool=pool, network=built.network))
        print(f"app with its page: {time.perf_counter() - started:.2f} s")
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        executable = os.environ.get("MECHKG_CHROMIUM", "/usr/bin/chromium")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                print(f"\n{len(chosen)} pairs; ms from choosing the therapy to the paths shown (median / max)\n")
                print("| round | shown (live) | of which the request | shown from the page's records (as offline) |")
                print("|---|---|---|---|")
                for round_ in range(args.rounds):
                    page.goto(f"http://127.0.0.1:{port}/")  # a fresh page: nothing fetched yet
                    page.wait_for_selector("html[data-ready=true]", timeout=60_000)
                    runs = [page.evaluate(PICK, [therapy, disease]) for therapy, disease in chosen]
                    label = "cold (the server searches)" if round_ == 0 else "warm (the server's cache)"
                    cells = [f"{statistics.median(c):.0f} / {max(c):.0f}" for c in zip(*runs, strict=True)]
                    print(f"| {label} | {' | '.join(cells)} |")
                print("\npairs: " + ", ".join(f"{t}|{d}" for t, d in chosen))
                browser.close()
        finally:
            server.should_exit = True
            pool.close()


if __name__ == "__main__":
    main()
