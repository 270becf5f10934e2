"""The all-pairs path table of a build (mechkg.paths.table)."""

from __future__ import annotations

import networkx as nx

from mechkg.paths.defaults import TABLE_K
from mechkg.paths.search import mechanism_paths
from mechkg.paths.table import pair_table
from tests.paths.tiny_graph import tiny_graph  # noqa: F401 - the G fixture


def test_every_pair_with_a_path_once_with_the_paths_a_question_would_get(G):
    table = pair_table(G)
    assert [(row.therapy, row.disease) for row in table] == sorted(
        ((row.therapy, row.disease) for row in table), key=lambda pair: (pair[1], pair[0])
    )
    assert {(row.therapy, row.disease) for row in table} == {
        (t, d) for t in ("EXO_THERAPY", "MSC_THERAPY", "UC_MSC_THERAPY") for d in ("LN", "SLE")
    }
    for row in table:
        assert row.paths == mechanism_paths(G, row.therapy, row.disease, k=TABLE_K, nearest=False).paths
        assert len(row.paths) <= TABLE_K


def test_own_paths_start_at_the_therapy_itself(G):
    (row,) = [r for r in pair_table(G, k=10) if (r.therapy, r.disease) == ("MSC_THERAPY", "SLE")]
    assert {p.therapy for p in row.paths} == {"MSC_THERAPY", "UC_MSC_THERAPY"}
    assert row.own and all(p.therapy == "MSC_THERAPY" for p in row.own)


def test_a_graph_without_therapies_or_diseases_has_an_empty_table():
    assert pair_table(nx.MultiDiGraph()) == ()
