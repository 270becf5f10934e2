"""What a path search answers: nodes, hops, ranked paths, observed outcomes and partial chains.

Frozen records, made by :mod:`mechkg.paths.search` and read by the text report
(:mod:`mechkg.paths.report`), the JSON views, the page and the exports.

>>> hops = (Hop("T", "uses", "C", "entry", None), Hop("C", "secretes", "X", "mechanism", 1),
...         Hop("X", "decreases", "D", "mechanism", -1))
>>> nodes = tuple(Node(n, n, "", n, "") for n in "TCXD")
>>> path = MechanismPath("T", "D", nodes, hops, -1, ScoreParts(0.5, 1.0, 1.0, 1.0))
>>> path.verdict, path.node_ids, [h.key for h in path.mechanism_hops]
('counteracts', ('T', 'C', 'X', 'D'), [('C', 'secretes', 'X'), ('X', 'decreases', 'D')])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from mechkg.network.evidence import Study
from mechkg.paths.score import ClaimSupport, ScoreParts

__all__ = [
    "Hop",
    "MechanismPath",
    "MechanismResult",
    "Node",
    "ObservedOutcome",
    "PartialChain",
    "StudyFigures",
    "TherapyMechanism",
    "short_label",
]


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


def _verdict(sign: int | None) -> str:
    return {-1: "counteracts", 1: "aggravates", 0: "unknown sign"}.get(sign, "connection") if sign is not None else "connection"


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
    """One line of :func:`mechkg.paths.search.mechanisms`: a therapy, its best paths to D, and its observed outcome.

    ``best`` is its top-ranked path; ``counteracting`` and ``aggravating`` its best path of net sign
    −1 and +1 among the ``paths`` looked at (None if there is none).
    """

    therapy: str
    best: MechanismPath | None
    paths: int
    observed: tuple[ObservedOutcome, ...]
    counteracting: MechanismPath | None = None
    aggravating: MechanismPath | None = None
