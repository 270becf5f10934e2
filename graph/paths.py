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
:class:`networkx.DiGraph` built once per set of filters (the :class:`PathIndex`).

**Same mechanism.** Two paths are the same mechanism — listed once, the other kept under
``variants`` — when they have the same number of hops, the same direction of every hop, the
same net sign, and at each position the same node or *equivalent* nodes: one is a (transitive)
``broader`` of the other, or both share a standard identifier with an exact match. So MSC →
IDO1 → … reached from "MSC therapy" and from "UC-MSC therapy" is one mechanism, as is
``MSC —secretes→ IL-10`` beside ``MSC —increases→ IL-10``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(claims={}, sources={})
>>> for n, t in [("T", "Therapy"), ("C", "CellType"), ("X", "GeneProduct"), ("D", "Disease")]:
...     G.add_node(n, label_en=n, label_zh=n, type=t, synonyms=[], broader=[], xrefs=[])
>>> def claim(i, s, p, o, sign, level="review_assertion"):
...     G.graph["claims"][i] = dict(id=i, subject=s, predicate=p, object=o, sign=sign, evidence_level=level,
...                                 source="src", flags=[], disease=["D"], study=None, aspect=None)
...     _ = G.add_edge(s, o, key=p, predicate=p, sign=sign, causal=True, claims=[i])
>>> _ = G.add_edge("T", "C", key="uses", predicate="uses", sign=0, causal=False, claims=[])
>>> claim("c1", "C", "secretes", "X", 1, "in_vitro"); claim("c2", "X", "decreases", "D", -1)
>>> found = mechanism_paths(G, "T", "D")
>>> [n.id for n in found.paths[0].nodes], found.paths[0].verdict
(['T', 'C', 'X', 'D'], 'counteracts')
>>> round(found.paths[0].score.evidence, 4)  # 0.45 (in vitro) × 0.35 (review assertion)
0.1575
"""

from __future__ import annotations

import itertools
import math
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx

from graph.names import resolve_name

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
    "descendants",
    "mechanism_paths",
    "mechanisms",
    "path_index",
    "resolve_therapies",
]

Mode = Literal["causal", "exploratory"]
Floor = Literal["human", "animal", "any"]

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
    def from_claim(cls, claim: Mapping[str, Any]) -> ClaimSupport:
        """Weigh a claim dict of ``G.graph["claims"]``."""
        level = claim.get("evidence_level", "")
        flagged = bool(claim.get("flags"))
        value = EVIDENCE_STRENGTH.get(level, 0.0) * (FLAG_FACTOR if flagged else 1.0)
        return cls(claim["id"], claim.get("source", ""), level, flagged, value)


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
    properties: Mapping[str, Any]


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


def descendants(G: nx.MultiDiGraph, node: str) -> dict[str, int]:
    """Every narrower entity of ``node`` (inverse transitive ``broader``) -> its distance."""
    narrower = _narrower_index(G)
    found: dict[str, int] = {}
    queue = deque([(node, 0)])
    while queue:
        current, depth = queue.popleft()
        for child in sorted(narrower.get(current, ())):
            if child not in found and child != node:
                found[child] = depth + 1
                queue.append((child, depth + 1))
    return found


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

    ``name`` is resolved with :func:`graph.names.resolve_name` (id, label or synonym, en or
    zh-Hant). A Therapy means itself and its narrower therapies. Any other entity (a cell
    source "MSC", a vesicle "exosome", a drug) means every Therapy whose ``uses`` reach that
    entity or a narrower one; if no therapy uses it, the entity itself is the start.
    With ``strict``, an unknown or ambiguous name raises :class:`~graph.errors.UnknownEntity`;
    otherwise the result is empty.
    """
    node = resolve_name(G, name, strict=strict)
    if node is None:
        return ()
    if G.nodes[node].get("type") == "Therapy":
        return (node, *sorted(n for n in descendants(G, node) if G.nodes[n].get("type") == "Therapy"))
    kinds = {node, *descendants(G, node)}
    using = sorted(
        t
        for t, data in G.nodes(data=True)
        if data.get("type") == "Therapy" and any(k == "uses" and v in kinds for _, v, k in G.out_edges(t, keys=True))
    )
    return tuple(using) or (node,)


def _equivalents(G: nx.MultiDiGraph) -> Callable[[str, str], bool]:
    exact: dict[str, set[str]] = defaultdict(set)
    for node, data in G.nodes(data=True):
        for xref in data.get("xrefs", ()):
            if xref.get("match") == "exact":
                exact[node].add(xref["curie"])
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


@dataclass(frozen=True)
class PathIndex:
    """The simple DiGraph the path search runs on, built once from ``G`` for given filters.

    Each search edge ``u -> v`` carries ``options`` (the edges of ``G`` it stands for, best
    first: parallel predicates, and in exploratory mode reversed edges) and ``cost`` =
    ``-log`` of the best option's support ``- log(LENGTH_FACTOR)``. ``degree`` is each node's
    number of distinct neighbours in the search graph (for the hub penalty). Reuse one index
    for many queries with the same filters (as :func:`mechanisms` does).
    """

    G: nx.MultiDiGraph
    H: nx.DiGraph
    mode: str
    min_evidence: str
    predicates: frozenset[str] | None
    classes: frozenset[str] | None
    disease_context: str | None
    degree: Mapping[str, int]
    floor: frozenset[str] | None = None
    context_diseases: frozenset[str] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)


def _claim_support(
    G: nx.MultiDiGraph, ids: Iterable[str], floor: frozenset[str] | None, diseases: set[str] | None
) -> tuple[tuple[ClaimSupport, ...], float, int]:
    claims = G.graph.get("claims", {})
    kept = []
    for cid in ids:
        claim = claims.get(cid)
        if claim is None:
            continue
        if floor is not None and claim.get("evidence_level") not in floor:
            continue
        if diseases is not None and not diseases & set(claim.get("disease", ())):
            continue
        kept.append(ClaimSupport.from_claim(claim))
    best_by_source: dict[str, float] = {}
    for c in kept:
        best_by_source[c.source] = max(best_by_source.get(c.source, 0.0), c.value)
    support = 1.0 - math.prod(1.0 - v for v in best_by_source.values()) if best_by_source else 0.0
    return tuple(sorted(kept, key=lambda c: (-c.value, c.id))), support, len(best_by_source)


def _support_only(
    claims: Mapping[str, Mapping[str, Any]], ids: Iterable[str], floor: frozenset[str] | None, diseases: frozenset[str] | None
) -> float:
    """The support :func:`_claim_support` computes, without making records (for big graphs)."""
    best: dict[str, float] = {}
    for cid in ids:
        c = claims.get(cid)
        if c is None:
            continue
        level = c.get("evidence_level", "")
        if (floor is not None and level not in floor) or (diseases is not None and diseases.isdisjoint(c.get("disease", ()))):
            continue
        value = EVIDENCE_STRENGTH.get(level, 0.0) * (FLAG_FACTOR if c.get("flags") else 1.0)
        source = c.get("source", "")
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
    """
    if mode not in ("causal", "exploratory"):
        raise ValueError(f"mode must be 'causal' or 'exploratory', not {mode!r}")
    if min_evidence not in EVIDENCE_FLOORS:
        raise ValueError(f"min_evidence must be one of {', '.join(EVIDENCE_FLOORS)}, not {min_evidence!r}")
    floor = EVIDENCE_FLOORS[min_evidence]
    wanted = frozenset(predicates) if predicates is not None else None
    kinds = frozenset(classes) if classes is not None else None
    diseases = frozenset({disease_context, *descendants(G, disease_context)}) if disease_context else None
    step_cost = -math.log(LENGTH_FACTOR)
    options: dict[tuple[str, str], list[_Option]] = defaultdict(list)
    claims = G.graph.get("claims", {})
    for u, v, key, data in G.edges(keys=True, data=True):
        if u == v or G.nodes[u].get("type") == "ClinicalStudy" or G.nodes[v].get("type") == "ClinicalStudy":
            continue
        if wanted is not None and key not in wanted:
            continue
        if mode == "causal" and not data.get("causal"):
            continue
        ids = data.get("claims", ())
        support = _support_only(claims, ids, floor, diseases)
        if not ids and mode == "exploratory" and floor is None and diseases is None:
            support = STRUCTURAL_VALUE
        if support <= 0.0:
            continue
        cost = -math.log(support) + step_cost
        sign = int(data.get("sign", 0))
        options[(u, v)].append(_Option(u, key, v, True, sign, cost))
        if mode == "exploratory":
            options[(v, u)].append(_Option(u, key, v, False, sign, cost))
    H = nx.DiGraph()
    H.add_nodes_from(G.nodes)
    for (u, v), opts in options.items():
        opts.sort(key=lambda o: (o.cost, not o.forward, o.predicate))
        H.add_edge(u, v, options=tuple(opts), cost=opts[0].cost)
    degree = {n: len(set(H.predecessors(n)) | set(H.successors(n))) for n in H}
    return PathIndex(G, H, mode, min_evidence, wanted, kinds, disease_context, degree, floor, diseases)


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


def _exits(G: nx.MultiDiGraph, disease: str, *, inherit: bool = False) -> dict[str, tuple[Hop, ...]]:
    """Target node -> its exit chain to ``disease`` (empty for D itself).

    A narrower disease goes up by ``broader`` hops; with ``inherit``, a more general one (a
    claim about "autoimmune disease" read for SLE) comes down them, walked backwards.
    """
    found: dict[str, tuple[Hop, ...]] = {disease: ()}
    for node in descendants(G, disease):
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
) -> list[MechanismPath]:
    """Every signed combination of the edges between consecutive nodes of ``node_path``."""
    H, G = index.H, index.G
    per_hop = []
    for u, v in itertools.pairwise(node_path):
        opts = H[u][v]["options"]
        best_by_sign: dict[tuple[int, bool], _Option] = {}
        for o in opts:  # best first: keep the best option per (sign, direction) only
            best_by_sign.setdefault((o.sign, o.forward), o)
        per_hop.append([_hop(index, o) for o in best_by_sign.values()])
    hub_degrees = tuple((n, index.degree[n]) for n in node_path[:-1])
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
) -> tuple[list[MechanismPath], bool]:
    G, H = index.G, index.H
    entries = {e: c for e, c in _entries(G, therapies, inherit=inherit).items() if e not in avoid}
    exits = {t: c for t, c in _exits(G, disease, inherit=inherit).items() if t not in avoid and t not in entries}
    targets = set(exits)
    if not entries or not targets:
        return [], False
    entry_set = set(entries)
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
    hub_cost = {n: HUB_DAMPING * math.log(max(index.degree[n], 1)) for n in feasible}
    spec_cost = -math.log(GENERALISATION_FACTOR)
    virtual: dict[tuple[str, str], float] = {}
    for e in entry_set & feasible:
        chain = entries[e]
        virtual[(_SOURCE, e)] = (
            spec_cost * sum(h.predicate == "broader" for h in chain) + _TIER * _generalisations(chain) + hub_cost[e]
        )
    for t in targets & feasible:
        chain = exits[t]
        virtual[(t, _TARGET)] = spec_cost * sum(h.predicate == "broader" for h in chain) + _TIER * _generalisations(chain)

    def weight(u: str, v: str, data: Mapping[str, Any]) -> float | None:
        if (u, v) in virtual:
            return virtual[(u, v)]
        if u == _SOURCE or v == _TARGET or v not in feasible or u not in feasible:
            return None
        if u in targets or not allowed(v) or (u in entry_set and v in targets):
            return None
        return data["cost"] + (0.0 if v in targets else hub_cost[v])

    same = _equivalents(G)
    via_sets = [{x, *descendants(G, x)} for x in via]
    candidates: list[MechanismPath] = []
    truncated = False
    with index.lock:
        H.add_edges_from((u, v, {"cost": c}) for (u, v), c in virtual.items())
        try:
            generator = nx.shortest_simple_paths(H, _SOURCE, _TARGET, weight=weight)
            for count, node_path in enumerate(generator):
                inner = node_path[1:-1]
                hops = len(inner) - 1
                if count >= _MAX_CANDIDATES:
                    truncated = True
                    break
                if hops > max_hops or hops < 2:
                    continue
                if not all(any(n in s for n in inner) for s in via_sets):
                    continue
                cost = sum(weight(a, b, H[a][b]) or 0.0 for a, b in itertools.pairwise(node_path))
                expanded = _expand(
                    index, inner, entries[inner[0]], exits[inner[-1]], _therapy_of(entries, inner[0], therapies), disease, targets
                )
                candidates.extend(expanded)
                ready = [p for p in candidates if _search_cost(p) <= cost + 1e-9]
                if len(_dedup(ready, same)) >= k:
                    break
        except nx.NetworkXNoPath:
            pass
        finally:
            H.remove_nodes_from([_SOURCE, _TARGET])
    return _dedup(candidates, same)[:k], truncated


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
    diseases = {index.disease_context, *descendants(G, index.disease_context)} if index.disease_context else None
    entries = _entries(G, therapies, inherit=inherit)
    targets = _exits(G, disease)
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
    ids = {claims[c]["study"] for c in claim_ids if claims.get(c, {}).get("study")}
    for t in therapies:
        for _, study, key in G.out_edges(t, keys=True):
            if key == "studiedIn" and G.has_edge(disease, study, "studiedIn"):
                ids.add(study)
    return tuple(StudyFigures(s, G.nodes[s].get("label_en", s), G.nodes[s].get("properties", {})) for s in sorted(ids) if s in G)


def _partial(
    index: PathIndex, therapies: Sequence[str], disease: str, *, max_hops: int, inherit: bool
) -> tuple[PartialChain, ...]:
    """Up to three chains from the therapy and three into the disease that end nearest the other side."""
    G, H = index.G, index.H
    undirected = G.to_undirected(as_view=True)
    entries = _entries(G, therapies, inherit=inherit)
    exits = _exits(G, disease, inherit=inherit)
    targets = set(exits)
    to_disease = _hop_distances(lambda n: (m for m in undirected.neighbors(n) if m != n), targets, 2 * max_hops + 2)
    to_therapy = _hop_distances(lambda n: (m for m in undirected.neighbors(n) if m != n), set(entries), 2 * max_hops + 2)
    chains: list[PartialChain] = []
    for side, starts, step, distance, barrier in (
        ("from_therapy", set(entries), H.successors, to_disease, targets),
        ("to_disease", targets, H.predecessors, to_therapy, set(entries)),
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
            hops = tuple(_hop(index, H[a][b]["options"][0]) for a, b in itertools.pairwise(nodes))
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
) -> MechanismResult:
    """The ``k`` best mechanism paths from ``therapy`` to ``disease`` (see the module docstring).

    ``therapy`` and ``disease`` are names as :func:`graph.names.resolve_name` takes them; the
    therapy may be a class of therapies or a cell source (:func:`resolve_therapies`).
    ``max_hops`` counts mechanistic hops (entry/exit hops are extra). ``via``: the path must
    pass through each of these entities (or a narrower one); ``avoid``: never through these.
    ``predicates``/``classes``: allowed mechanistic predicates / classes of intermediates.
    ``min_evidence``: ``human`` (human trial, case report, human observational), ``animal``
    (those and animal models) or ``any``. ``disease_context``: only claims made about the
    disease (or a narrower one). ``inherit``: let the therapy start from more general kinds of
    itself and of what it uses. ``index``: a prebuilt :func:`path_index` with the same filters.
    ``nearest``: when no path is found, also look for the nearest partial chains (costly when
    many pairs are asked for at once).
    Unknown or ambiguous names raise :class:`~graph.errors.UnknownEntity`.
    """
    if k < 1 or max_hops < 2:
        raise ValueError(f"need k >= 1 and max_hops >= 2 (got k={k}, max_hops={max_hops})")
    target = resolve_name(G, disease)
    assert target is not None
    therapies = resolve_therapies(G, therapy)
    via_ids, avoid_ids = _resolve_all(G, via), set(_resolve_all(G, avoid))
    context = target if disease_context else None
    if index is None:
        index = path_index(
            G, mode=mode, min_evidence=min_evidence, predicates=predicates, classes=classes, disease_context=context
        )
    elif (index.mode, index.min_evidence, index.disease_context) != (mode, min_evidence, context):
        raise ValueError("the given PathIndex was built for other filters")
    paths, truncated = _search(index, therapies, target, k=k, max_hops=max_hops, via=via_ids, avoid=avoid_ids, inherit=inherit)
    observed = _observed(index, therapies, target, inherit=inherit)
    partial = () if paths or not nearest else _partial(index, therapies, target, max_hops=max_hops, inherit=inherit)
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
        found, _ = _search(index, (therapy,), target, k=3, max_hops=max_hops, via=(), avoid=set(), inherit=inherit)
        observed = _observed(index, (therapy,), target, inherit=False)
        if found or observed:
            rows.append(TherapyMechanism(therapy, found[0] if found else None, len(found), observed))
    rows.sort(key=lambda r: (_rank_key(r.best)[:2] if r.best else (math.inf, 0.0), r.therapy))
    return tuple(rows)
