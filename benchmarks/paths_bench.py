"""Benchmark (not a test) of mechanism-path queries: the article graph and synthetic graphs.

Run:  python benchmarks/paths_bench.py [--sizes 10000,100000,1000000] [--repeat 20]
      [--engine pruned|full] [--libraries]

Measures
1. the article graph (packaged curation): build time, p50/p95 of ``mechanism_paths`` for
   k=10, max_hops=6 (with the search index built per query, as the CLI does, and reused),
   and the wall time and peak memory of a whole ``mechkg path SLE MSC`` process;
2. synthetic graphs of 10^4, 10^5, 10^6 edges (k=10, max_hops=5): time to build the
   MultiDiGraph, time and memory (resident-set growth) to build the search index
   (:func:`mechkg.paths.index.path_index`), and the query. ``--engine full`` runs the reference
   search (Yen on the whole networkx search graph, which it builds first) instead of the
   default pruned one; ``--libraries`` also times Yen's k shortest paths on the whole weighted
   search graph in networkx vs igraph (``Graph.get_k_shortest_paths``), the measurement that
   chose the engine (see :mod:`mechkg.paths.engine`).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx

from mechkg.network.assemble import assemble
from mechkg.network.evidence import Claim, EntityNode
from mechkg.paths.index import path_index
from mechkg.paths.search import mechanism_paths

LEVELS = ["human_trial", "case_report", "human_observational", "animal_model", "in_vitro", "review_assertion"]
CAUSAL = [("increases", 1), ("decreases", -1), ("secretes", 1), ("contributesTo", 1), ("regulates", 0)]


def timed(fn, repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls of ``fn``."""
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def article(repeat: int) -> None:
    """Latency on the article graph, and the whole CLI process."""
    from mechkg.network.built import build_graphs
    from mechkg.resources import default_curation_dir

    started = time.perf_counter()
    G = build_graphs(default_curation_dir(), check_shapes=False).network
    print(
        f"article graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, built in {time.perf_counter() - started:.2f} s"
    )
    for therapy, disease in (("MSC", "SLE"), ("exosome", "IBD"), ("let-7f-modified MSCs", "SLE")):
        per_query = timed(lambda t=therapy, d=disease: mechanism_paths(G, t, d, k=10, max_hops=6), repeat)
        index = path_index(G)
        reused = timed(lambda t=therapy, d=disease, i=index: mechanism_paths(G, t, d, k=10, max_hops=6, index=i), repeat)
        print(
            f"  path {therapy!r} -> {disease}: p50 {1000 * statistics.median(per_query):.1f} ms "
            f"(p95 {1000 * pct(per_query, 0.95):.1f}) incl. index; index reused: p50 {1000 * statistics.median(reused):.1f} ms"
        )
    index_build = timed(lambda: path_index(G), repeat)
    print(f"  path_index build: p50 {1000 * statistics.median(index_build):.1f} ms")
    mechkg = Path(sys.executable).with_name("mechkg")
    runs = timed(lambda: subprocess.run([str(mechkg), "path", "SLE", "MSC"], check=True, capture_output=True), 5)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"  whole `mechkg path SLE MSC` process: median {statistics.median(runs):.2f} s (min {min(runs):.2f}), "
        f"peak RSS {peak:.0f} MB"
    )


def synthetic(m: int, seed: int = 7) -> nx.MultiDiGraph:
    """A random signed causal graph with ``m`` edges, hub-heavy in-degrees, one therapy and one disease."""
    rng = random.Random(seed)
    n = max(m // 5, 10)
    nodes = [f"N{i}" for i in range(n)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n)]  # Zipf-like: a few hubs
    entities = [EntityNode(node, "GeneProduct", "", "", node) for node in nodes]
    entities += [EntityNode("THERAPY", "Therapy", "therapy", "", "THERAPY"), EntityNode("DISEASE", "Disease", "disease", "", "DISEASE")]
    targets = rng.choices(range(n), weights=weights, k=m)
    claims = []
    for i in range(m - 1):
        u, v = nodes[rng.randrange(n)], nodes[targets[i]]
        if i % 50 == 0:
            v = "DISEASE"
        predicate, sign = CAUSAL[i % len(CAUSAL)]
        claims.append(Claim(f"c{i}", u, predicate, v, sign, source=f"s{i % 97}", evidence_level=LEVELS[i % len(LEVELS)]))
    triples = list(dict.fromkeys([("THERAPY", "uses", nodes[-1]), *(c.triple for c in claims)]))
    G = assemble(entities, claims, triples)
    return G


def library_comparison(index, source: str, target: str, k: int, repeat: int) -> None:
    """Yen's k shortest simple paths on the whole weighted search graph: networkx vs igraph."""
    import igraph as ig

    started = time.perf_counter()
    H = index.H
    to_networkx = time.perf_counter() - started
    nx_times = timed(lambda: list(_islice(nx.shortest_simple_paths(H, source, target, weight="cost"), k)), repeat)
    started = time.perf_counter()
    S = index.search
    g = ig.Graph(n=len(S), edges=list(zip(S.src.tolist(), S.dst.tolist(), strict=True)), directed=True)
    g.es["cost"] = S.cost.tolist()
    convert = time.perf_counter() - started
    s, t = S.position[source], S.position[target]
    ig_times = timed(lambda: g.get_k_shortest_paths(s, t, k=k, weights="cost", mode="out"), repeat)
    print(
        f"    Yen k={k} {source}->{target} on the whole graph: networkx p50 {1000 * statistics.median(nx_times):.1f} ms "
        f"(+ {to_networkx:.2f} s to build it); igraph p50 {1000 * statistics.median(ig_times):.1f} ms "
        f"(+ {convert:.2f} s to convert)"
    )


def rss_mb() -> float:
    """This process's resident set size now, in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open(f"/proc/{os.getpid()}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def _islice(iterable, k):
    import itertools

    return itertools.islice(iterable, k)


def main() -> None:
    """Run the benchmark and print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--skip-article", action="store_true")
    parser.add_argument("--engine", choices=["pruned", "full"], default="pruned")
    parser.add_argument("--libraries", action="store_true", help="also time Yen on the whole graph: networkx vs igraph")
    args = parser.parse_args()
    if not args.skip_article:
        article(args.repeat)
    for m in (int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        G = synthetic(m)
        built = time.perf_counter() - started
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        index = path_index(G)
        if args.engine == "full":
            _ = index.H  # the reference engine's networkx search graph, built on first use
        indexed = time.perf_counter() - started
        gc.collect()
        memory = rss_mb() - before
        repeat = max(3, args.repeat // (m // 10000 or 1))
        query = {"k": 10, "max_hops": 5, "index": index, "engine": args.engine}
        runs = timed(lambda g=G, q=query: mechanism_paths(g, "THERAPY", "DISEASE", **q), repeat)
        found = mechanism_paths(G, "THERAPY", "DISEASE", **query)
        print(
            f"synthetic {m:>9,} edges: build MultiDiGraph {built:.2f} s, path_index {indexed:.2f} s (+{memory:.0f} MB), "
            f"query [{args.engine}] p50 {1000 * statistics.median(runs):.0f} ms (max {1000 * max(runs):.0f}) "
            f"-> {len(found.paths)} paths, truncated={found.truncated}"
        )
        if args.libraries:
            library_comparison(index, "N0", "DISEASE", 10, min(repeat, 5))


if __name__ == "__main__":
    main()
