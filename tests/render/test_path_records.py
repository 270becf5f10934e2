"""Paths on the page (graph/render/path_records.py): records, highlighted paths and the paths panel's table."""

from __future__ import annotations

import networkx as nx
import pytest

from mechkg.errors import MechKGError, UnknownEntity
from mechkg.paths.defaults import TABLE_K
from mechkg.paths.result import Hop, MechanismPath, Node
from mechkg.paths.score import ScoreParts
from mechkg.paths.search import mechanism_paths
from mechkg.paths.table import pair_table
from mechkg.render.disease_pages import disease_subgraph
from mechkg.render.page import explorer_html
from mechkg.render.path_records import PairRecords, pair_paths, pairs_on_page, path_record
from tests.render.page_fixture import build_graph, data_block

TRIPLES = [("MSC", "secretes", "TGFB1"), ("TGFB1", "decreases", "TH17"), ("TH17", "contributesTo", "SLE")]


def _mechanism_path(G: nx.MultiDiGraph, hops: list[Hop], net_sign: int | None, score: float) -> MechanismPath:
    walk = [hops[0].subject, *(h.object for h in hops)]
    return MechanismPath(
        therapy=walk[0],
        disease=walk[-1],
        nodes=tuple(Node.from_graph(G, n) for n in walk),
        hops=tuple(hops),
        net_sign=net_sign,
        score=ScoreParts(evidence=score, length=1.0, hub=1.0, specificity=1.0),
    )


def test_highlight_paths() -> None:
    graph = build_graph()
    page = explorer_html(graph, highlight_paths=[["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"]])
    highlight = data_block(page)[1]["highlight"]
    assert highlight["edges"] == sorted(
        ["UC_MSC_THERAPY|uses|MSC", "MSC|secretes|TGFB1", "TGFB1|decreases|TH17", "TH17|contributesTo|SLE"]
    )
    assert "DRUG_X" not in highlight["nodes"] and "SLE" in highlight["nodes"]
    by_triples = explorer_html(graph, highlight_paths=[[("MSC", "secretes", "TGFB1"), ("TGFB1", "decreases", "TH17")]])
    assert data_block(by_triples)[1]["highlight"]["edges"] == ["MSC|secretes|TGFB1", "TGFB1|decreases|TH17"]
    assert data_block(explorer_html(graph))[1]["highlight"] == {"nodes": [], "edges": [], "paths": []}
    with pytest.raises(UnknownEntity):
        explorer_html(graph, highlight_paths=[["MSC", "NOPE"]])
    with pytest.raises(MechKGError, match="DRUG_X"):
        explorer_html(graph, highlight_paths=[["MSC", "DRUG_X"]])


def test_path_record_forms() -> None:
    graph = build_graph()
    expected_edges = ["MSC|secretes|TGFB1", "TGFB1|decreases|TH17", "TH17|contributesTo|SLE"]
    by_nodes = path_record(graph, ["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"])
    assert by_nodes["edges"] == ["UC_MSC_THERAPY|uses|MSC", *expected_edges]
    assert by_nodes["net_sign"] == -1  # the non-causal `uses` entry hop does not count
    # a mechanism path keeps its own net sign and score: the hops' signs (0 here) are not multiplied again
    mechanism = _mechanism_path(graph, [Hop(s, p, o, "mechanism", 0) for s, p, o in TRIPLES], -1, 0.25)
    assert path_record(graph, mechanism) == {
        "nodes": ["MSC", "TGFB1", "TH17", "SLE"],
        "edges": expected_edges,
        "net_sign": -1,
        "score": 0.25,
    }
    assert path_record(graph, [("MSC", "secretes", "TGFB1")])["nodes"] == ["MSC", "TGFB1"]
    with pytest.raises(MechKGError, match="no edge"):
        path_record(graph, [("SLE", "secretes", "MSC")])


def test_edge_keys_may_walk_against_an_edge() -> None:
    """An exploratory path walks TGFB1 <-secretes- MSC -> ... : the nodes follow the walk, not the edges."""
    graph = build_graph()
    record = path_record(graph, [("MSC", "secretes", "TGFB1"), ("UC_MSC_THERAPY", "uses", "MSC")])
    assert record == {
        "nodes": ["TGFB1", "MSC", "UC_MSC_THERAPY"],
        "edges": ["MSC|secretes|TGFB1", "UC_MSC_THERAPY|uses|MSC"],
        "net_sign": 1,
        "score": None,
    }
    with pytest.raises(MechKGError, match="subject, predicate, object"):
        path_record(graph, ["MSC", ("MSC", "secretes", "TGFB1")])


def test_broader_hops_are_not_drawn() -> None:
    """A mechanism path's ``broader`` entry/exit hops are node attributes, not edges: left out of the record."""
    graph = build_graph()
    hops = [Hop(s, p, o, "mechanism", 0) for s, p, o in TRIPLES] + [Hop("SLE", "broader", "DRUG_X", "exit", None)]
    record = path_record(graph, _mechanism_path(graph, hops, -1, 0.5))
    assert record["nodes"][-1] == "DRUG_X" and all("broader" not in e for e in record["edges"])


def test_paths_table_in_the_page() -> None:
    graph = build_graph()
    path = ["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"]
    record = path_record(graph, path)
    table: list[PairRecords] = [
        {"therapy": "UC_MSC_THERAPY", "disease": "SLE", "paths": [record]},
        {"therapy": "UC_MSC_THERAPY", "disease": "NOT_HERE", "paths": [record]},
    ]
    page = explorer_html(graph, paths=table)
    table = data_block(page)[1]["paths"]
    assert [(e["therapy"], e["disease"]) for e in table] == [("UC_MSC_THERAPY", "SLE")]  # pairs outside the page dropped
    assert table[0]["paths"][0]["nodes"] == path


def test_a_pair_whose_paths_leave_the_page_is_left_out() -> None:
    graph = build_graph()
    inside = path_record(graph, [("TH17", "contributesTo", "SLE")])
    through_msc = path_record(graph, ["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"])
    table: list[PairRecords] = [
        {"therapy": "UC_MSC_THERAPY", "disease": "SLE", "paths": [through_msc]},
        {"therapy": "TH17", "disease": "SLE", "paths": [inside]},
        {"therapy": "MSC", "disease": "SLE", "paths": []},
    ]
    assert pairs_on_page(graph, table) == [table[1], table[0]]  # sorted by disease, then therapy; no empty pair
    page = disease_subgraph(graph, "SLE")
    page.remove_node("TGFB1")  # a node of the path through MSC
    assert pairs_on_page(page, table) == [table[1]]
    graph.remove_edge("UC_MSC_THERAPY", "MSC", "uses")  # an edge of it
    assert pairs_on_page(graph, table) == [table[1]]


def test_mechanism_paths_go_into_the_page(mini_built) -> None:
    G = mini_built.network
    result = mechanism_paths(G, "MSC_THERAPY", "SLE", k=TABLE_K)
    table = pair_paths(G, pair_table(G))
    assert [(e["therapy"], e["disease"]) for e in table] == ([("MSC_THERAPY", "SLE")] if result.paths else [])
    for entry in table:
        for record, path in zip(entry["paths"], result.paths, strict=False):
            assert record["nodes"] == [n.id for n in path.nodes]
            assert record["net_sign"] == path.net_sign
            assert record["score"] == round(path.score.total, 6)
            assert all(e.split("|")[1] != "broader" for e in record["edges"])
    # the MechanismPath objects themselves can be highlighted
    if result.paths:
        highlight = data_block(explorer_html(G, highlight_paths=result.paths))[1]["highlight"]
        assert highlight["paths"][0]["net_sign"] == result.paths[0].net_sign
