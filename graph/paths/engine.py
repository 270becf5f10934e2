"""The compact search graph behind :mod:`mechkg.paths.yen`: integer nodes, CSR adjacency, numpy BFS.

Why: on a graph of 10^6 edges, a :class:`networkx.DiGraph` of the search edges took ~45 s
and ~2 GB to build, and two breadth-first searches over it in Python (which nodes can lie on
a path of at most ``max_hops`` hops) took ~3.7 s of a ~4.3 s query, while Yen's k shortest
paths itself only ever runs on the few hundred edges those searches leave. Here the search
edges are numpy arrays in the order networkx would hold them (``src``, ``dst``, ``cost``;
edge id = insertion order), with both adjacencies in CSR form (stable, so each node's
successors and predecessors keep that order), and the searches are level-synchronous over
arrays. :mod:`mechkg.paths.yen` then hands the small feasible subgraph, edges in the same order,
to :func:`networkx.shortest_simple_paths`, so paths, ties and order are those of the
networkx search over the whole graph.

numpy is a dependency of rustworkx (already a runtime dependency) and is declared in
pyproject.toml. igraph's Yen (``Graph.get_k_shortest_paths``) was measured too (226 ms at
10^6 edges against networkx's 8.9 s on the *whole* graph) but is not needed: on the pruned
subgraph networkx takes milliseconds, and it alone gives the exact order (ties included) of
the previous implementation.

>>> g = SearchGraph(["a", "b", "c"], [0, 1, 0], [1, 2, 2], [0.5, 0.5, 2.0])
>>> [g.nodes[i] for i in g.successors(0)], g.degree.tolist()
(['b', 'c'], [2, 2, 2])
>>> dist = g.hop_distances(np.array([0]), forward=True, limit=1)
>>> dist.tolist()  # -1: not reached within the limit
[0, 1, 1]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["EdgeFilter", "SearchGraph"]

EdgeFilter = Callable[[np.ndarray, np.ndarray], np.ndarray]
"""``(tail, head) -> bool mask``: which walked edges a search may take (tail: where it is)."""


def _csr(keys: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Edge ids grouped by ``keys`` (stable: insertion order kept within a group), and offsets."""
    order = np.argsort(keys, kind="stable")
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=n), out=ptr[1:])
    return ptr, order


def _gather(ptr: np.ndarray, eids: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """The edge ids of ``nodes``' CSR rows, concatenated."""
    starts = ptr[nodes]
    counts = ptr[nodes + 1] - starts
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=eids.dtype)
    shift = np.repeat(starts - (np.cumsum(counts) - counts), counts)
    return eids[shift + np.arange(total)]


class SearchGraph:
    """A directed simple graph on ``len(nodes)`` integer nodes with one cost per edge.

    ``nodes[i]`` is the id of node ``i`` and ``position`` the inverse; edge ``e`` runs
    ``src[e] -> dst[e]`` at ``cost[e]``; ``degree[i]`` is node ``i``'s number of distinct
    neighbours (in or out). Edges must be unique pairs without self-loops.
    """

    __slots__ = ("cost", "degree", "dst", "in_eid", "in_ptr", "nodes", "out_eid", "out_ptr", "position", "src")

    def __init__(self, nodes: Sequence[str], src: Any, dst: Any, cost: Any) -> None:
        """Arrays from sequences (or buffers) of node positions and costs."""
        self.nodes: tuple[str, ...] = tuple(nodes)
        self.position: Mapping[str, int] = {node: i for i, node in enumerate(self.nodes)}
        n = len(self.nodes)
        self.src = np.asarray(src, dtype=np.int64)
        self.dst = np.asarray(dst, dtype=np.int64)
        self.cost = np.asarray(cost, dtype=np.float64)
        self.out_ptr, self.out_eid = _csr(self.src, n)
        self.in_ptr, self.in_eid = _csr(self.dst, n)
        # distinct neighbours = out + in - the neighbours linked both ways
        pair = self.src * n + self.dst
        mutual = np.isin(self.dst * n + self.src, pair)
        self.degree = (
            np.bincount(self.src, minlength=n) + np.bincount(self.dst, minlength=n) - np.bincount(self.src[mutual], minlength=n)
        )

    def __len__(self) -> int:
        """The number of nodes."""
        return len(self.nodes)

    @property
    def number_of_edges(self) -> int:
        """The number of edges."""
        return int(self.src.size)

    def successors(self, u: int) -> np.ndarray:
        """The heads of ``u``'s out-edges, in insertion order."""
        return self.dst[self.out_eid[self.out_ptr[u] : self.out_ptr[u + 1]]]

    def predecessors(self, v: int) -> np.ndarray:
        """The tails of ``v``'s in-edges, in insertion order."""
        return self.src[self.in_eid[self.in_ptr[v] : self.in_ptr[v + 1]]]

    def out_edges(self, nodes: np.ndarray) -> np.ndarray:
        """The ids of every out-edge of ``nodes`` (an int array)."""
        return _gather(self.out_ptr, self.out_eid, nodes)

    def hop_distances(self, starts: np.ndarray, *, forward: bool, limit: int, allow: EdgeFilter | None = None) -> np.ndarray:
        """Breadth-first hop distances from ``starts`` (-1 beyond ``limit`` or unreached).

        ``forward`` walks edges ``src -> dst``, otherwise ``dst -> src``. ``allow(tail, head)``
        gets the edges the search could walk next (``tail``: the node it stands on, ``head``:
        the node it would reach; both arrays of node positions) and returns which it may take.
        """
        ptr, eids = (self.out_ptr, self.out_eid) if forward else (self.in_ptr, self.in_eid)
        here, there = (self.src, self.dst) if forward else (self.dst, self.src)
        dist = np.full(len(self.nodes), -1, dtype=np.int64)
        frontier = np.unique(np.asarray(starts, dtype=np.int64))
        dist[frontier] = 0
        for level in range(1, limit + 1):
            if frontier.size == 0:
                break
            walked = _gather(ptr, eids, frontier)
            tail, head = here[walked], there[walked]
            if allow is not None:
                head = head[allow(tail, head)]
            head = np.unique(head[dist[head] < 0])
            dist[head] = level
            frontier = head
        return dist
