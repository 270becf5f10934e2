"""What ranks a path besides its score (mechkg.paths.criteria), and doubt that counts: on the tiny graph."""

from __future__ import annotations

import networkx as nx
import pytest

from mechkg.paths import defaults
from mechkg.paths.criteria import UMBRELLA, Criteria, criteria_for, hop_scope, related_diseases
from mechkg.paths.index import path_index
from mechkg.paths.outcome import observed_outcomes
from mechkg.paths.report import mechanisms_text, result_text
from mechkg.paths.score import FLAG_FACTOR, TIER_NAMES
from mechkg.paths.search import mechanism_paths, mechanisms
from mechkg.paths.taxonomy import narrower_index
from mechkg.views.paths import result_json
from tests.paths.tiny_graph import CLAIMS, EXPECTED_UC, S, both_engines, chains, make_claim, tiny, tiny_graph  # noqa: F401

TREG = EXPECTED_UC[0][0]  # UC-MSC therapy -> UC-MSC -> Treg -> SLE
TGFB = EXPECTED_UC[1][0]  # ... -> TGF-β -> Th17 -> SLE
INFLAMMATION = EXPECTED_UC[3][0]


def changed(**extras: dict) -> nx.MultiDiGraph:
    """The tiny graph with the extra fields of some claims replaced (claim id -> extra)."""
    return tiny(
        [
            make_claim(*c[:6], {**c[6], **extras[c[0].replace("-", "_")]}) if c[0].replace("-", "_") in extras else make_claim(*c)
            for c in CLAIMS
        ]
    )


def flag(kind: str) -> dict:
    return {"flags": [{"kind": kind, "note": "n", "intended": "i"}]}


# --------------------------------------------------------------------------------------------
# Doubt counts: claims flagged as probably wrong do not count
# --------------------------------------------------------------------------------------------


def test_the_probably_wrong_kinds_are_the_ones_curation_md_names():
    assert defaults.PROBABLY_WRONG == {"contradicts_biology", "doubtful"}
    assert defaults.INCLUDE_DOUBTFUL is False


@pytest.mark.parametrize("kind", sorted(defaults.PROBABLY_WRONG))
def test_an_edge_resting_only_on_probably_wrong_claims_is_left_out_unless_asked_for(kind):
    G = changed(ucmsc_treg=flag(kind))
    assert TREG not in chains(mechanism_paths(G, "UC_MSC_THERAPY", "SLE"))
    back = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", include_doubtful=True)
    (path,) = [p for p in back.paths if p.node_ids == TREG]
    (claim,) = path.mechanism_hops[0].claims
    assert claim.doubtful and claim.flagged and claim.value == pytest.approx(S["human_trial"] * FLAG_FACTOR)
    assert back.constraints["include_doubtful"] is True


@pytest.mark.parametrize("kind", ["mistranslation", "garbled_name", "overstated", "unclear_referent", "inconsistent"])
def test_other_flags_only_weaken_a_claim(kind):
    G = changed(ucmsc_treg=flag(kind))
    assert chains(mechanism_paths(G, "UC_MSC_THERAPY", "SLE"))[0] == TREG


def test_a_sound_claim_keeps_the_edge_and_only_it_counts():
    sound = ("ucmsc-treg-sound", "UC_MSC", "increases", "TREG", "in_vitro", "B", {})
    doubtful = ("ucmsc-treg", "UC_MSC", "increases", "TREG", "human_trial", "C", flag("doubtful"))
    G = tiny([make_claim(*c) for c in CLAIMS if c[0] != "ucmsc-treg"] + [make_claim(*doubtful), make_claim(*sound)])
    (path,) = [p for p in mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths if p.node_ids == TREG]
    assert [c.id for c in path.mechanism_hops[0].claims] == ["ucmsc-treg-sound"]
    assert path.mechanism_hops[0].support == pytest.approx(S["in_vitro"])


def test_an_observed_outcome_resting_on_a_doubtful_claim_is_left_out_too():
    G = changed(ucmsc_therapy_sle={**flag("contradicts_biology"), "study": "STUDY1"})
    assert observed_outcomes(path_index(G), ["UC_MSC_THERAPY"], "SLE", inherit=True) == ()
    (outcome,) = observed_outcomes(path_index(G, include_doubtful=True), ["UC_MSC_THERAPY"], "SLE", inherit=True)
    assert outcome.hop.key == ("UC_MSC_THERAPY", "ameliorates", "SLE")


def test_an_index_built_without_doubtful_claims_is_not_reused_with_them(G):
    with pytest.raises(ValueError, match="other filters"):
        mechanism_paths(G, "UC_MSC_THERAPY", "SLE", include_doubtful=True, index=path_index(G))


# --------------------------------------------------------------------------------------------
# Other diseases: ranked lower and labelled; narrower, broader and general claims are the disease's own
# --------------------------------------------------------------------------------------------


def test_a_hop_resting_only_on_another_disease_ranks_after_same_disease_evidence_and_is_labelled():
    G = changed(tgfb_th17={"disease": ["RA"]})
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert chains(result)[-1] == TGFB  # after the umbrella and the generalised paths although it scores higher
    borrowed = result.paths[-1]
    assert borrowed.score.other_disease == 1 and borrowed.score.tiers == (1, 0, 0, 0)
    assert "   other disease: RA — TGF-β —decreases→ Th17 rests only on claims about it" in result_text(G, result).splitlines()
    (label,) = result_json(G, result)["paths"][-1]["borrowed_context"]
    assert label == {"subject": "TGFB", "predicate": "decreases", "object": "TH17", "diseases": ["RA"]}
    assert result_json(G, result)["paths"][-1]["score_parts"]["tiers"]["other_disease_hops"] == 1


def test_other_disease_hops_on_equal_footing_or_left_out():
    G = changed(tgfb_th17={"disease": ["RA"]})
    equal = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", other_disease="equal")
    assert chains(equal) == [e[0] for e in EXPECTED_UC]  # the order without the rule
    assert equal.paths[1].score.other_disease == 0
    assert "other disease: RA" in result_text(G, equal)  # still labelled
    excluded = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", other_disease="exclude")
    assert TGFB not in chains(excluded) and chains(excluded)[0] == TREG
    with pytest.raises(ValueError, match="other_disease"):
        mechanism_paths(G, "UC_MSC_THERAPY", "SLE", other_disease="ignore")  # type: ignore[arg-type]


@pytest.mark.parametrize("diseases", [["LN"], [], ["RA", "SLE"]], ids=["narrower", "general", "mixed"])
def test_narrower_general_and_mixed_claims_are_the_diseases_own(diseases):
    G = changed(tgfb_th17={"disease": diseases})
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert chains(result)[1] == TGFB and result.paths[1].score.other_disease == 0


def test_related_diseases_go_up_and_down_the_hierarchy():
    G = nx.MultiDiGraph()
    G.add_nodes_from([("AID", {}), ("MS", {"broader": ["AID"]}), ("RRMS", {"broader": ["MS"]}), ("UC", {"broader": ["AID"]})])
    assert related_diseases(G, narrower_index(G), "MS") == {"MS", "RRMS", "AID"}
    c = Criteria(related_diseases(G, narrower_index(G), "MS"))
    assert [c.is_other(s) for s in (frozenset({"RRMS"}), frozenset({"UC"}), None)] == [False, True, False]


def test_the_scope_of_a_hop_is_the_diseases_of_its_claims(G):
    path = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[0]
    assert hop_scope(G, path.mechanism_hops[0]) == {"SLE"}
    assert hop_scope(G, path.hops[0]) is None  # the uses hop has no claim


# --------------------------------------------------------------------------------------------
# Specific beats vague: the therapy itself, then specific mediators
# --------------------------------------------------------------------------------------------


def test_paths_from_the_therapy_itself_rank_before_those_of_narrower_therapies(G):
    result = mechanism_paths(G, "MSC_THERAPY", "SLE")
    assert result.therapies == ("MSC_THERAPY", "UC_MSC_THERAPY")
    first, *rest = result.paths
    assert first.therapy == "MSC_THERAPY" and first.score.narrower == 0
    assert rest and all(p.therapy == "UC_MSC_THERAPY" and p.score.narrower == 1 for p in rest)
    assert max(p.score.total for p in rest) > first.score.total  # the tier, not the score, decides
    assert "narrower therapy yes" in result_text(G, result)


def test_a_class_of_therapies_prefers_none_of_them(G):
    result = mechanism_paths(G, "間充質干細胞", "SLE")  # the cell, not a therapy: every therapy using it is the question's own
    assert all(p.score.narrower == 0 for p in result.paths)


def test_a_chain_of_specific_mediators_ranks_before_an_umbrella_node(G):
    assert {"INFLAMMATION", "IMMUNE_IMBALANCE", "AID"} <= UMBRELLA
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    umbrella = result.paths[3]
    assert umbrella.node_ids == INFLAMMATION and umbrella.score.umbrella == ("INFLAMMATION",)
    assert all(umbrella.score.total > p.score.total for p in result.paths[1:3])
    assert result_json(G, result)["paths"][3]["score_parts"]["umbrella_nodes"] == ["INFLAMMATION"]


def test_the_score_parts_name_every_tier_in_order(G):
    parts = result_json(G, mechanism_paths(G, "UC_MSC_THERAPY", "SLE"))["paths"][4]["score_parts"]
    assert (
        list(parts["tiers"])
        == list(TIER_NAMES)
        == ["other_disease_hops", "narrower_therapy", "generalisations", "umbrella_nodes"]
    )
    assert parts["tiers"]["generalisations"] == 1 and parts["narrower_therapy"] is False


def test_a_therapy_crosses_uses_to_its_agents_mechanisms_without_counting_it(G):
    result = mechanism_paths(G, "EXO_THERAPY", "SLE")
    path = next(p for p in result.paths if "LET7" in p.node_ids)
    assert path.hops[0].key == ("EXO_THERAPY", "uses", "MSC_EXO") and path.hops[0].kind == "entry"
    assert path.mechanism_hops[0].key == ("MSC_EXO", "carries", "LET7")
    assert path.score.evidence == pytest.approx(
        S["animal_model"] * S["in_vitro"] * S["review_assertion"] * S["human_observational"]
    )


def test_criteria_know_the_therapy_asked_about(G):
    narrower = narrower_index(G)
    own = criteria_for(G, narrower, "SLE", ("MSC_THERAPY", "UC_MSC_THERAPY"), "MSC_THERAPY")
    assert own.own == "MSC_THERAPY" and own.narrower("UC_MSC_THERAPY") == 1
    assert criteria_for(G, narrower, "SLE", ("MSC_THERAPY", "UC_MSC_THERAPY"), "MSC").own is None


# --------------------------------------------------------------------------------------------
# The pruned search equals the reference under every rule
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("other_disease", ["rank", "equal", "exclude"])
@pytest.mark.parametrize("include_doubtful", [False, True])
@pytest.mark.parametrize("therapy", ["MSC_THERAPY", "UC_MSC_THERAPY", "MSC"])
def test_pruned_search_equals_reference_under_the_rules(therapy, include_doubtful, other_disease):
    G = changed(tgfb_th17={"disease": ["RA"]}, il10_th17={"disease": ["RA"]}, ucmsc_treg=flag("doubtful"))
    pruned, full = both_engines(G, therapy, "SLE", include_doubtful=include_doubtful, other_disease=other_disease, k=50)
    assert pruned == full and pruned.paths


# --------------------------------------------------------------------------------------------
# mechanisms: best, best counteracting, best aggravating, observed
# --------------------------------------------------------------------------------------------


def test_mechanisms_report_the_best_counteracting_and_aggravating_path(G):
    row = next(r for r in mechanisms(G, "SLE") if r.therapy == "UC_MSC_THERAPY")
    assert row.best is row.counteracting and row.best.node_ids == TREG
    assert row.aggravating is not None and row.aggravating.node_ids == EXPECTED_UC[2][0]
    assert row.observed and row.observed[0].hop.predicate == "ameliorates"


def test_an_aggravating_path_resting_on_another_disease_does_not_decide_the_verdict():
    """The shape of `mechkg mechanisms SLE` calling exosome therapy aggravating on a colitis claim."""
    colitis = ("exo-th17-colitis", "EXO_THERAPY", "increases", "TH17", "human_trial", "C", {"disease": ["UC"]})
    G = tiny([*(make_claim(*c) for c in CLAIMS), make_claim(*colitis)])
    row = next(r for r in mechanisms(G, "SLE") if r.therapy == "EXO_THERAPY")
    assert row.aggravating is not None and row.aggravating.node_ids == ("EXO_THERAPY", "TH17", "SLE")
    assert row.aggravating.score.total > row.best.score.total  # it would have won on score alone
    assert row.best.verdict == "counteracts" and row.best is row.counteracting
    text = mechanisms_text(G, "SLE", mechanisms(G, "SLE"))
    assert "    aggravates: MSC exosome therapy —increases→ Th17 —contributesTo→ SLE  [other disease: UC]" in text
    equal = next(r for r in mechanisms(G, "SLE", other_disease="equal") if r.therapy == "EXO_THERAPY")
    assert equal.best.verdict == "aggravates"
