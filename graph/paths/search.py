"""Mechanism paths: how could therapy T act on disease D? Signed, ranked and explained chains.

A *mechanism path* runs from what a therapy gives to the disease through at least two
mechanistic hops, every hop backed by the claims (quotes) that state it. Two modes:

``causal`` (default)
    directed chains of causal edges (``causal`` True in the ontology); the net sign is the
    product of the hop signs: −1 *counteracts* D (a therapeutic explanation), +1 *aggravates*
    D, 0 *unknown sign* (some hop, e.g. ``regulates``, has no stated direction).
``exploratory``
    any edges, either direction ("how are these two connected at all"); a net sign is given
    only when every hop is a causal edge walked forwards, otherwise the verdict is
    *connection*. Clinical-study nodes are not intermediates (they are provenance).

**Entry and exit.** A path starts at the therapy node or at an entity the therapy ``uses``
(its cells, vesicles or drugs; the ``uses`` hop is an *entry* hop). With ``inherit`` (the
default) it may also start at a more general kind of either (skos:broader, e.g. UC-MSC → MSC,
UC-MSC therapy → MSC therapy): statements the source makes about MSCs in general apply to
UC-MSCs. Symmetrically it may end at a narrower kind of D (ulcerative colitis for IBD) and,
with ``inherit``, at a more general one (a claim about autoimmune diseases read for SLE).
Entry/exit hops are shown, have no sign (they are not mechanisms) and each generalisation step
costs a *specificity* factor. A direct edge from an entry to a target is not a mechanism but
the observed outcome (e.g. ``ameliorates`` as reported by a trial): it is reported apart, with
its study figures.

**Score** = evidence × length × hub × specificity, all in (0, 1], all reported:

* evidence: the product over mechanistic hops of the hop's support. A hop's support combines
  its *independent* sources by noisy-or, ``1 − Π(1 − v_s)``, where ``v_s`` is the strongest
  claim of source ``s`` (several claims of one source count once): strength by evidence
  level (:data:`EVIDENCE_STRENGTH`, human trial > case report > human observational > animal
  model > in vitro > review assertion > author statement), halved for flagged claims.
* length: :data:`LENGTH_FACTOR` per hop beyond two.
* hub: Π over the start of the mechanism and the intermediate nodes of
  ``degree ** -HUB_DAMPING`` (a node-wise form of Hetionet's degree-weighted path count, which
  also damps the source's degree), so paths through specific nodes rank above paths through
  hubs such as "inflammation", and paths from what is particular to a therapy (Let-7f for
  Let-7f-modified MSCs) above paths from what many therapies share (MSC).
* specificity: :data:`GENERALISATION_FACTOR` per ``broader`` entry/exit step.

**Order**: fewest *generalisations* first (entry steps up to a more general kind, exit steps
down from a more general disease: paths that need no inheritance explain *this* therapy and
disease), then highest score. The score parts and the number of generalisations are reported.

As every factor is a product over hops, ``-log(score)`` is a sum of non-negative edge weights
(plus a large constant per generalisation), and Yen's k-shortest simple paths
(:func:`networkx.shortest_simple_paths`) yields node paths in exactly this order on a simple
directed search graph built once per set of filters (the :class:`PathIndex`).

**Large graphs.** The search graph is a compact :class:`~mechkg.paths.engine.SearchGraph`
(integer nodes, numpy arrays, one pass over ``G`` with the garbage collector paused): two
breadth-first searches over it find the few nodes that can lie on a path of at most
``max_hops`` hops, and Yen runs on that subgraph only, its edges in the order the whole
networkx graph would hold them, so the paths, their order and ties are those of Yen on the
whole graph (``engine="full"``, kept as the reference and checked against in the tests). On
a synthetic graph of 10^6 edges this took the query from 2.6–4.3 s to ~0.12 s and the index
from 20–45 s and ~0.6 GB to ~6 s and ~0.1 GB (``benchmarks/paths_bench.py``). numpy (already
required by rustworkx) is a runtime dependency for it; igraph's faster Yen is not needed
since it only ever sees the pruned subgraph, and networkx alone gives the exact same order.

**Same mechanism.** Two paths are the same mechanism — listed once, the other kept under
``variants`` — when they have the same number of hops, the same direction of every hop, the
same net sign, and at each position the same node or *equivalent* nodes: one is a (transitive)
``broader`` of the other, or both share a standard identifier with an exact match. So MSC →
IDO1 → … reached from "MSC therapy" and from "UC-MSC therapy" is one mechanism, as is
``MSC —secretes→ IL-10`` beside ``MSC —increases→ IL-10``.

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import Claim, EntityNode
>>> nodes = [EntityNode(n, t, n, n, n) for n, t in [("T", "Therapy"), ("C", "CellType"), ("X", "GeneProduct"), ("D", "Disease")]]
>>> claims = [Claim("c1", "C", "secretes", "X", 1, source="src", evidence_level="in_vitro", disease=("D",)),
...           Claim("c2", "X", "decreases", "D", -1, source="src", evidence_level="review_assertion", disease=("D",))]
>>> G = assemble(nodes, claims, [("T", "uses", "C"), *(c.triple for c in claims)])
>>> found = mechanism_paths(G, "T", "D")
>>> [n.id for n in found.paths[0].nodes], found.paths[0].verdict
(['T', 'C', 'X', 'D'], 'counteracts')
>>> round(found.paths[0].score.evidence, 4)  # 0.45 (in vitro) × 0.35 (review assertion)
0.1575
"""

from __future__ import annotations

import gc
import itertools
import math
import threading
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

import networkx as nx
import numpy as np

from mechkg.network.evidence import Claim, Study
from mechkg.network.names import resolve_name
from mechkg.paths.engine import SearchGraph

__all__ = [
    "EVIDENCE_FLOORS",
    "EVIDENCE_STRENGTH",
    "FLAG_FACTOR",
    "GENERALISATION_FACTOR",
    "HUB_DAMPING",
    "LENGTH_FACTOR",
    "STRUCTURAL_VALUE",
    "ClaimSupport",
    "Hop",
    "MechanismPath",
    "MechanismResult",
    "Node",
    "ObservedOutcome",
    "PartialChain",
    "PathIndex",
    "ScoreParts",
    "StudyFigures",
    "TherapyMechanism",
    "ancestors",
    "borrowed_hops",
    "descendants",
    "mechanism_paths",
    "mechanisms",
    "path_index",
    "resolve_therapies",
]

Mode = Literal["causal", "exploratory"]
Floor = Literal["human", "animal", "any"]
Engine = Literal["pruned", "full"]

EVIDENCE_STRENGTH: Mapping[str, float] = {
    "human_trial": 0.9,
    "case_report": 0.75,
    "human_observational": 0.7,
    "animal_model": 0.6,
    "in_vitro": 0.45,
    "review_assertion": 0.35,
    "author_statement": 0.2,
}
"""Support one claim gives its hop, by evidence level (CURATION.md's categories)."""

EVIDENCE_FLOORS: Mapping[str, frozenset[str] | None] = {
    "human": frozenset({"human_trial", "case_report", "human_observational"}),
    "animal": frozenset({"human_trial", "case_report", "human_observational", "animal_model"}),
    "any": None,
}
"""``min_evidence`` -> the evidence levels a claim needs to count (None: all)."""

FLAG_FACTOR = 0.5
"""A flagged claim (mistranslation, contradicts biology …) counts this much of its strength."""
LENGTH_FACTOR = 0.8
"""Score factor per mechanistic hop beyond two."""
HUB_DAMPING = 0.3
"""Exponent ``w`` of the hub penalty ``degree ** -w`` per intermediate node."""
GENERALISATION_FACTOR = 0.7
"""Score factor per ``broader`` step between the therapy (or the disease) and the path."""
STRUCTURAL_VALUE = 0.3
"""Exploratory mode only: support of an edge with no claim behind it (e.g. ``uses``)."""

_SOURCE = "@source"
_TARGET = "@target"
_MAX_CANDIDATES = 400
_TIER = 1000.0  # search-cost offset per generalisation: fewer generalisations always rank first
_EPS = 1e-12
_STEP_COST = -math.log(LENGTH_FACTOR)


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    """A node of a path: id, English and Chinese label, a short display name, class."""

    id: str
    label: str
    label_zh: str
    short: str
    type: str

    @classmethod
    def from_graph(cls, G: nx.MultiDiGraph, node: str) -> Node:
        """The node ``node`` of ``G``."""
        data = G.nodes[node]
        return cls(node, data.get("label_en", node), data.get("label_zh", ""), short_label(G, node), data.get("type", ""))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``id``, ``label`` (English), ``label_zh``, ``short``, ``type``."""
        return {"id": self.id, "label": self.label, "label_zh": self.label_zh, "short": self.short, "type": self.type}


@dataclass(frozen=True, slots=True)
class ClaimSupport:
    """One claim behind a hop, with the value it adds (strength, halved if flagged)."""

    id: str
    source: str
    evidence_level: str
    flagged: bool
    value: float

    @classmethod
    def from_claim(cls, claim: Claim) -> ClaimSupport:
        """Weigh a claim of ``G.graph["claims"]``."""
        level = claim.evidence_level
        value = EVIDENCE_STRENGTH.get(level, 0.0) * (FLAG_FACTOR if claim.flagged else 1.0)
        return cls(claim.id, claim.source, level, claim.flagged, value)


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path, as the edge of the graph it walks (``subject`` -> ``object``).

    ``kind`` is ``mechanism`` (counted in hops, signed, scored), ``entry`` (``uses`` or
    ``broader`` from the therapy to where the mechanism starts) or ``exit`` (``broader`` from
    a narrower disease to the disease asked about). ``forward`` is False when an exploratory
    path walks the edge backwards. ``support`` is the hop's evidence value (noisy-or over
    independent sources); ``sources`` the number of independent sources.
    """

    subject: str
    predicate: str
    object: str
    kind: str
    sign: int | None
    forward: bool = True
    aspects: tuple[str, ...] = ()
    claims: tuple[ClaimSupport, ...] = ()
    support: float = 1.0
    sources: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        """``(subject, predicate, object)``: the edge's identity."""
        return (self.subject, self.predicate, self.object)


@dataclass(frozen=True, slots=True)
class ScoreParts:
    """A path's score and the factors it is the product of (see the module docstring)."""

    evidence: float
    length: float
    hub: float
    specificity: float
    hub_degrees: tuple[tuple[str, int], ...] = ()
    generalisations: int = 0

    @property
    def total(self) -> float:
        """The score: evidence × length × hub × specificity."""
        return self.evidence * self.length * self.hub * self.specificity

    def to_dict(self) -> dict[str, Any]:
        """JSON form, rounded to 6 digits."""
        return {
            "total": round(self.total, 6),
            "evidence": round(self.evidence, 6),
            "length": round(self.length, 6),
            "hub": round(self.hub, 6),
            "specificity": round(self.specificity, 6),
            "generalisations": self.generalisations,
            "hub_degrees": dict(self.hub_degrees),
        }


@dataclass(frozen=True, slots=True)
class MechanismPath:
    """A ranked explanation: the nodes, the hops with their claims, net sign and score."""

    therapy: str
    disease: str
    nodes: tuple[Node, ...]
    hops: tuple[Hop, ...]
    net_sign: int | None
    score: ScoreParts
    variants: tuple[tuple[str, ...], ...] = ()

    @property
    def verdict(self) -> str:
        """``counteracts`` (−1), ``aggravates`` (+1), ``unknown sign`` (0), ``connection`` (None)."""
        return _verdict(self.net_sign)

    @property
    def mechanism_hops(self) -> tuple[Hop, ...]:
        """The hops that are mechanisms (not entry/exit)."""
        return tuple(h for h in self.hops if h.kind == "mechanism")

    @property
    def node_ids(self) -> tuple[str, ...]:
        """The ids of the nodes, in order."""
        return tuple(n.id for n in self.nodes)


@dataclass(frozen=True, slots=True)
class StudyFigures:
    """A clinical study behind an observed outcome, with the numbers the source reports."""

    id: str
    label: str
    study: Study


@dataclass(frozen=True, slots=True)
class ObservedOutcome:
    """A direct edge from the therapy (or what it uses) to the disease: the clinical effect."""

    entry: tuple[Hop, ...]
    hop: Hop
    studies: tuple[StudyFigures, ...]


@dataclass(frozen=True, slots=True)
class PartialChain:
    """The start of a chain from the therapy, or the end of one into the disease, that got nearest.

    ``side`` is ``from_therapy`` or ``to_disease``; ``gap`` the number of hops (in any
    direction, any edge) still missing between its open end and the other side, None if none.
    """

    side: str
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]
    gap: int | None


@dataclass(frozen=True, slots=True)
class MechanismResult:
    """The answer to "how could T act on D": paths, observed outcome, and what was asked."""

    query: str
    source: str
    target: str
    therapies: tuple[str, ...]
    mode: str
    paths: tuple[MechanismPath, ...]
    observed: tuple[ObservedOutcome, ...]
    partial: tuple[PartialChain, ...] = ()
    truncated: bool = False
    constraints: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TherapyMechanism:
    """One line of :func:`mechanisms`: a therapy, its best path to D, and its observed outcome."""

    therapy: str
    best: MechanismPath | None
    paths: int
    observed: tuple[ObservedOutcome, ...]


# ---------------------------------------------------------------------------------------------
# Hierarchy and names
# ---------------------------------------------------------------------------------------------


def ancestors(G: nx.MultiDiGraph, node: str) -> dict[str, int]:
    """Every more general entity of ``node`` (transitive ``broader``) -> its distance in steps.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("UC_MSC", broader=["MSC"]); G.add_node("MSC", broader=["STEM_CELL"]); G.add_node("STEM_CELL")
    >>> ancestors(G, "UC_MSC")
    {'MSC': 1, 'STEM_CELL': 2}
    """
    found: dict[str, int] = {}
    queue = deque([(node, 0)])
    while queue:
        current, depth = queue.popleft()
        for parent in sorted(G.nodes[current].get("broader", ())) if current in G else ():
            if parent not in found and parent != node and parent in G:
                found[parent] = depth + 1
                queue.append((parent, depth + 1))
    return found


def _narrower_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        for parent in data.get("broader", ()):
            index[parent].append(node)
    return index


def _descendants(narrower: Mapping[str, Sequence[str]], node: str) -> dict[str, int]:
    found: dict[str, int] = {}
    queue = deque([(node, 0)])
    while queue:
        current, depth = queue.popleft()
        for child in sorted(narrower.get(current, ())):
            if child not in found and child != node:
                found[child] = depth + 1
                queue.append((child, depth + 1))
    return found


def descendants(G: nx.MultiDiGraph, node: str) -> dict[str, int]:
    """Every narrower entity of ``node`` (inverse transitive ``broader``) -> its distance.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("UC_MSC", broader=["MSC"]); G.add_node("MSC", broader=["STEM_CELL"]); G.add_node("STEM_CELL")
    >>> descendants(G, "STEM_CELL")
    {'MSC': 1, 'UC_MSC': 2}
    """
    return _descendants(_narrower_index(G), node)


def short_label(G: nx.MultiDiGraph, node: str) -> str:
    """A short display name: the shortest Latin-script synonym if shorter than the English label.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("SLE", label_en="systemic lupus erythematosus", synonyms=["SLE", "lupus", "紅斑狼瘡"])
    >>> short_label(G, "SLE")
    'SLE'
    """
    data = G.nodes[node]
    label = data.get("label_en") or node
    latin = [s for s in data.get("synonyms", ()) if len(s) >= 2 and all(ord(ch) < 0x2E80 for ch in s)]
    best = min(latin, key=lambda s: (len(s), s), default=label)
    return best if len(best) < len(label) else label


def resolve_therapies(G: nx.MultiDiGraph, name: str, *, strict: bool = True) -> tuple[str, ...]:
    """The Therapy nodes ``name`` means: a therapy, a class of therapies, or what they use.

    ``name`` is resolved with :func:`mechkg.network.names.resolve_name` (id, label or synonym, en or
    zh-Hant). A Therapy means itself and its narrower therapies. Any other entity (a cell
    source "MSC", a vesicle "exosome", a drug) means every Therapy whose ``uses`` reach that
    entity or a narrower one; if no therapy uses it, the entity itself is the start.
    With ``strict``, an unknown or ambiguous name raises :class:`~mechkg.errors.UnknownEntity`;
    otherwise the result is empty.
    """
    return _resolve_therapies(G, name, _narrower_index(G), strict=strict)


def _resolve_therapies(
    G: nx.MultiDiGraph, name: str, narrower: Mapping[str, Sequence[str]], *, strict: bool = True
) -> tuple[str, ...]:
    node = resolve_name(G, name, strict=strict)
    if node is None:
        return ()
    if G.nodes[node].get("type") == "Therapy":
        return (node, *sorted(n for n in _descendants(narrower, node) if G.nodes[n].get("type") == "Therapy"))
    kinds = {node, *_descendants(narrower, node)}
    using = sorted(
        t
        for t, data in G.nodes(data=True)
        if data.get("type") == "Therapy" and any(k == "uses" and v in kinds for _, v, k in G.out_edges(t, keys=True))
    )
    return tuple(using) or (node,)


def _exact_matches(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    exact: dict[str, set[str]] = defaultdict(set)
    for node, data in G.nodes(data=True):
        for xref in data.get("xrefs", ()):
            if xref.match == "exact":
                exact[node].add(xref.curie)
    return exact


def _equivalents(G: nx.MultiDiGraph, exact: Mapping[str, set[str]]) -> Callable[[str, str], bool]:
    cache: dict[str, set[str]] = {}

    def up(node: str) -> set[str]:
        if node not in cache:
            cache[node] = set(ancestors(G, node)) if node in G else set()
        return cache[node]

    def same(a: str, b: str) -> bool:
        return a == b or a in up(b) or b in up(a) or bool(exact.get(a, set()) & exact.get(b, set()))

    return same


def _verdict(sign: int | None) -> str:
    return {-1: "counteracts", 1: "aggravates", 0: "unknown sign"}.get(sign, "connection") if sign is not None else "connection"


# ---------------------------------------------------------------------------------------------
# The search graph
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Option:
    """One way to walk from u to v in the search graph: an edge of G, forwards or backwards."""

    subject: str
    predicate: str
    object: str
    forward: bool
    sign: int
    cost: float


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
    Reuse one index for many queries with the same filters (as :func:`mechanisms` does); a
    search does not change it.
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


def _claim_support(
    G: nx.MultiDiGraph, ids: Iterable[str], floor: frozenset[str] | None, diseases: set[str] | None
) -> tuple[tuple[ClaimSupport, ...], float, int]:
    claims = G.graph.get("claims", {})
    kept = []
    for cid in ids:
        claim = claims.get(cid)
        if claim is None:
            continue
        if floor is not None and claim.evidence_level not in floor:
            continue
        if diseases is not None and not diseases & set(claim.disease):
            continue
        kept.append(ClaimSupport.from_claim(claim))
    best_by_source: dict[str, float] = {}
    for c in kept:
        best_by_source[c.source] = max(best_by_source.get(c.source, 0.0), c.value)
    support = 1.0 - math.prod(1.0 - v for v in best_by_source.values()) if best_by_source else 0.0
    return tuple(sorted(kept, key=lambda c: (-c.value, c.id))), support, len(best_by_source)


def _support_only(
    claims: Mapping[str, Claim], ids: Iterable[str], floor: frozenset[str] | None, diseases: frozenset[str] | None
) -> float:
    """The support :func:`_claim_support` computes, without making records (for big graphs)."""
    if isinstance(ids, list | tuple) and len(ids) == 1:  # the common case, in the same arithmetic as below
        c = claims.get(ids[0])
        if c is None:
            return 0.0
        level = c.evidence_level
        if (floor is not None and level not in floor) or (diseases is not None and diseases.isdisjoint(c.disease)):
            return 0.0
        return 1.0 - 1 * (1.0 - max(0.0, EVIDENCE_STRENGTH.get(level, 0.0) * (FLAG_FACTOR if c.flags else 1.0)))
    best: dict[str, float] = {}
    for cid in ids:
        c = claims.get(cid)
        if c is None:
            continue
        level = c.evidence_level
        if (floor is not None and level not in floor) or (diseases is not None and diseases.isdisjoint(c.disease)):
            continue
        value = EVIDENCE_STRENGTH.get(level, 0.0) * (FLAG_FACTOR if c.flags else 1.0)
        source = c.source
        best[source] = max(best.get(source, 0.0), value)
    return 1.0 - math.prod(1.0 - v for v in best.values()) if best else 0.0


def _hop(index: PathIndex, option: _Option) -> Hop:
    """The :class:`Hop` of a search option, with its claims weighed."""
    data = index.G.edges[option.subject, option.object, option.predicate]
    claims, support, sources = _claim_support(index.G, data.get("claims", ()), index.floor, index.context_diseases)
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


def _edge_cost(
    claims: Mapping[str, Claim],
    key: str,
    data: Mapping[str, Any],
    mode: str,
    wanted: frozenset[str] | None,
    floor: frozenset[str] | None,
    diseases: frozenset[str] | None,
) -> float | None:
    """The search cost of walking the edge of ``G`` with ``key``/``data``, or None if filtered out."""
    if wanted is not None and key not in wanted:
        return None
    if mode == "causal" and not data.get("causal"):
        return None
    ids = data.get("claims", ())
    support = _support_only(claims, ids, floor, diseases)
    if not ids and mode == "exploratory" and floor is None and diseases is None:
        support = STRUCTURAL_VALUE
    if support <= 0.0:
        return None
    return -math.log(support) + _STEP_COST


def _options(index: PathIndex, u: str, v: str) -> tuple[_Option, ...]:
    """The edges of ``G`` that the search edge ``u -> v`` stands for, best first."""
    G, claims = index.G, index.G.graph.get("claims", {})
    if u == v or u in index.excluded or v in index.excluded:
        return ()
    walks = [(u, v, True)] + ([(v, u, False)] if index.mode == "exploratory" else [])
    opts = []
    for a, b, forward in walks:
        for key, data in G.get_edge_data(a, b, default={}).items():
            cost = _edge_cost(claims, key, data, index.mode, index.predicates, index.floor, index.context_diseases)
            if cost is not None:
                opts.append(_Option(a, key, b, forward, int(data.get("sign", 0)), cost))
    opts.sort(key=lambda o: (o.cost, not o.forward, o.predicate))
    return tuple(opts)


def path_index(
    G: nx.MultiDiGraph,
    *,
    mode: Mode = "causal",
    min_evidence: Floor = "any",
    predicates: Iterable[str] | None = None,
    classes: Iterable[str] | None = None,
    disease_context: str | None = None,
) -> PathIndex:
    """Build the search graph of ``G`` for one mode and set of filters (see :class:`PathIndex`).

    Only edges with at least one claim passing the evidence floor (and, with
    ``disease_context``, made about that disease or a narrower one) are kept; in exploratory
    mode edges without claims count :data:`STRUCTURAL_VALUE`. ``predicates`` limits the
    mechanistic predicates, ``classes`` the classes of intermediate nodes (the ends are free).
    Clinical studies and self-loops are left out. One pass over the edges of ``G``, with the
    cyclic garbage collector paused (it would otherwise rescan the millions of new objects).
    """
    if mode not in ("causal", "exploratory"):
        raise ValueError(f"mode must be 'causal' or 'exploratory', not {mode!r}")
    if min_evidence not in EVIDENCE_FLOORS:
        raise ValueError(f"min_evidence must be one of {', '.join(EVIDENCE_FLOORS)}, not {min_evidence!r}")
    floor = EVIDENCE_FLOORS[min_evidence]
    wanted = frozenset(predicates) if predicates is not None else None
    kinds = frozenset(classes) if classes is not None else None
    collecting = gc.isenabled()
    gc.disable()
    try:
        narrower = _narrower_index(G)
        diseases = frozenset({disease_context, *_descendants(narrower, disease_context)}) if disease_context else None
        nodes = list(G)
        n = len(nodes)
        position = {node: i for i, node in enumerate(nodes)}
        types = [data.get("type") for _, data in G.nodes(data=True)]
        excluded = frozenset(node for node, kind in zip(nodes, types, strict=True) if kind == "ClinicalStudy")
        claims = G.graph.get("claims", {})
        exploratory = mode == "exploratory"
        pair: dict[int, int] = {}  # u * n + v -> edge id (ids in first-seen order, as networkx would add them)
        src, dst, cost = array("q"), array("q"), array("d")

        def offer(iu: int, iv: int, c: float) -> None:
            e = pair.get(iu * n + iv)
            if e is None:
                pair[iu * n + iv] = len(cost)
                src.append(iu)
                dst.append(iv)
                cost.append(c)
            elif c < cost[e]:
                cost[e] = c

        for u, neighbours in G.adjacency():
            if u in excluded:
                continue
            iu = position[u]
            for v, keyed in neighbours.items():
                if u == v or v in excluded:
                    continue
                iv = position[v]
                for key, data in keyed.items():
                    c = _edge_cost(claims, key, data, mode, wanted, floor, diseases)
                    if c is None:
                        continue
                    offer(iu, iv, c)
                    if exploratory:
                        offer(iv, iu, c)
        pair.clear()
        search = SearchGraph(nodes, src, dst, cost)
        kind_ok = None if kinds is None else np.fromiter((t in kinds for t in types), dtype=bool, count=n)
        exact = _exact_matches(G)
    finally:
        if collecting:
            gc.enable()
    return PathIndex(
        G, search, mode, min_evidence, wanted, kinds, disease_context, floor, diseases, excluded, narrower, exact, kind_ok
    )


def _networkx_search_graph(index: PathIndex) -> nx.DiGraph:
    """The search graph as a networkx DiGraph, built edge by edge (the reference implementation)."""
    G = index.G
    options: dict[tuple[str, str], list[_Option]] = defaultdict(list)
    claims = G.graph.get("claims", {})
    for u, v, key, data in G.edges(keys=True, data=True):
        if u == v or G.nodes[u].get("type") == "ClinicalStudy" or G.nodes[v].get("type") == "ClinicalStudy":
            continue
        cost = _edge_cost(claims, key, data, index.mode, index.predicates, index.floor, index.context_diseases)
        if cost is None:
            continue
        sign = int(data.get("sign", 0))
        options[(u, v)].append(_Option(u, key, v, True, sign, cost))
        if index.mode == "exploratory":
            options[(v, u)].append(_Option(u, key, v, False, sign, cost))
    H = nx.DiGraph()
    H.add_nodes_from(G.nodes)
    for (u, v), opts in options.items():
        opts.sort(key=lambda o: (o.cost, not o.forward, o.predicate))
        H.add_edge(u, v, options=tuple(opts), cost=opts[0].cost)
    return H


# ---------------------------------------------------------------------------------------------
# Entry and exit chains
# ---------------------------------------------------------------------------------------------


def _entries(G: nx.MultiDiGraph, therapies: Sequence[str], *, inherit: bool) -> dict[str, tuple[Hop, ...]]:
    """Entry node -> the shortest entry chain (uses / broader hops) from one of ``therapies``."""
    best: dict[str, tuple[int, int, str, tuple[Hop, ...]]] = {}

    def offer(node: str, chain: tuple[Hop, ...], therapy: str) -> None:
        steps = sum(h.predicate == "broader" for h in chain)
        rank = (steps, len(chain), therapy, chain)
        if node not in best or rank[:3] < best[node][:3]:
            best[node] = rank

    for therapy in therapies:
        starts: list[tuple[str, tuple[Hop, ...]]] = [(therapy, ())]
        if inherit:
            starts += [(a, _broader_chain(G, therapy, a)) for a in ancestors(G, therapy)]
        for node, chain in starts:
            offer(node, chain, therapy)
            for _, used, key in sorted(G.out_edges(node, keys=True)):
                if key != "uses":
                    continue
                uses_hop = Hop(node, "uses", used, "entry", None)
                offer(used, (*chain, uses_hop), therapy)
                if inherit:
                    for a in ancestors(G, used):
                        offer(a, (*chain, uses_hop, *_broader_chain(G, used, a)), therapy)
    return {node: rank[3] for node, rank in sorted(best.items())}


def _broader_chain(G: nx.MultiDiGraph, start: str, goal: str, kind: str = "entry") -> tuple[Hop, ...]:
    """The shortest chain of ``broader`` hops from ``start`` up to ``goal``."""
    previous: dict[str, str] = {start: start}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if current == goal:
            break
        for parent in sorted(G.nodes[current].get("broader", ())):
            if parent in G and parent not in previous:
                previous[parent] = current
                queue.append(parent)
    chain: list[Hop] = []
    node = goal
    while node != start:
        chain.append(Hop(previous[node], "broader", node, kind, None))
        node = previous[node]
    return tuple(reversed(chain))


def _exits(
    G: nx.MultiDiGraph, disease: str, *, inherit: bool = False, narrower: Mapping[str, Sequence[str]] | None = None
) -> dict[str, tuple[Hop, ...]]:
    """Target node -> its exit chain to ``disease`` (empty for D itself).

    A narrower disease goes up by ``broader`` hops; with ``inherit``, a more general one (a
    claim about "autoimmune disease" read for SLE) comes down them, walked backwards.
    ``narrower``: the inverse ``broader`` index of ``G``, if already built.
    """
    found: dict[str, tuple[Hop, ...]] = {disease: ()}
    for node in _descendants(_narrower_index(G) if narrower is None else narrower, disease):
        found[node] = _broader_chain(G, node, disease, "exit")
    if inherit:
        for node in ancestors(G, disease):
            if node not in found:
                up = _broader_chain(G, disease, node, "exit")
                found[node] = tuple(Hop(h.subject, h.predicate, h.object, "exit", None, False) for h in reversed(up))
    return found


def _specificity(chain: Iterable[Hop]) -> float:
    return GENERALISATION_FACTOR ** sum(h.predicate == "broader" for h in chain)


def _generalisations(chain: Iterable[Hop]) -> int:
    """Steps that read a claim about a more general kind (up from the therapy, down to D)."""
    return sum(h.predicate == "broader" and (h.kind == "entry" or not h.forward) for h in chain)


# ---------------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------------


def _hop_distances(adjacency: Callable[[str], Iterable[str]], starts: Iterable[str], limit: int) -> dict[str, int]:
    dist = {s: 0 for s in starts}
    queue = deque(dist)
    while queue:
        node = queue.popleft()
        if dist[node] >= limit:
            continue
        for nxt in adjacency(node):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


def _expand(
    index: PathIndex,
    node_path: Sequence[str],
    entry: tuple[Hop, ...],
    exit_: tuple[Hop, ...],
    therapy: str,
    disease: str,
    targets: set[str],
    options: Callable[[str, str], Sequence[_Option]],
    degree: Mapping[str, int],
) -> list[MechanismPath]:
    """Every signed combination of the edges between consecutive nodes of ``node_path``."""
    G = index.G
    per_hop = []
    for u, v in itertools.pairwise(node_path):
        opts = options(u, v)
        best_by_sign: dict[tuple[int, bool], _Option] = {}
        for o in opts:  # best first: keep the best option per (sign, direction) only
            best_by_sign.setdefault((o.sign, o.forward), o)
        per_hop.append([_hop(index, o) for o in best_by_sign.values()])
    hub_degrees = tuple((n, degree[n]) for n in node_path[:-1])
    hub = math.prod(max(d, 1) ** -HUB_DAMPING for _, d in hub_degrees)
    spec = _specificity(entry) * _specificity(exit_)
    general = _generalisations((*entry, *exit_))
    out = []
    for combo in itertools.product(*per_hop):
        hops = tuple(combo)
        evidence = math.prod(h.support for h in hops)
        length = LENGTH_FACTOR ** max(len(hops) - 2, 0)
        if index.mode == "causal" or all(
            h.forward and index.G.edges[h.subject, h.object, h.predicate].get("causal") for h in hops
        ):
            net: int | None = math.prod(int(h.sign or 0) for h in hops)
        else:
            net = None
        all_hops = (*entry, *hops, *exit_)
        ids = [therapy] + [h.object if h.forward else h.subject for h in all_hops]
        nodes = tuple(Node.from_graph(G, n) for n in ids)
        out.append(
            MechanismPath(therapy, disease, nodes, all_hops, net, ScoreParts(evidence, length, hub, spec, hub_degrees, general))
        )
    return out


def _same_mechanism(a: MechanismPath, b: MechanismPath, same: Callable[[str, str], bool]) -> bool:
    ha, hb = a.mechanism_hops, b.mechanism_hops
    if len(ha) != len(hb) or a.net_sign != b.net_sign:
        return False
    for x, y in zip(ha, hb, strict=True):
        if x.forward != y.forward or not (same(x.subject, y.subject) and same(x.object, y.object)):
            return False
    return True


def _rank_key(p: MechanismPath) -> tuple[Any, ...]:
    return (
        p.score.generalisations,
        -round(p.score.total, 12),
        len(p.mechanism_hops),
        p.node_ids,
        tuple(h.predicate for h in p.hops),
    )


def _dedup(candidates: list[MechanismPath], same: Callable[[str, str], bool]) -> list[MechanismPath]:
    kept: list[MechanismPath] = []
    variants: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for path in sorted(candidates, key=_rank_key):
        for i, other in enumerate(kept):
            if _same_mechanism(path, other, same):
                if path.node_ids != other.node_ids and path.node_ids not in variants[i]:
                    variants[i].append(path.node_ids)
                break
        else:
            kept.append(path)
    return [
        MechanismPath(p.therapy, p.disease, p.nodes, p.hops, p.net_sign, p.score, tuple(variants[i])) for i, p in enumerate(kept)
    ]


@dataclass(frozen=True, slots=True)
class _Query:
    """What one search needs besides the index: entries, targets and the node filters."""

    therapies: Sequence[str]
    disease: str
    entries: Mapping[str, tuple[Hop, ...]]
    exits: Mapping[str, tuple[Hop, ...]]
    avoid: set[str]
    via_sets: list[set[str]]


def _search(
    index: PathIndex,
    therapies: Sequence[str],
    disease: str,
    *,
    k: int,
    max_hops: int,
    via: Sequence[str],
    avoid: set[str],
    inherit: bool,
    engine: Engine = "pruned",
) -> tuple[list[MechanismPath], bool]:
    """The ``k`` best paths and whether the search hit :data:`_MAX_CANDIDATES` (see the module docstring).

    Both engines run Yen's k shortest simple paths (:func:`networkx.shortest_simple_paths`)
    with the same costs and the same edge order, so they give the same paths in the same order:
    ``pruned`` on the few edges that can lie on a path of at most ``max_hops`` hops (found by
    breadth-first search on the compact :class:`~mechkg.paths.engine.SearchGraph`), ``full``
    (the reference) on the whole networkx search graph :attr:`PathIndex.H`, hiding edges by a
    weight function.
    """
    G = index.G
    entries = {e: c for e, c in _entries(G, therapies, inherit=inherit).items() if e not in avoid}
    exits = _exits(G, disease, inherit=inherit, narrower=index.narrower)
    exits = {t: c for t, c in exits.items() if t not in avoid and t not in entries}
    if not entries or not exits:
        return [], False
    query = _Query(therapies, disease, entries, exits, avoid, [{x, *_descendants(index.narrower, x)} for x in via])
    if engine == "full":
        return _search_full(index, query, k=k, max_hops=max_hops)
    if engine != "pruned":
        raise ValueError(f"engine must be 'pruned' or 'full', not {engine!r}")
    S = index.search
    position = S.position
    n = len(S)
    entry_set, targets = set(entries), set(exits)

    def flags(names: Iterable[str]) -> np.ndarray:
        out = np.zeros(n, dtype=bool)
        out[[position[x] for x in names if x in position]] = True
        return out

    is_entry, is_target, is_avoid = flags(entry_set), flags(targets), flags(avoid)
    allowed = is_target | (~is_entry & ~is_avoid & (True if index.kind_ok is None else index.kind_ok))

    def forward_ok(u: np.ndarray, v: np.ndarray) -> np.ndarray:  # u -> v, as succ() in _search_full
        return ~is_target[u] & allowed[v] & ~(is_entry[u] & is_target[v])

    def backward_ok(v: np.ndarray, u: np.ndarray) -> np.ndarray:  # u -> v walked from v, as pred()
        return ~is_entry[v] & (is_entry[u] | allowed[u]) & ~is_target[u]

    forward = S.hop_distances(np.flatnonzero(is_entry), forward=True, limit=max_hops, allow=forward_ok)
    backward = S.hop_distances(np.flatnonzero(is_target), forward=False, limit=max_hops, allow=backward_ok)
    on_path = (forward >= 0) & (backward >= 0) & (forward + backward <= max_hops)
    feasible = {S.nodes[i] for i in np.flatnonzero(on_path)}
    if not feasible & entry_set or not feasible & targets:
        return [], False
    hub_cost = {x: HUB_DAMPING * math.log(max(int(S.degree[position[x]]), 1)) for x in feasible}
    virtual = _virtual_edges(query, feasible, hub_cost)
    # The edges the reference's weight function does not hide, in the networkx search graph's
    # order (edge ids), then the virtual ones: the same adjacency order, hence the same ties.
    eids = S.out_edges(np.flatnonzero(on_path))
    tail, head = S.src[eids], S.dst[eids]
    eids = np.sort(eids[on_path[head] & forward_ok(tail, head)])
    sub = nx.DiGraph()
    names = S.nodes
    for iu, iv, c in zip(S.src[eids].tolist(), S.dst[eids].tolist(), S.cost[eids].tolist(), strict=True):
        v = names[iv]
        sub.add_edge(names[iu], v, w=c + (0.0 if v in targets else hub_cost[v]))
    sub.add_edges_from((u, v, {"w": c}) for (u, v), c in virtual.items())

    def options(u: str, v: str) -> tuple[_Option, ...]:
        return _options(index, u, v)

    return _enumerate(
        index, query, nx.shortest_simple_paths(sub, _SOURCE, _TARGET, weight="w"),
        lambda a, b: sub[a][b]["w"], options, index.degree, k=k, max_hops=max_hops,
    )  # fmt: skip


def _virtual_edges(query: _Query, feasible: set[str], hub_cost: Mapping[str, float]) -> dict[tuple[str, str], float]:
    """Costs of the edges from the virtual source to the entries and from the targets to the virtual target."""
    entry_set, targets = set(query.entries), set(query.exits)
    spec_cost = -math.log(GENERALISATION_FACTOR)
    virtual: dict[tuple[str, str], float] = {}
    for e in entry_set & feasible:
        chain = query.entries[e]
        virtual[(_SOURCE, e)] = (
            spec_cost * sum(h.predicate == "broader" for h in chain) + _TIER * _generalisations(chain) + hub_cost[e]
        )
    for t in targets & feasible:
        chain = query.exits[t]
        virtual[(t, _TARGET)] = spec_cost * sum(h.predicate == "broader" for h in chain) + _TIER * _generalisations(chain)
    return virtual


def _enumerate(
    index: PathIndex,
    query: _Query,
    generator: Iterator[list[str]],
    weight: Callable[[str, str], float | None],
    options: Callable[[str, str], Sequence[_Option]],
    degree: Mapping[str, int],
    *,
    k: int,
    max_hops: int,
) -> tuple[list[MechanismPath], bool]:
    """Take node paths from Yen's generator until ``k`` distinct mechanisms are certain to be the best."""
    same = _equivalents(index.G, index.exact)
    targets = set(query.exits)
    candidates: list[MechanismPath] = []
    truncated = False
    try:
        for count, node_path in enumerate(generator):
            inner = node_path[1:-1]
            hops = len(inner) - 1
            if count >= _MAX_CANDIDATES:
                truncated = True
                break
            if hops > max_hops or hops < 2:
                continue
            if not all(any(x in s for x in inner) for s in query.via_sets):
                continue
            cost = sum(weight(a, b) or 0.0 for a, b in itertools.pairwise(node_path))
            expanded = _expand(
                index,
                inner,
                query.entries[inner[0]],
                query.exits[inner[-1]],
                _therapy_of(query.entries, inner[0], query.therapies),
                query.disease,
                targets,
                options,
                degree,
            )
            candidates.extend(expanded)
            ready = [p for p in candidates if _search_cost(p) <= cost + 1e-9]
            if len(_dedup(ready, same)) >= k:
                break
    except nx.NetworkXNoPath:
        pass
    return _dedup(candidates, same)[:k], truncated


def _search_full(index: PathIndex, query: _Query, *, k: int, max_hops: int) -> tuple[list[MechanismPath], bool]:
    """The reference search: Yen on the whole networkx search graph, edges hidden by a weight function."""
    G, H = index.G, index.H
    entries, avoid = query.entries, query.avoid
    entry_set, targets = set(entries), set(query.exits)
    kinds = index.classes

    def allowed(v: str) -> bool:
        if v in targets:
            return True
        if v in entry_set or v in avoid:
            return False
        return kinds is None or G.nodes[v].get("type") in kinds

    def succ(u: str) -> Iterable[str]:
        if u in targets:
            return ()
        return (v for v in H.successors(u) if allowed(v) and not (u in entry_set and v in targets))

    def pred(v: str) -> Iterable[str]:
        if v in entry_set:
            return ()
        return (u for u in H.predecessors(v) if (u in entry_set or allowed(u)) and u not in targets)

    forward = _hop_distances(succ, entry_set, max_hops)
    backward = _hop_distances(pred, targets, max_hops)
    feasible = {n for n in forward if n in backward and forward[n] + backward[n] <= max_hops}
    if not feasible & entry_set or not feasible & targets:
        return [], False
    degree = {n: len(set(H.predecessors(n)) | set(H.successors(n))) for n in H}
    hub_cost = {n: HUB_DAMPING * math.log(max(degree[n], 1)) for n in feasible}
    virtual = _virtual_edges(query, feasible, hub_cost)

    def weight(u: str, v: str, data: Mapping[str, Any]) -> float | None:
        if (u, v) in virtual:
            return virtual[(u, v)]
        if u == _SOURCE or v == _TARGET or v not in feasible or u not in feasible:
            return None
        if u in targets or not allowed(v) or (u in entry_set and v in targets):
            return None
        return data["cost"] + (0.0 if v in targets else hub_cost[v])

    def options(u: str, v: str) -> tuple[_Option, ...]:
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


def _search_cost(path: MechanismPath) -> float:
    """The path's cost in the search graph: ``-log(score)`` shifted, plus its generalisation tier."""
    return _TIER * path.score.generalisations - math.log(path.score.total) + 2 * math.log(LENGTH_FACTOR)


def _therapy_of(entries: Mapping[str, tuple[Hop, ...]], entry: str, therapies: Sequence[str]) -> str:
    chain = entries[entry]
    return chain[0].subject if chain else entry if entry in therapies else therapies[0]


# ---------------------------------------------------------------------------------------------
# Observed outcome and partial chains
# ---------------------------------------------------------------------------------------------


def _observed(index: PathIndex, therapies: Sequence[str], disease: str, *, inherit: bool) -> tuple[ObservedOutcome, ...]:
    G = index.G
    floor = EVIDENCE_FLOORS[index.min_evidence]
    diseases = index.context_diseases
    entries = _entries(G, therapies, inherit=inherit)
    targets = _exits(G, disease, narrower=index.narrower)
    found = []
    for e, chain in entries.items():
        for t, exit_chain in targets.items():
            pairs = [(e, t, True)] + ([(t, e, False)] if index.mode == "exploratory" else [])
            for u, v, forward in pairs:
                for key, data in sorted(G.get_edge_data(u, v, default={}).items()):
                    if index.mode == "causal" and not data.get("causal"):
                        continue
                    claims, support, sources = _claim_support(G, data.get("claims", ()), floor, diseases)
                    if not claims:
                        continue
                    hop = Hop(
                        u,
                        key,
                        v,
                        "mechanism",
                        data.get("sign"),
                        forward,
                        tuple(data.get("aspects", ())),
                        claims,
                        support,
                        sources,
                    )
                    studies = _studies(G, [c.id for c in claims], (u,), disease)
                    found.append(ObservedOutcome((*chain, *exit_chain), hop, studies))
    found.sort(key=lambda o: (_specificity(o.entry) < 1.0, -o.hop.support, o.hop.key))
    return tuple(found)


def _studies(G: nx.MultiDiGraph, claim_ids: Iterable[str], therapies: Sequence[str], disease: str) -> tuple[StudyFigures, ...]:
    claims = G.graph.get("claims", {})
    ids = {claims[c].study for c in claim_ids if c in claims and claims[c].study}
    for t in therapies:
        for _, study, key in G.out_edges(t, keys=True):
            if key == "studiedIn" and G.has_edge(disease, study, "studiedIn"):
                ids.add(study)
    return tuple(
        StudyFigures(s, G.nodes[s].get("label_en", s), G.nodes[s]["study"])
        for s in sorted(ids)
        if s in G and G.nodes[s].get("study") is not None
    )


def _partial(
    index: PathIndex, therapies: Sequence[str], disease: str, *, max_hops: int, inherit: bool, engine: Engine = "pruned"
) -> tuple[PartialChain, ...]:
    """Up to three chains from the therapy and three into the disease that end nearest the other side."""
    G = index.G
    if engine == "full":
        H = index.H
        successors: Callable[[str], Iterable[str]] = H.successors
        predecessors: Callable[[str], Iterable[str]] = H.predecessors

        def best(a: str, b: str) -> _Option:
            return H[a][b]["options"][0]
    else:
        S = index.search

        def successors(node: str) -> Iterable[str]:
            return [S.nodes[i] for i in S.successors(S.position[node]).tolist()]

        def predecessors(node: str) -> Iterable[str]:
            return [S.nodes[i] for i in S.predecessors(S.position[node]).tolist()]

        def best(a: str, b: str) -> _Option:
            return _options(index, a, b)[0]

    undirected = G.to_undirected(as_view=True)
    entries = _entries(G, therapies, inherit=inherit)
    exits = _exits(G, disease, inherit=inherit, narrower=index.narrower)
    targets = set(exits)
    to_disease = _hop_distances(lambda n: (m for m in undirected.neighbors(n) if m != n), targets, 2 * max_hops + 2)
    to_therapy = _hop_distances(lambda n: (m for m in undirected.neighbors(n) if m != n), set(entries), 2 * max_hops + 2)
    chains: list[PartialChain] = []
    for side, starts, step, distance, barrier in (
        ("from_therapy", set(entries), successors, to_disease, targets),
        ("to_disease", targets, predecessors, to_therapy, set(entries)),
    ):
        ordered = sorted(starts, key=lambda n: (len(entries.get(n, exits.get(n, ()))), n))
        parent: dict[str, str | None] = dict.fromkeys(ordered)
        depth = dict.fromkeys(parent, 0)
        queue = deque(ordered)
        while queue:
            node = queue.popleft()
            if depth[node] >= max_hops:
                continue
            for nxt in sorted(step(node)):
                if nxt not in parent and nxt not in barrier:
                    parent[nxt], depth[nxt] = node, depth[node] + 1
                    queue.append(nxt)
        ends = sorted(
            (n for n in parent if depth[n] > 0),
            key=lambda n: (distance.get(n, 10**9), -depth[n], n),
        )[:3]
        for end in ends:
            nodes = [end]
            while parent[nodes[-1]] is not None:
                nodes.append(parent[nodes[-1]])  # type: ignore[arg-type]
            if side == "from_therapy":
                nodes.reverse()
            hops = tuple(_hop(index, best(a, b)) for a, b in itertools.pairwise(nodes))
            chains.append(PartialChain(side, tuple(nodes), hops, distance.get(end)))
    return tuple(chains)


# ---------------------------------------------------------------------------------------------
# Public queries
# ---------------------------------------------------------------------------------------------


def _resolve_all(G: nx.MultiDiGraph, names: Iterable[str]) -> list[str]:
    out = []
    for name in names:
        node = resolve_name(G, name)
        assert node is not None
        out.append(node)
    return out


def borrowed_hops(G: nx.MultiDiGraph, path: MechanismPath) -> list[tuple[Hop, tuple[str, ...]]]:
    """The mechanism hops of ``path`` that rest only on claims made about *other* diseases.

    A hop is borrowed when every claim behind it names a disease context and none of those is the
    path's disease, a broader one or a narrower one (e.g. an IBD mouse claim on a path to SLE).
    Such a path is still a hypothesis worth showing, but the reader should know; returns each
    borrowed hop with the diseases its claims were made about.

    >>> G = nx.MultiDiGraph(claims={"c1": Claim("c1", "X", "increases", "Y", 1, disease=("IBD",))})
    >>> G.add_nodes_from([("SLE", {"broader": ["AID"]}), ("IBD", {"broader": ["AID"]}), ("AID", {"broader": []})])
    >>> hop = Hop("X", "increases", "Y", "mechanism", 1, claims=(ClaimSupport("c1", "s", "animal_model", False, 0.5),))
    >>> path = MechanismPath("T", "SLE", (), (hop,), 1, ScoreParts(1, 1, 1, 1))
    >>> [(h.key, diseases) for h, diseases in borrowed_hops(G, path)]
    [(('X', 'increases', 'Y'), ('IBD',))]
    """
    claims = G.graph.get("claims", {})
    related = {path.disease, *ancestors(G, path.disease), *descendants(G, path.disease)} if path.disease in G else {path.disease}
    borrowed = []
    for hop in path.hops:
        if hop.kind != "mechanism" or not hop.claims:
            continue
        contexts = [claims[c.id].disease if c.id in claims else () for c in hop.claims]
        if all(ctx and not set(ctx) & related for ctx in contexts):
            borrowed.append((hop, tuple(sorted({d for ctx in contexts for d in ctx}))))
    return borrowed


def mechanism_paths(
    G: nx.MultiDiGraph,
    therapy: str,
    disease: str,
    *,
    k: int = 10,
    max_hops: int = 6,
    mode: Mode = "causal",
    via: Iterable[str] = (),
    avoid: Iterable[str] = (),
    predicates: Iterable[str] | None = None,
    classes: Iterable[str] | None = None,
    min_evidence: Floor = "any",
    disease_context: bool = False,
    inherit: bool = True,
    index: PathIndex | None = None,
    nearest: bool = True,
    engine: Engine = "pruned",
) -> MechanismResult:
    """The ``k`` best mechanism paths from ``therapy`` to ``disease`` (see the module docstring).

    ``therapy`` and ``disease`` are names as :func:`mechkg.network.names.resolve_name` takes them; the
    therapy may be a class of therapies or a cell source (:func:`resolve_therapies`).
    ``max_hops`` counts mechanistic hops (entry/exit hops are extra). ``via``: the path must
    pass through each of these entities (or a narrower one); ``avoid``: never through these.
    ``predicates``/``classes``: allowed mechanistic predicates / classes of intermediates.
    ``min_evidence``: ``human`` (human trial, case report, human observational), ``animal``
    (those and animal models) or ``any``. ``disease_context``: only claims made about the
    disease (or a narrower one). ``inherit``: let the therapy start from more general kinds of
    itself and of what it uses. ``index``: a prebuilt :func:`path_index` with the same filters.
    ``nearest``: when no path is found, also look for the nearest partial chains (costly when
    many pairs are asked for at once). ``engine``: ``pruned`` (default) or ``full``, the
    reference search on the whole networkx graph; both give the same result (see :func:`_search`),
    ``full`` is only slower.
    Unknown or ambiguous names raise :class:`~mechkg.errors.UnknownEntity`.
    """
    if k < 1 or max_hops < 2:
        raise ValueError(f"need k >= 1 and max_hops >= 2 (got k={k}, max_hops={max_hops})")
    target = resolve_name(G, disease)
    assert target is not None
    therapies = resolve_therapies(G, therapy) if index is None else _resolve_therapies(G, therapy, index.narrower)
    via_ids, avoid_ids = _resolve_all(G, via), set(_resolve_all(G, avoid))
    context = target if disease_context else None
    if index is None:
        index = path_index(
            G, mode=mode, min_evidence=min_evidence, predicates=predicates, classes=classes, disease_context=context
        )
    elif (index.mode, index.min_evidence, index.disease_context) != (mode, min_evidence, context):
        raise ValueError("the given PathIndex was built for other filters")
    paths, truncated = _search(
        index, therapies, target, k=k, max_hops=max_hops, via=via_ids, avoid=avoid_ids, inherit=inherit, engine=engine
    )
    observed = _observed(index, therapies, target, inherit=inherit)
    partial = ()
    if not paths and nearest:
        partial = _partial(index, therapies, target, max_hops=max_hops, inherit=inherit, engine=engine)
    source = resolve_name(G, therapy)
    assert source is not None
    return MechanismResult(
        query=therapy,
        source=source,
        target=target,
        therapies=therapies,
        mode=mode,
        paths=tuple(paths),
        observed=observed,
        partial=partial,
        truncated=truncated,
        constraints={
            "k": k,
            "max_hops": max_hops,
            "via": via_ids,
            "avoid": sorted(avoid_ids),
            "predicates": sorted(index.predicates) if index.predicates is not None else None,
            "classes": sorted(index.classes) if index.classes is not None else None,
            "min_evidence": min_evidence,
            "disease_context": disease_context,
            "inherit": inherit,
        },
    )


def mechanisms(
    G: nx.MultiDiGraph,
    disease: str,
    *,
    mode: Mode = "causal",
    max_hops: int = 6,
    min_evidence: Floor = "any",
    inherit: bool = True,
    engine: Engine = "pruned",
) -> tuple[TherapyMechanism, ...]:
    """For every Therapy node with a mechanism path to ``disease``: its best path and net sign.

    Sorted as paths are (fewest generalisations, then highest score), then by therapy id. Therapies with only an observed
    outcome (a direct edge) are listed too, with ``best`` None.
    """
    target = resolve_name(G, disease)
    assert target is not None
    index = path_index(G, mode=mode, min_evidence=min_evidence)
    rows = []
    for therapy in sorted(n for n, d in G.nodes(data=True) if d.get("type") == "Therapy"):
        found, _ = _search(index, (therapy,), target, k=3, max_hops=max_hops, via=(), avoid=set(), inherit=inherit, engine=engine)
        observed = _observed(index, (therapy,), target, inherit=False)
        if found or observed:
            rows.append(TherapyMechanism(therapy, found[0] if found else None, len(found), observed))
    rows.sort(key=lambda r: (_rank_key(r.best)[:2] if r.best else (math.inf, 0.0), r.therapy))
    return tuple(rows)
