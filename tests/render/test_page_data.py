"""What the page carries (graph/render/page_data.py): entities, edges, claims and sources from the view layer."""

from __future__ import annotations

from mechkg.network.assemble import add_node, edge_of
from mechkg.render.disease_pages import disease_subgraph
from mechkg.render.page_data import page_data
from mechkg.views.claims import claim_json, source_json
from mechkg.views.edges import edge_json
from tests.render.page_fixture import build_graph, data_block, make_node, small_page


def test_data_carries_nodes_edges_and_claims() -> None:
    graph = build_graph()
    page = small_page()
    _, data = data_block(page)
    assert sorted(data["entities"]) == sorted(graph.nodes)
    assert sorted(data["edges"]) == sorted(f"{u}|{k}|{v}" for u, v, k in graph.edges(keys=True))
    assert data["claims"] == {cid: claim_json(c) for cid, c in graph.graph["claims"].items()}
    edge = data["edges"]["TGFB1|decreases|TH17"]
    assert edge["sign"] == -1 and edge["claims"] == ["sle-tgfb1-decreases-th17"]
    assert data["edges"]["UC_MSC_THERAPY|uses|MSC"]["claims"] == []
    # a node lists the claims it takes part in, with its role
    assert data["entities"]["TH17"]["claims"] == [
        {"claim": "sle-tgfb1-decreases-th17", "roles": ["object"]},
        {"claim": "sle-th17-contributes", "roles": ["subject"]},
    ]
    assert data["entities"]["STUDY_SLE_UCMSC"]["claims"] == [{"claim": "sle-ucmsc-ameliorates", "roles": ["study"]}]
    assert data["entities"]["STUDY_SLE_UCMSC"]["properties"]["figures"][0]["measure"] == "SLEDAI"
    assert data["diseases"] == ["SLE"]
    assert [c["name"] for c in data["classes"]][:3] == ["Disease", "CellType", "GeneProduct"]


def test_the_data_is_the_view_layers() -> None:
    """Edges and sources are :mod:`mechkg.views` JSON; an edge's ends are named as vis-network names them."""
    graph = build_graph()
    data = page_data(graph, lang="en")
    for u, v, predicate in graph.edges(keys=True):
        view = edge_json(edge_of(graph, u, v, predicate))
        key = f"{u}|{predicate}|{v}"
        assert data["edges"][key] == {"id": key, "from": view.pop("subject"), "to": view.pop("object"), **view}
    assert data["sources"] == {sid: source_json(s) for sid, s in graph.graph["sources"].items()}
    assert data["graph_name"] == "MechKG"


def test_a_node_without_a_chinese_label_shows_its_english_one() -> None:
    graph = build_graph()
    add_node(graph, make_node("IL10", "interleukin 10", "", "GeneProduct"))
    entity = page_data(graph, lang="en")["entities"]["IL10"]
    assert (entity["label_en"], entity["label_zh"], entity["degree"], entity["claims"]) == (
        "interleukin 10",
        "interleukin 10",
        0,
        [],
    )


def test_a_disease_page_carries_only_its_own_claims() -> None:
    graph = build_graph()
    H = disease_subgraph(graph, "SLE")
    H.remove_nodes_from(["MSC", "TGFB1", "UC_MSC_THERAPY"])
    data = page_data(H, lang="en")
    assert sorted(data["claims"]) == ["sle-tgfb1-decreases-th17", "sle-th17-contributes", "sle-ucmsc-ameliorates"]
    assert "secretes" not in data["predicates"]
