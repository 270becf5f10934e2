"""Mechanism paths as people read them (mechkg.paths.report), on the tiny graph."""

from __future__ import annotations

from mechkg.paths.report import chain_line, highlight_steps, mechanisms_text, result_text
from mechkg.paths.search import mechanism_paths, mechanisms
from tests.paths.tiny_graph import tiny_graph  # noqa: F401 - the G fixture


def test_the_text_numbers_each_path_with_its_score_parts_claims_and_the_observed_outcome(G):
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", k=5)
    lines = result_text(G, result).splitlines()
    assert lines[0] == (
        "How could 'UC_MSC_THERAPY' [UC_MSC_THERAPY] act on SLE [SLE]? (causal mode, k=5, at most 6 hops, evidence: any)"
    )
    assert "  UC-MSC therapy —ameliorates→ SLE" in lines
    assert "    study STUDY1: UC-MSC trial in SLE (open-label trial, n=40)" in lines
    assert "      SLEDAI 40% decreased (1 year)  「SLEDAI fell」" in lines
    assert "1. UC-MSC therapy —uses→ UC-MSC —increases→ Treg —ameliorates→ SLE   net: counteracts" in lines
    assert "   score 0.1579 = evidence 0.3150 × length 1.000 × hub 0.501 (degrees: UC_MSC 5, TREG 2) × specificity 1.000" in lines
    assert "   same mechanism also via: UC_MSC_THERAPY → UC_MSC → TGFB → TH17 → LN → SLE" in lines
    assert "     [ucmsc-il6] review_assertion, source A  FLAGGED" in lines and "       FLAG overstated: n" in lines
    assert "   tiers: other-disease hops 0, narrower therapy no, generalisations 0, umbrella nodes 0" in lines
    fourth = next(i for i, line in enumerate(lines) if line.startswith("4. "))
    assert lines[fourth + 1] == (
        "   tiers: other-disease hops 0, narrower therapy no, generalisations 0, umbrella nodes 1 (inflammation)"
    )
    fifth = next(i for i, line in enumerate(lines) if line.startswith("5. "))
    assert lines[fifth + 1].endswith("generalisations 1, umbrella nodes 0")


def test_no_path_shows_the_nearest_partial_chains(G):
    text = result_text(G, mechanism_paths(G, "UC_MSC_THERAPY", "SLE", min_evidence="human"))
    assert "No causal mechanism path from 'UC_MSC_THERAPY' to SLE within 6 hops with these constraints." in text
    assert "  from_therapy: UC-MSC —increases→ Treg   (1 hop short)\n" in text
    assert "  to_disease: Th17 —contributesTo→ SLE   (2 hops short)\n" in text


def test_exploratory_hops_walked_backwards_point_backwards(G):
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", mode="exploratory", k=50)
    (path,) = [p for p in result.paths if p.node_ids == ("UC_MSC_THERAPY", "UC_MSC", "IFN", "SLE")]
    assert chain_line(G, "UC_MSC_THERAPY", path.hops) == "UC-MSC therapy —uses→ UC-MSC —decreases→ IFN-I ←associatedWith— SLE"


def test_highlighted_steps_are_edges_of_the_graph(G):
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    steps = highlight_steps(result, G)
    assert steps[0] == [("UC_MSC_THERAPY", "uses", "UC_MSC"), ("UC_MSC", "increases", "TREG"), ("TREG", "ameliorates", "SLE")]
    assert ("UC_MSC", "broader", "MSC") not in steps[4] and ("MSC", "secretes", "IL10") in steps[4]


def test_the_summary_gives_each_therapy_its_best_path(G):
    text = mechanisms_text(G, "SLE", mechanisms(G, "SLE"))
    assert text.splitlines()[:5] == [
        "How each therapy is thought to act on SLE [SLE]:",
        "- UC-MSC therapy [UC_MSC_THERAPY]: counteracts, score 0.1579",
        "    observed: ameliorates (human_trial; studies STUDY1)",
        "    best: UC-MSC therapy —uses→ UC-MSC —increases→ Treg —ameliorates→ SLE",
        "    aggravates: UC-MSC therapy —uses→ UC-MSC —increases→ IL-6 —increases→ Th17 —contributesTo→ SLE",
    ]
    assert mechanisms_text(G, "LN", ()).endswith("no therapy has a mechanism path or an observed outcome for this disease.\n")
