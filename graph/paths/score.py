"""What a path is worth: claim strengths, hop support, the score's factors and their search costs.

**Score** = evidence × length × hub × specificity, all in (0, 1], all reported (:class:`ScoreParts`):

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

**Costs.** As every factor is a product over hops, ``-log(score)`` is a sum of non-negative
edge weights: ``-log(support)`` plus :data:`STEP_COST` per mechanistic hop, :func:`hub_cost` per node,
:func:`chain_cost` per entry or exit chain, which also adds :data:`GENERALISATION_TIER` per
generalisation so that paths with fewer generalisations always cost less. Yen's k shortest
simple paths on these weights yields paths in the order they are ranked
(:func:`search_cost` is a ranked path's cost in the same terms).

>>> claims = {"a": Claim("a", "X", "increases", "Y", 1, source="s1", evidence_level="animal_model"),
...           "b": Claim("b", "X", "increases", "Y", 1, source="s2", evidence_level="in_vitro")}
>>> kept, support, sources = weigh_claims(claims, ["a", "b"], None, None)
>>> [c.id for c in kept], round(support, 4), sources  # 1 - (1 - 0.6) × (1 - 0.45)
(['a', 'b'], 0.78, 2)
>>> edge_support(claims, ["a", "b"], EVIDENCE_FLOORS["animal"], None)  # the in-vitro claim does not count
0.6
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from typing import Any

from mechkg.network.evidence import Claim

__all__ = [
    "EVIDENCE_FLOORS",
    "EVIDENCE_STRENGTH",
    "FLAG_FACTOR",
    "GENERALISATION_FACTOR",
    "GENERALISATION_TIER",
    "HUB_DAMPING",
    "LENGTH_FACTOR",
    "STEP_COST",
    "STRUCTURAL_VALUE",
    "ClaimSupport",
    "ScoreParts",
    "chain_cost",
    "edge_support",
    "hub_cost",
    "hub_factor",
    "length_factor",
    "search_cost",
    "specificity",
    "weigh_claims",
]

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
GENERALISATION_TIER = 1000.0
"""Search cost added per generalisation: fewer generalisations always rank first."""
STEP_COST = -math.log(LENGTH_FACTOR)
"""Search cost of one mechanistic hop besides its support (the length factor, in log space)."""


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


def weigh_claims(
    claims: Mapping[str, Claim], ids: Iterable[str], floor: Set[str] | None, diseases: Set[str] | None
) -> tuple[tuple[ClaimSupport, ...], float, int]:
    """The claims ``ids`` that pass the filters (strongest first), their noisy-or support, and their number of sources.

    ``floor``: the evidence levels that count (None: all); ``diseases``: a claim counts only if
    made about one of these (None: any). Claims missing from ``claims`` are skipped.
    """
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


def edge_support(
    claims: Mapping[str, Claim], ids: Iterable[str], floor: frozenset[str] | None, diseases: frozenset[str] | None
) -> float:
    """The support :func:`weigh_claims` computes, without making records (one call per edge of a big graph)."""
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


def hub_factor(degrees: Iterable[int]) -> float:
    """The hub part of a score: Π ``max(degree, 1) ** -HUB_DAMPING``.

    >>> hub_factor([1, 1])
    1.0
    """
    return math.prod(max(d, 1) ** -HUB_DAMPING for d in degrees)


def length_factor(hops: int) -> float:
    """The length part of a score for ``hops`` mechanistic hops: :data:`LENGTH_FACTOR` per hop beyond two.

    >>> length_factor(2), length_factor(4)
    (1.0, 0.6400000000000001)
    """
    return LENGTH_FACTOR ** max(hops - 2, 0)


def specificity(steps: int) -> float:
    """The specificity part of a score for ``steps`` ``broader`` steps: :data:`GENERALISATION_FACTOR` each."""
    return GENERALISATION_FACTOR**steps


def hub_cost(degree: int) -> float:
    """The search cost of passing a node with ``degree`` distinct neighbours: ``-log`` of its hub factor."""
    return HUB_DAMPING * math.log(max(degree, 1))


def chain_cost(steps: int, generalisations: int) -> float:
    """The search cost of an entry or exit chain: ``-log`` of its specificity, plus a tier per generalisation."""
    return -math.log(GENERALISATION_FACTOR) * steps + GENERALISATION_TIER * generalisations


def search_cost(score: ScoreParts) -> float:
    """A ranked path's cost in the search graph: ``-log(score)`` (its first two hops free), plus its tiers."""
    return GENERALISATION_TIER * score.generalisations - math.log(score.total) + 2 * math.log(LENGTH_FACTOR)
