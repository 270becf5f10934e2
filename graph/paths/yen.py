"""The k best mechanism paths by Yen's k shortest simple paths, on the pruned search graph or on the whole one.

The search costs of :mod:`mechkg.paths.score` make a path's score ``exp(-cost)`` (up to the
generalisation tiers), so :func:`networkx.shortest_simple_paths` from a virtual source (joined
to every entry) to a virtual target (joined from every exit) yields node paths in ranking
order; :func:`_enumerate` takes them until ``k`` distinct mechanisms are certain to be the best.

**Large graphs.** :func:`pruned_search` runs two breadth-first searches over the compact
:class:`~mechkg.paths.engine.SearchGraph` of the index to find the few nodes that can lie on a
path of at most ``max_hops`` hops, and Yen on that subgraph only, its edges in the order the
whole networkx graph would hold them, so the paths, their order and ties are those of Yen on
the whole graph (:func:`full_search`, kept as the reference and checked against in the tests).
On a synthetic graph of 10^6 edges this took the query from 2.6–4.3 s to ~0.12 s and the index
from 20–45 s and ~0.6 GB to ~6 s and ~0.1 GB (``benchmarks/paths_bench.py``). igraph's faster
Yen is not needed since it only ever sees the pruned subgraph, and networkx alone gives the
exact same order.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from mechkg.paths.criteria import Criteria
from mechkg.paths.ends import broader_steps, generalisations
from mechkg.paths.index import EdgeOption, PathIndex, edge_options
from mechkg.paths.rank import dedup, expand
from mechkg.paths.result import Hop, MechanismPath
from mechkg.paths.score import chain_cost, hub_cost, search_cost
from mechkg.paths.taxonomy import equivalence

__all__ = ["Query", "full_search", "hop_distances", "pruned_search"]

_SOURCE = "@source"
_TARGET = "@target"
_MAX_CANDIDATES = 400


@dataclass(frozen=True, slots=True)
class Query:
    """What one search needs besides the index: the therapies asked about, entries, exits and the node filters.

    ``entries``/``exits``: start and end nodes with their chains (:mod:`mechkg.paths.ends`);
    ``avoid``: nodes a path may not pass; ``via_sets``: a path must pass a node of each set;
    ``criteria``: the tiers of the question (:mod:`mechkg.paths.criteria`).
    """

    therapies: Sequence[str]
    disease: str
    entries: Mapping[str, tuple[Hop, ...]]
    exits: Mapping[str, tuple[Hop, ...]]
    avoid: set[str]
    via_sets: list[set[str]]
    criteria: Criteria


def pruned_search(index: PathIndex, query: Query, *, k: int, max_hops: int) -> tuple[list[MechanismPath], bool]:
    """The ``k`` best paths, and whether the search stopped at its candidate limit: Yen on the feasible subgraph.

    The feasible nodes are those a breadth-first search from the entries and one back from the
    exits both reach within ``max_hops`` hops in all (on the compact search graph, under the
    rules of :func:`full_search`); Yen runs on their edges, in the whole graph's edge order.
    """
    S = index.search
    feasible_mask, forward_ok = _feasible(index, query, max_hops)
    feasible = {S.nodes[i] for i in np.flatnonzero(feasible_mask)}
    if not feasible & set(query.entries) or not feasible & set(query.exits):
        return [], False
    crit = query.criteria
    hub = {x: hub_cost(int(S.degree[S.position[x]])) for x in feasible}
    virtual = _virtual_edges(query, feasible, hub)
    # The edges the reference's weight function does not hide, in the networkx search graph's
    # order (edge ids), then the virtual ones: the same adjacency order, hence the same ties.
    eids = S.out_edges(np.flatnonzero(feasible_mask))
    tail, head = S.src[eids], S.dst[eids]
    eids = np.sort(eids[feasible_mask[head] & forward_ok(tail, head)])
    sub = nx.DiGraph()
    names, targets, scopes = S.nodes, query.exits, index.scopes
    for e, iu, iv, c in zip(eids.tolist(), S.src[eids].tolist(), S.dst[eids].tolist(), S.cost[eids].tolist(), strict=True):
        tiered = _tiered_cost(c, scopes.get(e), crit)
        if tiered is None:
            continue
        v = names[iv]
        sub.add_edge(names[iu], v, w=tiered + (0.0 if v in targets else hub[v] + crit.node_tier(v)))
    sub.add_edges_from((u, v, {"w": c}) for (u, v), c in virtual.items())

    def options(u: str, v: str) -> tuple[EdgeOption, ...]:
        return edge_options(index, u, v)

    return _enumerate(
        index, query, nx.shortest_simple_paths(sub, _SOURCE, _TARGET, weight="w"),
        lambda a, b: sub[a][b]["w"], options, index.degree, k=k, max_hops=max_hops,
    )  # fmt: skip


def _feasible(index: PathIndex, query: Query, max_hops: int) -> tuple[np.ndarray, Callable[[np.ndarray, np.ndarray], np.ndarray]]:
    """Which nodes of the compact search graph can lie on a path, and the rule of which edges a path may walk."""
    S = index.search

    def flags(names: Iterable[str]) -> np.ndarray:
        out = np.zeros(len(S), dtype=bool)
        out[[S.position[x] for x in names if x in S.position]] = True
        return out

    is_entry, is_target, is_avoid = flags(set(query.entries)), flags(set(query.exits)), flags(query.avoid)
    allowed = is_target | (~is_entry & ~is_avoid & (True if index.kind_ok is None else index.kind_ok))

    def forward_ok(u: np.ndarray, v: np.ndarray) -> np.ndarray:  # u -> v, as _Rules.forward
        return ~is_target[u] & allowed[v] & ~(is_entry[u] & is_target[v])

    def backward_ok(v: np.ndarray, u: np.ndarray) -> np.ndarray:  # u -> v walked from v, as _Rules.backward
        return ~is_entry[v] & (is_entry[u] | allowed[u]) & ~is_target[u]

    forward = S.hop_distances(np.flatnonzero(is_entry), forward=True, limit=max_hops, allow=forward_ok)
    backward = S.hop_distances(np.flatnonzero(is_target), forward=False, limit=max_hops, allow=backward_ok)
    return (forward >= 0) & (backward >= 0) & (forward + backward <= max_hops), forward_ok


class _Rules:
    """Which nodes may be intermediates and which search edges a path may walk (no entry inside, no exit but at the end)."""

    def __init__(self, index: PathIndex, query: Query) -> None:
        self.G, self.kinds = index.G, index.classes
        self.entries, self.targets, self.avoid = set(query.entries), set(query.exits), query.avoid

    def allowed(self, v: str) -> bool:
        """Whether a path may pass ``v``: an exit, or an intermediate of an allowed class."""
        if v in self.targets:
            return True
        if v in self.entries or v in self.avoid:
            return False
        return self.kinds is None or self.G.nodes[v].get("type") in self.kinds

    def forward(self, u: str, v: str) -> bool:
        """Whether a path may walk ``u -> v`` (searching from the entries)."""
        return u not in self.targets and self.allowed(v) and not (u in self.entries and v in self.targets)

    def backward(self, u: str, v: str) -> bool:
        """Whether a search back from the exits may walk ``u -> v`` from ``v`` to ``u``."""
        return v not in self.entries and (u in self.entries or self.allowed(u)) and u not in self.targets


def _tiered_cost(cost: float, scopes: Sequence[tuple[float, frozenset[str] | None]] | None, criteria: Criteria) -> float | None:
    """A search edge's cost with its other-disease tier: the cheapest option it may walk (None: none)."""
    if scopes is None:
        return cost
    costs = [c + t for c, scope in scopes if (t := criteria.option_tier(scope)) is not None]
    return min(costs, default=None)


def hop_distances(graph: nx.Graph, starts: Collection[str], limit: int) -> dict[str, int]:
    """Node -> its hop distance from ``starts`` in ``graph`` (any networkx graph or view), for the nodes within ``limit`` hops.

    >>> hop_distances(nx.path_graph(5), [0, 4], 1)
    {0: 0, 4: 0, 1: 1, 3: 1}
    """
    return {node: d for d, layer in enumerate(itertools.islice(nx.bfs_layers(graph, list(starts)), limit + 1)) for node in layer}


def full_search(index: PathIndex, query: Query, *, k: int, max_hops: int) -> tuple[list[MechanismPath], bool]:
    """The reference search: Yen on the whole networkx search graph :attr:`PathIndex.H`, edges hidden by a weight function."""
    H, rules = index.H, _Rules(index, query)
    forward = hop_distances(nx.subgraph_view(H, filter_edge=rules.forward), rules.entries, max_hops)
    backward = hop_distances(nx.reverse_view(nx.subgraph_view(H, filter_edge=rules.backward)), rules.targets, max_hops)
    feasible = {n for n in forward if n in backward and forward[n] + backward[n] <= max_hops}
    if not feasible & rules.entries or not feasible & rules.targets:
        return [], False
    degree = {n: len(set(H.predecessors(n)) | set(H.successors(n))) for n in H}
    hub = {n: hub_cost(degree[n]) for n in feasible}
    virtual = _virtual_edges(query, feasible, hub)

    crit = query.criteria

    def weight(u: str, v: str, data: Mapping[str, Any]) -> float | None:
        if (u, v) in virtual:
            return virtual[(u, v)]
        if u == _SOURCE or v == _TARGET or v not in feasible or u not in feasible or not rules.forward(u, v):
            return None
        scoped = [(o.cost, o.scope) for o in data["options"]] if any(o.scope for o in data["options"]) else None
        tiered = _tiered_cost(data["cost"], scoped, crit)
        return None if tiered is None else tiered + (0.0 if v in rules.targets else hub[v] + crit.node_tier(v))

    def options(u: str, v: str) -> tuple[EdgeOption, ...]:
        return H[u][v]["options"]

    with index.lock:
        H.add_edges_from((u, v, {"cost": c}) for (u, v), c in virtual.items())
        try:
            return _enumerate(
                index, query, nx.shortest_simple_paths(H, _SOURCE, _TARGET, weight=weight),
                lambda a, b: weight(a, b, H[a][b]), options, degree, k=k, max_hops=max_hops,
            )  # fmt: skip
        finally:
            H.remove_nodes_from([_SOURCE, _TARGET])


def _virtual_edges(query: Query, feasible: set[str], hub: Mapping[str, float]) -> dict[tuple[str, str], float]:
    """Costs of the edges from the virtual source to the entries and from the exits to the virtual target.

    Added in sorted order, so that tied paths come out in the same order under any hash seed.
    """
    entry_set, targets = set(query.entries), set(query.exits)
    virtual: dict[tuple[str, str], float] = {}
    for e in sorted(entry_set & feasible):
        chain = query.entries[e]
        tier = query.criteria.entry_tier(_therapy_of(query, e))
        virtual[(_SOURCE, e)] = chain_cost(broader_steps(chain), generalisations(chain)) + tier + hub[e]
    for t in sorted(targets & feasible):
        chain = query.exits[t]
        virtual[(t, _TARGET)] = chain_cost(broader_steps(chain), generalisations(chain))
    return virtual


def _therapy_of(query: Query, entry: str) -> str:
    """The therapy whose entry chain leads to ``entry``."""
    chain = query.entries[entry]
    return chain[0].subject if chain else entry if entry in query.therapies else query.therapies[0]


def _enumerate(
    index: PathIndex,
    query: Query,
    generator: Iterator[list[str]],
    weight: Callable[[str, str], float | None],
    options: Callable[[str, str], Sequence[EdgeOption]],
    degree: Mapping[str, int],
    *,
    k: int,
    max_hops: int,
) -> tuple[list[MechanismPath], bool]:
    """Take node paths from Yen's generator until ``k`` distinct mechanisms are certain to be the best."""
    same = equivalence(index.G, index.exact)
    candidates: list[MechanismPath] = []
    truncated = False
    try:
        for count, node_path in enumerate(generator):
            inner = node_path[1:-1]
            hops = len(inner) - 1
            if count >= _MAX_CANDIDATES:
                truncated = True
                break
            if hops > max_hops or hops < 2 or not all(any(x in s for x in inner) for s in query.via_sets):
                continue
            cost = sum(weight(a, b) or 0.0 for a, b in itertools.pairwise(node_path))
            entry, exit_ = query.entries[inner[0]], query.exits[inner[-1]]
            therapy = _therapy_of(query, inner[0])
            candidates.extend(
                expand(index, inner, entry, exit_, therapy, query.disease, options, degree, criteria=query.criteria)
            )
            ready = [p for p in candidates if search_cost(p.score) <= cost + 1e-9]
            if len(dedup(ready, same)) >= k:
                break
    except nx.NetworkXNoPath:
        pass
    return dedup(candidates, same)[:k], truncated
