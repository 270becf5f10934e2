"""The observed outcome (mechkg.paths.outcome): a direct therapy -> disease edge is reported apart, with its studies."""

from __future__ import annotations

from mechkg.paths.index import path_index
from mechkg.paths.outcome import observed_outcomes
from mechkg.paths.search import mechanism_paths
from tests.paths.tiny_graph import S, tiny_graph  # noqa: F401 - tiny_graph: the G fixture


def test_direct_edge_is_the_observed_outcome_not_a_path(G):
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert all(len(p.mechanism_hops) >= 2 for p in result.paths)
    assert [o.hop.key for o in result.observed] == [("UC_MSC_THERAPY", "ameliorates", "SLE")]
    (study,) = result.observed[0].studies
    assert study.id == "STUDY1" and study.study.figures[0].measure == "SLEDAI"


def test_outcomes_follow_the_evidence_floor_and_stay_with_the_disease_asked_about(G):
    (outcome,) = observed_outcomes(path_index(G, min_evidence="human"), ["UC_MSC_THERAPY"], "SLE", inherit=True)
    assert outcome.entry == () and [c.id for c in outcome.hop.claims] == ["ucmsc-therapy-sle"]
    assert outcome.hop.support == S["human_trial"] and outcome.hop.kind == "mechanism"
    # a trial in SLE is not an observed outcome in lupus nephritis, a narrower disease
    assert observed_outcomes(path_index(G), ["UC_MSC_THERAPY"], "LN", inherit=True) == ()
    assert observed_outcomes(path_index(G), ["MSC_THERAPY"], "SLE", inherit=True) == ()
