"""What ranks one path above another besides its score: doubt, other diseases, narrower therapies and umbrella nodes.

Every criterion is a *tier* (lexicographic: a path better on an earlier tier ranks first, whatever
its score) except the score itself, a *weight* (:mod:`mechkg.paths.score`). In rank order:

1. **Other-disease hops.** A claim made about another disease than the one asked about (neither
   it, a narrower one such as RRMS for MS, nor a broader one such as autoimmune disease) lends its
   hop only by analogy; a claim that names no disease is general and counts as the disease's own.
   A hop whose every counted claim is about other diseases ranks the path down per hop
   (``rank``, the default), counts like any other (``equal``) or is not walked (``exclude``); the
   hop is labelled "other disease: …" in every output.
2. **Narrower therapy.** Asked about a therapy, paths from the therapy itself (and what it
   ``uses``) rank above paths from its narrower therapies (UC-MSC + DMARDs for allogeneic MSCs).
3. **Generalisations.** ``broader`` steps that read a claim about a more general therapy or
   disease (:mod:`mechkg.paths.ends`).
4. **Umbrella nodes.** A chain of specific mediators the source states ranks above one through
   :data:`UMBRELLA`: nodes that name a whole system, state or class rather than a mediator.

Claims flagged as probably wrong (:data:`~mechkg.paths.defaults.PROBABLY_WRONG`) are not a tier:
they do not count at all unless asked for (:mod:`mechkg.paths.index`).

>>> c = Criteria(frozenset({"MS", "RRMS", "AID"}), "rank", "T")
>>> c.option_tier(frozenset({"UC"})), c.option_tier(frozenset({"RRMS", "UC"})), c.option_tier(None)
(100000.0, 0.0, 0.0)
>>> c.narrower("T"), c.narrower("T_NARROW"), c.node_tier("INFLAMMATION"), c.node_tier("TFH")
(0, 1, 100.0, 0.0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import networkx as nx

from mechkg.paths.defaults import OTHER_DISEASE, OtherDisease
from mechkg.paths.result import Hop
from mechkg.paths.score import NARROWER_TIER, OTHER_DISEASE_TIER, UMBRELLA_TIER
from mechkg.paths.taxonomy import ancestors, narrower_kinds

__all__ = ["UMBRELLA", "Criteria", "criteria_for", "hop_scope", "related_diseases"]

UMBRELLA: Final = frozenset(
    {
        # states and systems: say that something is wrong or acts, not what
        "INFLAMMATION",
        "IMMUNE_IMBALANCE",
        "IMMUNE_TOLERANCE",
        "IMMUNOMODULATION",
        "ADAPTIVE_IMMUNITY",
        "INNATE_IMMUNITY",
        "IMMUNE_CELL_DYSFUNCTION",
        "TISSUE_ORGAN_DAMAGE",
        "DISEASE_WORSENING",
        "METABOLIC_DISORDER",
        # whole classes: "autoimmune disease", "immune cell", "(pro-/anti-inflammatory) cytokine"
        "AID",
        "IMMUNE_CELL",
        "CYTOKINE",
        "PROINFLAMMATORY_CYTOKINE",
        "ANTIINFLAMMATORY_CYTOKINE",
        # balance nodes (CURATION.md: no direction, being replaced by the populations themselves)
        "TH17_TREG_BALANCE",
        "TREG_TH_BALANCE",
        "TH2_TH17_BALANCE",
    }
)
"""Umbrella nodes, chosen from the curation by hand: a node that names a whole system, state or
class of mediators (inflammation, immune imbalance, autoimmune disease, "pro-inflammatory
cytokine") rather than a mediator the source names (Tfh cells, IDO, IL-10). No rule on degree
or type separates them in this graph (Th17 cells have as many neighbours as inflammation), so
the list is explicit; ids no longer in the graph are ignored."""


def related_diseases(G: nx.MultiDiGraph, narrower: Mapping[str, Sequence[str]], disease: str) -> frozenset[str]:
    """``disease``, its broader and its narrower diseases: claims about these are the disease's own."""
    return frozenset({disease, *(ancestors(G, disease) if disease in G else ()), *narrower_kinds(narrower, disease)})


def hop_scope(G: nx.MultiDiGraph, hop: Hop) -> frozenset[str] | None:
    """The diseases a mechanism hop's counted claims are about; None if one names none (or the hop has no claim)."""
    claims = G.graph.get("claims", {})
    scope: set[str] = set()
    for support in hop.claims:
        claim = claims.get(support.id)
        if claim is None or not claim.disease:
            return None
        scope.update(claim.disease)
    return frozenset(scope) if scope else None


@dataclass(frozen=True, slots=True)
class Criteria:
    """The tiers of one question: its disease's related diseases, the other-disease rule, the therapy asked about.

    ``own`` is the therapy asked about, None when the question names a class of therapies or an
    agent (then no therapy is narrower than another).
    """

    related: frozenset[str]
    other_disease: OtherDisease = OTHER_DISEASE
    own: str | None = None
    umbrella: frozenset[str] = UMBRELLA

    def is_other(self, scope: frozenset[str] | None) -> bool:
        """Whether claims about ``scope`` (None: general) are about other diseases only."""
        return scope is not None and scope.isdisjoint(self.related)

    def option_tier(self, scope: frozenset[str] | None) -> float | None:
        """The tier cost of walking an edge whose counted claims are about ``scope``; None: not walked."""
        if not self.is_other(scope):
            return 0.0
        return {"rank": OTHER_DISEASE_TIER, "equal": 0.0}.get(self.other_disease)

    def ranked_other(self, scope: frozenset[str] | None) -> int:
        """1 if a hop about ``scope`` counts as an other-disease hop in the rank, else 0."""
        return int(self.other_disease == "rank" and self.is_other(scope))

    def narrower(self, therapy: str) -> int:
        """1 if a path from ``therapy`` starts from a narrower therapy than the one asked about, else 0."""
        return int(self.own is not None and therapy != self.own)

    def node_tier(self, node: str) -> float:
        """The tier cost of passing ``node`` as an intermediate."""
        return UMBRELLA_TIER if node in self.umbrella else 0.0

    def entry_tier(self, therapy: str) -> float:
        """The tier cost of starting from an entry of ``therapy``."""
        return NARROWER_TIER * self.narrower(therapy)


def criteria_for(
    G: nx.MultiDiGraph,
    narrower: Mapping[str, Sequence[str]],
    disease: str,
    therapies: Sequence[str],
    asked: str,
    other_disease: OtherDisease = OTHER_DISEASE,
) -> Criteria:
    """The :class:`Criteria` of asking ``asked`` (resolved to ``therapies``) about ``disease``."""
    if other_disease not in ("rank", "equal", "exclude"):
        raise ValueError(f"other_disease must be 'rank', 'equal' or 'exclude', not {other_disease!r}")
    own = asked if asked in therapies and G.nodes[asked].get("type") == "Therapy" else None
    return Criteria(related_diseases(G, narrower, disease), other_disease, own)
