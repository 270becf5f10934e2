"""What a path is worth: claim strengths, hop support, the score's tiers and factors, and their search costs.

**Rank.** Paths are ordered by four *tiers*, lexicographically (a path better on an earlier tier
ranks first whatever the rest), then by the *score*, a weight (see :mod:`mechkg.paths.criteria`):

1. other-disease hops: hops resting only on claims about another disease (``--other-disease``);
2. narrower therapy: 1 if the path starts from a narrower therapy than the one asked about;
3. generalisations: ``broader`` steps that read a claim about a more general therapy or disease;
4. umbrella nodes: intermediates that name a whole system or state (inflammation, immune imbalance …).

**Score** = evidence × length × hub × specificity, all in (0, 1], all reported (:class:`ScoreParts`):

* evidence: the product over mechanistic hops of the hop's support. A hop's support combines
  its *independent* sources by noisy-or, ``1 − Π(1 − v_s)``, where ``v_s`` is the strongest
  claim of source ``s`` (several claims of one source count once): strength by evidence
  level (:data:`EVIDENCE_STRENGTH`, human trial > case report > human observational > animal
  model > in vitro > review assertion > author statement), halved for flagged claims. A claim
  flagged as probably wrong (:data:`~mechkg.paths.defaults.PROBABLY_WRONG`) counts only with
  ``include_doubtful``.
* length: :data:`LENGTH_FACTOR` per hop beyond two.
* hub: Π over the start of the mechanism and the intermediate nodes of
  ``degree ** -HUB_DAMPING`` (a node-wise form of Hetionet's degree-weighted path count, which
  also damps the source's degree), so paths through specific nodes rank above paths through
  hubs such as "inflammation", and paths from what is particular to a therapy (Let-7f for
  Let-7f-modified MSCs) above paths from what many therapies share (MSC).
* specificity: :data:`GENERALISATION_FACTOR` per ``broader`` entry/exit step.

**Costs.** As every factor is a product over hops, ``-log(score)`` is a sum of non-negative
edge weights: ``-log(support)`` plus :data:`STEP_COST` per mechanistic hop, :func:`hub_cost` per node,
:func:`chain_cost` per entry or exit chain. Each tier adds a constant per unit
(:data:`OTHER_DISEASE_TIER` > :data:`NARROWER_TIER` > :data:`GENERALISATION_TIER` >
:data:`UMBRELLA_TIER`, each ten times the next's most, so the sum orders paths as the tiers do
for up to 9 units of a tier per path). Yen's k shortest simple paths on these weights yields
paths in the order they are ranked (:func:`search_cost` is a ranked path's cost in the same terms).

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
from mechkg.paths.defaults import INCLUDE_DOUBTFUL, PROBABLY_WRONG

__all__ = [
    "EVIDENCE_FLOORS",
    "EVIDENCE_STRENGTH",
    "FLAG_FACTOR",
    "GENERALISATION_FACTOR",
    "GENERALISATION_TIER",
    "HUB_DAMPING",
    "LENGTH_FACTOR",
    "NARROWER_TIER",
    "OTHER_DISEASE_TIER",
    "STEP_COST",
    "STRUCTURAL_VALUE",
    "TIER_NAMES",
    "UMBRELLA_TIER",
    "ClaimSupport",
    "ScoreParts",
    "chain_cost",
    "counts",
    "edge_scope",
    "edge_support",
    "hub_cost",
    "hub_factor",
    "length_factor",
    "probably_wrong",
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
OTHER_DISEASE_TIER = 100000.0
"""Search cost added per hop resting only on claims about another disease (tier 1)."""
NARROWER_TIER = 10000.0
"""Search cost added to a path from a narrower therapy than the one asked about (tier 2)."""
GENERALISATION_TIER = 1000.0
"""Search cost added per generalisation (tier 3)."""
UMBRELLA_TIER = 100.0
"""Search cost added per umbrella node a path passes (tier 4)."""
STEP_COST = -math.log(LENGTH_FACTOR)
"""Search cost of one mechanistic hop besides its support (the length factor, in log space)."""


@dataclass(frozen=True, slots=True)
class ClaimSupport:
    """One claim behind a hop, with the value it adds (strength, halved if flagged); ``doubtful``: probably wrong."""

    id: str
    source: str
    evidence_level: str
    flagged: bool
    value: float
    doubtful: bool = False

    @classmethod
    def from_claim(cls, claim: Claim) -> ClaimSupport:
        """Weigh a claim of ``G.graph["claims"]``."""
        level = claim.evidence_level
        value = EVIDENCE_STRENGTH.get(level, 0.0) * (FLAG_FACTOR if claim.flagged else 1.0)
        return cls(claim.id, claim.source, level, claim.flagged, value, probably_wrong(claim))


def probably_wrong(claim: Claim) -> bool:
    """Whether a flag of ``claim`` says its triple is probably wrong (:data:`~mechkg.paths.defaults.PROBABLY_WRONG`).

    >>> from mechkg.network.evidence import Flag
    >>> probably_wrong(Claim("c", "A", "increases", "B", 1, flags=(Flag("doubtful", "n"),)))
    True
    >>> probably_wrong(Claim("c", "A", "increases", "B", 1, flags=(Flag("mistranslation", "n"),)))
    False
    """
    return any(f.kind in PROBABLY_WRONG for f in claim.flags)


def counts(claim: Claim, floor: Set[str] | None, diseases: Set[str] | None, include_doubtful: bool) -> bool:
    """Whether ``claim`` counts as support.

    It does if its evidence passes ``floor``, it is about one of ``diseases`` (None: any), and it
    is not probably wrong unless ``include_doubtful``.
    """
    if floor is not None and claim.evidence_level not in floor:
        return False
    if diseases is not None and diseases.isdisjoint(claim.disease):
        return False
    return include_doubtful or not claim.flags or not probably_wrong(claim)


@dataclass(frozen=True, slots=True)
class ScoreParts:
    """A path's tiers, its score and the factors it is the product of (see the module docstring).

    ``other_disease``: hops ranked down as resting only on claims about another disease (0 when
    such hops are counted like any other); ``narrower``: 1 if the path starts from a narrower
    therapy than the one asked about; ``umbrella``: the umbrella nodes it passes.
    """

    evidence: float
    length: float
    hub: float
    specificity: float
    hub_degrees: tuple[tuple[str, int], ...] = ()
    generalisations: int = 0
    other_disease: int = 0
    narrower: int = 0
    umbrella: tuple[str, ...] = ()

    @property
    def total(self) -> float:
        """The score: evidence × length × hub × specificity."""
        return self.evidence * self.length * self.hub * self.specificity

    @property
    def tiers(self) -> tuple[int, int, int, int]:
        """The tiers in rank order: other-disease hops, narrower therapy, generalisations, umbrella nodes."""
        return (self.other_disease, self.narrower, self.generalisations, len(self.umbrella))

    @property
    def tier_cost(self) -> float:
        """The tiers as one search cost (the constants of the module docstring).

        >>> ScoreParts(1, 1, 1, 1, generalisations=1, umbrella=("INFLAMMATION",)).tier_cost
        1100.0
        """
        weights = (OTHER_DISEASE_TIER, NARROWER_TIER, GENERALISATION_TIER, UMBRELLA_TIER)
        return sum(w * t for w, t in zip(weights, self.tiers, strict=True))

    def to_dict(self) -> dict[str, Any]:
        """JSON form, rounded to 6 digits: the score and its factors (weights), then the tiers."""
        return {
            "total": round(self.total, 6),
            "evidence": round(self.evidence, 6),
            "length": round(self.length, 6),
            "hub": round(self.hub, 6),
            "specificity": round(self.specificity, 6),
            "generalisations": self.generalisations,
            "hub_degrees": dict(self.hub_degrees),
            "other_disease_hops": self.other_disease,
            "narrower_therapy": bool(self.narrower),
            "umbrella_nodes": list(self.umbrella),
            "tiers": dict(zip(TIER_NAMES, self.tiers, strict=True)),
        }


TIER_NAMES = ("other_disease_hops", "narrower_therapy", "generalisations", "umbrella_nodes")
"""The tiers of a rank, in their order (lexicographic, before the score)."""


def weigh_claims(
    claims: Mapping[str, Claim],
    ids: Iterable[str],
    floor: Set[str] | None,
    diseases: Set[str] | None,
    include_doubtful: bool = INCLUDE_DOUBTFUL,
) -> tuple[tuple[ClaimSupport, ...], float, int]:
    """The claims ``ids`` that pass the filters (strongest first), their noisy-or support, and their number of sources.

    ``floor``: the evidence levels that count (None: all); ``diseases``: a claim counts only if
    made about one of these (None: any); ``include_doubtful``: claims flagged as probably wrong
    count too. Claims missing from ``claims`` are skipped.
    """
    kept = []
    for cid in ids:
        claim = claims.get(cid)
        if claim is not None and counts(claim, floor, diseases, include_doubtful):
            kept.append(ClaimSupport.from_claim(claim))
    best_by_source: dict[str, float] = {}
    for c in kept:
        best_by_source[c.source] = max(best_by_source.get(c.source, 0.0), c.value)
    support = 1.0 - math.prod(1.0 - v for v in best_by_source.values()) if best_by_source else 0.0
    return tuple(sorted(kept, key=lambda c: (-c.value, c.id))), support, len(best_by_source)


def edge_support(
    claims: Mapping[str, Claim],
    ids: Iterable[str],
    floor: frozenset[str] | None,
    diseases: frozenset[str] | None,
    include_doubtful: bool = INCLUDE_DOUBTFUL,
) -> float:
    """The support :func:`weigh_claims` computes, without making records (one call per edge of a big graph)."""
    return edge_scope(claims, ids, floor, diseases, include_doubtful)[0]


def edge_scope(
    claims: Mapping[str, Claim],
    ids: Iterable[str],
    floor: frozenset[str] | None,
    diseases: frozenset[str] | None,
    include_doubtful: bool = INCLUDE_DOUBTFUL,
) -> tuple[float, frozenset[str] | None]:
    """:func:`edge_support`, and the diseases the counted claims are about: None if one of them names none (general).

    >>> c = {"a": Claim("a", "X", "increases", "Y", 1, evidence_level="in_vitro", disease=("UC",))}
    >>> support, scope = edge_scope(c, ["a"], None, None)
    >>> round(support, 4), scope
    (0.45, frozenset({'UC'}))
    """
    if isinstance(ids, list | tuple) and len(ids) == 1:  # the common case, in the same arithmetic as below
        c = claims.get(ids[0])
        if c is None:
            return 0.0, None
        level = c.evidence_level
        if (floor is not None and level not in floor) or (diseases is not None and diseases.isdisjoint(c.disease)):
            return 0.0, None
        if c.flags and not include_doubtful and probably_wrong(c):
            return 0.0, None
        support = 1.0 - 1 * (1.0 - max(0.0, EVIDENCE_STRENGTH.get(level, 0.0) * (FLAG_FACTOR if c.flags else 1.0)))
        return support, frozenset(c.disease) if c.disease else None
    best: dict[str, float] = {}
    scope: set[str] | None = set()
    for cid in ids:
        c = claims.get(cid)
        if c is None or not counts(c, floor, diseases, include_doubtful):
            continue
        value = EVIDENCE_STRENGTH.get(c.evidence_level, 0.0) * (FLAG_FACTOR if c.flags else 1.0)
        best[c.source] = max(best.get(c.source, 0.0), value)
        scope = None if scope is None or not c.disease else scope | set(c.disease)
    if not best:
        return 0.0, None
    return 1.0 - math.prod(1.0 - v for v in best.values()), None if scope is None else frozenset(scope)


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
    return score.tier_cost - math.log(score.total) + 2 * math.log(LENGTH_FACTOR)
