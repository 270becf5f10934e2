"""When no path joins a therapy to a disease: the partial chains that got nearest, from either side.

Up to three chains grow from the therapy's entries along the search graph, and three back from
the disease's exits; each ends where it came nearest the other side, counting the hops still
missing over any edge, in any direction (the *gap*).

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import Claim, EntityNode
>>> from mechkg.paths.index import path_index
>>> nodes = [EntityNode(n, t, n, n, n) for n, t in [("T", "Therapy"), ("X", "GeneProduct"), ("Y", "CellType"), ("D", "Disease")]]
>>> claims = [Claim("c1", "T", "increases", "X", 1, source="s", evidence_level="in_vitro"),
...           Claim("c2", "Y", "increases", "D", 1, source="s", evidence_level="in_vitro"),
...           Claim("c3", "Y", "expresses", "X", 0, source="s", evidence_level="in_vitro")]  # not causal
>>> G = assemble(nodes, claims, [c.triple for c in claims])
>>> [(c.side, c.nodes, c.gap) for c in partial_chains(path_index(G), ["T"], "D", max_hops=6, inherit=True)]
[('from_therapy', ('T', 'X'), 2), ('to_disease', ('Y', 'D'), 2)]
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from mechkg.paths import defaults
from mechkg.paths.ends import entries, exits
from mechkg.paths.index import EdgeOption, PathIndex, edge_options, weigh_hop
from mechkg.paths.result import PartialChain
from mechkg.paths.yen import hop_distances

__all__ = ["partial_chains"]

_CHAINS_PER_SIDE = 3


@dataclass(frozen=True, slots=True)
class _Walk:
    """How a search engine steps through its search graph: successors, predecessors, and the best edge of a step."""

    successors: Callable[[str], Iterable[str]]
    predecessors: Callable[[str], Iterable[str]]
    best: Callable[[str, str], EdgeOption]


def _walk(index: PathIndex, engine: defaults.Engine) -> _Walk:
    """The steps of ``engine``: the networkx search graph for ``full``, the compact one otherwise."""
    if engine == "full":
        H = index.H
        return _Walk(H.successors, H.predecessors, lambda a, b: H[a][b]["options"][0])
    S = index.search
    return _Walk(
        lambda node: [S.nodes[i] for i in S.successors(S.position[node]).tolist()],
        lambda node: [S.nodes[i] for i in S.predecessors(S.position[node]).tolist()],
        lambda a, b: edge_options(index, a, b)[0],
    )


def partial_chains(
    index: PathIndex,
    therapies: Sequence[str],
    disease: str,
    *,
    max_hops: int,
    inherit: bool,
    engine: defaults.Engine = defaults.ENGINE,
) -> tuple[PartialChain, ...]:
    """Up to three chains from the therapy and three into the disease that end nearest the other side."""
    G, walk = index.G, _walk(index, engine)
    undirected = G.to_undirected(as_view=True)
    starts = entries(G, therapies, inherit=inherit)
    ends = exits(G, disease, inherit=inherit, narrower=index.narrower)
    to_disease = hop_distances(undirected, set(ends), 2 * max_hops + 2)
    to_therapy = hop_distances(undirected, set(starts), 2 * max_hops + 2)
    chains: list[PartialChain] = []
    for side, first, step, distance, barrier in (
        ("from_therapy", set(starts), walk.successors, to_disease, set(ends)),
        ("to_disease", set(ends), walk.predecessors, to_therapy, set(starts)),
    ):
        ordered = sorted(first, key=lambda n: (len(starts.get(n, ends.get(n, ()))), n))
        parent, depth = _tree(ordered, step, barrier, max_hops)
        nearest = sorted((n for n in parent if depth[n] > 0), key=lambda n: (distance.get(n, 10**9), -depth[n], n))
        for end in nearest[:_CHAINS_PER_SIDE]:
            nodes = _back_to_root(parent, end)
            if side == "from_therapy":
                nodes.reverse()
            hops = tuple(weigh_hop(index, walk.best(a, b)) for a, b in itertools.pairwise(nodes))
            chains.append(PartialChain(side, tuple(nodes), hops, distance.get(end)))
    return tuple(chains)


def _tree(
    roots: Sequence[str], step: Callable[[str], Iterable[str]], barrier: Collection[str], max_hops: int
) -> tuple[dict[str, str | None], dict[str, int]]:
    """A breadth-first tree from ``roots`` (in order, neighbours sorted) of at most ``max_hops``, not entering ``barrier``."""
    parent: dict[str, str | None] = dict.fromkeys(roots)
    depth = dict.fromkeys(parent, 0)
    queue = deque(roots)
    while queue:
        node = queue.popleft()
        if depth[node] >= max_hops:
            continue
        for nxt in sorted(step(node)):
            if nxt not in parent and nxt not in barrier:
                parent[nxt], depth[nxt] = node, depth[node] + 1
                queue.append(nxt)
    return parent, depth


def _back_to_root(parent: Mapping[str, str | None], node: str) -> list[str]:
    """``node``, its parent, its parent's parent … up to the root of the tree."""
    nodes = [node]
    while (up := parent[nodes[-1]]) is not None:
        nodes.append(up)
    return nodes
