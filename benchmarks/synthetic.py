"""Synthetic MechKG-shaped graphs for the benchmarks: diseases, therapies, mediators, claims.

``synthetic_graph(n_nodes, n_edges, seed=...)`` gives a :class:`networkx.MultiDiGraph` with the
node and edge attributes of ``mechkg.network.build.to_networkx`` (labels in both languages, classes,
signed predicates, claims with quotes and disease contexts), so the explorer page can be built
from it exactly as from the curated graph. About 1 % of the nodes are diseases and 1 % therapies;
each mediator belongs mostly to one disease, as in the article.
"""

from __future__ import annotations

import random

import networkx as nx

__all__ = ["synthetic_graph"]

_CLASSES = ["CellType", "GeneProduct", "MicroRNA", "BiologicalProcess", "Pathway", "ExtracellularVesicle"]
_PREDICATES = [("increases", 1, True), ("decreases", -1, True), ("secretes", 1, True), ("contributesTo", 1, True)]


def synthetic_graph(n_nodes: int, n_edges: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A random graph with ``n_nodes`` nodes and about ``n_edges`` edges, shaped like MechKG."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph(
        name=f"synthetic {n_nodes}", claims={}, sources={"S": {"id": "S", "title_en": "synthetic", "title_zh": "合成"}}
    )
    n_dis = max(2, n_nodes // 100)
    n_ther = max(2, n_nodes // 100)
    diseases = [f"D{i}" for i in range(n_dis)]
    therapies = [f"T{i}" for i in range(n_ther)]
    others = [f"N{i}" for i in range(n_nodes - n_dis - n_ther)]
    for i, d in enumerate(diseases):
        G.add_node(d, label_en=f"disease {i}", label_zh=f"疾病{i}", type="Disease", synonyms=[f"dis{i}"], xrefs=[], flags=[])
    for i, t in enumerate(therapies):
        G.add_node(t, label_en=f"therapy {i}", label_zh=f"療法{i}", type="Therapy", synonyms=[], xrefs=[], flags=[])
    home = {}
    for i, n in enumerate(others):
        G.add_node(
            n, label_en=f"mediator {i}", label_zh=f"介質{i}", type=_CLASSES[i % len(_CLASSES)], synonyms=[], xrefs=[], flags=[]
        )
        home[n] = diseases[rng.randrange(n_dis)]
    members: dict[str, list[str]] = {d: [] for d in diseases}
    for n, d in home.items():
        members[d].append(n)
    claims = G.graph["claims"]
    nodes = others + therapies
    made = 0
    while made < n_edges:
        u = rng.choice(nodes)
        d = home.get(u) or rng.choice(diseases)
        if rng.random() < 0.1:
            v = d
        elif rng.random() < 0.85 and members[d]:
            v = rng.choice(members[d])
        else:
            v = rng.choice(others)
        if u == v:
            continue
        pred, sign, causal = rng.choice(_PREDICATES)
        if G.has_edge(u, v, pred):
            continue
        cid = f"c{len(claims)}"
        claims[cid] = {
            "id": cid,
            "subject": u,
            "predicate": pred,
            "object": v,
            "sign": sign,
            "aspect": None,
            "quote": f"{u}作用於{v}",
            "statement": f"{u} {pred} {v}.",
            "section": "合成",
            "source": "S",
            "evidence": "ECO:0000304",
            "evidence_level": "review_assertion",
            "disease": [d],
            "species": None,
            "model": None,
            "context": [],
            "study": None,
            "confidence": 0.8,
            "flags": [],
            "notes": None,
        }
        G.add_edge(
            u,
            v,
            key=pred,
            predicate=pred,
            sign=sign,
            causal=causal,
            claims=[cid],
            aspects=[],
            diseases=[d],
            confidence=0.8,
            evidence_levels=["review_assertion"],
            flagged=False,
        )
        made += 1
    return G
