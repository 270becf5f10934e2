"""Synthetic MechKG-shaped graphs for the benchmarks: diseases, therapies, mediators, claims.

``synthetic_graph(n_nodes, n_edges, seed=...)`` gives a :class:`networkx.MultiDiGraph` with the
node and edge attributes of ``mechkg.network.build.to_networkx`` (it is put together by the
same function, :func:`mechkg.network.assemble.assemble`) (labels in both languages, classes,
signed predicates, claims with quotes and disease contexts), so the explorer page can be built
from it exactly as from the curated graph. About 1 % of the nodes are diseases and 1 % therapies;
each mediator belongs mostly to one disease, as in the article.
"""

from __future__ import annotations

import random

import networkx as nx

from mechkg.network.assemble import assemble
from mechkg.network.evidence import Claim, EntityNode, Source

__all__ = ["synthetic_graph"]

_CLASSES = ["CellType", "GeneProduct", "MicroRNA", "BiologicalProcess", "Pathway", "ExtracellularVesicle"]
_PREDICATES = [("increases", 1), ("decreases", -1), ("secretes", 1), ("contributesTo", 1)]


def synthetic_graph(n_nodes: int, n_edges: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A random graph with ``n_nodes`` nodes and about ``n_edges`` edges, shaped like MechKG."""
    rng = random.Random(seed)
    n_dis = max(2, n_nodes // 100)
    n_ther = max(2, n_nodes // 100)
    diseases = [f"D{i}" for i in range(n_dis)]
    therapies = [f"T{i}" for i in range(n_ther)]
    others = [f"N{i}" for i in range(n_nodes - n_dis - n_ther)]
    nodes = [EntityNode(d, "Disease", f"disease {i}", f"疾病{i}", d, synonyms=(f"dis{i}",)) for i, d in enumerate(diseases)]
    nodes += [EntityNode(t, "Therapy", f"therapy {i}", f"療法{i}", t) for i, t in enumerate(therapies)]
    nodes += [EntityNode(n, _CLASSES[i % len(_CLASSES)], f"mediator {i}", f"介質{i}", n) for i, n in enumerate(others)]
    home = {n: diseases[rng.randrange(n_dis)] for n in others}
    members: dict[str, list[str]] = {d: [] for d in diseases}
    for n, d in home.items():
        members[d].append(n)
    claims: dict[tuple[str, str, str], Claim] = {}
    starts = others + therapies
    while len(claims) < n_edges:
        u = rng.choice(starts)
        d = home.get(u) or rng.choice(diseases)
        if rng.random() < 0.1:
            v = d
        elif rng.random() < 0.85 and members[d]:
            v = rng.choice(members[d])
        else:
            v = rng.choice(others)
        pred, sign = rng.choice(_PREDICATES)
        if u == v or (u, pred, v) in claims:
            continue
        cid = f"c{len(claims)}"
        claims[(u, pred, v)] = Claim(
            cid, u, pred, v, sign, quote=f"{u}作用於{v}", statement=f"{u} {pred} {v}.", section="合成", source="S",
            evidence="ECO:0000304", evidence_level="review_assertion", disease=(d,), confidence=0.8,
        )  # fmt: skip
    return assemble(
        nodes, claims.values(), list(claims), sources=[Source("S", "合成", "synthetic")], name=f"synthetic {n_nodes}"
    )
