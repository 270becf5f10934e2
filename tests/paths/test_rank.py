"""Ranking and one entry per mechanism (mechkg.paths.rank)."""

from __future__ import annotations

from mechkg.paths.rank import dedup, rank_key, same_mechanism
from mechkg.paths.search import mechanism_paths
from mechkg.paths.taxonomy import equivalence, exact_matches
from tests.paths.tiny_graph import chains, tiny_graph  # noqa: F401 - tiny_graph: the G fixture


def test_synonymous_intermediates_are_listed_once(G):
    # TH17 -> LN (a narrower SLE) is the same mechanism as TH17 -> SLE: a variant, not a new path.
    result = mechanism_paths(G, "UC_MSC_THERAPY", "SLE")
    assert not any("LN" in p.node_ids for p in result.paths)
    assert ("UC_MSC_THERAPY", "UC_MSC", "TGFB", "TH17", "LN", "SLE") in result.paths[1].variants


def test_cell_source_query_merges_therapies_without_repeating_mechanisms(G):
    result = mechanism_paths(G, "間充質干細胞", "SLE")
    assert result.therapies == ("MSC_THERAPY", "UC_MSC_THERAPY")
    # MSC -> IL-10 -> Th17 -> SLE now starts at MSC therapy, without a generalisation step,
    # and is listed once although UC-MSC therapy reaches it too.
    il10 = [p for p in result.paths if "IL10" in p.node_ids]
    assert [p.node_ids for p in il10] == [("MSC_THERAPY", "MSC", "IL10", "TH17", "SLE")]
    assert il10[0].score.specificity == 1.0
    assert len(set(chains(result))) == len(result.paths)


def test_dedup_ranks_and_keeps_the_best_reading_of_each_mechanism(G):
    paths = mechanism_paths(G, "UC_MSC_THERAPY", "SLE", k=50).paths
    same = equivalence(G, exact_matches(G))
    assert [p.node_ids for p in dedup(list(reversed(paths)), same)] == [p.node_ids for p in paths]
    assert sorted(paths, key=rank_key) == list(paths)
    assert same_mechanism(paths[0], paths[0], same) and not same_mechanism(paths[0], paths[1], same)
