"""Paths on the page (graph/render/path_records.py): records, highlighted paths and the paths panel's table."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from mechkg.errors import MechKGError, UnknownEntity
from mechkg.paths.defaults import TABLE_K
from mechkg.paths.result import Hop, MechanismPath, Node
from mechkg.paths.score import ScoreParts
from mechkg.paths.search import mechanism_paths
from mechkg.paths.table import pair_table
from mechkg.paths.taxonomy import ancestors, descendants
from mechkg.render.disease_pages import disease_subgraph
from mechkg.render.page import explorer_html
from mechkg.render.path_records import PairRecords, pair_paths, pairs_on_page, path_record
from tests.render.page_fixture import build_graph, data_block

TRIPLES = [("MSC", "secretes", "TGFB1"), ("TGFB1", "decreases", "TH17"), ("TH17", "contributesTo", "SLE")]


def _mechanism_path(G: nx.MultiDiGraph, hops: list[Hop], net_sign: int | None, score: float) -> MechanismPath:
    walk = [hops[0].subject if hops[0].forward else hops[0].object]
    walk += [h.object if h.forward else h.subject for h in hops]
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


def _steps(record: dict) -> list[tuple]:
    return [(s["from"], s["to"], s["edge"], s["kind"], s["forward"]) for s in record["steps"]]


def test_path_record_forms() -> None:
    graph = build_graph()
    expected_edges = ["MSC|secretes|TGFB1", "TGFB1|decreases|TH17", "TH17|contributesTo|SLE"]
    by_nodes = path_record(graph, ["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"], number=3)
    assert by_nodes["edges"] == ["UC_MSC_THERAPY|uses|MSC", *expected_edges]
    assert by_nodes["net_sign"] == -1  # the non-causal `uses` entry hop does not count
    assert (by_nodes["number"], by_nodes["score"], by_nodes["score_parts"], by_nodes["narrower_therapy"]) == (3, None, None, None)
    assert [s["kind"] for s in by_nodes["steps"]] == ["entry", "mechanism", "mechanism", "mechanism"]
    # a default search counts the overstated claim (not "probably wrong"), so its hop is flagged
    assert [s["flagged"] for s in by_nodes["steps"]] == [False, False, False, True]
    assert by_nodes["steps"][3]["claims"] == ["sle-th17-contributes"]
    # a mechanism path keeps its own net sign and score: the hops' signs (0 here) are not multiplied again
    mechanism = _mechanism_path(graph, [Hop(s, p, o, "mechanism", 0) for s, p, o in TRIPLES], -1, 0.25)
    record = path_record(graph, mechanism)
    assert {k: record[k] for k in ("nodes", "edges", "net_sign", "score", "number", "narrower_therapy")} == {
        "nodes": ["MSC", "TGFB1", "TH17", "SLE"],
        "edges": expected_edges,
        "net_sign": -1,
        "score": 0.25,
        "number": 1,
        "narrower_therapy": None,
    }
    assert record["score_parts"] == ScoreParts(evidence=0.25, length=1.0, hub=1.0, specificity=1.0).to_dict()
    assert _steps(record) == [(a, b, e, "mechanism", True) for (a, _, b), e in zip(TRIPLES, expected_edges, strict=True)]
    assert path_record(graph, [("MSC", "secretes", "TGFB1")])["nodes"] == ["MSC", "TGFB1"]
    with pytest.raises(MechKGError, match="no edge"):
        path_record(graph, [("SLE", "secretes", "MSC")])


def test_edge_keys_may_walk_against_an_edge() -> None:
    """An exploratory path walks TGFB1 <-secretes- MSC -> ... : the nodes follow the walk, not the edges."""
    graph = build_graph()
    record = path_record(graph, [("MSC", "secretes", "TGFB1"), ("UC_MSC_THERAPY", "uses", "MSC")])
    assert (record["nodes"], record["edges"], record["net_sign"], record["score"]) == (
        ["TGFB1", "MSC", "UC_MSC_THERAPY"],
        ["MSC|secretes|TGFB1", "UC_MSC_THERAPY|uses|MSC"],
        1,
        None,
    )
    assert _steps(record) == [
        ("TGFB1", "MSC", "MSC|secretes|TGFB1", "mechanism", False),
        ("MSC", "UC_MSC_THERAPY", "UC_MSC_THERAPY|uses|MSC", "entry", False),
    ]
    with pytest.raises(MechKGError, match="subject, predicate, object"):
        path_record(graph, ["MSC", ("MSC", "secretes", "TGFB1")])


def test_broader_hops_are_is_a_steps() -> None:
    """A ``broader`` entry/exit hop is a node attribute, not an edge: an is-a step with no edge, listed in its place."""
    graph = build_graph()
    graph.nodes["DRUG_X"]["broader"] = ["SLE"]  # DRUG_X "is a" SLE: the fixture has no narrower disease
    hops = [Hop(s, p, o, "mechanism", 0) for s, p, o in TRIPLES] + [Hop("DRUG_X", "broader", "SLE", "exit", None, False)]
    record = path_record(graph, _mechanism_path(graph, hops, -1, 0.5))
    assert record["nodes"][-1] == "DRUG_X" and all("broader" not in e for e in record["edges"])
    assert record["steps"][-1] == {
        "from": "SLE",
        "to": "DRUG_X",
        "edge": None,
        "kind": "is_a",
        "forward": False,
        "flagged": False,
        "other_disease": False,
        "claims": [],
    }
    # node ids and edge keys make the same is-a step where only `broader` joins two nodes
    assert _steps(path_record(graph, ["TH17", "SLE", "DRUG_X"]))[-1] == ("SLE", "DRUG_X", None, "is_a", False)
    assert _steps(path_record(graph, [("TH17", "contributesTo", "SLE"), ("DRUG_X", "broader", "SLE")]))[-1] == (
        "SLE",
        "DRUG_X",
        None,
        "is_a",
        False,
    )
    wrong = [Hop(s, p, o, "mechanism", 0) for s, p, o in TRIPLES] + [Hop("SLE", "broader", "DRUG_X", "exit", None)]
    with pytest.raises(MechKGError, match="broader kind"):
        path_record(graph, _mechanism_path(graph, wrong, -1, 0.5))  # SLE does not name DRUG_X as broader


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


def _related(G: nx.MultiDiGraph, disease: str) -> set[str]:
    return {disease, *ancestors(G, disease), *descendants(G, disease)}


def test_packaged_records_list_every_step(packaged_built, packaged_table) -> None:
    """Every record of the build's paths panel: one step per pair of nodes, each an edge of the record or an is-a step."""
    G = packaged_built.network
    claims = G.graph["claims"]
    table = pair_paths(G, packaged_table)
    seen = {"is_a": 0, "flagged": 0, "other_disease": 0, "narrower": 0}
    for entry, row in zip(table, packaged_table, strict=True):
        related = _related(G, entry["disease"])
        assert [r["number"] for r in entry["paths"]] == list(range(1, len(entry["paths"]) + 1))
        for record, path in zip(entry["paths"], row.paths, strict=True):
            nodes, steps = record["nodes"], record["steps"]
            assert len(steps) == len(nodes) - 1
            assert [(s["from"], s["to"]) for s in steps] == list(itertools.pairwise(nodes))
            walked = [s["edge"] for s in steps if s["edge"] is not None]
            assert walked == record["edges"]  # every edge in a step, every step's edge among the edges, in order
            for step in steps:
                a, b = step["from"], step["to"]
                if step["edge"] is None:
                    assert step["kind"] == "is_a" and not step["claims"] and not step["flagged"]
                    narrow, broad = (a, b) if step["forward"] else (b, a)
                    assert broad in G.nodes[narrow]["broader"]
                    seen["is_a"] += 1
                    continue
                u, predicate, v = step["edge"].split("|")
                assert step["kind"] in ("mechanism", "entry") and predicate != "broader"
                assert (u, v) == ((a, b) if step["forward"] else (b, a)) and G.has_edge(u, v, predicate)
                assert set(step["claims"]) <= set(G.edges[u, v, predicate]["claims"])
                assert step["flagged"] == any(claims[c].flags for c in step["claims"])
                other = bool(step["claims"]) and all(
                    claims[c].disease and not related & set(claims[c].disease) for c in step["claims"]
                )
                assert step["other_disease"] == other
                seen["flagged"] += step["flagged"]
                seen["other_disease"] += step["other_disease"]
            parts = record["score_parts"]
            assert parts == path.score.to_dict() and parts["total"] == record["score"]
            assert parts["tiers"]["other_disease_hops"] == sum(s["other_disease"] for s in steps)  # ranked (the default)
            assert record["narrower_therapy"] == (nodes[0] if nodes[0] != entry["therapy"] else None)
            assert bool(record["narrower_therapy"]) == parts["narrower_therapy"]
            seen["narrower"] += bool(record["narrower_therapy"])
    assert all(seen.values()), seen  # the packaged graph has paths of every kind: the checks above were exercised
