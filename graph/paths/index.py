"""The search graph of a network for one mode and set of filters, built once and reused by many searches.

Every edge of the network that passes the filters becomes a search edge ``u -> v`` (in
exploratory mode also ``v -> u``) at ``-log`` of its support plus :data:`~mechkg.paths.score.STEP_COST`.
Claims flagged as probably wrong (:data:`~mechkg.paths.defaults.PROBABLY_WRONG`) count only with
``include_doubtful``, so an edge whose every claim is so flagged is left out by default;
a pair of nodes linked by several such edges keeps one search edge at the cheapest cost, and
the edges it stands for (its *options*, :func:`edge_options`) are weighed again, as
:class:`~mechkg.paths.result.Hop` records, when a path uses it (:func:`weigh_hop`).

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import Claim, EntityNode
>>> nodes = [EntityNode(n, "GeneProduct", n, n, n) for n in "XYZ"]
>>> claims = [Claim("c1", "X", "increases", "Y", 1, source="s", evidence_level="in_vitro"),
...           Claim("c2", "Y", "decreases", "Z", -1, source="s", evidence_level="human_trial")]
>>> index = path_index(assemble(nodes, claims, [c.triple for c in claims]))
>>> index.search.number_of_edges, dict(index.degree)
(2, {'X': 1, 'Y': 2, 'Z': 1})
>>> [(o.predicate, o.sign) for o in edge_options(index, "Y", "Z")], weigh_hop(index, edge_options(index, "Y", "Z")[0]).support
([('decreases', -1)], 0.9)
>>> path_index(index.G, min_evidence="human").search.number_of_edges  # the in-vitro claim does not count
1

A search edge whose claims are all about some disease keeps, in ``scopes``, its options' costs with
those diseases, so that a question about another disease can rank it down (:mod:`mechkg.paths.criteria`).
"""

from __future__ import annotations

import gc
import math
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np

from mechkg.network.evidence import Claim
from mechkg.paths import defaults
from mechkg.paths.engine import SearchGraph
from mechkg.paths.result import Hop
from mechkg.paths.score import EVIDENCE_FLOORS, STEP_COST, STRUCTURAL_VALUE, edge_scope, weigh_claims
from mechkg.paths.taxonomy import exact_matches, narrower_index, narrower_kinds

__all__ = ["EdgeOption", "PathIndex", "Scopes", "edge_options", "path_index", "weigh_hop"]

Scopes = Mapping[int, tuple[tuple[float, frozenset[str] | None], ...]]
"""Search edge id -> the (cost, diseases) of its options, for edges with an option whose claims all name a disease."""


@dataclass(frozen=True, slots=True)
class EdgeOption:
    """One way to walk from u to v in the search graph: an edge of G, forwards or backwards, at its cost.

    ``scope``: the diseases its counted claims are about, None if one of them names none.
    """

    subject: str
    predicate: str
    object: str
    forward: bool
    sign: int
    cost: float
    scope: frozenset[str] | None = None


@dataclass(frozen=True, eq=False)
class PathIndex:
    """The search graph of ``G`` for one mode and set of filters, built once by :func:`path_index`.

    ``search`` is a :class:`~mechkg.paths.engine.SearchGraph`: one edge ``u -> v`` per pair of
    nodes linked by at least one edge of ``G`` that passes the filters (in exploratory mode
    also reversed edges), at ``cost`` = ``-log`` of the best such edge's support
    ``- log(LENGTH_FACTOR)``; the edges of ``G`` an edge stands for (its *options*, best first)
    are weighed again when a path uses it. ``degree`` is each node's number of distinct
    neighbours in the search graph (for the hub penalty). ``H`` is the same graph as a
    :class:`networkx.DiGraph` with ``options`` and ``cost`` on every edge, built on first use:
    the reference the compact search is checked against (slow and large on big graphs).
    Reuse one index for many queries with the same filters (as
    :func:`~mechkg.paths.search.mechanisms` does); a search does not change it.
    ``include_doubtful``: whether claims flagged as probably wrong count; ``scopes``: see :data:`Scopes`.
    """

    G: nx.MultiDiGraph
    search: SearchGraph
    mode: str
    min_evidence: str
    predicates: frozenset[str] | None
    classes: frozenset[str] | None
    disease_context: str | None
    floor: frozenset[str] | None = None
    context_diseases: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()
    narrower: Mapping[str, Sequence[str]] = field(default_factory=dict, repr=False)
    exact: Mapping[str, set[str]] = field(default_factory=dict, repr=False)
    kind_ok: np.ndarray | None = field(default=None, repr=False)
    include_doubtful: bool = defaults.INCLUDE_DOUBTFUL
    scopes: Scopes = field(default_factory=dict, repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def degree(self) -> Mapping[str, int]:
        """Node id -> its number of distinct neighbours in the search graph."""
        return _Degrees(self.search)

    @cached_property
    def H(self) -> nx.DiGraph:  # noqa: N802 - the networkx name of a graph
        """The search graph as a :class:`networkx.DiGraph` (``options``, ``cost`` per edge)."""
        return _networkx_search_graph(self)


class _Degrees(Mapping[str, int]):
    """A read-only mapping node id -> degree over a :class:`SearchGraph`."""

    def __init__(self, search: SearchGraph) -> None:
        self._search = search

    def __getitem__(self, node: str) -> int:
        return int(self._search.degree[self._search.position[node]])

    def __iter__(self) -> Iterator[str]:
        return iter(self._search.nodes)

    def __len__(self) -> int:
        return len(self._search)


def path_index(
    G: nx.MultiDiGraph,
    *,
    mode: defaults.Mode = defaults.MODE,
    min_evidence: defaults.Floor = defaults.MIN_EVIDENCE,
    predicates: Iterable[str] | None = None,
    classes: Iterable[str] | None = None,
    disease_context: str | None = None,
    include_doubtful: bool = defaults.INCLUDE_DOUBTFUL,
) -> PathIndex:
    """Build the search graph of ``G`` for one mode and set of filters (see :class:`PathIndex`).

    Only edges with at least one claim passing the evidence floor (and, with
    ``disease_context``, made about that disease or a narrower one; without
    ``include_doubtful``, not flagged as probably wrong) are kept; in exploratory
    mode edges without claims count :data:`~mechkg.paths.score.STRUCTURAL_VALUE`. ``predicates``
    limits the mechanistic predicates, ``classes`` the classes of intermediate nodes (the ends are
    free). Clinical studies and self-loops are left out. One pass over the edges of ``G``, with the
    cyclic garbage collector paused (it would otherwise rescan the millions of new objects).
    """
    if mode not in ("causal", "exploratory"):
        raise ValueError(f"mode must be 'causal' or 'exploratory', not {mode!r}")
    if min_evidence not in EVIDENCE_FLOORS:
        raise ValueError(f"min_evidence must be one of {', '.join(EVIDENCE_FLOORS)}, not {min_evidence!r}")
    wanted = frozenset(predicates) if predicates is not None else None
    kinds = frozenset(classes) if classes is not None else None
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(G, mode, min_evidence, wanted, kinds, disease_context, include_doubtful)
    finally:
        if collecting:
            gc.enable()


def _build(
    G: nx.MultiDiGraph,
    mode: str,
    min_evidence: str,
    wanted: frozenset[str] | None,
    kinds: frozenset[str] | None,
    disease_context: str | None,
    include_doubtful: bool,
) -> PathIndex:
    """:func:`path_index` with its arguments checked (and the garbage collector paused)."""
    floor = EVIDENCE_FLOORS[min_evidence]
    narrower = narrower_index(G)
    diseases = frozenset({disease_context, *narrower_kinds(narrower, disease_context)}) if disease_context else None
    nodes = list(G)
    types = [data.get("type") for _, data in G.nodes(data=True)]
    excluded = frozenset(node for node, kind in zip(nodes, types, strict=True) if kind == "ClinicalStudy")
    src, dst, cost, scopes = _search_edges(G, nodes, excluded, mode, (wanted, floor, diseases, include_doubtful))
    search = SearchGraph(nodes, src, dst, cost)
    kind_ok = None if kinds is None else np.fromiter((t in kinds for t in types), dtype=bool, count=len(nodes))
    exact = exact_matches(G)
    return PathIndex(
        G, search, mode, min_evidence, wanted, kinds, disease_context, floor, diseases, excluded, narrower, exact, kind_ok,
        include_doubtful, scopes,
    )  # fmt: skip


Filters = tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str] | None, bool]
"""What a claim must pass to count: predicates wanted, evidence floor, diseases, include_doubtful."""


class _Edges:
    """The search edges being collected: arrays (tail, head, cost) in first-seen order, and their scopes."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.pair: dict[int, int] = {}  # u * n + v -> edge id
        self.src, self.dst, self.cost = array("q"), array("q"), array("d")
        self.scoped: dict[int, list[tuple[float, frozenset[str] | None]]] = {}

    def offer(self, iu: int, iv: int, c: float, scope: frozenset[str] | None) -> None:
        """Offer an option ``iu -> iv`` at cost ``c``: the search edge keeps the cheapest, ``scoped`` all of them."""
        cost, scoped = self.cost, self.scoped
        e = self.pair.get(iu * self.n + iv)
        if e is None:
            e = self.pair[iu * self.n + iv] = len(cost)
            self.src.append(iu)
            self.dst.append(iv)
            cost.append(c)
            if scope is not None:
                scoped[e] = [(c, scope)]
            return
        if scope is not None and e not in scoped:
            scoped[e] = [(cost[e], None)]  # the cheapest of its general options so far
        if e in scoped:
            scoped[e].append((c, scope))
        if c < cost[e]:
            cost[e] = c


def _search_edges(
    G: nx.MultiDiGraph, nodes: Sequence[str], excluded: frozenset[str], mode: str, filters: Filters
) -> tuple[array, array, array, dict[int, tuple[tuple[float, frozenset[str] | None], ...]]]:
    """The search edges as arrays (tail, head, cost), ids in first-seen order, as networkx would add them, and their scopes."""
    position = {node: i for i, node in enumerate(nodes)}
    claims = G.graph.get("claims", {})
    exploratory = mode == "exploratory"
    edges = _Edges(len(nodes))
    offer = edges.offer
    for u, neighbours in G.adjacency():
        if u in excluded:
            continue
        iu = position[u]
        for v, keyed in neighbours.items():
            if u == v or v in excluded:
                continue
            iv = position[v]
            for key, data in keyed.items():
                c, scope = _edge_cost(claims, key, data, mode, filters)
                if c is None:
                    continue
                offer(iu, iv, c, scope)
                if exploratory:
                    offer(iv, iu, c, scope)
    return edges.src, edges.dst, edges.cost, {e: tuple(options) for e, options in edges.scoped.items()}


def _edge_cost(
    claims: Mapping[str, Claim], key: str, data: Mapping[str, Any], mode: str, filters: Filters
) -> tuple[float | None, frozenset[str] | None]:
    """The search cost of walking the edge of ``G`` with ``key``/``data`` (None if filtered out), and its scope."""
    wanted, floor, diseases, include_doubtful = filters
    if wanted is not None and key not in wanted:
        return None, None
    if mode == "causal" and not data.get("causal"):
        return None, None
    ids = data.get("claims", ())
    support, scope = edge_scope(claims, ids, floor, diseases, include_doubtful)
    if not ids and mode == "exploratory" and floor is None and diseases is None:
        support = STRUCTURAL_VALUE
    if support <= 0.0:
        return None, None
    return -math.log(support) + STEP_COST, scope


def _filters(index: PathIndex) -> Filters:
    """The claim filters ``index`` was built with."""
    return (index.predicates, index.floor, index.context_diseases, index.include_doubtful)


def edge_options(index: PathIndex, u: str, v: str) -> tuple[EdgeOption, ...]:
    """The edges of ``G`` that the search edge ``u -> v`` stands for, best first."""
    G, claims = index.G, index.G.graph.get("claims", {})
    if u == v or u in index.excluded or v in index.excluded:
        return ()
    walks = [(u, v, True)] + ([(v, u, False)] if index.mode == "exploratory" else [])
    opts = []
    for a, b, forward in walks:
        for key, data in G.get_edge_data(a, b, default={}).items():
            cost, scope = _edge_cost(claims, key, data, index.mode, _filters(index))
            if cost is not None:
                opts.append(EdgeOption(a, key, b, forward, int(data.get("sign", 0)), cost, scope))
    opts.sort(key=lambda o: (o.cost, not o.forward, o.predicate))
    return tuple(opts)


def weigh_hop(index: PathIndex, option: EdgeOption) -> Hop:
    """The mechanism :class:`~mechkg.paths.result.Hop` of a search option, with its claims weighed."""
    data = index.G.edges[option.subject, option.object, option.predicate]
    claims, support, sources = weigh_claims(
        index.G.graph.get("claims", {}), data.get("claims", ()), index.floor, index.context_diseases, index.include_doubtful
    )
    if not data.get("claims") and index.mode == "exploratory":
        support = STRUCTURAL_VALUE
    aspects = tuple(data.get("aspects", ()))
    return Hop(
        option.subject,
        option.predicate,
        option.object,
        "mechanism",
        option.sign,
        option.forward,
        aspects,
        claims,
        support,
        sources,
    )


def _networkx_search_graph(index: PathIndex) -> nx.DiGraph:
    """The search graph as a networkx DiGraph, built edge by edge (the reference implementation)."""
    G = index.G
    options: dict[tuple[str, str], list[EdgeOption]] = defaultdict(list)
    claims = G.graph.get("claims", {})
    for u, v, key, data in G.edges(keys=True, data=True):
        if u == v or G.nodes[u].get("type") == "ClinicalStudy" or G.nodes[v].get("type") == "ClinicalStudy":
            continue
        cost, scope = _edge_cost(claims, key, data, index.mode, _filters(index))
        if cost is None:
            continue
        sign = int(data.get("sign", 0))
        options[(u, v)].append(EdgeOption(u, key, v, True, sign, cost, scope))
        if index.mode == "exploratory":
            options[(v, u)].append(EdgeOption(u, key, v, False, sign, cost, scope))
    H = nx.DiGraph()
    H.add_nodes_from(G.nodes)
    for (u, v), opts in options.items():
        opts.sort(key=lambda o: (o.cost, not o.forward, o.predicate))
        H.add_edge(u, v, options=tuple(opts), cost=opts[0].cost)
    return H
