"""The explorer as files (graph/render/disease_pages.py): one page, or an overview plus one per disease."""

from __future__ import annotations

from pathlib import Path

from mechkg.render.disease_pages import disease_subgraph, explorer_pages, overview_subgraph
from mechkg.render.page import explorer_html
from mechkg.render.path_records import path_record
from tests.render.page_fixture import build_graph, data_block, two_diseases


def test_small_graph_is_one_page() -> None:
    graph = build_graph()
    pages = explorer_pages(graph)
    assert list(pages) == ["mechkg.html"]
    assert pages["mechkg.html"] == explorer_html(graph)


def test_large_graph_is_split_by_disease(tmp_path: Path) -> None:
    G = two_diseases(12)
    pages = explorer_pages(G, max_nodes=10)
    assert sorted(pages) == ["mechkg-DA.html", "mechkg-DB.html", "mechkg.html"]
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    page_a = data_block((tmp_path / "mechkg-DA.html").read_text(encoding="utf-8"))[1]
    assert "DA_11" in page_a["entities"] and "DB_3" not in page_a["entities"]
    assert {"label": "DB", "href": "mechkg-DB.html"} in page_a["links"]
    overview = data_block((tmp_path / "mechkg.html").read_text(encoding="utf-8"))[1]
    assert {"DA", "DB"} <= set(overview["entities"]) and len(overview["entities"]) == 10
    assert [link["href"] for link in overview["links"]] == ["mechkg-DA.html", "mechkg-DB.html"]


def test_each_page_carries_the_paths_that_lie_in_it() -> None:
    G = two_diseases(3)
    paths = [{"therapy": "HUB", "disease": d, "paths": [path_record(G, ["HUB", f"{d}_0", d])]} for d in ("DA", "DB")]
    pages = explorer_pages(G, max_nodes=5, paths=paths, name="kg", title="KG")
    page_a = data_block(pages["kg-DA.html"])[1]
    assert [(e["therapy"], e["disease"]) for e in page_a["paths"]] == [("HUB", "DA")]
    assert "<title>KG: DA</title>" in pages["kg-DA.html"]
    assert [link["label"] for link in page_a["links"]] == ["overview", "DA", "DB"]


def test_disease_subgraph_keeps_the_edges_about_the_disease() -> None:
    G = two_diseases(3)
    H = disease_subgraph(G, "DA")
    assert set(H) == {"HUB", "DA", "DA_0", "DA_1", "DA_2"}
    assert H.graph["name"] == "MechKG: DA" and H.graph["claims"] is G.graph["claims"]


def test_overview_keeps_the_anchors_and_their_best_connected_neighbours() -> None:
    G = two_diseases(3)
    assert set(overview_subgraph(G, 4)) == {"DA", "DB", "DA_0", "DB_0"}  # degree 3 each: the starts of the chains
    assert set(overview_subgraph(G, 1)) == {"DA", "DB"}  # the anchors always
