"""The score (mechkg.paths.score): claim strengths, noisy-or support per source, flags, hubs, and the search costs."""

from __future__ import annotations

import math

import pytest

from mechkg.paths.score import (
    EVIDENCE_FLOORS,
    FLAG_FACTOR,
    GENERALISATION_TIER,
    ScoreParts,
    chain_cost,
    edge_support,
    hub_cost,
    hub_factor,
    search_cost,
    specificity,
    weigh_claims,
)
from mechkg.paths.search import mechanism_paths
from tests.paths.tiny_graph import CLAIMS, S, tiny_graph, with_claims  # noqa: F401 - tiny_graph: the G fixture


def test_duplicate_claim_from_one_source_does_not_change_the_score(G):
    before = [p.score.total for p in mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths]
    again = ("tgfb-th17-again", "TGFB", "decreases", "TH17", "animal_model", "A", {})
    weaker = ("tgfb-th17-weaker", "TGFB", "decreases", "TH17", "in_vitro", "A", {})
    G = with_claims(again, weaker)
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert [p.score.total for p in result.paths] == pytest.approx(before)
    assert {c.id for c in result.paths[1].mechanism_hops[1].claims} == {"tgfb-th17", "tgfb-th17-again", "tgfb-th17-weaker"}
    # ... while a second, independent source raises it (noisy-or of the two sources).
    G = with_claims(again, weaker, ("tgfb-th17-other", "TGFB", "decreases", "TH17", "in_vitro", "C", {}))
    hop = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[1].mechanism_hops[1]
    assert hop.sources == 2
    assert hop.support == pytest.approx(1 - (1 - S["animal_model"]) * (1 - S["in_vitro"]))


def test_flagged_claims_count_less(G):
    aggravating = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[2]
    assert aggravating.mechanism_hops[0].claims[0].flagged
    assert aggravating.mechanism_hops[0].support == pytest.approx(S["review_assertion"] * FLAG_FACTOR)


def test_hub_penalty_scores_equal_evidence_apart(G):
    # TREG and INFLAMMATION paths have the same evidence; only the hub (degree 2 vs 6) separates their scores.
    paths = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths
    first, inflammation = paths[0], next(p for p in paths if "INFLAMMATION" in p.node_ids)
    assert first.score.evidence == inflammation.score.evidence and first.node_ids[2] == "TREG"
    assert first.score.hub > inflammation.score.hub and first.score.total > inflammation.score.total


@pytest.mark.parametrize("floor", sorted(EVIDENCE_FLOORS))
@pytest.mark.parametrize("diseases", [None, frozenset({"SLE"}), frozenset({"RA"})])
def test_the_fast_edge_support_is_the_support_of_the_weighed_claims(floor, diseases):
    """edge_support (used once per edge of a big graph) and weigh_claims (once per hop shown) agree to the bit."""
    claims = with_claims(
        ("tgfb-th17-again", "TGFB", "decreases", "TH17", "human_trial", "A", {}),
        ("tgfb-th17-other", "TGFB", "decreases", "TH17", "in_vitro", "C", {"flags": [{"kind": "doubtful", "note": "n"}]}),
        ("tgfb-th17-ra", "TGFB", "decreases", "TH17", "animal_model", "B", {"disease": ["RA"]}),
    ).graph["claims"]
    groups = [[c[0]] for c in CLAIMS] + [["tgfb-th17", "tgfb-th17-again", "tgfb-th17-other", "tgfb-th17-ra", "missing"], []]
    for ids in groups:
        kept, support, sources = weigh_claims(claims, ids, EVIDENCE_FLOORS[floor], diseases)
        assert edge_support(claims, ids, EVIDENCE_FLOORS[floor], diseases) == support
        assert sources == len({c.source for c in kept}) and (support > 0) == bool(kept)


def test_costs_are_minus_log_of_the_score_parts():
    assert hub_cost(6) == pytest.approx(-math.log(hub_factor([6])))
    assert hub_cost(0) == hub_cost(1) == 0.0
    assert chain_cost(2, 0) == pytest.approx(-math.log(specificity(2)))
    assert chain_cost(1, 1) - chain_cost(1, 0) == GENERALISATION_TIER
    parts = ScoreParts(0.25, 0.8, 0.5, 0.7, generalisations=1)
    # a path's search cost leaves out the cost of the first two hops' length factor (they have none)
    assert search_cost(parts) == pytest.approx(GENERALISATION_TIER - math.log(parts.total) + 2 * math.log(0.8))
    assert parts.to_dict()["total"] == round(0.25 * 0.8 * 0.5 * 0.7, 6)
